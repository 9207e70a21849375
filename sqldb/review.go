package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
)

// ReviewService keeps the caseworkers' review queue; see
// lastseen.ReviewService.
type ReviewService struct {
	db *DB
}

var _ lastseen.ReviewService = (*ReviewService)(nil)

// NewReviewService returns the review service of db.
func NewReviewService(db *DB) *ReviewService { return &ReviewService{db: db} }

// InquiryPriority is added to the priority of a review item that could answer
// an inquiry: a family waiting goes before a list's duplicates.
const InquiryPriority = 100

// EnqueueReview stores open review items, with each pair ordered so that
// RecordA < RecordB (the fields' A and B sides swapped with it). A pair that
// already has an open item or a judgement is skipped and its item's ID left
// 0. An item about an inquiry's record is tied to the inquiry and raised by
// InquiryPriority, and the inquiry moves to "candidate found" in the same
// transaction. Returns ENOTFOUND naming items[i].record_a or record_b when a
// record does not exist, EINVALID when both are the same record.
func (s *ReviewService) EnqueueReview(ctx context.Context, items []*lastseen.ReviewItem) error {
	for i, it := range items {
		if it.RecordA == it.RecordB {
			var p lastseen.Problems
			p.Add(fmt.Sprintf("items[%d].record_b", i), "is the same record as record_a")
			return p.Err()
		}
	}
	return s.db.write(ctx, func(tx *Tx) error {
		var touched []int64
		for i, it := range items {
			if it.RecordA > it.RecordB {
				it.RecordA, it.RecordB = it.RecordB, it.RecordA
				for k := range it.Fields {
					it.Fields[k].A, it.Fields[k].B = it.Fields[k].B, it.Fields[k].A
				}
			}
			for _, ref := range []struct {
				field string
				id    int64
			}{{"record_a", it.RecordA}, {"record_b", it.RecordB}} {
				if ok, err := tx.exists(ctx, "records", ref.id); err != nil {
					return err
				} else if !ok {
					return notFoundField(fmt.Sprintf("items[%d].%s", i, ref.field), "Record %d not found.", ref.id)
				}
			}
			var judged int
			err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM judgements WHERE record_a = $1 AND record_b = $2`,
				it.RecordA, it.RecordB).Scan(&judged)
			if err != nil {
				return fmt.Errorf("enqueue review: %w", err)
			}
			if judged > 0 {
				continue
			}
			if it.InquiryID == 0 {
				err := tx.QueryRowContext(ctx, `
					SELECT COALESCE(MIN(id), 0) FROM inquiries WHERE record_id IN ($1, $2) AND state <> $3`,
					it.RecordA, it.RecordB, string(lastseen.InquiryClosed)).Scan(&it.InquiryID)
				if err != nil {
					return fmt.Errorf("enqueue review: %w", err)
				}
				if it.InquiryID != 0 {
					it.Priority += InquiryPriority
				}
			}
			fields := ""
			if len(it.Fields) > 0 {
				b, err := json.Marshal(it.Fields)
				if err != nil {
					return fmt.Errorf("enqueue review: %w", err)
				}
				fields = string(b)
			}
			var id int64
			err = tx.QueryRowContext(ctx, `
				INSERT INTO review_items (record_a, record_b, score, fields, priority, inquiry_id, state, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
				ON CONFLICT DO NOTHING RETURNING id`,
				it.RecordA, it.RecordB, it.Score, fields, it.Priority, nullID(it.InquiryID), string(lastseen.ReviewOpen), tx.now,
			).Scan(&id)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("enqueue review: %w", err)
			}
			if id == 0 {
				continue // the pair already has an open item
			}
			it.ID, it.State, it.CreatedAt = id, lastseen.ReviewOpen, tx.now
			touched = append(touched, it.RecordA, it.RecordB)
		}
		// The inquiries about the records, and about their persons: a death
		// report waiting for review holds back a claim of life.
		if err := refreshInquiriesOfRecords(ctx, tx, touched); err != nil {
			return err
		}
		done := map[int64]bool{}
		for _, id := range touched {
			pid, _, err := currentLink(ctx, tx, id)
			if err != nil {
				return err
			}
			if pid != 0 && !done[pid] {
				done[pid] = true
				if err := refreshInquiriesOfPerson(ctx, tx, pid); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// FindReviewItems returns items most urgent first; see lastseen.ReviewService.
func (s *ReviewService) FindReviewItems(ctx context.Context, f lastseen.ReviewFilter) ([]*lastseen.ReviewItem, int, error) {
	var out []*lastseen.ReviewItem
	var total int
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		out, total, err = findReviewItems(ctx, tx, f)
		return err
	})
	return out, total, err
}

func findReviewItems(ctx context.Context, tx *Tx, f lastseen.ReviewFilter) ([]*lastseen.ReviewItem, int, error) {
	var where []string
	var args []any
	if f.State != "" {
		args = append(args, string(f.State))
		where = append(where, fmt.Sprintf("state = $%d", len(args)))
	}
	if f.RecordID != 0 {
		args = append(args, f.RecordID)
		where = append(where, fmt.Sprintf("(record_a = $%d OR record_b = $%d)", len(args), len(args)))
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM review_items`+w, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count review items: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, record_a, record_b, score, fields, priority, inquiry_id, state, judgement_id, created_at
		FROM review_items`+w+` ORDER BY priority DESC, id`+limitOffset(f.Limit, f.Offset), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find review items: %w", err)
	}
	defer rows.Close()
	var out []*lastseen.ReviewItem
	for rows.Next() {
		var it lastseen.ReviewItem
		var fields, state string
		var inquiry, judgement *int64
		if err := rows.Scan(&it.ID, &it.RecordA, &it.RecordB, &it.Score, &fields, &it.Priority,
			&inquiry, &state, &judgement, &it.CreatedAt); err != nil {
			return nil, 0, fmt.Errorf("find review items: %w", err)
		}
		if fields != "" {
			if err := json.Unmarshal([]byte(fields), &it.Fields); err != nil {
				return nil, 0, fmt.Errorf("review item %d: stored fields: %w", it.ID, err)
			}
		}
		if inquiry != nil {
			it.InquiryID = *inquiry
		}
		if judgement != nil {
			it.JudgementID = *judgement
		}
		it.State, it.CreatedAt = lastseen.ReviewState(state), it.CreatedAt.UTC()
		out = append(out, &it)
	}
	return out, total, rows.Err()
}
