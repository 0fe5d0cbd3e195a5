package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"
)

// Column widths, in Excel's units of about one Latin character.
const (
	minWidth = 6
	maxWidth = 48
)

// Workbook writes the tables as the sheets of an .xlsx workbook: a bold
// header row that stays in view with the first column, a filter on the
// header, columns as wide as their text (a Chinese character counts two),
// dates as Excel dates. asOf, the site's newest date, is the workbook's
// creation date, so the same site gives the same bytes.
func Workbook(tables []Table, title string, asOf time.Time) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F6E7E4"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	dateFmt := "yyyy-mm-dd"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.Name)
		} else {
			_, err = f.NewSheet(t.Name)
		}
		if err == nil {
			err = writeSheet(f, t, header, date)
		}
		if err != nil {
			return nil, fmt.Errorf("export sheet %q: %w", t.Name, err)
		}
	}
	f.SetActiveSheet(0)
	stamp := asOf.UTC().Format("2006-01-02T15:04:05Z")
	if asOf.IsZero() {
		stamp = "2000-01-01T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "showcase", LastModifiedBy: "showcase", Created: stamp, Modified: stamp, Language: "zh-CN"}); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return canonicalZip(buf.Bytes())
}

// writeSheet writes one table into its sheet.
func writeSheet(f *excelize.File, t Table, header, date int) error {
	widths := make([]int, len(t.Header))
	row := make([]any, len(t.Header))
	for i, h := range t.Header {
		row[i] = h
		widths[i] = uniseg.StringWidth(h)
	}
	if err := f.SetSheetRow(t.Name, "A1", &row); err != nil {
		return err
	}
	for r, cells := range t.Rows {
		for c, v := range cells {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			switch v := v.(type) {
			case nil:
				continue
			case time.Time:
				if v.IsZero() {
					continue
				}
				if err := f.SetCellValue(t.Name, cell, v); err != nil {
					return err
				}
				if err := f.SetCellStyle(t.Name, cell, cell, date); err != nil {
					return err
				}
				widths[c] = max(widths[c], 10)
			default:
				if err := f.SetCellValue(t.Name, cell, v); err != nil {
					return err
				}
				widths[c] = max(widths[c], lineWidth(text(v)))
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Header), 1)
	if err := f.SetCellStyle(t.Name, "A1", last, header); err != nil {
		return err
	}
	for c, w := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(t.Name, col, col, float64(min(max(w+2, minWidth), maxWidth))); err != nil {
			return err
		}
	}
	corner, _ := excelize.CoordinatesToCellName(t.Frozen+1, 2)
	if err := f.SetPanes(t.Name, &excelize.Panes{Freeze: true, XSplit: t.Frozen, YSplit: 1, TopLeftCell: corner, ActivePane: "bottomRight"}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
	return f.AutoFilter(t.Name, "A1:"+end, nil)
}

// lineWidth is the display width of the widest line of s.
func lineWidth(s string) int {
	w := 0
	for line := range strings.Lines(s) {
		w = max(w, uniseg.StringWidth(strings.TrimSuffix(line, "\n")))
	}
	return w
}

// canonicalZip rewrites a workbook's zip with its parts in a fixed order
// ([Content_Types].xml first, then by name) and one fixed time, whatever order
// the library wrote them in, so the same sheets give the same bytes.
func canonicalZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range files {
		// 1 January 1980, the first day a zip's MS-DOS date can hold.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		r, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		_, err = io.Copy(w, r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return out.Bytes(), nil
}
