package config_test

import (
	"slices"
	"testing"

	"showcase/internal/config"
)

// TestStatusFlags checks what the status flags decide, with the defaults
// of a configuration that sets none.
func TestStatusFlags(t *testing.T) {
	const head = "title: 测试\nbaseURL: https://example.org/\ncampaign:\n  name: 活动\n  stages: [{id: s, name: 阶段}]\n  statuses:\n"
	tests := []struct {
		name     string
		statuses string
		// plaqued, names, featured and listed are the ids each holds.
		plaqued, names, featured, listed []string
		findings                         []string
	}{
		{"no flags: as before", "    - {id: cultivating, name: 培育中}\n    - {id: named, name: 已命名}\n    - {id: exemplary, name: 示范}\n    - {id: delisted, name: 已摘牌}\n",
			[]string{"cultivating", "named", "exemplary", "delisted"}, []string{"named", "exemplary", "delisted"}, []string{"exemplary"}, []string{"cultivating", "named", "exemplary", "delisted"}, nil},
		{"the SPEC's flags", "    - {id: cultivating, name: 培育中}\n    - {id: named, name: 已命名, plaque: true}\n    - {id: exemplary, name: 示范, plaque: true, featured: true}\n    - {id: delisted, name: 已摘牌, listed: false}\n",
			[]string{"named", "exemplary"}, []string{"named", "exemplary"}, []string{"exemplary"}, []string{"cultivating", "named", "exemplary"}, nil},
		{"a plaque on a status that is not listed", "    - {id: a, name: 甲}\n    - {id: gone, name: 摘, plaque: true, listed: false}\n",
			nil, nil, nil, []string{"a"}, nil},
		{"featured and not listed", "    - {id: a, name: 甲}\n    - {id: odd, name: 怪, featured: true, listed: false}\n",
			[]string{"a"}, []string{}, []string{"odd"}, []string{"a"}, []string{"showcase.yaml:8:50 config/featured-unlisted"}},
		{"a flag that is not true or false", "    - {id: a, name: 甲, plaque: yes please}\n",
			[]string{"a"}, []string{}, nil, []string{"a"}, []string{"showcase.yaml:7:32 schema/type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := config.Parse([]byte(head + tt.statuses))
			var got []string
			for _, d := range diags {
				got = append(got, d.Pos.String()+" "+d.Rule)
			}
			var plaqued, names, featured, listed []string
			for i := range cfg.Campaign.Statuses {
				st := &cfg.Campaign.Statuses[i]
				if cfg.Plaqued(st) {
					plaqued = append(plaqued, st.ID)
				}
				if cfg.Names(st) {
					names = append(names, st.ID)
				}
				if st.Featured {
					featured = append(featured, st.ID)
				}
				if !st.Unlisted {
					listed = append(listed, st.ID)
				}
			}
			for _, c := range []struct {
				what      string
				got, want []string
			}{{"plaqued", plaqued, tt.plaqued}, {"names", names, tt.names}, {"featured", featured, tt.featured}, {"listed", listed, tt.listed}} {
				if len(c.got)+len(c.want) > 0 && !slices.Equal(c.got, c.want) {
					t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
				}
			}
			if len(got)+len(tt.findings) > 0 && !slices.Equal(got, tt.findings) {
				t.Errorf("findings %q, want %q", got, tt.findings)
			}
		})
	}
}
