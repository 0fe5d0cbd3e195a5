// Package photo turns the photos branches upload into what the site
// publishes: decoded (JPEG, PNG, WebP), turned upright by their EXIF
// orientation, resized to a few widths and re-encoded without any of the
// source's metadata, so no GPS position or camera serial leaves the build.
//
// Derived images are cached on disk by a hash of the source bytes and the
// resize parameters, so a rebuild with unchanged photos decodes nothing.
// Check reads only image headers and is what "showcase check" runs.
package photo

import (
	"fmt"
	"slices"
	"strings"
)

// Limits that keep a hostile or careless upload from taking a build down or
// looking poor on screen.
const (
	// MaxPixels bounds width×height before any pixel is decoded, so a small
	// file that claims a huge canvas (a decompression bomb) is refused. It
	// admits the 108-megapixel photos of current phones.
	MaxPixels = 120_000_000
	// SmallSide is the longer side, in pixels, under which a photo is too
	// small to show well in the lightbox; check warns about it.
	SmallSide = 800
)

// version names the pipeline in cache keys: bump it when decoding,
// resizing or encoding changes, so old cache entries are not reused.
const version = "showcase-photo-2"

// Options say which sizes to derive and how to encode them.
type Options struct {
	// Widths are the widths to derive, in pixels. A photo narrower than the
	// largest is also derived at its own width; none is ever upscaled.
	Widths []int
	// Quality is the JPEG quality, 1 to 100.
	Quality int
	// KeepPNG encodes a PNG source as PNG even when it is opaque, for files
	// that are published under their source name.
	KeepPNG bool
}

// PhotoOptions are the sizes photos are published at: a phone-sized
// thumbnail, a grid and retina size, and the lightbox and kiosk size.
func PhotoOptions() Options { return Options{Widths: []int{480, 960, 1600}, Quality: 82} }

// LogoOptions derive one size of a raster logo: large enough for a printed
// plaque, small enough for a USB stick.
func LogoOptions() Options { return Options{Widths: []int{1200}, Quality: 90, KeepPNG: true} }

// key returns the canonical text of the options, hashed into cache keys.
func (o Options) key() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s q%d png%t w", version, o.Quality, o.KeepPNG)
	for _, w := range o.Widths {
		fmt.Fprintf(&b, " %d", w)
	}
	return b.String()
}

// Format is an output encoding.
type Format string

// The formats derived images are written in.
const (
	// JPEG is used for every opaque image.
	JPEG Format = "jpeg"
	// PNG keeps images with transparency transparent.
	PNG Format = "png"
)

// Ext returns the file extension of the format, with its dot.
func (f Format) Ext() string {
	if f == PNG {
		return ".png"
	}
	return ".jpg"
}

// Image describes the derived sizes of one source image.
type Image struct {
	// Width and Height are of the upright source.
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Format Format `json:"format"`
	// Variants are the derived sizes, narrowest first; the last is the
	// largest published size.
	Variants []Variant `json:"variants"`
}

// Variant is one derived size.
type Variant struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

// targetWidths returns the widths to derive for an upright source width w:
// every configured width below w, and w itself when it is not above the
// largest configured width. The result is ascending and never empty. A
// configured width the source is less than a fifth wider than is left
// out when the source is published at its own width: a 960 px copy of a
// 1024 px photo would cost a file and a resize and save a browser 6% of
// the pixels.
func (o Options) targetWidths(w int) []int {
	widths := slices.Sorted(slices.Values(o.Widths))
	largest := 0
	for _, tw := range widths {
		largest = max(largest, tw)
	}
	own := w <= largest
	var out []int
	for _, tw := range widths {
		if tw < w && !(own && w*5 < tw*6) {
			out = append(out, tw)
		}
	}
	if own || len(out) == 0 {
		out = append(out, min(w, max(largest, 1)))
	}
	return out
}

// scaledHeight keeps the aspect ratio of w×h at width tw, rounding to the
// nearest pixel and never below one.
func scaledHeight(w, h, tw int) int {
	return max(1, (h*tw*2+w)/(2*w))
}
