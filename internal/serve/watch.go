package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after the last file event before
// it reports a batch: editors save with bursts of events (write a
// temporary file, rename it, change its mode), and a whole folder copied
// in arrives as hundreds.
const Debounce = 20 * time.Millisecond

// watcher reports batches of changed paths, relative to the site source
// and slash-separated, for showcase.yaml, content/ and themes/.
type watcher struct {
	source string
	fsw    *fsnotify.Watcher
}

func newWatcher(source string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{source: source, fsw: fsw}
	// The source folder itself is watched for showcase.yaml and for
	// content/ or themes/ appearing.
	if err := fsw.Add(source); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, dir := range []string{"content", "themes", "decisions"} {
		w.addTree(filepath.Join(source, dir))
	}
	return w, nil
}

// addTree watches dir and every folder below it; fsnotify is not
// recursive. Hidden folders are skipped, and so are symbolic links.
func (w *watcher) addTree(dir string) []string {
	var found []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			_ = w.fsw.Add(p)
		} else if p != dir {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// run sends batches of changed paths to out until ctx ends.
func (w *watcher) run(ctx context.Context, out chan<- []string, errs chan<- error) {
	defer w.fsw.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-w.fsw.Errors:
			select {
			case errs <- err:
			default:
			}
		case ev := <-w.fsw.Events:
			for _, p := range w.event(ev) {
				pending[p] = true
			}
			if len(pending) > 0 {
				timer.Reset(Debounce)
			}
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			pending = map[string]bool{}
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}

// event turns one file event into the relevant paths it changed. A new
// folder is watched at once, and the files already inside it count as
// changed, since they were created before the watch began.
func (w *watcher) event(ev fsnotify.Event) []string {
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return nil
	}
	paths := []string{rel}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			for _, f := range w.addTree(ev.Name) {
				if r, ok := w.relevant(f); ok {
					paths = append(paths, r)
				}
			}
		}
	}
	return paths
}

// relevant maps an absolute path to a source-relative one, dropping what
// no build reads: editor swap and backup files, hidden files, and
// anything outside showcase.yaml, content/, decisions/ and themes/.
func (w *watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.source, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(rel)
	switch {
	case strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || base == "4913":
		return "", false
	case rel == "showcase.yaml", strings.HasPrefix(rel, "content/"), rel == "content",
		strings.HasPrefix(rel, "themes/"), rel == "themes",
		strings.HasPrefix(rel, "decisions/"), rel == "decisions":
		return rel, true
	}
	return "", false
}
