package cli

import "showcase/internal/publish"

// compressFlag is the value of build's --compress: alone it means gzip,
// and --compress=gzip,br names the copies.
type compressFlag struct{ c publish.Compression }

func (f *compressFlag) String() string { return f.c.String() }

// IsBoolFlag lets --compress stand without a value.
func (f *compressFlag) IsBoolFlag() bool { return true }

func (f *compressFlag) Set(s string) error {
	switch s {
	case "true":
		s = "gzip"
	case "false":
		s = ""
	}
	c, err := publish.ParseCompression(s)
	if err != nil {
		return err
	}
	f.c = c
	return nil
}
