package lastseen

import (
	"context"
	"time"
)

// Person is the human behind one or more records. Its status, confidence and
// as-of date are derived from the claims of its linked records (see
// DeriveStatus) and stored only as a cache that is recomputed whenever a
// record is linked, unlinked or added.
type Person struct {
	ID        int64       `json:"id"`
	Name      string      `json:"name"` // display name, from the most complete record
	BirthDate PartialDate `json:"birth_date,omitzero"`
	Side      string      `json:"side,omitempty"`

	Status     Status      `json:"status"`
	Confidence float64     `json:"confidence"`
	AsOf       PartialDate `json:"as_of,omitzero"`
	// Conflict lists the claims that credibly disagree with the derived
	// status; empty when they agree.
	Conflict []int64 `json:"conflict,omitempty"`
	// Basis lists the claims that support the derived status.
	Basis []int64 `json:"basis,omitempty"`
	// Verified is set when a caseworker has verified the current status
	// (required before a death reaches a family); Verification is then the
	// verification that decided.
	Verified     bool          `json:"verified"`
	Verification *Verification `json:"verification,omitempty"`
	// UnderReview is set when a report of the person's death waits for a
	// caseworker: a death no caseworker has verified among its claims, or in
	// the review queue against one of its records (the reader of the queue
	// sets it: the HTTP layer). For roles that may not see unverified deaths,
	// Redact then shows a neutral status with Notice (see Redact).
	UnderReview bool   `json:"under_review,omitempty"`
	Notice      string `json:"notice,omitempty"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	Records []*Record `json:"records,omitempty"`
	// Timeline is every claim of the person's records in event order, filled
	// when the person is read for display (see SortTimeline).
	Timeline []*GradedClaim `json:"timeline,omitempty"`
}

// LinkMethod says what made a link.
type LinkMethod string

const (
	LinkAutomatic  LinkMethod = "automatic"  // the matcher was sure
	LinkCaseworker LinkMethod = "caseworker" // a caseworker decided
	LinkNew        LinkMethod = "new"        // the record started a new person
)

// Link makes a record a member of a person. Links are never deleted: an unlink
// sets RemovedAt, so merges and splits can be undone and their history read.
type Link struct {
	ID        int64      `json:"id"`
	RecordID  int64      `json:"record_id"`
	PersonID  int64      `json:"person_id"`
	Score     float64    `json:"score"`                // the match weight that made it, in log2 odds
	Method    LinkMethod `json:"method"`               // automatic, caseworker or new
	DecidedBy int64      `json:"decided_by,omitempty"` // user id for caseworker links
	CreatedAt time.Time  `json:"created_at"`
	RemovedAt *time.Time `json:"removed_at,omitempty"`
}

// Verdict is a caseworker's decision about two records.
type Verdict string

const (
	VerdictSame    Verdict = "same"
	VerdictNotSame Verdict = "not_same"
	VerdictUnsure  Verdict = "unsure"
)

// Judgement is a caseworker's decision that two records are, are not, or may be
// the same human. Automatic linking never undoes a judgement: a "not same" is
// never overridden, a "same" never split. A later judgement on the same pair
// replaces the earlier one; both are kept.
type Judgement struct {
	ID        int64     `json:"id"`
	RecordA   int64     `json:"record_a"`
	RecordB   int64     `json:"record_b"`
	Verdict   Verdict   `json:"verdict"`
	UserID    int64     `json:"user_id,omitempty"`
	Note      string    `json:"note,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// PersonService stores persons and the links that make them.
type PersonService interface {
	// FindPersonByID returns the person with its records and their claims.
	// Returns ENOTFOUND if there is none.
	FindPersonByID(ctx context.Context, id int64) (*Person, error)

	// LinkRecord makes the record a member of the person (a new person when
	// personID is 0), ending any current link of the record, and recomputes the
	// derived status of every person affected. Returns the person id.
	// Returns ECONFLICT if a caseworker's judgement forbids the link and the
	// method is not LinkCaseworker.
	LinkRecord(ctx context.Context, recordID, personID int64, l Link) (int64, error)

	// LinkRecords applies many links at once, in order, in one transaction:
	// each request as LinkRecord would, except that a person's derived status
	// is recomputed once, after the last link, for every person affected. A
	// negative PersonID names a new person of the batch: every request with
	// the same negative id joins the one new person the first creates.
	// Returns the person id of each request, in order. Any error leaves
	// nothing of the batch applied: ECONFLICT as LinkRecord (a judgement
	// forbids one of the links), ENOTFOUND if a record, person or user names
	// nothing.
	LinkRecords(ctx context.Context, reqs []LinkRequest) ([]int64, error)

	// FindLinks returns the link history of a record or person, newest first.
	FindLinks(ctx context.Context, f LinkFilter) ([]*Link, error)
}

// LinkRequest asks LinkRecords to link one record to a person: an existing
// one (PersonID > 0), a new one (0), or a new one shared by the requests of
// the batch with the same negative PersonID.
type LinkRequest struct {
	RecordID int64
	PersonID int64
	Link     Link
}

// LinkEach carries out a batch of requests one at a time with link, which
// links one record to a person (0: a new one) and returns the person's id,
// and resolves each negative PersonID to the person its first request
// created. It stops at the first error. For stores that link one record at
// a time (in memory, in tests and benchmarks).
func LinkEach(reqs []LinkRequest, link func(recordID, personID int64, l Link) (int64, error)) ([]int64, error) {
	out := make([]int64, len(reqs))
	created := map[int64]int64{}
	for i, r := range reqs {
		pid := r.PersonID
		if pid < 0 {
			pid = created[r.PersonID]
		}
		pid, err := link(r.RecordID, pid, r.Link)
		if err != nil {
			return nil, err
		}
		if r.PersonID < 0 {
			created[r.PersonID] = pid
		}
		out[i] = pid
	}
	return out, nil
}

// LinkFilter selects links. RecordIDs selects the links of any of those
// records (with RecordID, of any of them or RecordID).
type LinkFilter struct {
	RecordID       int64
	RecordIDs      []int64
	PersonID       int64
	IncludeRemoved bool
}
