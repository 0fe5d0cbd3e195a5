package serve_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// decided is one status change of a decision in the property test.
type decided struct {
	brand, status string
}

// decidedStatuses are the property site's statuses, with the SPEC's flags.
const decidedStatuses = `  statuses:
    - {id: cultivating, name: 培育中}
    - {id: named,       name: 已命名, plaque: true}
    - {id: exemplary,   name: 示范品牌, plaque: true, featured: true}
    - {id: resubmit,    name: 需重新申报}
    - {id: delisted,    name: 已摘牌, listed: false}
  reviews:
    - {id: pass, name: 合格}
`

// decide turns the generated site into one whose statuses come from
// decisions: the flags in the configuration, no status or naming date in
// the brands' files, and a first decision naming some of them.
func (ps *propertySite) decide() {
	ps.replace("showcase.yaml", `(?s)  statuses:\n.*?\nplaque:`, decidedStatuses+"plaque:")
	statusLine := regexp.MustCompile(`(?m)^(status|named): .*\n`)
	for _, b := range ps.brands() {
		ps.write(filepath.Join("content", b, "index.md"), statusLine.ReplaceAllString(ps.read(b), ""))
	}
	ps.decisions = map[string][]decided{}
	ps.must(os.MkdirAll(filepath.Join(ps.src, "decisions"), 0o755))
	ps.addDecision(false)
}

// decisionDay is the date of the n-th decision: after every declaration
// of the generated site, one day apart, so no brand changes twice a day.
func decisionDay(n int) string {
	return time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02")
}

// addDecision adds a decision that gives a few brands a status, or
// delists one.
func (ps *propertySite) addDecision(delist bool) {
	ids := ps.brands()
	ps.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	var changes []decided
	if delist {
		changes = []decided{{ids[0], "delisted"}}
	} else {
		for _, id := range ids[:min(len(ids), 1+ps.rng.IntN(3))] {
			changes = append(changes, decided{id, []string{"named", "exemplary", "resubmit", "delisted"}[ps.rng.IntN(4)]})
		}
	}
	ps.writeDecision(ps.nextDecision(), changes)
}

// addDecisionNaming adds a decision giving brand id a status, and returns
// its file name.
func (ps *propertySite) addDecisionNaming(id, status string) string {
	name := ps.nextDecision()
	ps.writeDecision(name, []decided{{id, status}})
	return name
}

func (ps *propertySite) nextDecision() string {
	ps.decided++
	return fmt.Sprintf("%s-d%d.md", decisionDay(ps.decided), ps.decided)
}

// restatus changes the status one decision gives.
func (ps *propertySite) restatus() {
	names := ps.decisionNames()
	if len(names) == 0 {
		ps.addDecision(false)
		return
	}
	name := names[ps.rng.IntN(len(names))]
	changes := ps.decisions[name]
	if len(changes) == 0 {
		return
	}
	i := ps.rng.IntN(len(changes))
	changes[i].status = []string{"cultivating", "named", "exemplary", "delisted"}[ps.rng.IntN(4)]
	ps.writeDecision(name, changes)
}

// withdraw removes a decision: the brands it alone named go back to
// what the others say.
func (ps *propertySite) withdraw() {
	names := ps.decisionNames()
	if len(names) == 0 {
		return
	}
	name := names[ps.rng.IntN(len(names))]
	delete(ps.decisions, name)
	ps.must(os.Remove(filepath.Join(ps.src, "decisions", name)))
}

// forget takes brand id out of every decision, before it is deleted.
func (ps *propertySite) forget(id string) {
	for _, name := range ps.decisionNames() {
		changes := ps.decisions[name]
		kept := changes[:0]
		for _, c := range changes {
			if c.brand != id {
				kept = append(kept, c)
			}
		}
		if len(kept) != len(changes) {
			ps.writeDecision(name, kept)
		}
	}
}

func (ps *propertySite) decisionNames() []string {
	var names []string
	for name := range ps.decisions {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// writeDecision writes a decision document with its changes; a delisting
// gives its reason, and every brand named also gets a review.
func (ps *propertySite) writeDecision(name string, changes []decided) {
	ps.decisions[name] = changes
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: 关于%s的决定\nnumber: 示例工委发〔2023〕%d号\ndate: %s\nchanges:", name[:10], len(ps.decisions), name[:10])
	if len(changes) == 0 {
		b.WriteString(" []")
	}
	for _, c := range changes {
		fmt.Fprintf(&b, "\n  - {brand: %s, status: %s", c.brand, c.status)
		if c.status == "delisted" {
			b.WriteString(", reason: 年度复查不合格")
		}
		b.WriteString("}")
	}
	b.WriteString("\nreviews:")
	if len(changes) == 0 {
		b.WriteString(" []")
	}
	for _, c := range changes {
		fmt.Fprintf(&b, "\n  - {brand: %s, year: 2023, result: pass}", c.brand)
	}
	fmt.Fprintf(&b, "\n---\n决定正文 %s。\n", name)
	ps.write(filepath.Join("decisions", name), b.String())
}
