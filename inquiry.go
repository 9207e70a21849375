package lastseen

import (
	"context"
	"time"
)

// InquiryState is where a tracing request stands.
type InquiryState string

const (
	InquiryOpen           InquiryState = "open"
	InquiryCandidateFound InquiryState = "candidate_found"
	InquiryAnswered       InquiryState = "answered"
	InquiryClosed         InquiryState = "closed"
)

// Inquirer is the person who asks. Every field but Relationship and Language is
// protected data: it leaves the server only for roles allowed to see it, and
// every such read is audited.
type Inquirer struct {
	Name         string `json:"name,omitempty"` // may be a pseudonym
	Email        string `json:"email,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Relationship string `json:"relationship,omitempty"` // mother, father, wife, brother, comrade…
	Language     string `json:"language,omitempty"`     // en, ru or uk: the language of every message to them
}

// Inquiry is a tracing request: who asks, the description they gave (itself a
// Record, from the inquiry's own source), and the person it is linked to.
type Inquiry struct {
	ID       int64        `json:"id"`
	Inquirer Inquirer     `json:"inquirer"`
	RecordID int64        `json:"record_id"`
	Record   *Record      `json:"person,omitempty"`
	PersonID int64        `json:"person_id,omitempty"`
	State    InquiryState `json:"state"`
	// FollowToken is the secret that lets the inquirer follow the inquiry
	// without an account. Only its hash is stored; it is known in full only
	// in the response that created the inquiry.
	FollowToken string    `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// InquiryService stores inquiries.
type InquiryService interface {
	// CreateInquiry stores the inquiry, its record and a subscription for the
	// inquirer, and sets ID, State, FollowToken. Returns EINVALID naming fields.
	CreateInquiry(ctx context.Context, q *Inquiry) error

	// FindInquiryByID returns ENOTFOUND if there is none.
	FindInquiryByID(ctx context.Context, id int64) (*Inquiry, error)

	// FindInquiryByToken finds the inquiry a follow token opens. Returns
	// ENOTFOUND for an unknown token.
	FindInquiryByToken(ctx context.Context, token string) (*Inquiry, error)
}

// Channel is how a notification is delivered.
type Channel string

const (
	ChannelEmail   Channel = "email"
	ChannelWebhook Channel = "webhook"
)

// Subscription says who is told about what: changes of a person or of an
// inquiry, through one channel, in one language.
type Subscription struct {
	ID        int64     `json:"id"`
	InquiryID int64     `json:"inquiry_id,omitempty"`
	PersonID  int64     `json:"person_id,omitempty"`
	Channel   Channel   `json:"channel"`
	Address   string    `json:"-"` // email address or webhook URL: protected
	Language  string    `json:"language"`
	CreatedAt time.Time `json:"created_at"`
}

// Notification is a message in the outbox. It is written in the same
// transaction as the change it announces, and delivered by a worker with
// retries; DedupKey makes delivery idempotent. A death never enters the outbox
// for a family before a caseworker has verified it.
type Notification struct {
	ID             int64      `json:"id"`
	SubscriptionID int64      `json:"subscription_id"`
	Kind           string     `json:"kind"` // e.g. "inquiry.state"
	Payload        string     `json:"payload"`
	DedupKey       string     `json:"dedup_key"`
	CreatedAt      time.Time  `json:"created_at"`
	Attempts       int        `json:"attempts"`
	NextAttemptAt  time.Time  `json:"next_attempt_at"`
	SentAt         *time.Time `json:"sent_at,omitempty"`
	LastError      string     `json:"last_error,omitempty"`
}
