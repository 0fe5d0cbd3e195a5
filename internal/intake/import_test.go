package intake_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/intake"
	"showcase/internal/submit"
)

const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`

// goodForm is a brand of the sample's finance unit with no error.
func goodForm() *submit.Form {
	return &submit.Form{
		Unit: "finance", Brand: "guoku", Name: "国库先锋", Organization: "中共示例市财政局国库支付中心支部委员会",
		Secretary: "李某某", Stage: "declare", Declared: "2021-03-01", Logo: "logo.svg",
		Concept:  "守好国库每一分钱",
		Carriers: []submit.Carrier{{Name: "国库讲堂", Description: "每月一次"}},
		Partners: []string{"finance/ledger"},
		Body:     "## 品牌内涵\n\n国库。\n",
	}
}

func bundleOf(f *submit.Form) submit.Bundle {
	return submit.Bundle{"index.md": []byte(submit.Write(f).Text), "logo.svg": []byte(logo)}
}

func zipOf(t *testing.T, f *submit.Form) []byte {
	t.Helper()
	data, err := submit.WriteBundle(bundleOf(f), submit.Place{Unit: f.Unit, Brand: f.Brand})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// tree sums every file and folder of a site, to tell that an import left
// it as it was.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		line := rel + "/"
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			line = fmt.Sprintf("%s %x", rel, sha256.Sum256(data))
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func importInto(t *testing.T, site, name string, data []byte, replace bool) (intake.Imported, error) {
	t.Helper()
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	return intake.Import(context.Background(), root, name, data, replace)
}

// TestImport places a good bundle, refuses it again without replace,
// replaces with it, and refuses a bundle with an error, leaving the site
// as it was on every refusal.
func TestImport(t *testing.T) {
	site := copySample(t)
	f := goodForm()
	res, err := importInto(t, site, "x.zip", zipOf(t, f), false)
	if err != nil {
		t.Fatalf("import a good bundle: %v\n%v", err, res.Findings)
	}
	if got, _ := os.ReadFile(filepath.Join(site, "content/finance/guoku/index.md")); string(got) != submit.Write(f).Text {
		t.Fatalf("index.md placed as %q", got)
	}
	if _, diags, _ := build.Load(context.Background(), os.DirFS(site), build.LoadOptions{}, nil); diags.HasErrors() {
		t.Fatalf("the site has errors after the import: %v", diags)
	}
	leftovers, _ := filepath.Glob(filepath.Join(site, "content/finance/.guoku*"))
	if len(leftovers) > 0 {
		t.Errorf("the import left %v", leftovers)
	}

	before := tree(t, site)
	f.Concept = "改过的理念"
	if _, err := importInto(t, site, "x.zip", zipOf(t, f), false); !errors.Is(err, intake.ErrExists) {
		t.Errorf("import over an existing brand without replace: %v", err)
	}
	if tree(t, site) != before {
		t.Error("a refused import changed the site")
	}
	if res, err := importInto(t, site, "x.zip", zipOf(t, f), true); err != nil || !res.Replaced {
		t.Errorf("import with replace: %v, replaced %v", err, res.Replaced)
	}
	if got, _ := os.ReadFile(filepath.Join(site, "content/finance/guoku/index.md")); !strings.Contains(string(got), "改过的理念") {
		t.Error("replace did not replace")
	}

	before = tree(t, site)
	bad := goodForm()
	bad.Brand, bad.Name, bad.Partners = "other", "国库", []string{"finance/nosuch"}
	res, err = importInto(t, site, "x.zip", zipOf(t, bad), false)
	if !errors.Is(err, intake.ErrFindings) || !hasRule(res.Findings, "schema/name-length") || !hasRule(res.Findings, "schema/partner-missing") {
		t.Errorf("import of a bundle with errors: %v\n%v", err, res.Findings)
	}
	taken := goodForm()
	taken.Brand = "again"
	if res, err = importInto(t, site, "x.zip", zipOf(t, taken), false); !errors.Is(err, intake.ErrFindings) || !hasRule(res.Findings, "schema/name-taken") {
		t.Errorf("import of a name the site has: %v\n%v", err, res.Findings)
	}
	if tree(t, site) != before {
		t.Error("a refused import changed the site")
	}
}

func hasRule(l diag.List, rule string) bool {
	for _, d := range l {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// TestImportPlaceFromName reads the place from the file name when the
// ZIP has no comment, trying each hyphen for a unit the site has.
func TestImportPlaceFromName(t *testing.T) {
	site := copySample(t)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range bundleOf(goodForm()) {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	res, err := importInto(t, site, filepath.Join("downloads", "finance-guo-ku.zip"), buf.Bytes(), false)
	if err != nil || res.Dir != "content/finance/guo-ku" {
		t.Fatalf("import finance-guo-ku.zip: %v, %s", err, res.Dir)
	}
	if _, err := importInto(t, site, "nounit-x.zip", buf.Bytes(), false); !errors.Is(err, intake.ErrNoPlace) {
		t.Errorf("a name without a unit of the site: %v", err)
	}
}

// FuzzImport imports malformed and hostile archives into a site: each
// is placed whole or refused with the site as it was.
func FuzzImport(f *testing.F) {
	good, _ := submit.WriteBundle(bundleOf(goodForm()), submit.Place{Unit: "finance", Brand: "guoku"})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.SetComment("showcase bundle finance/../../etc")
	for _, name := range []string{"index.md", "../../../tmp/x.svg"} {
		w, _ := zw.Create(name)
		w.Write([]byte(logo))
	}
	zw.Close()
	f.Add(buf.Bytes())
	site := copySample(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		before := tree(t, site)
		res, err := importInto(t, site, "finance-guoku.zip", data, true)
		if err != nil {
			if tree(t, site) != before {
				t.Fatalf("a refused import (%v) changed the site", err)
			}
			return
		}
		if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(res.Dir), "index.md")); err != nil {
			t.Fatalf("an import placed no index.md: %v", err)
		}
		if err := os.RemoveAll(filepath.Join(site, filepath.FromSlash(res.Dir))); err != nil {
			t.Fatal(err)
		}
	})
}
