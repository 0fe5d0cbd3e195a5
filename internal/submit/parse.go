package submit

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// ParseForm reads an index.md back into the form's values, so an opened
// bundle can be edited. Values the form has no control for are kept as
// Extra; what cannot be read at all is left empty, and the check then
// says what is missing.
func ParseForm(text string) Form {
	text = strings.TrimPrefix(strings.ReplaceAll(text, "\r\n", "\n"), "\ufeff")
	var f Form
	front, body, ok := splitFront(text)
	if !ok {
		f.Body = text
		return f
	}
	f.Body = body
	var m map[string]any
	if err := yaml.Unmarshal([]byte(front), &m); err != nil {
		return f
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f.set(k, m[k])
	}
	return f
}

func splitFront(text string) (front, body string, ok bool) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return "", "", false
	}
	if strings.HasPrefix(rest, "---\n") {
		return "", strings.TrimPrefix(rest, "---\n"), true
	}
	i := strings.Index(rest, "\n---\n")
	if i < 0 {
		if strings.HasSuffix(rest, "\n---") {
			return strings.TrimSuffix(rest, "\n---"), "", true
		}
		return "", "", false
	}
	return rest[:i+1], rest[i+len("\n---\n"):], true
}

func str(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		if t, ok := v.(interface{ Format(string) string }); ok {
			return t.Format("2006-01-02")
		}
		return fmt.Sprint(v)
	}
}

func (f *Form) set(key string, v any) {
	switch key {
	case "name":
		f.Name = str(v)
	case "organization":
		f.Organization = str(v)
	case "secretary":
		f.Secretary = str(v)
	case "stage":
		f.Stage = str(v)
	case "status":
		f.Status = str(v)
	case "declared":
		f.Declared = str(v)
	case "logo":
		f.Logo = str(v)
	case "slogan":
		f.Slogan = str(v)
	case "concept":
		f.Concept = str(v)
	case "members":
		f.Members = str(v)
	case "tags":
		f.Tags = strings.Join(strList(v), "，")
	case "partners":
		f.Partners = strList(v)
	case "photos":
		f.Photos = strList(v)
	case "ideas":
		m, _ := v.(map[string]any)
		f.Ideas = Ideas{Learning: str(m["learning"]), Conduct: str(m["conduct"]), Work: str(m["work"]),
			Style: str(m["style"]), Innovation: str(m["innovation"]), Service: str(m["service"])}
	case "carriers":
		for _, it := range maps(v) {
			f.Carriers = append(f.Carriers, Carrier{Name: str(it["name"]), Description: str(it["description"])})
		}
	case "goals":
		for _, it := range maps(v) {
			f.Goals = append(f.Goals, Goal{Year: str(it["year"]), Items: strings.Join(strList(it["items"]), "\n")})
		}
	case "timeline":
		for _, it := range maps(v) {
			f.Timeline = append(f.Timeline, Event{Date: str(it["date"]), Event: str(it["event"])})
		}
	default:
		out, err := yaml.Marshal(v)
		if err == nil && !strings.Contains(strings.TrimSpace(string(out)), "\n") {
			f.Extra = append(f.Extra, ExtraKey{Key: key, Value: strings.TrimSpace(string(out))})
		}
	}
}

func strList(v any) []string {
	items, _ := v.([]any)
	var out []string
	for _, it := range items {
		out = append(out, str(it))
	}
	return out
}

func maps(v any) []map[string]any {
	items, _ := v.([]any)
	var out []map[string]any
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
