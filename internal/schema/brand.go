package schema

import (
	"path"
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"
)

// Limits on brand text, in characters.
const (
	NameMin        = 4
	NameMax        = 8
	ConceptAdvised = 100
	PhotoAdvised   = 2 << 20 // bytes; larger photos are a warning
)

var brandKeys = []string{
	"name", "organization", "secretary", "stage", "status", "declared", "named",
	"logo", "slogan", "concept", "ideas", "carriers", "members", "partners",
	"tags", "photos", "goals", "timeline", "draft",
}

var requiredBrandKeys = []string{"name", "organization", "stage", "status", "declared", "logo", "concept", "carriers"}

// brandDecoder decodes one brand file.
type brandDecoder struct {
	*fields.Decoder
	cfg *config.Config
	doc *content.Document
	b   Brand
}

// DecodeBrand decodes a brand's front matter against the site's campaign,
// reporting problems into diags. Cross-brand rules (partners that exist) are
// checked when the site is assembled.
func DecodeBrand(doc *content.Document, cfg *config.Config, diags *diag.List) Brand {
	bd := &brandDecoder{Decoder: &fields.Decoder{File: doc.Path, Diags: diags}, cfg: cfg, doc: doc}
	if doc.Meta == nil {
		return bd.b
	}
	m, ok := bd.Mapping(doc.Meta, "品牌", brandKeys)
	if !ok {
		return bd.b
	}
	bd.Require(m, "品牌", requiredBrandKeys...)
	bd.decodeText(m)
	bd.decodeCampaign(m)
	bd.decodeFiles(m)
	bd.decodeLists(m)
	if !m.Has("secretary") {
		pos := bd.Pos(m.Node)
		pos.Col = 1
		diags.Warnf(pos, "schema/secretary",
			diag.T("没有填写第一责任人 secretary", "no secretary (first responsible person) is given"),
			diag.T("添加一行 secretary: 姓名", "add a line \"secretary: name\""))
	}
	return bd.b
}

func (bd *brandDecoder) text(m fields.Map, key string) (string, *yaml.Node) {
	v := m.Value(key)
	if v == nil {
		return "", nil
	}
	s, _ := bd.String(v, key)
	return norm.NFC.String(s), v
}

func (bd *brandDecoder) decodeText(m fields.Map) {
	b := &bd.b
	var v *yaml.Node
	b.Name, v = bd.text(m, "name")
	if v != nil {
		if n := fields.Len(b.Name); n < NameMin || n > NameMax {
			bd.Errorf(v, "schema/name-length",
				diag.T("品牌名称“%s”有 %d 个字，应为 %d 到 %d 个字", "brand name %q has %d characters; it must have %d to %d", b.Name, n, NameMin, NameMax),
				diag.T("品牌名称要简洁好记，例如“红色账本”", "keep the name short and memorable, like 红色账本"))
		}
	}
	b.Organization, _ = bd.text(m, "organization")
	b.Secretary, _ = bd.text(m, "secretary")
	b.Slogan, _ = bd.text(m, "slogan")
	b.Concept, v = bd.text(m, "concept")
	if v != nil && fields.Len(b.Concept) > ConceptAdvised {
		bd.Warnf(v, "schema/concept-length",
			diag.T("品牌理念有 %d 个字，建议不超过 %d 个字", "the concept has %d characters; at most %d read well", fields.Len(b.Concept), ConceptAdvised),
			diag.T("理念用一句话概括，详细内涵写在正文里", "say the concept in one sentence and put the detail in the body"))
	}
	for _, f := range []struct {
		key string
		ptr *string
	}{{"name", &b.Name}, {"organization", &b.Organization}, {"concept", &b.Concept}} {
		if v := m.Value(f.key); v != nil && *f.ptr == "" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			bd.Errorf(v, "schema/empty", diag.T("字段 %q 不能为空", "%q must not be empty", f.key), diag.Text{})
		}
	}
	if v := m.Value("members"); v != nil {
		if n, ok := bd.Int(v, "members"); ok {
			if n < 0 {
				bd.Errorf(v, "schema/members", diag.T("党员人数不能是负数", "members must not be negative"), diag.Text{})
			}
			b.Members = n
		}
	}
	if v := m.Value("draft"); v != nil {
		b.Draft, _ = bd.Bool(v, "draft")
	}
	if v := m.Value("ideas"); v != nil {
		bd.decodeIdeas(v)
	}
}

func (bd *brandDecoder) decodeIdeas(n *yaml.Node) {
	keys := make([]string, len(ideaKeys))
	for i, k := range ideaKeys {
		keys[i] = k.key
	}
	m, ok := bd.Mapping(n, "ideas", keys)
	if !ok {
		return
	}
	for _, k := range keys {
		if s, _ := bd.text(m, k); s != "" {
			bd.b.Ideas.set(k, s)
		}
	}
}

// decodeCampaign checks stage, status and the dates against the campaign.
func (bd *brandDecoder) decodeCampaign(m fields.Map) {
	b := &bd.b
	var ok bool
	if v := m.Value("stage"); v != nil {
		if b.Stage, ok = bd.String(v, "stage"); ok && bd.cfg.StageByID(b.Stage) == nil {
			ids, names := stageChoices(bd.cfg)
			bd.unknownChoice(v, "schema/stage", "阶段", "stage", b.Stage, ids, names)
		}
	}
	if v := m.Value("status"); v != nil {
		if b.Status, ok = bd.String(v, "status"); ok && bd.cfg.StatusByID(b.Status) == nil {
			ids, names := statusChoices(bd.cfg)
			bd.unknownChoice(v, "schema/status", "状态", "status", b.Status, ids, names)
		}
	}
	if v := m.Value("declared"); v != nil {
		b.Declared, _ = bd.Date(v, "declared")
	}
	if v := m.Value("named"); v != nil {
		if named, ok := bd.Date(v, "named"); ok {
			b.Named = named
			if !b.Declared.IsZero() && named.Before(b.Declared) {
				bd.Errorf(v, "schema/named-before-declared",
					diag.T("命名日期 %s 早于申报日期 %s", "named %s is before declared %s", named.Format("2006-01-02"), b.Declared.Format("2006-01-02")),
					diag.T("先申报后命名：检查这两个日期", "a brand is declared before it is named: check both dates"))
			}
		}
	}
}

func stageChoices(cfg *config.Config) (ids, names []string) {
	for _, s := range cfg.Campaign.Stages {
		ids, names = append(ids, s.ID), append(names, s.Name)
	}
	return ids, names
}

func statusChoices(cfg *config.Config) (ids, names []string) {
	for _, s := range cfg.Campaign.Statuses {
		ids, names = append(ids, s.ID), append(names, s.Name)
	}
	return ids, names
}

// unknownChoice reports a stage or status id that the campaign lacks. An
// author who wrote the Chinese name is told the id to use instead.
func (bd *brandDecoder) unknownChoice(v *yaml.Node, rule, whatZH, whatEN, got string, ids, names []string) {
	var list []string
	for i := range ids {
		list = append(list, ids[i]+"（"+names[i]+"）")
	}
	hint := diag.T("可选：%s", "choose one of: %s", strings.Join(list, "、"))
	for i, name := range names {
		if name == got || strings.TrimSuffix(name, "阶段") == got {
			hint = diag.T("“%s”请写成 id：%s", "write the id %[2]q for %[1]s", name, ids[i])
		}
	}
	if s := fields.Suggest(got, ids); s != "" {
		hint = diag.T("是不是想写 %q？", "did you mean %q?", s)
	}
	bd.Errorf(v, rule, diag.T("未知的%s %q", "unknown %s %q", whatZH, got), hint)
	_ = whatEN
}

// decodeFiles checks that logo and photos name files inside the bundle.
func (bd *brandDecoder) decodeFiles(m fields.Map) {
	if v := m.Value("logo"); v != nil {
		if s, ok := bd.String(v, "logo"); ok && bd.bundleFile(v, "logo", s, logoKinds) {
			bd.b.Logo = s
		}
	}
	if v := m.Value("photos"); v != nil {
		items, _ := bd.Seq(v, "photos")
		for _, it := range items {
			s, ok := bd.String(it, "photos")
			if !ok || !bd.bundleFile(it, "photos", s, photoKinds) {
				continue
			}
			if size := bd.doc.Bundle[s]; size > PhotoAdvised {
				bd.Warnf(it, "schema/photo-size",
					diag.T("照片 %s 有 %.1f MB，超过建议的 2 MB", "photo %s is %.1f MB, more than the advised 2 MB", s, float64(size)/(1<<20)),
					diag.T("上传前把照片缩小到 2 MB 以内", "shrink the photo below 2 MB before adding it"))
			}
			bd.b.Photos = append(bd.b.Photos, s)
		}
	}
}

var (
	logoKinds  = []string{".svg", ".png", ".jpg", ".jpeg", ".webp"}
	photoKinds = []string{".jpg", ".jpeg", ".png", ".webp"}
)

// bundleFile checks that name is a clean relative path of a file in the
// bundle with one of the allowed extensions.
func (bd *brandDecoder) bundleFile(v *yaml.Node, key, name string, kinds []string) bool {
	ext := strings.ToLower(path.Ext(name))
	switch {
	case name == "" || path.IsAbs(name) || strings.Contains(name, "\\") || path.Clean(name) != name || strings.HasPrefix(name, "../") || name == "..":
		bd.Errorf(v, "schema/file-path",
			diag.T("%s 的路径 %q 不在品牌文件夹内", "%s path %q is not inside the brand folder", key, name),
			diag.T("把文件放进品牌文件夹，写相对路径，例如 logo.svg 或 photos/1.jpg", "put the file in the brand folder and give its relative path, like logo.svg or photos/1.jpg"))
		return false
	case !contains(kinds, ext):
		bd.Errorf(v, "schema/file-kind",
			diag.T("%s 的文件类型 %q 不支持", "%s file type %q is not allowed", key, ext),
			diag.T("支持的类型：%s", "allowed types: %s", strings.Join(kinds, " ")))
		return false
	}
	if _, ok := bd.doc.Bundle[name]; !ok {
		hint := diag.T("把 %s 放进品牌文件夹 %s/，或改正文件名", "put %s into the brand folder %s/, or fix the name", name, path.Dir(bd.doc.Path))
		if s := fields.Suggest(name, bd.doc.SortedBundle()); s != "" {
			hint = diag.T("是不是想写 %q？", "did you mean %q?", s)
		}
		bd.Errorf(v, "schema/missing-file", diag.T("找不到文件 %q", "file %q does not exist", name), hint)
		return false
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
