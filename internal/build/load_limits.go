package build

import (
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/site"
)

// MaxSiteAssets bounds the bytes of logos and photos a site publishes:
// beyond it a kiosk folder no longer fits a USB stick and a build would
// spend minutes copying. Each file has its own limit in the schema.
const MaxSiteAssets = 4 << 30

// checkSiteSize reports a site whose logos and photos together exceed
// MaxSiteAssets, naming the largest brand so there is a place to start.
func checkSiteSize(docs []*content.Document, brands []site.BrandInput, diags *diag.List) {
	var total, largest int64
	var largestDoc string
	for i, doc := range docs {
		n := bundleSize(doc, brands[i].Meta.Logo, brands[i].Meta.Photos)
		total += n
		if n > largest {
			largest, largestDoc = n, doc.Path
		}
	}
	if total <= MaxSiteAssets {
		return
	}
	diags.Errorf(diag.Position{File: content.Dir}, "content/site-too-large",
		diag.T("全站标识和照片共 %d MB，超过上限 %d MB", "the site's logos and photos add up to %d MB, over the limit of %d MB", total>>20, MaxSiteAssets>>20),
		diag.T("压缩照片后再提交；最大的是 %s（%d MB）", "shrink the photos; the largest share is %s (%d MB)", largestDoc, largest>>20))
}

// bundleSize is the size of the files a brand shows from its bundle: its
// logo and photos.
func bundleSize(doc *content.Document, logo string, photos []string) int64 {
	n := doc.Bundle[logo].Size
	for _, name := range photos {
		n += doc.Bundle[name].Size
	}
	return n
}
