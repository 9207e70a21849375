package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
)

// groupsPerTx bounds one LinkGroups transaction, so that a large batch
// neither holds SQLite's one writer for long nor builds one huge transaction.
const groupsPerTx = 500

// maxGroup bounds the records of one group, which are linked in one
// statement (six parameters each, under PostgreSQL's 65535).
const maxGroup = 5000

// LinkGroups makes each group of unlinked records one new person and derives
// each person (refreshPerson, which also moves its inquiries), in
// transactions of a few hundred groups, with a "record.link" audit event per
// record. It is for batch linkage whose clusters are known at once (a batch
// run of the linkage engine, the demo data): one transaction per few hundred
// persons instead of one per record as with LinkRecord. It returns the new
// person ids in group order.
//
// Returns ECONFLICT if a record is already linked, ENOTFOUND naming
// groups[i][j] if a record does not exist, EINVALID if a group is empty or
// l.Method is not automatic or caseworker; groups in transactions that
// committed before the error stay linked.
func (s *PersonService) LinkGroups(ctx context.Context, groups [][]int64, l lastseen.Link) ([]int64, error) {
	var p lastseen.Problems
	if l.Method != lastseen.LinkAutomatic && l.Method != lastseen.LinkCaseworker {
		p.Add("method", "%q: batch links are automatic or caseworker", l.Method)
	}
	for i, g := range groups {
		if len(g) == 0 {
			p.Add(fmt.Sprintf("groups[%d]", i), "is empty")
		} else if len(g) > maxGroup {
			p.Add(fmt.Sprintf("groups[%d]", i), "has %d records; at most %d make one person in a batch", len(g), maxGroup)
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(groups))
	for start := 0; start < len(groups); start += groupsPerTx {
		chunk := groups[start:min(start+groupsPerTx, len(groups))]
		err := s.db.write(ctx, func(tx *Tx) error {
			if err := checkUnlinked(ctx, tx, chunk, start); err != nil {
				return err
			}
			kind, actor := actorKindID(lastseen.ActorFromContext(ctx))
			for _, g := range chunk {
				personID, err := tx.newPerson(ctx)
				if err != nil {
					return fmt.Errorf("link groups: %w", err)
				}
				links := make([]any, 0, len(g)*6)
				audits := make([]any, 0, len(g)*6)
				for _, rid := range g {
					links = append(links, rid, personID, l.Score, string(l.Method), nullID(l.DecidedBy), tx.now)
					audits = append(audits, tx.now, kind, actor, "record.link", fmt.Sprintf("record:%d", rid),
						fmt.Sprintf("person:%d %s", personID, l.Method))
				}
				_, err = tx.ExecContext(ctx, `INSERT INTO links (record_id, person_id, score, method, decided_by, created_at) VALUES `+
					tx.values(len(g), 6), links...)
				if isUnique(err) {
					return lastseen.Errorf(lastseen.ECONFLICT, "A record of the batch was linked by someone else at the same time; try again.")
				} else if err != nil {
					return fmt.Errorf("link groups: person %d: %w", personID, err)
				}
				_, err = tx.ExecContext(ctx, `INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, detail) VALUES `+
					tx.values(len(g), 6), audits...)
				if err != nil {
					return fmt.Errorf("link groups: audit: %w", err)
				}
				if err := refreshPerson(ctx, tx, personID); err != nil {
					return err
				}
				ids = append(ids, personID)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// checkUnlinked returns ENOTFOUND naming the first record of the groups that
// does not exist, or ECONFLICT for the first one that is linked already.
func checkUnlinked(ctx context.Context, tx *Tx, groups [][]int64, offset int) error {
	where := map[int64]string{}
	var all []any
	for i, g := range groups {
		for j, id := range g {
			if _, dup := where[id]; dup {
				return lastseen.Errorf(lastseen.EINVALID, "Record %d is in two groups.", id)
			}
			where[id] = fmt.Sprintf("groups[%d][%d]", offset+i, j)
			all = append(all, id)
		}
	}
	for len(all) > 0 {
		n := min(len(all), rowsPerInsert)
		batch := all[:n]
		all = all[n:]
		marks := make([]string, n)
		for i := range marks {
			marks[i] = fmt.Sprintf("$%d", i+1)
		}
		in := strings.Join(marks, ", ")
		rows, err := tx.QueryContext(ctx, `
			SELECT r.id, l.person_id FROM records r LEFT JOIN links l ON l.record_id = r.id AND l.removed_at IS NULL
			WHERE r.id IN (`+in+`)`, batch...)
		if err != nil {
			return fmt.Errorf("link groups: %w", err)
		}
		found := map[int64]bool{}
		for rows.Next() {
			var id int64
			var person *int64
			if err := rows.Scan(&id, &person); err != nil {
				rows.Close()
				return fmt.Errorf("link groups: %w", err)
			}
			if person != nil {
				rows.Close()
				return lastseen.Errorf(lastseen.ECONFLICT, "Record %d (%s) is linked to person %d already.", id, where[id], *person)
			}
			found[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("link groups: %w", err)
		}
		for _, v := range batch {
			if id := v.(int64); !found[id] {
				return notFoundField(where[id], "Record %d not found.", id)
			}
		}
	}
	return nil
}
