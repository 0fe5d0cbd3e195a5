package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"showcase/internal/build"
	"showcase/internal/publish"
	"showcase/internal/render"
)

// requireNginx returns nginx's path or ends the test: skipped normally,
// failed under CI=true, so CI cannot pass by skipping.
func requireNginx(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NGINX"); p != "" {
		return p
	}
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	msg := "nginx is not installed: install Debian's nginx-light package (apt-get install nginx-light) or set NGINX to its path"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

var (
	listenLine = regexp.MustCompile(`(?m)^(\s*)listen\s[^;]*;.*$`)
	rootLine   = regexp.MustCompile(`(?m)^(\s*)root\s[^;]*;.*$`)
)

// serverConfig returns deploy/nginx.conf with its one listen line and its
// one root line edited, as the README tells an office to.
func serverConfig(t *testing.T, addr, root string) string {
	t.Helper()
	data, err := os.ReadFile("nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	conf := string(data)
	if n, m := len(listenLine.FindAllString(conf, -1)), len(rootLine.FindAllString(conf, -1)); n != 1 || m != 1 {
		t.Fatalf("nginx.conf has %d listen and %d root lines, want one of each to edit", n, m)
	}
	conf = listenLine.ReplaceAllLiteralString(conf, "    listen "+addr+";")
	return rootLine.ReplaceAllLiteralString(conf, "    root "+root+";")
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// startNginx runs nginx in the foreground, as the current user, with
// everything it writes in dir, serving root with deploy/nginx.conf.
func startNginx(t *testing.T, dir, root string, edit func(conf string) string) string {
	t.Helper()
	exe := requireNginx(t)
	addr := freeAddr(t)
	server := serverConfig(t, addr, root)
	if edit != nil {
		server = edit(server)
	}
	if err := os.WriteFile(filepath.Join(dir, "showcase.conf"), []byte(server), 0o644); err != nil {
		t.Fatal(err)
	}
	user := ""
	if os.Getuid() == 0 {
		// Workers would run as nobody, who cannot read the test's folders.
		user = "user root;\n"
	}
	var temps strings.Builder
	for _, kind := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&temps, "    %s_temp_path %s;\n", kind, filepath.Join(dir, kind))
	}
	main := fmt.Sprintf(`%sworker_processes 1;
error_log %s info;
events { worker_connections 64; }
http {
    include %s;
    default_type application/octet-stream;
    access_log %s;
%s    include %s;
}
`, user, filepath.Join(dir, "error.log"), mimeTypes(t), filepath.Join(dir, "access.log"), temps.String(), filepath.Join(dir, "showcase.conf"))
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-p", dir, "-c", conf, "-e", filepath.Join(dir, "error.log"),
		"-g", "daemon off; pid "+filepath.Join(dir, "nginx.pid")+";")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return "http://" + addr
		}
		select {
		case err := <-done:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx exited: %v\n%s%s", err, out.Bytes(), log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen on %s", addr)
		}
	}
}

// mimeTypes returns the path of nginx's mime.types.
func mimeTypes(t *testing.T) string {
	for _, p := range []string{"/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types", "/opt/homebrew/etc/nginx/mime.types"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("nginx's mime.types not found")
	return ""
}

// response is what one request got.
type response struct {
	status int
	header http.Header
	body   []byte
}

// get requests path, accepting gzip when asked, and returns the body as
// sent: the client neither follows redirects nor decompresses.
func get(t *testing.T, base, path string, gz bool) response {
	t.Helper()
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       10 * time.Second,
	}
	req, err := http.NewRequest("GET", base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, body}
}

func gunzip(t *testing.T, z []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)

// TestNginx serves a fresh --compress build of the sample site with
// deploy/nginx.conf in a real nginx and checks what a browser gets:
// the security headers, compression, caching, clean URLs and the 404.
func TestNginx(t *testing.T) {
	requireNginx(t)
	tmp := t.TempDir()
	public := filepath.Join(tmp, "public")
	_, err := build.Run(context.Background(), build.Options{Source: "..", Dest: public, Target: render.Web,
		Stateless: true, Compress: publish.Compression{Gzip: true}})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// A file built without its .gz, to be compressed on the fly.
	if err := os.Remove(filepath.Join(public, "feed.xml.gz")); err != nil {
		t.Fatal(err)
	}
	base := startNginx(t, tmp, public, nil)

	home := read("index.html")
	m := cspMeta.FindSubmatch(home)
	if m == nil {
		t.Fatal("the home page has no Content-Security-Policy meta tag")
	}
	policy := string(m[1])

	t.Run("security headers", func(t *testing.T) {
		for _, path := range []string{"/", "/units/finance/", "/no-such-page"} {
			r := get(t, base, path, false)
			csp := r.header.Get("Content-Security-Policy")
			if !strings.HasPrefix(csp, policy) || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("%s: Content-Security-Policy %q, want the pages' policy %q and frame-ancestors", path, csp, policy)
			}
			for name, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "strict-origin-when-cross-origin",
				"X-Frame-Options":        "DENY",
			} {
				if got := r.header.Get(name); got != want {
					t.Errorf("%s: %s %q, want %q", path, name, got, want)
				}
			}
			if r.header.Get("Server") != "nginx" {
				t.Errorf("%s: Server %q tells the version", path, r.header.Get("Server"))
			}
		}
	})

	t.Run("submission page", func(t *testing.T) {
		m := cspMeta.FindSubmatch(read("submit/index.html"))
		if m == nil || !strings.Contains(string(m[1]), "'wasm-unsafe-eval'") || strings.Contains(policy, "wasm") {
			t.Fatalf("the submission page's policy %q, the home page's %q: only the first may compile WebAssembly", m, policy)
		}
		r := get(t, base, "/submit/", false)
		if csp := r.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, string(m[1])) || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("/submit/: Content-Security-Policy %q, want the page's policy %q and frame-ancestors", csp, m[1])
		}
		if r.header.Get("X-Frame-Options") != "DENY" || r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("/submit/ lacks the site's other headers: %v", r.header)
		}
	})

	t.Run("precompressed", func(t *testing.T) {
		r := get(t, base, "/", true)
		if r.status != 200 || r.header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("/: status %d, Content-Encoding %q", r.status, r.header.Get("Content-Encoding"))
		}
		if !bytes.Equal(r.body, read("index.html.gz")) {
			t.Error("/ with gzip: not the build's index.html.gz as it is")
		}
		if v := r.header.Get("Vary"); v != "Accept-Encoding" {
			t.Errorf("/: Vary %q", v)
		}
		if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("/: Content-Type %q", ct)
		}
		plain := get(t, base, "/", false)
		if plain.header.Get("Content-Encoding") != "" || !bytes.Equal(plain.body, home) {
			t.Error("/ without gzip: not index.html as it is")
		}
	})

	t.Run("on the fly", func(t *testing.T) {
		r := get(t, base, "/feed.xml", true)
		if r.status != 200 || r.header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("/feed.xml: status %d, Content-Encoding %q", r.status, r.header.Get("Content-Encoding"))
		}
		if !bytes.Equal(gunzip(t, r.body), read("feed.xml")) {
			t.Error("/feed.xml compressed on the fly does not hold feed.xml")
		}
	})

	t.Run("caching", func(t *testing.T) {
		css, err := filepath.Glob(filepath.Join(public, "css", "site.*.css"))
		if err != nil || len(css) != 1 {
			t.Fatalf("fingerprinted stylesheet: %q %v", css, err)
		}
		asset := "/css/" + filepath.Base(css[0])
		if cc := get(t, base, asset, true).header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q, want a year, immutable", asset, cc)
		}
		for _, page := range []string{"/", "/brands/finance/ledger/", "/feed.xml", "/brands/finance/ledger/logo.svg"} {
			if cc := get(t, base, page, true).header.Get("Cache-Control"); cc != "public, max-age=300" {
				t.Errorf("%s: Cache-Control %q, want five minutes", page, cc)
			}
		}
	})

	t.Run("clean URLs", func(t *testing.T) {
		r := get(t, base, "/units/finance/", false)
		if r.status != 200 || !bytes.Equal(r.body, read("units/finance/index.html")) {
			t.Errorf("/units/finance/: status %d, not the unit's page", r.status)
		}
		r = get(t, base, "/units/finance", false)
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/units/finance/" {
			t.Errorf("/units/finance: status %d, Location %q, want 301 to /units/finance/", r.status, r.header.Get("Location"))
		}
		r = get(t, base, "/brands/finance/ledger", true)
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/brands/finance/ledger/" {
			t.Errorf("/brands/finance/ledger: status %d, Location %q", r.status, r.header.Get("Location"))
		}
	})

	t.Run("not found", func(t *testing.T) {
		for _, path := range []string{"/no-such-page", "/brands/finance/no-such-brand/", "/404.html", "/.showcase-state"} {
			r := get(t, base, path, false)
			if r.status != http.StatusNotFound || !bytes.Equal(r.body, read("404.html")) {
				t.Errorf("%s: status %d, want 404 with the site's 404.html", path, r.status)
			}
		}
		r := get(t, base, "/no-such-page", true)
		if r.status != http.StatusNotFound || r.header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, r.body), read("404.html")) {
			t.Errorf("/no-such-page with gzip: status %d, Content-Encoding %q", r.status, r.header.Get("Content-Encoding"))
		}
	})
}

// TestNginxSubPath follows the README for a site under a sub-path: the
// build's --base-url names it, the output is copied into that folder of
// the server's root, and the 404 lines name the site's 404.html there.
func TestNginxSubPath(t *testing.T) {
	requireNginx(t)
	tmp := t.TempDir()
	www := filepath.Join(tmp, "www")
	public := filepath.Join(www, "brands")
	_, err := build.Run(context.Background(), build.Options{Source: "..", Dest: public, Target: render.Web,
		Stateless: true, Compress: publish.Compression{Gzip: true},
		LoadOptions: build.LoadOptions{BaseURL: "https://www.example.gov.cn/brands/"}})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(conf string) string {
		n := strings.Count(conf, " /404.html")
		if n != 2 {
			t.Fatalf("nginx.conf names /404.html %d times, the README says two lines", n)
		}
		return strings.ReplaceAll(conf, " /404.html", " /brands/404.html")
	}
	base := startNginx(t, tmp, www, edit)
	notFound, err := os.ReadFile(filepath.Join(public, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	if r := get(t, base, "/brands/", true); r.status != 200 || r.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("/brands/: status %d, Content-Encoding %q", r.status, r.header.Get("Content-Encoding"))
	}
	if r := get(t, base, "/brands/units/finance", false); r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/brands/units/finance/" {
		t.Errorf("/brands/units/finance: status %d, Location %q", r.status, r.header.Get("Location"))
	}
	page, err := os.ReadFile(filepath.Join(public, "units", "finance", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`href="/brands/css/site.`)) {
		t.Error("the unit page does not link its stylesheet under /brands/")
	}
	if r := get(t, base, "/brands/no-such-page", false); r.status != http.StatusNotFound || !bytes.Equal(r.body, notFound) {
		t.Errorf("/brands/no-such-page: status %d, want 404 with the site's 404.html", r.status)
	}
}
