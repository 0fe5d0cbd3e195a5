package submit

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Source is the index.md a form makes, with the form field each line
// belongs to, so the page can show a finding beside its control.
type Source struct {
	Text string
	// Fields maps a 1-based line to the control name it was written from
	// ("name", "carriers.0.description", "body", …).
	Fields map[int]string
	// BodyLine is the first line of the body.
	BodyLine int
}

// sourceWriter writes index.md a line at a time.
type sourceWriter struct {
	b      strings.Builder
	line   int
	fields map[int]string
}

func (w *sourceWriter) write(field, text string) {
	for _, l := range strings.Split(text, "\n") {
		w.line++
		w.b.WriteString(l)
		w.b.WriteByte('\n')
		if field != "" {
			w.fields[w.line] = field
		}
	}
}

// Write makes the index.md of a form: the front matter in the SPEC's key
// order, required keys always present (empty ones as "", so a finding
// points at their line), optional keys only when filled in, then the body.
func Write(f *Form) Source {
	w := &sourceWriter{fields: map[int]string{}}
	w.write("", "---")
	w.text("name", "name", f.Name, true)
	w.text("organization", "organization", f.Organization, true)
	w.text("secretary", "secretary", f.Secretary, false)
	w.raw("stage", "stage", f.Stage, true, nil)
	w.raw("status", "status", f.Status, false, nil)
	w.raw("declared", "declared", f.Declared, true, datePattern)
	for _, x := range f.Extra {
		if x.Key == "named" {
			w.write("named", x.Key+": "+x.Value)
		}
	}
	w.text("logo", "logo", f.Logo, true)
	w.text("slogan", "slogan", f.Slogan, false)
	w.text("concept", "concept", f.Concept, true)
	w.ideas(&f.Ideas)
	w.carriers(f.Carriers)
	w.raw("members", "members", f.Members, false, intPattern)
	w.list("partners", "partners", f.Partners)
	w.list("tags", "tags", f.TagList())
	w.list("photos", "photos", f.Photos)
	w.goals(f.Goals)
	w.timeline(f.Timeline)
	for _, x := range f.Extra {
		if x.Key != "named" {
			w.write(x.Key, x.Key+": "+x.Value)
		}
	}
	w.write("", "---")
	body := strings.ReplaceAll(f.Body, "\r\n", "\n")
	bodyLine := w.line + 1
	if body != "" {
		w.write("body", strings.TrimSuffix(body, "\n"))
	}
	return Source{Text: w.b.String(), Fields: w.fields, BodyLine: bodyLine}
}

var (
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	intPattern  = regexp.MustCompile(`^-?\d{1,9}$`)
)

// text writes "key: value" with value as a YAML string, or "" when a
// required value is empty; an empty optional value writes nothing.
func (w *sourceWriter) text(field, key, value string, required bool) {
	if value == "" && !required {
		return
	}
	w.write(field, key+": "+scalar(value, "  "))
}

// raw writes a value that YAML should read as it is (an id, a date, a
// number) when it has that shape, and as a string otherwise, so the check
// names what is wrong with it.
func (w *sourceWriter) raw(field, key, value string, required bool, shape *regexp.Regexp) {
	value = strings.TrimSpace(value)
	if value == "" && !required {
		return
	}
	if (shape != nil && shape.MatchString(value)) || (shape == nil && idPattern.MatchString(value)) {
		w.write(field, key+": "+value)
		return
	}
	w.write(field, key+": "+scalar(value, "  "))
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (w *sourceWriter) ideas(i *Ideas) {
	vals := []struct{ key, value string }{
		{"learning", i.Learning}, {"conduct", i.Conduct}, {"work", i.Work},
		{"style", i.Style}, {"innovation", i.Innovation}, {"service", i.Service},
	}
	any := false
	for _, v := range vals {
		any = any || v.value != ""
	}
	if !any {
		return
	}
	w.write("ideas", "ideas:")
	for _, v := range vals {
		if v.value != "" {
			w.write("ideas."+v.key, "  "+v.key+": "+scalar(v.value, "    "))
		}
	}
}

func (w *sourceWriter) carriers(cs []Carrier) {
	if len(cs) == 0 {
		w.write("carriers", "carriers: []")
		return
	}
	w.write("carriers", "carriers:")
	for i, c := range cs {
		p := "carriers." + itoa(i) + "."
		w.write(p+"name", "  - name: "+scalar(c.Name, "      "))
		w.write(p+"description", "    description: "+scalar(c.Description, "      "))
	}
}

func (w *sourceWriter) list(field, key string, items []string) {
	if len(items) == 0 {
		return
	}
	w.write(field, key+":")
	for i, it := range items {
		w.write(field+"."+itoa(i), "  - "+scalar(it, "    "))
	}
}

func (w *sourceWriter) goals(gs []Goal) {
	var filled []int
	for i, g := range gs {
		if strings.TrimSpace(g.Year) != "" || strings.TrimSpace(g.Items) != "" {
			filled = append(filled, i)
		}
	}
	if len(filled) == 0 {
		return
	}
	w.write("goals", "goals:")
	for _, i := range filled {
		g, p := gs[i], "goals."+itoa(i)+"."
		year := strings.TrimSpace(g.Year)
		if !intPattern.MatchString(year) {
			year = scalar(year, "      ")
		}
		w.write(p+"year", "  - year: "+year)
		items := lines(g.Items)
		if len(items) == 0 {
			w.write(p+"items", "    items: []")
			continue
		}
		w.write(p+"items", "    items:")
		for _, it := range items {
			w.write(p+"items", "      - "+scalar(strings.TrimSpace(it), "        "))
		}
	}
}

func (w *sourceWriter) timeline(es []Event) {
	var filled []int
	for i, e := range es {
		if strings.TrimSpace(e.Date) != "" || strings.TrimSpace(e.Event) != "" {
			filled = append(filled, i)
		}
	}
	if len(filled) == 0 {
		return
	}
	w.write("timeline", "timeline:")
	for _, i := range filled {
		e, p := es[i], "timeline."+itoa(i)+"."
		date := strings.TrimSpace(e.Date)
		if !datePattern.MatchString(date) {
			date = scalar(date, "      ")
		}
		w.write(p+"date", "  - date: "+date)
		w.write(p+"event", "    event: "+scalar(e.Event, "      "))
	}
}

// scalar writes s as a YAML string value: plain when YAML reads it back
// as the same string, double-quoted otherwise, and a literal block when
// it runs over several lines (indented by indent).
func scalar(s, indent string) string {
	if strings.Contains(s, "\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		if blockSafe(s) {
			var b strings.Builder
			b.WriteString("|-")
			for _, l := range strings.Split(s, "\n") {
				b.WriteString("\n")
				if l != "" {
					b.WriteString(indent + l)
				}
			}
			return b.String()
		}
		return quote(s)
	}
	if s != "" && plainSafe(s) {
		return s
	}
	return quote(s)
}

// plainSafe reports whether YAML reads s, written plain, as the string s.
func plainSafe(s string) bool {
	if strings.ContainsAny(s, "\t\"'\\") || strings.TrimSpace(s) != s {
		return false
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &n); err != nil {
		return false
	}
	if len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Style == 0 && v.Value == s
}

// blockSafe reports whether s can be a literal block: no line starts
// with a space (which would change the block's indentation), none ends
// with one, and no character needs an escape.
func blockSafe(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") || strings.ContainsFunc(l, needsEscape) {
			return false
		}
	}
	return !strings.HasPrefix(s, "\n") && !strings.HasSuffix(s, "\n")
}

// needsEscape reports whether YAML must see r escaped: control
// characters, line and paragraph separators, which YAML may read as line
// breaks, and the byte order mark and non-characters.
func needsEscape(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff
}

func quote(s string) string { return Quote(s) }

// Quote writes s as a YAML double-quoted string, escaping what that
// style requires and nothing else, so Chinese text stays readable.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case needsEscape(r):
			b.WriteString(`\u`)
			b.WriteString(hex2(r>>8) + hex2(r&0xff))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex2(r rune) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[r>>4&0xf], digits[r&0xf]})
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
