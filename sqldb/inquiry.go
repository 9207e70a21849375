package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/secret"
)

// InquiryService stores inquiries and moves them as what is known of the
// person sought changes; see lastseen.InquiryService.
//
// An inquiry's state is recomputed (refreshInquiry) in the transaction of
// every change that may move it: its creation, a change of its person's
// records or verifications (refreshCase), a review item about its record. The
// notifications it earns are written to the outbox in that same transaction,
// with a dedup key, so that recomputing twice never notifies twice.
type InquiryService struct {
	db *DB
}

var _ lastseen.InquiryService = (*InquiryService)(nil)

// NewInquiryService returns the inquiry service of db.
func NewInquiryService(db *DB) *InquiryService { return &InquiryService{db: db} }

// InquirySource is the source of every inquiry's description of the person
// sought: the family, through this deployment's inquiry desk.
var InquirySource = lastseen.Source{Kind: lastseen.SourceFamily, Name: "Inquiries"}

// CreateInquiry stores the inquiry, its description as a record of
// InquirySource (with a claim "information sought" when it states none), an
// email subscription when the inquirer gave an email, and the hash of a new
// follow token, in one transaction with its audit events; it sets ID,
// RecordID, Record.ID, State, FollowToken and the times. The description is
// not matched here: the caller hands the record to the Linker, whose links
// and review items move the inquiry. Returns EINVALID naming the fields
// ("inquirer.email", "person.given_name").
//
// The inquirer's name, email and phone are stored as given: encryption at
// rest is a later step (see the inquiries table).
func (s *InquiryService) CreateInquiry(ctx context.Context, q *lastseen.Inquiry) error {
	if r := q.Record; r != nil {
		src := InquirySource
		r.SourceID, r.Source = 0, &src
		if len(r.Claims) == 0 {
			r.Claims = []*lastseen.Claim{{Status: lastseen.StatusSought}}
		}
	}
	q.Inquirer.Email = strings.TrimSpace(q.Inquirer.Email)
	if err := q.Validate(); err != nil {
		return err
	}
	token, err := secret.NewToken()
	if err != nil {
		return err
	}
	err = s.db.write(ctx, func(tx *Tx) error {
		r := q.Record
		src, err := findOrCreateSource(ctx, tx, r.Source)
		if err != nil {
			return err
		}
		r.SourceID, r.Source = src.ID, src
		if r.Submitter.IsZero() {
			r.Submitter = submitterOf(lastseen.ActorFromContext(ctx))
		}
		if _, err := insertRecord(ctx, tx, r, false); err != nil {
			return fmt.Errorf("create inquiry: %w", err)
		}
		if err := tx.audit(ctx, "record.create", fmt.Sprintf("record:%d", r.ID), "inquiry"); err != nil {
			return err
		}
		in := q.Inquirer
		err = tx.QueryRowContext(ctx, `
			INSERT INTO inquiries (inquirer_name, inquirer_email, inquirer_phone, relationship, language,
				record_id, state, follow_token_hash, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
			in.Name, in.Email, in.Phone, in.Relationship, in.Language,
			r.ID, string(lastseen.InquiryOpen), secret.HashToken(token), tx.now,
		).Scan(&q.ID)
		if err != nil {
			return fmt.Errorf("create inquiry: %w", err)
		}
		if in.Email != "" {
			lang := in.Language
			if lang == "" {
				lang = "en"
			}
			_, err := tx.ExecContext(ctx, `
				INSERT INTO subscriptions (inquiry_id, channel, address, language, created_at)
				VALUES ($1, $2, $3, $4, $5)`,
				q.ID, string(lastseen.ChannelEmail), in.Email, lang, tx.now)
			if err != nil {
				return fmt.Errorf("create inquiry: subscription: %w", err)
			}
		}
		if err := tx.audit(ctx, "inquiry.create", fmt.Sprintf("inquiry:%d", q.ID), fmt.Sprintf("record:%d", r.ID)); err != nil {
			return err
		}
		if err := refreshInquiry(ctx, tx, q.ID); err != nil {
			return err
		}
		got, err := findInquiry(ctx, tx, "i.id = $1", q.ID)
		if err != nil {
			return err
		}
		q.RecordID, q.State, q.PersonID = got.RecordID, got.State, got.PersonID
		q.CreatedAt, q.UpdatedAt = got.CreatedAt, got.UpdatedAt
		return nil
	})
	if err != nil {
		q.ID = 0
		if q.Record != nil {
			clearIDs(q.Record)
		}
		return err
	}
	q.FollowToken = token
	return nil
}

// FindInquiryByID returns the inquiry with its description and what the
// inquirer may be told. Returns ENOTFOUND if there is none.
func (s *InquiryService) FindInquiryByID(ctx context.Context, id int64) (*lastseen.Inquiry, error) {
	return s.find(ctx, "i.id = $1", id, fmt.Sprintf("Inquiry %d not found.", id))
}

// FindInquiryByToken returns the inquiry a follow token opens. Returns
// ENOTFOUND for an unknown token.
func (s *InquiryService) FindInquiryByToken(ctx context.Context, token string) (*lastseen.Inquiry, error) {
	return s.find(ctx, "i.follow_token_hash = $1", secret.HashToken(token), "No inquiry has this follow link.")
}

func (s *InquiryService) find(ctx context.Context, where string, arg any, notFound string) (*lastseen.Inquiry, error) {
	var q *lastseen.Inquiry
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		q, err = findInquiry(ctx, tx, where, arg)
		if errors.Is(err, sql.ErrNoRows) {
			return lastseen.Errorf(lastseen.ENOTFOUND, "%s", notFound)
		} else if err != nil {
			return err
		}
		return fillInquiries(ctx, tx, []*lastseen.Inquiry{q})
	})
	if err != nil {
		return nil, err
	}
	return q, nil
}

// FindInquiries returns inquiries newest first with their descriptions; see
// lastseen.InquiryService.
func (s *InquiryService) FindInquiries(ctx context.Context, f lastseen.InquiryFilter) ([]*lastseen.Inquiry, int, error) {
	var where []string
	var args []any
	if f.State != "" {
		args = append(args, string(f.State))
		where = append(where, fmt.Sprintf("i.state = $%d", len(args)))
	}
	if f.PersonID != 0 {
		args = append(args, f.PersonID)
		where = append(where, fmt.Sprintf("l.person_id = $%d", len(args)))
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	var out []*lastseen.Inquiry
	var total int
	err := s.db.read(ctx, func(tx *Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries i `+inquiryLinkJoin+w, args...).Scan(&total); err != nil {
			return fmt.Errorf("count inquiries: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+inquiryColumns+` FROM inquiries i `+inquiryLinkJoin+w+
			` ORDER BY i.id DESC`+limitOffset(f.Limit, f.Offset), args...)
		if err != nil {
			return fmt.Errorf("find inquiries: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			q, err := scanInquiry(rows)
			if err != nil {
				return fmt.Errorf("find inquiries: %w", err)
			}
			out = append(out, q)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find inquiries: %w", err)
		}
		return fillInquiries(ctx, tx, out)
	})
	return out, total, err
}

// CloseInquiry closes an inquiry; it no longer moves nor notifies. Returns
// ENOTFOUND if there is none.
func (s *InquiryService) CloseInquiry(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE inquiries SET state = $1, updated_at = $2 WHERE id = $3`,
			string(lastseen.InquiryClosed), tx.now, id)
		if err != nil {
			return fmt.Errorf("close inquiry %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lastseen.Errorf(lastseen.ENOTFOUND, "Inquiry %d not found.", id)
		}
		return tx.audit(ctx, "inquiry.close", fmt.Sprintf("inquiry:%d", id), "")
	})
}

// An inquiry's person is its record's current person, read from the links;
// the person_id column only remembers it for refreshInquiriesOfPerson.
const (
	inquiryLinkJoin = `LEFT JOIN links l ON l.record_id = i.record_id AND l.removed_at IS NULL `
	inquiryColumns  = `i.id, i.inquirer_name, i.inquirer_email, i.inquirer_phone, i.relationship, i.language,
		i.record_id, l.person_id, i.state, i.created_at, i.updated_at`
)

func scanInquiry(row interface{ Scan(...any) error }) (*lastseen.Inquiry, error) {
	var q lastseen.Inquiry
	var person sql.NullInt64
	var state string
	err := row.Scan(&q.ID, &q.Inquirer.Name, &q.Inquirer.Email, &q.Inquirer.Phone, &q.Inquirer.Relationship,
		&q.Inquirer.Language, &q.RecordID, &person, &state, &q.CreatedAt, &q.UpdatedAt)
	if err != nil {
		return nil, err
	}
	q.PersonID, q.State = person.Int64, lastseen.InquiryState(state)
	q.CreatedAt, q.UpdatedAt = q.CreatedAt.UTC(), q.UpdatedAt.UTC()
	return &q, nil
}

// findInquiry returns sql.ErrNoRows (unwrapped) when there is none.
func findInquiry(ctx context.Context, tx *Tx, where string, arg any) (*lastseen.Inquiry, error) {
	q, err := scanInquiry(tx.QueryRowContext(ctx, `SELECT `+inquiryColumns+` FROM inquiries i `+inquiryLinkJoin+`WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("find inquiry: %w", err)
	}
	return q, nil
}

// fillInquiries attaches each inquiry's description and what its inquirer
// may be told.
func fillInquiries(ctx context.Context, tx *Tx, qs []*lastseen.Inquiry) error {
	if len(qs) == 0 {
		return nil
	}
	ids := make([]int64, len(qs))
	for i, q := range qs {
		ids[i] = q.RecordID
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
	for _, q := range qs {
		q.Record = byID[q.RecordID]
		k, err := knownFor(ctx, tx, q.PersonID, q.RecordID)
		if err != nil {
			return err
		}
		if k.tellable {
			q.Status, q.AsOf, q.Verified = k.status, k.person.AsOf, k.person.Verified
		}
	}
	return nil
}

// known is what the registry knows of an inquiry's person.
type known struct {
	person    *lastseen.Person // nil when the record is linked to no one
	members   int              // records linked to the person
	status    lastseen.Status  // what the inquirer may be told, when tellable
	tellable  bool
	candidate bool // another record is, or may be, the person sought
}

// knownFor reads the person and decides what the inquirer whose record is
// recordID may be told: only news that comes from records other than the
// inquiry's own description; never a claim of life while a report of the
// person's death waits in the review queue — the family would be told
// "alive" today and "dead" tomorrow; and a verified death only when a
// caseworker stands behind the inquiry's record being that person
// (lastseen.TellableTo).
func knownFor(ctx context.Context, tx *Tx, personID, recordID int64) (known, error) {
	var k known
	if personID == 0 {
		return k, nil
	}
	p, err := findPersonByID(ctx, tx, personID)
	if err != nil {
		return k, err
	}
	if err := tx.QueryRowContext(ctx,
		`SELECT COUNT(*) FROM links WHERE person_id = $1 AND removed_at IS NULL`, personID).Scan(&k.members); err != nil {
		return k, fmt.Errorf("members of person %d: %w", personID, err)
	}
	k.person = p
	k.candidate = k.members > 1
	if k.candidate && !p.Verified {
		// No claim of life is told while a death waits for a caseworker,
		// linked or in the queue (lastseen.Tellable, Person.UnderReview).
		var linked, pending int
		err := tx.QueryRowContext(ctx, linkedDeathSQL, personID, string(lastseen.StatusDead)).Scan(&linked)
		if err != nil {
			return k, fmt.Errorf("linked deaths of person %d: %w", personID, err)
		}
		err = tx.QueryRowContext(ctx, pendingDeathSQL, personID, string(lastseen.ReviewOpen), string(lastseen.StatusDead)).Scan(&pending)
		if err != nil {
			return k, fmt.Errorf("pending deaths of person %d: %w", personID, err)
		}
		p.UnderReview = linked+pending > 0
	}
	if !k.candidate {
		return k, nil
	}
	if p.Verified {
		// the verification that decided the stored status: the newest
		// (lastseen.DeriveStatus), as refreshCase stored it in the
		// transaction of every verification. TellableTo weighs a verified
		// death against it, and the status notice names its method.
		vs, err := findVerifications(ctx, tx, personID)
		if err != nil {
			return k, err
		}
		if len(vs) > 0 {
			p.Verification = vs[0]
		}
	}
	if !p.Verified || p.Status != lastseen.StatusDead {
		k.status, k.tellable = lastseen.Tellable(p)
		return k, nil
	}
	st, err := standing(ctx, tx, personID, recordID)
	if err != nil {
		return k, err
	}
	k.status, k.tellable = lastseen.TellableTo(p, st)
	return k, nil
}

// standing reads how the inquiry's record came to be in the person.
func standing(ctx context.Context, tx *Tx, personID, recordID int64) (lastseen.Standing, error) {
	var s lastseen.Standing
	var method string
	err := tx.QueryRowContext(ctx, `SELECT method, created_at FROM links
		WHERE record_id = $1 AND person_id = $2 AND removed_at IS NULL`, recordID, personID).Scan(&method, &s.Since)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("link of record %d to person %d: %w", recordID, personID, err)
	}
	s.Method = lastseen.LinkMethod(method)
	var judged int
	if err := tx.QueryRowContext(ctx, judgedSameSQL, recordID, personID, string(lastseen.VerdictSame)).Scan(&judged); err != nil {
		return s, fmt.Errorf("judgements of record %d in person %d: %w", recordID, personID, err)
	}
	s.Judged = judged > 0
	return s, nil
}

// judgedSameSQL counts the record's ($1) pairs with another current record
// of the person ($2) whose newest judgement is "same" ($3).
const judgedSameSQL = `
	SELECT COUNT(*) FROM judgements j
	JOIN links m ON m.removed_at IS NULL AND m.person_id = $2 AND m.record_id <> $1
		AND m.record_id IN (j.record_a, j.record_b)
	WHERE (j.record_a = $1 OR j.record_b = $1) AND j.verdict = $3
		AND NOT EXISTS (SELECT 1 FROM judgements n
			WHERE n.record_a = j.record_a AND n.record_b = j.record_b AND n.id > j.id)`

// linkedDeathSQL counts the claims of death among the person's ($1)
// current records: however weak, one makes a claim of life untellable
// until a caseworker has looked (lastseen.Tellable).
const linkedDeathSQL = `
	SELECT COUNT(*) FROM links l JOIN claims c ON c.record_id = l.record_id
	WHERE l.person_id = $1 AND l.removed_at IS NULL AND c.status = $2`

// pendingDeathSQL counts the open review items that pair a record of the
// person ($1) with a record, not the person's, that reports a death.
const pendingDeathSQL = `
	SELECT COUNT(*) FROM review_items ri
	JOIN links m ON m.removed_at IS NULL AND m.person_id = $1 AND m.record_id IN (ri.record_a, ri.record_b)
	JOIN claims c ON c.status = $3 AND c.record_id IN (ri.record_a, ri.record_b) AND c.record_id <> m.record_id
	WHERE ri.state = $2`

// refreshInquiriesOfPerson refreshes every open inquiry whose record is
// linked to the person, or was when last refreshed.
func refreshInquiriesOfPerson(ctx context.Context, tx *Tx, personID int64) error {
	return refreshInquiriesWhere(ctx, tx, `state <> $1 AND (person_id = $2 OR record_id IN
		(SELECT record_id FROM links WHERE person_id = $2 AND removed_at IS NULL))`,
		string(lastseen.InquiryClosed), personID)
}

// refreshInquiriesOfRecords refreshes the inquiries whose record is one of ids.
func refreshInquiriesOfRecords(ctx context.Context, tx *Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{string(lastseen.InquiryClosed)}
	for _, id := range ids {
		args = append(args, id)
	}
	return refreshInquiriesWhere(ctx, tx, `state <> $1 AND record_id IN (`+placeholders(2, len(ids))+`)`, args...)
}

func refreshInquiriesWhere(ctx context.Context, tx *Tx, where string, args ...any) error {
	ids, err := tx.ids(ctx, "find inquiries to refresh", `SELECT id FROM inquiries WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := refreshInquiry(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// refreshInquiry recomputes an inquiry's state and writes what it earns to
// the outbox. The states:
//
//   - open: nothing known yet.
//   - candidate found: the inquiry's record is linked to a person with other
//     records, or has an open review item — someone may be the person sought.
//   - answered: the person's status may be told (lastseen.Tellable: a
//     verified status, or an undisputed claim of life); never an unverified
//     death. Answered is kept when later news is less certain.
//   - closed: set by CloseInquiry only; a closed inquiry no longer moves.
//
// Notifications: "inquiry.candidate_found" once per subscription, and
// "inquiry.status" once per tellable (status, as-of, verified), each with a
// dedup key that makes a second refresh write nothing.
func refreshInquiry(ctx context.Context, tx *Tx, id int64) error {
	q, err := findInquiry(ctx, tx, "i.id = $1", id)
	if err != nil {
		return fmt.Errorf("refresh inquiry %d: %w", id, err)
	}
	if q.State == lastseen.InquiryClosed {
		return nil
	}
	k, err := knownFor(ctx, tx, q.PersonID, q.RecordID)
	if err != nil {
		return fmt.Errorf("refresh inquiry %d: %w", id, err)
	}
	if !k.candidate {
		var open int
		err := tx.QueryRowContext(ctx, `
			SELECT COUNT(*) FROM review_items WHERE (record_a = $1 OR record_b = $1) AND state = $2`,
			q.RecordID, string(lastseen.ReviewOpen)).Scan(&open)
		if err != nil {
			return fmt.Errorf("refresh inquiry %d: %w", id, err)
		}
		k.candidate = open > 0
	}
	state := lastseen.InquiryOpen
	switch {
	case k.tellable || q.State == lastseen.InquiryAnswered:
		state = lastseen.InquiryAnswered
	case k.candidate:
		state = lastseen.InquiryCandidateFound
	}
	var stored sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT person_id FROM inquiries WHERE id = $1`, id).Scan(&stored); err != nil {
		return fmt.Errorf("refresh inquiry %d: %w", id, err)
	}
	if state != q.State || stored.Int64 != q.PersonID {
		_, err := tx.ExecContext(ctx, `UPDATE inquiries SET state = $1, person_id = $2, updated_at = $3 WHERE id = $4`,
			string(state), nullID(q.PersonID), tx.now, id)
		if err != nil {
			return fmt.Errorf("refresh inquiry %d: %w", id, err)
		}
	}
	if state != q.State {
		if err := tx.audit(ctx, "inquiry.state", fmt.Sprintf("inquiry:%d", id), fmt.Sprintf("%s -> %s", q.State, state)); err != nil {
			return err
		}
	}

	type payload struct {
		InquiryID int64                 `json:"inquiry_id"`
		State     lastseen.InquiryState `json:"state"`
		Status    lastseen.Status       `json:"status,omitempty"`
		AsOf      lastseen.PartialDate  `json:"as_of,omitzero"`
		Verified  bool                  `json:"verified,omitempty"`
		Method    string                `json:"method,omitempty"` // how a verified status was verified
	}
	type note struct {
		kind, key string
		body      payload
	}
	var notes []note
	if state == lastseen.InquiryCandidateFound {
		notes = append(notes, note{lastseen.NotifyCandidateFound, "candidate_found", payload{InquiryID: id, State: state}})
	}
	if k.tellable {
		body := payload{InquiryID: id, State: state, Status: k.status, AsOf: k.person.AsOf, Verified: k.person.Verified}
		if v := k.person.Verification; v != nil {
			body.Method = v.Method
		}
		key := fmt.Sprintf("status:%s:%s:%t", k.status, k.person.AsOf, k.person.Verified)
		notes = append(notes, note{lastseen.NotifyStatus, key, body})
	}
	if len(notes) == 0 {
		return nil
	}
	subs, err := subscriptionIDs(ctx, tx, id)
	if err != nil {
		return err
	}
	for _, sub := range subs {
		for _, n := range notes {
			b, err := json.Marshal(n.body)
			if err != nil {
				return err
			}
			if err := notify(ctx, tx, sub, n.kind, string(b), fmt.Sprintf("subscription:%d:%s", sub, n.key)); err != nil {
				return err
			}
		}
	}
	return nil
}
