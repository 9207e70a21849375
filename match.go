package lastseen

import (
	"context"
	"time"
)

// FieldWeight is one field's part in a match score: the comparison level the
// field reached and its weight in log2 odds (a Bayes factor, as in
// Fellegi–Sunter). A score is the prior plus the sum of the field weights, so
// the list explains the score completely (like Splink's waterfall).
type FieldWeight struct {
	Field  string  `json:"field"`  // "given_name", "birth_date", …
	Level  string  `json:"level"`  // "exact", "translit", "diminutive", "close", "different", "missing", …
	Weight float64 `json:"weight"` // log2 Bayes factor; negative speaks against a match
	A      string  `json:"a,omitempty"`
	B      string  `json:"b,omitempty"`
}

// MatchAction is the band a score fell into.
type MatchAction string

const (
	MatchLink   MatchAction = "link"   // sure enough to link automatically
	MatchReview MatchAction = "review" // a caseworker must decide
	MatchNew    MatchAction = "new"    // nobody known is this person
)

// MatchCandidate is a known record that may describe the same human.
type MatchCandidate struct {
	RecordID    int64         `json:"record_id"`
	PersonID    int64         `json:"person_id"`
	Score       float64       `json:"score"`       // log2 odds
	Probability float64       `json:"probability"` // the same score as a probability
	Fields      []FieldWeight `json:"fields"`
}

// MatchDecision is what the linkage engine did with a record.
type MatchDecision struct {
	RecordID   int64            `json:"record_id"`
	Action     MatchAction      `json:"action"`
	PersonID   int64            `json:"person_id"` // the person the record is linked to now
	Candidates []MatchCandidate `json:"candidates,omitempty"`
}

// Linker matches a stored record against everything known and acts on the
// decision: links it to a person, queues review items, or starts a new person.
// It never links across a caseworker's "not same" judgement.
type Linker interface {
	LinkRecord(ctx context.Context, r *Record) (*MatchDecision, error)
}

// ReviewState is where a review item stands.
type ReviewState string

const (
	ReviewOpen    ReviewState = "open"
	ReviewDecided ReviewState = "decided"
)

// ReviewItem asks a caseworker whether two records describe the same human.
// Priority orders the queue, most urgent first (an inquiry waiting, a death
// claim, a score near the link threshold).
type ReviewItem struct {
	ID          int64         `json:"id"`
	RecordA     int64         `json:"record_a"`
	RecordB     int64         `json:"record_b"`
	Score       float64       `json:"score"`
	Fields      []FieldWeight `json:"fields"`
	Priority    float64       `json:"priority"`
	InquiryID   int64         `json:"inquiry_id,omitempty"` // set when the item answers an inquiry
	State       ReviewState   `json:"state"`
	JudgementID int64         `json:"judgement_id,omitempty"`
	CreatedAt   time.Time     `json:"created_at"`
}

// ReviewService keeps the caseworkers' review queue.
type ReviewService interface {
	// EnqueueReview stores open review items. A pair that already has an open
	// item or a judgement is skipped, so re-matching a record does not queue
	// the same question twice.
	EnqueueReview(ctx context.Context, items []*ReviewItem) error

	// FindReviewItems returns items most urgent first, and the total that
	// match the filter ignoring Limit.
	FindReviewItems(ctx context.Context, f ReviewFilter) ([]*ReviewItem, int, error)
}

// ReviewFilter selects review items; zero fields match everything.
type ReviewFilter struct {
	State    ReviewState
	RecordID int64 // items that involve this record
	Limit    int
	Offset   int
}
