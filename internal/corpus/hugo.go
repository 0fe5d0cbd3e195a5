package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
)

// WriteHugo writes the same corpus as Write, word for word, as a Hugo site:
// hugo.toml, minimal layouts (home, unit list, brand single, and the stage
// and status taxonomies), content/brands/<unit>/_index.md per unit and a
// leaf bundle content/brands/<unit>/<brand>/ per brand with its logo and
// photos. Brand pages get the URLs they have in showcase,
// /brands/<unit>/<brand>/, so links in the bodies resolve in both.
func WriteHugo(dir string, opts Options) error {
	return write(dir, opts, hugoWriter{})
}

// hugoWriter writes the corpus as a Hugo site.
type hugoWriter struct{}

const hugoConfig = `baseURL = "https://brands.example.org/"
languageCode = "zh-cn"
title = "示例省党建品牌展示"
hasCJKLanguage = true
enableRobotsTXT = false

[taxonomies]
  stage = "stages"
  status = "statuses"

# One feed and one sitemap, as showcase makes.
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]

[markup.goldmark.renderer]
  unsafe = false
`

// hugoLayouts are the templates of the Hugo site, kept to what is needed to
// show every field, as showcase's brand and list pages do.
var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<header class="site-head"><a href="/">{{ site.Title }}</a>
<nav><a href="/brands/">参创单位</a> <a href="/stages/">创建阶段</a> <a href="/statuses/">品牌状态</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer class="site-foot">{{ site.Title }}</footer>
</body>
</html>
`,
	"_default/single.html": `{{ define "main" }}
<article class="brand">
<header>
{{ with .Resources.GetMatch "logo.svg" }}<img class="brand-logo" src="{{ .RelPermalink }}" alt="品牌标识" width="160" height="160">{{ end }}
<h1>{{ .Title }}</h1>
{{ with .Params.slogan }}<p class="slogan">{{ . }}</p>{{ end }}
<p class="org">{{ .Params.organization }}</p>
</header>
<section class="concept"><h2>品牌理念</h2><p>{{ .Params.concept }}</p></section>
{{ with .Params.ideas }}<section class="ideas"><h2>品牌文化理念</h2><dl>
{{ with .learning }}<dt>学习理念</dt><dd>{{ . }}</dd>{{ end }}
{{ with .conduct }}<dt>行为理念</dt><dd>{{ . }}</dd>{{ end }}
{{ with .work }}<dt>工作理念</dt><dd>{{ . }}</dd>{{ end }}
{{ with .style }}<dt>作风理念</dt><dd>{{ . }}</dd>{{ end }}
{{ with .innovation }}<dt>创新理念</dt><dd>{{ . }}</dd>{{ end }}
{{ with .service }}<dt>服务理念</dt><dd>{{ . }}</dd>{{ end }}
</dl></section>{{ end }}
<section class="prose">{{ .Content }}</section>
<section class="carriers"><h2>品牌载体</h2><ul>{{ range .Params.carriers }}<li><h3>{{ .name }}</h3><p>{{ .description }}</p></li>{{ end }}</ul></section>
{{ with .Resources.Match "photos/*" }}<section class="photos"><h2>活动剪影</h2><ul>{{ range . }}<li><img src="{{ .RelPermalink }}" alt="活动照片" loading="lazy"></li>{{ end }}</ul></section>{{ end }}
{{ with .Params.goals }}<section class="goals"><h2>深化计划</h2>{{ range . }}<h3>{{ .year }} 年</h3><ul>{{ range .items }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}</section>{{ end }}
{{ with .Params.timeline }}<section class="timeline"><h2>创建档案</h2><ol>{{ range . }}<li><time>{{ time.Format "2006-01-02" .date }}</time> {{ .event }}</li>{{ end }}</ol></section>{{ end }}
<aside class="facts"><dl>
<dt>所属单位</dt><dd><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></dd>
<dt>党组织</dt><dd>{{ .Params.organization }}</dd>
{{ with .Params.secretary }}<dt>第一责任人</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.members }}<dt>党员人数</dt><dd>{{ . }} 名</dd>{{ end }}
{{ range .GetTerms "stages" }}<dt>创建阶段</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd>{{ end }}
{{ range .GetTerms "statuses" }}<dt>品牌状态</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd>{{ end }}
<dt>申报日期</dt><dd>{{ .Date.Format "2006-01-02" }}</dd>
{{ with .Params.named }}<dt>命名日期</dt><dd>{{ time.Format "2006-01-02" . }}</dd>{{ end }}
</dl>
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.partners }}<h2>结对共建</h2><ul>{{ range . }}{{ with site.GetPage (printf "/brands/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
</aside>
</article>
{{ end }}
`,
	"_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="brand-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Params.organization }}</span> <small>{{ .Params.concept }}</small></li>{{ end }}</ul>
{{ end }}
`,
	"index.html": `{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>参创品牌 {{ len site.RegularPages }} 个</p>
<h2>创建进程</h2>
<ul>{{ range site.Taxonomies.stages }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }} 个品牌</li>{{ end }}</ul>
<ul>{{ range site.Taxonomies.statuses }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
<h2>示范品牌</h2>
<ul>{{ range site.Taxonomies.statuses.exemplary.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<h2>最新动态</h2>
<ol>{{ range first 8 site.RegularPages.ByLastmod.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Parent.Title }}</li>{{ end }}</ol>
<h2>参创单位</h2>
<ul>{{ range (site.GetPage "/brands").Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .Pages }} 个品牌</li>{{ end }}</ul>
{{ end }}
`,
	"_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }} 个品牌</li>{{ end }}</ul>
{{ end }}
`,
	"_default/term.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>共 {{ len .Pages }} 个品牌</p>
{{ range .Pages.GroupByParam "unit" }}<section><h2>{{ .Key }}</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ .Params.concept }}</small></li>{{ end }}</ul></section>{{ end }}
{{ end }}
`,
}

// hugoTerms names the taxonomy terms, so stage and status pages show the
// campaign's Chinese names as showcase's do.
var hugoTerms = map[string]string{
	"stages/declare": "品牌申报阶段", "stages/improve": "品牌提升阶段", "stages/consolidate": "品牌巩固阶段",
	"statuses/cultivating": "培育中", "statuses/named": "已命名", "statuses/exemplary": "示范品牌",
	"statuses/resubmit": "需重新申报", "statuses/delisted": "已摘牌",
}

func (hugoWriter) config(dir string, _ *corpus) error {
	if err := writeFile(filepath.Join(dir, "hugo.toml"), []byte(hugoConfig)); err != nil {
		return err
	}
	for name, text := range hugoLayouts {
		if err := writeFile(filepath.Join(dir, "layouts", filepath.FromSlash(name)), []byte(text)); err != nil {
			return err
		}
	}
	for term, name := range hugoTerms {
		if err := writeFile(filepath.Join(dir, "content", filepath.FromSlash(term), "_index.md"), fmt.Appendf(nil, "---\ntitle: %s\n---\n", name)); err != nil {
			return err
		}
	}
	for _, sec := range []struct{ path, title string }{{"stages", "创建阶段"}, {"statuses", "品牌状态"}, {"brands", "参创单位"}} {
		if err := writeFile(filepath.Join(dir, "content", sec.path, "_index.md"), fmt.Appendf(nil, "---\ntitle: %s\n---\n", sec.title)); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(dir, "static", "site.css"), []byte("body{font-family:sans-serif;margin:0 auto;max-width:60rem}\n"))
}

func (hugoWriter) unit(dir string, _ *corpus, u Unit) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %s\nweight: %d\nparams:\n  parent: %s\n---\n", yamlString(u.Name), u.Weight, yamlString(u.Parent))
	b.WriteString(u.Intro)
	return writeFile(filepath.Join(dir, "content", "brands", u.ID, "_index.md"), b.Bytes())
}

func (hugoWriter) brand(dir string, c *corpus, br *Brand, photos [][]byte) error {
	bundle := filepath.Join(dir, "content", "brands", br.UnitID, br.ID)
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %s\ndate: %s\nlastmod: %s\n", yamlString(br.Name), date(br.Declared), date(br.Timeline[len(br.Timeline)-1].Date))
	fmt.Fprintf(&b, "stages: [%s]\nstatuses: [%s]\nunit: %s\n", br.Stage, br.Status, yamlString(c.unitName(c.unitOf(br.index()))))
	writeBrandFields(&b, br)
	b.WriteString("draft: false\n---\n")
	b.WriteString(br.Body)
	if err := writeFile(filepath.Join(bundle, "index.md"), b.Bytes()); err != nil {
		return err
	}
	return writeBundle(bundle, br, photos)
}
