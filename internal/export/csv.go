package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"time"
)

// bom is the UTF-8 byte order mark, by which Excel on Windows knows a CSV
// is UTF-8 rather than the system's code page (GBK).
const bom = "\ufeff"

// CSV writes a table as CSV: UTF-8 with a byte order mark, CRLF line
// ends as Excel writes them, dates as 2006-01-02.
func CSV(t Table) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(t.Header); err != nil {
		return nil, fmt.Errorf("write csv: %w", err)
	}
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, c := range row {
			rec[i] = text(c)
		}
		if err := w.Write(rec); err != nil {
			return nil, fmt.Errorf("write csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("write csv: %w", err)
	}
	return buf.Bytes(), nil
}

// text is a cell as text: a date as 2006-01-02, nothing as "".
func text(c any) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case time.Time:
		if v.IsZero() {
			return ""
		}
		return v.Format("2006-01-02")
	}
	return fmt.Sprint(c)
}
