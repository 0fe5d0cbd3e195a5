package fields

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// slowYAML is the YAML parser's tree for raw, lines shifted by offset, as
// ParseYAML had it before the fast path.
func slowYAML(raw []byte, offset int) (*yaml.Node, error) {
	n, err := loadOne(raw)
	if err == nil && n != nil {
		shiftLines(n, offset, map[*yaml.Node]bool{})
	}
	return n, err
}

var fastSeeds = []string{
	"name: 红色账本\nstage: improve\n",
	"members: 22\ndraft: false\ndeclared: 2020-06-29\nweight: -3\nratio: 1.5\nnone: ~\nnull: null\n",
	"ideas:\n  learning: 学思用贯通\n  conduct: 遇到困难冲在前\n",
	"carriers:\n  - name: 党员责任区\n    description: 依托线上平台\n  - name: 红色书屋\n    description: 结合便民服务\n",
	"carriers:\n- name: a\n  description: b\n- c\nnext: d\n",
	"tags: [青年先锋, 乡村振兴]\nphotos: [\"photos/1.jpg\", 'photos/2.jpg']\npartners: []\n",
	"timeline:\n  - {date: 2020-06-11, event: 召开支部委员会，研究确定品牌创建方案}\n  - { date: 2020-06-29 , event: \"提交\" }\n",
	"goals:\n  - year: 2021\n    items:\n      - 每名党员至少结对联系6户群众\n      - 总结形成\n",
	"a: b\n  c\n",
	"a: b: c\n",
	"a:\nb: c\n",
	"a: [b,\n  c]\n",
	"a: \"b\\\"c\"\n",
	"a: 'it''s'\n",
	"a: b # c\n",
	"a: &x b\nc: *x\n",
	"  a: b\n  c: d\n",
	"a: b\n c: d\n",
	"- a\n- b\n",
	"a: 0x1F\nb: 0o17\nc: 1_000\nd: 1e3\ne: .5\nf: +1\ng: 2020-1-2\nh: 2020-01-02 10:00:00\ni: 12345678901234567890\n",
	"a: yes\nb: No\nc: <<\nd: True\ne: y\n",
	"a: http://example.com/x\nb: x:y\n",
	"a: [a: b]\n",
	"a: {b: c, d}\n",
	"a: [b, c,]\n",
	"a:  b  \n\n\nc:    [ d ,  e ]  \n",
	"a:\n  - b\n  -\n    c\n",
	"? a\n: b\n",
	"a: |\n  b\n",
	"a: >-\n  b\n",
	"a: !!str 1\n",
	"...\n",
	"---\na: b\n",
	"a: b\n---\nc: d\n",
	"a:\n  b:\n    c:\n      - d: e\n        f: [g]\n",
	"\"a\": b\n",
	"a : b\n",
	"a: b\na: c\n",
	"a: -b\nc: [-d]\n",
	"a: b,c\nd: [e]f\n",
	"a: \u3000b\u3000\n",
	"name: 红色账本\r\nideas:\r\n  work: 抓党建\r\ntags: [a, \"b\"]\r\ncarriers:\r\n  - name: c\r\n    description: d\r\n",
	"a: b\r\n\r\n  \r\nc: 'd'\r\n",
	"a: b\r\r\nc: d\n",
	"a: b\rc\r\n",
	"a: b\r",
}

func TestFastYAMLSeeds(t *testing.T) {
	for _, s := range fastSeeds {
		checkFast(t, []byte(s), 0)
		checkFast(t, []byte(s), 7)
	}
}

// TestFastYAMLTakes checks that the fast path takes what it is for, the
// shapes of a brand's front matter, line ends of Windows editors too:
// were it to leave them to the parser, nothing would fail but loading
// would be slower.
func TestFastYAMLTakes(t *testing.T) {
	for _, s := range []string{
		fastSeeds[0], fastSeeds[1], fastSeeds[3], fastSeeds[5], fastSeeds[6], fastSeeds[7],
		"name: 红色账本\r\nideas:\r\n  work: 抓党建\r\ntags: [a, \"b\"]\r\ncarriers:\r\n  - name: c\r\n    description: d\r\n",
		"a: b\r\n\r\n  \r\nc: 'd'\r\n",
	} {
		if _, ok := fastYAML([]byte(s), 0); !ok {
			t.Errorf("the fast path leaves %q to the YAML parser", s)
		}
	}
}

// FuzzFastYAML checks that whatever the fast path takes, the YAML parser
// reads into the same tree, positions, tags and styles included.
func FuzzFastYAML(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkFast(t, raw, 0) })
}

func checkFast(t *testing.T, raw []byte, offset int) {
	t.Helper()
	got, ok := fastYAML(raw, offset)
	if !ok {
		return
	}
	want, err := slowYAML(raw, offset)
	if err != nil {
		t.Fatalf("fast path took %q, which the YAML parser refuses: %v", raw, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast path on %q:\n%s\nYAML parser:\n%s", raw, dumpNode(got), dumpNode(want))
	}
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil {
			b.WriteString("nil\n")
			return
		}
		fmt.Fprintf(&b, "%skind=%d tag=%s style=%d value=%q @%d:%d anchor=%q comments=%q/%q/%q content-nil=%v\n",
			strings.Repeat("  ", depth), n.Kind, n.Tag, n.Style, n.Value, n.Line, n.Column, n.Anchor,
			n.HeadComment, n.LineComment, n.FootComment, n.Content == nil)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// TestFastYAMLTakesSampleSite checks that the fast path takes the front
// matter of every file of the sample site but those with comments: were
// it to leave them to the parser, nothing would fail but every build
// would be slower.
func TestFastYAMLTakesSampleSite(t *testing.T) {
	files, err := filepath.Glob("../../content/*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	brands, err := filepath.Glob("../../content/*/*/index.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, brands...)
	if len(files) < 10 {
		t.Fatalf("found %d content files of the sample site", len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		parts := bytes.SplitN(data, []byte("---\n"), 3)
		if len(parts) != 3 {
			t.Fatalf("%s: no front matter", name)
		}
		if bytes.IndexByte(parts[1], '#') >= 0 {
			continue // comments are left to the parser
		}
		if _, ok := fastYAML(parts[1], 1); !ok {
			t.Errorf("%s: the fast path leaves the front matter to the YAML parser", name)
		}
		checkFast(t, parts[1], 1)
	}
}
