package intake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"showcase/internal/build"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/fields"
	"showcase/internal/submit"
)

// Refusals of an import that are not about the bundle's files.
var (
	// ErrExists is returned when the brand's folder is there already and
	// replacing it was not asked for.
	ErrExists = errors.New("brand exists")
	// ErrNoPlace is returned when neither the ZIP's comment nor its file
	// name says which unit and brand it is.
	ErrNoPlace = errors.New("no place")
	// ErrNoUnit is returned when the site has no such unit.
	ErrNoUnit = errors.New("no such unit")
	// ErrFindings is returned when the check found an error.
	ErrFindings = errors.New("the bundle has errors")
)

// Imported is what an import did or found.
type Imported struct {
	Place submit.Place
	// Dir is the bundle's folder in the site.
	Dir string
	// Replaced is set when a brand's folder was there before.
	Replaced bool
	// Findings are the check's findings about the bundle, and any new
	// error the bundle brings elsewhere in the site.
	Findings diag.List
}

// Import checks the ZIP bundle data (read from a file called name) in
// the site in root, and when it has no error places it at
// content/<unit>/<brand>/: written beside, then renamed into place, so
// the site never holds half a bundle. Without replace an existing brand
// is never touched. On any refusal the site is left as it was.
func Import(ctx context.Context, root *os.Root, name string, data []byte, replace bool) (Imported, error) {
	var res Imported
	b, at, err := submit.ReadBundle(data)
	if err != nil {
		return res, err
	}
	if at.Unit == "" {
		at = placeFromName(root.FS(), name)
	}
	res.Place = at
	if at.Unit == "" {
		return res, ErrNoPlace
	}
	res.Dir = Dir(at.Unit, at.Brand)
	if _, err := fs.Stat(root.FS(), path.Join(content.Dir, at.Unit, content.UnitFile)); err != nil {
		return res, ErrNoUnit
	}
	if _, err := fs.Stat(root.FS(), res.Dir); err == nil {
		if !replace {
			return res, ErrExists
		}
		res.Replaced = true
	}
	if res.Findings, err = checkSite(ctx, root.FS(), res.Dir, b); err != nil {
		return res, err
	}
	if res.Findings.HasErrors() {
		return res, ErrFindings
	}
	return res, place(root, res.Dir, b)
}

// placeFromName reads <unit>-<brand>.zip, taking the split at which the
// site has the unit, since either id may hold hyphens.
func placeFromName(fsys fs.FS, name string) submit.Place {
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), ".zip")
	var found []submit.Place
	for i := strings.IndexByte(base, '-'); i >= 0; {
		unit, brand := base[:i], base[i+1:]
		if fields.ValidID(unit) && fields.ValidID(brand) {
			if _, err := fs.Stat(fsys, path.Join(content.Dir, unit, content.UnitFile)); err == nil {
				found = append(found, submit.Place{Unit: unit, Brand: brand})
			}
		}
		next := strings.IndexByte(base[i+1:], '-')
		if next < 0 {
			break
		}
		i += next + 1
	}
	if len(found) != 1 {
		return submit.Place{}
	}
	return found[0]
}

// checkSite loads the site with the bundle in place, as showcase check
// does, and returns the findings about the bundle and the errors
// elsewhere that the site did not have before.
func checkSite(ctx context.Context, fsys fs.FS, dir string, b submit.Bundle) (diag.List, error) {
	_, before, err := build.Load(ctx, fsys, build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		return nil, fmt.Errorf("check the site: %w", err)
	}
	had := map[string]bool{}
	for _, d := range before {
		had[findingKey(d)] = true
	}
	_, after, err := build.Load(ctx, newOverlay(fsys, dir, b), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", dir, err)
	}
	var out diag.List
	for _, d := range after {
		if inBundle(d, dir) || (d.Severity == diag.Error && !had[findingKey(d)]) {
			out = append(out, d)
		}
	}
	return out, nil
}

func findingKey(d diag.Diagnostic) string {
	return fmt.Sprintf("%s\x00%s\x00%s", d.Pos, d.Rule, d.Message.EN)
}

// place writes the bundle into a hidden folder beside its place, then
// renames it in, moving an existing brand's folder aside first and
// removing it only once the new one is in.
func place(root *os.Root, dir string, b submit.Bundle) error {
	suffix := randomSuffix()
	parent, brand := path.Dir(dir), path.Base(dir)
	stage := path.Join(parent, "."+brand+".import-"+suffix)
	if err := writeAll(root, stage, b); err != nil {
		_ = root.RemoveAll(stage)
		return fmt.Errorf("write %s: %w", stage, err)
	}
	old := ""
	if _, err := root.Lstat(dir); err == nil {
		old = path.Join(parent, "."+brand+".replaced-"+suffix)
		if err := root.Rename(dir, old); err != nil {
			_ = root.RemoveAll(stage)
			return fmt.Errorf("move %s aside: %w", dir, err)
		}
	}
	if err := root.Rename(stage, dir); err != nil {
		if old != "" {
			_ = root.Rename(old, dir)
		}
		_ = root.RemoveAll(stage)
		return fmt.Errorf("place %s: %w", dir, err)
	}
	if old != "" {
		if err := root.RemoveAll(old); err != nil {
			return fmt.Errorf("remove the replaced %s: %w", old, err)
		}
	}
	return nil
}

func writeAll(root *os.Root, dir string, b submit.Bundle) error {
	if err := root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range b.Names() {
		p := path.Join(dir, name)
		if err := root.MkdirAll(path.Dir(p), 0o755); err != nil {
			return err
		}
		if err := root.WriteFile(p, b[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
