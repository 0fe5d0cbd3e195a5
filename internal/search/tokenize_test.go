package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"红色账本", []string{"红", "色", "红色", "账", "色账", "本", "账本"}},
		// Punctuation separates: no bigram 建服 across the comma.
		{"党建，服务", []string{"党", "建", "党建", "服", "务", "服务"}},
		// Latin words are lower-cased, and break a run of characters.
		{"5G党建APP", []string{"5g", "党", "建", "党建", "app"}},
		{"Hello, World", []string{"hello", "world"}},
		// Full-width letters and digits fold to half-width.
		{"ＡＢＣ１２３", []string{"abc123"}},
		{"“账本夜校”开讲", []string{"账", "本", "账本", "夜", "本夜", "校", "夜校", "开", "讲", "开讲"}},
		{"", nil},
		{"，。！", nil},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCommonHan(t *testing.T) {
	// The shortcut must agree with the Unicode tables it skips.
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) || unicode.ToLower(r) != r {
			t.Fatalf("%U is in the shortcut but not a caseless Chinese character", r)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[rune]rune{
		'A': 'a', 'z': 'z', 'Ｚ': 'z', 'ｚ': 'z', '５': '5', '，': ',', '！': '!', '、': '、',
		'\u3000': ' ', '账': '账', 'É': 'é', '𠀀': '𠀀',
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	// Folding must keep every string's length in UTF-16 units, which the
	// browser relies on to highlight matches at the offsets it found.
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if f := Fold(r); f > 0xFFFF || f >= 0xD800 && f <= 0xDFFF {
			t.Fatalf("Fold(%U) = %U leaves the Basic Multilingual Plane", r, f)
		}
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"  账本  夜校 ", []string{"账本", "夜校"}},
		{"“红色账本”", []string{"红色账本"}},
		{"ＨＳＺＢ", []string{"hszb"}},
		{"一笔一核、一月一晒", []string{"一笔一核、一月一晒"}},
		{"账本\u3000驿站", []string{"账本", "驿站"}},
		{"，", nil},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlanTerm(t *testing.T) {
	tests := []struct {
		term   string
		tokens []string
		prefix string
		exact  bool
	}{
		{"账", []string{"账"}, "", true},
		{"账本", []string{"账本"}, "", true},
		{"红色账", []string{"红色", "色账"}, "", false},
		{"红色账本", []string{"红色", "账本"}, "", false},
		{"蓝色连心桥", []string{"蓝色", "连心", "心桥"}, "", false},
		{"hszb", nil, "hszb", true},
		{"5g党建", []string{"党建", "5g"}, "", false},
		{"党建app", []string{"党建"}, "app", false},
	}
	for _, tt := range tests {
		p := planTerm(tt.term)
		if !reflect.DeepEqual(p.tokens, tt.tokens) || p.prefix != tt.prefix || p.exact != tt.exact {
			t.Errorf("planTerm(%q) = %q prefix %q exact %v, want %q prefix %q exact %v",
				tt.term, p.tokens, p.prefix, p.exact, tt.tokens, tt.prefix, tt.exact)
		}
	}
}

func TestPinyin(t *testing.T) {
	got := Pinyin("红色账本")
	var first []string
	for _, s := range got {
		first = append(first, s[0])
	}
	if want := []string{"hong", "se", "zhang", "ben"}; !reflect.DeepEqual(first, want) {
		t.Errorf("Pinyin(红色账本) first readings = %q, want %q", first, want)
	}
	// A run of letters is one syllable; punctuation is skipped.
	if got := joinPinyin(Pinyin("5G·先锋")); !strings.HasPrefix(got, "5g xian ") {
		t.Errorf("Pinyin(5G·先锋) = %q, want it to start with %q", got, "5g xian ")
	}
}

func TestMatchPinyin(t *testing.T) {
	tests := []struct {
		name, q string
		want    int
	}{
		{"红色账本", "hszb", 0},
		{"红色账本", "hongse", 0},
		{"红色账本", "hongsezhangben", 0},
		{"红色账本", "hszhangben", 0},
		{"红色账本", "hongsezhang", 0},
		{"红色账本", "hongsezh", 0},
		{"红色账本", "hszhb", 0}, // zh written in full as an initial
		{"红色账本", "zb", 2},
		{"红色账本", "zhangben", 2},
		{"红色账本", "h", 0},
		{"红色账本", "hszbx", -1},
		{"红色账本", "hsb", -1},
		{"红色账本", "ongse", -1},
		{"红色账本", "", -1},
		{"长宁县", "cnx", 0}, // 长 is zhang first, chang too
		{"长宁县", "zhangning", 0},
		{"绿波", "lvbo", 0},
		{"绿波", "lubo", 0},
		{"5G先锋", "5gxf", 0},
		{"5G先锋", "5xf", 0},
	}
	for _, tt := range tests {
		if got := MatchPinyin(Pinyin(tt.name), tt.q); got != tt.want {
			t.Errorf("MatchPinyin(%s, %q) = %d, want %d", tt.name, tt.q, got, tt.want)
		}
	}
}

func TestPostingsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		var p postings
		for tier := range p {
			d := -1
			for range r.IntN(20) {
				d += 1 + r.IntN([]int{1, 40, 5000, 1 << 20}[r.IntN(4)])
				p[tier] = append(p[tier], d)
			}
		}
		s := string(p.encode(nil))
		got, err := decodePostings(s)
		if err != nil {
			t.Fatalf("decode %q: %v", s, err)
		}
		if !reflect.DeepEqual(*got, p) {
			t.Fatalf("decode(encode(%v)) = %v via %q", p, *got, s)
		}
		if strings.ContainsAny(s, `"\`+"\n") {
			t.Fatalf("encoded postings %q need escaping", s)
		}
	}
	// Trailing empty tiers are left out; leading ones are kept.
	p := postings{nil, {0, 1}, nil, nil}
	if got := string(p.encode(nil)); got != ".00" {
		t.Errorf("encode(%v) = %q, want %q", p, got, ".00")
	}
	if _, err := decodePostings("0.0.0.0.0"); err == nil {
		t.Error("decodePostings accepted five tiers")
	}
	if _, err := decodePostings("0w"); err == nil {
		t.Error("decodePostings accepted an unfinished number")
	}
}
