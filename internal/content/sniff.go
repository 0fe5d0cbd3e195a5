package content

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

// Image kinds that a file's first bytes show, whatever its name says.
const (
	KindSVG  = "svg"
	KindPNG  = "png"
	KindJPEG = "jpeg"
	KindWebP = "webp"
	KindGIF  = "gif"
)

// sniffLen is how much of a bundle file is read to tell its kind. SVG needs
// the most: editors put an XML declaration, comments and a doctype before
// the <svg> element.
const sniffLen = 4096

// BundleFile is what the content walk learns about a file of a brand
// bundle without reading all of it.
type BundleFile struct {
	Size int64
	// Kind is the image kind its first bytes show (KindPNG, …), or "" when
	// they show no image kind showcase knows.
	Kind string
}

// sniffBufs hold the start of a file while sniff reads it: an array on
// the stack would escape through the reader, 4 KB for each logo and photo.
var sniffBufs = sync.Pool{New: func() any { return new([sniffLen]byte) }}

// sniff reads the start of a file and tells its kind.
func sniff(r io.Reader) (string, error) {
	head := sniffBufs.Get().(*[sniffLen]byte)
	defer sniffBufs.Put(head)
	n, err := io.ReadFull(r, head[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	return Sniff(head[:n]), nil
}

// Sniff tells the image kind of a file from its first bytes (at least the
// first 4 KB for SVG), or "" when they show no kind showcase knows.
func Sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return KindPNG
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return KindJPEG
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return KindWebP
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return KindGIF
	case looksLikeSVG(head):
		return KindSVG
	}
	return ""
}

// looksLikeSVG reports whether head is the start of an XML document whose
// root is an <svg> element.
func looksLikeSVG(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	return bytes.Contains(head, []byte("<svg")) || bytes.Contains(head, []byte("<!DOCTYPE svg"))
}
