package lastseen

import (
	"context"
	"slices"
	"strings"
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
	// Status, AsOf and Verified are what the inquirer may be told about the
	// person sought (see Tellable), filled when the inquiry is read: empty
	// until there is something to tell, and never an unverified death.
	Status   Status      `json:"status,omitempty"`
	AsOf     PartialDate `json:"as_of,omitzero"`
	Verified bool        `json:"verified,omitempty"`
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

	// FindInquiries returns inquiries newest first, and the total that match
	// the filter ignoring Limit.
	FindInquiries(ctx context.Context, f InquiryFilter) ([]*Inquiry, int, error)

	// CloseInquiry closes an inquiry: it no longer moves nor notifies.
	// Returns ENOTFOUND if there is none.
	CloseInquiry(ctx context.Context, id int64) error
}

// InquiryFilter selects inquiries; zero fields match everything.
type InquiryFilter struct {
	State    InquiryState
	PersonID int64
	Limit    int
	Offset   int
}

// Languages an inquirer may be written to in.
var Languages = []string{"en", "ru", "uk"}

// Validate checks an inquiry before it is stored, naming fields as the JSON
// body does ("inquirer.email", "person.given_name"). The description's
// source must already be set: it is the deployment's inquiry source.
func (q *Inquiry) Validate() error {
	var p Problems
	q.Inquirer.validate("inquirer.", &p)
	if q.Record == nil {
		p.Add("person", "is required: describe the person sought")
	} else {
		q.Record.validate("person.", &p)
	}
	return p.Err()
}

// Validate checks the inquirer alone, naming fields "inquirer.…" as the
// body of an inquiry does.
func (in *Inquirer) Validate() error {
	var p Problems
	in.validate("inquirer.", &p)
	return p.Err()
}

func (in *Inquirer) validate(prefix string, p *Problems) {
	checkText(prefix+"name", in.Name, maxNameLen, p)
	checkText(prefix+"relationship", in.Relationship, 100, p)
	if in.Email != "" {
		at := strings.LastIndexByte(in.Email, '@')
		if len(in.Email) > 254 || at < 1 || at == len(in.Email)-1 || strings.ContainsAny(in.Email, " \t\r\n<>,;") {
			p.Add(prefix+"email", "%q is not an email address", in.Email)
		}
	}
	if in.Phone != "" {
		digits, other := 0, false
		for _, c := range in.Phone {
			if c >= '0' && c <= '9' {
				digits++
			} else if !strings.ContainsRune("+-() .", c) {
				other = true
			}
		}
		if other {
			p.Add(prefix+"phone", "%q is not a phone number: use digits, spaces and + - ( )", in.Phone)
		} else if digits < 5 || digits > 20 {
			p.Add(prefix+"phone", "%q is not a phone number: it has %d digits", in.Phone, digits)
		}
	}
	if in.Language != "" && !slices.Contains(Languages, in.Language) {
		p.Add(prefix+"language", "%q is not a language lastseen writes in (one of %v)", in.Language, Languages)
	}
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
