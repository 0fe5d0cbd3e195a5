package config

import (
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// Submit configures the browser submission page /submit/, where a branch
// secretary fills in a brand and downloads it as a bundle to send.
type Submit struct {
	// Enabled publishes the page on the web target; it is on by default.
	Enabled bool
	// Instructions tell the secretary where to send the bundle.
	Instructions string
}

// defaultInstructions is shown when showcase.yaml gives none.
const defaultInstructions = "填好后点“下载提交包”，把下载的压缩包发给本单位党建工作负责人或上级党组织；如果站点的源文件放在代码仓库里，也可以在仓库网页上“上传文件”，发起合并请求。"

func decodeSubmit(d *fields.Decoder, n *yaml.Node, s *Submit) {
	m, ok := d.Mapping(n, diag.T("submit（提交页）", "submit"), fields.Keys{Known: []string{"enabled", "instructions"}})
	if !ok {
		return
	}
	if v := m.Value("enabled"); v != nil {
		if b, ok := d.Bool(v, "enabled"); ok {
			s.Enabled = b
		}
	}
	if v := m.Value("instructions"); v != nil {
		if str, ok := d.String(v, "instructions"); ok && str != "" {
			s.Instructions = str
		}
	}
}
