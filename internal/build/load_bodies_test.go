package build

import (
	"html/template"
	"testing"

	"showcase/internal/markdown"
)

// TestBodySpoolReadsBack puts bodies in a spool and reads each back whole
// and as text alone, the text reader reading only its part of the file.
func TestBodySpoolReadsBack(t *testing.T) {
	s, err := newBodySpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := []markdown.Document{
		{HTML: "<p>党建引领，服务群众。</p>\n", Text: "党建引领，服务群众。\n"},
		{HTML: "", Text: ""},
		{HTML: template.HTML("<h2>一</h2><p>" + string(make([]byte, 9000)) + "</p>"), Text: "一\nlong"},
		{HTML: "<p>x</p>", Text: ""},
	}
	type readers struct {
		doc  func() markdown.Document
		text func() string
	}
	var rs []readers
	for i, d := range docs {
		doc, text := s.put(string(rune('a'+i)), d)
		rs = append(rs, readers{doc, text})
	}
	// Read in reverse, twice, so pooled buffers of other sizes are reused.
	for range 2 {
		for i := len(docs) - 1; i >= 0; i-- {
			if got := rs[i].doc(); got.HTML != docs[i].HTML || got.Text != docs[i].Text {
				t.Errorf("body %d: got %.40q / %q", i, got.HTML, got.Text)
			}
			if got := rs[i].text(); got != docs[i].Text {
				t.Errorf("text %d: got %q, want %q", i, got, docs[i].Text)
			}
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
}
