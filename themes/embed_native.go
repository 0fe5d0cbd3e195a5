//go:build !(js && wasm)

package themes

import "embed"

//go:embed all:default
var files embed.FS
