package diag_test

import (
	"bytes"
	"strings"
	"testing"

	"showcase/internal/diag"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"红色账本", "红色账本"},
		{"a\nb", `a\nb`},
		{"a\r\nb\tc", `a\r\nb\tc`},
		{"\x1b[31m红\x1b[0m", `\u001b[31m红\u001b[0m`},
		{"a\x00b\x7f\u0085", `a\u0000b\u007f\u0085`},
		{"红色\u202e本账", `红色\u202e本账`},
		{"a\u2028b\u2029", `a\u2028b\u2029`},
		{"\u2066x\u2069\u200f", `\u2066x\u2069\u200f`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"零\u200b宽", "零\u200b宽"}, // no effect on a terminal; the length rule names it
	}
	for _, tt := range tests {
		if got := diag.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostile are findings whose every text field an attacker chose.
func hostile() diag.List {
	var l diag.List
	forged := "红色账本\n::error file=content/other/x/index.md,line=3::FAKE"
	l.Errorf(diag.Position{File: "content/a/b/index.md", Line: 2, Col: 7}, "schema/name-length",
		diag.T("名称 %s 太长", "name %s is too long", forged), diag.T("删去 %s", "remove %s", forged))
	l.Errorf(diag.Position{File: "content/a\n::warning::x/b/index.md", Line: 1}, "content/x",
		diag.T("\x1b]0;title\x07\x1b[2J", "\x1b]0;title\x07\x1b[2J"), diag.Text{})
	l.Errorf(diag.Position{File: "::error::x"}, "r\r::error::y", diag.T("\r\n  ::set-output name=x::1", "\r\n  ::set-output name=x::1"), diag.T("\u2028::a", "\u2028::a"))
	return l
}

// TestHostileFindings checks that, whatever a finding holds, the text and
// GitHub formats print it on its own lines only, with no control
// character, and that no line can be read as a workflow command except the
// GitHub format's own, one per finding.
func TestHostileFindings(t *testing.T) {
	for _, format := range []string{"text", "github"} {
		for _, lang := range []string{"zh", "en"} {
			var b bytes.Buffer
			write := diag.WriteText
			if format == "github" {
				write = diag.WriteGitHub
			}
			if err := write(&b, hostile(), lang); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			want := 3 + 2 // three findings, two with hints
			if format == "github" {
				want = 3
			}
			if len(lines) != want {
				t.Errorf("%s/%s: %d lines, want %d:\n%s", format, lang, len(lines), want, out)
			}
			for _, line := range lines {
				for _, r := range line {
					if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0x202e {
						t.Errorf("%s/%s: control character %U in %q", format, lang, r, line)
					}
				}
				command := strings.HasPrefix(strings.TrimLeft(line, " \t"), "::")
				own := strings.HasPrefix(line, "::error file=") || strings.HasPrefix(line, "::warning file=")
				if command && !(format == "github" && own) {
					t.Errorf("%s/%s: line reads as a workflow command: %q", format, lang, line)
				}
			}
		}
	}
}

// FuzzWriteText prints a finding whose path, message and hint are
// arbitrary and checks that the text and GitHub formats give it exactly
// its lines, none holding a control character, none readable as a
// workflow command but the GitHub format's own.
func FuzzWriteText(f *testing.F) {
	f.Add("content/a/b/index.md", "红色账本\n::error file=x::FAKE", "\x1b[2J")
	f.Add("content/a\n::warning::x", "\u202e", "\r\n  ::set-output name=x::1")
	f.Add("::x", "%0A::error::y", "\u2028::z\xff")
	f.Fuzz(func(t *testing.T, file, msg, hint string) {
		var l diag.List
		l.Errorf(diag.Position{File: file, Line: 3, Col: 1}, "schema/x", diag.Text{ZH: msg, EN: msg}, diag.Text{ZH: hint, EN: hint})
		for _, format := range []string{"text", "github"} {
			var b bytes.Buffer
			write := diag.WriteText
			want := 1
			if hint != "" {
				want = 2
			}
			if format == "github" {
				write, want = diag.WriteGitHub, 1
			}
			if err := write(&b, l, "zh"); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			if len(lines) != want {
				t.Fatalf("%s: %d lines, want %d: %q", format, len(lines), want, b.String())
			}
			for i, line := range lines {
				for _, r := range line {
					if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
						t.Fatalf("%s: control character %U in %q", format, r, line)
					}
				}
				command := strings.HasPrefix(strings.TrimLeft(line, " \t"), "::")
				if command && (format == "text" || i > 0) {
					t.Fatalf("%s: line reads as a workflow command: %q", format, line)
				}
			}
		}
	})
}
