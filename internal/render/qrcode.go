package render

import (
	"errors"
	"sync"

	rscqr "rsc.io/qr"
	"rsc.io/qr/coding"
)

// qrCode is an encoded QR code as the SVG writers read it: its size in
// modules and whether a module is dark.
type qrCode struct{ c *rscqr.Code }

// Size is the number of modules on a side, quiet zone excluded.
func (q *qrCode) Size() int { return q.c.Size }

// Dark reports whether the module at (x, y) is dark.
func (q *qrCode) Dark(x, y int) bool { return q.c.Black(x, y) }

// qrPlans holds the plan of each QR version at level M, made on first use.
// rsc.io/qr's Encode makes the plan again for every code, and the plan (the
// role of every module) was most of the time and the memory of encoding:
// two codes a brand, one on its page and one on its plaque.
var qrPlans [coding.MaxVersion + 1]struct {
	once sync.Once
	plan *coding.Plan
	err  error
}

// encodeQR encodes text at error correction level M, which survives 15% of
// a scuffed plaque's code, with rsc.io/qr: it takes about a tenth of a
// millisecond a code, where boombuler/barcode took five, which at 100,000
// brands would be minutes. It gives the code rscqr.Encode gives, from a
// plan made once per version: the same choice of data encoding (the
// smallest that holds the text), the smallest version and mask 0.
func encodeQR(text string) (*qrCode, error) {
	var enc coding.Encoding
	switch {
	case coding.Num(text).Check() == nil:
		enc = coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		enc = coding.Alpha(text)
	default:
		enc = coding.String(text)
	}
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(coding.M)*8; v++ {
		if v == coding.MaxVersion {
			return nil, errors.New("text too long to encode as QR")
		}
	}
	p := &qrPlans[v]
	p.once.Do(func() { p.plan, p.err = coding.NewPlan(v, coding.M, 0) })
	if p.err != nil {
		return nil, p.err
	}
	cc, err := p.plan.Encode(enc)
	if err != nil {
		return nil, err
	}
	return &qrCode{&rscqr.Code{Bitmap: cc.Bitmap, Size: cc.Size, Stride: cc.Stride, Scale: 8}}, nil
}
