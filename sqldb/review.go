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
	for _, it := range items {
		if it.RecordA > it.RecordB {
			it.RecordA, it.RecordB = it.RecordB, it.RecordA
			for k := range it.Fields {
				it.Fields[k].A, it.Fields[k].B = it.Fields[k].B, it.Fields[k].A
			}
		}
	}
	return s.db.write(ctx, func(tx *Tx) error {
		known, err := readReviewRefs(ctx, tx, items)
		if err != nil {
			return err
		}
		var touched []int64
		for i, it := range items {
			for _, ref := range []struct {
				field string
				id    int64
			}{{"record_a", it.RecordA}, {"record_b", it.RecordB}} {
				if !known.records[ref.id] {
					return notFoundField(fmt.Sprintf("items[%d].%s", i, ref.field), "Record %d not found.", ref.id)
				}
			}
			if known.judged[[2]int64{it.RecordA, it.RecordB}] {
				continue
			}
			if it.InquiryID == 0 {
				a, b := known.inquiry[it.RecordA], known.inquiry[it.RecordB]
				if a == 0 || b != 0 && b < a {
					a = b
				}
				if it.InquiryID = a; it.InquiryID != 0 {
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
		// their persons read at once: an import enqueues a thousand
		// records' items in one call
		current, err := currentLinks(ctx, tx, touched)
		if err != nil {
			return err
		}
		done := map[int64]bool{}
		var persons []int64
		for _, id := range touched {
			if pid := current[id].person; pid != 0 && !done[pid] {
				done[pid] = true
				persons = append(persons, pid)
			}
		}
		return refreshInquiriesOfPersons(ctx, tx, persons)
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

// reviewRefs is what EnqueueReview checks of its items, read for all of
// them at once: which records exist, which pairs a caseworker judged, and
// the first open inquiry about each record.
type reviewRefs struct {
	records map[int64]bool
	judged  map[[2]int64]bool
	inquiry map[int64]int64
}

func readReviewRefs(ctx context.Context, tx *Tx, items []*lastseen.ReviewItem) (reviewRefs, error) {
	k := reviewRefs{records: map[int64]bool{}, judged: map[[2]int64]bool{}, inquiry: map[int64]int64{}}
	var ids []int64
	seen := map[int64]bool{}
	for _, it := range items {
		for _, id := range []int64{it.RecordA, it.RecordB} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	// scan runs q with LIST replaced by the ids, each row two integers
	scan := func(q string, ids []int64, each func(a, b int64)) error {
		in, args := tx.idLists(ids, 1)
		q = strings.Replace(q, "LIST", in[0], 1)
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("enqueue review: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var a, b int64
			if err := rows.Scan(&a, &b); err != nil {
				return fmt.Errorf("enqueue review: %w", err)
			}
			each(a, b)
		}
		return rows.Err()
	}
	err := chunks(ids, func(ids []int64) error {
		if err := scan(`SELECT id, 0 FROM records WHERE id IN (LIST)`, ids, func(id, _ int64) {
			k.records[id] = true
		}); err != nil {
			return err
		}
		// judgements store their pair in order, as the items now are
		if err := scan(`SELECT record_a, record_b FROM judgements WHERE record_a IN (LIST)`, ids, func(a, b int64) {
			k.judged[[2]int64{a, b}] = true
		}); err != nil {
			return err
		}
		return scan(`SELECT record_id, MIN(id) FROM inquiries WHERE record_id IN (LIST) AND state <> '`+
			string(lastseen.InquiryClosed)+`' GROUP BY record_id`, ids, func(id, inq int64) {
			k.inquiry[id] = inq
		})
	})
	return k, err
}
