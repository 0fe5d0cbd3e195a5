// Package submit is the browser submission page's model, shared by the
// page's WebAssembly engine and by showcase import: the form's values,
// the index.md they make, the site context the page carries, and the ZIP
// bundle that goes between them.
package submit

import (
	"path"
	"strings"
)

// Form is what the secretary fills in on /submit/. Keys match the brand's
// front-matter keys, so the page's control names are the file's keys.
type Form struct {
	Unit         string     `json:"unit"`
	Brand        string     `json:"brand"`
	Name         string     `json:"name"`
	Organization string     `json:"organization"`
	Secretary    string     `json:"secretary"`
	Stage        string     `json:"stage"`
	Status       string     `json:"status,omitempty"`
	Declared     string     `json:"declared"`
	Logo         string     `json:"logo"`
	Slogan       string     `json:"slogan"`
	Concept      string     `json:"concept"`
	Ideas        Ideas      `json:"ideas"`
	Carriers     []Carrier  `json:"carriers"`
	Members      string     `json:"members"`
	Partners     []string   `json:"partners"`
	Tags         string     `json:"tags"`
	Photos       []string   `json:"photos"`
	Goals        []Goal     `json:"goals"`
	Timeline     []Event    `json:"timeline"`
	Body         string     `json:"body"`
	Extra        []ExtraKey `json:"extra,omitempty"`
}

// Ideas are the six ideas of the brand culture.
type Ideas struct {
	Learning   string `json:"learning"`
	Conduct    string `json:"conduct"`
	Work       string `json:"work"`
	Style      string `json:"style"`
	Innovation string `json:"innovation"`
	Service    string `json:"service"`
}

// Carrier is one row of 品牌载体.
type Carrier struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Goal is one year of the deepening plan; Items holds one goal a line.
type Goal struct {
	Year  string `json:"year"`
	Items string `json:"items"`
}

// Event is one row of the brand archive.
type Event struct {
	Date  string `json:"date"`
	Event string `json:"event"`
}

// ExtraKey is a front-matter key of an opened bundle that the form has no
// control for (draft, named, …); it is written back as it was.
type ExtraKey struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// BundleName is the ZIP file a form downloads as: <unit>-<brand>.zip.
func (f *Form) BundleName() string {
	unit, brand := f.Unit, f.Brand
	if unit == "" {
		unit = "unit"
	}
	if brand == "" {
		brand = "brand"
	}
	return unit + "-" + brand + ".zip"
}

// Dir is the bundle's folder in the site, content/<unit>/<brand>.
func (f *Form) Dir() string { return path.Join("content", f.Unit, f.Brand) }

// TagList splits the tags field at commas (either width) and spaces.
func (f *Form) TagList() []string {
	return splitList(f.Tags)
}

func splitList(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == '\n'
	}) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// lines splits text at line breaks, leaving out empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimRight(l, " \t"))
		}
	}
	return out
}
