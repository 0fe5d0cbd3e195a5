package publish

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// compressingFile is a file of the output written in parts that writes
// its compressed copies as it goes. Its size is known only at the end: a
// copy of a file too small, or one that did not shrink, is removed then.
type compressingFile struct {
	d    *Dir
	file string
	f    io.WriteCloser
	n    int64
	// copies are the compressed copies being written, each an encoder
	// over the file it writes into.
	copies []*streamCopy
}

type streamCopy struct {
	name string
	f    *os.File
	cw   *countingWriter
	z    io.WriteCloser
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// createCompressing wraps f, the file being written as file, to write its
// copies too.
func (d *Dir) createCompressing(file string, f io.WriteCloser) (io.WriteCloser, error) {
	cf := &compressingFile{d: d, file: file, f: f}
	for _, enc := range d.compress.encodings() {
		name := file + enc.suffix
		zf, err := d.tree.create(name)
		if err != nil {
			cf.abort()
			return nil, fmt.Errorf("write %s: %w", name, err)
		}
		cw := &countingWriter{w: zf}
		cf.copies = append(cf.copies, &streamCopy{name: name, f: zf, cw: cw, z: enc.writer(cw)})
	}
	return cf, nil
}

func (cf *compressingFile) Write(p []byte) (int, error) {
	n, err := cf.f.Write(p)
	cf.n += int64(n)
	if err != nil {
		return n, err
	}
	for _, c := range cf.copies {
		if _, err := c.z.Write(p); err != nil {
			return n, fmt.Errorf("write %s: %w", c.name, err)
		}
	}
	return n, nil
}

// Close closes the file and its copies, and removes each copy that is
// not worth keeping.
func (cf *compressingFile) Close() error {
	err := cf.f.Close()
	for _, c := range cf.copies {
		zerr := c.z.Close()
		if cerr := c.f.Close(); zerr == nil {
			zerr = cerr
		}
		if err == nil && zerr != nil {
			err = fmt.Errorf("write %s: %w", c.name, zerr)
		}
		if zerr != nil || cf.n <= minCompressed || c.cw.n >= cf.n {
			if rerr := cf.d.removeFile(c.name); err == nil {
				err = rerr
			}
		}
	}
	return err
}

// abort closes and removes the copies made so far, for a file whose
// copies could not all be created.
func (cf *compressingFile) abort() {
	_ = cf.f.Close()
	for _, c := range cf.copies {
		_ = c.f.Close()
		_ = cf.d.removeFile(c.name)
	}
}

// removeFile removes one file the output wrote.
func (d *Dir) removeFile(file string) error {
	if err := os.Remove(filepath.Join(d.tmp, filepath.FromSlash(file))); err != nil {
		return fmt.Errorf("remove %s: %w", file, err)
	}
	return nil
}

// copyCompressing writes src into f, the file being written as file, and
// its compressed copies beside it.
func (d *Dir) copyCompressing(file string, f *os.File, src io.Reader) error {
	w, err := d.createCompressing(file, f)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, src)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}
