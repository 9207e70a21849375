package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
)

// EstimateService stores the estimates that sources publish. See
// lastseen.EstimateService.
type EstimateService struct {
	db *DB
}

var _ lastseen.EstimateService = (*EstimateService)(nil)

// NewEstimateService returns the estimate service of db.
func NewEstimateService(db *DB) *EstimateService { return &EstimateService{db: db} }

// CreateEstimate validates and stores the estimate with an audit event.
func (s *EstimateService) CreateEstimate(ctx context.Context, e *lastseen.Estimate) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if ok, err := tx.exists(ctx, "sources", e.SourceID); err != nil {
			return err
		} else if !ok {
			return notFoundField("source_id", "Source %d not found.", e.SourceID)
		}
		err := tx.QueryRowContext(ctx, `
			INSERT INTO estimates (source_id, side, status, count, since, as_of, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			e.SourceID, e.Side, string(e.Status), e.Count, e.Since.String(), e.AsOf.String(), e.Note, tx.now,
		).Scan(&e.ID)
		if isUnique(err) {
			return lastseen.Errorf(lastseen.ECONFLICT, "Source %d already has an estimate of %s %s as of %s.",
				e.SourceID, e.Side, e.Status, e.AsOf)
		} else if err != nil {
			return fmt.Errorf("create estimate: %w", err)
		}
		e.CreatedAt = tx.now
		return tx.audit(ctx, "estimate.create", fmt.Sprintf("estimate:%d", e.ID),
			fmt.Sprintf("source:%d %s %s %d as of %s", e.SourceID, e.Side, e.Status, e.Count, e.AsOf))
	})
}

// FindEstimates returns estimates ordered by source, side, status and as-of
// date.
func (s *EstimateService) FindEstimates(ctx context.Context, f lastseen.EstimateFilter) ([]*lastseen.Estimate, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.SourceID != 0 {
		add("source_id = $%d", f.SourceID)
	}
	if f.Side != "" {
		add("side = $%d", f.Side)
	}
	if f.Status != "" {
		add("status = $%d", string(f.Status))
	}
	if !f.To.IsZero() {
		// Partial dates are stored as ISO text at their precision, which
		// sorts as PartialDate.Before does; everything that starts before
		// the end of To is as of To or earlier.
		add("as_of < $%d", dateEnd(f.To))
	}
	q := `SELECT id, source_id, side, status, count, since, as_of, note, created_at FROM estimates`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY source_id, side, status, as_of, id`
	if !f.Latest {
		q += limitOffset(f.Limit, 0)
	}
	var out []*lastseen.Estimate
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("find estimates: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e lastseen.Estimate
			var status, since, asOf string
			if err := rows.Scan(&e.ID, &e.SourceID, &e.Side, &status, &e.Count, &since, &asOf, &e.Note, &e.CreatedAt); err != nil {
				return fmt.Errorf("find estimates: %w", err)
			}
			if e.Since, err = parseStoredDate("since", since); err != nil {
				return fmt.Errorf("estimate %d: %w", e.ID, err)
			}
			if e.AsOf, err = parseStoredDate("as_of", asOf); err != nil {
				return fmt.Errorf("estimate %d: %w", e.ID, err)
			}
			e.Status, e.CreatedAt = lastseen.Status(status), e.CreatedAt.UTC()
			if f.Latest && len(out) > 0 {
				// Rows come in series order: a row of the same series as the
				// last one kept is newer and replaces it.
				if p := out[len(out)-1]; p.SourceID == e.SourceID && p.Side == e.Side && p.Status == e.Status {
					out[len(out)-1] = &e
					continue
				}
			}
			out = append(out, &e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	if f.Latest && f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// dateEnd returns the stored form of the first date after d's period: a
// stored date sorts before it if and only if it starts within or before d.
func dateEnd(d lastseen.PartialDate) string {
	t := d.Start()
	switch d.Precision {
	case lastseen.PrecisionYear:
		return fmt.Sprintf("%04d", t.Year()+1)
	case lastseen.PrecisionMonth:
		t = t.AddDate(0, 1, 0)
		return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
	}
	t = t.AddDate(0, 0, 1)
	return t.Format("2006-01-02")
}
