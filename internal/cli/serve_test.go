package cli_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"showcase/internal/cli"
)

// syncBuffer is a bytes.Buffer that the server may write while the test
// reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServePortTaken checks that serve names the address that is taken,
// says what to do, and fails, rather than serving somewhere else.
func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	// Were serve to listen elsewhere instead, it would run until this
	// context ends, and exit 0.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := cli.Run(ctx, []string{"serve", "--source", "../..", "--addr", addr, "--cache-dir", t.TempDir()}, &stdout, &stderr)
	if code == 0 {
		t.Fatalf("serve on a taken port exited 0; stdout:\n%s", stdout.String())
	}
	if msg := stderr.String(); !strings.Contains(msg, addr+" 已被占用") || !strings.Contains(msg, "--addr") {
		t.Errorf("stderr does not name %s and the --addr way out in Chinese:\n%s", addr, msg)
	}
	stderr.Reset()
	cli.Run(ctx, []string{"serve", "--lang", "en", "--source", "../..", "--addr", addr, "--cache-dir", t.TempDir()}, &stdout, &stderr)
	if msg := stderr.String(); !strings.Contains(msg, addr+" is already in use") || !strings.Contains(msg, "--addr") {
		t.Errorf("stderr does not name %s and the --addr way out with --lang en:\n%s", addr, msg)
	}
}

// TestServeStops checks that serve prints its URL, serves the site there,
// and on Ctrl-C (the cancelled context main's signal handler gives it)
// stops listening and exits 0.
func TestServeStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	exit := make(chan int, 1)
	go func() {
		exit <- cli.Run(ctx, []string{"serve", "--source", "../..", "--addr", "127.0.0.1:0", "--cache-dir", t.TempDir()}, stdout, stderr)
	}()
	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/\S*`)
	var url string
	for deadline := time.Now().Add(time.Minute); url == ""; {
		select {
		case code := <-exit:
			t.Fatalf("serve exited %d before serving; stderr:\n%s", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no URL within a minute; stdout:\n%s", stdout.String())
		}
		url = urlRE.FindString(stdout.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `lang="zh-CN"`) {
		t.Fatalf("GET %s: %s\n%.200s", url, resp.Status, body)
	}

	cancel()
	if code := <-exit; code != 0 {
		t.Fatalf("serve exited %d after Ctrl-C; stderr:\n%s", code, stderr.String())
	}
	if _, err := http.Get(url); err == nil {
		t.Errorf("%s still answers after serve stopped", url)
	}
}
