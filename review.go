package lastseen

import "context"

// ReviewCase is a review item as a caseworker sees it: the question, both
// records in full (redacted as the caseworker may see them), and, through the
// item, the per-field explanation of the score.
type ReviewCase struct {
	ReviewItem
	A *Record `json:"a"`
	B *Record `json:"b"`
}

// JudgementService stores caseworkers' judgements and applies them.
type JudgementService interface {
	// CreateJudgement stores the judgement by the actor in the context and
	// applies it in the same transaction:
	//   - same: the records' persons are merged into the person of RecordA;
	//     every record of RecordB's person is relinked with method caseworker.
	//   - not same: if the two records share a person, RecordB leaves it for
	//     a new person of its own.
	//   - unsure: nothing moves; the question leaves the queue.
	// Earlier links are ended, never deleted, so the history shows every
	// merge and split and a later judgement can undo it. Open review items of
	// the pair are marked decided, and the derived status of every person
	// touched is recomputed (with its inquiries and their notifications).
	// Sets ID, UserID and CreatedAt. Returns EINVALID naming fields, ENOTFOUND
	// if a record does not exist, EFORBIDDEN unless the actor is a caseworker
	// or admin.
	CreateJudgement(ctx context.Context, j *Judgement) error

	// FindJudgements returns judgements newest first. The linkage engine
	// reads them so that it never links across a "not same".
	FindJudgements(ctx context.Context, f JudgementFilter) ([]*Judgement, error)
}

// JudgementFilter selects judgements; zero fields match everything.
type JudgementFilter struct {
	RecordID int64 // judgements that involve this record
	Limit    int
}

// Validate checks a judgement before it is stored.
func (j *Judgement) Validate() error {
	var p Problems
	if j.RecordA <= 0 {
		p.Add("record_a", "is required: the id of a record")
	}
	if j.RecordB <= 0 {
		p.Add("record_b", "is required: the id of a record")
	} else if j.RecordB == j.RecordA {
		p.Add("record_b", "is the same record as record_a")
	}
	switch j.Verdict {
	case VerdictSame, VerdictNotSame, VerdictUnsure:
	default:
		p.Add("verdict", "%q is not a verdict: use \"same\", \"not_same\" or \"unsure\"", j.Verdict)
	}
	checkText("note", j.Note, maxTextLen, &p)
	return p.Err()
}
