package serve

import (
	"bytes"
	"embed"
	"errors"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed assets
var assets embed.FS

// liveTag is what serve adds to every HTML page before </head>: the reload
// script and the overlay's style sheet, both from the server's own prefix,
// so the site's Content-Security-Policy ('self') allows them.
const liveTag = `<link rel="stylesheet" href="/__showcase/live.css"><script src="/__showcase/live.js" defer></script>`

// errNotFound is what a lookup returns for a file the site does not have.
var errNotFound = errors.New("not found")

// lookupFunc finds a file of the site by its output path ("index.html",
// "brands/a/b/index.html"), rendering it if need be.
type lookupFunc func(file string) ([]byte, error)

// handler serves the in-memory site under base (the path of the site's
// baseURL), the live-reload assets and the event stream.
func handler(base string, lookup lookupFunc, events http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /__showcase/events", events)
	mux.HandleFunc("GET /__showcase/{name}", func(w http.ResponseWriter, r *http.Request) {
		data, err := assets.ReadFile("assets/" + r.PathValue("name"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		write(w, r, r.PathValue("name"), data, http.StatusOK)
	})
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		file, ok := outputFile(base, r.URL.Path)
		if !ok {
			notFound(w, r, lookup)
			return
		}
		data, err := lookup(file)
		if errors.Is(err, errNotFound) && !strings.HasSuffix(file, ".html") {
			// A folder without its slash, as a person types it.
			if _, err := lookup(file + "/index.html"); err == nil {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		switch {
		case errors.Is(err, errNotFound):
			notFound(w, r, lookup)
		case err != nil:
			http.Error(w, "render "+file+": "+err.Error(), http.StatusInternalServerError)
		default:
			write(w, r, file, data, http.StatusOK)
		}
	})
	return mux
}

// outputFile maps a request path to an output file. It refuses anything
// outside base, any dot-segment or hidden name, and backslashes, so no
// request reaches a file the site did not publish.
func outputFile(base, urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, base) || strings.Contains(urlPath, "\\") || strings.ContainsRune(urlPath, 0) {
		return "", false
	}
	rel := strings.TrimPrefix(urlPath, base)
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if path.Clean(rel) != rel {
		return "", false
	}
	return rel, true
}

func notFound(w http.ResponseWriter, r *http.Request, lookup lookupFunc) {
	data, err := lookup("404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	write(w, r, "404.html", data, http.StatusNotFound)
}

// write sends a file with its type, never sniffed, never cached: the
// preview must show the latest save.
func write(w http.ResponseWriter, r *http.Request, file string, data []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(file))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		data = injectLive(data)
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// injectLive adds the live-reload tag before </head>, or at the start of a
// page that has no head.
func injectLive(page []byte) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return append([]byte(liveTag), page...)
	}
	out := make([]byte, 0, len(page)+len(liveTag))
	out = append(out, page[:i]...)
	out = append(out, liveTag...)
	return append(out, page[i:]...)
}
