package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"showcase/internal/build"
)

// TestWriteChecks generates a small corpus and loads it the way check and
// build do: it must have no findings at all.
func TestWriteChecks(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Brands: 60, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	s, diags, err := build.Load(context.Background(), root.FS(), build.LoadOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("%s: %s [%s]", d.Pos, d.Message.In("en"), d.Rule)
	}
	if len(s.Brands) != 60 || len(s.Units) != 6 {
		t.Errorf("got %d brands in %d units, want 60 in 6", len(s.Brands), len(s.Units))
	}
	names := map[string]string{}
	for _, b := range s.Brands {
		if other, ok := names[b.Name]; ok {
			t.Errorf("brands %s and %s are both named %q", other, b.ID, b.Name)
		}
		names[b.Name] = b.ID
		if n := utf8.RuneCountInString(b.Body().Text); n < 1500 {
			t.Errorf("brand %s has a body of %d characters, want about 2000", b.ID, n)
		}
	}
}

// TestWriteDeterministic checks that a seed always writes the same files
// and that another seed writes other text.
func TestWriteDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for dir, seed := range map[string]int64{a: 3, b: 3, c: 4} {
		if err := Write(dir, Options{Brands: 25, Seed: seed}); err != nil {
			t.Fatal(err)
		}
	}
	same, diff := readTree(t, a), readTree(t, c)
	for name, data := range readTree(t, b) {
		if same[name] != data {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	if diff["content/u0001/b0001/index.md"] == same["content/u0001/b0001/index.md"] {
		t.Errorf("seeds 3 and 4 wrote the same brand")
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestNames checks every name the word lists can make, since a corpus of
// 100,000 brands uses nearly all of them.
func TestNames(t *testing.T) {
	c := newCorpus(Options{Brands: len(namePrefixes) * len(nameCores) * len(nameSuffixes)})
	seen := map[string]bool{}
	for i := 0; i < c.opts.Brands; i++ {
		name := c.brandName(i)
		if n := utf8.RuneCountInString(name); n < 4 || n > 8 {
			t.Fatalf("brand %d is named %q, %d characters", i, name, n)
		}
		if seen[name] {
			t.Fatalf("brand %d: name %q made twice", i, name)
		}
		seen[name] = true
	}
}
