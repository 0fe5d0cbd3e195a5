package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"

	"showcase/internal/reach"
	"showcase/internal/site"
)

// The rebuild keys decisions/ as a whole, as it keys a unit: a handful of
// small files, hashed by content. When the key changed, the build reaches
// every brand a decision names, before (as the state recorded them) and
// after, with their units and partners (see reach.Of); when the folder
// appeared or went, every brand's status changes meaning and the build
// keeps nothing.

// decisionsState is what the state keeps of decisions/ at the last build.
type decisionsState struct {
	// Key hashes the folder's names and contents; Has is set when the
	// folder exists.
	Key [32]byte
	Has bool
	// Decided are the brands the decisions named, with their partners.
	Decided []reach.Brand
}

// decisionsKey hashes decisions/ and tells whether it exists.
func decisionsKey(fsys fs.FS) (key [32]byte, has bool, err error) {
	if _, err := fs.Stat(fsys, DecisionsDir); errors.Is(err, fs.ErrNotExist) {
		return key, false, nil
	} else if err != nil {
		return key, false, fmt.Errorf("read %s: %w", DecisionsDir, err)
	}
	h := sha256.New()
	if err := hashTree(h, fsys, DecisionsDir); err != nil {
		return key, false, err
	}
	return [32]byte(h.Sum(nil)), true, nil
}

// decisionsChange adds to c what a change of decisions/ since the last
// build reached.
func (inc *incremental) decisionsChange(c *reach.Change) {
	prev := inc.prev.Decisions
	switch {
	case prev.Has != inc.decisions.Has:
		c.Everything = true
	case prev.Key != inc.decisions.Key:
		c.Decisions = true
	}
}

// decidedBefore returns the brands the last build's decisions named, when
// the decisions changed.
func (inc *incremental) decidedBefore(c reach.Change) []reach.Brand {
	if !c.Decisions || inc.prev == nil {
		return nil
	}
	return inc.prev.Decisions.Decided
}

// decisionsRecord is what the state keeps of the decisions site s was
// built from.
func (inc *incremental) decisionsRecord(s *site.Site) decisionsState {
	d := inc.decisions
	d.Decided = reach.Decided(s)
	return d
}
