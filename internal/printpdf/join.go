package printpdf

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Join joins the PDFs parts, in order, into the file out and returns its
// number of pages. It writes a file beside out and renames it, so out is
// either the whole PDF or left as it was. pdfcpu does the joining: it is
// pure Go, so it builds for every platform showcase runs on, and it
// keeps the fonts a batch embeds once however many pages use them.
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
	conf := model.NewStatelessConfiguration()
	if len(parts) == 1 {
		err = copyInto(tmp, parts[0])
	} else {
		err = mergeInto(ctx, tmp, parts, conf)
	}
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
	pages, err := api.PageCountFile(ctx, name)
	if err != nil {
		return 0, fmt.Errorf("count the pages of the pdf: %w", err)
	}
	if err := os.Rename(name, out); err != nil {
		return 0, fmt.Errorf("write %s: %w", filepath.ToSlash(out), err)
	}
	return pages, nil
}

// mergeInto writes the pages of parts, in order, to w.
func mergeInto(ctx context.Context, w io.Writer, parts []string, conf *model.Configuration) error {
	files := make([]io.ReadSeeker, 0, len(parts))
	for _, p := range parts {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		files = append(files, f)
	}
	return api.MergeRaw(ctx, files, w, false, conf)
}

func copyInto(w io.Writer, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
