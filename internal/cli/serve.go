package cli

import (
	"context"
	"errors"
	"flag"
	"net"
	"path/filepath"

	"showcase/internal/serve"
)

func (e *env) serve(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/ (default: found from the working folder up)")
	lang := langFlag(fs)
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on (loopback unless you mean otherwise)")
	cacheDir := fs.String("cache-dir", "", "folder for derived images (default <source>/resources/_gen/images)")
	drafts := fs.Bool("drafts", true, "show brands marked draft")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if !e.setLang(*lang) {
		return exitUsage
	}
	if host, _, err := net.SplitHostPort(*addr); err == nil {
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			e.caution("在 %s 上预览，别的电脑也能打开这个预览", "serving on %s makes the preview reachable from other machines", *addr)
		}
	}
	err := serve.Run(ctx, serve.Options{
		Source: filepath.ToSlash(siteDir(fs, *source)), Addr: *addr, CacheDir: *cacheDir, Drafts: *drafts,
		Stdout: e.stdout, Stderr: e.stderr, Lang: e.lang,
	})
	switch {
	case errors.Is(err, serve.ErrAddrInUse):
		e.fail("%s 已被占用（是不是已经有一个 showcase serve 在运行？）", "%s is already in use (is another \"showcase serve\" running?)", *addr)
		e.advise("先关掉另一个预览，或用 --addr 127.0.0.1:1314 换一个空闲端口", "stop the other server, or choose a free port with --addr 127.0.0.1:1314")
		return exitFailure
	case err != nil:
		e.fail("预览失败：%v", "serve: %v", err)
		return exitFailure
	}
	return exitOK
}
