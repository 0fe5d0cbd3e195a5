package printpdf

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Serve serves dir over HTTP on loopback under base, the path the site's
// links are rooted at ("/" or "/showcase/"), and returns the site's URL,
// ending in "/", and a function that stops the server.
func Serve(dir, base string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("serve the site on loopback: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir))))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	// Serve returns when stop closes the server; a failure before then
	// shows up as the browser's failed load, which Print reports.
	go func() { _ = srv.Serve(ln) }()
	stop := func() { _ = srv.Close() }
	return "http://" + ln.Addr().String() + base, stop, nil
}
