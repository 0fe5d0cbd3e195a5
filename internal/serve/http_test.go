package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestOutputFile(t *testing.T) {
	tests := []struct {
		base, path, file string
		ok               bool
	}{
		{"/", "/", "index.html", true},
		{"/", "/brands/a/b/", "brands/a/b/index.html", true},
		{"/", "/css/site.1a2b.css", "css/site.1a2b.css", true},
		{"/sub/", "/sub/units/", "units/index.html", true},
		{"/sub/", "/units/", "", false},
		{"/", "/../etc/passwd", "", false},
		{"/", "/brands/../../x", "", false},
		{"/", "/.git/config", "", false},
		{"/", "/brands/.hidden", "", false},
		{"/", "/a\\..\\b", "", false},
		{"/", "/a//b", "", false},
		{"/", "/a/./b", "", false},
	}
	for _, tt := range tests {
		file, ok := outputFile(tt.base, tt.path)
		if file != tt.file || ok != tt.ok {
			t.Errorf("outputFile(%q, %q) = %q, %v; want %q, %v", tt.base, tt.path, file, ok, tt.file, tt.ok)
		}
	}
}

func TestHandler(t *testing.T) {
	files := map[string]string{
		"index.html":       "<!doctype html><html><head><title>t</title></head><body>首页</body></html>",
		"units/index.html": "<html><head></head><body>单位</body></html>",
		"css/site.css":     "body{}",
		"404.html":         "<html><head></head><body>页面未找到</body></html>",
	}
	lookup := func(f string) ([]byte, error) {
		if s, ok := files[f]; ok {
			return []byte(s), nil
		}
		return nil, errNotFound
	}
	srv := httptest.NewServer(handler("/", lookup, newHub()))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		path, body, ctype string
		status            int
	}{
		{"/", "首页", "text/html; charset=utf-8", 200},
		{"/units", "", "", 301},
		{"/units/", "单位", "text/html; charset=utf-8", 200},
		{"/css/site.css", "body{}", "text/css; charset=utf-8", 200},
		{"/nothing/", "页面未找到", "text/html; charset=utf-8", 404},
		{"/.git/config", "页面未找到", "text/html; charset=utf-8", 404},
		{"/%2e%2e/%2e%2e/etc/passwd", "页面未找到", "text/html; charset=utf-8", 404},
		{"/__showcase/live.js", "EventSource", "text/javascript; charset=utf-8", 200},
	}
	for _, tt := range tests {
		resp, err := client.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, resp.StatusCode, tt.status)
		}
		if tt.body != "" && !strings.Contains(string(body), tt.body) {
			t.Errorf("%s: body %q lacks %q", tt.path, body, tt.body)
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: type %q, want %q", tt.path, resp.Header.Get("Content-Type"), tt.ctype)
		}
		if resp.StatusCode != 301 && resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff header", tt.path)
		}
		if strings.HasPrefix(tt.ctype, "text/html") && !strings.Contains(string(body), "/__showcase/live.js") {
			t.Errorf("%s: live-reload script not injected", tt.path)
		}
		if tt.path == "/css/site.css" && strings.Contains(string(body), "live.js") {
			t.Errorf("live-reload script injected into CSS")
		}
	}
}
