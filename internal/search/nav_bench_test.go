package search_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"showcase/internal/browsertest"
	"showcase/internal/corpus"
	"showcase/internal/render"
	"showcase/internal/search"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// firstShownScript runs in every page before its own scripts and notes
// when the search page first shows results (__showcaseFirst): the first
// hit in the list, or the search done without any; and when the first
// page is whole (__showcaseWhole): its hits with their snippets, which
// the page puts in when their lead and text blocks have loaded.
// performance.now() counts from the navigation's start, so the time
// includes loading the page, its scripts and every index file the search
// needed.
const firstShownScript = `(() => {
	const root = () => document.querySelector("[data-search]");
	const seen = () => {
		const r = root();
		return r && (r.querySelector(".search-hit") || r.dataset.state === "done");
	};
	const whole = () => {
		const r = root();
		return r && ((r.querySelector(".search-hit") && !r.querySelector(".search-hit-pending")) || r.dataset.state === "done");
	};
	const obs = new MutationObserver(() => {
		if (window.__showcaseFirst === undefined && seen()) {
			window.__showcaseFirst = performance.now();
		}
		if (window.__showcaseWhole === undefined && whole()) {
			window.__showcaseWhole = performance.now();
			obs.disconnect();
		}
	});
	obs.observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "class"]});
})()`

// navDetail describes where the time of the last navigation went: when
// the page had arrived, was parsed and its content loaded, and when each
// file started and finished loading, in ms from the navigation's start.
const navDetail = `JSON.stringify({page: Math.round(performance.getEntriesByType("navigation")[0].responseEnd),
	parsed: Math.round(performance.getEntriesByType("navigation")[0].domInteractive),
	dcl: Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd),
	first: Math.round(window.__showcaseFirst),
	whole: Math.round(window.__showcaseWhole),
	files: performance.getEntriesByType("resource").map(r => [r.name.replace(/^.*\/search\//, "").replace(/\?.*/, ""), Math.round(r.startTime), Math.round(r.responseEnd)])})`

// BenchmarkSearchNavigation measures what a visitor waits for: from the
// navigation to the search page with a query in its address until the
// first results are on the screen, cold (the browser's cache off), over
// HTTP without compression (the web target) and from file:// (the
// kiosk's folder), at 10,000 brands, and until the first page is whole
// (its hits' snippets in place). Each query runs navRuns times on each;
// the figure is the median.
//
// SHOWCASE_NAV_BEFORE_WEB and SHOWCASE_NAV_BEFORE_KIOSK may name the web
// and kiosk output of another build of the same site (its search/, js/,
// css/ and kiosk/ are enough): its pages are then timed too, alternating
// with these run by run, for a before and after on a busy machine.
func BenchmarkSearchNavigation(b *testing.B) {
	const navRuns = 5
	n := corpus.BenchBrands(10000)
	src, s := benchSite(b, n)
	// Over HTTP the web target, from file:// the kiosk's folder.
	web, kiosk := filepath.Join(b.TempDir(), "web"), filepath.Join(b.TempDir(), "kiosk")
	writeSearch(b, src, s, web, render.Web)
	writeSearch(b, src, s, kiosk, render.Kiosk)
	ctx := browsertest.New(b)

	first := s.Brands[0]
	initials := ""
	for _, syl := range search.Pinyin(first.Name) {
		initials += syl[0][:1]
	}
	queries := []string{"账本", "驿站", first.Name, first.Unit.Name, initials, "党", "志愿服务", "服务 群众", "量子计算机"}
	pages := map[string]map[string]string{"after": {
		"file": "file://" + filepath.ToSlash(kiosk) + "/search/index.html",
		"http": browsertest.Serve(b, web) + "search/index.html",
	}}
	variants := []string{"after"}
	if bw, bk := os.Getenv("SHOWCASE_NAV_BEFORE_WEB"), os.Getenv("SHOWCASE_NAV_BEFORE_KIOSK"); bw != "" && bk != "" {
		pages["before"] = map[string]string{
			"file": "file://" + filepath.ToSlash(bk) + "/search/index.html",
			"http": browsertest.Serve(b, bw) + "search/index.html",
		}
		variants = []string{"before", "after"}
	}
	if err := chromedp.Run(ctx, network.Enable(), network.SetCacheDisabled(true), chromedp.ActionFunc(func(c2 context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(firstShownScript).Do(c2)
		return err
	})); err != nil {
		b.Fatal(err)
	}
	var all, wholes []float64
	for b.Loop() {
		all, wholes = all[:0], wholes[:0]
		for _, via := range []string{"http", "file"} {
			for _, q := range queries {
				runs, whole := map[string][]float64{}, map[string][]float64{}
				for range navRuns {
					for _, v := range variants {
						var ms, wms float64
						err := chromedp.Run(ctx,
							chromedp.Navigate(pages[v][via]+"?q="+url.QueryEscape(q)),
							chromedp.Poll(`window.__showcaseWhole`, &wms, chromedp.WithPollingTimeout(30*time.Second)),
							chromedp.Evaluate(`window.__showcaseFirst`, &ms),
						)
						if err != nil {
							b.Fatalf("%s %s %q: %v", v, via, q, err)
						}
						runs[v] = append(runs[v], ms)
						whole[v] = append(whole[v], wms)
					}
				}
				if os.Getenv("SHOWCASE_NAV_DETAIL") != "" {
					var detail string
					if err := chromedp.Run(ctx, chromedp.Evaluate(navDetail, &detail)); err != nil {
						b.Fatal(err)
					}
					fmt.Println(detail)
				}
				for _, v := range variants {
					r, w := runs[v], whole[v]
					slices.Sort(r)
					slices.Sort(w)
					fmt.Printf("%-6s %-4s %-20q first results %7.1f ms (median of %d; %.1f–%.1f), with snippets %7.1f ms (%.1f–%.1f)\n",
						v, via, q, r[len(r)/2], navRuns, r[0], r[len(r)-1], w[len(w)/2], w[0], w[len(w)-1])
				}
				all = append(all, runs["after"][navRuns/2])
				wholes = append(wholes, whole["after"][navRuns/2])
			}
		}
	}
	fmt.Printf("first results after navigation: median %.1f ms, slowest query %.1f ms; with snippets: median %.1f ms, slowest %.1f ms\n",
		median(all), slices.Max(all), median(wholes), slices.Max(wholes))
	b.ReportMetric(median(all), "median-first-ms")
	b.ReportMetric(slices.Max(all), "max-first-ms")
	b.ReportMetric(median(wholes), "median-whole-ms")
	b.ReportMetric(slices.Max(wholes), "max-whole-ms")
}
