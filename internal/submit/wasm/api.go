// Package wasm is what the /submit/ page's engine does, apart from the
// JavaScript glue, so it runs and is tested on every platform: check a
// form, write its bundle, open one, preview its page.
package wasm

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing/fstest"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/intake"
	"showcase/internal/render"
	"showcase/internal/search"
	"showcase/internal/submit"
	"showcase/internal/theme"
	"showcase/themes"
)

// Finding is one finding as the page shows it.
type Finding struct {
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	File     string `json:"file"`
	Field    string `json:"field"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	// Text is the finding as showcase check prints it.
	Text string `json:"text"`
}

// Checked is the answer to a check.
type Checked struct {
	Source   string    `json:"source"`
	Findings []Finding `json:"findings"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Bundle   string    `json:"bundle"`
}

// Engine checks forms against one site.
type Engine struct {
	ctx submit.Context
	th  *theme.Theme
}

// New returns an engine for the site that context describes.
func New(contextJSON string) (*Engine, error) {
	e := &Engine{}
	if err := json.Unmarshal([]byte(contextJSON), &e.ctx); err != nil {
		return nil, fmt.Errorf("read the site context: %w", err)
	}
	return e, nil
}

// bundle gathers the form's index.md and files.
func bundle(f *submit.Form, files map[string][]byte) (submit.Bundle, submit.Source) {
	src := submit.Write(f)
	b := submit.Bundle{content.BrandFile: []byte(src.Text)}
	for name, data := range files {
		if name != content.BrandFile {
			b[name] = data
		}
	}
	return b, src
}

// Check checks the form and its files.
func (e *Engine) Check(f *submit.Form, files map[string][]byte) (Checked, error) {
	b, src := bundle(f, files)
	out := Checked{Source: src.Text, Findings: []Finding{}, Bundle: f.BundleName()}
	unit, brand := f.Unit, f.Brand
	if unit == "" {
		unit = "unit"
	}
	if brand == "" {
		brand = "brand"
	}
	diags, _, err := intake.CheckPage(context.Background(), e.ctx, unit, brand, b)
	if err != nil {
		return out, err
	}
	index := path.Join(intake.Dir(unit, brand), content.BrandFile)
	for _, d := range diags {
		fd := Finding{Line: d.Pos.Line, Col: d.Pos.Col, File: strings.TrimPrefix(d.Pos.File, intake.Dir(unit, brand)+"/"),
			Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message.ZH, Hint: d.Hint.ZH}
		if d.Pos.File == index {
			fd.Field = src.Fields[d.Pos.Line]
			if d.Pos.Line >= src.BodyLine {
				fd.Field = "body"
			}
		}
		var sb strings.Builder
		_ = diag.WriteText(&sb, diag.List{d}, "zh")
		fd.Text = strings.TrimSpace(sb.String())
		if d.Severity == diag.Error {
			out.Errors++
		} else {
			out.Warnings++
		}
		out.Findings = append(out.Findings, fd)
	}
	return out, nil
}

// Zip makes the form's bundle.
func (e *Engine) Zip(f *submit.Form, files map[string][]byte) ([]byte, error) {
	b, _ := bundle(f, files)
	return submit.WriteBundle(b, submit.Place{Unit: f.Unit, Brand: f.Brand})
}

// Opened is a bundle read back into the form.
type Opened struct {
	Form  submit.Form       `json:"form"`
	Files map[string][]byte `json:"-"`
	// Error says why the bundle was not opened.
	Error string `json:"error,omitempty"`
}

// Open reads a ZIP bundle.
func (e *Engine) Open(data []byte) Opened {
	b, at, err := submit.ReadBundle(data)
	if err != nil {
		if r, ok := err.(*submit.RefusedError); ok {
			return Opened{Error: r.In("zh")}
		}
		return Opened{Error: err.Error()}
	}
	o := e.OpenFiles(b)
	if at.Unit != "" {
		o.Form.Unit, o.Form.Brand = at.Unit, at.Brand
	}
	return o
}

// OpenFiles reads a brand folder's files.
func (e *Engine) OpenFiles(b map[string][]byte) Opened {
	text, ok := b[content.BrandFile]
	if !ok {
		return Opened{Error: "所选文件里没有 index.md"}
	}
	o := Opened{Form: submit.ParseForm(string(text)), Files: map[string][]byte{}}
	names := make([]string, 0, len(b))
	for n := range b {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if n != content.BrandFile {
			o.Files[n] = b[n]
		}
	}
	return o
}

// Preview renders the brand's page as the site shows it: the built-in
// theme with the layouts the site's own theme folder overrides.
func (e *Engine) Preview(f *submit.Form, files map[string][]byte) (string, error) {
	if e.th == nil {
		var override fs.FS
		if len(e.ctx.Layouts) > 0 {
			m := fstest.MapFS{}
			for p, src := range e.ctx.Layouts {
				m[p] = &fstest.MapFile{Data: []byte(src)}
			}
			override = m
		}
		th, err := theme.Load(themes.Default(), override)
		if err != nil {
			return "", err
		}
		e.th = th
	}
	b, _ := bundle(f, files)
	unit, brand := f.Unit, f.Brand
	if unit == "" || brand == "" {
		return "", nil
	}
	_, s, err := intake.CheckPage(context.Background(), e.ctx, unit, brand, b)
	if err != nil || s == nil {
		return "", err
	}
	html, err := render.PreviewBrand(s, e.th, unit+"/"+brand)
	return string(html), err
}

// Suggest proposes a brand id from a name's pinyin: 红色账本 → hongse-zhangben
// is too long for a folder, so it joins the syllables without hyphens,
// the initials of longer names.
func Suggest(name string) string {
	var parts []string
	for _, syl := range search.Pinyin(name) {
		if len(syl) > 0 {
			parts = append(parts, strings.ToLower(syl[0]))
		}
	}
	id := strings.Join(parts, "")
	if len(id) > 24 {
		var b strings.Builder
		for _, p := range parts {
			b.WriteByte(p[0])
		}
		id = b.String()
	}
	var clean strings.Builder
	for _, r := range id {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			clean.WriteRune(r)
		}
	}
	return clean.String()
}
