package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

// splitAdrg is how split worked before: adrg/frontmatter with formats that
// capture the raw bytes. FuzzSplit holds split to it.
func splitAdrg(data []byte) (raw, body []byte, found bool) {
	capture := func(b []byte, _ any) error {
		raw = append([]byte(nil), b...)
		found = true
		return nil
	}
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture),
		frontmatter.NewFormat("+++", "+++", capture),
	}
	rest, err := frontmatter.Parse(bytes.NewReader(data), nil, formats...)
	if err != nil || !found {
		return nil, nil, false
	}
	return raw, rest, true
}

var splitSeeds = []string{
	"---\nname: a\n---\nbody\n",
	"---\nname: a\n---",
	"---\nname: a\n---\n",
	"---\n---\n",
	"---",
	"---\n",
	"\n\n  ---  \nname: a\n ---\t\nbody",
	"+++\nname = 'a'\n+++\nbody\n",
	"+++\nname: a\n---\nbody\n+++\nmore",
	"---\nname: a\n+++\n---\n",
	"---\r\nname: a\r\n---\r\nbody\r\n",
	"name: a\n---\n",
	"---\nname: a\nbody\n",
	"\n\n",
	"",
	"\u00a0---\u00a0\nname: a\n\u0085---\nb",
	"--- \n a \n---x\n---\n\n",
}

func TestSplitSeeds(t *testing.T) {
	for _, s := range splitSeeds {
		checkSplit(t, []byte(s))
	}
}

// FuzzSplit checks that split finds the front matter and the body where
// adrg/frontmatter did.
func FuzzSplit(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkSplit(t, data) })
}

func checkSplit(t *testing.T, data []byte) {
	t.Helper()
	raw, body, found := split(data)
	wantRaw, wantBody, wantFound := splitAdrg(data)
	if found != wantFound || !bytes.Equal(raw, wantRaw) || !bytes.Equal(body, wantBody) {
		t.Errorf("split(%q) = %q, %q, %v; adrg/frontmatter: %q, %q, %v", data, raw, body, found, wantRaw, wantBody, wantFound)
	}
}

// TestTrimmedIs checks the slip scanner's test for a closing delimiter
// against trimming the line's text.
func TestTrimmedIs(t *testing.T) {
	for _, line := range []string{"---", " --- ", "\u3000---\u00a0", "---x", "-- -", "--", "----", "", "  ", "\u0085---\t", "+++", "－－－"} {
		var cs []char
		for _, r := range line {
			cs = append(cs, char{r: r})
		}
		for _, delim := range []string{"---", "+++"} {
			if got, want := trimmedIs(cs, delim), strings.TrimSpace(line) == delim; got != want {
				t.Errorf("trimmedIs(%q, %q) = %v, want %v", line, delim, got, want)
			}
		}
	}
}
