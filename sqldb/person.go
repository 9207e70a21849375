package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/lastseen/lastseen"
)

// PersonService stores persons and the links that make them. Links are never
// deleted: relinking a record ends its current link (removed_at) and adds a
// new one, so the history of merges and splits stays readable and reversible.
type PersonService struct {
	db *DB
}

var _ lastseen.PersonService = (*PersonService)(nil)

// NewPersonService returns the person service of db.
func NewPersonService(db *DB) *PersonService { return &PersonService{db: db} }

// FindPersonByID returns the person with its current records and their
// claims. Returns ENOTFOUND if there is none.
func (s *PersonService) FindPersonByID(ctx context.Context, id int64) (*lastseen.Person, error) {
	var p *lastseen.Person
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		if p, err = findPersonByID(ctx, tx, id); err != nil {
			return err
		}
		p.Records, err = findRecords(ctx, tx, lastseen.RecordFilter{PersonID: id})
		return err
	})
	return p, err
}

// LinkRecord makes the record a member of the person (a new person when
// personID is 0), ending the record's current link, and refreshes the derived
// fields of every person affected. It returns the person id. Relinking a
// record to its current person by the same method changes nothing.
//
// A caseworker's judgement binds automatic linking: unless l.Method is
// LinkCaseworker, it returns ECONFLICT if the latest judgement on the record
// and a member of the target person is "not same", or if the move would take
// the record away from a member of its current person it was judged "same"
// as. Returns ENOTFOUND if the record, the person or l.DecidedBy names
// nothing, EINVALID if l.Method is not a link method.
func (s *PersonService) LinkRecord(ctx context.Context, recordID, personID int64, l lastseen.Link) (int64, error) {
	switch l.Method {
	case lastseen.LinkAutomatic, lastseen.LinkCaseworker, lastseen.LinkNew:
	default:
		var p lastseen.Problems
		p.Add("method", "%q is not a link method (automatic, caseworker or new)", l.Method)
		return 0, p.Err()
	}
	err := s.db.write(ctx, func(tx *Tx) error {
		if ok, err := tx.exists(ctx, "records", recordID); err != nil {
			return err
		} else if !ok {
			return notFoundField("record_id", "Record %d not found.", recordID)
		}
		if personID != 0 {
			if ok, err := tx.exists(ctx, "persons", personID); err != nil {
				return err
			} else if !ok {
				return notFoundField("person_id", "Person %d not found.", personID)
			}
		}
		if l.DecidedBy != 0 {
			if ok, err := tx.exists(ctx, "users", l.DecidedBy); err != nil {
				return err
			} else if !ok {
				return notFoundField("decided_by", "User %d not found.", l.DecidedBy)
			}
		}
		old, oldMethod, err := currentLink(ctx, tx, recordID)
		if err != nil {
			return err
		}
		if personID != 0 && old == personID && oldMethod == l.Method {
			return nil
		}
		if l.Method != lastseen.LinkCaseworker {
			if err := checkJudgements(ctx, tx, recordID, old, personID); err != nil {
				return err
			}
		}
		if personID == 0 {
			var err error
			if personID, err = tx.newPerson(ctx); err != nil {
				return err
			}
		}
		if old != 0 {
			_, err := tx.ExecContext(ctx,
				`UPDATE links SET removed_at = $1 WHERE record_id = $2 AND removed_at IS NULL`, tx.now, recordID)
			if err != nil {
				return fmt.Errorf("unlink record %d: %w", recordID, err)
			}
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO links (record_id, person_id, score, method, decided_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`,
			recordID, personID, l.Score, string(l.Method), nullID(l.DecidedBy), tx.now)
		if isUnique(err) {
			// On PostgreSQL another transaction linked the record since we
			// read its current link.
			return lastseen.Errorf(lastseen.ECONFLICT, "Record %d was linked by someone else at the same time; try again.", recordID)
		} else if err != nil {
			return fmt.Errorf("link record %d to person %d: %w", recordID, personID, err)
		}
		if err := refreshPerson(ctx, tx, personID); err != nil {
			return err
		}
		detail := fmt.Sprintf("person:%d %s", personID, l.Method)
		if old != 0 && old != personID {
			if err := refreshPerson(ctx, tx, old); err != nil {
				return err
			}
			detail += fmt.Sprintf(" from person:%d", old)
		}
		return tx.audit(ctx, "record.link", fmt.Sprintf("record:%d", recordID), detail)
	})
	if err != nil {
		return 0, err
	}
	return personID, nil
}

// LinkRecords applies many links in one transaction, in order, each as
// LinkRecord would (judgements bind every method but LinkCaseworker; a link
// to the record's current person by the same method changes nothing; each
// link is audited), and then refreshes every person affected once: the
// import links a thousand records in the time LinkRecord takes for a few. A
// negative PersonID names a new person of the batch, created by the first
// request that names it. It returns the person id of each request. Any error
// rolls the whole batch back.
func (s *PersonService) LinkRecords(ctx context.Context, reqs []lastseen.LinkRequest) ([]int64, error) {
	for i, r := range reqs {
		switch r.Link.Method {
		case lastseen.LinkAutomatic, lastseen.LinkCaseworker, lastseen.LinkNew:
		default:
			var p lastseen.Problems
			p.Add(fmt.Sprintf("links[%d].method", i), "%q is not a link method (automatic, caseworker or new)", r.Link.Method)
			return nil, p.Err()
		}
	}
	if len(reqs) == 0 {
		return nil, nil
	}
	out := make([]int64, len(reqs))
	err := s.db.write(ctx, func(tx *Tx) error {
		recordIDs := make([]int64, 0, len(reqs))
		var personIDs []int64
		for _, r := range reqs {
			recordIDs = append(recordIDs, r.RecordID)
			if r.PersonID > 0 {
				personIDs = append(personIDs, r.PersonID)
			}
			if r.Link.DecidedBy != 0 {
				if ok, err := tx.exists(ctx, "users", r.Link.DecidedBy); err != nil {
					return err
				} else if !ok {
					return notFoundField("decided_by", "User %d not found.", r.Link.DecidedBy)
				}
			}
		}
		if err := allExist(ctx, tx, "records", "record_id", "Record", recordIDs); err != nil {
			return err
		}
		if err := allExist(ctx, tx, "persons", "person_id", "Person", personIDs); err != nil {
			return err
		}
		current, err := currentLinks(ctx, tx, recordIDs)
		if err != nil {
			return err
		}
		judged, err := judgedRecords(ctx, tx, recordIDs)
		if err != nil {
			return err
		}
		created := map[int64]int64{} // negative id of the batch → new person
		touched := map[int64]bool{}
		// links and audit events are written many rows to a statement; a
		// record linked twice in the batch flushes the links before its
		// current one ends
		kind, actor := actorKindID(lastseen.ActorFromContext(ctx))
		var links, audits []any
		pending := map[int64]bool{}
		flush := func() error {
			for len(links) > 0 {
				n := min(len(links)/6, rowsPerInsert)
				_, err := tx.ExecContext(ctx, `INSERT INTO links (record_id, person_id, score, method, decided_by, created_at) VALUES `+
					tx.values(n, 6), links[:n*6]...)
				if isUnique(err) {
					// On PostgreSQL another transaction linked a record
					// since we read its current link.
					return lastseen.Errorf(lastseen.ECONFLICT, "A record of the batch was linked by someone else at the same time; try again.")
				} else if err != nil {
					return fmt.Errorf("link %d records: %w", n, err)
				}
				links = links[n*6:]
			}
			for len(audits) > 0 {
				n := min(len(audits)/6, rowsPerInsert)
				_, err := tx.ExecContext(ctx, `INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, detail) VALUES `+
					tx.values(n, 6), audits[:n*6]...)
				if err != nil {
					return fmt.Errorf("audit %d links: %w", n, err)
				}
				audits = audits[n*6:]
			}
			clear(pending)
			return nil
		}
		for i, r := range reqs {
			personID := r.PersonID
			if personID < 0 {
				if id, ok := created[personID]; ok {
					personID = id
				} else {
					personID = 0
				}
			}
			old := current[r.RecordID]
			if personID != 0 && old.person == personID && old.method == r.Link.Method {
				out[i] = personID
				continue
			}
			if r.Link.Method != lastseen.LinkCaseworker && judged[r.RecordID] {
				// the check reads the persons' members: the links so far
				if err := flush(); err != nil {
					return err
				}
				if err := checkJudgements(ctx, tx, r.RecordID, old.person, personID); err != nil {
					return err
				}
			}
			if personID == 0 {
				var err error
				if personID, err = tx.newPerson(ctx); err != nil {
					return err
				}
				if r.PersonID < 0 {
					created[r.PersonID] = personID
				}
			}
			if old.person != 0 {
				if pending[r.RecordID] {
					if err := flush(); err != nil {
						return err
					}
				}
				_, err := tx.ExecContext(ctx,
					`UPDATE links SET removed_at = $1 WHERE record_id = $2 AND removed_at IS NULL`, tx.now, r.RecordID)
				if err != nil {
					return fmt.Errorf("unlink record %d: %w", r.RecordID, err)
				}
			}
			links = append(links, r.RecordID, personID, r.Link.Score, string(r.Link.Method), nullID(r.Link.DecidedBy), tx.now)
			pending[r.RecordID] = true
			current[r.RecordID] = link{personID, r.Link.Method}
			touched[personID] = true
			detail := fmt.Sprintf("person:%d %s", personID, r.Link.Method)
			if old.person != 0 && old.person != personID {
				touched[old.person] = true
				detail += fmt.Sprintf(" from person:%d", old.person)
			}
			audits = append(audits, tx.now, kind, actor, "record.link", fmt.Sprintf("record:%d", r.RecordID), detail)
			out[i] = personID
		}
		if err := flush(); err != nil {
			return err
		}
		// in id order, so that two batches on PostgreSQL lock their common
		// persons in the same order (refreshCase locks each)
		ids := make([]int64, 0, len(touched))
		for id := range touched {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return refreshPersons(ctx, tx, ids)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// link is a record's current link: its person and method.
type link struct {
	person int64
	method lastseen.LinkMethod
}

// inChunk bounds the ids of one IN list, well under the parameter limits of
// SQLite (32766) and PostgreSQL (65535).
const inChunk = 5000

// chunks calls fn with ids in slices of at most inChunk.
func chunks(ids []int64, fn func(ids []int64) error) error {
	for len(ids) > 0 {
		n := min(len(ids), inChunk)
		if err := fn(ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// idLists returns n parameter lists for an IN (…) of the ids each, and
// their arguments (the ids n times over): "?" on SQLite, where thousands of
// "$N" names make a statement quadratically slow to prepare (see values),
// "$1…" on PostgreSQL. Only for statements whose parameters are all in
// these lists.
func (tx *Tx) idLists(ids []int64, n int) ([]string, []any) {
	lists := make([]string, n)
	args := make([]any, 0, n*len(ids))
	var b strings.Builder
	k := 0
	for i := range n {
		b.Reset()
		for j, id := range ids {
			if j > 0 {
				b.WriteString(", ")
			}
			k++
			if tx.db.dialect == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(k))
			}
			args = append(args, id)
		}
		lists[i] = b.String()
	}
	return lists, args
}

func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// allExist returns ENOTFOUND (naming field) for the first id of table that
// has no row. table is always a constant of this package.
func allExist(ctx context.Context, tx *Tx, table, field, noun string, ids []int64) error {
	found := map[int64]bool{}
	err := chunks(ids, func(ids []int64) error {
		in, args := tx.idLists(ids, 1)
		rows, err := tx.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id IN (`+in[0]+`)`, args...)
		if err != nil {
			return fmt.Errorf("find %s: %w", table, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("find %s: %w", table, err)
			}
			found[id] = true
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !found[id] {
			return notFoundField(field, "%s %d not found.", noun, id)
		}
	}
	return nil
}

// currentLinks returns the current link of each of the records that has one.
func currentLinks(ctx context.Context, tx *Tx, recordIDs []int64) (map[int64]link, error) {
	out := map[int64]link{}
	err := chunks(recordIDs, func(ids []int64) error {
		in, args := tx.idLists(ids, 1)
		rows, err := tx.QueryContext(ctx, `SELECT record_id, person_id, method FROM links
			WHERE removed_at IS NULL AND record_id IN (`+in[0]+`)`, args...)
		if err != nil {
			return fmt.Errorf("current links: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var l link
			var method string
			if err := rows.Scan(&id, &l.person, &method); err != nil {
				return fmt.Errorf("current links: %w", err)
			}
			l.method = lastseen.LinkMethod(method)
			out[id] = l
		}
		return rows.Err()
	})
	return out, err
}

// judgedRecords returns which of the records some judgement names: only
// those need checkJudgements.
func judgedRecords(ctx context.Context, tx *Tx, recordIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := chunks(recordIDs, func(ids []int64) error {
		in, args := tx.idLists(ids, 2)
		rows, err := tx.QueryContext(ctx, `SELECT record_a, record_b FROM judgements
			WHERE record_a IN (`+in[0]+`) OR record_b IN (`+in[1]+`)`, args...)
		if err != nil {
			return fmt.Errorf("judgements of the batch: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var a, b int64
			if err := rows.Scan(&a, &b); err != nil {
				return fmt.Errorf("judgements of the batch: %w", err)
			}
			out[a], out[b] = true, true
		}
		return rows.Err()
	})
	return out, err
}

// FindLinks returns the link history of a record or person, newest first;
// only current links unless f.IncludeRemoved. f.RecordIDs is one IN list:
// callers keep it to a batch (thousands of ids at most).
func (s *PersonService) FindLinks(ctx context.Context, f lastseen.LinkFilter) ([]*lastseen.Link, error) {
	q := `SELECT id, record_id, person_id, score, method, decided_by, created_at, removed_at FROM links WHERE 1 = 1`
	var args []any
	if f.RecordID != 0 || len(f.RecordIDs) > 0 {
		ids := f.RecordIDs
		if f.RecordID != 0 {
			ids = append([]int64{f.RecordID}, ids...)
		}
		q += fmt.Sprintf(" AND record_id IN (%s)", placeholders(len(args)+1, len(ids)))
		args = append(args, int64Args(ids)...)
	}
	if f.PersonID != 0 {
		args = append(args, f.PersonID)
		q += fmt.Sprintf(" AND person_id = $%d", len(args))
	}
	if !f.IncludeRemoved {
		q += " AND removed_at IS NULL"
	}
	q += " ORDER BY id DESC"
	var out []*lastseen.Link
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("find links: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var l lastseen.Link
			var method string
			var decidedBy sql.NullInt64
			var removed sql.NullTime
			if err := rows.Scan(&l.ID, &l.RecordID, &l.PersonID, &l.Score, &method, &decidedBy, &l.CreatedAt, &removed); err != nil {
				return fmt.Errorf("find links: %w", err)
			}
			l.Method, l.DecidedBy = lastseen.LinkMethod(method), decidedBy.Int64
			l.CreatedAt, l.RemovedAt = l.CreatedAt.UTC(), timePtr(removed)
			out = append(out, &l)
		}
		return rows.Err()
	})
	return out, err
}

// currentLink returns the person the record is linked to now (0 for none)
// and the method of that link.
func currentLink(ctx context.Context, tx *Tx, recordID int64) (int64, lastseen.LinkMethod, error) {
	var person int64
	var method string
	err := tx.QueryRowContext(ctx,
		`SELECT person_id, method FROM links WHERE record_id = $1 AND removed_at IS NULL`, recordID,
	).Scan(&person, &method)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	} else if err != nil {
		return 0, "", fmt.Errorf("current link of record %d: %w", recordID, err)
	}
	return person, lastseen.LinkMethod(method), nil
}

// checkJudgements refuses an automatic move of recordID from person from to
// person to that a caseworker's latest judgement on some pair forbids.
func checkJudgements(ctx context.Context, tx *Tx, recordID, from, to int64) error {
	latest, err := latestJudgements(ctx, tx, recordID)
	if err != nil || len(latest) == 0 {
		return err
	}
	if to != 0 {
		members, err := memberIDs(ctx, tx, to)
		if err != nil {
			return err
		}
		for _, m := range members {
			if latest[m] == lastseen.VerdictNotSame {
				return lastseen.Errorf(lastseen.ECONFLICT,
					"A caseworker judged record %d and record %d not the same person; only a caseworker can link them.", recordID, m)
			}
		}
	}
	if from != 0 && from != to {
		members, err := memberIDs(ctx, tx, from)
		if err != nil {
			return err
		}
		for _, m := range members {
			if m != recordID && latest[m] == lastseen.VerdictSame {
				return lastseen.Errorf(lastseen.ECONFLICT,
					"A caseworker judged record %d and record %d the same person; only a caseworker can separate them.", recordID, m)
			}
		}
	}
	return nil
}

// latestJudgements maps every record judged against recordID to the latest
// verdict on that pair.
func latestJudgements(ctx context.Context, tx *Tx, recordID int64) (map[int64]lastseen.Verdict, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT record_a, record_b, verdict FROM judgements
		WHERE record_a = $1 OR record_b = $1 ORDER BY id`, recordID)
	if err != nil {
		return nil, fmt.Errorf("judgements of record %d: %w", recordID, err)
	}
	defer rows.Close()
	latest := map[int64]lastseen.Verdict{}
	for rows.Next() {
		var a, b int64
		var v string
		if err := rows.Scan(&a, &b, &v); err != nil {
			return nil, fmt.Errorf("judgements of record %d: %w", recordID, err)
		}
		other := a
		if a == recordID {
			other = b
		}
		latest[other] = lastseen.Verdict(v)
	}
	return latest, rows.Err()
}

// memberIDs returns the records linked to the person now.
func memberIDs(ctx context.Context, tx *Tx, personID int64) ([]int64, error) {
	return tx.ids(ctx, fmt.Sprintf("records of person %d", personID),
		`SELECT record_id FROM links WHERE person_id = $1 AND removed_at IS NULL ORDER BY record_id`, personID)
}

// refreshPerson recomputes the derived fields of a person from its current
// records and their claims. It is the one place where a person's cached
// fields are written: every change of a person's records (link, unlink, a new
// record of a linked person) calls it in the same transaction.
//
// Name is the display name of the most complete record (most name parts;
// the earliest on a tie); BirthDate the most precise birth date (the earliest
// record's on a tie); Side the side most records give (the earliest on a
// tie). A record superseded by another record of the same person is left out
// when the correction is there. A person with no records left keeps its row
// with empty fields, so that its links' history stays readable.
func refreshPerson(ctx context.Context, tx *Tx, personID int64) error {
	all, err := findRecords(ctx, tx, lastseen.RecordFilter{PersonID: personID})
	if err != nil {
		return fmt.Errorf("refresh person %d: %w", personID, err)
	}
	name, birth, side := displayFields(all)
	_, err = tx.ExecContext(ctx, `
		UPDATE persons SET name = $1, birth_date = $2, birth_year = $3, side = $4, updated_at = $5
		WHERE id = $6`,
		name, birth.String(), dateYear(birth), side, tx.now, personID)
	if err != nil {
		return fmt.Errorf("refresh person %d: %w", personID, err)
	}
	return refreshCase(ctx, tx, personID) // derived status and inquiries: case.go
}

// displayFields returns a person's name, birth date and side from its
// current records, in id order (see refreshPerson).
func displayFields(all []*lastseen.Record) (name string, birth lastseen.PartialDate, side string) {
	superseded := map[int64]bool{}
	for _, r := range all {
		superseded[r.Supersedes] = true
	}
	var rs []*lastseen.Record
	for _, r := range all {
		if !superseded[r.ID] {
			rs = append(rs, r)
		}
	}

	bestParts := -1
	sides := map[string]int{}
	sideCount := 0
	for _, r := range rs {
		if n := nameParts(r); n > bestParts {
			name, bestParts = r.DisplayName(), n
		}
		if r.BirthDate.Precision > birth.Precision {
			birth = r.BirthDate
		}
		if r.Side != "" {
			sides[r.Side]++
			if sides[r.Side] > sideCount {
				side, sideCount = r.Side, sides[r.Side]
			}
		}
	}
	return name, birth, side
}

// nameParts counts how much of a name a record gives.
func nameParts(r *lastseen.Record) int {
	n := 0
	for _, s := range []string{r.GivenName, r.FamilyName, r.Patronymic} {
		if s != "" {
			n++
		}
	}
	if n == 0 && r.FullName != "" {
		n = 1
	}
	return n
}

const personColumns = `id, name, birth_date, side, status, confidence, as_of, conflict, verified, created_at, updated_at`

func findPersonByID(ctx context.Context, tx *Tx, id int64) (*lastseen.Person, error) {
	var p lastseen.Person
	var birth, status, asOf, conflict string
	err := tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM persons WHERE id = $1`, id).Scan(
		&p.ID, &p.Name, &birth, &p.Side, &status, &p.Confidence, &asOf, &conflict, &p.Verified, &p.CreatedAt, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, lastseen.Errorf(lastseen.ENOTFOUND, "Person %d not found.", id)
	} else if err != nil {
		return nil, fmt.Errorf("find person %d: %w", id, err)
	}
	if p.BirthDate, err = parseStoredDate("birth_date", birth); err != nil {
		return nil, fmt.Errorf("person %d: %w", id, err)
	}
	if p.AsOf, err = parseStoredDate("as_of", asOf); err != nil {
		return nil, fmt.Errorf("person %d: %w", id, err)
	}
	if conflict != "" {
		if err := json.Unmarshal([]byte(conflict), &p.Conflict); err != nil {
			return nil, fmt.Errorf("person %d: stored conflict: %w", id, err)
		}
	}
	p.Status = lastseen.Status(status)
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

// newPerson creates an empty person, whose status the caller's links and
// refresh will set, and returns its id.
func (tx *Tx) newPerson(ctx context.Context) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx,
		`INSERT INTO persons (created_at, updated_at) VALUES ($1, $1) RETURNING id`, tx.now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create person: %w", err)
	}
	return id, nil
}
