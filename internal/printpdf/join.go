package printpdf

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Join joins the PDFs parts, in order, into the file out and returns its
// number of pages. It streams: each part is read (with pdfcpu, which is
// pure Go and builds for every platform showcase runs on), its pages and
// what they use are written out renumbered, and the part is let go
// before the next is read, so memory holds one batch whatever the number
// of pages. (pdfcpu's own merge holds every part at once: 550 MB for the
// 2,000 pages of 1,000 forms.) It writes a file beside out and renames
// it, so out is either the whole PDF or left as it was.
func Join(ctx context.Context, parts []string, out string) (int, error) {
	if len(parts) == 0 {
		return 0, fmt.Errorf("join: no pages")
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+"-*")
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", filepath.ToSlash(out), err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	j := &joiner{w: bufio.NewWriterSize(tmp, 1<<20)}
	err = j.join(ctx, parts)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// As os.WriteFile would make it, not CreateTemp's owner-only mode.
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		return 0, fmt.Errorf("join the pdfs of %d batches: %w", len(parts), err)
	}
	if err := os.Rename(name, out); err != nil {
		return 0, fmt.Errorf("write %s: %w", filepath.ToSlash(out), err)
	}
	return len(j.pages), nil
}

// joiner writes one PDF from the pages of others.
type joiner struct {
	w   *bufio.Writer
	pos int64
	// offsets are the file offsets of the objects written, by object
	// number less one.
	offsets []int64
	// pages are the object numbers of the pages, in order.
	pages []int
	err   error
}

// join writes the header, every part's pages and the page tree,
// catalogue and cross-reference table that tie them together.
func (j *joiner) join(ctx context.Context, parts []string) error {
	j.printf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n")
	root := j.reserve()
	for _, p := range parts {
		if err := j.part(ctx, p, root); err != nil {
			return err
		}
	}
	kids := make(types.Array, len(j.pages))
	for i, p := range j.pages {
		kids[i] = *types.NewIndirectRef(p, 0)
	}
	j.object(root, types.Dict{"Type": types.Name("Pages"), "Kids": kids, "Count": types.Integer(len(j.pages))})
	catalog := j.reserve()
	j.object(catalog, types.Dict{"Type": types.Name("Catalog"), "Pages": *types.NewIndirectRef(root, 0)})
	xref := j.pos
	j.printf("xref\n0 %d\n0000000000 65535 f \n", len(j.offsets)+1)
	for _, off := range j.offsets {
		j.printf("%010d 00000 n \n", off)
	}
	j.printf("trailer\n<</Root %d 0 R/Size %d>>\nstartxref\n%d\n%%%%EOF\n", catalog, len(j.offsets)+1, xref)
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// part copies the pages of the PDF file, and every object they use, under
// new numbers, each page's parent being the page tree root.
func (j *joiner) part(ctx context.Context, file string, root int) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	pdf, err := api.ReadContext(ctx, f, model.NewStatelessConfiguration())
	if err != nil {
		return fmt.Errorf("read %s: %w", filepath.Base(file), err)
	}
	if err := pdf.EnsurePageCount(); err != nil {
		return fmt.Errorf("read %s: %w", filepath.Base(file), err)
	}
	c := &copier{j: j, xt: pdf.XRefTable, numbers: map[int]int{}}
	// Number the pages first, so a reference to a page from elsewhere
	// (an annotation's /P) reaches the copy, not the part's page tree.
	type page struct {
		dict types.Dict
		nr   int
	}
	var pages []page
	for i := 1; i <= c.xt.PageCount; i++ {
		d, ref, inherited, err := c.xt.PageDict(ctx, i, false)
		if err != nil {
			return fmt.Errorf("read %s page %d: %w", filepath.Base(file), i, err)
		}
		nr := j.reserve()
		c.numbers[ref.ObjectNumber.Value()] = nr
		pages = append(pages, page{withInherited(d, inherited), nr})
	}
	for _, p := range pages {
		d := c.remap(p.dict).(types.Dict)
		d["Parent"] = *types.NewIndirectRef(root, 0)
		j.object(p.nr, d)
		j.pages = append(j.pages, p.nr)
	}
	return c.drain()
}

// withInherited returns a page's dictionary without its parent, holding
// what it inherited from the page tree.
func withInherited(d types.Dict, in *model.InheritedPageAttrs) types.Dict {
	out := types.Dict{}
	for k, v := range d {
		if k != "Parent" {
			out[k] = v
		}
	}
	if in == nil {
		return out
	}
	if _, ok := out["MediaBox"]; !ok && in.MediaBox != nil {
		out["MediaBox"] = in.MediaBox.Array()
	}
	if _, ok := out["CropBox"]; !ok && in.CropBox != nil {
		out["CropBox"] = in.CropBox.Array()
	}
	if _, ok := out["Resources"]; !ok && in.Resources != nil {
		out["Resources"] = in.Resources
	}
	if _, ok := out["Rotate"]; !ok && in.Rotate != 0 {
		out["Rotate"] = types.Integer(in.Rotate)
	}
	return out
}

// copier copies the objects of one part that its pages reach.
type copier struct {
	j       *joiner
	xt      *model.XRefTable
	numbers map[int]int // the part's object numbers to the output's
	queue   []int       // the part's objects to copy
}

// number returns the output's number for a part's object, queueing the
// object to be copied the first time.
func (c *copier) number(old int) int {
	if n, ok := c.numbers[old]; ok {
		return n
	}
	n := c.j.reserve()
	c.numbers[old] = n
	c.queue = append(c.queue, old)
	return n
}

// remap returns o with every reference renumbered.
func (c *copier) remap(o types.Object) types.Object {
	switch v := o.(type) {
	case types.IndirectRef:
		return *types.NewIndirectRef(c.number(v.ObjectNumber.Value()), 0)
	case *types.IndirectRef:
		return *types.NewIndirectRef(c.number(v.ObjectNumber.Value()), 0)
	case types.Dict:
		d := make(types.Dict, len(v))
		for k, e := range v {
			d[k] = c.remap(e)
		}
		return d
	case types.Array:
		a := make(types.Array, len(v))
		for i, e := range v {
			a[i] = c.remap(e)
		}
		return a
	}
	return o
}

// drain copies the queued objects, and those they reach in turn.
func (c *copier) drain() error {
	for len(c.queue) > 0 {
		old := c.queue[0]
		c.queue = c.queue[1:]
		o, err := c.xt.Dereference(*types.NewIndirectRef(old, 0))
		if err != nil {
			return fmt.Errorf("read object %d: %w", old, err)
		}
		nr := c.numbers[old]
		switch v := o.(type) {
		case types.StreamDict:
			if v.Raw == nil && v.StreamLength != nil && *v.StreamLength > 0 {
				return fmt.Errorf("object %d: stream without its data", old)
			}
			d := c.remap(v.Dict).(types.Dict)
			d["Length"] = types.Integer(len(v.Raw))
			c.j.stream(nr, d, v.Raw)
		case nil:
			c.j.object(nr, nil)
		default:
			c.j.object(nr, c.remap(v))
		}
	}
	return c.j.err
}

// reserve takes the next object number.
func (j *joiner) reserve() int {
	j.offsets = append(j.offsets, 0)
	return len(j.offsets)
}

// object writes object nr.
func (j *joiner) object(nr int, o types.Object) {
	j.offsets[nr-1] = j.pos
	if o == nil {
		j.printf("%d 0 obj\nnull\nendobj\n", nr)
		return
	}
	j.printf("%d 0 obj\n%s\nendobj\n", nr, o.PDFString())
}

// stream writes object nr, a stream.
func (j *joiner) stream(nr int, d types.Dict, data []byte) {
	j.offsets[nr-1] = j.pos
	j.printf("%d 0 obj\n%s\nstream\n", nr, d.PDFString())
	j.write(data)
	j.printf("\nendstream\nendobj\n")
}

func (j *joiner) printf(format string, args ...any) {
	j.write(fmt.Appendf(nil, format, args...))
}

func (j *joiner) write(p []byte) {
	if j.err != nil {
		return
	}
	n, err := j.w.Write(p)
	j.pos += int64(n)
	j.err = err
}
