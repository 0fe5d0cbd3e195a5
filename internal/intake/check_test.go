package intake_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/intake"
	"showcase/internal/submit"
)

// pngBytes is the start of a PNG file.
const pngBytes = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

// TestPageMatchesCheck checks that what the page finds in a form is what
// showcase check finds in the same file in the same site, finding for
// finding, at the same line and column with the same words.
func TestPageMatchesCheck(t *testing.T) {
	site := copySample(t)
	s, _, err := build.Load(context.Background(), os.DirFS(site), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := submit.ContextOf(s, len(s.Decisions) > 0)
	cases := map[string]func(f *submit.Form, b submit.Bundle){
		"good":           func(f *submit.Form, b submit.Bundle) {},
		"short name":     func(f *submit.Form, b submit.Bundle) { f.Name = "国库先" },
		"invisible":      func(f *submit.Form, b submit.Bundle) { f.Name = "国\u200b库先" },
		"long name":      func(f *submit.Form, b submit.Bundle) { f.Name = "国库先锋国库先锋国" },
		"taken name":     func(f *submit.Form, b submit.Bundle) { f.Name = "红色账本" },
		"organization":   func(f *submit.Form, b submit.Bundle) { f.Organization = "中共示例市财政局国库支部" },
		"partner":        func(f *submit.Form, b submit.Bundle) { f.Partners = []string{"finance/nosuch", "finance/guoku"} },
		"bad date":       func(f *submit.Form, b submit.Bundle) { f.Declared = "2021-13-01" },
		"future":         func(f *submit.Form, b submit.Bundle) { f.Declared = "2099-01-01" },
		"members":        func(f *submit.Form, b submit.Bundle) { f.Members = "二十三" },
		"stage":          func(f *submit.Form, b submit.Bundle) { f.Stage = "nosuch" },
		"status decided": func(f *submit.Form, b submit.Bundle) { f.Status = "exemplary" },
		"png as svg":     func(f *submit.Form, b submit.Bundle) { b["logo.svg"] = []byte(pngBytes) },
		"no logo":        func(f *submit.Form, b submit.Bundle) { delete(b, "logo.svg") },
		"no carriers":    func(f *submit.Form, b submit.Bundle) { f.Carriers = nil },
		"slips": func(f *submit.Form, b submit.Bundle) {
			f.Slogan = "一本账本\u3000算清民心"
			f.Tags = "便民服务，\u200b志愿"
		},
		"concept": func(f *submit.Form, b submit.Bundle) { f.Concept = strings.Repeat("为民", 60) },
		"body": func(f *submit.Form, b submit.Bundle) {
			f.Body = "## 品牌内涵\n\n<script>alert(1)</script>\n\n![图](photos/none.jpg)\n"
		},
		"timeline": func(f *submit.Form, b submit.Bundle) {
			f.Timeline = []submit.Event{{Date: "2020-02-30", Event: "申报"}}
		},
		"goals": func(f *submit.Form, b submit.Bundle) { f.Goals = []submit.Goal{{Year: "明年", Items: "一\n二"}} },
		"photo": func(f *submit.Form, b submit.Bundle) {
			f.Photos = []string{"photos/1.jpg"}
			b["photos/1.jpg"] = []byte(pngBytes)
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			f := goodForm()
			b := submit.Bundle{"logo.svg": []byte(logo)}
			change(f, b)
			b["index.md"] = []byte(submit.Write(f).Text)
			page, _, err := intake.CheckPage(context.Background(), c, f.Unit, f.Brand, b)
			if err != nil {
				t.Fatal(err)
			}
			cli := cliFindings(t, site, f, b)
			if got, want := lines(page), lines(cli); got != want {
				t.Errorf("the page finds:\n%s\nshowcase check finds:\n%s\nin:\n%s", got, want, b["index.md"])
			}
			if name != "good" && len(page) == 0 {
				t.Errorf("no finding for %s", name)
			}
		})
	}
}

// cliFindings writes the bundle into the site and returns what the
// loader of showcase check finds about it, the name-taken finding at the
// brand that had the name first included.
func cliFindings(t *testing.T, site string, f *submit.Form, b submit.Bundle) diag.List {
	t.Helper()
	dir := intake.Dir(f.Unit, f.Brand)
	for name, data := range b {
		p := filepath.Join(site, filepath.FromSlash(path.Join(dir, name)))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer os.RemoveAll(filepath.Join(site, filepath.FromSlash(dir)))
	_, all, err := build.Load(context.Background(), os.DirFS(site), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out diag.List
	for _, d := range all {
		if strings.HasPrefix(d.Pos.File, dir+"/") || d.Rule == "schema/name-taken" {
			out = append(out, d)
		}
	}
	return out
}

// lines lists findings one a line, name-taken by its rule alone: the site
// reports it at whichever of the two brands comes second.
func lines(l diag.List) string {
	var out []string
	for _, d := range l {
		if d.Rule == "schema/name-taken" {
			out = append(out, d.Rule)
			continue
		}
		out = append(out, fmt.Sprintf("%s %s [%s] %s / %s", d.Pos, d.Severity, d.Rule, d.Message.ZH, d.Hint.ZH))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
