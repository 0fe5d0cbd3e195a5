package render

import (
	"fmt"
	"sync"

	"showcase/internal/search"
	"showcase/internal/site"
	"showcase/internal/theme"
)

// SearchPath is the site path of the search page; the index files sit in
// that folder too.
const SearchPath = "search/"

// searchJobs lists the search page and the files of the search index:
// search/meta.js, search/t/N.js (token shards), search/d/N.js (text
// blocks), search/l/N.js (lead blocks: slogans and concepts) and
// search/p.js (the pinyin of the names). They share one index, tokenized
// when the first of them runs.
func searchJobs(s *site.Site, th *theme.Theme, ctx *pageContext) []Job {
	// The index is built when the first file needs it, not while planning:
	// the preview server plans after every edit and may never need it.
	var once sync.Once
	var idx *search.Index
	index := func() *search.Index {
		once.Do(func() { idx = search.New(s, search.Options{}) })
		return idx
	}
	page := &Page{Site: s, Kind: "search", Path: SearchPath, Title: "搜索", ctx: ctx, searchIndex: index}
	jobs := []Job{
		{File: OutputFile(SearchPath), Render: func() ([]byte, error) { return th.Render(page.Kind, page) }},
		{File: SearchPath + "meta.js", Render: func() ([]byte, error) { return index().MetaJS(), nil }, Minified: true},
		{File: SearchPath + "p.js", Render: func() ([]byte, error) { return index().PinyinJS(), nil }, Minified: true},
	}
	shards, blocks := search.Layout(len(s.Listed), search.Options{})
	for k := range shards {
		jobs = append(jobs, Job{File: fmt.Sprintf("%st/%d.js", SearchPath, k), Render: func() ([]byte, error) { return index().ShardJS(k), nil }, Minified: true})
	}
	for k := range blocks {
		jobs = append(jobs, Job{File: SearchBlockFile(k), Render: func() ([]byte, error) { return index().BlockJS(k), nil }, Minified: true})
	}
	for k := range search.LeadBlocks(len(s.Listed)) {
		jobs = append(jobs, Job{File: fmt.Sprintf("%sl/%d.js", SearchPath, k), Render: func() ([]byte, error) { return index().LeadJS(k), nil }, Minified: true})
	}
	return jobs
}

// SearchBlockFile is the file of the search index's text block k.
func SearchBlockFile(k int) string { return fmt.Sprintf("%sd/%d.js", SearchPath, k) }

// SearchIndex returns the link from this page to the search index's
// meta.js, naming the index's version so no cache serves an older one. It
// is empty on every page but the search page.
func (p *Page) SearchIndex() string {
	if p.searchIndex == nil {
		return ""
	}
	return p.URL(SearchPath+"meta.js") + "?v=" + p.searchIndex().Version()
}

// SearchShards returns the number of token shards of the search index,
// which the search page names so its script can start loading the shards
// a query needs while meta.js still loads; 0 on every page but the
// search page.
func (p *Page) SearchShards() int {
	if p.searchIndex == nil {
		return 0
	}
	shards, _ := search.Layout(len(p.Site.Listed), search.Options{})
	return shards
}
