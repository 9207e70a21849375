package lastseen

import "time"

// Status is a statement about a person's fate.
type Status string

const (
	StatusAlive    Status = "alive"
	StatusMissing  Status = "missing"
	StatusCaptured Status = "captured" // captured, detained, prisoner of war
	StatusWounded  Status = "wounded"
	StatusDead     Status = "dead"
	StatusSought   Status = "sought" // information sought: an inquiry with no statement of fate
	StatusUnknown  Status = ""       // a derived status when nothing is known
)

// Statuses lists every status a claim may carry.
var Statuses = []Status{StatusAlive, StatusMissing, StatusCaptured, StatusWounded, StatusDead, StatusSought}

// statusAliases are the words real lists use for the same statuses.
var statusAliases = map[string]Status{
	"detained": StatusCaptured, "prisoner": StatusCaptured, "pow": StatusCaptured,
	"killed": StatusDead, "deceased": StatusDead, "died": StatusDead,
	"injured": StatusWounded, "information_sought": StatusSought,
	"information sought": StatusSought,
}

// ParseStatus reads a status or one of its common aliases ("pow", "killed").
func ParseStatus(s string) (Status, bool) {
	for _, v := range Statuses {
		if string(v) == s {
			return v, true
		}
	}
	v, ok := statusAliases[s]
	return v, ok
}

// Claim is a dated statement about a person's fate, carried by a record.
// Credibility grades the information on the Admiralty scale: 1 confirmed by
// other sources … 5 improbable, 6 cannot be judged; 0 means the source kind's
// default applies.
type Claim struct {
	ID          int64       `json:"id"`
	RecordID    int64       `json:"record_id"`
	Status      Status      `json:"status"`
	Date        PartialDate `json:"date,omitzero"`
	Place       string      `json:"place,omitempty"`
	Credibility int         `json:"credibility,omitempty"`
	Evidence    string      `json:"evidence,omitempty"`
	EvidenceURL string      `json:"evidence_url,omitempty"`
	CreatedAt   time.Time   `json:"created_at"`
}

// Validate checks a claim; prefix is its field path ("claims[0].").
func (c *Claim) Validate(prefix string, p *Problems) {
	if _, ok := ParseStatus(string(c.Status)); !ok {
		p.Add(prefix+"status", "%q is not a status (one of %v)", c.Status, Statuses)
	}
	if c.Credibility < 0 || c.Credibility > 6 {
		p.Add(prefix+"credibility", "%d is not an Admiralty credibility grade (1 to 6)", c.Credibility)
	}
	if len(c.Place) > 1000 {
		p.Add(prefix+"place", "is longer than 1000 bytes")
	}
}
