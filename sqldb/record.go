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

// RecordService stores records and their claims. There is no update and no
// delete: a correction is a new record that supersedes the old one.
type RecordService struct {
	db *DB
}

var _ lastseen.RecordService = (*RecordService)(nil)

// NewRecordService returns the record service of db.
func NewRecordService(db *DB) *RecordService { return &RecordService{db: db} }

// CreateRecord validates and stores a record with its claims, its source
// (found or created when given by kind and name) and an audit event, in one
// transaction, and sets the IDs, ReceivedAt and the claims' CreatedAt. When it
// returns nil the record is durable.
//
// A zero Submitter is filled from the context's actor (user, API key or
// anonymous token); a nil actor leaves it empty. Claim statuses given by an
// alias ("pow") are stored as the status they stand for ("captured").
//
// Returns EINVALID naming the fields, ENOTFOUND naming source_id or
// supersedes if it names nothing, ECONFLICT if the source already has a
// record with the same ExternalID.
func (s *RecordService) CreateRecord(ctx context.Context, r *lastseen.Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	err := s.db.write(ctx, func(tx *Tx) error {
		if r.SourceID == 0 {
			src, err := findOrCreateSource(ctx, tx, r.Source)
			if err != nil {
				return err
			}
			r.SourceID, r.Source = src.ID, src
		} else if ok, err := tx.exists(ctx, "sources", r.SourceID); err != nil {
			return err
		} else if !ok {
			return notFoundField("source_id", "Source %d not found.", r.SourceID)
		}
		if r.Supersedes != 0 {
			if ok, err := tx.exists(ctx, "records", r.Supersedes); err != nil {
				return err
			} else if !ok {
				return notFoundField("supersedes", "Record %d, which this record supersedes, not found.", r.Supersedes)
			}
		}
		if r.Submitter.IsZero() {
			r.Submitter = submitterOf(lastseen.ActorFromContext(ctx))
		}
		if _, err := insertRecord(ctx, tx, r, false); isUnique(err) {
			return lastseen.Errorf(lastseen.ECONFLICT, "Source %d already has a record with external id %q.", r.SourceID, r.ExternalID)
		} else if isForeignKey(err) {
			return lastseen.Errorf(lastseen.ENOTFOUND, "A record this record refers to was not found.")
		} else if err != nil {
			return err
		}
		detail := ""
		if r.Supersedes != 0 {
			detail = fmt.Sprintf("supersedes record:%d", r.Supersedes)
		}
		return tx.audit(ctx, "record.create", fmt.Sprintf("record:%d", r.ID), detail)
	})
	if err != nil {
		clearIDs(r)
		return err
	}
	return nil
}

// ImportRecords stores a batch of records from one source in one transaction,
// each with its claims and its audit event. Records whose ExternalID the source
// already has (before or earlier in the same batch) are skipped and counted as
// duplicates, so re-running an import adds nothing. Records must have been
// validated by the caller; their SourceID is set to sourceID, and a zero
// Submitter is filled from the context's actor as in CreateRecord.
//
// Records are written with multi-row INSERTs, a few hundred rows per
// statement, because one statement per row costs a round trip per row on
// PostgreSQL. Records without an ExternalID are written one by one.
//
// Returns ENOTFOUND naming source_id if the source does not exist, or naming
// the row (records[i].supersedes) if a record supersedes a record that does
// not exist; then nothing of the batch is stored.
func (s *RecordService) ImportRecords(ctx context.Context, sourceID int64, rs []*lastseen.Record) (lastseen.ImportResult, error) {
	var res lastseen.ImportResult
	err := s.db.write(ctx, func(tx *Tx) error {
		res = lastseen.ImportResult{IDs: make([]int64, len(rs))}
		if ok, err := tx.exists(ctx, "sources", sourceID); err != nil {
			return err
		} else if !ok {
			return notFoundField("source_id", "Source %d not found.", sourceID)
		}
		if err := checkSupersedes(ctx, tx, rs); err != nil {
			return err
		}
		submitter := submitterOf(lastseen.ActorFromContext(ctx))
		seen := make(map[string]bool, len(rs))
		var bulk []*lastseen.Record
		for i, r := range rs {
			r.SourceID = sourceID
			if r.Submitter.IsZero() {
				r.Submitter = submitter
			}
			switch {
			case r.ExternalID == "":
				if _, err := insertRecord(ctx, tx, r, false); err != nil {
					return fmt.Errorf("import: record %d of the batch: %w", i, err)
				}
				if err := tx.audit(ctx, "record.create", fmt.Sprintf("record:%d", r.ID), "import"); err != nil {
					return err
				}
			case seen[r.ExternalID]:
				r.ID = 0
			default:
				seen[r.ExternalID] = true
				bulk = append(bulk, r)
			}
		}
		for len(bulk) > 0 {
			n := min(len(bulk), recordsPerInsert)
			if err := insertRecordsBulk(ctx, tx, bulk[:n]); err != nil {
				return fmt.Errorf("import: %w", err)
			}
			bulk = bulk[n:]
		}
		for i, r := range rs {
			if r.ID != 0 {
				res.Imported++
				res.IDs[i] = r.ID
			} else {
				res.Duplicates++
			}
		}
		return nil
	})
	if err != nil {
		for _, r := range rs {
			clearIDs(r)
		}
		return lastseen.ImportResult{}, err
	}
	return res, nil
}

// checkSupersedes finds the first record of the batch that supersedes a
// record that does not exist, so that the error can name its row.
func checkSupersedes(ctx context.Context, tx *Tx, rs []*lastseen.Record) error {
	for i, r := range rs {
		if r.Supersedes == 0 {
			continue
		}
		if ok, err := tx.exists(ctx, "records", r.Supersedes); err != nil {
			return err
		} else if !ok {
			return notFoundField(fmt.Sprintf("records[%d].supersedes", i),
				"Record %d, which record %d of the batch supersedes, not found.", r.Supersedes, i)
		}
	}
	return nil
}

// Rows per multi-row INSERT: bounded by SQLite's 32,766 and PostgreSQL's
// 65,535 parameters per statement.
const (
	recordsPerInsert = 500  // × 25 parameters
	rowsPerInsert    = 2000 // claims (× 9) and audit events (× 6)
)

// insertRecordsBulk writes records with distinct, non-empty external ids in
// one statement, skipping those the source already has, then the claims and
// audit events of those written. It sets the ids and times of what it wrote
// and leaves ID 0 on the skipped.
func insertRecordsBulk(ctx context.Context, tx *Tx, rs []*lastseen.Record) error {
	args := make([]any, 0, len(rs)*recordParams)
	byExternalID := make(map[string]*lastseen.Record, len(rs))
	for _, r := range rs {
		a, err := recordArgs(r, tx.now)
		if err != nil {
			return err
		}
		args = append(args, a...)
		byExternalID[r.ExternalID] = r
		r.ID = 0
	}
	rows, err := tx.QueryContext(ctx, insertRecordPrefix+tx.values(len(rs), recordParams)+
		` ON CONFLICT DO NOTHING RETURNING id, external_id`, args...)
	if err != nil {
		return fmt.Errorf("insert records: %w", err)
	}
	defer rows.Close()
	var written []*lastseen.Record
	for rows.Next() {
		var id int64
		var ext string
		if err := rows.Scan(&id, &ext); err != nil {
			return fmt.Errorf("insert records: %w", err)
		}
		r := byExternalID[ext]
		r.ID, r.ReceivedAt = id, tx.now
		written = append(written, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("insert records: %w", err)
	}
	rows.Close()

	var claims []*lastseen.Claim
	for _, r := range rs {
		if r.ID != 0 {
			claims = append(claims, r.Claims...)
			for _, c := range r.Claims {
				c.RecordID = r.ID
			}
		}
	}
	for len(claims) > 0 {
		n := min(len(claims), rowsPerInsert)
		if err := insertClaimsBulk(ctx, tx, claims[:n]); err != nil {
			return err
		}
		claims = claims[n:]
	}
	for len(written) > 0 {
		n := min(len(written), rowsPerInsert)
		args := make([]any, 0, n*6)
		kind, id := actorKindID(lastseen.ActorFromContext(ctx))
		for _, r := range written[:n] {
			args = append(args, tx.now, kind, id, "record.create", fmt.Sprintf("record:%d", r.ID), "import")
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, detail) VALUES `+tx.values(n, 6), args...)
		if err != nil {
			return fmt.Errorf("audit imported records: %w", err)
		}
		written = written[n:]
	}
	return nil
}

// insertClaimsBulk writes claims whose RecordID is set, and sets their ids.
// RETURNING gives rows in no promised order, but ids are assigned in the order
// of the VALUES list, so each record's claims take its returned ids in
// ascending order.
func insertClaimsBulk(ctx context.Context, tx *Tx, cs []*lastseen.Claim) error {
	args := make([]any, 0, len(cs)*claimParams)
	for _, c := range cs {
		args = append(args, claimArgs(c, tx.now)...)
	}
	rows, err := tx.QueryContext(ctx, insertClaimPrefix+tx.values(len(cs), claimParams)+` RETURNING id, record_id`, args...)
	if err != nil {
		return fmt.Errorf("insert claims: %w", err)
	}
	defer rows.Close()
	ids := map[int64][]int64{}
	for rows.Next() {
		var id, recordID int64
		if err := rows.Scan(&id, &recordID); err != nil {
			return fmt.Errorf("insert claims: %w", err)
		}
		ids[recordID] = append(ids[recordID], id)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("insert claims: %w", err)
	}
	for _, v := range ids {
		slices.Sort(v)
	}
	for _, c := range cs {
		v := ids[c.RecordID]
		if len(v) == 0 {
			return fmt.Errorf("insert claims: fewer ids returned than claims of record %d", c.RecordID)
		}
		c.ID, c.CreatedAt, ids[c.RecordID] = v[0], tx.now, v[1:]
	}
	return nil
}

// FindRecordByID returns the record with its source, claims and current
// person. Returns ENOTFOUND if there is none.
func (s *RecordService) FindRecordByID(ctx context.Context, id int64) (*lastseen.Record, error) {
	var r *lastseen.Record
	err := s.db.read(ctx, func(tx *Tx) error {
		rs, err := findRecords(ctx, tx, lastseen.RecordFilter{IDs: []int64{id}})
		if err != nil {
			return err
		} else if len(rs) == 0 {
			return lastseen.Errorf(lastseen.ENOTFOUND, "Record %d not found.", id)
		}
		r = rs[0]
		r.Source, err = findSourceByID(ctx, tx, r.SourceID)
		return err
	})
	return r, err
}

// FindRecords returns records in id order, with claims and current person,
// and the total that match the filter ignoring Limit and Offset.
//
// Counting costs a scan of every matching row; to walk through all records
// (an index rebuild) use EachRecord, which does not count.
func (s *RecordService) FindRecords(ctx context.Context, f lastseen.RecordFilter) ([]*lastseen.Record, int, error) {
	var rs []*lastseen.Record
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		if rs, err = findRecords(ctx, tx, f); err != nil {
			return err
		}
		where, args := recordWhere(f)
		join := ""
		if f.PersonID != 0 {
			join = currentLinkJoin
		}
		err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM records r `+join+where, args...).Scan(&n)
		if err != nil {
			return fmt.Errorf("count records: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return rs, n, nil
}

// eachRecordBatch is how many records EachRecord reads per transaction: large
// enough that the per-batch cost vanishes, small enough that memory stays flat
// and no read transaction holds back SQLite's WAL checkpoints for long.
const eachRecordBatch = 1000

// EachRecord calls fn for every record that matches the filter, in id order,
// with claims and current person, reading in batches by id so that millions of
// records stream in constant memory. It starts after f.AfterID and stops after
// f.Limit records when f.Limit > 0; f.Offset is not supported (page by id).
// It stops at the first error from fn and returns it.
//
// Each batch is its own snapshot: records added while it runs are seen if
// their id is beyond the current batch.
func (s *RecordService) EachRecord(ctx context.Context, f lastseen.RecordFilter, fn func(*lastseen.Record) error) error {
	if f.Offset != 0 {
		return lastseen.Errorf(lastseen.EINVALID, "EachRecord pages by id: use AfterID, not Offset.")
	}
	left := f.Limit
	for {
		f.Limit = eachRecordBatch
		if left > 0 && left < f.Limit {
			f.Limit = left
		}
		var rs []*lastseen.Record
		err := s.db.read(ctx, func(tx *Tx) error {
			var err error
			rs, err = findRecords(ctx, tx, f)
			return err
		})
		if err != nil {
			return err
		}
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		if left > 0 {
			if left -= len(rs); left == 0 {
				return nil
			}
		}
		if len(rs) < f.Limit {
			return nil
		}
		f.AfterID = rs[len(rs)-1].ID
	}
}

func notFoundField(field, format string, args ...any) error {
	e := lastseen.Errorf(lastseen.ENOTFOUND, format, args...)
	e.Fields = []lastseen.FieldError{{Field: field, Message: "not found"}}
	return e
}

// submitterOf names the actor as a record's submitter.
func submitterOf(a *lastseen.Actor) lastseen.Submitter {
	switch {
	case a == nil:
		return lastseen.Submitter{}
	case a.UserID != 0:
		return lastseen.Submitter{Kind: lastseen.SubmitterUser, ID: fmt.Sprint(a.UserID)}
	case a.APIKeyID != 0:
		return lastseen.Submitter{Kind: lastseen.SubmitterAPIKey, ID: fmt.Sprint(a.APIKeyID)}
	case a.Token != "":
		return lastseen.Submitter{Kind: lastseen.SubmitterAnonymous, ID: a.Token}
	}
	return lastseen.Submitter{}
}

// clearIDs undoes what a failed insert set, so that a caller never holds an
// id that was rolled back.
func clearIDs(r *lastseen.Record) {
	r.ID = 0
	for _, c := range r.Claims {
		c.ID, c.RecordID = 0, 0
	}
}

const insertRecordPrefix = `
	INSERT INTO records (source_id, external_id, given_name, family_name, patronymic,
		full_name, alt_names, sex, birth_date, birth_year, birth_place, side, unit, rank,
		service_number, civilian, last_seen_date, last_seen_year, last_seen_place,
		circumstances, notes, supersedes, submitter_kind, submitter_id, received_at)
	VALUES `

const recordParams = 25

// recordArgs are the values of insertRecordPrefix's columns for r.
func recordArgs(r *lastseen.Record, now time.Time) ([]any, error) {
	alt := ""
	if len(r.AltNames) > 0 {
		buf, err := json.Marshal(r.AltNames)
		if err != nil {
			return nil, err
		}
		alt = string(buf)
	}
	var civilian any
	if r.Civilian != nil {
		civilian = *r.Civilian
	}
	return []any{
		r.SourceID, r.ExternalID, r.GivenName, r.FamilyName, r.Patronymic,
		r.FullName, alt, string(r.Sex), r.BirthDate.String(), dateYear(r.BirthDate), r.BirthPlace, r.Side, r.Unit, r.Rank,
		r.ServiceNumber, civilian, r.LastSeenDate.String(), dateYear(r.LastSeenDate), r.LastSeenPlace,
		r.Circumstances, r.Notes, nullID(r.Supersedes), string(r.Submitter.Kind), r.Submitter.ID, now,
	}, nil
}

const insertClaimPrefix = `
	INSERT INTO claims (record_id, status, event_date, event_year, place, credibility, evidence, evidence_url, created_at)
	VALUES `

const claimParams = 9

// claimArgs are the values of insertClaimPrefix's columns for c. A status
// given by an alias ("pow") is stored as the status it stands for.
func claimArgs(c *lastseen.Claim, now time.Time) []any {
	if st, ok := lastseen.ParseStatus(string(c.Status)); ok {
		c.Status = st
	}
	return []any{c.RecordID, string(c.Status), c.Date.String(), dateYear(c.Date), c.Place, c.Credibility, c.Evidence, c.EvidenceURL, now}
}

// insertRecord writes r and its claims and sets their ids and times. With
// skipDuplicate, a record whose (source, external id) exists is not written
// and insertRecord returns false. Errors are the driver's, for the caller to
// map.
func insertRecord(ctx context.Context, tx *Tx, r *lastseen.Record, skipDuplicate bool) (bool, error) {
	q := insertRecordPrefix + tx.values(1, recordParams)
	if skipDuplicate {
		q += ` ON CONFLICT DO NOTHING`
	}
	args, err := recordArgs(r, tx.now)
	if err != nil {
		return false, err
	}
	err = tx.QueryRowContext(ctx, q+` RETURNING id`, args...).Scan(&r.ID)
	if skipDuplicate && errors.Is(err, sql.ErrNoRows) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	r.ReceivedAt = tx.now
	for _, c := range r.Claims {
		c.RecordID = r.ID
		err := tx.QueryRowContext(ctx, insertClaimPrefix+tx.values(1, claimParams)+` RETURNING id`,
			claimArgs(c, tx.now)...).Scan(&c.ID)
		if err != nil {
			return false, err
		}
		c.CreatedAt = tx.now
	}
	return true, nil
}

// currentLinkJoin gives each record its current person, if any; the partial
// unique index links_current_record makes it at most one row.
const currentLinkJoin = `LEFT JOIN links l ON l.record_id = r.id AND l.removed_at IS NULL `

const recordColumns = `r.id, r.source_id, r.external_id, r.given_name, r.family_name, r.patronymic,
	r.full_name, r.alt_names, r.sex, r.birth_date, r.birth_place, r.side, r.unit, r.rank,
	r.service_number, r.civilian, r.last_seen_date, r.last_seen_place, r.circumstances,
	r.notes, r.supersedes, r.submitter_kind, r.submitter_id, r.received_at, l.person_id`

func recordWhere(f lastseen.RecordFilter) (string, []any) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			where = append(where, "1 = 0")
		} else {
			ps := make([]string, len(f.IDs))
			for i, id := range f.IDs {
				ps[i] = arg(id)
			}
			where = append(where, "r.id IN ("+strings.Join(ps, ", ")+")")
		}
	}
	if f.SourceID != 0 {
		where = append(where, "r.source_id = "+arg(f.SourceID))
	}
	if f.PersonID != 0 {
		where = append(where, "l.person_id = "+arg(f.PersonID))
	}
	if f.AfterID != 0 {
		where = append(where, "r.id > "+arg(f.AfterID))
	}
	if len(where) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(where, " AND "), args
}

// findRecords reads the records of the filter in id order, with claims and
// current person.
func findRecords(ctx context.Context, tx *Tx, f lastseen.RecordFilter) ([]*lastseen.Record, error) {
	where, args := recordWhere(f)
	rows, err := tx.QueryContext(ctx,
		`SELECT `+recordColumns+` FROM records r `+currentLinkJoin+where+` ORDER BY r.id`+limitOffset(f.Limit, f.Offset), args...)
	if err != nil {
		return nil, fmt.Errorf("find records: %w", err)
	}
	defer rows.Close()
	var rs []*lastseen.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("find records: %w", err)
		}
		rs = append(rs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find records: %w", err)
	}
	if err := attachClaims(ctx, tx, rs); err != nil {
		return nil, err
	}
	return rs, nil
}

func scanRecord(row interface{ Scan(...any) error }) (*lastseen.Record, error) {
	var r lastseen.Record
	var alt, sex, birth, lastSeen, subKind string
	var civilian sql.NullBool
	var supersedes, person sql.NullInt64
	err := row.Scan(&r.ID, &r.SourceID, &r.ExternalID, &r.GivenName, &r.FamilyName, &r.Patronymic,
		&r.FullName, &alt, &sex, &birth, &r.BirthPlace, &r.Side, &r.Unit, &r.Rank,
		&r.ServiceNumber, &civilian, &lastSeen, &r.LastSeenPlace, &r.Circumstances,
		&r.Notes, &supersedes, &subKind, &r.Submitter.ID, &r.ReceivedAt, &person)
	if err != nil {
		return nil, err
	}
	if alt != "" {
		if err := json.Unmarshal([]byte(alt), &r.AltNames); err != nil {
			return nil, fmt.Errorf("record %d: stored alt_names: %w", r.ID, err)
		}
	}
	r.Sex, r.Submitter.Kind = lastseen.Sex(sex), lastseen.SubmitterKind(subKind)
	if r.BirthDate, err = parseStoredDate("birth_date", birth); err != nil {
		return nil, fmt.Errorf("record %d: %w", r.ID, err)
	}
	if r.LastSeenDate, err = parseStoredDate("last_seen_date", lastSeen); err != nil {
		return nil, fmt.Errorf("record %d: %w", r.ID, err)
	}
	if civilian.Valid {
		r.Civilian = &civilian.Bool
	}
	r.Supersedes, r.PersonID = supersedes.Int64, person.Int64
	r.ReceivedAt = r.ReceivedAt.UTC()
	return &r, nil
}

// attachClaims reads the claims of rs, which are in id order. Records with
// dense ids (a page of a scan) are read by their id range, which one index
// range covers; others by an id list.
func attachClaims(ctx context.Context, tx *Tx, rs []*lastseen.Record) error {
	if len(rs) == 0 {
		return nil
	}
	byID := make(map[int64]*lastseen.Record, len(rs))
	for _, r := range rs {
		byID[r.ID] = r
	}
	first, last := rs[0].ID, rs[len(rs)-1].ID
	if last-first < int64(2*len(rs)) {
		return readClaims(ctx, tx, byID, "record_id >= $1 AND record_id <= $2", first, last)
	}
	for len(rs) > 0 {
		n := min(len(rs), 500)
		ps := make([]string, n)
		args := make([]any, n)
		for i, r := range rs[:n] {
			ps[i], args[i] = fmt.Sprintf("$%d", i+1), r.ID
		}
		if err := readClaims(ctx, tx, byID, "record_id IN ("+strings.Join(ps, ", ")+")", args...); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}

// readClaims reads the claims selected by where and appends each to its
// record in byID.
func readClaims(ctx context.Context, tx *Tx, byID map[int64]*lastseen.Record, where string, args ...any) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT id, record_id, status, event_date, place, credibility, evidence, evidence_url, created_at
		FROM claims WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("find claims: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c lastseen.Claim
		var status, date string
		if err := rows.Scan(&c.ID, &c.RecordID, &status, &date, &c.Place, &c.Credibility, &c.Evidence, &c.EvidenceURL, &c.CreatedAt); err != nil {
			return fmt.Errorf("find claims: %w", err)
		}
		if c.Date, err = parseStoredDate("claims.event_date", date); err != nil {
			return fmt.Errorf("claim %d: %w", c.ID, err)
		}
		c.Status, c.CreatedAt = lastseen.Status(status), c.CreatedAt.UTC()
		if r := byID[c.RecordID]; r != nil {
			r.Claims = append(r.Claims, &c)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find claims: %w", err)
	}
	return nil
}
