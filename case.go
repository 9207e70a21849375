package lastseen

import "context"

// CaseService is the caseworkers' side of the registry: it applies their
// judgements and verifications, and reads a person as a case — derived status,
// conflict, timeline — and the review queue with both records of each pair.
// Every write recomputes the derived status of the persons it touches and
// moves their inquiries, writing notifications, in the same transaction.
type CaseService interface {
	// Judge stores the judgement by the actor in the context (UserID is set
	// from it) and applies it:
	//   - same: the persons of the two records are merged into the person
	//     of RecordA: every record of RecordB's person is relinked to it by
	//     a caseworker link.
	//   - not same: if the two records share a person, they are parted. When
	//     the pair's previous judgement was the "same" that merged RecordB's
	//     person in, the merge is undone: the records it brought go back to
	//     the person they came from. So is an automatic move or merge (the
	//     incremental linker's second look) that brought RecordB, or else
	//     RecordA, in. Otherwise RecordB alone leaves for a new person.
	//   - unsure: nothing moves.
	// Earlier links are ended, never deleted, so the history shows every
	// merge and split and a later judgement can undo it. Open review items
	// of the pair are marked decided. Returns EINVALID naming fields,
	// ENOTFOUND naming record_a or record_b, EFORBIDDEN unless the actor may
	// judge (ActionJudge).
	Judge(ctx context.Context, j *Judgement) (*JudgementOutcome, error)

	// Verify stores a caseworker's verification of a person's status (UserID
	// and CreatedAt are set). A verified death is what lets the person's
	// inquiries be answered with it. Returns EINVALID naming fields,
	// ENOTFOUND if the person does not exist, EFORBIDDEN unless the actor may
	// verify (ActionVerify).
	Verify(ctx context.Context, v *Verification) error

	// FindVerifications returns a person's verifications, newest first.
	FindVerifications(ctx context.Context, personID int64) ([]*Verification, error)

	// FindCase returns the person with its current records, its derived
	// status with basis, conflict and deciding verification, and its
	// timeline: every claim of its records in event order, graded, with its
	// source and submitter (to be redacted per role). Returns ENOTFOUND.
	FindCase(ctx context.Context, personID int64) (*Person, error)

	// FindReviewCases returns review items most urgent first, each with both
	// records, and the total that match ignoring Limit.
	FindReviewCases(ctx context.Context, f ReviewFilter) ([]*ReviewCase, int, error)

	// FindCases returns persons for a caseworker's work lists — deaths
	// awaiting verification, conflicts to resolve — those a family is
	// waiting for first (most open inquiries), then the newest news (as-of
	// date), and the total that match ignoring Limit.
	FindCases(ctx context.Context, f CaseFilter) ([]*CaseSummary, int, error)
}

// CaseFilter selects persons; zero fields match everything.
type CaseFilter struct {
	Status     Status
	Unverified bool // only persons whose status no caseworker has verified
	Conflict   bool // only persons with a conflict
	Limit      int
	Offset     int
}

// CaseSummary is a person in a work list, with the number of open inquiries
// waiting for it.
type CaseSummary struct {
	*Person
	Inquiries int `json:"inquiries"`
}

// JudgementOutcome is a judgement with where it left the two records.
type JudgementOutcome struct {
	Judgement *Judgement `json:"judgement"`
	PersonA   int64      `json:"person_a"` // the person of RecordA after the judgement
	PersonB   int64      `json:"person_b"`
}
