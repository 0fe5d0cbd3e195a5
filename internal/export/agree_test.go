package export_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/corpus"
	"showcase/internal/progress"
	"showcase/internal/render"
)

// TestPageHomeAndExportAgree renders the progress and home pages of the
// sample and of a generated site (with targets, and a unit that lists its
// organizations) as a build does, and reads the same numbers back from
// the two pages and the workbook: coverage per unit and in total, each
// target's count, and the listed brands.
func TestPageHomeAndExportAgree(t *testing.T) {
	gen := t.TempDir()
	if err := corpus.Write(gen, corpus.Options{Brands: 60, Units: 6, Seed: 19, BodyChars: 200, Photos: -1}); err != nil {
		t.Fatal(err)
	}
	addTargetsAndOrganizations(t, gen)
	for name, dir := range map[string]string{"sample": "../..", "generated": gen} {
		t.Run(name, func(t *testing.T) {
			s := loadSite(t, dir)
			th, err := build.LoadTheme(os.DirFS(dir), s.Config.Theme)
			if err != nil {
				t.Fatal(err)
			}
			jobs := render.Plan(s, th, render.Options{Target: render.Web})
			page, home := renderFile(t, jobs, "progress/index.html"), renderFile(t, jobs, "index.html")
			p := progress.Of(s)
			_, f := workbook(t, s)

			want := coverageOf(p)
			if got := pageCoverage(t, page); !slices.Equal(got, want) {
				t.Errorf("progress page coverage\n got %q\nwant %q", got, want)
			}
			rows, _ := f.GetRows("覆盖情况")
			var sheet []string
			for _, r := range rows[1:] {
				r = append(r, make([]string, 6-len(r))...)
				id := r[1]
				if r[0] == "合计" {
					id = "total"
				}
				sheet = append(sheet, strings.Join([]string{id, r[2], r[3], r[4], r[5]}, " "))
			}
			if !slices.Equal(sheet, want) {
				t.Errorf("workbook coverage\n got %q\nwant %q", sheet, want)
			}
			total := strconv.Itoa(p.Total.Covered) + "/" + strconv.Itoa(p.Total.Organizations)
			if p.Total.Organizations == 0 || !strings.Contains(home, `data-coverage="`+total+`"`) {
				t.Errorf("home page does not show coverage %s", total)
			}
			var targets []string
			for _, tg := range p.Targets {
				targets = append(targets, tg.Status.ID+" "+strconv.Itoa(tg.Reached))
			}
			if len(targets) == 0 {
				t.Fatal("no targets to compare")
			}
			for where, html := range map[string]string{"progress page": page, "home page": home} {
				if got := pageTargets(html); !slices.Equal(got, targets) {
					t.Errorf("%s targets %q, want %q", where, got, targets)
				}
			}
			listed := 0
			brands, _ := f.GetRows("品牌")
			for _, r := range brands[1:] {
				if st := s.Config.StatusByID(r[9]); st == nil || !st.Unlisted {
					listed++
				}
			}
			if !strings.Contains(page, "<dt>参创品牌</dt><dd>"+strconv.Itoa(listed)+"</dd>") {
				t.Errorf("progress page does not count the %d listed brands of the workbook", listed)
			}
		})
	}
}

// coverageOf is each unit's coverage, and the total, as "id orgs covered
// percent brands", empty fields for a unit without organizations.
func coverageOf(p *progress.Progress) []string {
	row := func(id string, c progress.Coverage) string {
		if !c.Listed() && id != "total" {
			return strings.Join([]string{id, "", "", "", strconv.Itoa(c.Brands)}, " ")
		}
		return strings.Join([]string{id, strconv.Itoa(c.Organizations), strconv.Itoa(c.Covered), strconv.Itoa(c.Percent()), strconv.Itoa(c.Brands)}, " ")
	}
	var out []string
	for _, c := range p.Units {
		out = append(out, row(c.Unit.ID, c))
	}
	return append(out, row("total", p.Total))
}

var (
	coverageRow = regexp.MustCompile(`<tr data-unit="([^"]*)"><th scope="row">.*?</th>(.*?)</tr>`)
	cell        = regexp.MustCompile(`<td[^>]*>([^<]*)</td>`)
	targetRow   = regexp.MustCompile(`<tr data-target="([^"]*)"><th scope="row">.*?</th><td>.*?</td><td>(\d+)</td>`)
)

// pageCoverage reads the coverage table of the progress page.
func pageCoverage(t *testing.T, html string) []string {
	t.Helper()
	var out []string
	for _, m := range coverageRow.FindAllStringSubmatch(html, -1) {
		id := m[1]
		if id == "合计" {
			id = "total"
		}
		var cells []string
		for _, c := range cell.FindAllStringSubmatch(m[2], -1) {
			cells = append(cells, strings.TrimSuffix(c[1], "%"))
		}
		if len(cells) == 2 { // 未登记党组织 spans three columns
			cells = []string{"", "", "", cells[1]}
		}
		out = append(out, id+" "+strings.Join(cells, " "))
	}
	return out
}

// pageTargets reads a targets table as "status count".
func pageTargets(html string) []string {
	var out []string
	for _, m := range targetRow.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

// renderFile renders the file of a plan's job.
func renderFile(t *testing.T, jobs []render.Job, file string) string {
	t.Helper()
	for _, j := range jobs {
		if j.File == file {
			data, err := j.Render()
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("no job writes %s", file)
	return ""
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// addTargetsAndOrganizations gives a generated site two targets and its
// first unit a list of organizations: those of its brands and one
// without a brand, with two brands of one organization.
func addTargetsAndOrganizations(t *testing.T, dir string) {
	t.Helper()
	cfg := readFile(t, filepath.Join(dir, "showcase.yaml"))
	cfg = strings.Replace(cfg, "plaque:\n", "  targets:\n    - {status: named, count: 5, by: 2021-12-31}\n    - {status: exemplary, count: 100}\nplaque:\n", 1)
	units, _ := filepath.Glob(filepath.Join(dir, "content", "*", "_unit.md"))
	sort.Strings(units)
	unit := units[0]
	brands, _ := filepath.Glob(filepath.Join(filepath.Dir(unit), "*", "index.md"))
	sort.Strings(brands)
	// The second brand shares the first's organization (a warning), so
	// the unit has more brands than organizations with a brand.
	org := regexp.MustCompile(`(?m)^organization: (.*)$`)
	first := org.FindStringSubmatch(readFile(t, brands[0]))[1]
	second := org.ReplaceAllString(readFile(t, brands[1]), "organization: "+first)
	if err := os.WriteFile(brands[1], []byte(second), 0o644); err != nil {
		t.Fatal(err)
	}
	orgs := "organizations:\n"
	for _, b := range brands[1:] {
		orgs += "  - {name: " + org.FindStringSubmatch(readFile(t, b))[1] + "}\n"
	}
	orgs += "  - {name: 中共示例市某局无品牌支部委员会}\n"
	u := strings.Replace(readFile(t, unit), "---\n", "---\n"+orgs, 1)
	for name, data := range map[string]string{filepath.Join(dir, "showcase.yaml"): cfg, unit: u} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
