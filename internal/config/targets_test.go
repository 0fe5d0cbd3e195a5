package config_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"showcase/internal/config"
)

// TestTargets checks campaign.targets: a good entry is kept with its
// date, and each slip is a finding at its value, in Chinese first.
func TestTargets(t *testing.T) {
	for _, c := range []struct {
		name, targets string
		want          []string
		kept          int
	}{
		{"good", "    - {status: named, count: 10, by: 2020-12-31}\n", nil, 1},
		{"no date", "    - {status: named, count: 3}\n", nil, 1},
		{"unknown status", "    - {status: exemplry, count: 10}\n", []string{"showcase.yaml:11:16 config/target-status"}, 0},
		{"zero count", "    - {status: named, count: 0}\n", []string{"showcase.yaml:11:30 config/target-count"}, 0},
		{"bad date", "    - {status: named, count: 1, by: 2020-13-01}\n", []string{"showcase.yaml:11:37 schema/date"}, 1},
		{"misspelt key", "    - {status: named, cuont: 1}\n", []string{"showcase.yaml:11:7 schema/required", "showcase.yaml:11:23 schema/unknown-key"}, 0},
	} {
		data := good + "  targets:\n" + c.targets
		data = strings.Replace(data, "    - {id: named, name: 已命名}\n", "    - {id: named, name: 已命名}\n    - {id: exemplary, name: 示范品牌}\n", 1)
		cfg, diags := config.Parse([]byte(data))
		diags.Sort()
		if got := findings(diags); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		for _, d := range diags {
			if d.Message.ZH == "" || d.Message.ZH == d.Message.EN {
				t.Errorf("%s: %s has no Chinese message", c.name, d.Rule)
			}
		}
		if len(cfg.Campaign.Targets) != c.kept {
			t.Errorf("%s: kept %d targets, want %d", c.name, len(cfg.Campaign.Targets), c.kept)
		}
	}
	cfg, _ := config.Parse([]byte(strings.Replace(good, "    - {id: named, name: 已命名}\n", "    - {id: named, name: 已命名}\n  targets: [{status: named, count: 10, by: 2020-12-31}]\n", 1)))
	want := config.Target{Status: "named", Count: 10, By: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)}
	if len(cfg.Campaign.Targets) != 1 || cfg.Campaign.Targets[0] != want {
		t.Errorf("targets %+v, want %+v", cfg.Campaign.Targets, want)
	}
}
