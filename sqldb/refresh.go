package sqldb

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/lastseen/lastseen"
)

// refreshPersons does what refreshPerson does for each of the persons, with a
// handful of queries for all of them instead of a dozen each: the batch link
// of an import touches a thousand persons at a time. ids must be in
// ascending order: on PostgreSQL the persons are locked in that order (see
// refreshCase), so that two batches sharing persons cannot deadlock.
func refreshPersons(ctx context.Context, tx *Tx, ids []int64) error {
	return chunks(ids, func(ids []int64) error { return refreshChunk(ctx, tx, ids) })
}

func refreshChunk(ctx context.Context, tx *Tx, ids []int64) error {
	lists, args := tx.idLists(ids, 1)
	in := lists[0]
	if tx.db.dialect == Postgres {
		// rows are locked as the sort returns them: in id order
		if _, err := tx.ExecContext(ctx,
			`SELECT id FROM persons WHERE id IN (`+in+`) ORDER BY id FOR NO KEY UPDATE`, args...); err != nil {
			return fmt.Errorf("lock %d persons: %w", len(ids), err)
		}
	}

	// the current records of every person, with claims and sources
	rows, err := tx.QueryContext(ctx,
		`SELECT `+recordColumns+` FROM records r `+currentLinkJoin+`WHERE l.person_id IN (`+in+`) ORDER BY r.id`, args...)
	if err != nil {
		return fmt.Errorf("refresh %d persons: records: %w", len(ids), err)
	}
	var all []*lastseen.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("refresh %d persons: records: %w", len(ids), err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("refresh %d persons: records: %w", len(ids), err)
	}
	if err := attachClaims(ctx, tx, all); err != nil {
		return err
	}
	if err := attachSources(ctx, tx, all); err != nil {
		return err
	}
	records := map[int64][]*lastseen.Record{} // in id order, as findRecords
	for _, r := range all {
		records[r.PersonID] = append(records[r.PersonID], r)
	}

	vrows, err := tx.QueryContext(ctx, `
		SELECT id, person_id, status, event_date, method, note, user_id, created_at
		FROM verifications WHERE person_id IN (`+in+`) ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return fmt.Errorf("refresh %d persons: verifications: %w", len(ids), err)
	}
	vs, err := scanVerifications(vrows)
	if err != nil {
		return fmt.Errorf("refresh %d persons: %w", len(ids), err)
	}
	verifications := map[int64][]*lastseen.Verification{}
	for _, v := range vs {
		verifications[v.PersonID] = append(verifications[v.PersonID], v)
	}

	gs := tx.db.grades()
	for _, id := range ids {
		rs := records[id]
		name, birth, side := displayFields(rs)
		d := lastseen.DeriveStatus(claimsOf(gs, rs), verifications[id])
		conflict := ""
		if len(d.Conflict) > 0 {
			b, _ := json.Marshal(d.Conflict)
			conflict = string(b)
		}
		_, err := tx.ExecContext(ctx, `
			UPDATE persons SET name = $1, birth_date = $2, birth_year = $3, side = $4,
				status = $5, confidence = $6, as_of = $7, conflict = $8, verified = $9, updated_at = $10
			WHERE id = $11`,
			name, birth.String(), dateYear(birth), side,
			string(d.Status), d.Confidence, d.AsOf.String(), conflict, d.Verified, tx.now, id)
		if err != nil {
			return fmt.Errorf("refresh person %d: %w", id, err)
		}
	}

	return refreshInquiriesOfPersons(ctx, tx, ids)
}

// refreshInquiriesOfPersons does refreshInquiriesOfPerson for each of the
// persons, with one query to find the inquiries.
func refreshInquiriesOfPersons(ctx context.Context, tx *Tx, ids []int64) error {
	return chunks(ids, func(ids []int64) error {
		in, args := tx.idLists(ids, 2)
		return refreshInquiriesWhere(ctx, tx, `state <> '`+string(lastseen.InquiryClosed)+`' AND (person_id IN (`+in[0]+`)
			OR record_id IN (SELECT record_id FROM links WHERE person_id IN (`+in[1]+`) AND removed_at IS NULL))`, args...)
	})
}
