package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Unit is one generated unit.
type Unit struct {
	ID     string
	Name   string
	Parent string
	Weight int
	Intro  string
}

// Brand is one generated brand, every front-matter field filled.
type Brand struct {
	UnitID, ID   string
	Name         string
	Organization string
	Secretary    string
	Stage        string
	Status       string
	Declared     time.Time
	Named        time.Time // zero unless the status implies a naming
	Slogan       string
	Concept      string
	Ideas        [6]string // in ideaKeyOrder
	Carriers     []Carrier
	Members      int
	Partners     []string // URL ids, unit-id/brand-id
	Tags         []string
	Photos       []string
	Goals        []Goal
	Timeline     []Event
	Body         string
	logo         int // seed of the logo's look
}

// URLID is the brand's URL id, unit-id/brand-id.
func (b *Brand) URLID() string { return b.UnitID + "/" + b.ID }

// Carrier is one brand carrier.
type Carrier struct{ Name, Description string }

// Goal is one year of the deepening plan.
type Goal struct {
	Year  int
	Items []string
}

// Event is one entry of the brand archive.
type Event struct {
	Date  time.Time
	Event string
}

// corpus is the plan of a whole corpus: the ids, names and sizes that one
// brand's generation needs to know about the others.
type corpus struct {
	opts   Options
	units  int
	uWidth int
	bWidth int
}

func newCorpus(opts Options) *corpus {
	c := &corpus{opts: opts, units: opts.Units}
	if c.units <= 0 {
		c.units = max(1, opts.Brands/10)
	}
	c.uWidth = max(4, len(strconv.Itoa(c.units)))
	c.bWidth = max(4, len(strconv.Itoa(opts.Brands)))
	return c
}

// unitOf returns the unit index of brand i: brands are spread evenly and in
// order over the units.
func (c *corpus) unitOf(i int) int { return int(int64(i) * int64(c.units) / int64(c.opts.Brands)) }

func (c *corpus) unitID(u int) string  { return fmt.Sprintf("u%0*d", c.uWidth, u+1) }
func (c *corpus) brandID(i int) string { return fmt.Sprintf("b%0*d", c.bWidth, i+1) }

// rng returns the random source of one item, so every item can be made
// alone, in any order, and still come out the same for a seed.
func (c *corpus) rng(kind uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(c.opts.Seed)^kind<<56, uint64(i)))
}

// permute maps i to a distinct index below m for every i below m.
func (c *corpus) permute(i, m int) int {
	stride := 7919*int(uint64(c.opts.Seed)%1000+1) + 1
	for gcd(stride, m) != 1 {
		stride++
	}
	return int((int64(i)*int64(stride) + c.opts.Seed%int64(m) + int64(m)) % int64(m))
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// unitName is the distinct name of unit u.
func (c *corpus) unitName(u int) string {
	k := c.permute(u, len(cities)*len(counties)*len(departments))
	d := k % len(departments)
	k /= len(departments)
	return cities[k/len(counties)] + counties[k%len(counties)] + departments[d]
}

// brandName is the distinct name of brand i, 4 to 8 characters.
func (c *corpus) brandName(i int) string {
	k := c.permute(i, len(namePrefixes)*len(nameCores)*len(nameSuffixes))
	s := k % len(nameSuffixes)
	k /= len(nameSuffixes)
	return namePrefixes[k/len(nameCores)] + nameCores[k%len(nameCores)] + nameSuffixes[s]
}

func (c *corpus) unit(u int) Unit {
	r := c.rng(1, u)
	name := c.unitName(u)
	intro := fmt.Sprintf("%s现有党员%d名，下设%d个党支部。", name, 20+r.IntN(200), 2+r.IntN(8)) +
		"单位党组织坚持把党建工作与中心工作同谋划、同部署、同考核，推动各支部结合岗位职责创建党建品牌，在服务群众、推动发展中亮身份、作表率。\n\n" +
		fmt.Sprintf("近年来，%s围绕%s和%s两项重点工作，形成了一批有特色、有实效的党建品牌。\n", name, pick(r, themes), pick(r, themes))
	return Unit{ID: c.unitID(u), Name: name, Parent: pick(r, parents), Weight: 10 * (1 + r.IntN(10)), Intro: intro}
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

var (
	campaignStart = time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	campaignEnd   = time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)
)

// stageStatuses pairs each stage with the statuses a brand in it can have.
var stageStatuses = []struct {
	stage    string
	statuses []string
}{
	{"declare", []string{"cultivating", "cultivating", "resubmit"}},
	{"improve", []string{"cultivating", "named", "named", "resubmit"}},
	{"consolidate", []string{"named", "named", "exemplary", "delisted"}},
}

func (c *corpus) brand(i int) Brand {
	r := c.rng(2, i)
	u := c.unitOf(i)
	unitName := c.unitName(u)
	theme := pick(r, themes)
	// Each brand has an organization of its own (一组织一品牌): the kind
	// is drawn, as it always was, so every later draw stays the same, and
	// the branch is numbered by the brand.
	_ = pick(r, branchKinds)
	b := Brand{
		UnitID: c.unitID(u), ID: c.brandID(i), Name: c.brandName(i),
		Organization: fmt.Sprintf("中共%s第%d党支部委员会", unitName, i+1),
		Secretary:    pick(r, surnames) + pick(r, givenNames),
		Members:      5 + r.IntN(80),
		logo:         r.IntN(1 << 16),
	}
	ss := stageStatuses[r.IntN(len(stageStatuses))]
	b.Stage, b.Status = ss.stage, pick(r, ss.statuses)
	b.Declared = campaignStart.AddDate(0, 0, r.IntN(270))
	if b.Status == "named" || b.Status == "exemplary" || b.Status == "delisted" {
		b.Named = b.Declared.AddDate(0, 0, 90+r.IntN(200))
	}
	b.Slogan = fmt.Sprintf(pick(r, slogans), theme)
	b.Concept = fmt.Sprintf(pick(r, concepts), theme, b.Name)
	for k, key := range ideaKeyOrder {
		b.Ideas[k] = pick(r, ideaTexts[key])
	}
	c.fillLists(r, &b, theme)
	var partner string
	if len(b.Partners) > 0 {
		partner = b.Partners[0]
	}
	ctx := bodyContext{Name: b.Name, Unit: unitName, Theme: theme, Carriers: b.Carriers}
	if partner != "" {
		j := c.partnerIndex(partner)
		ctx.PartnerName, ctx.PartnerURL = c.brandName(j), "/brands/"+partner+"/"
	}
	b.Body = body(r, ctx, c.opts.BodyChars)
	return b
}

// fillLists fills carriers, partners, tags, photos, goals and timeline.
func (c *corpus) fillLists(r *rand.Rand, b *Brand, theme string) {
	for _, k := range r.Perm(len(carrierNames))[:2+r.IntN(3)] {
		name := carrierNames[k]
		if strings.Contains(name, "%s") {
			name = fmt.Sprintf(name, string([]rune(b.Name)[:2]))
		}
		b.Carriers = append(b.Carriers, Carrier{Name: name, Description: strings.ReplaceAll(pick(r, carrierDescriptions), "%s", theme)})
	}
	if c.opts.Brands > 1 {
		for n := r.IntN(3); n > 0; n-- {
			j := r.IntN(c.opts.Brands - 1)
			if j >= b.index() {
				j++
			}
			id := c.unitID(c.unitOf(j)) + "/" + c.brandID(j)
			if !contains(b.Partners, id) {
				b.Partners = append(b.Partners, id)
			}
		}
	}
	for _, k := range r.Perm(len(tagsPool))[:1+r.IntN(3)] {
		b.Tags = append(b.Tags, tagsPool[k])
	}
	for p := 1; p <= c.opts.Photos; p++ {
		b.Photos = append(b.Photos, fmt.Sprintf("photos/%d.jpg", p))
	}
	for year := 2021; year <= 2022; year++ {
		g := Goal{Year: year}
		for _, k := range r.Perm(len(goalItems))[:2+r.IntN(2)] {
			g.Items = append(g.Items, fillGoal(r, goalItems[k], theme))
		}
		b.Goals = append(b.Goals, g)
	}
	b.Timeline = timeline(r, b)
}

func fillGoal(r *rand.Rand, s, theme string) string {
	switch s {
	case goalItems[1], goalItems[4]:
		return fmt.Sprintf(s, 2+r.IntN(10))
	case goalItems[2], goalItems[6]:
		return fmt.Sprintf(s, theme, 2+r.IntN(6))
	case goalItems[3], goalItems[5]:
		return fmt.Sprintf(s, theme)
	case goalItems[7]:
		return fmt.Sprintf(s, 90+r.IntN(9))
	}
	return s
}

// timeline writes the archive in date order, from the declaration to the
// naming (when there is one) and on within the campaign.
func timeline(r *rand.Rand, b *Brand) []Event {
	ev := []Event{
		{b.Declared.AddDate(0, 0, -10-r.IntN(20)), timelineEvents[0]},
		{b.Declared, timelineEvents[1]},
		{b.Declared.AddDate(0, 0, 30+r.IntN(40)), timelineEvents[2]},
	}
	if !b.Named.IsZero() {
		ev = append(ev, Event{b.Named, timelineEvents[5]})
	}
	last := ev[len(ev)-1].Date
	for n := r.IntN(4); n > 0; n-- {
		last = last.AddDate(0, 0, 20+r.IntN(120))
		if last.After(campaignEnd) {
			break
		}
		text := timelineEvents[[]int{3, 4, 6, 7, 10, 11}[r.IntN(6)]]
		if text == timelineEvents[3] || text == timelineEvents[7] {
			text = fmt.Sprintf(text, b.Name)
		}
		ev = append(ev, Event{last, text})
	}
	return ev
}

func (b *Brand) index() int {
	n, _ := strconv.Atoi(b.ID[1:])
	return n - 1
}

func (c *corpus) partnerIndex(id string) int {
	n, _ := strconv.Atoi(id[len(id)-c.bWidth:])
	return n - 1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
