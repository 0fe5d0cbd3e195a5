package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"showcase/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// TestOverlayEscapesFileText shows findings whose text a branch chose in
// the preview overlay, in Chromium, and checks that line breaks, control
// characters and bidi controls show as escapes and that nothing becomes
// markup.
func TestOverlayEscapesFileText(t *testing.T) {
	ctx := browsertest.New(t)
	live, err := assets.ReadFile("assets/live.js")
	if err != nil {
		t.Fatal(err)
	}
	// EventSource is replaced by a stub that keeps the listeners, so the
	// test can hand the overlay its findings.
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><script>
window.listeners = {};
window.EventSource = function () {};
window.EventSource.prototype.addEventListener = function (name, fn) { window.listeners[name] = fn; };
</script><script src="/live.js"></script></head><body></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	})
	mux.HandleFunc("/live.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(live)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	problems, _ := json.Marshal([]map[string]string{{
		"position": "content/a\n::warning::x/b/index.md:2:7",
		"message":  "品牌名称“红色账本\n::error file=x::FAKE”有 4 个字\u001b[2J<img src=x onerror=alert(1)>",
		"rule":     "schema/name-length",
		"hint":     "红色\u202e本账",
	}})
	var text string
	var imgs int
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitReady("body"),
		chromedp.Evaluate(`window.listeners.problems({data: `+strings.ReplaceAll(string(mustJSON(t, string(problems))), "</", `<\/`)+`}); document.querySelector(".showcase-live-overlay").textContent`, &text),
		chromedp.Evaluate(`document.querySelectorAll("img").length`, &imgs),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`content/a\n::warning::x`, `红色账本\n::error file=x::FAKE`, `\u001b[2J`, `<img src=x onerror=alert(1)>`, `红色\u202e本账`} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay text lacks %q:\n%q", want, text)
		}
	}
	for _, r := range text {
		if r == '\n' || r == 0x1b || r == 0x202e {
			t.Errorf("overlay shows %U as it is: %q", r, text)
		}
	}
	if imgs != 0 {
		t.Errorf("the overlay made %d <img> elements from a message", imgs)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
