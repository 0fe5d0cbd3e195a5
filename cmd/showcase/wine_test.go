package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// findWine returns Wine's program: wine, or Debian's wine64 package's
// loader, which is not on PATH without the wine package.
func findWine() string {
	for _, name := range []string{"wine", "wine64"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/lib/wine/wine64"); err == nil {
		return "/usr/lib/wine/wine64"
	}
	return ""
}

// TestWindowsMatchesLinux builds showcase for Windows and for this machine,
// runs both on the sample site and on a site with a broken brand file
// (the Windows one under Wine), and requires the same output, byte for
// byte, and the same exit code: paths printed with "/", the same findings
// at the same positions, and the same corrections by check --fix.
func TestWindowsMatchesLinux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries and starts Wine")
	}
	wine := findWine()
	if wine == "" {
		msg := "Wine is not installed: install Debian's wine64 package (apt-get install wine64)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	bin := t.TempDir()
	linux := filepath.Join(bin, "showcase")
	windows := filepath.Join(bin, "showcase.exe")
	goBuild(t, linux, "")
	goBuild(t, windows, "windows")
	env := winePrefix(t, wine)

	sample := copySite(t, "")
	broken := copySite(t, brokenBrand)
	fixes := []string{copySite(t, brokenBrand), copySite(t, brokenBrand)}
	for _, c := range []struct {
		name string
		dirs [2]string // where each binary runs: Linux, Windows
		args []string
	}{
		{"sample", [2]string{sample, sample}, []string{"check"}},
		{"broken, from the brand's folder", [2]string{broken + "/content/finance/pioneer", broken + "/content/finance/pioneer"}, []string{"check"}},
		{"broken", [2]string{broken, broken}, []string{"check"}},
		{"broken for GitHub", [2]string{broken, broken}, []string{"check", "--format", "github"}},
		{"broken as JSON in English", [2]string{broken, broken}, []string{"check", "--format", "json", "--lang", "en"}},
		{"fix", [2]string{fixes[0], fixes[1]}, []string{"check", "--fix"}},
		{"version", [2]string{sample, sample}, []string{"version"}},
	} {
		start := time.Now()
		want := run(t, exec.Command(linux, c.args...), c.dirs[0], nil)
		got := run(t, exec.Command(wine, append([]string{windows}, c.args...)...), c.dirs[1], env)
		t.Logf("%s: %s under Wine", c.name, time.Since(start).Round(time.Millisecond))
		if testing.Verbose() {
			t.Logf("%s:\n%s", c.name, want)
		}
		if got != want {
			t.Errorf("%s: Windows output differs from Linux output\nWindows:\n%s\nLinux:\n%s", c.name, got, want)
		}
	}
	file := "content/finance/pioneer/index.md"
	a, errA := os.ReadFile(filepath.Join(fixes[0], file))
	b, errB := os.ReadFile(filepath.Join(fixes[1], file))
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		t.Errorf("check --fix corrected the file differently on Windows (%v, %v):\n%s\n%s", errA, errB, b, a)
	}
	if bytes.Contains(a, []byte("：")) {
		t.Errorf("check --fix left the full-width colons:\n%s", a)
	}
}

// goBuild builds the program for goos ("" for this machine) and amd64.
func goBuild(t *testing.T, out, goos string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if goos != "" {
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH=amd64")
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", goos, err, b)
	}
}

// winePrefix makes a Wine prefix of its own for the test and returns the
// environment that uses it. Wine's first start builds the prefix, which
// takes a while; a Wine older than 8.13 then gets a bcryptprimitives.dll,
// without which no Go program starts.
func winePrefix(t *testing.T, wine string) []string {
	t.Helper()
	prefix := t.TempDir()
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=", "DISPLAY=")
	start := time.Now()
	cmd := exec.Command(wine, "wineboot", "--init")
	cmd.Env = env
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("wineboot: %v\n%s", err, b)
	}
	// wineboot returns before the prefix is written; wineserver -w waits.
	// A persistent server then saves each run starting one.
	if server := wineServer(wine); server != "" {
		w := exec.Command(server, "-w")
		w.Env = env
		_ = w.Run()
		p := exec.Command(server, "-p")
		p.Env = env
		if err := p.Start(); err == nil {
			go p.Wait()
		}
		t.Cleanup(func() {
			k := exec.Command(server, "-k")
			k.Env = env
			_ = k.Run()
		})
	}
	t.Logf("Wine prefix made in %s", time.Since(start).Round(time.Millisecond))
	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	if _, err := os.Stat(dll); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(dll, processPrngStub(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return env
}

// wineServer returns Wine's server program, found beside wine or on PATH.
func wineServer(wine string) string {
	for _, name := range []string{"wineserver", "wineserver64"} {
		if p := filepath.Join(filepath.Dir(wine), name); fileExists(p) {
			return p
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// run runs cmd in dir and returns its exit code, stdout and stderr. The
// output goes through files, not pipes: Wine's helper processes inherit
// the program's output and outlive it, and a pipe would stay open.
func run(t *testing.T, cmd *exec.Cmd, dir string, env []string) string {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	errs, err := os.CreateTemp(t.TempDir(), "err")
	if err != nil {
		t.Fatal(err)
	}
	defer errs.Close()
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, out, errs
	if env != nil {
		cmd.Env = env
	}
	code := 0
	var exit *exec.ExitError
	if err := cmd.Run(); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}
	stdout, _ := os.ReadFile(out.Name())
	stderr, _ := os.ReadFile(errs.Name())
	return "exit " + strconv.Itoa(code) + "\n-- stdout --\n" + string(stdout) + "-- stderr --\n" + string(stderr)
}

// copySite copies the sample site's configuration and content into a new
// folder; brand, when not empty, is added as the finance unit's brand
// "pioneer".
func copySite(t *testing.T, brand string) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "showcase.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "showcase.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	if brand != "" {
		b := filepath.Join(dir, "content", "finance", "pioneer")
		if err := os.MkdirAll(b, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(b, "index.md"), []byte(brand), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// brokenBrand is a brand file as a secretary's input method leaves it,
// with CRLF line ends, plus mistakes no fix corrects.
const brokenBrand = "---\r\n" +
	"# 品牌信息\r\n" +
	"organization: 中共示例市财政局机关第二支部委员会\r\n" +
	"stage：declare\r\n" +
	"status: cultivating\r\n" +
	"declared: ２０２０－06－30\r\n" +
	"logo: logo.svg\r\n" +
	"tags: ［便民服务，志愿服务］\r\n" +
	"carriers:\r\n" +
	"  - name: 审计夜校\r\n" +
	"\u3000\u3000description: 每周一课\r\n" +
	"secretary:\u3000王某某\r\n" +
	"name：审计先锋岗\r\n" +
	"concept: 以审计为镜\r\n" +
	"slogen: 一本账本\r\n" +
	"---\r\n" +
	"正文\r\n"
