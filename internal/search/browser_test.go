package search_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/render"
	"showcase/internal/search"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// repoRoot is the sample site: showcase.yaml and content/ of the repository.
const repoRoot = "../.."

// buildSample builds the sample site for target into a new folder.
func buildSample(t testing.TB, target render.Target) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	_, err := build.Run(context.Background(), build.Options{Source: repoRoot, Dest: dest, Target: target, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatalf("build %s: %v", target, err)
	}
	return dest
}

// sampleIndex is the Go index of the sample site, the reference the
// browser's results are checked against.
func sampleIndex(t testing.TB) *search.Index {
	t.Helper()
	s, diags, err := build.Load(context.Background(), os.DirFS(repoRoot), build.LoadOptions{}, nil)
	if err != nil || diags.Err() != nil {
		t.Fatalf("load sample: %v %v", err, diags)
	}
	return search.New(s, search.Options{})
}

// queryCase is a search the visitor types and the brand it must find first.
type queryCase struct {
	name, query, first string
}

// queryCases cover what the issue asks: two and more Chinese characters, a
// unit's name, pinyin initials, full pinyin, and a query with no result.
var queryCases = []queryCase{
	{"two characters", "账本", "finance/ledger"},
	{"two characters in a name", "灯塔", "library/shuxiang"},
	{"four characters", "红色账本", "finance/ledger"},
	{"five characters", "蓝色连心桥", "tax/lanqiao"},
	{"unit name", "示例市财政局", "finance/ledger"},
	{"pinyin initials", "hszb", "finance/ledger"},
	{"pinyin initials of another", "sxdt", "library/shuxiang"},
	{"full pinyin", "hongsezhangben", "finance/ledger"},
	{"full pinyin cut short", "lanselian", "tax/lanqiao"},
	{"no result", "量子计算机", ""},
}

// hit is a result as the page shows it.
type hit struct {
	ID, Href, Name, Snippet string
	Marks                   []string
}

// pageState is what the search page shows once a search is done.
type pageState struct {
	Hits   []hit
	Status string
}

const readPage = `(() => {
	const root = document.querySelector("[data-search]");
	return {
		Hits: Array.from(root.querySelectorAll(".search-hit")).map(li => ({
			ID: li.dataset.id,
			Href: li.querySelector("a").getAttribute("href"),
			Name: li.querySelector(".search-hit-name").textContent,
			Snippet: (li.querySelector(".search-hit-snippet") || {}).textContent || "",
			Marks: Array.from(li.querySelectorAll("mark")).map(m => m.textContent),
		})),
		Status: root.querySelector(".search-status").textContent,
	};
})()`

// waitDone waits until the search page has finished the search for query.
func waitDone(query string) chromedp.Action {
	q, _ := json.Marshal(query)
	return chromedp.Poll(fmt.Sprintf(`(() => { const r = document.querySelector("[data-search]");
		return r && r.dataset.state === "done" && r.dataset.query === %s; })()`, q),
		nil, chromedp.WithPollingTimeout(30*time.Second))
}

// openSearch opens the search page for query and reads the results.
func openSearch(t *testing.T, ctx context.Context, pageURL, query string) pageState {
	t.Helper()
	var st pageState
	err := chromedp.Run(ctx,
		chromedp.Navigate(pageURL+"?q="+url.QueryEscape(query)),
		waitDone(query),
		chromedp.Evaluate(readPage, &st),
	)
	if err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	return st
}

func checkCases(t *testing.T, ctx context.Context, pageURL string, x *search.Index, brandLink func(id string) string) {
	for _, c := range queryCases {
		t.Run(c.name, func(t *testing.T) {
			st := openSearch(t, ctx, pageURL, c.query)
			if c.first == "" {
				if len(st.Hits) != 0 || !strings.Contains(st.Status, "没有找到") {
					t.Fatalf("%q: want no result and a message, got %d hits, status %q", c.query, len(st.Hits), st.Status)
				}
				return
			}
			if len(st.Hits) == 0 {
				t.Fatalf("%q: no result; status %q", c.query, st.Status)
			}
			if st.Hits[0].ID != c.first {
				t.Errorf("%q: first result %s, want %s", c.query, st.Hits[0].ID, c.first)
			}
			if want := brandLink(c.first); st.Hits[0].Href != want {
				t.Errorf("%q: first result links to %q, want %q", c.query, st.Hits[0].Href, want)
			}
			if len(st.Hits[0].Marks) == 0 {
				t.Errorf("%q: nothing marked in the first result %+v", c.query, st.Hits[0])
			}
			var got []string
			for _, h := range st.Hits {
				got = append(got, h.ID)
			}
			var want []string
			for _, h := range x.Search(c.query, search.Filter{}) {
				want = append(want, h.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q: the page ranks %q, the Go search %q", c.query, got, want)
			}
			if !strings.Contains(st.Status, fmt.Sprintf("找到 %d 个品牌", len(want))) {
				t.Errorf("%q: status %q does not give the count %d", c.query, st.Status, len(want))
			}
		})
	}
}

// TestSearchFromFile opens the kiosk build from file://: the home page
// loads no index, the header's box leads to the results, every query case
// finds its brand first with a relative link naming index.html, the letter
// keyboard types pinyin initials, and a result opens the brand's page.
func TestSearchFromFile(t *testing.T) {
	ctx := browsertest.New(t)
	dest := buildSample(t, render.Kiosk)
	x := sampleIndex(t)
	home := "file://" + filepath.ToSlash(dest) + "/index.html"
	pageURL := "file://" + filepath.ToSlash(dest) + "/search/index.html"

	t.Run("home loads no index", func(t *testing.T) {
		// Chromium reports file:// requests to the DevTools network
		// domain, though not to the page's resource timing.
		loaded := recordRequests(ctx)
		err := chromedp.Run(ctx,
			network.Enable(),
			chromedp.Navigate(home),
			chromedp.WaitReady(".masthead-search input"),
		)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range loaded() {
			if strings.Contains(u, "/search/") || strings.Contains(u, "search-engine") {
				t.Errorf("the home page loads %s", u)
			}
		}
		// The same probe on the search page sees the index load, so it
		// would see it on the home page too.
		err = chromedp.Run(ctx,
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape("账本")),
			waitDone("账本"),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got := loaded(); !slices.ContainsFunc(got, func(u string) bool { return strings.Contains(u, "/search/meta.js") }) {
			t.Errorf("the search page's requests %q do not show meta.js", got)
		}
	})

	t.Run("header box", func(t *testing.T) {
		var st pageState
		var loc string
		err := chromedp.Run(ctx,
			chromedp.Navigate(home),
			chromedp.SendKeys(".masthead-search input", "hszb"),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitReady(".search-page"),
			waitDone("hszb"),
			chromedp.Location(&loc),
			chromedp.Evaluate(readPage, &st),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(strings.SplitN(loc, "?", 2)[0], "/search/index.html") {
			t.Errorf("the header's box went to %s", loc)
		}
		if len(st.Hits) == 0 || st.Hits[0].ID != "finance/ledger" {
			t.Errorf("hszb from the header: %+v", st.Hits)
		}
	})

	checkCases(t, ctx, pageURL, x, func(id string) string { return "../brands/" + id + "/index.html" })

	t.Run("letter keyboard", func(t *testing.T) {
		var st pageState
		actions := []chromedp.Action{chromedp.Navigate(pageURL), waitDone("")}
		for _, k := range "sxdt" {
			// A visitor scrolls a key clear of the kiosk's bar to tap it.
			key := fmt.Sprintf(`.search-key[data-key="%c"]`, k)
			actions = append(actions,
				chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "center"})`, key), nil),
				chromedp.Click(key))
		}
		actions = append(actions, waitDone("sxdt"), chromedp.Evaluate(readPage, &st))
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatal(err)
		}
		if len(st.Hits) == 0 || st.Hits[0].ID != "library/shuxiang" {
			t.Errorf("sxdt on the letter keyboard: %+v", st.Hits)
		}
	})

	t.Run("open result", func(t *testing.T) {
		var loc, h1 string
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape("红色账本")),
			waitDone("红色账本"),
			chromedp.Click(".search-hit-link"),
			chromedp.WaitReady(".brand-hero, h1"),
			chromedp.Location(&loc),
			chromedp.Text("h1", &h1),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(loc, "/brands/finance/ledger/index.html") || !strings.Contains(h1, "红色账本") {
			t.Errorf("the first result opened %s (h1 %q)", loc, h1)
		}
	})
}

// TestSearchOverHTTP serves the web build: every query case, filters,
// keyboard use, marked snippets, and the browser's ranking against the Go
// search for many more queries.
func TestSearchOverHTTP(t *testing.T) {
	ctx := browsertest.New(t)
	dest := buildSample(t, render.Web)
	base := browsertest.Serve(t, dest)
	x := sampleIndex(t)
	pageURL := base + "search/"

	checkCases(t, ctx, pageURL, x, func(id string) string { return "/brands/" + id + "/" })

	t.Run("snippet", func(t *testing.T) {
		st := openSearch(t, ctx, pageURL, "夜校")
		if len(st.Hits) == 0 || !strings.Contains(st.Hits[0].Snippet, "夜校") || !slices.Contains(st.Hits[0].Marks, "夜校") {
			t.Errorf("夜校: the first result's snippet does not mark it: %+v", st.Hits)
		}
	})

	t.Run("filters", func(t *testing.T) {
		var st pageState
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape("服务")),
			waitDone("服务"),
			chromedp.SetValue(`select[name="status"]`, "exemplary"),
			chromedp.Evaluate(`document.querySelector('select[name="status"]').dispatchEvent(new Event("change"))`, nil),
			waitDone("服务"),
			chromedp.Evaluate(readPage, &st),
		)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, h := range x.Search("服务", search.Filter{Status: "exemplary"}) {
			want = append(want, h.ID)
		}
		var got []string
		for _, h := range st.Hits {
			got = append(got, h.ID)
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("服务 among 示范品牌: %q, want %q", got, want)
		}
		var loc string
		if err := chromedp.Run(ctx, chromedp.Location(&loc)); err != nil || !strings.Contains(loc, "status=exemplary") {
			t.Errorf("the address %q does not keep the filter", loc)
		}
	})

	// The unit filter's options are not in the page but come from the
	// index once the first results show; a unit in the address filters
	// the first search all the same, and the option is then selected.
	t.Run("unit filter from the address", func(t *testing.T) {
		var st pageState
		var units int
		var selected string
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape("服务")+"&unit=library"),
			waitDone("服务"),
			chromedp.Evaluate(readPage, &st),
			chromedp.Poll(`document.querySelector('select[name="unit"]').options.length > 1`, nil, chromedp.WithPollingTimeout(30*time.Second)),
			chromedp.Evaluate(`document.querySelector('select[name="unit"]').options.length`, &units),
			chromedp.Evaluate(`document.querySelector('select[name="unit"]').value`, &selected),
		)
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		for _, h := range x.Search("服务", search.Filter{Unit: "library"}) {
			want = append(want, h.ID)
		}
		for _, h := range st.Hits {
			got = append(got, h.ID)
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("服务 in unit library: %q, want %q", got, want)
		}
		if units != 1+len(unitIDs(t)) || selected != "library" {
			t.Errorf("the unit filter has %d options and %q selected, want %d and library", units, selected, 1+len(unitIDs(t)))
		}
		var loc string
		if err := chromedp.Run(ctx, chromedp.Location(&loc)); err != nil || !strings.Contains(loc, "unit=library") {
			t.Errorf("the address %q does not keep the unit", loc)
		}
	})

	// Without a unit in the address the options wait until the visitor
	// reaches for the filter: laying out a thousand of them costs as much
	// as a search.
	t.Run("unit options when the filter is reached", func(t *testing.T) {
		var before, after int
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape("服务")),
			waitDone("服务"),
			chromedp.Evaluate(`document.querySelector('select[name="unit"]').options.length`, &before),
			chromedp.Click(`select[name="unit"]`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector('select[name="unit"]').options.length`, &after),
		)
		if err != nil {
			t.Fatal(err)
		}
		if want := 1 + len(unitIDs(t)); before != 1 || after != want {
			t.Errorf("the unit filter has %d options after the search and %d once clicked, want 1 and %d", before, after, want)
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		var focused, href string
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL),
			waitDone(""),
			chromedp.Focus("#search-q"),
			chromedp.SendKeys("#search-q", "lanse"),
			waitDone("lanse"),
			chromedp.KeyEvent(kb.ArrowDown),
			chromedp.Evaluate(`document.activeElement.closest(".search-hit").dataset.id`, &focused),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitReady(".brand-hero, h1"),
			chromedp.Location(&href),
		)
		if err != nil {
			t.Fatal(err)
		}
		if focused != "tax/lanqiao" || !strings.HasSuffix(href, "/brands/tax/lanqiao/") {
			t.Errorf("typed lanse, Down, Enter: focus on %q, opened %s", focused, href)
		}
	})

	t.Run("first page before the count", func(t *testing.T) {
		// The first page, shown before every candidate is checked, must
		// be the final one's start, and the count's bounds must hold it.
		queries := []string{"党", "服务", "为民服务", "志愿服务", "一笔一核", "夜校 账本", "xf", "量子计算机"}
		script := `showcaseSearch.open(document.querySelector("[data-search]").dataset.index)
			.then(e => Promise.all(%s.map(q => {
				const parts = [];
				return e.search(q, {}, p => parts.push({IDs: p.hits.map(h => h.id), Lo: p.lo, Hi: p.hi, Done: p.done}))
					.then(r => ({Parts: parts, IDs: r.hits.map(h => h.id), Lo: r.lo, Hi: r.hi}));
			})))`
		type partial struct {
			IDs    []string
			Lo, Hi int
			Done   bool
		}
		type outcome struct {
			Parts  []partial
			IDs    []string
			Lo, Hi int
		}
		list, _ := json.Marshal(queries)
		var got []outcome
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL),
			waitDone(""),
			chromedp.Evaluate(fmt.Sprintf(script, list), &got, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
				return p.WithAwaitPromise(true)
			}),
		)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range queries {
			o := got[i]
			n := len(o.IDs)
			if o.Lo != n || o.Hi != n {
				t.Errorf("%q: the final result counts %d to %d, holds %d", q, o.Lo, o.Hi, n)
			}
			if len(o.Parts) == 0 {
				t.Errorf("%q: no first page before the result", q)
			}
			for _, p := range o.Parts {
				if p.Done || p.Lo > n || p.Hi < n || len(p.IDs) != min(n, 20) || !slices.Equal(p.IDs, o.IDs[:len(p.IDs)]) {
					t.Errorf("%q: first page %q, count %d to %d; the final result %d hits, %q", q, p.IDs, p.Lo, p.Hi, n, o.IDs[:min(n, 20)])
				}
			}
		}
	})

	t.Run("same ranking as Go", func(t *testing.T) {
		queries := []string{"党", "服务", "为民服务", "志愿服务", "党员", "一笔一核", "先锋", "xf", "xianfeng", "qs", "示例市税务局",
			"ssw", "夜校 账本", "账本 服务", "APP", "app", "12345", "2021", "绿波", "lvbo", "lubo", "悦读", "灯塔 书香", "服务 群众 党员"}
		script := `showcaseSearch.open(document.querySelector("[data-search]").dataset.index)
			.then(e => Promise.all(%s.map(q => e.search(q, {}).then(r => r.hits.map(h => h.id)))))`
		list, _ := json.Marshal(queries)
		var got [][]string
		err := chromedp.Run(ctx,
			chromedp.Navigate(pageURL),
			waitDone(""),
			chromedp.Evaluate(fmt.Sprintf(script, list), &got, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
				return p.WithAwaitPromise(true)
			}),
		)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range queries {
			want := []string{}
			for _, h := range x.Search(q, search.Filter{}) {
				want = append(want, h.ID)
			}
			if !slices.Equal(got[i], want) {
				t.Errorf("%q: the browser ranks %q, Go %q", q, got[i], want)
			}
		}
	})
}

// unitIDs are the ids of the sample site's units.
func unitIDs(t testing.TB) []string {
	t.Helper()
	s, diags, err := build.Load(context.Background(), os.DirFS(repoRoot), build.LoadOptions{}, nil)
	if err != nil || diags.Err() != nil {
		t.Fatalf("load sample: %v %v", err, diags)
	}
	var ids []string
	for _, u := range s.Units {
		ids = append(ids, u.ID)
	}
	return ids
}

// recordRequests notes every request the browser of ctx makes and
// returns a function that gives the URLs requested since it was last
// called.
func recordRequests(ctx context.Context) func() []string {
	var mu sync.Mutex
	var requested []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requested = append(requested, e.Request.URL)
			mu.Unlock()
		}
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := requested
		requested = nil
		return out
	}
}

// TestFirstResultsPath checks what the search page's first results wait
// for, over HTTP, by keeping files from loading rather than by timing:
// the hits of a query whose order the token shards decide show while the
// lead and text blocks and p.js cannot load (their snippets wait for
// them); the query's token shards are requested though meta.js cannot
// load, so they do not wait for it; and only a query that can be pinyin
// loads p.js.
func TestFirstResultsPath(t *testing.T) {
	ctx := browsertest.New(t)
	dest := buildSample(t, render.Web)
	pageURL := browsertest.Serve(t, dest) + "search/"
	x := sampleIndex(t)

	requests := recordRequests(ctx)
	has := func(urls []string, part string) bool {
		return slices.ContainsFunc(urls, func(u string) bool { return strings.Contains(u, part) })
	}
	if err := chromedp.Run(ctx, network.Enable(), network.SetCacheDisabled(true)); err != nil {
		t.Fatal(err)
	}
	state := func(want string) chromedp.Action {
		return chromedp.Poll(fmt.Sprintf(`document.querySelector("[data-search]").dataset.state === %q`, want),
			nil, chromedp.WithPollingTimeout(30*time.Second))
	}

	// The units' options come from meta.js: a thousand of them in the
	// page held its parsing, and every script on it, back.
	t.Run("no unit options in the page", func(t *testing.T) {
		page, err := os.ReadFile(filepath.Join(dest, "search", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?s)data-facet="?unit"?>(.*?)</select>`).FindSubmatch(page)
		if m == nil || bytes.Count(m[1], []byte("<option")) != 1 {
			t.Errorf("the unit filter in the page is not its one option for all units: %q", m)
		}
	})

	t.Run("hits before their snippets", func(t *testing.T) {
		const q = "账本"
		var got []string
		var pending int
		err := chromedp.Run(ctx,
			network.SetBlockedURLs([]string{"*/search/l/*", "*/search/d/*", "*/search/p.js*"}),
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape(q)),
			state("error"),
			chromedp.Evaluate(`Array.from(document.querySelectorAll(".search-hit")).map(li => li.dataset.id)`, &got),
			chromedp.Evaluate(`document.querySelectorAll(".search-hit-pending").length`, &pending),
		)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, h := range x.Search(q, search.Filter{}) {
			want = append(want, h.ID)
		}
		want = want[:min(20, len(want))]
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s without lead and text blocks: the page shows %q, want %q", q, got, want)
		}
		if pending != len(got) {
			t.Errorf("%d of %d hits wait for their snippets, want all: their blocks cannot load", pending, len(got))
		}
	})

	// A brand's exact name is decided by meta.js, the other brands that
	// hold it only by their lead or text blocks: its hit is shown while
	// those are checked, here while they cannot load.
	t.Run("final hits ahead of the check", func(t *testing.T) {
		s, diags, err := build.Load(context.Background(), os.DirFS(repoRoot), build.LoadOptions{}, nil)
		if err != nil || diags.Err() != nil {
			t.Fatalf("load sample: %v %v", err, diags)
		}
		var q string
		var ahead []string
		for _, b := range s.Brands {
			// A term of one or two characters is a token, decided by the
			// shards alone.
			hits := x.Search(b.Name, search.Filter{})
			if utf8.RuneCountInString(b.Name) <= 2 || len(hits) < 2 || hits[0].Name != b.Name || hits[len(hits)-1].Tier == search.TierName {
				continue
			}
			q = b.Name
			for _, h := range hits {
				if h.Tier != search.TierName {
					break
				}
				ahead = append(ahead, h.ID)
			}
			break
		}
		if q == "" {
			t.Fatal("no brand of the sample site has a name other brands hold only in their text")
		}
		var got []string
		err = chromedp.Run(ctx,
			network.SetBlockedURLs([]string{"*/search/l/*", "*/search/d/*"}),
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape(q)),
			state("error"),
			chromedp.Evaluate(`Array.from(document.querySelectorAll(".search-hit")).map(li => li.dataset.id)`, &got),
		)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || len(got) > len(ahead) || !slices.Equal(got, ahead[:len(got)]) {
			t.Errorf("%s, its other brands not checked: the page shows %q, want the first of %q", q, got, ahead)
		}
	})

	t.Run("shards without meta.js", func(t *testing.T) {
		requests()
		var status string
		err := chromedp.Run(ctx,
			network.SetBlockedURLs([]string{"*/search/meta.js*"}),
			chromedp.Navigate(pageURL+"?q="+url.QueryEscape("账本")),
			state("error"),
			chromedp.Text(".search-status", &status, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatal(err)
		}
		// A visitor reads why, in Chinese.
		if !strings.Contains(status, "无法加载索引文件") || strings.Contains(status, "cannot") {
			t.Errorf("the page says %q when its index cannot load", status)
		}
		if got := requests(); !has(got, "/search/t/") {
			t.Errorf("with meta.js kept from loading, the page requests no token shard: %q", got)
		}
	})

	t.Run("pinyin only for pinyin", func(t *testing.T) {
		// metaRuns counts the runs of meta.js: the page's own script is
		// the engine's, not run a second time by a script of its own.
		const metaRuns = `(() => {
			let engine;
			window.__metaRuns = 0;
			Object.defineProperty(window, "showcaseSearch", {configurable: true, get: () => engine, set: e => {
				const meta = e.meta;
				e.meta = function () { window.__metaRuns++; return meta.apply(this, arguments); };
				engine = e;
			}});
		})()`
		var counter page.ScriptIdentifier
		if err := chromedp.Run(ctx, network.SetBlockedURLs([]string{}), chromedp.ActionFunc(func(c context.Context) error {
			var err error
			counter, err = page.AddScriptToEvaluateOnNewDocument(metaRuns).Do(c)
			return err
		})); err != nil {
			t.Fatal(err)
		}
		defer chromedp.Run(ctx, page.RemoveScriptToEvaluateOnNewDocument(counter))
		for _, c := range []struct {
			q      string
			pinyin bool
		}{{"账本", false}, {"hszb", true}} {
			requests()
			if err := chromedp.Run(ctx, chromedp.Navigate(pageURL+"?q="+url.QueryEscape(c.q)), waitDone(c.q)); err != nil {
				t.Fatal(err)
			}
			if got := requests(); has(got, "/search/p.js") != c.pinyin || !has(got, "/search/meta.js") {
				t.Errorf("%s: the page requests %q; p.js wanted: %v", c.q, got, c.pinyin)
			}
			var runs int
			if err := chromedp.Run(ctx, chromedp.Evaluate(`window.__metaRuns`, &runs)); err != nil {
				t.Fatal(err)
			}
			if runs != 1 {
				t.Errorf("%s: meta.js ran %d times, want once", c.q, runs)
			}
		}
	})
}
