package photo

import "bytes"

// UprightSize returns the width and height of the image in src as it is
// shown, turned upright by its EXIF orientation, reading only its header.
// It refuses what Derive would refuse.
func UprightSize(src []byte) (w, h int, err error) {
	cfg, err := decodeConfig(bytes.NewReader(src))
	if err != nil {
		return 0, 0, err
	}
	if swapsAxes(Orientation(src)) {
		return cfg.Height, cfg.Width, nil
	}
	return cfg.Width, cfg.Height, nil
}
