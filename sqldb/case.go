package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lastseen/lastseen"
)

// CaseService applies caseworkers' judgements and verifications and reads
// persons as cases. See lastseen.CaseService.
type CaseService struct {
	db *DB
}

var _ lastseen.CaseService = (*CaseService)(nil)

// NewCaseService returns the case service of db.
func NewCaseService(db *DB) *CaseService { return &CaseService{db: db} }

// grades returns the grade table in force.
func (db *DB) grades() lastseen.Grades {
	if db.Grades == nil {
		return lastseen.DefaultGrades()
	}
	return db.Grades
}

// refreshCase recomputes a person's derived status (lastseen.DeriveStatus)
// from the claims of its current records and its verifications, stores it,
// and moves the inquiries about the person. refreshPerson calls it, so it runs
// in the transaction of every change of a person's records.
//
// On PostgreSQL it first locks the person's row: two transactions linking
// records to the same person at once would otherwise each derive from a
// snapshot without the other's record, and the last to commit would store a
// status that misses a claim. The second waits, then reads the first's
// committed links (READ COMMITTED reads afresh at each statement). NO KEY
// UPDATE, because the links inserted before hold KEY SHARE locks on the row
// (their foreign key), which FOR UPDATE would wait on: a deadlock. SQLite has
// one writer at a time and needs no lock.
func refreshCase(ctx context.Context, tx *Tx, personID int64) error {
	if tx.db.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT id FROM persons WHERE id = $1 FOR NO KEY UPDATE`, personID); err != nil {
			return fmt.Errorf("lock person %d: %w", personID, err)
		}
	}
	claims, _, err := gradedClaims(ctx, tx, personID)
	if err != nil {
		return fmt.Errorf("refresh person %d: %w", personID, err)
	}
	vs, err := findVerifications(ctx, tx, personID)
	if err != nil {
		return fmt.Errorf("refresh person %d: %w", personID, err)
	}
	d := lastseen.DeriveStatus(claims, vs)
	conflict := ""
	if len(d.Conflict) > 0 {
		b, _ := json.Marshal(d.Conflict)
		conflict = string(b)
	}
	_, err = tx.ExecContext(ctx, `
		UPDATE persons SET status = $1, confidence = $2, as_of = $3, conflict = $4, verified = $5, updated_at = $6
		WHERE id = $7`,
		string(d.Status), d.Confidence, d.AsOf.String(), conflict, d.Verified, tx.now, personID)
	if err != nil {
		return fmt.Errorf("refresh person %d: %w", personID, err)
	}
	return refreshInquiriesOfPerson(ctx, tx, personID)
}

// gradedClaims returns the claims of a person's current records, graded,
// with their sources, and the records themselves (with sources attached). A
// record corrected by another record of the same person has its claims
// marked superseded, as refreshPerson leaves it out.
func gradedClaims(ctx context.Context, tx *Tx, personID int64) ([]*lastseen.GradedClaim, []*lastseen.Record, error) {
	rs, err := findRecords(ctx, tx, lastseen.RecordFilter{PersonID: personID})
	if err != nil {
		return nil, nil, err
	}
	if err := attachSources(ctx, tx, rs); err != nil {
		return nil, nil, err
	}
	return claimsOf(tx.db.grades(), rs), rs, nil
}

// claimsOf grades the claims of a person's current records, which have their
// sources attached.
func claimsOf(gs lastseen.Grades, rs []*lastseen.Record) []*lastseen.GradedClaim {
	superseded := map[int64]bool{}
	for _, r := range rs {
		superseded[r.Supersedes] = true
	}
	var out []*lastseen.GradedClaim
	for _, r := range rs {
		for _, c := range r.Claims {
			out = append(out, &lastseen.GradedClaim{
				Claim:      c,
				Grade:      gs.Of(r.Source, c),
				Source:     r.Source,
				Submitter:  r.Submitter,
				ReportedAt: r.ReceivedAt,
				Superseded: superseded[r.ID],
			})
		}
	}
	return out
}

// attachSources sets the Source of each record.
func attachSources(ctx context.Context, tx *Tx, rs []*lastseen.Record) error {
	byID := map[int64]*lastseen.Source{}
	for _, r := range rs {
		if r.Source != nil {
			continue
		}
		src, ok := byID[r.SourceID]
		if !ok {
			var err error
			if src, err = findSourceByID(ctx, tx, r.SourceID); err != nil {
				return fmt.Errorf("source of record %d: %w", r.ID, err)
			}
			byID[r.SourceID] = src
		}
		r.Source = src
	}
	return nil
}

// FindCase returns the person with its records, derived status and
// timeline; see lastseen.CaseService.
func (s *CaseService) FindCase(ctx context.Context, personID int64) (*lastseen.Person, error) {
	var p *lastseen.Person
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		if p, err = findPersonByID(ctx, tx, personID); err != nil {
			return err
		}
		claims, rs, err := gradedClaims(ctx, tx, personID)
		if err != nil {
			return err
		}
		vs, err := findVerifications(ctx, tx, personID)
		if err != nil {
			return err
		}
		// Derived afresh rather than read from the cache, for the basis and
		// the deciding verification, which the cache does not keep.
		lastseen.DeriveStatus(claims, vs).Apply(p)
		lastseen.SortTimeline(claims)
		p.Records, p.Timeline = rs, claims
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Verify stores a verification and recomputes the person; see
// lastseen.CaseService.
func (s *CaseService) Verify(ctx context.Context, v *lastseen.Verification) error {
	a := lastseen.ActorFromContext(ctx)
	if err := lastseen.Authorize(a, lastseen.ActionVerify, nil); err != nil {
		return err
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if a != nil {
		v.UserID = a.UserID
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if ok, err := tx.exists(ctx, "persons", v.PersonID); err != nil {
			return err
		} else if !ok {
			return lastseen.Errorf(lastseen.ENOTFOUND, "Person %d not found.", v.PersonID)
		}
		err := tx.QueryRowContext(ctx, `
			INSERT INTO verifications (person_id, status, event_date, method, note, user_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			v.PersonID, string(v.Status), v.Date.String(), v.Method, v.Note, nullID(v.UserID), tx.now,
		).Scan(&v.ID)
		if err != nil {
			return fmt.Errorf("verify person %d: %w", v.PersonID, err)
		}
		v.CreatedAt = tx.now
		if err := tx.audit(ctx, "person.verify", fmt.Sprintf("person:%d", v.PersonID),
			fmt.Sprintf("verification:%d %s: %s", v.ID, v.Status, v.Method)); err != nil {
			return err
		}
		return refreshCase(ctx, tx, v.PersonID)
	})
}

// FindVerifications returns a person's verifications, newest first.
func (s *CaseService) FindVerifications(ctx context.Context, personID int64) ([]*lastseen.Verification, error) {
	var out []*lastseen.Verification
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		out, err = findVerifications(ctx, tx, personID)
		return err
	})
	return out, err
}

func findVerifications(ctx context.Context, tx *Tx, personID int64) ([]*lastseen.Verification, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id, person_id, status, event_date, method, note, user_id, created_at
		FROM verifications WHERE person_id = $1 ORDER BY created_at DESC, id DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("find verifications of person %d: %w", personID, err)
	}
	return scanVerifications(rows)
}

// scanVerifications reads rows of verifications and closes them.
func scanVerifications(rows *sql.Rows) ([]*lastseen.Verification, error) {
	defer rows.Close()
	var out []*lastseen.Verification
	for rows.Next() {
		var v lastseen.Verification
		var status, date string
		var user sql.NullInt64
		var err error
		if err = rows.Scan(&v.ID, &v.PersonID, &status, &date, &v.Method, &v.Note, &user, &v.CreatedAt); err != nil {
			return nil, fmt.Errorf("find verifications: %w", err)
		}
		if v.Date, err = parseStoredDate("verifications.event_date", date); err != nil {
			return nil, fmt.Errorf("verification %d: %w", v.ID, err)
		}
		v.Status, v.UserID, v.CreatedAt = lastseen.Status(status), user.Int64, v.CreatedAt.UTC()
		out = append(out, &v)
	}
	return out, rows.Err()
}

// Judge stores a judgement and applies it; see lastseen.CaseService.
func (s *CaseService) Judge(ctx context.Context, j *lastseen.Judgement) (*lastseen.JudgementOutcome, error) {
	a := lastseen.ActorFromContext(ctx)
	if err := lastseen.Authorize(a, lastseen.ActionJudge, nil); err != nil {
		return nil, err
	}
	if err := j.Validate(); err != nil {
		return nil, err
	}
	if a != nil {
		j.UserID = a.UserID
	}
	out := &lastseen.JudgementOutcome{Judgement: j}
	err := s.db.write(ctx, func(tx *Tx) error {
		for _, ref := range []struct {
			field string
			id    int64
		}{{"record_a", j.RecordA}, {"record_b", j.RecordB}} {
			if ok, err := tx.exists(ctx, "records", ref.id); err != nil {
				return err
			} else if !ok {
				return notFoundField(ref.field, "Record %d not found.", ref.id)
			}
		}
		lo, hi := min(j.RecordA, j.RecordB), max(j.RecordA, j.RecordB)
		err := tx.QueryRowContext(ctx, `
			INSERT INTO judgements (record_a, record_b, verdict, user_id, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			lo, hi, string(j.Verdict), nullID(j.UserID), j.Note, tx.now,
		).Scan(&j.ID)
		if err != nil {
			return fmt.Errorf("create judgement: %w", err)
		}
		j.CreatedAt = tx.now
		if err := tx.audit(ctx, "judgement.create", fmt.Sprintf("judgement:%d", j.ID),
			fmt.Sprintf("record:%d record:%d %s", j.RecordA, j.RecordB, j.Verdict)); err != nil {
			return err
		}
		if err := applyJudgement(ctx, tx, j); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			UPDATE review_items SET state = $1, judgement_id = $2
			WHERE record_a = $3 AND record_b = $4 AND state = $5`,
			string(lastseen.ReviewDecided), j.ID, lo, hi, string(lastseen.ReviewOpen))
		if err != nil {
			return fmt.Errorf("close review items of records %d and %d: %w", lo, hi, err)
		}
		// Closing the item may leave an inquiry without a candidate.
		if err := refreshInquiriesOfRecords(ctx, tx, []int64{j.RecordA, j.RecordB}); err != nil {
			return err
		}
		if out.PersonA, _, err = currentLink(ctx, tx, j.RecordA); err != nil {
			return err
		}
		out.PersonB, _, err = currentLink(ctx, tx, j.RecordB)
		return err
	})
	if err != nil {
		j.ID = 0
		return nil, err
	}
	return out, nil
}

// applyJudgement moves records as a judgement says: "same" merges RecordB's
// person into RecordA's, "not same" undoes such a merge or takes RecordB out
// of a shared person.
// Every move is a caseworker link by the judging user.
func applyJudgement(ctx context.Context, tx *Tx, j *lastseen.Judgement) error {
	pa, _, err := currentLink(ctx, tx, j.RecordA)
	if err != nil {
		return err
	}
	pb, _, err := currentLink(ctx, tx, j.RecordB)
	if err != nil {
		return err
	}
	link := lastseen.Link{Method: lastseen.LinkCaseworker, DecidedBy: j.UserID}
	touched := map[int64]bool{}
	switch j.Verdict {
	case lastseen.VerdictSame:
		if pa != 0 && pa == pb {
			return nil
		}
		if pa == 0 {
			if pa, err = relink(ctx, tx, j.RecordA, 0, link); err != nil {
				return err
			}
		}
		moving := []int64{j.RecordB}
		if pb != 0 {
			if moving, err = memberIDs(ctx, tx, pb); err != nil {
				return err
			}
			touched[pb] = true
		}
		for _, id := range moving {
			if _, err := relink(ctx, tx, id, pa, link); err != nil {
				return err
			}
		}
		touched[pa] = true
	case lastseen.VerdictNotSame:
		if pa == 0 || pa != pb {
			return nil
		}
		back, to, err := undoableMerge(ctx, tx, j, pa)
		if err != nil {
			return err
		}
		for _, id := range back {
			if _, err := relink(ctx, tx, id, to, link); err != nil {
				return err
			}
		}
		if len(back) == 0 {
			if to, err = relink(ctx, tx, j.RecordB, 0, link); err != nil {
				return err
			}
		}
		touched[pa], touched[to] = true, true
	default:
		return nil
	}
	for id := range touched {
		if err := refreshPerson(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// relink ends the record's current link and links it to the person, a new
// one when personID is 0, and returns the person id. The caller refreshes
// the persons touched.
func relink(ctx context.Context, tx *Tx, recordID, personID int64, l lastseen.Link) (int64, error) {
	if personID == 0 {
		var err error
		if personID, err = tx.newPerson(ctx); err != nil {
			return 0, err
		}
	}
	_, err := tx.ExecContext(ctx,
		`UPDATE links SET removed_at = $1 WHERE record_id = $2 AND removed_at IS NULL`, tx.now, recordID)
	if err != nil {
		return 0, fmt.Errorf("unlink record %d: %w", recordID, err)
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO links (record_id, person_id, score, method, decided_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		recordID, personID, l.Score, string(l.Method), nullID(l.DecidedBy), tx.now)
	if err != nil {
		return 0, fmt.Errorf("link record %d to person %d: %w", recordID, personID, err)
	}
	return personID, tx.audit(ctx, "record.link", fmt.Sprintf("record:%d", recordID),
		fmt.Sprintf("person:%d %s", personID, l.Method))
}

// FindReviewCases returns review items with both records; see
// lastseen.CaseService.
func (s *CaseService) FindReviewCases(ctx context.Context, f lastseen.ReviewFilter) ([]*lastseen.ReviewCase, int, error) {
	var out []*lastseen.ReviewCase
	var total int
	err := s.db.read(ctx, func(tx *Tx) error {
		items, n, err := findReviewItems(ctx, tx, f)
		if err != nil {
			return err
		}
		total = n
		if len(items) == 0 {
			return nil
		}
		var ids []int64
		for _, it := range items {
			ids = append(ids, it.RecordA, it.RecordB)
		}
		rs, err := findRecords(ctx, tx, lastseen.RecordFilter{IDs: ids})
		if err != nil {
			return err
		}
		if err := attachSources(ctx, tx, rs); err != nil {
			return err
		}
		byID := map[int64]*lastseen.Record{}
		for _, r := range rs {
			byID[r.ID] = r
		}
		for _, it := range items {
			out = append(out, &lastseen.ReviewCase{ReviewItem: *it, A: byID[it.RecordA], B: byID[it.RecordB]})
		}
		return nil
	})
	return out, total, err
}

// placeholders returns "$n, $n+1, …" for k arguments starting at n.
func placeholders(n, k int) string {
	ps := make([]string, k)
	for i := range ps {
		ps[i] = fmt.Sprintf("$%d", n+i)
	}
	return strings.Join(ps, ", ")
}

// FindCases returns persons for caseworkers' work lists; see
// lastseen.CaseService.
func (s *CaseService) FindCases(ctx context.Context, f lastseen.CaseFilter) ([]*lastseen.CaseSummary, int, error) {
	var where []string
	var args []any
	if f.Status != "" {
		args = append(args, string(f.Status))
		where = append(where, fmt.Sprintf("p.status = $%d", len(args)))
	}
	if f.Unverified {
		where = append(where, "p.verified = FALSE")
	}
	if f.Conflict {
		where = append(where, "p.conflict <> ''")
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, string(lastseen.InquiryClosed))
	waiting := fmt.Sprintf(`(SELECT COUNT(*) FROM inquiries i JOIN links l ON l.record_id = i.record_id AND l.removed_at IS NULL
		WHERE l.person_id = p.id AND i.state <> $%d)`, len(args))
	var out []*lastseen.CaseSummary
	var total int
	err := s.db.read(ctx, func(tx *Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM persons p`+w, args[:len(args)-1]...).Scan(&total); err != nil {
			return fmt.Errorf("count cases: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT p.id, `+waiting+` AS waiting FROM persons p`+w+
			` ORDER BY waiting DESC, p.as_of DESC, p.id`+limitOffset(f.Limit, f.Offset), args...)
		if err != nil {
			return fmt.Errorf("find cases: %w", err)
		}
		type row struct{ id, waiting int64 }
		var rs []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.waiting); err != nil {
				rows.Close()
				return fmt.Errorf("find cases: %w", err)
			}
			rs = append(rs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find cases: %w", err)
		}
		for _, r := range rs {
			p, err := findPersonByID(ctx, tx, r.id)
			if err != nil {
				return err
			}
			out = append(out, &lastseen.CaseSummary{Person: p, Inquiries: int(r.waiting)})
		}
		return nil
	})
	return out, total, err
}

// Recompute derives the status of every person again, in batches of a few
// hundred persons per transaction, and returns how many it did. Run it after
// the grade table changed (lastseen serve --grades): cached statuses follow
// the table only from the next change of each person otherwise. Inquiries
// move and notify as they would at any change.
func (s *CaseService) Recompute(ctx context.Context) (int, error) {
	const batch = 200
	var after int64
	n := 0
	for {
		var ids []int64
		err := s.db.write(ctx, func(tx *Tx) error {
			var err error
			ids, err = tx.ids(ctx, "recompute", `SELECT id FROM persons WHERE id > $1 ORDER BY id LIMIT $2`, after, batch)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if err := refreshCase(ctx, tx, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return n, err
		}
		n += len(ids)
		if len(ids) < batch {
			return n, nil
		}
		after = ids[len(ids)-1]
	}
}

// undoableMerge finds what a "not same" on a pair can undo: when the pair's
// previous judgement was a "same" that merged RecordB's person into
// RecordA's, the records that merge brought over — still linked by it — go
// back to the person they came from, which keeps its id. It returns those
// records and that person; none when there is no such merge to undo, and
// RecordB alone leaves for a new person.
func undoableMerge(ctx context.Context, tx *Tx, j *lastseen.Judgement, pa int64) ([]int64, int64, error) {
	var verdict string
	var at time.Time
	err := tx.QueryRowContext(ctx, `
		SELECT verdict, created_at FROM judgements
		WHERE record_a = $1 AND record_b = $2 AND id < $3 ORDER BY id DESC LIMIT 1`,
		min(j.RecordA, j.RecordB), max(j.RecordA, j.RecordB), j.ID).Scan(&verdict, &at)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && lastseen.Verdict(verdict) != lastseen.VerdictSame) {
		return automaticMove(ctx, tx, j, pa)
	} else if err != nil {
		return nil, 0, fmt.Errorf("previous judgement: %w", err)
	}
	from, err := mergedFrom(ctx, tx, j.RecordB, at, lastseen.LinkCaseworker)
	if err != nil || from == 0 {
		return nil, 0, err
	}
	back, err := movedWith(ctx, tx, pa, from, at, lastseen.LinkCaseworker)
	if err != nil {
		return nil, 0, err
	}
	return back, from, nil
}

// movedWith lists the members of person pa that a link made at time at by
// method brought from person from: the records one merge or move carried.
func movedWith(ctx context.Context, tx *Tx, pa, from int64, at time.Time, method lastseen.LinkMethod) ([]int64, error) {
	members, err := memberIDs(ctx, tx, pa)
	if err != nil {
		return nil, err
	}
	var back []int64
	for _, m := range members {
		if p, err := mergedFrom(ctx, tx, m, at, method); err != nil {
			return nil, err
		} else if p == from {
			back = append(back, m)
		}
	}
	return back, nil
}

// automaticMove finds what a "not same" on a pair that shares a person can
// undo when no caseworker's "same" joined them: the automatic move (the
// incremental linker's second look, package index) that brought RecordB, or
// else RecordA, into the person — the records it moved in the same
// transaction from the same person go back to that person, which keeps its
// id. Not when it brought both records of the pair: the move did not join
// them. None when there is no such move; RecordB alone then leaves for a
// new person.
func automaticMove(ctx context.Context, tx *Tx, j *lastseen.Judgement, pa int64) ([]int64, int64, error) {
	for _, rec := range []int64{j.RecordB, j.RecordA} {
		from, at, err := lastMove(ctx, tx, rec, lastseen.LinkAutomatic)
		if err != nil {
			return nil, 0, err
		}
		if from == 0 || from == pa {
			continue
		}
		back, err := movedWith(ctx, tx, pa, from, at, lastseen.LinkAutomatic)
		if err != nil {
			return nil, 0, err
		}
		if slices.Contains(back, j.RecordA) && slices.Contains(back, j.RecordB) {
			continue
		}
		return back, from, nil
	}
	return nil, 0, nil
}

// mergedFrom returns the person a record was linked to before a merge or
// move at the given time, if its current link was made by it with method;
// 0 otherwise.
func mergedFrom(ctx context.Context, tx *Tx, recordID int64, at time.Time, method lastseen.LinkMethod) (int64, error) {
	from, when, err := lastMove(ctx, tx, recordID, method)
	if err != nil || !when.Equal(at) {
		return 0, err
	}
	return from, nil
}

// lastMove returns the person a record was linked to before its current
// link, and when that link was made, if a merge or move with method made it
// (it ended the record's previous link at the same moment); 0 otherwise.
func lastMove(ctx context.Context, tx *Tx, recordID int64, method lastseen.LinkMethod) (int64, time.Time, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT person_id, method, created_at, removed_at FROM links WHERE record_id = $1 ORDER BY id DESC LIMIT 2`, recordID)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("links of record %d: %w", recordID, err)
	}
	defer rows.Close()
	type link struct {
		person  int64
		method  string
		created time.Time
		removed sql.NullTime
	}
	var ls []link
	for rows.Next() {
		var l link
		if err := rows.Scan(&l.person, &l.method, &l.created, &l.removed); err != nil {
			return 0, time.Time{}, fmt.Errorf("links of record %d: %w", recordID, err)
		}
		ls = append(ls, l)
	}
	if err := rows.Err(); err != nil {
		return 0, time.Time{}, fmt.Errorf("links of record %d: %w", recordID, err)
	}
	if len(ls) < 2 || ls[0].removed.Valid || lastseen.LinkMethod(ls[0].method) != method ||
		!ls[1].removed.Valid || !ls[1].removed.Time.Equal(ls[0].created) {
		return 0, time.Time{}, nil
	}
	return ls[1].person, ls[0].created, nil
}
