// Package browsertest starts real headless Chromium for tests, driven with
// chromedp. Tests that need a browser call New; it skips the test with a
// clear message when Chromium is missing, except under CI=true, where a
// missing browser fails the test, so CI can never pass by skipping.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"showcase/internal/printpdf"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium executable, or "" when there is none: CHROMIUM
// when set, else what "showcase plaques" would find.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	p, _ := printpdf.FindChromium("")
	return p
}

// Require returns the Chromium executable or ends the test: skipped
// normally, failed under CI=true.
func Require(t testing.TB) string {
	t.Helper()
	p := Path()
	if p == "" {
		msg := "Chromium is not installed: install Debian's chromium package (apt-get install chromium) or set CHROMIUM to its path"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// Options are the flags Chromium runs with in tests: headless, no sandbox
// (tests may run as root), and nothing that reaches the network by itself.
func Options(exe string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.WindowSize(1280, 800),
	}
}

// New starts a browser for the test and returns a chromedp context for one
// tab; the browser stops when the test ends. extra options are appended.
func New(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	exe := Require(t)
	// No user data folder is given: chromedp makes a fresh one and removes it
	// only after the browser has exited, which a t.TempDir cleanup cannot
	// wait for.
	opts := append(Options(exe), extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		_ = chromedp.Cancel(ctx) // close the browser gracefully
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	return ctx
}

// Serve serves dir over HTTP on loopback for the test's duration and
// returns its base URL, ending in "/".
func Serve(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}
