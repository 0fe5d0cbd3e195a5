package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// showcaseWriter writes the corpus in the SPEC's content format.
type showcaseWriter struct{}

func (showcaseWriter) config(dir string, _ *corpus) error {
	return writeFile(filepath.Join(dir, "showcase.yaml"), []byte(Config))
}

func (showcaseWriter) unit(dir string, _ *corpus, u Unit) error {
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "name: %s\nparent: %s\nweight: %d\n", yamlString(u.Name), yamlString(u.Parent), u.Weight)
	b.WriteString("---\n")
	b.WriteString(u.Intro)
	return writeFile(filepath.Join(dir, "content", u.ID, "_unit.md"), b.Bytes())
}

func (showcaseWriter) brand(dir string, _ *corpus, br *Brand, photos [][]byte) error {
	bundle := filepath.Join(dir, "content", br.UnitID, br.ID)
	var b bytes.Buffer
	b.WriteString("---\n")
	writeBrandFields(&b, br)
	b.WriteString("draft: false\n---\n")
	b.WriteString(br.Body)
	if err := writeFile(filepath.Join(bundle, "index.md"), b.Bytes()); err != nil {
		return err
	}
	return writeBundle(bundle, br, photos)
}

// writeBundle writes the logo and photos beside a brand's Markdown.
func writeBundle(bundle string, br *Brand, photos [][]byte) error {
	if err := writeFile(filepath.Join(bundle, "logo.svg"), []byte(logoSVG(br.logo))); err != nil {
		return err
	}
	for k, p := range br.Photos {
		if err := writeFile(filepath.Join(bundle, filepath.FromSlash(p)), photos[(br.logo+k)%len(photos)]); err != nil {
			return err
		}
	}
	return nil
}

// writeBrandFields writes a brand's front-matter fields as YAML, without
// the delimiters and the draft flag, in the order the SPEC lists them.
func writeBrandFields(b *bytes.Buffer, br *Brand) {
	field := func(key, value string) { fmt.Fprintf(b, "%s: %s\n", key, yamlString(value)) }
	field("name", br.Name)
	field("organization", br.Organization)
	field("secretary", br.Secretary)
	fmt.Fprintf(b, "stage: %s\nstatus: %s\ndeclared: %s\n", br.Stage, br.Status, date(br.Declared))
	if !br.Named.IsZero() {
		fmt.Fprintf(b, "named: %s\n", date(br.Named))
	}
	b.WriteString("logo: logo.svg\n")
	field("slogan", br.Slogan)
	field("concept", br.Concept)
	b.WriteString("ideas:\n")
	for k, key := range ideaKeyOrder {
		fmt.Fprintf(b, "  %s: %s\n", key, yamlString(br.Ideas[k]))
	}
	b.WriteString("carriers:\n")
	for _, c := range br.Carriers {
		fmt.Fprintf(b, "  - name: %s\n    description: %s\n", yamlString(c.Name), yamlString(c.Description))
	}
	fmt.Fprintf(b, "members: %d\n", br.Members)
	fmt.Fprintf(b, "partners: %s\n", flowList(br.Partners))
	fmt.Fprintf(b, "tags: %s\n", flowList(br.Tags))
	fmt.Fprintf(b, "photos: %s\n", flowList(br.Photos))
	b.WriteString("goals:\n")
	for _, g := range br.Goals {
		fmt.Fprintf(b, "  - year: %d\n    items:\n", g.Year)
		for _, it := range g.Items {
			fmt.Fprintf(b, "      - %s\n", yamlString(it))
		}
	}
	b.WriteString("timeline:\n")
	for _, e := range br.Timeline {
		fmt.Fprintf(b, "  - {date: %s, event: %s}\n", date(e.Date), yamlString(e.Event))
	}
}

func flowList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = yamlString(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// yamlString writes s as a plain YAML scalar when that reads back as the
// same string, and double-quoted otherwise.
func yamlString(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\\") || strings.TrimSpace(s) != s ||
		strings.ContainsAny(s[:1], "-?") || !strings.ContainsFunc(s, func(r rune) bool { return r > 0x7f }) {
		return strconv.Quote(s)
	}
	return s
}

func date(t time.Time) string { return t.Format("2006-01-02") }
