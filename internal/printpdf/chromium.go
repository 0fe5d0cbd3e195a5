package printpdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium means no Chromium executable was found.
var ErrNoChromium = errors.New("chromium is not installed")

// chromiumNames are the names Chromium is installed under, most likely first.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// FindChromium returns the browser executable: path when given, else the
// first of Chromium's usual names on PATH. It wraps ErrNoChromium when
// there is none.
func FindChromium(path string) (string, error) {
	if path != "" {
		p, err := exec.LookPath(path)
		if err != nil {
			return "", fmt.Errorf("%w: %q is not an executable", ErrNoChromium, path)
		}
		return p, nil
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Start runs headless Chromium and returns a context for one tab; cancel
// stops the browser. noSandbox turns off Chromium's sandbox (see
// Options.NoSandbox).
func Start(ctx context.Context, exe string, noSandbox bool) (context.Context, context.CancelFunc) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// The browser only loads the site just built, from loopback: keep
		// it from reaching the network on its own.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		// Glyph outlines unhinted, as on paper rather than on a screen.
		chromedp.Flag("font-render-hinting", "none"),
	}
	if noSandbox || os.Geteuid() == 0 {
		// Chromium refuses to run its sandbox as root (containers, CI).
		opts = append(opts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	return tab, func() {
		cancelTab()
		cancelAlloc()
	}
}
