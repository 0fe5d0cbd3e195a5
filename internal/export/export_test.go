package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/export"
	"showcase/internal/progress"
	"showcase/internal/site"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"
)

// loadSite loads and checks the site in dir.
func loadSite(t *testing.T, dir string) *site.Site {
	t.Helper()
	s, diags, err := build.Load(context.Background(), os.DirFS(dir), build.LoadOptions{}, nil)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load %s: %v %v", dir, err, diags)
	}
	return s
}

// workbook exports site s as a workbook and opens it again.
func workbook(t *testing.T, s *site.Site) ([]byte, *excelize.File) {
	t.Helper()
	p := progress.Of(s)
	data, err := export.Workbook(export.Tables(s, p), s.Config.Title, p.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return data, f
}

// column returns the index of the header named name.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	i := slices.Index(header, name)
	if i < 0 {
		t.Fatalf("no column %q in %q", name, header)
	}
	return i
}

// TestWorkbook exports the sample and reads it back: three sheets, a
// header row and every brand, names as the site shows them beside their
// ids, the latest review, dates as dates, frozen panes and columns wide
// enough for their Chinese text; and the same bytes a second time.
func TestWorkbook(t *testing.T) {
	s := loadSite(t, "../..")
	data, f := workbook(t, s)
	again, _ := workbook(t, s)
	if !bytes.Equal(data, again) {
		t.Error("two exports of the same site differ")
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"品牌", "覆盖情况", "命名文件"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("品牌")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(s.Brands)+1 {
		t.Fatalf("%d rows for %d brands", len(rows), len(s.Brands))
	}
	h := rows[0]
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		r = append(r, make([]string, len(h)-len(r))...)
		byID[r[column(t, h, "品牌id")]] = r
	}
	cell := func(id, col string) string { return byID[id][column(t, h, col)] }
	for _, c := range []struct{ id, col, want string }{
		{"power/qiangxiu", "品牌状态", "已摘牌"},
		{"power/qiangxiu", "状态id", "delisted"},
		{"power/qiangxiu", "摘牌原因", "年度复查验收不合格"},
		{"finance/ledger", "创建阶段", "品牌巩固阶段"},
		{"finance/ledger", "阶段id", "consolidate"},
		{"finance/ledger", "最新复查年度", "2021"},
		{"finance/ledger", "最新复查结果", "优秀"},
		{"finance/ledger", "单位", "示例市财政局"},
		{"finance/ledger", "申报日期", "2020-05-20"},
		{"finance/ledger", "结对组织", "中共示例市财政局国库支付中心支部委员会（示例市财政局）"},
	} {
		if got := cell(c.id, c.col); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.id, c.col, got, c.want)
		}
	}
	// A date is a number shown as a date, not text.
	declared := column(t, h, "申报日期")
	name, _ := excelize.CoordinatesToCellName(declared+1, 2)
	raw, _ := f.GetCellValue("品牌", name, excelize.Options{RawCellValue: true})
	if typ, _ := f.GetCellType("品牌", name); strings.Contains(raw, "-") || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("申报日期 is stored as %q (type %v), not as a date", raw, typ)
	}
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, %v: the header row is not frozen", sheet, panes, err)
		}
	}
	// The organization column fits the longest organization's name.
	org := column(t, h, "党组织")
	longest := 0
	for _, r := range rows[1:] {
		longest = max(longest, uniseg.StringWidth(r[org]))
	}
	col, _ := excelize.ColumnNumberToName(org + 1)
	if w, _ := f.GetColWidth("品牌", col); w < float64(longest) {
		t.Errorf("党组织 is %.0f wide for names %d wide", w, longest)
	}
	decisions, _ := f.GetRows("命名文件")
	entries := 0
	for _, d := range s.Decisions {
		entries += len(d.Entries)
	}
	if len(decisions) != entries+1 {
		t.Errorf("命名文件 has %d rows for %d entries", len(decisions)-1, entries)
	}
}

// TestCSV exports the sample's brands as CSV and reads it back: a byte
// order mark for Excel on Windows, and the workbook's first sheet cell for
// cell; and the same bytes a second time.
func TestCSV(t *testing.T) {
	s := loadSite(t, "../..")
	data, err := export.CSV(export.Brands(s))
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := export.CSV(export.Brands(s)); !bytes.Equal(data, again) {
		t.Error("two exports of the same site differ")
	}
	body, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf"))
	if !ok {
		t.Fatal("the CSV has no UTF-8 byte order mark")
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, f := workbook(t, s)
	rows, _ := f.GetRows("品牌")
	if len(records) != len(rows) {
		t.Fatalf("%d CSV records, %d rows", len(records), len(rows))
	}
	for i := range rows {
		want := append(rows[i], make([]string, len(records[0])-len(rows[i]))...)
		if !slices.Equal(records[i], want) {
			t.Errorf("record %d:\n csv  %q\n xlsx %q", i, records[i], want)
		}
	}
}
