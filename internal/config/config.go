// Package config reads and validates a site's showcase.yaml.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// File is the configuration file's name in the site's source folder.
const File = "showcase.yaml"

// Config is a site's configuration with defaults applied.
type Config struct {
	Title       string
	Description string
	BaseURL     string
	Language    string
	Campaign    Campaign
	Plaque      Plaque
	Print       Print
	Kiosk       Kiosk
	Footer      Footer
	Theme       string
	Submit      Submit
}

// Campaign is the multi-year campaign the brands take part in. Its stages
// and statuses are data, so another campaign is only another file.
type Campaign struct {
	Name     string
	Stages   []Stage
	Statuses []Status
	// Reviews are the results of the yearly review (年度复查验收) a
	// decision may give; see flags.go.
	Reviews []Review
	// BrandsPerOrganization is how many brands one organization may
	// have before it is a warning: 1 (一组织一品牌) unless set.
	BrandsPerOrganization int
	// Targets are what the campaign aims for, shown on /progress/; see
	// targets.go.
	Targets []Target
}

// Stage is one campaign stage; ID is ASCII and used in URLs.
type Stage struct {
	ID   string
	Name string
	Ends time.Time
}

// Status is one brand status; ID is ASCII and used in URLs. Featured
// statuses are the demonstration brands shown first on the home page.
// Plaque statuses get a plaque (see Config.Plaqued); an Unlisted status
// (listed: false) keeps its brands' pages but leaves every list, count,
// plaque and the attract loop.
type Status struct {
	ID       string
	Name     string
	Featured bool
	Plaque   bool
	Unlisted bool
}

// Plaque sets the printed plaque's paper.
type Plaque struct {
	Size        string // A3 or A4
	Orientation string // landscape or portrait
	// Title heads every plaque (市直机关党建品牌); Issuer is the
	// awarding body (授牌单位). Both are optional.
	Title, Issuer string
}

// Kiosk sets the exhibition kiosk's timings, in seconds.
type Kiosk struct {
	Idle     int
	Interval int
}

// StageByID returns the stage with id, or nil.
func (c *Config) StageByID(id string) *Stage {
	for i := range c.Campaign.Stages {
		if c.Campaign.Stages[i].ID == id {
			return &c.Campaign.Stages[i]
		}
	}
	return nil
}

// StatusByID returns the status with id, or nil.
func (c *Config) StatusByID(id string) *Status {
	for i := range c.Campaign.Statuses {
		if c.Campaign.Statuses[i].ID == id {
			return &c.Campaign.Statuses[i]
		}
	}
	return nil
}

// BasePath is the path part of BaseURL, always ending in "/".
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// Load reads showcase.yaml from a site's source folder. Problems with its
// content are findings; the error is for I/O failures.
func Load(fsys fs.FS) (*Config, diag.List, error) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		var diags diag.List
		diags.Errorf(diag.Position{File: File}, "config/missing",
			diag.T("找不到站点配置 %s", "no site configuration %s", File),
			diag.T("在站点根目录创建 showcase.yaml，或用 --source 指向站点文件夹", "create showcase.yaml, or point --source at the site folder"))
		return nil, diags, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", File, err)
	}
	cfg, diags := Parse(data)
	return cfg, diags, nil
}

// Parse decodes the configuration, reporting every problem.
func Parse(data []byte) (*Config, diag.List) {
	var diags diag.List
	meta := fields.ParseYAML(File, data, 0, "config/yaml-syntax", &diags)
	cfg := defaults()
	if meta == nil {
		return cfg, diags
	}
	d := &fields.Decoder{File: File, Diags: &diags}
	decode(d, meta, cfg)
	return cfg, diags
}

func defaults() *Config {
	return &Config{
		Language: "zh-CN",
		BaseURL:  "/",
		Plaque:   Plaque{Size: "A3", Orientation: "landscape"},
		Print:    defaultPrint(),
		Kiosk:    Kiosk{Idle: 90, Interval: 8},
		Theme:    "default",
		Submit:   Submit{Enabled: true, Instructions: defaultInstructions},
	}
}

func decode(d *fields.Decoder, n *yaml.Node, cfg *Config) {
	m, ok := d.Mapping(n, diag.T("站点配置", "the site configuration"), fields.Keys{Known: []string{"title", "description", "baseURL", "language", "campaign", "plaque", "print", "kiosk", "footer", "theme", "submit"}})
	if !ok {
		return
	}
	d.Require(m, diag.T("站点配置", "the site configuration"), "title", "baseURL", "campaign")
	str := func(key string, dst *string) {
		if v := m.Value(key); v != nil {
			if s, ok := d.String(v, key); ok {
				*dst = s
			}
		}
	}
	str("title", &cfg.Title)
	str("description", &cfg.Description)
	str("baseURL", &cfg.BaseURL)
	str("language", &cfg.Language)
	str("theme", &cfg.Theme)
	checkBaseURL(d, m.Value("baseURL"), cfg)
	if v := m.Value("campaign"); v != nil {
		decodeCampaign(d, v, &cfg.Campaign)
	}
	if v := m.Value("plaque"); v != nil {
		decodePlaque(d, v, &cfg.Plaque)
	}
	if v := m.Value("print"); v != nil {
		decodePrint(d, v, &cfg.Print)
	}
	if v := m.Value("kiosk"); v != nil {
		decodeKiosk(d, v, &cfg.Kiosk)
	}
	if v := m.Value("footer"); v != nil {
		decodeFooter(d, v, &cfg.Footer)
	}
	if v := m.Value("submit"); v != nil {
		decodeSubmit(d, v, &cfg.Submit)
	}
	if !fields.ValidID(cfg.Theme) {
		d.Errorf(m.Value("theme"), "config/theme",
			diag.T("主题名 %q 不合规", "theme name %q is not a valid folder name", cfg.Theme),
			diag.T("写 themes/ 下的文件夹名，例如 default", "name a folder under themes/, for example default"))
	}
}

func checkBaseURL(d *fields.Decoder, n *yaml.Node, cfg *Config) {
	if n == nil {
		return
	}
	if !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.Errorf(n, "config/base-url",
			diag.T("baseURL %q 不是完整的网址", "baseURL %q is not an absolute http(s) URL", cfg.BaseURL),
			diag.T("写成 https://brands.example.org/ 这样的形式", "write it like https://brands.example.org/"))
	}
}
