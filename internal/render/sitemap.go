package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"

	"showcase/internal/site"
)

// SitemapLimit is the most URLs one sitemap file may list
// (sitemaps.org); a larger site gets several, listed by an index.
const SitemapLimit = 50000

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// Sitemap renders sitemap.xml listing every page but the 404 page.
func Sitemap(s *site.Site, pages []*Page) ([]byte, error) {
	return encodeSitemap(urlset{URLs: sitemapURLs(s, pages)})
}

// sitemapURLs lists the URLs of every page but the 404 page.
func sitemapURLs(s *site.Site, pages []*Page) []sitemapURL {
	urls := make([]sitemapURL, 0, len(pages))
	for _, p := range pages {
		if p.Kind == "404" {
			continue
		}
		u := sitemapURL{Loc: absURL(s, p.Path)}
		if p.Brand != nil {
			u.LastMod = p.Brand.Updated.Format("2006-01-02")
		}
		urls = append(urls, u)
	}
	return urls
}

// sitemapPart is the name of the nth file, from 1, of a split sitemap.
func sitemapPart(n int) string { return "sitemap-" + strconv.Itoa(n) + ".xml" }

// SitemapJobs returns the jobs that write the sitemap: sitemap.xml alone
// while the site has at most limit pages, else sitemap-1.xml, … of limit
// URLs each and sitemap.xml the index of them, so robots.txt and search
// engines find it at one name either way.
func SitemapJobs(s *site.Site, pages []*Page, limit int) []Job {
	n := 0
	for _, p := range pages {
		if p.Kind != "404" {
			n++
		}
	}
	if n <= limit {
		return []Job{{File: "sitemap.xml", Render: func() ([]byte, error) { return Sitemap(s, pages) }}}
	}
	parts := (n + limit - 1) / limit
	jobs := []Job{{File: "sitemap.xml", Render: func() ([]byte, error) {
		var idx sitemapIndex
		for i := range parts {
			idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: absURL(s, sitemapPart(i+1))})
		}
		return encodeSitemap(idx)
	}}}
	for i := range parts {
		jobs = append(jobs, Job{File: sitemapPart(i + 1), Render: func() ([]byte, error) {
			urls := sitemapURLs(s, pages)
			return encodeSitemap(urlset{URLs: urls[i*limit : min((i+1)*limit, len(urls))]})
		}})
	}
	return jobs
}

// encodeSitemap writes a sitemap or an index as indented XML.
func encodeSitemap(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("render sitemap: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Robots renders robots.txt: every page may be crawled, and the sitemap
// is at its absolute URL. Crawlers read it at the root of a host only: a
// site under a sub-path has its host's robots.txt name this sitemap.
func Robots(s *site.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + absURL(s, "sitemap.xml") + "\n")
}
