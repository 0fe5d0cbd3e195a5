package build

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"unsafe"

	"showcase/internal/bufpool"
	"showcase/internal/publish"
	"showcase/internal/render"

	"golang.org/x/sync/errgroup"
)

// StreamOutput is an Output that also takes a file written in parts, so a
// page that gathers every plaque need not be held whole in memory.
type StreamOutput interface {
	Output
	Create(file string) (io.WriteCloser, error)
}

// runJobs renders, minifies and writes every job on all cores: first the
// jobs that stand alone, then the late ones, which gather what those
// stored in sheets.
func runJobs(ctx context.Context, jobs []render.Job, mn *publish.Minifier, out Output, sheets *sheetSpool) error {
	for _, late := range []bool{false, true} {
		g, ctx := errgroup.WithContext(ctx)
		g.SetLimit(runtime.GOMAXPROCS(0))
		for _, job := range jobs {
			if job.Late != late {
				continue
			}
			g.Go(func() error {
				if err := ctx.Err(); err != nil {
					return err
				}
				return runJob(job, mn, out, sheets)
			})
		}
		if err := g.Wait(); err != nil {
			return err
		}
	}
	return nil
}

// RenderFile renders a job and minifies what it made, as a build writes
// it; the preview server serves what it returns. A job whose file is
// written in segments (render.Options.Sheets) is for the build alone.
func RenderFile(job render.Job, mn *publish.Minifier) ([]byte, error) {
	data, _, err := renderFile(job, mn)
	return data, err
}

// renderFile is RenderFile that also reports whether the file's bytes are
// the build's own to put back in bufpool once written: the minifier's or
// Expand's copy, or Render's when the job says they are its own (the
// search index keeps the files it renders, so not every job's are).
func renderFile(job render.Job, mn *publish.Minifier) (data []byte, pooled bool, err error) {
	if data, err = job.Render(); err != nil {
		return nil, false, fmt.Errorf("render %s: %w", job.File, err)
	}
	pooled = job.Owned
	if !job.Minified {
		min, minPooled, err := mn.MinifyPooled(job.File, data)
		if err != nil {
			return nil, false, err
		}
		if minPooled {
			if pooled {
				bufpool.Put(data)
			}
			data, pooled = min, true
		}
	}
	if job.Compose != nil || job.Expand == nil {
		return data, pooled, nil
	}
	expanded, err := job.Expand(data)
	if err != nil {
		return nil, false, err
	}
	if unsafe.SliceData(expanded) == unsafe.SliceData(data) {
		// Nothing to expand: the page is the minified bytes.
		return expanded, pooled, nil
	}
	if pooled {
		bufpool.Put(data)
	}
	// Expand's result is a new slice, the page alone.
	return expanded, true, nil
}

func runJob(job render.Job, mn *publish.Minifier, out Output, sheets *sheetSpool) error {
	data, pooled, err := renderFile(job, mn)
	if err != nil {
		return err
	}
	if job.Compose != nil {
		segs, err := job.Compose(data)
		if err != nil {
			return err
		}
		return writeSegments(out, job.File, segs, sheets)
	}
	if err := out.Write(job.File, data); err != nil {
		return err
	}
	if _, copies := out.(*publish.Dir); pooled && copies {
		// The folder has written the bytes out; the preview server's
		// output keeps them, so only a folder's are put back.
		bufpool.Put(data)
	}
	return nil
}

// segmentWriters are the 64 KiB buffers writeSegments streams through,
// reused: a build writes a page of sheets for every unit, and a new
// buffer for each was 640 MB of garbage at 100,000 brands.
var segmentWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// writeSegments writes a file of bytes and spooled sheets, streaming it
// when the output can take a stream.
func writeSegments(out Output, file string, segs []render.Segment, sheets *sheetSpool) error {
	write := func(w io.Writer) error {
		var buf []byte
		for _, seg := range segs {
			if !seg.IsSheet {
				if _, err := w.Write(seg.Data); err != nil {
					return err
				}
				continue
			}
			if sheets == nil {
				return fmt.Errorf("write %s: no plaque spool", file)
			}
			var err error
			if buf, err = sheets.read(seg.Sheet, buf); err != nil {
				return err
			}
			if _, err = w.Write(seg.Rebase(buf)); err != nil {
				return err
			}
		}
		return nil
	}
	so, ok := out.(StreamOutput)
	if !ok {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return fmt.Errorf("write %s: %w", file, err)
		}
		return out.Write(file, buf.Bytes())
	}
	wc, err := so.Create(file)
	if err != nil {
		return err
	}
	bw := segmentWriters.Get().(*bufio.Writer)
	bw.Reset(wc)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	segmentWriters.Put(bw)
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}
