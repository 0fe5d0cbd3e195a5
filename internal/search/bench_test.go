package search_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/cputime"
	"showcase/internal/publish"
	"showcase/internal/render"
	"showcase/internal/search"
	"showcase/internal/site"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// benchSite generates a corpus of n brands, or takes the one
// SHOWCASE_BENCH_SITE names, and loads it.
func benchSite(b testing.TB, n int) (string, *site.Site) {
	b.Helper()
	src, err := corpus.BenchSite(b.TempDir(), corpus.Options{Brands: n, Photos: -1})
	if err != nil {
		b.Fatal(err)
	}
	s, diags, err := build.Load(context.Background(), os.DirFS(src), build.LoadOptions{}, nil)
	if err != nil || diags.Err() != nil {
		b.Fatalf("load corpus: %v %v", err, diags.Err())
	}
	return src, s
}

// writeSearch writes what the search page needs of a build for target,
// published as a build publishes it (minified, the CSS and JavaScript
// under their fingerprinted names): the theme's static files, the search
// page, the index and, on a kiosk, the attract loop's data, which every
// kiosk page loads. The rest of the site does not take part in a search.
func writeSearch(b testing.TB, src string, s *site.Site, dest string, target render.Target) {
	b.Helper()
	th, err := build.LoadTheme(os.DirFS(src), s.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	out, err := publish.Create(dest)
	if err != nil {
		b.Fatal(err)
	}
	mn := publish.NewMinifier()
	assets, err := build.WriteStatic(th, mn, out)
	if err != nil {
		b.Fatal(err)
	}
	for _, j := range render.Plan(s, th, render.Options{Target: target, Assets: assets}) {
		if !strings.HasPrefix(j.File, render.SearchPath) && j.File != render.AttractPath {
			continue
		}
		data, err := build.RenderFile(j, mn)
		if err != nil {
			b.Fatal(err)
		}
		if err := out.Write(j.File, data); err != nil {
			b.Fatal(err)
		}
	}
	if err := out.Commit(); err != nil {
		b.Fatal(err)
	}
}

// gzipSize is the size of data compressed as a web server would, at
// gzip's default level.
func gzipSize(data []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// BenchmarkIndexBuild measures tokenizing a generated site of 10,000
// brands and writing its index files (ns/op; tokenizing runs on all
// cores, the file jobs, which the build runs on all cores, on one here;
// cpu-ns/op is the CPU time of all cores), the heap the tokenized index
// holds (heap-MB), and the files' size after gzip per brand:
// index-B/brand for what decides a search (meta.js, p.js, the token
// shards and the lead blocks, the figure the 1.5 KB budget is about),
// text-B/brand for the text blocks read to check phrases and cut
// snippets.
func BenchmarkIndexBuild(b *testing.B) {
	_, s := benchSite(b, corpus.BenchBrands(10000))
	// The figures are per brand of the site built, which drafts or a
	// generator change could make differ from the size asked for.
	n := len(s.Brands)
	// Before the loop, whose last index b.Loop keeps alive.
	heap := indexHeap(s)
	var meta, pinyin []byte
	var shards, leads, blocks [][]byte
	cpu := cputime.Used()
	for b.Loop() {
		x := search.New(s, search.Options{})
		meta, pinyin, shards, leads, blocks = x.MetaJS(), x.PinyinJS(), nil, nil, nil
		for k := range x.Shards() {
			shards = append(shards, x.ShardJS(k))
		}
		for k := range search.LeadBlocks(len(s.Listed)) {
			leads = append(leads, x.LeadJS(k))
		}
		for k := range x.Blocks() {
			blocks = append(blocks, x.BlockJS(k))
		}
	}
	cputime.Report(b, b.N, cpu)
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
	sum := func(files [][]byte) (raw, gz int) {
		for _, f := range files {
			raw += len(f)
			gz += gzipSize(f)
		}
		return raw, gz
	}
	metaRaw, metaGz := sum([][]byte{meta})
	pinyinRaw, pinyinGz := sum([][]byte{pinyin})
	shardRaw, shardGz := sum(shards)
	leadRaw, leadGz := sum(leads)
	blockRaw, blockGz := sum(blocks)
	b.ReportMetric(float64(metaGz+pinyinGz+shardGz+leadGz)/float64(n), "index-B/brand")
	b.ReportMetric(float64(blockGz)/float64(n), "text-B/brand")
	b.ReportMetric(float64(metaGz+pinyinGz+shardGz+leadGz+blockGz)/float64(n), "total-B/brand")
	fmt.Printf("%d brands, after gzip (before): meta.js %d B (%d), p.js %d B (%d), %d token shards %d B (%d), %d lead blocks %d B (%d), %d text blocks %d B (%d)\n",
		n, metaGz, metaRaw, pinyinGz, pinyinRaw, len(shards), shardGz, shardRaw, len(leads), leadGz, leadRaw, len(blocks), blockGz, blockRaw)
}

// indexHeap is the heap the index of s holds once tokenized, while its
// files are written.
func indexHeap(s *site.Site) uint64 {
	live := func() uint64 {
		var m goruntime.MemStats
		goruntime.GC()
		goruntime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := live()
	x := search.New(s, search.Options{})
	x.Version()
	after := live()
	goruntime.KeepAlive(x)
	return after - before
}

// BenchmarkSearchChromium measures searches over a generated site of
// 10,000 brands in headless Chromium, from file:// and over HTTP, for the
// kinds of query the issue names, among them phrases found in nearly every
// brand's body, the worst case. Each query runs in a fresh page with the
// browser's cache off, so the time includes loading the index files it
// needs ("cold"), then again on the same page ("warm"). first-ms is until
// the first page of results is final and described (snippets cut), with a
// count or bounds of it; done-ms until every candidate is checked and the
// count is exact. The results are checked against the Go search.
func BenchmarkSearchChromium(b *testing.B) {
	n := corpus.BenchBrands(10000)
	src, s := benchSite(b, n)
	dest := filepath.Join(b.TempDir(), "public")
	writeSearch(b, src, s, dest, render.Kiosk)
	x := search.New(s, search.Options{})
	ctx := browsertest.New(b)

	first := s.Brands[0]
	initials, full := "", ""
	for _, syl := range search.Pinyin(first.Name) {
		initials += syl[0][:1]
		full += syl[0]
	}
	queries := []string{
		"账本", "驿站", first.Name, first.Unit.Name, initials, full,
		"党", "志愿服务", "主要做法", "服务 群众", "量子计算机",
	}
	pages := map[string]string{
		"file": "file://" + filepath.ToSlash(dest) + "/search/index.html",
		"http": browsertest.Serve(b, dest) + "search/index.html",
	}
	var results map[string]map[string]searchTiming
	for b.Loop() {
		results = measureSearches(b, ctx, pages, queries)
	}
	var firsts, dones, warms []float64
	worst, worstQuery := 0.0, ""
	for _, q := range queries {
		var want []string
		hits := x.Search(q, search.Filter{})
		for _, h := range hits[:min(50, len(hits))] {
			want = append(want, h.ID)
		}
		for _, via := range []string{"file", "http"} {
			tm := results[via][q]
			if tm.Hits != len(hits) || !slices.Equal(tm.IDs, want) && len(want)+len(tm.IDs) > 0 {
				b.Errorf("%s %q: the browser found %d, first %q; Go %d, first %q", via, q, tm.Hits, tm.IDs[:min(5, len(tm.IDs))], len(hits), want[:min(5, len(want))])
			}
			// Printed, not logged: the testing package cuts a
			// benchmark's log to a few lines.
			fmt.Printf("%-4s %-20q %5d hits  cold first page %7.1f ms (count %s)  cold done %7.1f ms  warm first %6.1f ms  warm done %6.1f ms\n",
				via, q, tm.Hits, tm.ColdFirst, tm.Count, tm.ColdDone, tm.WarmFirst, tm.WarmDone)
			firsts = append(firsts, tm.ColdFirst)
			dones = append(dones, tm.ColdDone)
			warms = append(warms, tm.WarmFirst)
			if tm.ColdFirst > worst {
				worst, worstQuery = tm.ColdFirst, via+" "+strconv.Quote(q)
			}
		}
	}
	fmt.Printf("slowest cold first page: %s, %.1f ms; median %.1f ms\n", worstQuery, worst, median(firsts))
	b.ReportMetric(slices.Max(firsts), "max-cold-first-ms")
	b.ReportMetric(median(firsts), "median-cold-first-ms")
	b.ReportMetric(slices.Max(dones), "max-cold-done-ms")
	b.ReportMetric(slices.Max(warms), "max-warm-first-ms")
	b.ReportMetric(median(warms), "median-warm-first-ms")
}

// searchTiming is what measureSearches finds of one query: the medians of
// the times, and the result of the first run.
type searchTiming struct {
	Hits int
	IDs  []string
	// Count is the count shown with the first page: "n", or "lo-hi"
	// while the count is open.
	Count                                    string
	ColdFirst, ColdDone, WarmFirst, WarmDone float64
}

// measureScript runs a query once right after the page loads (cold: the
// index files it needs are loaded then) and five times more on the same
// page (warm), giving the median. The first page is timed as the search
// page shows it: the hits of the first page, described (snippets cut,
// text blocks loaded), with the count or its bounds.
const measureScript = `(async () => {
	const e = await showcaseSearch.open(document.querySelector("[data-search]").dataset.index);
	const run = async () => {
		let page = null, count = "";
		const t0 = performance.now();
		const r = await e.search(%s, {}, p => {
			if (page) return;
			count = p.lo + "-" + p.hi;
			page = e.describe(p.hits.slice(0, 20), p.terms).then(() => performance.now() - t0);
			return page; // as search.js does: the rest waits for the page
		});
		const done = performance.now() - t0;
		let first;
		if (page) {
			first = await page;
		} else {
			count = String(r.hits.length);
			await e.describe(r.hits.slice(0, 20), r.terms);
			first = performance.now() - t0;
		}
		return {r, first, done, count};
	};
	const cold = await run(), warmFirst = [], warmDone = [];
	for (let i = 0; i < 5; i++) {
		const w = await run();
		warmFirst.push(w.first);
		warmDone.push(w.done);
	}
	warmFirst.sort((a, b) => a - b);
	warmDone.sort((a, b) => a - b);
	return {Hits: cold.r.hits.length, IDs: cold.r.hits.slice(0, 50).map(h => h.id), Count: cold.count,
		ColdFirst: cold.first, ColdDone: cold.done, WarmFirst: warmFirst[2], WarmDone: warmDone[2]};
})()`

// measureSearches times every query on every page, each on three fresh
// pages with the browser's cache off, and takes the medians: the machine
// may be busy with other work.
func measureSearches(tb testing.TB, ctx context.Context, pages map[string]string, queries []string) map[string]map[string]searchTiming {
	tb.Helper()
	if err := chromedp.Run(ctx, network.Enable(), network.SetCacheDisabled(true)); err != nil {
		tb.Fatal(err)
	}
	results := map[string]map[string]searchTiming{}
	for via, page := range pages {
		results[via] = map[string]searchTiming{}
		for _, q := range queries {
			var runs []searchTiming
			for range 3 {
				var tm searchTiming
				qs, _ := json.Marshal(q)
				err := chromedp.Run(ctx,
					chromedp.Navigate(page),
					waitDone(""),
					chromedp.Evaluate(fmt.Sprintf(measureScript, qs), &tm, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
						return p.WithAwaitPromise(true)
					}),
				)
				if err != nil {
					tb.Fatalf("%s %q: %v", via, q, err)
				}
				runs = append(runs, tm)
			}
			med := func(f func(searchTiming) float64) float64 {
				return median([]float64{f(runs[0]), f(runs[1]), f(runs[2])})
			}
			tm := runs[0]
			tm.ColdFirst = med(func(t searchTiming) float64 { return t.ColdFirst })
			tm.ColdDone = med(func(t searchTiming) float64 { return t.ColdDone })
			tm.WarmFirst = med(func(t searchTiming) float64 { return t.WarmFirst })
			tm.WarmDone = med(func(t searchTiming) float64 { return t.WarmDone })
			results[via][q] = tm
		}
	}
	return results
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
