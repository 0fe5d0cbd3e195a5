package config_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/fields"
)

func findings(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, fmt.Sprintf("%s %s", d.Pos, d.Rule))
	}
	return out
}

func TestSampleConfigurations(t *testing.T) {
	for _, file := range []string{"../../showcase.yaml", "../../examples/one-branch-one-brand/showcase.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cfg, diags := config.Parse(data)
		if len(diags) != 0 {
			t.Errorf("%s: %q", file, findings(diags))
		}
		if len(cfg.Campaign.Stages) == 0 || len(cfg.Campaign.Statuses) == 0 {
			t.Errorf("%s: no stages or statuses", file)
		}
	}
}

const good = `title: 测试
baseURL: https://example.org/
campaign:
  name: 活动
  stages:
    - {id: declare, name: 申报, ends: 2020-12-31}
  statuses:
    - {id: named, name: 已命名}
`

func TestConfigFindings(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		want           []string
	}{
		{"byte order mark and CRLF", "title", "\ufefftitle", nil},
		{"misspelt key", "baseURL", "baseUrl", []string{"showcase.yaml:1:1 schema/required", "showcase.yaml:2:1 schema/unknown-key"}},
		{"relative base URL", "https://example.org/", "/brands/", []string{"showcase.yaml:2:10 config/base-url"}},
		{"bad stage id", "id: declare", "id: 申报", []string{"showcase.yaml:6:12 config/bad-id"}},
		{"duplicate id", "id: named", "id: declare", []string{"showcase.yaml:8:12 config/duplicate-id"}},
		{"bad end date", "2020-12-31", "2020-12-32", []string{"showcase.yaml:6:37 schema/date"}},
		{"plaque size", "title: 测试", "title: 测试\nplaque: {size: a3}", []string{"showcase.yaml:2:16 config/size"}},
		{"kiosk idle", "title: 测试", "title: 测试\nkiosk: {idle: 0}", []string{"showcase.yaml:2:15 config/kiosk"}},
		{"footer key misspelt", "title: 测试", "title: 测试\nfooter: {icp: 示ICP备1号, sitecode: 1}", []string{"showcase.yaml:2:24 schema/unknown-key"}},
		{"police number without digits", "title: 测试", "title: 测试\nfooter: {police: 示公网安备号}", []string{"showcase.yaml:2:18 config/police"}},
		{"submit key misspelt", "title: 测试", "title: 测试\nsubmit: {enable: false}", []string{"showcase.yaml:2:10 schema/unknown-key"}},
		{"submit not a switch", "title: 测试", "title: 测试\nsubmit: {enabled: 否}", []string{"showcase.yaml:2:19 schema/type"}},
		{"YAML error", "  name: 活动", "  name: 活动: 二", []string{"showcase.yaml:4:11 config/yaml-syntax"}},
		{"no statuses", "  statuses:\n    - {id: named, name: 已命名}\n", "  statuses: []\n", []string{"showcase.yaml:7:13 config/statuses"}},
	} {
		data := strings.Replace(good, c.from, c.to, 1)
		if c.name == "byte order mark and CRLF" {
			data = strings.ReplaceAll(data, "\n", "\r\n")
		}
		_, diags := config.Parse([]byte(data))
		diags.Sort()
		if got := findings(diags); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFooter(t *testing.T) {
	data := good + `footer:
  sponsor: 中共示例市直属机关工作委员会
  icp: 示ICP备00000000号
  police: 示公网安备00000000000001号
  siteCode: 0000000000
  contact: 0000-00000000
`
	cfg, diags := config.Parse([]byte(data))
	if len(diags) != 0 {
		t.Fatalf("findings: %q", findings(diags))
	}
	want := config.Footer{Sponsor: "中共示例市直属机关工作委员会", ICP: "示ICP备00000000号",
		Police: "示公网安备00000000000001号", SiteCode: "0000000000", Contact: "0000-00000000"}
	if cfg.Footer != want {
		t.Errorf("footer %+v, want %+v", cfg.Footer, want)
	}
	if got := cfg.Footer.PoliceCode(); got != "00000000000001" {
		t.Errorf("PoliceCode() = %q", got)
	}
}

// FuzzParse checks that no configuration makes Parse panic, and that every
// finding points into the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("campaign: {stages: [{id: a}], statuses: x}\nkiosk: [1]\n"))
	f.Add([]byte(good + "footer: {sponsor: 工委, police: 示公网安备1号, siteCode: 12}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, diags := config.Parse(data)
		if cfg == nil {
			t.Fatal("Parse returned no configuration")
		}
		lines := strings.Count(string(fields.NormalizeBreaks(data)), "\n") + 1
		for _, d := range diags {
			if d.Pos.File != config.File || d.Pos.Line > lines || d.Rule == "" || d.Message.EN == "" {
				t.Fatalf("bad finding %v in a file of %d lines", d, lines)
			}
		}
	})
}

func TestSubmit(t *testing.T) {
	cfg, _ := config.Parse([]byte(good))
	if !cfg.Submit.Enabled || cfg.Submit.Instructions == "" {
		t.Errorf("by default /submit/ is on with instructions: %+v", cfg.Submit)
	}
	cfg, diags := config.Parse([]byte(good + "submit: {enabled: false, instructions: 发到邮箱}\n"))
	if len(diags) != 0 || cfg.Submit.Enabled || cfg.Submit.Instructions != "发到邮箱" {
		t.Errorf("submit: %+v %q", cfg.Submit, findings(diags))
	}
}
