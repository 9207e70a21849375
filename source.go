package lastseen

import (
	"context"
	"time"
)

// SourceKind is what kind of origin a source is. It sets the default grades of
// its claims (see DefaultGrades).
type SourceKind string

const (
	SourceFamily       SourceKind = "family"        // a relative, usually through an inquiry
	SourceComrade      SourceKind = "comrade"       // someone who served with the person
	SourceWitness      SourceKind = "witness"       // a civilian eyewitness or volunteer
	SourceOfficial     SourceKind = "official"      // a ministry, army or government list
	SourcePrisonerList SourceKind = "prisoner_list" // lists of prisoners of war or detainees, exchange lists
	SourceHospital     SourceKind = "hospital"
	SourceMorgue       SourceKind = "morgue"
	SourceMedia        SourceKind = "media"  // journalists' verified lists, obituaries
	SourceSocial       SourceKind = "social" // social-media posts
	SourceNGO          SourceKind = "ngo"    // tracing agencies, humanitarian organisations
	SourceOther        SourceKind = "other"
)

// SourceKinds lists every kind, in the order forms show them.
var SourceKinds = []SourceKind{
	SourceFamily, SourceComrade, SourceWitness, SourceOfficial, SourcePrisonerList,
	SourceHospital, SourceMorgue, SourceMedia, SourceSocial, SourceNGO, SourceOther,
}

// Valid reports whether k is a known kind.
func (k SourceKind) Valid() bool {
	for _, v := range SourceKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Source is where information comes from. Reliability grades the source on the
// Admiralty scale: A completely reliable … E unreliable, F cannot be judged.
type Source struct {
	ID          int64       `json:"id"`
	Kind        SourceKind  `json:"kind"`
	Name        string      `json:"name"`
	URL         string      `json:"url,omitempty"`
	Publisher   string      `json:"publisher,omitempty"`
	Date        PartialDate `json:"date,omitzero"`
	Reliability string      `json:"reliability,omitempty"` // "A".."F"; "" = the kind's default
	CreatedAt   time.Time   `json:"created_at"`
}

// Validate checks a source before it is stored; prefix names the field path
// ("source.") in errors.
func (s *Source) Validate(prefix string, p *Problems) {
	if s.Name == "" {
		p.Add(prefix+"name", "is required")
	} else if len(s.Name) > 500 {
		p.Add(prefix+"name", "is longer than 500 bytes")
	}
	if !s.Kind.Valid() {
		p.Add(prefix+"kind", "%q is not a source kind (one of %v)", s.Kind, SourceKinds)
	}
	if s.Reliability != "" && !ValidReliability(s.Reliability) {
		p.Add(prefix+"reliability", "%q is not an Admiralty reliability grade (A to F)", s.Reliability)
	}
}

// ValidReliability reports whether g is an Admiralty source grade, A to F.
func ValidReliability(g string) bool { return len(g) == 1 && g[0] >= 'A' && g[0] <= 'F' }

// SourceService stores sources.
type SourceService interface {
	// CreateSource stores a new source and sets its ID and CreatedAt.
	// Returns EINVALID if a field is wrong.
	CreateSource(ctx context.Context, s *Source) error

	// FindSourceByID returns ENOTFOUND if there is no such source.
	FindSourceByID(ctx context.Context, id int64) (*Source, error)

	// FindOrCreateSource returns the source with the same kind and name, creating
	// it if there is none. Imports use it so that a re-run names the same source.
	FindOrCreateSource(ctx context.Context, s *Source) (*Source, error)

	// FindSources returns sources ordered by name.
	FindSources(ctx context.Context, f SourceFilter) ([]*Source, error)
}

// SourceFilter selects sources; zero fields match everything.
type SourceFilter struct {
	Kind   SourceKind
	Limit  int
	Offset int
}
