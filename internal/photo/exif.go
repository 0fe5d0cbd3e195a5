package photo

import (
	"bytes"
	"encoding/binary"
)

// The orientation tag is the only piece of EXIF showcase reads, so it parses
// it itself rather than depend on an EXIF library: the maintained ones
// (dsoprea/go-exif) are large, the small ones (rwcarlsen/goexif) have not
// been maintained for years, and this parser is short, bounds-checked and
// fuzzed (FuzzOrientation). Everything else in the metadata is dropped when
// the image is re-encoded.

// Orientation returns the EXIF orientation (1 to 8) of a JPEG, PNG or WebP
// file, or 1 (upright) when it has none or the metadata is malformed.
func Orientation(data []byte) int {
	var tiff []byte
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		tiff = jpegExif(data)
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		tiff = pngExif(data)
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		tiff = webpExif(data)
	}
	return tiffOrientation(tiff)
}

var exifHeader = []byte("Exif\x00\x00")

// jpegExif returns the TIFF structure of a JPEG's EXIF APP1 segment. The
// metadata segments all come before the image data (SOS), so the scan stops
// there.
func jpegExif(data []byte) []byte {
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			return nil
		}
		marker := data[i+1]
		switch {
		case marker == 0xff: // fill byte before a marker
			i++
			continue
		case marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7):
			i += 2 // markers without a length
			continue
		case marker == 0xda || marker == 0xd9: // start of scan, end of image
			return nil
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		end := i + 2 + n
		if n < 2 || end > len(data) {
			return nil
		}
		if seg := data[i+4 : end]; marker == 0xe1 && bytes.HasPrefix(seg, exifHeader) {
			return seg[len(exifHeader):]
		}
		i = end
	}
	return nil
}

// pngExif returns the contents of a PNG's eXIf chunk.
func pngExif(data []byte) []byte {
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		end := i + 8 + n
		if n < 0 || end < i || end > len(data) {
			return nil
		}
		switch typ {
		case "eXIf":
			return data[i+8 : end]
		case "IEND":
			return nil
		}
		i = end + 4 // the CRC
	}
	return nil
}

// webpExif returns the contents of a WebP's EXIF chunk, which the container
// puts after the image data.
func webpExif(data []byte) []byte {
	for i := 12; i+8 <= len(data); {
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		end := i + 8 + n
		if n < 0 || end < i || end > len(data) {
			return nil
		}
		if string(data[i:i+4]) == "EXIF" {
			// Some writers keep the JPEG-style header inside the chunk.
			return bytes.TrimPrefix(data[i+8:end], exifHeader)
		}
		i = end + n%2 // chunks are padded to an even size
	}
	return nil
}

// tiffOrientation reads tag 0x0112 from the first IFD of a TIFF structure.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int64(order.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 1
	}
	count := int64(order.Uint16(t[ifd:]))
	for e := ifd + 2; e+12 <= int64(len(t)) && count > 0; e, count = e+12, count-1 {
		const orientationTag, shortType = 0x0112, 3
		if order.Uint16(t[e:]) != orientationTag {
			continue
		}
		if order.Uint16(t[e+2:]) != shortType {
			return 1
		}
		if o := int(order.Uint16(t[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 1
	}
	return 1
}
