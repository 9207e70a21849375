package lastseen

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Sex as a record states it; "" when the record does not say.
type Sex string

const (
	SexUnknown Sex = ""
	SexMale    Sex = "m"
	SexFemale  Sex = "f"
)

// Record is one source's statement about one human. It is immutable once
// received: a correction is a new record whose Supersedes names the old one.
//
// Names are kept as the source wrote them, in any script (after Unicode
// normalisation that keeps й, ї, є, ё, ґ distinct); folded and transliterated
// forms are derived by package names and never replace them.
type Record struct {
	ID       int64   `json:"id"`
	SourceID int64   `json:"source_id"`
	Source   *Source `json:"source,omitempty"`
	// ExternalID is the id the record had where it came from (a list's row or
	// record number, a PFIF person_record_id). Unique within its source, which
	// makes imports idempotent.
	ExternalID string `json:"external_id,omitempty"`

	GivenName  string   `json:"given_name,omitempty"`
	FamilyName string   `json:"family_name,omitempty"`
	Patronymic string   `json:"patronymic,omitempty"`
	FullName   string   `json:"full_name,omitempty"`
	AltNames   []string `json:"alt_names,omitempty"`

	Sex           Sex         `json:"sex,omitempty"`
	BirthDate     PartialDate `json:"birth_date,omitzero"`
	BirthPlace    string      `json:"birth_place,omitempty"`
	Side          string      `json:"side,omitempty"` // the side or nationality, as a short code ("ua", "ru")
	Unit          string      `json:"unit,omitempty"`
	Rank          string      `json:"rank,omitempty"`
	ServiceNumber string      `json:"service_number,omitempty"`
	Civilian      *bool       `json:"civilian,omitempty"`

	LastSeenDate  PartialDate `json:"last_seen_date,omitzero"`
	LastSeenPlace string      `json:"last_seen_place,omitempty"`
	Circumstances string      `json:"circumstances,omitempty"`
	Notes         string      `json:"notes,omitempty"`

	// Supersedes is the id of the record this one corrects; 0 for none.
	Supersedes int64 `json:"supersedes,omitempty"`

	// Provenance. Submitter is protected data: it identifies a reporter.
	Submitter  Submitter `json:"submitter,omitzero"`
	ReceivedAt time.Time `json:"received_at"`

	Claims []*Claim `json:"claims,omitempty"`

	// PersonID is the person the record is linked to now; 0 while unlinked.
	// It is read from the links, never stored on the record.
	PersonID int64 `json:"person_id,omitempty"`
}

// SubmitterKind says how a submitter was identified.
type SubmitterKind string

const (
	SubmitterAnonymous SubmitterKind = "anonymous" // ID is a random token the client keeps
	SubmitterUser      SubmitterKind = "user"      // ID is a user id
	SubmitterAPIKey    SubmitterKind = "api_key"   // ID is an API key id
	SubmitterImport    SubmitterKind = "import"    // a local `lastseen import`; ID names the file
)

// Submitter is who handed a record to lastseen.
type Submitter struct {
	Kind SubmitterKind `json:"kind,omitempty"`
	ID   string        `json:"id,omitempty"`
}

// IsZero reports whether the submitter is unset.
func (s Submitter) IsZero() bool { return s == Submitter{} }

// HasName reports whether the record names the person at all.
func (r *Record) HasName() bool {
	return strings.TrimSpace(r.GivenName+r.FamilyName+r.FullName) != ""
}

// DisplayName is the record's name as one string, in the order the record gave it.
func (r *Record) DisplayName() string {
	if r.FullName != "" {
		return r.FullName
	}
	return strings.Join(strings.Fields(r.GivenName+" "+r.Patronymic+" "+r.FamilyName), " ")
}

// Limits on free text, to refuse garbage without truncating anything silently.
const (
	maxNameLen = 300
	maxTextLen = 20000
)

// Validate checks the record and its claims and source before storing, and
// returns an EINVALID error naming every offending field.
func (r *Record) Validate() error {
	var p Problems
	r.validate("", &p)
	return p.Err()
}

func (r *Record) validate(prefix string, p *Problems) {
	if !r.HasName() {
		p.Add(prefix+"given_name", "a name is required: given_name and family_name, or full_name")
	}
	for _, f := range []struct{ name, v string }{
		{"given_name", r.GivenName}, {"family_name", r.FamilyName},
		{"patronymic", r.Patronymic}, {"full_name", r.FullName},
	} {
		checkText(prefix+f.name, f.v, maxNameLen, p)
	}
	for i, n := range r.AltNames {
		checkText(fmt.Sprintf("%salt_names[%d]", prefix, i), n, maxNameLen, p)
	}
	for _, f := range []struct{ name, v string }{
		{"birth_place", r.BirthPlace}, {"side", r.Side}, {"unit", r.Unit}, {"rank", r.Rank},
		{"service_number", r.ServiceNumber}, {"external_id", r.ExternalID},
		{"last_seen_place", r.LastSeenPlace},
	} {
		checkText(prefix+f.name, f.v, 1000, p)
	}
	checkText(prefix+"circumstances", r.Circumstances, maxTextLen, p)
	checkText(prefix+"notes", r.Notes, maxTextLen, p)
	switch r.Sex {
	case SexUnknown, SexMale, SexFemale:
	default:
		p.Add(prefix+"sex", "%q is not a sex: use \"m\", \"f\" or leave it empty", r.Sex)
	}
	if r.SourceID == 0 && r.Source == nil {
		p.Add(prefix+"source", "is required: give source_id or a source with kind and name")
	} else if r.SourceID == 0 {
		r.Source.Validate(prefix+"source.", p)
	}
	for i, c := range r.Claims {
		c.Validate(fmt.Sprintf("%sclaims[%d].", prefix, i), p)
	}
}

func checkText(field, v string, max int, p *Problems) {
	if !utf8.ValidString(v) {
		p.Add(field, "is not valid UTF-8")
	} else if len(v) > max {
		p.Add(field, "is longer than %d bytes", max)
	} else if strings.ContainsRune(v, 0) {
		p.Add(field, "contains a NUL character")
	}
}

// RecordService stores records. Records and claims are append-only: there is no
// update and no delete.
type RecordService interface {
	// CreateRecord validates and stores a record with its claims, its source
	// (found or created when given by kind and name) and an audit event, in one
	// transaction, and sets the IDs and ReceivedAt. When it returns nil the
	// record is durable. Returns EINVALID naming the fields, ENOTFOUND if
	// SourceID or Supersedes names nothing, ECONFLICT if the source already has
	// a record with the same ExternalID.
	CreateRecord(ctx context.Context, r *Record) error

	// ImportRecords stores a batch of records from one source in one
	// transaction. Records whose ExternalID the source already has are skipped
	// and counted as duplicates, so re-running an import adds nothing. Records
	// must have been validated by the caller.
	ImportRecords(ctx context.Context, sourceID int64, rs []*Record) (ImportResult, error)

	// FindRecordByID returns the record with its source, claims and current
	// person. Returns ENOTFOUND if there is none.
	FindRecordByID(ctx context.Context, id int64) (*Record, error)

	// FindRecords returns records in id order, with claims, and the total that
	// match the filter ignoring Limit.
	FindRecords(ctx context.Context, f RecordFilter) ([]*Record, int, error)
}

// RecordFilter selects records; zero fields match everything.
type RecordFilter struct {
	IDs      []int64
	SourceID int64
	PersonID int64
	AfterID  int64 // for paging through everything in id order
	Limit    int
	Offset   int
}

// ImportResult counts what one ImportRecords call did.
type ImportResult struct {
	Imported   int
	Duplicates int
	IDs        []int64 // ids of the imported records, in input order (0 for duplicates)
}
