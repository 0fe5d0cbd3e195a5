package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/render"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestPagesInChromium opens each kind of page of the built sample in
// headless Chromium at a phone and a wide-screen size. Every resource must
// load, and nothing may be wider than the screen. Set SHOWCASE_SCREENSHOTS
// to a folder to keep a screenshot of each.
func TestPagesInChromium(t *testing.T) {
	ctx := browsertest.New(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, repoRoot, dest, render.Web); err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, dest)

	var mu sync.Mutex
	var failures []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				failures = append(failures, fmt.Sprintf("%d %s", ev.Response.Status, ev.Response.URL))
			}
		case *network.EventLoadingFailed:
			failures = append(failures, "failed "+ev.ErrorText)
		}
	})
	if err := chromedp.Run(ctx, network.Enable()); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{
		"home": "", "unit": "units/finance/", "brand": "brands/finance/ledger/",
		"stage": "stages/improve/", "status": "statuses/exemplary/", "plaque": "plaques/finance/ledger/",
	}
	sizes := []struct{ w, h int64 }{{390, 844}, {1920, 1080}}
	shots := os.Getenv("SHOWCASE_SCREENSHOTS")
	for name, path := range pages {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s-%d", name, size.w), func(t *testing.T) {
				var scrollWidth, innerWidth int64
				var title string
				var png []byte
				actions := []chromedp.Action{
					chromedp.EmulateViewport(size.w, size.h),
					chromedp.Navigate(base + path),
					chromedp.WaitReady("main"),
					chromedp.Title(&title),
					chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
					chromedp.Evaluate(`window.innerWidth`, &innerWidth),
				}
				if shots != "" {
					actions = append(actions, chromedp.CaptureScreenshot(&png))
				}
				if err := chromedp.Run(ctx, actions...); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(title, "示例市直机关党建品牌展示") {
					t.Errorf("title %q", title)
				}
				if scrollWidth > innerWidth {
					t.Errorf("page is %d px wide on a %d px screen", scrollWidth, innerWidth)
				}
				if shots != "" {
					os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%d.png", name, size.w)), png, 0o644)
				}
			})
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(failures) > 0 {
		t.Errorf("requests failed:\n%s", strings.Join(failures, "\n"))
	}
}
