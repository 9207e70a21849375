package sqldb

import (
	"context"
	"fmt"

	"github.com/lastseen/lastseen"
)

// JudgementService stores caseworkers' judgements, append-only.
type JudgementService struct {
	db *DB
}

var _ lastseen.JudgementService = (*JudgementService)(nil)

// NewJudgementService returns the judgement service of db.
func NewJudgementService(db *DB) *JudgementService { return &JudgementService{db: db} }

// CreateJudgement stores the judgement with its pair ordered (RecordA <
// RecordB) and sets ID and CreatedAt; see lastseen.JudgementService for the
// errors.
func (s *JudgementService) CreateJudgement(ctx context.Context, j *lastseen.Judgement) error {
	var p lastseen.Problems
	switch j.Verdict {
	case lastseen.VerdictSame, lastseen.VerdictNotSame, lastseen.VerdictUnsure:
	default:
		p.Add("verdict", "%q is not a verdict (same, not_same or unsure)", j.Verdict)
	}
	if j.RecordA == j.RecordB {
		p.Add("record_b", "is the same record as record_a")
	}
	if len(j.Note) > 20000 {
		p.Add("note", "is longer than 20000 bytes")
	}
	if err := p.Err(); err != nil {
		return err
	}
	if j.RecordA > j.RecordB {
		j.RecordA, j.RecordB = j.RecordB, j.RecordA
	}
	return s.db.write(ctx, func(tx *Tx) error {
		for _, ref := range []struct {
			field, table string
			id           int64
		}{{"record_a", "records", j.RecordA}, {"record_b", "records", j.RecordB}, {"user_id", "users", j.UserID}} {
			if ref.id == 0 && ref.field == "user_id" {
				continue
			}
			if ok, err := tx.exists(ctx, ref.table, ref.id); err != nil {
				return err
			} else if !ok {
				return notFoundField(ref.field, "%s %d not found.", map[string]string{"records": "Record", "users": "User"}[ref.table], ref.id)
			}
		}
		err := tx.QueryRowContext(ctx, `
			INSERT INTO judgements (record_a, record_b, verdict, user_id, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			j.RecordA, j.RecordB, string(j.Verdict), nullID(j.UserID), j.Note, tx.now,
		).Scan(&j.ID)
		if err != nil {
			return fmt.Errorf("create judgement: %w", err)
		}
		j.CreatedAt = tx.now
		return tx.audit(ctx, "judgement.create", fmt.Sprintf("judgement:%d", j.ID),
			fmt.Sprintf("record:%d record:%d %s", j.RecordA, j.RecordB, j.Verdict))
	})
}

// FindJudgements returns judgements newest first.
func (s *JudgementService) FindJudgements(ctx context.Context, f lastseen.JudgementFilter) ([]*lastseen.Judgement, error) {
	q := `SELECT id, record_a, record_b, verdict, user_id, note, created_at FROM judgements`
	var args []any
	switch {
	case f.RecordID != 0 && f.OtherID != 0:
		a, b := min(f.RecordID, f.OtherID), max(f.RecordID, f.OtherID)
		q += ` WHERE record_a = $1 AND record_b = $2`
		args = []any{a, b}
	case len(f.RecordIDs) > 0:
		in := placeholders(1, len(f.RecordIDs))
		q += ` WHERE record_a IN (` + in + `) OR record_b IN (` + in + `)`
		args = int64Args(f.RecordIDs)
	case f.RecordID != 0 || f.OtherID != 0:
		q += ` WHERE record_a = $1 OR record_b = $1`
		args = []any{max(f.RecordID, f.OtherID)}
	}
	q += ` ORDER BY id DESC` + limitOffset(f.Limit, 0)
	var out []*lastseen.Judgement
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("find judgements: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var j lastseen.Judgement
			var verdict string
			var userID *int64
			if err := rows.Scan(&j.ID, &j.RecordA, &j.RecordB, &verdict, &userID, &j.Note, &j.CreatedAt); err != nil {
				return fmt.Errorf("find judgements: %w", err)
			}
			if userID != nil {
				j.UserID = *userID
			}
			j.Verdict, j.CreatedAt = lastseen.Verdict(verdict), j.CreatedAt.UTC()
			out = append(out, &j)
		}
		return rows.Err()
	})
	return out, err
}
