package config_test

import (
	"slices"
	"strings"
	"testing"

	"showcase/internal/config"
)

// TestPrintConfig reads the plaque's words and the print section, and
// puts each finding at the value at fault.
func TestPrintConfig(t *testing.T) {
	for _, c := range []struct {
		name, add string
		want      []string
		w, h      float64
		title     string
	}{
		{"defaults", "", nil, 80, 200, config.DefaultFormTitle},
		{"centimetres", "print: {board: {width: 120cm, height: 90cm}, form: {title: 申报表}}", nil, 120, 90, "申报表"},
		{"other units", "print:\n  board: {width: 841mm, height: 1.189m}", nil, 84.1, 118.9, config.DefaultFormTitle},
		{"bare number", "print:\n  board: {width: 80, height: 180}", nil, 80, 180, config.DefaultFormTitle},
		{"not a length", "print:\n  board: {width: 宽, height: 180cm}", []string{"showcase.yaml:10:18 config/board-size"}, 80, 180, config.DefaultFormTitle},
		{"too small", "print:\n  board: {width: 80cm, height: 5cm}", []string{"showcase.yaml:10:32 config/board-size"}, 80, 200, config.DefaultFormTitle},
		{"too large", "print:\n  board: {width: 6m, height: 2m}", []string{"showcase.yaml:10:18 config/board-size"}, 80, 200, config.DefaultFormTitle},
		{"one side", "print:\n  board: {width: 80cm}", []string{"showcase.yaml:10:10 schema/required"}, 80, 200, config.DefaultFormTitle},
		{"unknown key", "print:\n  boards: {width: 80cm}", []string{"showcase.yaml:10:3 schema/unknown-key"}, 80, 200, config.DefaultFormTitle},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, diags := config.Parse([]byte(good + c.add))
			if got := findings(diags); !slices.Equal(got, c.want) {
				t.Errorf("findings %q, want %q", got, c.want)
			}
			b := cfg.Print.Board
			if diff(b.Width, c.w) || diff(b.Height, c.h) || cfg.Print.Form.Title != c.title {
				t.Errorf("board %v×%v, title %q; want %v×%v, %q", b.Width, b.Height, cfg.Print.Form.Title, c.w, c.h, c.title)
			}
		})
	}
}

func diff(a, b float64) bool { return a-b > 1e-9 || b-a > 1e-9 }

// TestPlaqueWords reads the plaque's heading and awarding body.
func TestPlaqueWords(t *testing.T) {
	cfg, diags := config.Parse([]byte(good + "plaque: {title: 市直机关党建品牌, issuer: 中共示例市直属机关工作委员会}\n"))
	if len(diags) != 0 {
		t.Fatalf("findings %q", findings(diags))
	}
	if cfg.Plaque.Title != "市直机关党建品牌" || !strings.HasPrefix(cfg.Plaque.Issuer, "中共示例市") {
		t.Errorf("plaque %+v", cfg.Plaque)
	}
}
