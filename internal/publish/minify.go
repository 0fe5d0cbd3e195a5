// Package publish writes a build's output: it minifies and fingerprints
// files and swaps the finished output into place atomically, so a failed
// build leaves the previous output as it was.
package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".xml": "application/xml",
}

// Fingerprint names a file after its content, css/site.css becoming
// css/site.1a2b3c4d5e.css, so browsers may cache it forever.
func Fingerprint(file string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(file)
	return strings.TrimSuffix(file, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}
