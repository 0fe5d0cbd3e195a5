package render

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"html/template"
	"strconv"
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
	job := Job{File: OutputFile(p.Path), Render: func() ([]byte, error) {
		p.splices, p.chromes = nil, nil
		return render(p)
	}}
	if p.ctx.splice != "" {
		p.spliced = true
		job.Expand = p.expand
	}
	return job
}

// expand replaces each token in the minified page with its path data. A
// token the minifier did not leave alone would leave a broken code, so
// a count that does not match is an error, never a silent change.
func (p *Page) expand(min []byte) ([]byte, error) {
	// The path data is needed once; a finished page must not keep it
	// while the rest of the site renders.
	defer func() { p.splices, p.chromes = nil, nil }()
	min, err := p.expandChrome(min)
	if err != nil {
		return nil, err
	}
	if len(p.splices) == 0 {
		return min, nil
	}
	prefix := []byte(`d="` + p.ctx.splice)
	size := len(min)
	for _, s := range p.splices {
		size += len(s)
	}
	out := make([]byte, 0, size)
	for i, s := range p.splices {
		at := bytes.Index(min, prefix)
		if at < 0 {
			return nil, fmt.Errorf("expand %s: qr code %d of %d not found after minifying", p.Path, i+1, len(p.splices))
		}
		rest := min[at+len(prefix):]
		end := bytes.IndexByte(rest, '#')
		if end < 0 || string(rest[:end]) != strconv.Itoa(i) {
			return nil, fmt.Errorf("expand %s: qr code %d out of place after minifying", p.Path, i+1)
		}
		out = append(out, min[:at+3]...)
		out = append(out, s...)
		min = rest[end+1:]
	}
	if bytes.Contains(min, prefix) {
		return nil, fmt.Errorf("expand %s: more qr codes than rendered", p.Path)
	}
	return append(out, min...), nil
}
