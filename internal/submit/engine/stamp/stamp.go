// Package stamp sums the sources the /submit/ engine is built from: the
// Go and embedded files of every package of this module that
// cmd/showcase-submit imports for js/wasm, with go.mod and go.sum, which
// pin the rest. The engine's generator writes the sum beside the engine,
// and a test compares it with the sources as they are.
package stamp

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Sources returns the hex SHA-256 of the engine's sources. It runs go
// list from the working folder, which must be inside the module.
func Sources() (string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f",
		`{{if .Module}}{{if .Module.Main}}{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{end}}{{end}}`,
		"showcase/cmd/showcase-submit")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list: %w", err)
	}
	modRoot, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("go list -m: %w", err)
	}
	root := strings.TrimSpace(string(modRoot))
	files := strings.Fields(string(out))
	files = append(files, filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"))
	rel := make([]string, 0, len(files))
	for _, f := range files {
		r, err := filepath.Rel(root, f)
		if err != nil {
			return "", err
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	sort.Strings(rel)
	h := sha256.New()
	for _, r := range rel {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(r)))
		if err != nil {
			return "", err
		}
		// Line endings as a Windows checkout may have them count alike.
		data = []byte(strings.ReplaceAll(string(data), "\r\n", "\n"))
		fmt.Fprintf(h, "%s %d\n", r, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
