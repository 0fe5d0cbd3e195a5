package schema

import (
	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"
)

// Limits on brand text, in characters, and on bundle files, in bytes.
const (
	NameMin        = 4
	NameMax        = 8
	ConceptAdvised = 100
	// PhotoAdvised is the size above which a photo is a warning.
	PhotoAdvised = 2 << 20
	// FileLimit is the size above which a logo or photo is an error: the
	// build reads each published file into memory, and kiosks load them all.
	FileLimit = 20 << 20
)

// brandWhat names a brand's front matter in messages.
var brandWhat = diag.T("品牌", "the brand")

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
	checkBody(bd.Decoder, doc)
	if doc.Meta == nil {
		return bd.b
	}
	m, ok := bd.Mapping(doc.Meta, brandWhat, brandKeys)
	if !ok {
		return bd.b
	}
	bd.Require(m, brandWhat, requiredBrandKeys...)
	bd.decodeText(m)
	bd.decodeNumbers(m)
	bd.decodeCampaign(m)
	bd.decodeFiles(m)
	bd.decodeLists(m)
	bd.decodePlaces(m)
	return bd.b
}

// text decodes an optional text value in NFC, so that a name typed with
// combining marks counts and compares the way it reads, and reports the
// invisible characters it holds.
func (bd *brandDecoder) text(m fields.Map, key string) (string, *yaml.Node) {
	v := m.Value(key)
	if v == nil {
		return "", nil
	}
	s, ok := bd.String(v, key)
	if ok {
		bd.Visible(v, textLabel(key), multiLine[key])
	}
	return norm.NFC.String(s), v
}

// multiLine are the brand's text keys that may run over several lines; a
// line break in any other (a name, a slogan) is an error.
var multiLine = map[string]bool{"concept": true, "description": true, "event": true}

// textLabel names a text key in messages.
func textLabel(key string) diag.Text {
	switch key {
	case "name":
		return diag.T("名称", "the name")
	case "organization":
		return diag.T("组织名称", "the organization")
	case "secretary":
		return diag.T("第一责任人", "the secretary")
	case "slogan":
		return diag.T("口号", "the slogan")
	case "concept":
		return diag.T("品牌理念", "the concept")
	}
	return diag.T("字段 %q ", "%q", key)
}

// required decodes a required text value, reporting one left blank.
func (bd *brandDecoder) required(m fields.Map, key string) (string, *yaml.Node) {
	s, v := bd.text(m, key)
	if v != nil && s == "" && v.Kind == yaml.ScalarNode && !isPlaceholder(v) {
		bd.Errorf(v, "schema/empty",
			diag.T("必填字段 %q 没有填写内容", "the required key %q has no value", key),
			diag.T("在引号里写上内容", "write the value between the quotes"))
	}
	return s, v
}

func isPlaceholder(v *yaml.Node) bool {
	return v != nil && v.Kind == yaml.ScalarNode && containsPlaceholder(v.Value)
}

func (bd *brandDecoder) decodeText(m fields.Map) {
	b := &bd.b
	var v *yaml.Node
	if b.Name, v = bd.required(m, "name"); b.Name != "" {
		bd.checkName(v)
	}
	b.Organization, _ = bd.required(m, "organization")
	b.Secretary, _ = bd.text(m, "secretary")
	if !m.Has("secretary") {
		at := m.Node
		if k := m.Key("secretary"); k != nil {
			at = k
		}
		bd.Warnf(at, "schema/secretary",
			diag.T("没有填写第一责任人 secretary", "no secretary (first responsible person) is given"),
			diag.T("添加一行 secretary: 姓名", "add a line \"secretary: name\""))
	}
	b.Slogan, _ = bd.text(m, "slogan")
	if b.Concept, v = bd.required(m, "concept"); fields.Len(b.Concept) > ConceptAdvised {
		bd.Warnf(v, "schema/concept-length",
			diag.T("品牌理念有 %d 个字，建议不超过 %d 个字", "the concept has %d characters; at most %d read well", fields.Len(b.Concept), ConceptAdvised),
			diag.T("理念用一句话概括，详细内涵写在正文里", "say the concept in one sentence and put the detail in the body"))
	}
	if v := m.Value("ideas"); v != nil {
		bd.decodeIdeas(v)
	}
}

// checkName checks the brand name's length in characters after NFC
// normalization, so 红色账本 is 4 however its bytes are spelled; fields.Len
// counts what a reader sees, so invisible characters and padding do not
// count.
func (bd *brandDecoder) checkName(v *yaml.Node) {
	if n := fields.Len(bd.b.Name); n < NameMin || n > NameMax {
		bd.Errorf(v, "schema/name-length",
			diag.T("品牌名称“%s”有 %d 个字，应为 %d 到 %d 个字", "brand name %q has %d characters; it must have %d to %d", bd.b.Name, n, NameMin, NameMax),
			diag.T("品牌名称要简洁好记，例如“红色账本”；口号可以写在 slogan 里", "keep the name short and memorable, like 红色账本; a longer line fits in slogan"))
	}
}

func (bd *brandDecoder) decodeNumbers(m fields.Map) {
	if v := m.Value("members"); v != nil {
		if n, ok := bd.Int(v, "members"); ok {
			if n < 0 {
				bd.Errorf(v, "schema/members",
					diag.T("党员人数不能是负数", "members must not be negative"),
					diag.T("写支部现有党员人数，例如 23", "write the number of Party members, for example 23"))
			}
			bd.b.Members = n
		}
	}
	if v := m.Value("draft"); v != nil {
		bd.b.Draft, _ = bd.Bool(v, "draft")
	}
}

func (bd *brandDecoder) decodeIdeas(n *yaml.Node) {
	keys := ideaFields()
	m, ok := bd.Mapping(n, diag.T("ideas（品牌文化理念）", "ideas"), keys)
	if !ok {
		return
	}
	for _, k := range keys.Known {
		if s, _ := bd.text(m, k); s != "" {
			bd.b.Ideas.set(k, s)
		}
	}
}
