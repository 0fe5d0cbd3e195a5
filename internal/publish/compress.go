package publish

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"strings"
)

// Compression names the precompressed copies the output keeps beside each
// text file, for a server that sends them as they are (nginx's
// gzip_static and brotli_static) instead of compressing every response.
// The zero value keeps none.
type Compression struct {
	Gzip   bool
	Brotli bool
}

// ParseCompression reads the value of the --compress flag: a list of
// "gzip" and "br", separated by commas; "" and "none" keep no copy.
func ParseCompression(s string) (Compression, error) {
	var c Compression
	if s == "" || s == "none" {
		return c, nil
	}
	for _, name := range strings.Split(s, ",") {
		switch strings.TrimSpace(name) {
		case "gzip", "gz":
			c.Gzip = true
		case "br", "brotli":
			c.Brotli = true
		default:
			return Compression{}, fmt.Errorf("unknown compression %q", name)
		}
	}
	return c, nil
}

// String returns the flag value that gives c.
func (c Compression) String() string {
	var names []string
	if c.Gzip {
		names = append(names, "gzip")
	}
	if c.Brotli {
		names = append(names, "br")
	}
	return strings.Join(names, ",")
}

// minCompressed is the size below which a file is not worth a compressed
// copy: the saving is less than a packet.
const minCompressed = 1024

// Levels are fixed, so that the copies, like every other output, are the
// same bytes build after build. Brotli's 6 is ten times faster than its 9
// in this library for 2.5% larger pages; gzip's best costs little more
// than its default.
const (
	gzipLevel   = gzip.BestCompression
	brotliLevel = 6
)

// textExts are the files that compress: text, of the types a server
// compresses on the fly too.
var textExts = map[string]bool{
	".html": true, ".css": true, ".js": true, ".svg": true, ".xml": true,
	".json": true, ".txt": true,
}

// compressible reports whether file gets compressed copies by its name.
func compressible(file string) bool {
	return textExts[strings.ToLower(path.Ext(file))]
}

// encoding is one kind of compressed copy: its file suffix and its
// writer, at a fixed level.
type encoding struct {
	suffix string
	writer func(io.Writer) io.WriteCloser
}

func newGzip(w io.Writer) io.WriteCloser {
	// The header holds no name and no time: gzip.Writer writes a zero
	// time and no name when the Header is left empty.
	zw, _ := gzip.NewWriterLevel(w, gzipLevel) // the level is valid
	return zw
}

// encodings lists the copies c asks for.
func (c Compression) encodings() []encoding {
	var encs []encoding
	if c.Gzip {
		encs = append(encs, encoding{".gz", newGzip})
	}
	if c.Brotli {
		encs = append(encs, encoding{".br", newBrotli})
	}
	return encs
}

// IsCompressedCopy reports whether file is a compressed copy of a text
// file (index.html.gz), which the output makes, links and removes with
// that file: a build neither counts it nor links it by itself.
func IsCompressedCopy(file string) bool { return isCopy(file) }

// CopySuffixes are the suffixes of the compressed copies a file may have.
func CopySuffixes() []string { return []string{".gz", ".br"} }

// isCopy reports whether file is a compressed copy of a text file, which
// the output makes itself beside that file.
func isCopy(file string) bool {
	for _, suffix := range CopySuffixes() {
		if base, ok := strings.CutSuffix(file, suffix); ok && compressible(base) {
			return true
		}
	}
	return false
}

// compress returns data compressed by enc.
func compress(enc encoding, data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data) / 3)
	w := enc.writer(&buf)
	_, _ = w.Write(data) // a bytes.Buffer does not fail
	_ = w.Close()
	return buf.Bytes()
}

// writeCopies writes the compressed copies of file, whose content is
// data, that the output keeps: each only when it is smaller than data.
func (d *Dir) writeCopies(file string, data []byte) error {
	if len(data) <= minCompressed || !compressible(file) {
		return nil
	}
	for _, enc := range d.compress.encodings() {
		z := compress(enc, data)
		if len(z) >= len(data) {
			continue
		}
		if err := d.tree.writeFile(file+enc.suffix, z); err != nil {
			return fmt.Errorf("write %s: %w", file+enc.suffix, err)
		}
	}
	return nil
}

// removeCopies removes the compressed copies of file, which may have none.
func (d *Dir) removeCopies(file string) error {
	if !compressible(file) {
		return nil
	}
	for _, suffix := range CopySuffixes() {
		if err := d.Remove(file + suffix); err != nil {
			return err
		}
	}
	return nil
}
