package render

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"html/template"
	"strconv"

	"showcase/internal/bufpool"
)

// Splicing keeps QR codes out of the minifier. With Options.Splice, a
// page's QR codes are rendered with a token in place of their path data,
// the page is minified (the token passes through unchanged: it holds no
// path command), and Job.Expand puts the path data back, already in the
// form the minifier would have given it. The result is byte for byte what
// minifying the whole page makes, at a small part of the cost.

// spliceToken returns a token that user content cannot produce: digits
// and '#' only (no path command letter, so the minifier copies it), with a
// random part drawn once per plan. It never reaches the output, so output
// stays deterministic.
func spliceToken() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	var n uint64
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	return "#" + strconv.FormatUint(n, 10) + "-"
}

// qrSpliced renders the QR code of text with a token for its path data
// and keeps the minified path data for Expand.
func (p *Page) qrSpliced(text string) (template.HTML, error) {
	code, err := encodeQR(text)
	if err != nil {
		return "", fmt.Errorf("encode qr code for %q: %w", text, err)
	}
	token := p.ctx.splice + strconv.Itoa(len(p.splices)) + "#"
	p.splices = append(p.splices, qrPathMinified(code))
	return qrSVG(text, code.Size(), []byte(token)), nil
}

// pageJob returns the job that renders page p. With splicing, the job
// renders tokens and its Expand puts the path data back.
func pageJob(render func(*Page) ([]byte, error), p *Page) Job {
	if p.Kind == "brand" {
		render = withBodyImages(render)
	}
	job := Job{File: OutputFile(p.Path), Owned: true, Render: func() ([]byte, error) {
		p.splices, p.chromes = nil, nil
		return render(p)
	}}
	if p.ctx.splice != "" {
		p.spliced = true
		job.Expand = p.expand
	}
	return job
}

// expand replaces each token in the minified page with what it stands
// for: a reused partial's minified bytes (Chrome, Card), a QR code's path
// data. A token the minifier did not leave alone would leave a broken
// page, so a count that does not match is an error, never a silent
// change. The page is copied once, whatever it holds.
func (p *Page) expand(min []byte) ([]byte, error) {
	// The path data is needed once; a finished page must not keep it
	// while the rest of the site renders.
	defer func() { p.splices, p.chromes = nil, nil }()
	if len(p.chromes) == 0 && len(p.splices) == 0 {
		return min, nil
	}
	chromes := p.chromeParts()
	size := len(min)
	for _, c := range chromes {
		size += len(c)
	}
	for _, s := range p.splices {
		size += len(s)
	}
	// From the pool: a build puts the page back once it is written.
	out := bufpool.Get(size)
	prefix := []byte(`d="` + p.ctx.splice)
	// The next chrome token and the next code, each found once, as
	// offsets into what is left of min.
	nextChrome, nextCode := -1, -1
	ci, qi := 0, 0
	var token []byte // chrome ci's
	for ci < len(chromes) || qi < len(p.splices) {
		if ci < len(chromes) && nextChrome < 0 {
			token = []byte(p.chromeToken(p.chromes[ci].tag, ci))
			if nextChrome = bytes.Index(min, token); nextChrome < 0 {
				return nil, fmt.Errorf("expand %s: chrome %d of %d not found after minifying", p.Path, ci+1, len(chromes))
			}
		}
		if qi < len(p.splices) && nextCode < 0 {
			if nextCode = bytes.Index(min, prefix); nextCode < 0 {
				return nil, fmt.Errorf("expand %s: qr code %d of %d not found after minifying", p.Path, qi+1, len(p.splices))
			}
		}
		var used int
		if ci < len(chromes) && (qi == len(p.splices) || nextChrome < nextCode) {
			at := nextChrome
			end := bytes.IndexByte(min[at+len(token):], '>')
			if end < 0 {
				return nil, fmt.Errorf("expand %s: chrome %d cut short after minifying", p.Path, ci+1)
			}
			out = append(out, min[:at]...)
			out = append(out, chromes[ci]...)
			used, nextChrome = at+len(token)+end+1, -1
			ci++
		} else {
			at := nextCode
			rest := min[at+len(prefix):]
			end := bytes.IndexByte(rest, '#')
			if end < 0 || string(rest[:end]) != strconv.Itoa(qi) {
				return nil, fmt.Errorf("expand %s: qr code %d out of place after minifying", p.Path, qi+1)
			}
			out = append(out, min[:at+3]...)
			out = append(out, p.splices[qi]...)
			used, nextCode = at+len(prefix)+end+1, -1
			qi++
		}
		min = min[used:]
		if nextChrome >= 0 {
			nextChrome -= used
		}
		if nextCode >= 0 {
			nextCode -= used
		}
	}
	if len(p.splices) > 0 && bytes.Contains(min, prefix) {
		return nil, fmt.Errorf("expand %s: more qr codes than rendered", p.Path)
	}
	return append(out, min...), nil
}
