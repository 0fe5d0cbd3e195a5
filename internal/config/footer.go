package config

import (
	"strings"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Footer is what a Chinese government site shows at the foot of every
// page. Every field is optional; an empty one is left out.
type Footer struct {
	Sponsor  string // 主办单位
	ICP      string // ICP 备案号, linked to the MIIT filing site
	Police   string // 公安备案号, linked to the national filing site
	SiteCode string // 政府网站标识码
	Contact  string // 联系电话
}

// PoliceCode returns the digits of the police filing number, the record
// code the national filing site looks it up by.
func (f Footer) PoliceCode() string {
	var b strings.Builder
	for _, r := range f.Police {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Empty reports whether the footer has nothing to show.
func (f Footer) Empty() bool { return f == Footer{} }

func decodeFooter(d *fields.Decoder, n *yaml.Node, f *Footer) {
	m, ok := d.Mapping(n, diag.T("footer（页脚）", "footer"), fields.Keys{Known: []string{"sponsor", "icp", "police", "siteCode", "contact"}})
	if !ok {
		return
	}
	str := func(key string, dst *string) {
		if v := m.Value(key); v != nil {
			if s, ok := d.String(v, key); ok {
				*dst = s
			}
		}
	}
	str("sponsor", &f.Sponsor)
	str("icp", &f.ICP)
	str("police", &f.Police)
	str("siteCode", &f.SiteCode)
	str("contact", &f.Contact)
	if f.Police != "" && f.PoliceCode() == "" {
		d.Errorf(m.Value("police"), "config/police",
			diag.T("公安备案号 %q 中没有数字", "police filing number %q has no digits", f.Police),
			diag.T("照备案证书写全，例如 京公网安备11010502030143号", "write it as on the filing certificate, for example 京公网安备11010502030143号"))
	}
}
