package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registers the JPEG decoder
	_ "image/png"  // registers the PNG decoder
	"io"

	_ "golang.org/x/image/webp" // registers the WebP decoder
)

// formats are the image formats accepted, by the names the image package
// registers them under. Another package may register more (GIF, BMP);
// they are still refused.
var formats = map[string]bool{"jpeg": true, "png": true, "webp": true}

// ErrTooLarge is returned for an image whose canvas exceeds MaxPixels.
var ErrTooLarge = errors.New("image is too large")

// Config is what an image's header says about it, before any pixel is
// decoded.
type Config struct {
	// Format is the detected format: jpeg, png or webp.
	Format string
	// Width and Height are stored dimensions, before orientation.
	Width, Height int
}

// Pixels returns the number of pixels of the canvas.
func (c Config) Pixels() int64 { return int64(c.Width) * int64(c.Height) }

// decodeConfig reads the header of an image and refuses formats showcase
// does not publish and canvases over MaxPixels, so that decoding the pixels
// afterwards is bounded in memory.
func decodeConfig(r io.Reader) (Config, error) {
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return Config{}, err
	}
	c := Config{Format: format, Width: cfg.Width, Height: cfg.Height}
	if !formats[format] {
		return c, fmt.Errorf("unsupported image format %q", format)
	}
	if c.Width <= 0 || c.Height <= 0 {
		return c, fmt.Errorf("image has no pixels (%d×%d)", c.Width, c.Height)
	}
	if c.Pixels() > MaxPixels {
		return c, fmt.Errorf("%w: %d×%d is more than %d megapixels", ErrTooLarge, c.Width, c.Height, MaxPixels/1_000_000)
	}
	return c, nil
}

// decode decodes an image whose header decodeConfig accepted.
func decode(src []byte) (image.Image, Config, error) {
	cfg, err := decodeConfig(bytes.NewReader(src))
	if err != nil {
		return nil, cfg, err
	}
	m, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, cfg, err
	}
	return m, cfg, nil
}

// opaque reports whether every pixel of m is opaque. The image types the
// decoders return all answer it cheaply; anything else is treated as
// possibly transparent, which keeps it a PNG.
func opaque(m image.Image) bool {
	o, ok := m.(interface{ Opaque() bool })
	return ok && o.Opaque()
}
