package render

import "showcase/internal/site"

// decisionPages are the list of the office's decisions (命名文件) and the
// page of each; a site without decisions has neither.
func decisionPages(s *site.Site, ctx *pageContext) []*Page {
	if len(s.Decisions) == 0 {
		return nil
	}
	pages := []*Page{newPage(s, ctx, "decisions", "decisions/", "命名文件")}
	for _, d := range s.Decisions {
		p := newPage(s, ctx, "decision", d.Path(), d.Title)
		p.Decision = d
		pages = append(pages, p)
	}
	return pages
}
