// Package diag holds source positions and the findings reported against them.
//
// Positions travel as data from the parser to the output: nothing in showcase
// parses a line number back out of an error's text.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Position is a place in a source file. Line and Col are 1-based; Col counts
// characters, not bytes, so it matches what an editor shows. A zero Line means
// the finding is about the whole file.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats the position as path:line:col, leaving out unknown parts.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Severity says whether a finding stops a build.
type Severity int

const (
	// Error findings make check exit 1 and stop a build from publishing.
	Error Severity = iota
	// Warning findings are reported but never fail a run.
	Warning
)

// String returns the lower-case name used in text output.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Text is a message in the two languages showcase speaks: Chinese for branch
// authors by default, English on request.
type Text struct {
	ZH string
	EN string
}

// T formats a message in both languages with the same arguments.
func T(zh, en string, args ...any) Text {
	return Text{ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)}
}

// In returns the message in lang ("en" for English, anything else Chinese).
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Diagnostic is one finding: where, how bad, what rule, what is wrong and how
// to fix it.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Rule     string
	Message  Text
	Hint     Text
}

// Error makes a Diagnostic usable as an error, in English.
func (d Diagnostic) Error() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message.In("en"), d.Rule)
}

// List is a set of findings.
type List []Diagnostic

// Add appends a finding.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error finding.
func (l *List) Errorf(pos Position, rule string, msg, hint Text) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Rule: rule, Message: msg, Hint: hint})
}

// Warnf appends a warning finding.
func (l *List) Warnf(pos Position, rule string, msg, hint Text) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Rule: rule, Message: msg, Hint: hint})
}

// HasErrors reports whether any finding is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders findings by path, line, column and rule, so output is stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message.EN < b.Message.EN
	})
}

// Err returns nil when the list holds no error, and otherwise an error that
// summarises the errors and keeps the list.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}

// ListError is the error a failed check returns; the findings stay reachable
// with errors.As.
type ListError struct {
	List List
}

// Error summarises the findings in English.
func (e *ListError) Error() string {
	errs, _ := e.List.Count()
	var first string
	for _, d := range e.List {
		if d.Severity == Error {
			first = d.Error()
			break
		}
	}
	if errs == 1 {
		return first
	}
	return fmt.Sprintf("%d errors; first: %s", errs, strings.TrimSpace(first))
}
