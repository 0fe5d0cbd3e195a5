package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"showcase/internal/diag"
)

// reportSlips reports each slip at its character, naming it and what to
// type instead. A slip that is half of a pair is reported with the first.
func reportSlips(file string, slips []Slip, diags *diag.List) {
	for i, s := range slips {
		if s.Part {
			continue
		}
		pos := diag.Position{File: file, Line: s.Line, Col: s.Col}
		msg, hint := slipText(s, slips[i+1:])
		if s.Fix {
			hint = diag.T("运行 showcase check --fix 可以自动改正", "run \"showcase check --fix\" to correct it")
		}
		if s.Warning {
			diags.Warnf(pos, "content/slip-"+string(s.Kind), msg, hint)
		} else {
			diags.Errorf(pos, "content/slip-"+string(s.Kind), msg, hint)
		}
	}
}

// blankName names an invisible character in both languages.
func blankName(r rune) (zh, en string) {
	switch r {
	case '\u3000':
		return "全角空格（U+3000）", "ideographic space (U+3000)"
	case '\u00a0':
		return "不换行空格（U+00A0）", "no-break space (U+00A0)"
	}
	return fmt.Sprintf("字符 U+%04X", r), fmt.Sprintf("character U+%04X", r)
}

// dashName names a dash in both languages.
func dashName(r rune) (zh, en string) {
	switch r {
	case '－':
		return "全角减号", "full-width hyphen"
	case '—', '―':
		return "破折号", "em dash"
	case '–':
		return "连接号", "en dash"
	}
	return "横线", "dash"
}

// slipText says what a slip is and how to correct it; rest holds the slips
// after it, where the second half of a pair is.
func slipText(s Slip, rest []Slip) (msg, hint diag.Text) {
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s.From, " "))
	n := utf8.RuneCountInString(s.From)
	switch s.Kind {
	case SlipColon:
		msg = diag.T("把全角冒号“：”改成半角冒号“:”", "replace the full-width colon \"：\" with an ASCII colon \":\"")
		if s.To == ": " {
			msg.ZH += "，冒号后加一个空格"
			msg.EN += " followed by a space"
		}
	case SlipSpace:
		zh, en := blankName(first)
		msg = texts(fmt.Sprintf("把这%d个%s改成半角空格", n, zh), fmt.Sprintf("replace these %d characters (%s) with ASCII spaces", n, en))
		if n == 1 {
			msg = texts("把"+zh+"改成半角空格", "replace the "+en+" with an ASCII space")
		}
	case SlipIndent:
		zh, en := blankName(first)
		msg = texts(fmt.Sprintf("缩进里有%s：把这段缩进改成%d个半角空格", zh, len(s.To)), fmt.Sprintf("the indentation holds an %s: indent with %d ASCII spaces", en, len(s.To)))
		if !s.Fix {
			msg = texts("缩进里有"+zh+"，缩进只能用半角空格", "the indentation holds an "+en+"; indent with ASCII spaces only")
			hint = diag.T("改用半角空格缩进，与同一层的字段对齐", "indent with ASCII spaces, lined up with the fields at the same level")
		}
	case SlipBOM:
		msg = diag.T("删除这里看不见的字节顺序标记（BOM，U+FEFF）", "delete the invisible byte order mark (BOM, U+FEFF) here")
	case SlipMarker:
		msg = diag.T("把全角减号“－”改成半角减号“-”", "replace the full-width hyphen \"－\" with an ASCII hyphen \"-\"")
	case SlipDigit:
		msg = diag.T("把全角数字“%s”改成半角数字“%s”", "replace the full-width digits %q with ASCII digits %q", s.From, s.To)
	case SlipDash:
		zh, en := dashName(first)
		msg = texts("把日期里的"+zh+"“"+s.From+"”改成半角减号“-”", fmt.Sprintf("replace the %s %q in the date with an ASCII hyphen \"-\"", en, s.From))
	case SlipComma:
		msg = diag.T("把中文逗号“，”改成半角逗号“,”，列表才会分成几项", "replace the Chinese comma \"，\" with an ASCII comma \",\" to separate the items")
		if s.Warning {
			msg = diag.T("方括号列表里的中文逗号“，”不分隔列表项", "a Chinese comma \"，\" does not separate the items of a [ ] list")
			hint = diag.T("要分成几项，就把“，”改成半角逗号“,”；是一项里的标点，就把这一项用半角引号括起来", "to separate items, type an ASCII comma \",\"; if the comma belongs to the item, put the item in ASCII quotes")
		}
	case SlipBracket:
		closing := pairOf(rest)
		msg = diag.T("把全角括号“%s%s”改成半角括号“%s%s”", "replace the full-width brackets \"%s%s\" with ASCII brackets \"%s%s\"", s.From, closing.From, s.To, closing.To)
	case SlipQuote:
		closing := pairOf(rest)
		msg = diag.T("值两头是弯引号 %s…%s，里面又有“: ”，这一行读不出来", "the value is in curly quotes %s…%s and holds \": \", so the line cannot be read", s.From, closing.From)
		hint = diag.T("把两头的弯引号改成半角引号 %s（引号不显示）；要显示弯引号，就在外面再加一对半角单引号", "replace the curly quotes with ASCII quotes %s (not shown); to show the curly quotes, put the whole value in ASCII single quotes", s.To+"…"+s.To)
	}
	return msg, hint
}

// pairOf returns the second half of the pair whose first half comes
// just before rest.
func pairOf(rest []Slip) Slip {
	for _, s := range rest {
		if s.Part {
			return s
		}
	}
	return Slip{}
}

// texts pairs a Chinese and an English message made by the caller.
func texts(zh, en string) diag.Text { return diag.Text{ZH: zh, EN: en} }
