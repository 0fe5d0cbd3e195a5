package printpdf

import (
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"

	"showcase/internal/build"
	"showcase/internal/config"
	"showcase/internal/photo"
	"showcase/internal/render"
	"showcase/internal/site"
)

// boardPhotos places brands' photos on their boards at print resolution:
// each photo is derived from its original at the width its slot needs at
// render.BoardPPI (the site's largest size, 1600 pixels, fills only 27 cm
// at 150 ppi), through the build's image cache. A photo is never
// enlarged: one with too few pixels for its slot is placed smaller, and
// the run warns about it.
type boardPhotos struct {
	source string
	size   config.Board
	dest   string
	images *photo.Processor
}

func newBoardPhotos(source string, size config.Board, dest string) *boardPhotos {
	return &boardPhotos{source: source, size: size, dest: dest, images: photo.NewProcessor(build.DefaultCacheDir(source))}
}

// photoPath is the site path print photos are written under.
const photoPath = render.PrintPath + "photos/"

// layout lays out the boards of brands. It returns the layouts by brand
// ID, the files it wrote, for removal once printed, and its warnings.
func (bp *boardPhotos) layout(brands []*site.Brand) (map[string]*render.BoardLayout, []string, []Warning, error) {
	root, err := os.OpenRoot(bp.source)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("open site %s: %w", bp.source, err)
	}
	defer root.Close()
	layouts := map[string]*render.BoardLayout{}
	var files []string
	var warnings []Warning
	for _, b := range brands {
		names := b.Photos[:min(len(b.Photos), render.MaxBoardPhotos)]
		_, w, h := render.BoardSlot(bp.size, len(names))
		var placed []render.BoardPhoto
		for _, name := range names {
			src := path.Join(path.Dir(b.Source), name)
			data, err := root.ReadFile(src)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("read photo %s: %w", src, err)
			}
			p, file, warn, err := bp.place(b, name, data, w, h)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("photo %s: %w", src, err)
			}
			placed = append(placed, p)
			files = append(files, file)
			if warn != nil {
				warnings = append(warnings, *warn)
			}
		}
		layouts[b.ID] = render.LayoutBoard(bp.size, b, placed)
	}
	return layouts, files, warnings, nil
}

// pixels is the number of pixels a length in cm needs at the board's
// resolution.
func pixels(cm float64) int { return int(math.Ceil(cm / 2.54 * render.BoardPPI)) }

// place derives one photo for a slot of w×h cm, which it fills as CSS
// object-fit: cover does, and writes it into the site.
func (bp *boardPhotos) place(b *site.Brand, name string, data []byte, w, h float64) (render.BoardPhoto, string, *Warning, error) {
	pw, ph, err := photo.UprightSize(data)
	if err != nil {
		return render.BoardPhoto{}, "", nil, err
	}
	// Filling the slot takes its width, or its height at the photo's
	// shape when the photo is wider than the slot.
	need := max(pixels(w), int(math.Ceil(float64(pixels(h))*float64(pw)/float64(ph))))
	d, err := bp.images.Derive(data, photo.Options{Widths: []int{min(need, pw)}, Quality: 90})
	if err != nil {
		return render.BoardPhoto{}, "", nil, err
	}
	last := len(d.Files) - 1
	site := photoPath + d.Key[:16] + d.Format.Ext()
	file := filepath.Join(bp.dest, filepath.FromSlash(site))
	if err := writeFile(file, d.Files[last]); err != nil {
		return render.BoardPhoto{}, "", nil, err
	}
	placed := render.BoardPhoto{Src: site, Width: w, Height: h}
	if pw >= need {
		return placed, file, nil, nil
	}
	scale := float64(pw) / float64(need)
	placed.Width, placed.Height = w*scale, h*scale
	return placed, file, &Warning{
		ZH: fmt.Sprintf("%s（%s）的照片 %s 只有 %d×%d 像素，按 %d ppi 只能印 %.1f 厘米宽，比展板上留的 %.1f 厘米小：已缩小放置，没有放大。换一张更大的原图就能印满",
			b.Name, b.ID, name, pw, ph, render.BoardPPI, placed.Width, w),
		EN: fmt.Sprintf("photo %s of %s (%s) has %d×%d pixels: %.1f cm wide at %d ppi, less than the %.1f cm its place on the board has; it is placed smaller, not enlarged. A larger original fills the place",
			name, b.Name, b.ID, pw, ph, placed.Width, render.BoardPPI, w),
	}, nil
}
