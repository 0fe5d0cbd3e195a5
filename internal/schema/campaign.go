package schema

import (
	"strings"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/fields"

	"go.yaml.in/yaml/v4"
)

// decodeCampaign checks stage, status and the dates against the campaign.
func (bd *brandDecoder) decodeCampaign(m fields.Map) {
	b := &bd.b
	if v := m.Value("stage"); v != nil {
		b.Stage = bd.choice(v, "stage", stageChoices(bd.cfg), diag.T("阶段", "stage"))
	}
	if v := m.Value("status"); v != nil {
		b.Status = bd.choice(v, "status", statusChoices(bd.cfg), diag.T("状态", "status"))
	}
	if v := m.Value("declared"); v != nil {
		b.Declared, _ = bd.Date(v, "declared")
	}
	if v := m.Value("named"); v != nil {
		if named, ok := bd.Date(v, "named"); ok {
			b.Named = named
			if !b.Declared.IsZero() && named.Before(b.Declared) {
				bd.Errorf(v, "schema/named-before-declared",
					diag.T("命名日期 %s 早于申报日期 %s", "named %s is before declared %s", named.Format("2006-01-02"), b.Declared.Format("2006-01-02")),
					diag.T("先申报后命名：检查这两个日期", "a brand is declared before it is named: check both dates"))
			}
		}
	}
}

// choices are the ids and names of a campaign's stages or statuses.
type choices struct {
	ids, names []string
}

func stageChoices(cfg *config.Config) choices {
	var c choices
	for _, s := range cfg.Campaign.Stages {
		c.ids, c.names = append(c.ids, s.ID), append(c.names, s.Name)
	}
	return c
}

func statusChoices(cfg *config.Config) choices {
	var c choices
	for _, s := range cfg.Campaign.Statuses {
		c.ids, c.names = append(c.ids, s.ID), append(c.names, s.Name)
	}
	return c
}

// choice decodes a stage or status id, reporting one the campaign lacks.
func (bd *brandDecoder) choice(v *yaml.Node, key string, c choices, what diag.Text) string {
	id, ok := bd.String(v, key)
	// With no choices the configuration is broken and already reported.
	if !ok || len(c.ids) == 0 || contains(c.ids, id) {
		return id
	}
	bd.Errorf(v, "schema/"+key,
		diag.T("未知的%[1]s %[2]q", "unknown %[3]s %[2]q", what.ZH, id, what.EN),
		choiceHint(id, c))
	return id
}

// choiceHint names the id the author most likely meant: the id of a name
// written in Chinese, a near spelling, or else every choice.
func choiceHint(got string, c choices) diag.Text {
	for i, name := range c.names {
		if name == got || strings.TrimSuffix(name, "阶段") == got {
			return diag.T("“%s”请写成它的 id：%s", "write the id %[2]q for %[1]s", name, c.ids[i])
		}
	}
	if s := fields.Suggest(strings.ToLower(got), c.ids); s != "" {
		return diag.T("是不是想写 %q？", "did you mean %q?", s)
	}
	var list []string
	for i := range c.ids {
		list = append(list, c.ids[i]+"（"+c.names[i]+"）")
	}
	return diag.T("可选：%s", "choose one of: %s", strings.Join(list, "、"))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
