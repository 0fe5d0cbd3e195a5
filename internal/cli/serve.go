package cli

import (
	"context"
	"errors"
	"flag"
	"net"

	"showcase/internal/serve"
)

func (e *env) serve(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on (loopback unless you mean otherwise)")
	cacheDir := fs.String("cache-dir", "", "folder for derived images (default <source>/resources/_gen/images)")
	drafts := fs.Bool("drafts", true, "show brands marked draft")
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if host, _, err := net.SplitHostPort(*addr); err == nil {
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			e.warningf("serving on %s makes the preview reachable from other machines", *addr)
		}
	}
	err := serve.Run(ctx, serve.Options{
		Source: *source, Addr: *addr, CacheDir: *cacheDir, Drafts: *drafts,
		Stdout: e.stdout, Stderr: e.stderr, Lang: *lang,
	})
	switch {
	case errors.Is(err, serve.ErrAddrInUse):
		e.errorf("%s is already in use (is another \"showcase serve\" running?)", *addr)
		e.hintf("stop the other server, or choose a free port with --addr 127.0.0.1:1314")
		return exitFailure
	case err != nil:
		e.errorf("serve: %v", err)
		return exitFailure
	}
	return exitOK
}
