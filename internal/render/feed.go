package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"

	"showcase/internal/site"
)

// FeedSize is how many brands the Atom feed carries, newest first.
const FeedSize = 50

// China Standard Time: dates in brand files are local dates.
var cst = time.FixedZone("CST", 8*3600)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title    string     `xml:"title"`
	ID       string     `xml:"id"`
	Updated  string     `xml:"updated"`
	Link     atomLink   `xml:"link"`
	Summary  string     `xml:"summary"`
	Category []atomCat  `xml:"category"`
	Author   atomAuthor `xml:"author"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

func atomDate(t time.Time) string {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, cst).Format(time.RFC3339)
}

func absURL(s *site.Site, sitePath string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + sitePath
}

// Feed renders the Atom feed of the most recently changed brands, of
// those listed: a delisted brand leaves the feed as it leaves every list.
// Its dates come from the brand files, never from the clock.
func Feed(s *site.Site) ([]byte, error) {
	brands := append([]*site.Brand(nil), s.Listed...)
	sort.SliceStable(brands, func(i, j int) bool { return brands[i].Updated.After(brands[j].Updated) })
	if len(brands) > FeedSize {
		brands = brands[:FeedSize]
	}
	f := atomFeed{
		Lang: s.Config.Language, Title: s.Config.Title, ID: absURL(s, ""),
		Links:  []atomLink{{Href: absURL(s, "feed.xml"), Rel: "self"}, {Href: absURL(s, "")}},
		Author: atomAuthor{Name: s.Config.Title},
	}
	if len(brands) > 0 {
		f.Updated = atomDate(brands[0].Updated)
	} else {
		f.Updated = atomDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	for _, b := range brands {
		e := atomEntry{
			Title: b.Name + "（" + b.Unit.Name + "）", ID: absURL(s, b.Path()), Updated: atomDate(b.Updated),
			Link: atomLink{Href: absURL(s, b.Path())}, Summary: b.Concept,
			Author: atomAuthor{Name: b.Organization},
		}
		if b.Stage != nil {
			e.Category = append(e.Category, atomCat{Term: "stage/" + b.Stage.ID, Label: b.Stage.Name})
		}
		if b.Status != nil {
			e.Category = append(e.Category, atomCat{Term: "status/" + b.Status.ID, Label: b.Status.Name})
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("render feed: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
