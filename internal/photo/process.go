package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"sync/atomic"
)

// Processor derives the published sizes of images, through an on-disk cache
// when it has one. It is safe for concurrent use; the build shares one
// among all its workers.
type Processor struct {
	cache   Cache
	decoded atomic.Int64
	reused  atomic.Int64
}

// NewProcessor returns a Processor caching in dir, or caching nothing when
// dir is empty.
func NewProcessor(dir string) *Processor { return &Processor{cache: Cache{Dir: dir}} }

// Stats count a processor's work.
type Stats struct {
	// Decoded is the number of images whose pixels were decoded.
	Decoded int
	// Reused is the number of images served whole from the cache.
	Reused int
}

// Stats returns how many images were decoded and how many came from the
// cache so far.
func (p *Processor) Stats() Stats {
	return Stats{Decoded: int(p.decoded.Load()), Reused: int(p.reused.Load())}
}

// Derived is one source image's derived sizes with their encoded bytes.
type Derived struct {
	// Key is the hex hash of the source bytes and the options; it names
	// the cache entry and fingerprints the published files.
	Key string
	Image
	// Files are the encoded variants, in the order of Image.Variants.
	Files [][]byte
}

// Key returns the cache key of source bytes derived with opts.
func Key(src []byte, opts Options) string {
	h := sha256.New()
	h.Write([]byte(opts.key()))
	h.Write([]byte{0})
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// Derive returns the sizes opts asks for of the image in src: from the
// cache when an entry for the same bytes and options exists, otherwise by
// decoding, turning upright, resizing and encoding, and then storing the
// result in the cache.
func (p *Processor) Derive(src []byte, opts Options) (*Derived, error) {
	key := Key(src, opts)
	if d, ok := p.cache.load(key); ok {
		p.reused.Add(1)
		return d, nil
	}
	d, err := p.derive(src, opts)
	if err != nil {
		return nil, err
	}
	d.Key = key
	if err := p.cache.store(d); err != nil {
		return nil, err
	}
	return d, nil
}

// derive does the image work of Derive. Each smaller size is scaled from
// the previous one rather than from the source, which keeps a large photo's
// cost to one big resize.
func (p *Processor) derive(src []byte, opts Options) (*Derived, error) {
	m, cfg, err := decode(src)
	if err != nil {
		return nil, err
	}
	p.decoded.Add(1)
	o := Orientation(src)
	w, h := cfg.Width, cfg.Height
	if swapsAxes(o) {
		w, h = h, w
	}
	d := &Derived{Image: Image{Width: w, Height: h, Format: JPEG}}
	if !opaque(m) || (opts.KeepPNG && cfg.Format == "png") {
		d.Format = PNG
	}
	widths := opts.targetWidths(w)
	d.Variants = make([]Variant, len(widths))
	d.Files = make([][]byte, len(widths))
	from := m
	for i := len(widths) - 1; i >= 0; i-- {
		tw, th := widths[i], scaledHeight(w, h, widths[i])
		sw, sh := tw, th // the stored orientation's size
		if swapsAxes(o) {
			sw, sh = th, tw
		}
		scaled := scale(from, sw, sh)
		from = scaled
		data, err := encode(orient(scaled, o), d.Format, opts.Quality)
		if err != nil {
			return nil, err
		}
		d.Variants[i] = Variant{Width: tw, Height: th}
		d.Files[i] = data
	}
	return d, nil
}

// encode writes m in format f. The encoders write pixels only: no EXIF,
// XMP, ICC profile or comment of the source survives.
func encode(m image.Image, f Format, quality int) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if f == PNG {
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		err = enc.Encode(&buf, m)
	} else {
		err = jpeg.Encode(&buf, m, &jpeg.Options{Quality: quality})
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", f, err)
	}
	return buf.Bytes(), nil
}
