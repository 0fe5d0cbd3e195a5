package content

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzSlipsBody checks that FindSlips, which looks for byte order marks in
// the body without decoding it a character at a time, finds what a scan
// of every line does.
func FuzzSlipsBody(f *testing.F) {
	for _, glob := range []string{"testdata/slips/*.txtar", "../../content/*/*/index.md"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		"---\nname: 账本\n---\n正文\ufeff第二\ufeff\n\n\ufeff三\r\n",
		"正文在前\ufeff\n---\n\ufeffname: x\n",
		"---\nname: x\n---\n\xef\xef\xbb\xbf\xbb\n\xe8\ufeff\n",
		"+++\nname = 'x'\n+++\n\ufeff\n",
		"\n\n\ufeff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, slow := findSlips(data, true), findSlips(data, false)
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("FindSlips(%q):\n got %+v\nwant %+v", data, fast, slow)
		}
	})
}

// BenchmarkFindSlips scans the sample's brand files, or those
// SHOWCASE_SLIPS_GLOB matches, looking for byte order marks in the body
// the fast way and a line at a time.
func BenchmarkFindSlips(b *testing.B) {
	glob := os.Getenv("SHOWCASE_SLIPS_GLOB")
	if glob == "" {
		glob = "../../content/*/*/index.md"
	}
	files, _ := filepath.Glob(glob)
	var all [][]byte
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data)
	}
	for _, fast := range []bool{true, false} {
		b.Run(map[bool]string{true: "fast", false: "lines"}[fast], func(b *testing.B) {
			for b.Loop() {
				for _, data := range all {
					findSlips(data, fast)
				}
			}
		})
	}
}
