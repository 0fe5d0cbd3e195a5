package a11y

import (
	"context"
	"path/filepath"
	"testing"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/render"

	"github.com/chromedp/chromedp"
)

// buildSample builds the sample site for the web and serves it.
func buildSample(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	_, err := build.Run(context.Background(), build.Options{Source: "../..", Dest: dest, Target: render.Web, Stateless: true,
		CacheDir: filepath.Join(t.TempDir(), "cache")})
	if err != nil {
		t.Fatal(err)
	}
	return serveSite(t, dest)
}

// TestSkipLinkAndFocus checks that the first Tab shows the skip link on
// screen with a visible focus ring, and that it leads to the main content.
func TestSkipLinkAndFocus(t *testing.T) {
	ctx := browsertest.New(t)
	base := buildSample(t)
	var focused struct {
		Class   string  `json:"class"`
		Left    float64 `json:"left"`
		Top     float64 `json:"top"`
		Width   float64 `json:"width"`
		Outline string  `json:"outline"`
		Href    string  `json:"href"`
	}
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(base+"brands/finance/ledger/"),
		chromedp.WaitReady("main"),
		chromedp.KeyEvent("\t"),
		chromedp.Evaluate(`(() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
			return {class: e.className, left: r.left, top: r.top, width: r.width, outline: s.outlineStyle + " " + s.outlineWidth, href: e.getAttribute("href")}; })()`, &focused),
	)
	if err != nil {
		t.Fatal(err)
	}
	if focused.Class != "skip" || focused.Href != "#main" {
		t.Fatalf("first Tab focuses %q (href %q), want the skip link to #main", focused.Class, focused.Href)
	}
	if focused.Left < 0 || focused.Top < 0 || focused.Width == 0 {
		t.Errorf("focused skip link is off screen at %v,%v", focused.Left, focused.Top)
	}
	if focused.Outline == "none 0px" || focused.Outline[:4] == "none" {
		t.Errorf("focused skip link has no focus ring: %q", focused.Outline)
	}
	var active string
	err = chromedp.Run(ctx,
		chromedp.KeyEvent("\r"),
		chromedp.KeyEvent("\t"),
		chromedp.Evaluate(`document.activeElement.closest("main") ? "main" : document.activeElement.tagName`, &active),
	)
	if err != nil {
		t.Fatal(err)
	}
	if active != "main" {
		t.Errorf("after the skip link, Tab reaches %s, not the main content", active)
	}
}

// TestLargeTextSwitch checks the 大字 switch: it enlarges the text, says
// it is pressed, and the choice holds on the next page and after a reload
// until it is pressed again.
func TestLargeTextSwitch(t *testing.T) {
	ctx := browsertest.New(t)
	base := buildSample(t)
	state := func() (size string, pressed string) {
		t.Helper()
		err := chromedp.Run(ctx,
			chromedp.WaitReady("[data-text-size]:not([hidden])"),
			chromedp.Evaluate(`getComputedStyle(document.body).fontSize`, &size),
			chromedp.Evaluate(`document.querySelector("[data-text-size]").getAttribute("aria-pressed")`, &pressed),
		)
		if err != nil {
			t.Fatal(err)
		}
		return size, pressed
	}
	if err := chromedp.Run(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	if size, pressed := state(); size != "17px" || pressed != "false" {
		t.Fatalf("at first: text %s, pressed %s", size, pressed)
	}
	if err := chromedp.Run(ctx, chromedp.Click("[data-text-size]", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if size, pressed := state(); size != "21px" || pressed != "true" {
		t.Errorf("after a press: text %s, pressed %s", size, pressed)
	}
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"units/finance/")); err != nil {
		t.Fatal(err)
	}
	if size, pressed := state(); size != "21px" || pressed != "true" {
		t.Errorf("on the next page: text %s, pressed %s", size, pressed)
	}
	// Pressed by keyboard, as a reader without a mouse would.
	if err := chromedp.Run(ctx, chromedp.Focus("[data-text-size]", chromedp.ByQuery), chromedp.KeyEvent(" "), chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if size, pressed := state(); size != "17px" || pressed != "false" {
		t.Errorf("after a second press and a reload: text %s, pressed %s", size, pressed)
	}
}
