//go:build js && wasm

package themes

import "embed"

// The submission page's engine renders only the preview's templates; the
// page itself loads the site's published style sheets and scripts. Leaving
// static/ out keeps the engine small and lets a change of style alone
// leave the committed engine current.
//
//go:embed all:default/layouts
var files embed.FS
