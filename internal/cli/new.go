package cli

import (
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"text/template"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/fields"
	"showcase/internal/submit"
)

// templates holds the files "showcase new" writes, with Chinese comments
// that explain every field to a branch author.
//
//go:embed templates/*.md
var templates embed.FS

// newData fills a template.
type newData struct {
	UnitID, BrandID string
	Stages          []config.Stage
	Statuses        []config.Status
	Reviews         []config.Review
	// Decided is set when the site has a decisions/ folder: the office's
	// decisions, not the brand's file, then give its status.
	Decided bool
	// Review is the review result written in a decision's example.
	Review string
	// Stage and Status are the values written: the campaign's first
	// stage and status, which are valid, or placeholders when the site's
	// configuration names none.
	Stage, Status string
}

func (e *env) newFile(args []string) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/ (default: found from the working folder up)")
	lang := langFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: showcase new [--source DIR] [--lang zh|en] unit <unit-id>  |  brand <unit-id>/<brand-id>  |  decision <id>")
		fs.PrintDefaults()
	}
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if !e.setLang(*lang) {
		return exitUsage
	}
	kind, id, ok := e.newArgs(fs.Args())
	if !ok {
		return exitUsage
	}
	root, err := e.openSite(siteDir(fs, *source))
	if err != nil {
		return exitFailure
	}
	defer root.Close()
	file, err := writeNew(root, kind, id)
	if err != nil {
		return e.newFailed(err, kind, id)
	}
	e.newDone(file, kind, e.lang)
	return exitOK
}

// newArgs checks the kind and id arguments.
func (e *env) newArgs(args []string) (kind, id string, ok bool) {
	if len(args) != 2 || (args[0] != "unit" && args[0] != "brand" && args[0] != "decision") {
		e.fail("showcase new 要写明新建什么（unit 单位、brand 品牌或 decision 决定）和它的 id", "\"showcase new\" needs what to create and its id")
		e.advise("showcase new unit <单位id>   或   showcase new brand <单位id>/<品牌id>   或   showcase new decision <决定id>", "showcase new unit <unit-id>   or   showcase new brand <unit-id>/<brand-id>   or   showcase new decision <id>")
		return "", "", false
	}
	kind, id = args[0], args[1]
	parts := strings.Split(id, "/")
	want := map[string]int{"unit": 1, "brand": 2, "decision": 1}[kind]
	valid := len(parts) == want
	for _, p := range parts {
		valid = valid && fields.ValidID(p)
	}
	if !valid {
		e.fail("%[1]q 不是合规的%[2]s id", "%[1]q is not a valid %[3]s id", id, map[string]string{"unit": "单位", "brand": "品牌", "decision": "决定"}[kind], kind)
		switch kind {
		case "brand":
			e.advise("写成 <单位id>/<品牌id>，只用小写英文字母、数字和连字符，例如 finance/ledger", "write <unit-id>/<brand-id> in lower-case letters, digits and hyphens, for example finance/ledger")
		case "decision":
			e.advise("只用小写英文字母、数字和连字符，例如 2020-12-20-first-naming", "use lower-case letters, digits and hyphens, for example 2020-12-20-first-naming")
		default:
			e.advise("只用小写英文字母、数字和连字符，例如 finance", "use lower-case letters, digits and hyphens, for example finance")
		}
		return "", "", false
	}
	return kind, id, true
}

// errNoUnit is returned when a brand is created in a unit that has no file.
var errNoUnit = errors.New("no such unit")

// writeNew writes the file for a new unit or brand and returns its path
// relative to the site. It never overwrites a file.
func writeNew(root *os.Root, kind, id string) (string, error) {
	unitID, brandID, _ := strings.Cut(id, "/")
	data := newData{UnitID: unitID, BrandID: brandID}
	fillCampaign(root.FS(), &data)
	dir := path.Join(content.Dir, unitID)
	file := path.Join(dir, content.UnitFile)
	if kind == "decision" {
		dir, file = decisionsDir, path.Join(decisionsDir, id+".md")
	}
	if kind == "brand" {
		if _, err := fs.Stat(root.FS(), file); err != nil {
			return "", errNoUnit
		}
		dir = path.Join(dir, brandID)
		file = path.Join(dir, content.BrandFile)
	}
	text, err := renderTemplate(kind+".md", data)
	if err != nil {
		return "", err
	}
	if err := root.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := root.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	if _, err := f.Write(text); err != nil {
		f.Close()
		return "", err
	}
	return file, f.Close()
}

// fillCampaign lists the site's stages and statuses for the template's
// comments; a site whose configuration cannot be read gets placeholders.
func fillCampaign(fsys fs.FS, data *newData) {
	data.Stage = fields.Placeholder + "：阶段 id，见 showcase.yaml 的 campaign.stages】"
	data.Status = fields.Placeholder + "：状态 id，见 showcase.yaml 的 campaign.statuses】"
	cfg, _, err := config.Load(fsys)
	if err != nil || cfg == nil {
		return
	}
	for _, s := range cfg.Campaign.Stages {
		s.Name = oneLine(s.Name)
		data.Stages = append(data.Stages, s)
	}
	for _, s := range cfg.Campaign.Statuses {
		s.Name = oneLine(s.Name)
		data.Statuses = append(data.Statuses, s)
	}
	if len(data.Stages) > 0 {
		data.Stage = data.Stages[0].ID
	}
	if len(data.Statuses) > 0 {
		data.Status = data.Statuses[0].ID
	}
	for _, r := range cfg.Campaign.Reviews {
		r.Name = oneLine(r.Name)
		data.Reviews = append(data.Reviews, r)
	}
	data.Review = "pass"
	if len(data.Reviews) > 0 {
		data.Review = data.Reviews[0].ID
	}
	if info, err := fs.Stat(fsys, decisionsDir); err == nil && info.IsDir() {
		data.Decided = true
	}
}

// decisionsDir is the folder of the office's decisions; the build reads
// it (build.DecisionsDir), and cli does not import build for a name.
const decisionsDir = "decisions"

// oneLine keeps a name from breaking out of its comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func renderTemplate(name string, data newData) ([]byte, error) {
	t, err := template.New(name).Funcs(fieldFuncs).ParseFS(templates, "templates/"+name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// fieldFuncs give the template the brand's field definitions, which the
// /submit/ page's form shows too (submit.Fields): one source for a
// field's label, required mark, help and example.
var fieldFuncs = template.FuncMap{
	"label":   func(key string) string { return submit.FieldByKey(key).Label },
	"example": func(key string) string { return submit.FieldByKey(key).Example },
	"field": func(key string) string {
		f := submit.FieldByKey(key)
		need := "选填"
		if f.Required {
			need = "必填"
		}
		return f.Label + "（" + need + "）：" + f.Help
	},
	"placeholder": func(key string) string {
		f := submit.FieldByKey(key)
		return fields.Placeholder + "：" + f.Label + "，例如“" + f.Example + "”】"
	},
}

// newFailed explains why no file was written.
func (e *env) newFailed(err error, kind, id string) int {
	unitID, _, _ := strings.Cut(id, "/")
	switch {
	case errors.Is(err, errNoUnit):
		e.fail("单位 %[1]q 还没有 %[2]s", "unit %[1]q has no %[2]s yet", unitID, path.Join(content.Dir, unitID, content.UnitFile))
		e.advise("先新建这个单位：showcase new unit %s", "create the unit first: showcase new unit %s", unitID)
	case errors.Is(err, fs.ErrExist):
		e.fail("%[1]q 已经存在，没有写入任何文件", "%[2]s %[1]q already exists; nothing was written", id, kind)
		e.advise("直接修改已有的文件", "edit the existing file instead")
	default:
		e.fail("新建失败：%[2]v", "new %[1]s: %[2]v", kind, err)
	}
	return exitFailure
}

// newDone tells the author what was written and what to do next.
func (e *env) newDone(file, kind, lang string) {
	if lang == "en" {
		fmt.Fprintf(e.stdout, "showcase: wrote %s\n", file)
		fmt.Fprintf(e.stdout, "showcase: next: replace every 【待填写…】 placeholder")
		if kind == "brand" {
			fmt.Fprintf(e.stdout, ", put the logo beside the file")
		}
		fmt.Fprintln(e.stdout, ", then run \"showcase check\"")
		return
	}
	fmt.Fprintf(e.stdout, "showcase: 已创建 %s\n", file)
	fmt.Fprintf(e.stdout, "showcase: 下一步：把文件里所有“【待填写……】”换成实际内容")
	if kind == "brand" {
		fmt.Fprintf(e.stdout, "，把品牌标识图片放进同一个文件夹")
	}
	fmt.Fprintln(e.stdout, "，然后运行 showcase check 检查")
}
