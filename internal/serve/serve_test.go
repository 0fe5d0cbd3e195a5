package serve_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"showcase/internal/corpus"
	"showcase/internal/serve"
)

// copySample copies the repository's sample site into a temporary folder.
func copySample(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	if err := corpus.CopySample("../..", dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// running is a server started for a test, with a way to wait for the
// rebuild that follows a file change.
type running struct {
	url      string
	rebuilds chan bool
}

func start(t testing.TB, src string) *running {
	t.Helper()
	return startWith(t, src, t.TempDir())
}

// startWith starts a server whose image cache is cache.
func startWith(t testing.TB, src, cache string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{rebuilds: make(chan bool, 16)}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{
			Source: src, Addr: "127.0.0.1:0", CacheDir: cache,
			Stdout: io.Discard, Stderr: io.Discard,
			Listening: func(url string) { ready <- url },
			Rebuilt: func(changed []string, ok bool) {
				if changed != nil {
					r.rebuilds <- ok
				}
			},
		})
	}()
	select {
	case r.url = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v", err)
		}
	})
	return r
}

// wait returns whether the next rebuild succeeded. A rebuild always
// follows a write; the bound only turns a hang into a failure, and is
// wide: a first good build derives every photo, which under the race
// detector on a busy machine takes a minute or more.
func (r *running) wait(t testing.TB) bool {
	t.Helper()
	select {
	case ok := <-r.rebuilds:
		return ok
	case <-time.After(5 * time.Minute):
		t.Fatal("no rebuild after a file change")
		return false
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// events collects the server-sent events of one connection.
type events struct {
	mu    sync.Mutex
	names []string
	data  []string
}

func listen(t *testing.T, url string) *events {
	resp, err := http.Get(url + "__showcase/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ev := &events{}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.mu.Lock()
				ev.names = append(ev.names, name)
				ev.data = append(ev.data, strings.TrimPrefix(line, "data: "))
				ev.mu.Unlock()
			}
		}
	}()
	return ev
}

// next waits for the next event after the n already seen.
func (ev *events) next(t *testing.T, n int) (string, string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		ev.mu.Lock()
		if len(ev.names) > n {
			name, data := ev.names[n], ev.data[n]
			ev.mu.Unlock()
			return name, data
		}
		ev.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("no event")
	return "", ""
}

func write(t *testing.T, path string, fn func(string) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Save the way many editors do: a temporary file renamed over the old.
	tmp := filepath.Join(filepath.Dir(path), ".tmp-save")
	if err := os.WriteFile(tmp, []byte(fn(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestServeEdits drives a real server over HTTP with real file writes:
// an edit, a bad edit, its fix, a deleted brand and a new unit.
func TestServeEdits(t *testing.T) {
	src := copySample(t)
	srv := start(t, src)
	ev := listen(t, srv.url)
	ledger := filepath.Join(src, "content/finance/ledger/index.md")

	code, page := get(t, srv.url+"brands/finance/ledger/")
	if code != 200 || !strings.Contains(page, "红色账本") || !strings.Contains(page, "/__showcase/live.js") {
		t.Fatalf("brand page: %d, live script %v", code, strings.Contains(page, "live.js"))
	}

	// An edit: the page changes and a reload is sent.
	write(t, ledger, func(s string) string { return strings.Replace(s, "concept: ", "concept: 新理念", 1) })
	if !srv.wait(t) {
		t.Fatal("edit: rebuild failed")
	}
	if name, _ := ev.next(t, 0); name != "reload" {
		t.Errorf("after an edit: event %q, want reload", name)
	}
	if _, page = get(t, srv.url+"brands/finance/ledger/"); !strings.Contains(page, "新理念") {
		t.Error("edit not shown on the brand page")
	}
	if _, page = get(t, srv.url); !strings.Contains(page, "红色账本") {
		t.Error("home page lost the brand")
	}

	// A bad edit: the findings go to the page, the last good site stays.
	write(t, ledger, func(s string) string { return strings.Replace(s, "stage: consolidate", "stage: nowhere", 1) })
	if srv.wait(t) {
		t.Fatal("bad edit: rebuild succeeded")
	}
	name, data := ev.next(t, 1)
	if name != "problems" || !strings.Contains(data, "content/finance/ledger/index.md:") || !strings.Contains(data, "schema/stage") {
		t.Errorf("after a bad edit: event %q %s", name, data)
	}
	if code, page = get(t, srv.url+"brands/finance/ledger/"); code != 200 || !strings.Contains(page, "新理念") {
		t.Errorf("after a bad edit the last good page is not served (%d)", code)
	}

	// The fix clears the overlay with a reload.
	write(t, ledger, func(s string) string { return strings.Replace(s, "stage: nowhere", "stage: consolidate", 1) })
	if !srv.wait(t) {
		t.Fatal("fix: rebuild failed")
	}
	if name, _ := ev.next(t, 2); name != "reload" {
		t.Errorf("after the fix: event %q, want reload", name)
	}

	// A deleted brand: its pages 404 and it leaves the lists. Deleting a
	// folder is many file events, which may come as more than one batch,
	// so the test waits for the state rather than for one rebuild.
	// (A brand no decision names: one a decision names stays an error
	// until the decision goes too.)
	if err := os.RemoveAll(filepath.Join(src, "content/traffic/huxue")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the deleted brand is gone", func() bool {
		for _, p := range []string{"brands/traffic/huxue/", "plaques/traffic/huxue/"} {
			if code, _ := get(t, srv.url+p); code != 404 {
				return false
			}
		}
		for _, list := range []string{"units/traffic/", "stages/declare/", "statuses/cultivating/", ""} {
			if _, page := get(t, srv.url+list); strings.Contains(page, "平安护学岗") {
				return false
			}
		}
		return true
	})

	// A new unit folder, moved in at once: its page appears.
	unit := filepath.Join(src, "content/water")
	tmp := filepath.Join(t.TempDir(), "water")
	os.MkdirAll(tmp, 0o755)
	os.WriteFile(filepath.Join(tmp, "_unit.md"), []byte("---\nname: 示例市水务局\n---\n水务局。\n"), 0o644)
	if err := os.Rename(tmp, unit); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the new unit is listed", func() bool {
		code, page := get(t, srv.url+"units/water/")
		_, list := get(t, srv.url+"units/")
		return code == 200 && strings.Contains(page, "示例市水务局") && strings.Contains(list, "示例市水务局")
	})
}

// eventually polls cond until it holds. The bound only turns a hang into a
// failure; a working server gets there in milliseconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Errorf("%s: not so after 30 s", what)
}

// TestServeThemeChange checks a theme edit re-renders every page.
func TestServeThemeChange(t *testing.T) {
	src := copySample(t)
	srv := start(t, src)
	dir := filepath.Join(src, "themes/default/layouts/pages")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte(`{{define "main"}}<p>换了主题</p>{{end}}`), 0o644)
	eventually(t, "the theme change is shown", func() bool {
		code, page := get(t, srv.url+"no/such/page/")
		return code == 404 && strings.Contains(page, "换了主题")
	})
}
