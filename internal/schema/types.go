// Package schema holds the rules for unit and brand front matter: which keys
// exist, their types, which are required, and what values are allowed. It
// decodes a parsed content document into a plain struct and reports every
// broken rule at the key or value that breaks it.
package schema

import (
	"time"

	"showcase/internal/diag"
)

// Unit is a unit's decoded front matter.
type Unit struct {
	Name   string
	Parent string
	Weight int
	// Organizations are the unit's Party organizations, when it lists
	// them, for coverage (全覆盖); nil when it does not.
	Organizations []Organization
}

// Brand is a brand's decoded front matter.
type Brand struct {
	Name         string
	Organization string
	Secretary    string
	Stage        string
	Status       string
	Declared     time.Time
	Named        time.Time // zero when the brand is not named
	Logo         string
	Slogan       string
	Concept      string
	Ideas        Ideas
	Carriers     []Carrier
	Members      int
	Partners     []Ref
	Tags         []string
	Photos       []string
	Goals        []Goal
	Timeline     []Event
	Draft        bool
	// Places are where the keys that rules spanning files point at are
	// written: the front matter itself and some of its values.
	Places Places
}

// Ideas are the six ideas of a brand's culture; any may be empty.
type Ideas struct {
	Learning, Conduct, Work, Style, Innovation, Service string
}

// Idea is one idea with its label, for display in order.
type Idea struct {
	Key   string
	Label string
	Text  string
}

// List returns the ideas that are given, in their fixed order.
func (i Ideas) List() []Idea {
	texts := []string{i.Learning, i.Conduct, i.Work, i.Style, i.Innovation, i.Service}
	var out []Idea
	for n, k := range ideaKeys {
		if texts[n] != "" {
			out = append(out, Idea{Key: k.key, Label: k.label, Text: texts[n]})
		}
	}
	return out
}

func (i *Ideas) set(key, text string) {
	switch key {
	case "learning":
		i.Learning = text
	case "conduct":
		i.Conduct = text
	case "work":
		i.Work = text
	case "style":
		i.Style = text
	case "innovation":
		i.Innovation = text
	case "service":
		i.Service = text
	}
}

// Carrier is one of a brand's carriers (品牌载体).
type Carrier struct {
	Name        string
	Description string
}

// Ref names another brand by its URL id, keeping where it was written so a
// missing brand can be reported there.
type Ref struct {
	ID  string
	Pos diag.Position
}

// Goal is one year of the deepening plan.
type Goal struct {
	Year  int
	Items []string
}

// Event is one entry of the brand archive (创建档案).
type Event struct {
	Date  time.Time
	Event string
}
