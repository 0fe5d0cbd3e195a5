package build

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"

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
	data, err := job.Render()
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", job.File, err)
	}
	if !job.Minified {
		if data, err = mn.MinifyOwned(job.File, data); err != nil {
			return nil, err
		}
	}
	if job.Compose == nil && job.Expand != nil {
		return job.Expand(data)
	}
	return data, nil
}

func runJob(job render.Job, mn *publish.Minifier, out Output, sheets *sheetSpool) error {
	data, err := RenderFile(job, mn)
	if err != nil {
		return err
	}
	switch {
	case job.Compose != nil:
		segs, err := job.Compose(data)
		if err != nil {
			return err
		}
		return writeSegments(out, job.File, segs, sheets)
	}
	return out.Write(job.File, data)
}

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
	bw := bufio.NewWriterSize(wc, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}
