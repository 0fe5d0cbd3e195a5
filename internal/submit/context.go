package submit

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"showcase/internal/config"
	"showcase/internal/site"
)

// Context is what the page knows of the site, written into /submit/ by
// the build: enough to check a brand as showcase check would in the
// whole site (its configuration, the units with their organizations, the
// brands' names and organizations) and to fill the form's choices.
type Context struct {
	// Config is a showcase.yaml that decodes to the site's configuration
	// as far as a brand's checks read it.
	Config string `json:"config"`
	// Decided is set when the site has a decisions/ folder, so a brand
	// gives no status of its own.
	Decided bool           `json:"decided"`
	Units   []ContextUnit  `json:"units"`
	Brands  []ContextBrand `json:"brands"`
	// Layouts are the layout files of the site's own theme folder, by
	// path under the theme (layouts/pages/brand.html, …), so the preview
	// renders with the site's templates and not only the built-in ones.
	Layouts map[string]string `json:"layouts,omitempty"`
}

// ContextUnit is one unit of the site.
type ContextUnit struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Organizations []string `json:"organizations,omitempty"`
}

// ContextBrand is one brand of the site.
type ContextBrand struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Organization string `json:"organization"`
}

// ContextOf describes the site s for the page.
func ContextOf(s *site.Site, decided bool) Context {
	c := Context{Config: ConfigText(s.Config), Decided: decided}
	for _, u := range s.Units {
		cu := ContextUnit{ID: u.ID, Name: u.Name}
		for _, o := range u.Organizations {
			cu.Organizations = append(cu.Organizations, o.Name)
		}
		c.Units = append(c.Units, cu)
	}
	for _, b := range s.Brands {
		c.Brands = append(c.Brands, ContextBrand{ID: b.ID, Name: b.Name, Organization: b.Organization})
	}
	sort.Slice(c.Units, func(i, j int) bool { return c.Units[i].ID < c.Units[j].ID })
	sort.Slice(c.Brands, func(i, j int) bool { return c.Brands[i].ID < c.Brands[j].ID })
	return c
}

// JSON is the context as the page carries it, safe inside a
// <script type="application/json"> element.
func (c Context) JSON() string {
	b, err := json.Marshal(c)
	if err != nil {
		return "{}"
	}
	s := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(string(b))
	return s
}

// ConfigText writes the part of a configuration that brands are checked
// against as showcase.yaml text.
func ConfigText(cfg *config.Config) string {
	var b strings.Builder
	line := func(indent, key, value string) {
		b.WriteString(indent + key + ": " + value + "\n")
	}
	line("", "title", quote(cfg.Title))
	line("", "baseURL", quote(cfg.BaseURL))
	b.WriteString("campaign:\n")
	line("  ", "name", quote(cfg.Campaign.Name))
	line("  ", "brandsPerOrganization", strconv.Itoa(max(cfg.Campaign.BrandsPerOrganization, 1)))
	b.WriteString("  stages:\n")
	for _, s := range cfg.Campaign.Stages {
		b.WriteString("    - {id: " + quote(s.ID) + ", name: " + quote(s.Name))
		if !s.Ends.IsZero() {
			b.WriteString(", ends: " + s.Ends.Format("2006-01-02"))
		}
		b.WriteString("}\n")
	}
	b.WriteString("  statuses:\n")
	for _, s := range cfg.Campaign.Statuses {
		b.WriteString("    - {id: " + quote(s.ID) + ", name: " + quote(s.Name) +
			", featured: " + strconv.FormatBool(s.Featured) + ", plaque: " + strconv.FormatBool(s.Plaque) +
			", listed: " + strconv.FormatBool(!s.Unlisted) + "}\n")
	}
	if len(cfg.Campaign.Reviews) > 0 {
		b.WriteString("  reviews:\n")
		for _, r := range cfg.Campaign.Reviews {
			b.WriteString("    - {id: " + quote(r.ID) + ", name: " + quote(r.Name) + "}\n")
		}
	}
	return b.String()
}
