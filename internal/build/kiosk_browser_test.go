package build_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"showcase/internal/browsertest"

	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds one browser step. Chromium answers a step in
// milliseconds; a minute means the page it was sent to is gone.
const stepTimeout = time.Minute

// kioskSizes are the exhibition screens the kiosk layout is made for.
var kioskSizes = []struct {
	name string
	w, h int64
}{{"landscape", 1920, 1080}, {"portrait", 1080, 1920}}

// TestKioskInChromium opens the kiosk build from file:// in headless
// Chromium, as an exhibition screen would, and uses it by touch: tapping
// through brands, swiping, waiting for the attract loop and tapping it
// away. No request may leave the folder, and every control must be at
// least 48 px. Screenshots of each screen size go to SHOWCASE_SCREENSHOTS,
// or to a temporary folder named in the log.
func TestKioskInChromium(t *testing.T) {
	ctx := browsertest.New(t)
	// Touch tests run on a build whose loop waits an hour, so it cannot
	// cover the page between two taps on a slow machine; the loop's own
	// tests run on one that starts it after a second.
	home := kioskHome(buildKiosk(t, 3600))
	eager := kioskHome(buildKiosk(t, 1))
	shots := os.Getenv("SHOWCASE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}

	var mu sync.Mutex
	var outside, problems []string
	requests := map[network.RequestID]string{}
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests[ev.RequestID] = ev.Request.URL
			if !strings.HasPrefix(ev.Request.URL, "file://") {
				outside = append(outside, ev.Request.URL)
			}
		case *network.EventLoadingFailed:
			// A load the page canceled itself is no fault: a navigation,
			// or a slide replaced before its picture arrived at the heap
			// test's fast pace.
			if !ev.Canceled {
				problems = append(problems, fmt.Sprintf("%s: %s", requests[ev.RequestID], ev.ErrorText))
			}
		case *cdpruntime.EventExceptionThrown:
			problems = append(problems, "script error: "+ev.ExceptionDetails.Error())
		}
	})
	if err := chromedp.Run(ctx, network.Enable(), cdpruntime.Enable()); err != nil {
		t.Fatal(err)
	}
	// Each step gets its own deadline, so a step that never answers fails
	// the test with its place rather than hanging it.
	run := func(t *testing.T, actions ...chromedp.Action) {
		t.Helper()
		for i, a := range actions {
			stepCtx, cancel := context.WithTimeout(ctx, stepTimeout)
			err := chromedp.Run(stepCtx, a)
			cancel()
			if err != nil {
				t.Fatalf("step %d of %d (%T): %v", i+1, len(actions), a, err)
			}
		}
	}
	wait := func(t *testing.T, expr string) chromedp.Action { return waitFor(t, expr) }

	t.Run("tap", func(t *testing.T) {
		var first, next, prev, unit string
		run(t, chromedp.EmulateViewport(1920, 1080, chromedp.EmulateTouch),
			chromedp.Navigate(home), wait(t, `document.readyState === "complete" && !!document.querySelector('.kiosk-home')`),
			tap(t, ".cards .card-link"), wait(t, `document.readyState === "complete" && !!document.querySelector(".kiosk-next")`),
			evaluate(`location.href`, &first),
			readHref(t, ".kiosk-next", &next),
			evaluate(`document.querySelector(".kiosk-list span").textContent`, &unit),
			tap(t, ".kiosk-next"), wait(t, fmt.Sprintf(`location.href !== %q && document.readyState === "complete"`, first)),
			evaluate(`location.href`, &prev),
		)
		if !strings.HasSuffix(first, "/brands/finance/ledger/index.html") || unit != "示例市财政局" {
			t.Fatalf("the first card led to %s (unit %q), want the ledger of the finance bureau", first, unit)
		}
		if want := resolve(first, next); prev != want {
			t.Fatalf("next led to %s, want %s", prev, want)
		}
		var back string
		run(t, tap(t, ".kiosk-prev"), wait(t, fmt.Sprintf(`location.href === %q`, first)),
			tap(t, ".kiosk-home"), wait(t, fmt.Sprintf(`location.href === %q`, home)), evaluate(`location.href`, &back))
		if back != home {
			t.Fatalf("home led to %s", back)
		}
	})

	t.Run("swipe", func(t *testing.T) {
		var start, next, prev string
		run(t, chromedp.EmulateViewport(1920, 1080, chromedp.EmulateTouch),
			chromedp.Navigate(resolve(home, "brands/tax/lanqiao/index.html")), wait(t, `document.readyState === "complete" && !!document.querySelector('.kiosk-next')`),
			evaluate(`location.href`, &start),
			readHref(t, "[data-swipe=next]", &next),
			swipe(1400, 500, 600, 520), wait(t, fmt.Sprintf(`location.href !== %q && document.readyState === "complete" && !!document.querySelector("[data-swipe=prev]")`, start)),
			readHref(t, "[data-swipe=prev]", &prev),
		)
		var at string
		run(t, evaluate(`location.href`, &at))
		if want := resolve(start, next); at != want {
			t.Fatalf("swiping left led to %s, want %s", at, want)
		}
		run(t, swipe(500, 500, 1300, 480), wait(t, fmt.Sprintf(`location.href === %q`, start)))
	})

	for _, size := range kioskSizes {
		t.Run("layout-"+size.name, func(t *testing.T) {
			for _, page := range []string{"index.html", "brands/finance/ledger/index.html", "units/finance/index.html", "stages/improve/index.html"} {
				var small []string
				var overflow bool
				var png []byte
				run(t, chromedp.EmulateViewport(size.w, size.h, chromedp.EmulateTouch),
					chromedp.Navigate(resolve(home, page)), wait(t, `document.readyState === "complete" && !!document.querySelector('.kiosk-home')`),
					evaluate(smallTargetsJS, &small),
					evaluate(`document.documentElement.scrollWidth > innerWidth`, &overflow),
					chromedp.CaptureScreenshot(&png))
				if len(small) > 0 {
					t.Errorf("%s: controls smaller than 48 px: %s", page, strings.Join(small, "; "))
				}
				if overflow {
					t.Errorf("%s is wider than the %d px screen", page, size.w)
				}
				save(t, shots, fmt.Sprintf("kiosk-%s-%s.png", size.name, strings.ReplaceAll(strings.TrimSuffix(page, "/index.html"), "/", "-")), png)
			}
		})
	}

	t.Run("attract", func(t *testing.T) {
		// The slide on show, its place in the loop, and the brand that
		// place should hold: read at once, since the loop moves on every
		// second.
		const showing = `(() => {
  const k = window.showcaseKiosk.cycles, all = window.showcaseAttract;
  const q = s => document.querySelector(".attract-slide.is-active " + s).textContent;
  return {cycles: k, name: q(".attract-name"), concept: q(".attract-concept"), want: all[(k - 1) % all.length].name, first: all[0].name};
})()`
		type slide struct {
			Cycles              int
			Name, Concept, Want string
			First               string
		}
		for _, size := range kioskSizes {
			var on slide
			var png []byte
			run(t, chromedp.EmulateViewport(size.w, size.h, chromedp.EmulateTouch),
				chromedp.Navigate(resolve(eager, "units/tax/index.html")), wait(t, `document.readyState === "complete" && !!document.querySelector('.kiosk-home')`),
				// The idle time is a second: the loop starts by itself.
				wait(t, `document.body.dataset.attract === "on"`),
				evaluate(showing, &on),
				// Let the cross-fade finish before the picture.
				chromedp.Sleep(900*time.Millisecond),
				chromedp.CaptureScreenshot(&png))
			save(t, shots, fmt.Sprintf("kiosk-%s-attract.png", size.name), png)
			if on.First != "红色账本" {
				t.Errorf("the loop begins with %q, want the first demonstration brand 红色账本", on.First)
			}
			if on.Name != on.Want || on.Concept == "" {
				t.Errorf("slide %d shows %q (%q), want %q", on.Cycles, on.Name, on.Concept, on.Want)
			}
		}
		// The interval is a second too: the next brands follow.
		var later slide
		run(t, wait(t, `window.showcaseKiosk.cycles >= 3`), evaluate(showing, &later))
		if later.Name != later.Want {
			t.Errorf("slide %d shows %q, want %q", later.Cycles, later.Name, later.Want)
		}
		// A tap ends the loop and goes home; the page under it gets no click.
		var shown bool
		run(t, tapAt(300, 300), wait(t, fmt.Sprintf(`location.href === %q`, eager)), wait(t, `document.readyState === "complete" && !!document.querySelector('.kiosk-home')`),
			// The loop may only show again once a full idle time has passed.
			evaluate(`document.body.hasAttribute("data-attract") && performance.now() < 1000`, &shown))
		if shown {
			t.Error("the attract loop still shows after the tap")
		}
		// On the home page itself, a tap uncovers it without loading it again.
		var cycles int
		var hidden bool
		run(t, wait(t, `document.body.dataset.attract === "on"`),
			evaluate(`window.kioskMark = 1`, nil),
			tapAt(300, 300), wait(t, `!document.body.hasAttribute("data-attract")`),
			evaluate(`document.querySelector("[data-attract]").hidden && window.kioskMark === 1`, &hidden),
			evaluate(`window.showcaseKiosk.cycles`, &cycles))
		if !hidden || cycles == 0 {
			t.Errorf("tap on home during the loop: overlay hidden and page kept = %v, cycles %d", hidden, cycles)
		}
	})

	t.Run("heap", func(t *testing.T) {
		// 10 ms per brand instead of seconds: 500 cycles take seconds.
		var at50, at500 float64
		run(t, chromedp.EmulateViewport(1920, 1080, chromedp.EmulateTouch),
			chromedp.Navigate(eager), wait(t, `document.readyState === "complete" && !!document.querySelector('.kiosk-home')`),
			wait(t, `document.body.dataset.attract === "on"`),
			evaluate(`document.body.setAttribute("data-interval-ms", "10")`, nil),
			waitInPage(t, `window.showcaseKiosk.cycles >= 50`),
			heapAfterGC(&at50),
			waitInPage(t, `window.showcaseKiosk.cycles >= 500`),
			heapAfterGC(&at500))
		t.Logf("JS heap after 50 attract cycles: %.0f bytes; after 500: %.0f bytes (%+.1f%%)", at50, at500, 100*(at500-at50)/at50)
		if at500 > at50*1.10 {
			t.Errorf("JS heap grew from %.0f to %.0f bytes between 50 and 500 attract cycles: more than 10%%", at50, at500)
		}
	})

	mu.Lock()
	defer mu.Unlock()
	if len(outside) > 0 {
		t.Errorf("requests left the folder:\n%s", strings.Join(outside, "\n"))
	}
	if len(problems) > 0 {
		t.Errorf("problems in the pages:\n%s", strings.Join(problems, "\n"))
	}
}

// smallTargetsJS lists the visible controls smaller than 48 px either way.
// Links inside running text are left out: the text's line sets their size.
const smallTargetsJS = `(() => {
  const out = [];
  for (const el of document.querySelectorAll("a[href], button, input, select, summary")) {
    if (el.closest(".prose, .skip, [hidden]")) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (getComputedStyle(el).visibility === "hidden") continue;
    if (r.width < 48 || r.height < 48) out.push(el.tagName + "." + el.className + " " + (el.textContent || el.name || "").trim().slice(0, 12) + " " + Math.round(r.width) + "×" + Math.round(r.height));
  }
  return out;
})()`

// tap touches the centre of the first element matching sel, as a finger
// would: the browser turns the touch into pointer events and a click. The
// page finds the element itself: node ids from the protocol's DOM tree can
// belong to the page just left.
func tap(t *testing.T, sel string) chromedp.Action {
	// A tap may follow one that started a navigation: wait for the new
	// page to be complete, or the element may not be there or laid out.
	ready := waitFor(t, fmt.Sprintf(`document.readyState === "complete" && !!document.querySelector(%q)`, sel))
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := ready.Do(ctx); err != nil {
			return err
		}
		var at []float64
		js := fmt.Sprintf(`(() => {
  const el = document.querySelector(%q);
  if (!el) return [];
  el.scrollIntoView({block: "center"});
  const r = el.getBoundingClientRect();
  return [r.x + r.width / 2, r.y + r.height / 2];
})()`, sel)
		if err := evaluate(js, &at).Do(ctx); err != nil {
			return err
		}
		if len(at) != 2 {
			return fmt.Errorf("no %s on the page", sel)
		}
		return tapAt(at[0], at[1]).Do(ctx)
	})
}

// tapAt touches the screen at x, y and lifts the finger.
func tapAt(x, y float64) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := touch(ctx, input.TouchStart, &input.TouchPoint{X: x, Y: y}); err != nil {
			return err
		}
		return touch(ctx, input.TouchEnd)
	})
}

// swipe moves a finger from x0, y0 to x1, y1 in a few steps.
func swipe(x0, y0, x1, y1 float64) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := touch(ctx, input.TouchStart, &input.TouchPoint{X: x0, Y: y0}); err != nil {
			return err
		}
		const steps = 8
		for i := 1; i <= steps; i++ {
			f := float64(i) / steps
			p := &input.TouchPoint{X: x0 + (x1-x0)*f, Y: y0 + (y1-y0)*f}
			if err := touch(ctx, input.TouchMove, p); err != nil {
				return err
			}
		}
		return touch(ctx, input.TouchEnd)
	})
}

// touchAck is how long a touch event waits for the page to take it.
const touchAck = 5 * time.Second

// touch sends one touch event. Chromium answers a touch once the page has
// handled it, and a touch that makes the page navigate (the tap that ends
// the attract loop, a swipe) can be sent to a page that is going away and
// never be answered: in CI the tap that ended the attract loop waited
// until the step's deadline. An unanswered touch is therefore taken as
// delivered; the step that follows checks what it did, so a touch that
// was really lost still fails the test.
func touch(ctx context.Context, typ input.TouchType, points ...*input.TouchPoint) error {
	if points == nil {
		points = []*input.TouchPoint{}
	}
	ackCtx, cancel := context.WithTimeout(ctx, touchAck)
	defer cancel()
	err := input.DispatchTouchEvent(typ, points).Do(ackCtx)
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return nil
	}
	return err
}

// heapAfterGC collects garbage and stores the JS heap's used size.
func heapAfterGC(used *float64) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := heapprofiler.CollectGarbage().Do(ctx); err != nil {
			return err
		}
		u, _, _, _, err := cdpruntime.GetHeapUsage().Do(ctx)
		*used = u
		return err
	})
}

// kioskHome is the file:// URL of a kiosk folder's home page.
func kioskHome(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "index.html"))}).String()
}

// resolve returns ref resolved against base.
func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// waitFor evaluates expr in the page until it is true. A page being
// replaced by a navigation cannot evaluate anything, so errors only mean
// "not yet", and an evaluation that gets no answer within seconds (its
// page went away) is tried again, for as long as retry allows.
func waitFor(t *testing.T, expr string) chromedp.Action {
	return waitUntil(t, expr, expr)
}

// waitInPage is waitFor for long waits on one page, such as hundreds of
// attract cycles: the page itself polls, so the wait costs one evaluation
// and leaves the heap being measured alone. It must not span a navigation,
// which would drop the promise it waits for.
func waitInPage(t *testing.T, expr string) chromedp.Action {
	return waitUntil(t, expr, `new Promise(done => { const check = () => (`+expr+`) ? done(true) : setTimeout(check, 20); check(); })`)
}

func waitUntil(t *testing.T, expr, js string) chromedp.Action {
	await := func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }
	return retry(t, "waiting for "+expr, func(ctx context.Context) (bool, error) {
		var ok bool
		err := evaluateOnce(ctx, js, &ok, await)
		return ok, err
	})
}

// readHref reads the href of the element sel names once the page holding
// it has loaded, trying again while a navigation may still be replacing
// the page, so the read never meets a half-loaded document.
func readHref(t *testing.T, sel string, out *string) chromedp.Action {
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return document.readyState === "complete" && e ? (e.getAttribute("href") || "") : ""; })()`, sel)
	return retry(t, "reading the href of "+sel, func(ctx context.Context) (bool, error) {
		err := evaluateOnce(ctx, js, out)
		return *out != "", err
	})
}

// retry calls try every 20 ms until it reports done without an error. It
// gives up shortly before the test binary's own deadline, so a page that
// never gets there fails the test with a message naming what was awaited
// rather than a panic; without a deadline it waits as long as it takes.
func retry(t *testing.T, what string, try func(ctx context.Context) (done bool, err error)) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if d, ok := t.Deadline(); ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithDeadline(ctx, d.Add(-30*time.Second))
			defer cancel()
		}
		var lastErr error
		for {
			done, err := try(ctx)
			if err == nil && done {
				return nil
			}
			lastErr = err
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s: %w (last error: %v)", what, ctx.Err(), lastErr)
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
}

// evaluateOnce evaluates js, giving up on an answer that does not come
// within seconds: the page it was sent to may be gone.
func evaluateOnce(ctx context.Context, js string, res any, opts ...chromedp.EvaluateOption) error {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	return chromedp.Evaluate(js, res, opts...).Do(ctx)
}

// evaluate is chromedp.Evaluate for a page that a tap may just have
// replaced: an evaluation sent while the old document goes away can be
// left without an answer, so one that gets none is sent again. Every
// expression given to it may safely run twice.
func evaluate(js string, res any) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		for range 4 {
			if err = evaluateOnce(ctx, js, res); err == nil || ctx.Err() != nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if err != nil {
			return fmt.Errorf("evaluating %.60q: %w", js, err)
		}
		return nil
	})
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}
