package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText prints findings the way compilers do, one per line as
// path:line:col: severity: message [rule], with an indented hint below.
// Everything a finding holds passes through Escape, so each finding takes
// exactly its lines and none of them starts with "::".
func WriteText(w io.Writer, l List, lang string) error {
	for _, d := range l {
		line := fmt.Sprintf("%s: %s: %s [%s]", Escape(d.Pos.String()), d.Severity, Escape(d.Message.In(lang)), Escape(d.Rule))
		if _, err := fmt.Fprintln(w, safeLine(line)); err != nil {
			return err
		}
		if hint := d.Hint.In(lang); hint != "" {
			label := "提示"
			if lang == "en" {
				label = "hint"
			}
			if _, err := fmt.Fprintf(w, "    %s: %s\n", label, Escape(hint)); err != nil {
				return err
			}
		}
	}
	return nil
}

// WriteGitHub prints findings as GitHub Actions workflow commands, so they
// show as annotations on the pull request's lines. Text from a finding
// passes through Escape before the runner's own escaping, so a line break
// in a name shows as \n and never ends the command.
func WriteGitHub(w io.Writer, l List, lang string) error {
	for _, d := range l {
		cmd := "error"
		if d.Severity == Warning {
			cmd = "warning"
		}
		props := []string{"file=" + escapeProperty(Escape(d.Pos.File))}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		}
		if d.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
		}
		props = append(props, "title="+escapeProperty(Escape(d.Rule)))
		msg := Escape(d.Message.In(lang))
		if hint := d.Hint.In(lang); hint != "" {
			msg += "\n" + Escape(hint)
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes a workflow command's message as the runner requires.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value; properties
// also reserve ':' and ','.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jsonFinding is the stable JSON shape of a finding.
type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// WriteJSON prints findings as a JSON array (an empty array when there are
// none), one object per finding with the same fields in the same order
// every time; line and column are 0 when unknown, hint "" when there is
// none.
func WriteJSON(w io.Writer, l List, lang string) error {
	out := make([]jsonFinding, 0, len(l))
	for _, d := range l {
		out = append(out, jsonFinding{
			File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Col,
			Severity: d.Severity.String(), Rule: d.Rule,
			Message: d.Message.In(lang), Hint: d.Hint.In(lang),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
