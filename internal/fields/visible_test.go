package fields

import (
	"fmt"
	"slices"
	"testing"
)

func TestLen(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"红色账本", 4},
		{"红色账\u200b", 3},
		{"红色\ufe0f\ufe0f", 2},
		{"红色账\u3000", 3},
		{"红\u3000色\u3000账", 3},
		{"👨\u200d👩\u200d👧\u200d👦", 1},
		{"红色\u202e本账", 4},
		{"cafe\u0301", 4},
		{"红色\n账本", 4},
		{"\x1b[31m红", 5}, // ESC shows nothing; "[31m" does
		{"🇨🇳党建", 3},
	}
	for _, tt := range tests {
		if got := Len(tt.s); got != tt.want {
			t.Errorf("Len(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestFindInvisible(t *testing.T) {
	tests := []struct {
		s     string
		lines bool
		want  []string // "index:U+XXXX"
	}{
		{"红色账本", false, nil},
		{"红色账\u200b", false, []string{"3:U+200B"}},
		{"红色\ufe0f\ufe0f", false, []string{"2:U+FE0F", "3:U+FE0F"}},
		{"❤\ufe0f好", false, nil},
		{"葛\U000e0100", false, nil},
		{"\U000e0100葛", false, []string{"0:U+E0100"}},
		{"👨\u200d👩", false, nil},
		{"红\u200d色", false, []string{"1:U+200D"}},
		{"👁\ufe0f\u200d🗨\ufe0f", false, nil},
		{"红\u202e色", false, []string{"1:U+202E"}},
		{"a\nb", false, []string{"1:U+000A"}},
		{"a\nb", true, nil},
		{"红色账本\n", false, nil},
		{"a\u2028b", true, []string{"1:U+2028"}},
		{"a\tb\x00", true, []string{"1:U+0009", "3:U+0000"}},
		{"a\u00adb\u2060c\ufeff", false, []string{"1:U+00AD", "3:U+2060", "5:U+FEFF"}},
		{"\u3164", false, []string{"0:U+3164"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range FindInvisible(tt.s, tt.lines) {
			got = append(got, fmt.Sprintf("%d:%s", c.Index, c.CodePoint()))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindInvisible(%q, %v) = %q, want %q", tt.s, tt.lines, got, tt.want)
		}
	}
}
