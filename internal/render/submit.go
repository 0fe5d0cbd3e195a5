package render

import (
	"html/template"
	"maps"
	"strings"
	"sync"

	"showcase/internal/publish"
	"showcase/internal/site"
	"showcase/internal/submit"
	"showcase/internal/submit/engine"
	"showcase/internal/theme"
)

// SubmitPath is the site path of the submission page.
const SubmitPath = "submit/"

// submitJobs lists the submission page and its engine's scripts, on the
// web target of a site that has not turned the page off. Only this page
// loads the engine.
func submitJobs(s *site.Site, th *theme.Theme, ctx *pageContext) []Job {
	if !ctx.submit {
		return nil
	}
	var jobs []Job
	for _, f := range engine.Files() {
		name := "js/" + f.Name
		jobs = append(jobs, Job{File: ctx.assets[name], Render: func() ([]byte, error) { return f.Data, nil }, Minified: true})
	}
	page := newPage(s, ctx, "submit", SubmitPath, "在线提交品牌")
	jobs = append(jobs, Job{File: OutputFile(SubmitPath), Render: func() ([]byte, error) { return th.Render(page.Kind, page) }})
	return jobs
}

// withSubmit marks the context for a submission page when the site and
// the target have one, naming the engine's scripts among the assets.
func withSubmit(s *site.Site, th *theme.Theme, ctx *pageContext) {
	files := engine.Files()
	if ctx.target == Kiosk || !s.Config.Submit.Enabled || len(files) == 0 || !th.Has("submit") {
		return
	}
	ctx.submit = true
	ctx.submitLayouts = th.OverriddenLayouts()
	ctx.assets = maps.Clone(ctx.assets)
	if ctx.assets == nil {
		ctx.assets = map[string]string{}
	}
	maps.Copy(ctx.assets, engineAssets())
}

// engineAssets names the engine's scripts by their fingerprinted files.
// The engine is fixed for the life of the program, so its 5 MB are hashed
// once, not for every plan and every entity a rebuild renders.
var engineAssets = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, f := range engine.Files() {
		name := "js/" + f.Name
		m[name] = publish.Fingerprint(name, f.Data)
	}
	return m
})

// SubmitURL returns the link to the submission page, or "" when the
// site has none.
func (p *Page) SubmitURL() string {
	if !p.ctx.submit {
		return ""
	}
	return p.URL(SubmitPath)
}

// SubmitContext is what the submission page's engine knows of the site,
// as JSON.
func (p *Page) SubmitContext() string {
	c := submit.ContextOf(p.Site, len(p.Site.Decisions) > 0)
	c.Layouts = p.ctx.submitLayouts
	return c.JSON()
}

// SubmitContextAttr is the data-context attribute whole, its value in
// single quotes. The context is JSON, full of double quotes: written as
// "{{.SubmitContext}}" each would become &#34;, and the minifier takes
// entities out one at a time, moving the rest of the value each time,
// which at 10,000 brands made this one page take four seconds.
func (p *Page) SubmitContextAttr() template.HTMLAttr {
	return template.HTMLAttr("data-context='" + singleQuotedAttrEscaper.Replace(p.SubmitContext()) + "'")
}

// singleQuotedAttrEscaper escapes what can end or alter a single-quoted
// attribute's value.
var singleQuotedAttrEscaper = strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;")

// SubmitFields are the brand's fields the form shows, with their labels
// and help.
func (p *Page) SubmitFields() map[string]submit.Field {
	m := map[string]submit.Field{}
	for _, f := range submit.Fields {
		m[f.Key] = f
	}
	return m
}

// IdeaFields are the six ideas of the brand culture.
func (p *Page) IdeaFields() []submit.Field { return submit.IdeaFields }

// BodyTemplate is the body a new brand starts with.
func (p *Page) BodyTemplate() string { return submit.BodyTemplate }

// PreviewBrand renders the main part of brand id's page, as the site
// shows it, for the submission page's preview.
func PreviewBrand(s *site.Site, th *theme.Theme, id string) ([]byte, error) {
	b := s.BrandByID(id)
	if b == nil {
		return nil, nil
	}
	p := brandPage(s, &pageContext{target: Web, theme: th}, b)
	return th.RenderTemplate("brand", "main", p)
}
