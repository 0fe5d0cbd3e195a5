package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/render"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestGalleryInChromium opens the sample's photo gallery on a phone-sized
// screen and works the lightbox as a visitor would: tap a photo, swipe,
// arrow keys, the buttons, Esc. Every control must be at least 48 px, and
// no script error (a CSP refusal among them) may occur. Set
// SHOWCASE_SCREENSHOTS to a folder to keep a picture of the open lightbox.
func TestGalleryInChromium(t *testing.T) {
	ctx := browsertest.New(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: repoRoot, Dest: dest, Target: render.Web, CacheDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, dest)

	var mu sync.Mutex
	var problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				problems = append(problems, "console error")
			}
		}
	})

	var caption string
	var open bool
	state := func() chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			return chromedp.Run(ctx,
				chromedp.Evaluate(`document.querySelector("dialog.lightbox") ? document.querySelector("dialog.lightbox").open : false`, &open),
				chromedp.Evaluate(`(document.querySelector(".lightbox-caption") || {}).textContent || ""`, &caption),
			)
		})
	}
	expect := func(step string, wantOpen bool, wantCaption string) {
		t.Helper()
		if err := chromedp.Run(ctx, state()); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if open != wantOpen || (wantOpen && !strings.HasSuffix(caption, wantCaption)) {
			t.Errorf("%s: open=%v caption=%q, want open=%v caption ending %q", step, open, caption, wantOpen, wantCaption)
		}
	}
	swipe := func(dx int) chromedp.Action {
		return chromedp.Evaluate(fmt.Sprintf(`(function () {
			var f = document.querySelector(".lightbox-figure");
			var opts = {isPrimary: true, pointerType: "touch", bubbles: true, clientX: 200, clientY: 300};
			f.dispatchEvent(new PointerEvent("pointerdown", opts));
			opts.clientX = 200 + %d;
			f.dispatchEvent(new PointerEvent("pointerup", opts));
		})()`, dx), nil)
	}

	var srcset string
	var sizes []float64
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(base+"brands/finance/ledger/"),
		chromedp.WaitReady(".photo-grid"),
		chromedp.AttributeValue(".photo-grid img", "srcset", &srcset, nil),
		chromedp.ScrollIntoView(".photo-grid"),
		chromedp.Click(".photo-grid a", chromedp.NodeVisible),
		chromedp.WaitVisible("dialog.lightbox"),
		chromedp.Evaluate(`Array.from(document.querySelectorAll(".lightbox-button")).map(function (b) {
			var r = b.getBoundingClientRect(); return Math.min(r.width, r.height); })`, &sizes),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(srcset, "480w") || !strings.Contains(srcset, "1600w") {
		t.Errorf("grid image srcset %q lacks the sizes", srcset)
	}
	if len(sizes) != 3 {
		t.Errorf("lightbox has %d buttons, want close, previous and next", len(sizes))
	}
	for i, s := range sizes {
		if s < 48 {
			t.Errorf("lightbox button %d is %.0f px, want at least 48", i, s)
		}
	}
	expect("tap the first photo", true, "1 / 3")
	if shots := os.Getenv("SHOWCASE_SCREENSHOTS"); shots != "" {
		var png []byte
		if err := chromedp.Run(ctx, chromedp.Sleep(500*time.Millisecond), chromedp.CaptureScreenshot(&png)); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(shots, "gallery-390.png"), png, 0o644)
	}
	steps := []struct {
		name    string
		action  chromedp.Action
		open    bool
		caption string
	}{
		{"swipe left", swipe(-120), true, "2 / 3"},
		{"arrow right", chromedp.KeyEvent(kb.ArrowRight), true, "3 / 3"},
		{"next wraps", chromedp.Click(".lightbox-next", chromedp.NodeVisible), true, "1 / 3"},
		{"previous", chromedp.Click(".lightbox-prev", chromedp.NodeVisible), true, "3 / 3"},
		{"swipe right", swipe(120), true, "2 / 3"},
		{"short drag is no swipe", swipe(20), true, "2 / 3"},
		{"arrow left", chromedp.KeyEvent(kb.ArrowLeft), true, "1 / 3"},
		{"escape", chromedp.KeyEvent(kb.Escape), false, ""},
		{"tap again", chromedp.Click(".photo-grid li:nth-child(2) a", chromedp.NodeVisible), true, "2 / 3"},
		{"close button", chromedp.Click(".lightbox-close", chromedp.NodeVisible), false, ""},
	}
	for _, s := range steps {
		if err := chromedp.Run(ctx, s.action); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		expect(s.name, s.open, s.caption)
	}

	var loaded bool
	if err := chromedp.Run(ctx,
		chromedp.Click(".photo-grid a", chromedp.NodeVisible),
		chromedp.Poll(`document.querySelector(".lightbox-image").complete && document.querySelector(".lightbox-image").naturalWidth > 0`, &loaded),
	); err != nil {
		t.Fatalf("lightbox image does not load: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 {
		t.Errorf("script problems:\n%s", strings.Join(problems, "\n"))
	}
}
