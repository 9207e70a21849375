package sqldb

import (
	"context"
	"fmt"

	"github.com/lastseen/lastseen"
)

// StatsService counts the registry's persons. See lastseen.StatsService.
type StatsService struct {
	db *DB
}

var _ lastseen.StatsService = (*StatsService)(nil)

// NewStatsService returns the stats service of db.
func NewStatsService(db *DB) *StatsService { return &StatsService{db: db} }

// CountPersons counts persons with at least one current record by side,
// derived status and as-of month, from the persons' cached derived fields
// (refreshPerson keeps them current in the transaction of every change).
// A person left without records by a merge keeps its row for its history
// and is not counted.
func (s *StatsService) CountPersons(ctx context.Context, f lastseen.StatsFilter) ([]lastseen.StatsCell, error) {
	// under review: not verified, and a death among the person's current
	// records or in an open review item against one of them (the rule of
	// lastseen.Redact and Tellable).
	q := `
		SELECT side, status, substr(as_of, 1, 7) AS month, COUNT(*),
			SUM(CASE WHEN verified THEN 1 ELSE 0 END),
			SUM(CASE WHEN NOT verified AND (
				EXISTS (SELECT 1 FROM links ld JOIN claims c ON c.record_id = ld.record_id
					WHERE ld.person_id = p.id AND ld.removed_at IS NULL AND c.status = $1)
				OR EXISTS (SELECT 1 FROM review_items ri
					JOIN links m ON m.removed_at IS NULL AND m.person_id = p.id AND m.record_id IN (ri.record_a, ri.record_b)
					JOIN claims c ON c.status = $1 AND c.record_id IN (ri.record_a, ri.record_b) AND c.record_id <> m.record_id
					WHERE ri.state = $2)) THEN 1 ELSE 0 END)
		FROM persons p
		WHERE EXISTS (SELECT 1 FROM links l WHERE l.person_id = p.id AND l.removed_at IS NULL)`
	args := []any{string(lastseen.StatusDead), string(lastseen.ReviewOpen)}
	if f.Side != "" {
		args = append(args, f.Side)
		q += ` AND side = $3`
	}
	q += ` GROUP BY side, status, substr(as_of, 1, 7) ORDER BY side, status, month`
	from, to := monthKey(f.From, false), monthKey(f.To, true)
	var out []lastseen.StatsCell
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("count persons: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c lastseen.StatsCell
			var status string
			if err := rows.Scan(&c.Side, &status, &c.Month, &c.Persons, &c.Verified, &c.UnderReview); err != nil {
				return fmt.Errorf("count persons: %w", err)
			}
			c.Status = lastseen.Status(status)
			if inMonthRange(c.Month, from, to) {
				out = append(out, c)
			}
		}
		return rows.Err()
	})
	return out, err
}

// monthKey is the bound of a month range as "YYYY-MM": the first month of d
// (the last one when end is set), or "" when d is unknown.
func monthKey(d lastseen.PartialDate, end bool) string {
	switch {
	case d.IsZero():
		return ""
	case d.Precision == lastseen.PrecisionYear && end:
		return fmt.Sprintf("%04d-12", d.Year)
	case d.Precision == lastseen.PrecisionYear:
		return fmt.Sprintf("%04d-01", d.Year)
	}
	return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
}

// inMonthRange reports whether a month bucket ("2023-05", the year "2023",
// or "" for undated) belongs to the range [from, to]; empty bounds are open.
// A year bucket belongs when its year overlaps the range; the undated bucket
// only when there is no range at all.
func inMonthRange(month, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	switch len(month) {
	case 7:
		return (from == "" || month >= from) && (to == "" || month <= to)
	case 4:
		return (from == "" || month >= from[:4]) && (to == "" || month <= to[:4])
	}
	return false
}
