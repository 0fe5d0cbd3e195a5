package photo

import (
	"encoding/binary"
	"errors"
)

// errBadWebP is returned for a file that is not a well-formed WebP container.
var errBadWebP = errors.New("malformed WebP container")

// StripWebP returns a WebP file without its EXIF and XMP chunks, leaving
// the image data (and any animation or ICC profile) untouched. There is no
// WebP encoder among Go's image packages, so a WebP logo, which keeps its
// name and format, loses its metadata this way instead of by re-encoding.
func StripWebP(data []byte) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errBadWebP
	}
	out := append([]byte(nil), data[:12]...)
	for i := 12; i < len(data); {
		if i+8 > len(data) {
			return nil, errBadWebP
		}
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		end := i + 8 + n + n%2
		if n < 0 || end > len(data) || end < i {
			return nil, errBadWebP
		}
		switch string(data[i : i+4]) {
		case "EXIF", "XMP ":
		case "VP8X":
			chunk := append([]byte(nil), data[i:end]...)
			if n > 0 {
				const exifFlag, xmpFlag = 0x08, 0x04
				chunk[8] &^= exifFlag | xmpFlag
			}
			out = append(out, chunk...)
		default:
			out = append(out, data[i:end]...)
		}
		i = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}
