package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/reach"
	"showcase/internal/render"
	"showcase/internal/site"
	"showcase/internal/theme"
	"showcase/themes"
)

// Session keeps a site between updates: its Loader, the last site that
// loaded without error, and its theme. An update reads only what changed
// and says, through package reach, which output files it made stale. The
// build runs one update per process, seeded from its state on disk; the
// preview server keeps one session for as long as it runs.
type Session struct {
	fsys   fs.FS
	target render.Target
	loader *Loader
	// site and theme are the last good ones; nil before the first.
	site  *site.Site
	theme *theme.Theme
	// themeName is the theme loaded, ownLayouts whether it has layouts
	// of its own (see overridesLayouts).
	themeName  string
	ownLayouts bool
}

// Update is what a session's update made.
type Update struct {
	Site  *site.Site
	Theme *theme.Theme
	// Reached are the files the change made stale; every other file of
	// the last output is as this site would render it.
	Reached reach.Reached
	// ThemeLoaded is set when the theme was loaded anew, so its static
	// files may have changed.
	ThemeLoaded bool
}

// NewSession starts a session for the site in fsys.
func NewSession(fsys fs.FS, target render.Target, opts LoadOptions) *Session {
	opts.Kiosk = opts.Kiosk || target == render.Kiosk
	return &Session{fsys: fsys, target: target, loader: NewLoader(fsys, opts)}
}

// Update brings the session up to date with the files at paths (slash
// paths relative to the site folder; nil for everything) and returns the
// new site with what the change reached. A site with an error returns the
// findings as a *diag.ListError and keeps the last good site.
func (s *Session) Update(ctx context.Context, paths []string) (*Update, diag.List, error) {
	change := reach.Classify(paths)
	if s.site == nil {
		// Nothing good to build on: a first load, or every load so far
		// failed, so even a theme change reads the content.
		change.Everything = true
	}
	before := reach.Before(s.site, change.Units)
	var st *site.Site
	var diags diag.List
	var err error
	switch {
	case change.Everything:
		st, diags, err = s.loader.Load(ctx)
	case change.Decisions:
		st, diags, err = s.updateDecisions(ctx, &change, &before)
	case len(change.Units) > 0:
		st, diags, err = s.loader.Update(ctx, keys(change.Units))
	default:
		st = s.site
	}
	if err != nil {
		return nil, diags, err
	}
	return s.finish(st, diags, change, before)
}

// finish checks a loaded site, loads the theme when the change needs it,
// and decides what the change reached.
func (s *Session) finish(st *site.Site, diags diag.List, change reach.Change, before []reach.Brand) (*Update, diag.List, error) {
	if err := diags.Err(); err != nil {
		return nil, diags, err
	}
	if st == nil {
		return nil, diags, errors.New("the site could not be loaded")
	}
	u := &Update{Site: st}
	if s.theme == nil || change.Everything || change.Theme || st.Config.Theme != s.themeName {
		th, err := LoadTheme(s.fsys, st.Config.Theme)
		if err != nil {
			return nil, diags, err
		}
		s.theme, s.themeName, s.ownLayouts = th, st.Config.Theme, overridesLayouts(s.fsys, st.Config.Theme)
		u.ThemeLoaded = true
	}
	// A theme of the site's own may show any brand on any page, and a
	// kiosk's brand pages link their neighbours across a stage.
	wholeSite := s.ownLayouts || s.target == render.Kiosk
	u.Theme, u.Reached = s.theme, reach.Of(change, before, st, wholeSite)
	s.site = st
	return u, diags, nil
}

func keys(set map[string]bool) []string {
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	return ids
}

// overridesLayouts reports whether theme name of the site has a layout
// that differs from the built-in theme's. A copy of the built-in layouts,
// as this repository's own sample site has, changes nothing.
func overridesLayouts(fsys fs.FS, name string) bool {
	dir := path.Join("themes", name)
	err := fs.WalkDir(fsys, path.Join(dir, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == path.Join(dir, "layouts") {
			return fs.SkipAll
		}
		if err != nil || d.IsDir() {
			return err
		}
		mine, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		builtin, err := fs.ReadFile(themes.Default(), strings.TrimPrefix(p, dir+"/"))
		if err != nil || !bytes.Equal(mine, builtin) {
			return errOverridden
		}
		return nil
	})
	return err != nil
}

// errOverridden stops the walk of a theme at its first own layout.
var errOverridden = errors.New("theme overrides a layout")
