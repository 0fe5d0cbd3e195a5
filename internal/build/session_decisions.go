package build

import (
	"context"

	"showcase/internal/diag"
	"showcase/internal/reach"
	"showcase/internal/site"
)

// updateDecisions reads decisions/ again, with the changed units. The
// brands the old decisions named are reached too (their pages showed
// what those said); a decisions/ folder that appeared or went changes
// what every brand's own status means, and reaches the whole site.
func (s *Session) updateDecisions(ctx context.Context, change *reach.Change, before *[]reach.Brand) (*site.Site, diag.List, error) {
	had := s.loader.decisions != nil && s.loader.decisions.has
	*before = append(*before, reach.Decided(s.site)...)
	st, diags, err := s.loader.UpdateDecisions(ctx, keys(change.Units))
	if has := s.loader.decisions != nil && s.loader.decisions.has; has != had {
		change.Everything = true
	}
	return st, diags, err
}
