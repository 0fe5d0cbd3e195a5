// Package intake checks a brand bundle as showcase check would, in the
// context of a whole site, and places it into the site: the engine of
// the /submit/ page checks against the site the page describes, and
// showcase import against the site on disk, through the same loader.
package intake

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing/fstest"

	"showcase/internal/build"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/site"
	"showcase/internal/submit"
)

// Dir is a bundle's folder in a site, content/<unit>/<brand>.
func Dir(unit, brand string) string { return path.Join(content.Dir, unit, brand) }

// inBundle reports whether a finding is about the bundle at dir.
func inBundle(d diag.Diagnostic, dir string) bool {
	return d.Pos.File == dir || strings.HasPrefix(d.Pos.File, dir+"/")
}

// CheckPage checks a bundle in the site a page's context describes: the
// context becomes a small site of the configuration, the units and the
// brands the bundle could clash with or name, and the loader of showcase
// check reads it with the bundle in place. It returns the findings about
// the bundle and the assembled site, for a preview.
func CheckPage(ctx context.Context, c submit.Context, unit, brand string, b submit.Bundle) (diag.List, *site.Site, error) {
	dir := Dir(unit, brand)
	fsys := contextSite(c, unit, brand, b)
	for name, data := range b {
		fsys[path.Join(dir, name)] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	s, all, err := build.Load(ctx, fsys, build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("check %s: %w", dir, err)
	}
	var out diag.List
	for _, d := range all {
		switch {
		case inBundle(d, dir), d.Pos.File == "showcase.yaml":
			out = append(out, d)
		case d.Rule == "schema/name-taken":
			// The other brand came first in the walk: the name is taken
			// all the same, and the finding belongs at this name.
			out = append(out, nameTaken(d, dir, b))
		}
	}
	out.Sort()
	return out, s, nil
}

// nameTaken turns a name-taken finding at a context brand, which came
// first in the site's order, into the same finding at the bundle's own
// name: the site reports a name used twice at the later of the two, and
// here the later one is the one the page can change.
func nameTaken(d diag.Diagnostic, dir string, b submit.Bundle) diag.Diagnostic {
	other := strings.TrimSuffix(strings.TrimPrefix(d.Pos.File, content.Dir+"/"), "/"+content.BrandFile)
	d.Pos = diag.Position{File: path.Join(dir, content.BrandFile), Line: 1}
	name := ""
	for i, l := range strings.Split(string(b[content.BrandFile]), "\n") {
		if v, ok := strings.CutPrefix(l, "name: "); ok {
			d.Pos.Line, d.Pos.Col, name = i+1, len("name: ")+1, strings.Trim(v, `"`)
			break
		}
	}
	// The words of site.checkSite's finding, with the two brands in
	// the page's order.
	d.Message = diag.T("品牌名称“%s”已被 %s 使用", "brand name %q is already used by %s", name, other)
	return d
}

// contextSite makes the files of a site from a page's context: the
// configuration, every unit, and the brands that the bundle's checks
// read (those it names as partners, those of its name, those of its
// organization), each a minimal valid brand.
func contextSite(c submit.Context, unit, brand string, b submit.Bundle) fstest.MapFS {
	fsys := fstest.MapFS{"showcase.yaml": &fstest.MapFile{Data: []byte(c.Config)}}
	if c.Decided {
		fsys[build.DecisionsDir] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	}
	for _, u := range c.Units {
		fsys[path.Join(content.Dir, u.ID, content.UnitFile)] = &fstest.MapFile{Data: unitStub(u)}
	}
	text := string(b[content.BrandFile])
	stage, status := firstIDs(c.Config)
	for _, cb := range c.Brands {
		if cb.ID == unit+"/"+brand || !mentions(text, cb) {
			continue
		}
		dir := path.Join(content.Dir, cb.ID)
		fsys[path.Join(dir, content.BrandFile)] = &fstest.MapFile{Data: brandStub(cb, stage, status, c.Decided)}
		fsys[path.Join(dir, "logo.svg")] = &fstest.MapFile{Data: []byte(stubLogo)}
	}
	return fsys
}

const stubLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`

func unitStub(u submit.ContextUnit) []byte {
	var b strings.Builder
	b.WriteString("---\nname: " + yamlString(u.Name) + "\n")
	if len(u.Organizations) > 0 {
		b.WriteString("organizations:\n")
		for _, o := range u.Organizations {
			b.WriteString("  - {name: " + yamlString(o) + "}\n")
		}
	}
	b.WriteString("---\n")
	return []byte(b.String())
}

func brandStub(cb submit.ContextBrand, stage, status string, decided bool) []byte {
	var b strings.Builder
	b.WriteString("---\nname: " + yamlString(cb.Name) + "\norganization: " + yamlString(cb.Organization) + "\n")
	b.WriteString("secretary: x\nstage: " + stage + "\n")
	if !decided {
		b.WriteString("status: " + status + "\n")
	}
	b.WriteString("declared: 2000-01-01\nlogo: logo.svg\nconcept: x\ncarriers: [{name: x, description: x}]\n---\n")
	return []byte(b.String())
}

// firstIDs finds the first stage and status ids of a context's
// configuration, which ConfigText writes one a line.
func firstIDs(cfg string) (stage, status string) {
	section := ""
	for _, l := range strings.Split(cfg, "\n") {
		switch strings.TrimSpace(l) {
		case "stages:", "statuses:":
			section = strings.TrimSpace(l)
			continue
		}
		id, ok := strings.CutPrefix(strings.TrimSpace(l), "- {id: ")
		if !ok {
			continue
		}
		id, _, _ = strings.Cut(id, ",")
		id = strings.Trim(id, `"`)
		if section == "stages:" && stage == "" {
			stage = id
		}
		if section == "statuses:" && status == "" {
			status = id
		}
	}
	return stage, status
}

func yamlString(s string) string {
	return submit.Quote(s)
}

// mentions reports whether a brand file's text names the context brand
// by id, name or organization: only those brands bear on its checks.
func mentions(text string, cb submit.ContextBrand) bool {
	for _, s := range []string{cb.ID, cb.Name, cb.Organization} {
		if s != "" && strings.Contains(text, s) {
			return true
		}
	}
	return false
}
