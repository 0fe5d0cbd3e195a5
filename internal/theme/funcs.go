package theme

import (
	"fmt"
	"html/template"
	"time"
	"unicode/utf8"
)

// Funcs returns the functions every template can call.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"date":    formatDate,
		"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
		"chars":   utf8.RuneCountInString,
		"add":     func(a, b int) int { return a + b },
		"list":    func(items ...any) []any { return items },
	}
}

// formatDate writes a date the Chinese way, 2020年6月30日; a zero date is
// empty.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
