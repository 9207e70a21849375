package lastseen

import (
	"context"
	"time"
)

// Estimate is an attributed aggregate claim ("37,870 soldiers of side X dead
// since 24 Feb, per the Ministry of Defence of Y, as of date Z"). Estimates form
// a time series per source and are shown beside the registry's own verified
// counts, never mixed into them.
type Estimate struct {
	ID        int64       `json:"id"`
	SourceID  int64       `json:"source_id"`
	Source    *Source     `json:"source,omitempty"` // filled for display; not stored with the estimate
	Side      string      `json:"side"`
	Status    Status      `json:"status"`
	Count     int64       `json:"count"`
	Since     PartialDate `json:"since,omitzero"`
	AsOf      PartialDate `json:"as_of"`
	Note      string      `json:"note,omitempty"`
	CreatedAt time.Time   `json:"created_at"`
}

// MaxSideLen bounds a side code ("ua", "ru"): a short code, not prose.
const MaxSideLen = 16

// Validate checks an estimate before it is stored and returns an EINVALID
// error naming every offending field. It reads a status alias ("killed")
// as its status.
func (e *Estimate) Validate() error {
	var p Problems
	if e.SourceID <= 0 {
		p.Add("source_id", "is required: the source that published the figure")
	}
	ValidateSide("side", e.Side, true, &p)
	if st, ok := ParseStatus(string(e.Status)); !ok || st == StatusSought {
		p.Add("status", "%q is not a status an estimate counts (one of alive, missing, captured, wounded, dead)", e.Status)
	} else {
		e.Status = st
	}
	if e.Count < 0 {
		p.Add("count", "%d is negative", e.Count)
	}
	if e.AsOf.IsZero() {
		p.Add("as_of", "is required: the date the figure speaks for")
	}
	if !e.Since.IsZero() && !e.AsOf.IsZero() && e.AsOf.Before(e.Since) {
		p.Add("since", "%s is after as_of %s", e.Since, e.AsOf)
	}
	checkText("note", e.Note, 2000, &p)
	return p.Err()
}

// ValidateSide checks a side code: lower-case ASCII letters, at most
// MaxSideLen of them, as records use ("ua", "ru").
func ValidateSide(field, side string, required bool, p *Problems) {
	if side == "" {
		if required {
			p.Add(field, "is required: a side code such as \"ua\" or \"ru\"")
		}
		return
	}
	if len(side) > MaxSideLen {
		p.Add(field, "is longer than %d bytes", MaxSideLen)
		return
	}
	for i := 0; i < len(side); i++ {
		if c := side[i]; c < 'a' || c > 'z' {
			p.Add(field, "%q is not a side code: use lower-case letters such as \"ua\" or \"ru\"", side)
			return
		}
	}
}

// EstimateService stores estimates. Estimates are append-only: a revised
// figure is a new estimate with a later as-of date.
type EstimateService interface {
	// CreateEstimate validates and stores the estimate with an audit event
	// and sets ID and CreatedAt. Returns EINVALID naming the fields,
	// ENOTFOUND naming source_id if the source does not exist, ECONFLICT if
	// the source already has an estimate of the same side, status, since and
	// as-of date.
	CreateEstimate(ctx context.Context, e *Estimate) error

	// FindEstimates returns estimates ordered by source, side, status and
	// as-of date: one time series per source after another.
	FindEstimates(ctx context.Context, f EstimateFilter) ([]*Estimate, error)
}

// EstimateFilter selects estimates; zero fields match everything.
type EstimateFilter struct {
	SourceID int64
	Side     string
	Status   Status
	// To keeps estimates as of To or earlier; Latest keeps only the newest
	// estimate of each source, side and status that is left.
	To     PartialDate
	Latest bool
	Limit  int
}
