package lastseen

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Grade is an Admiralty (NATO System) grade: the reliability of a source, A
// (completely reliable) to F (cannot be judged), and the credibility of one
// piece of information, 1 (confirmed by other sources) to 6 (cannot be
// judged). "B2" is a usually reliable source saying something probably true.
type Grade struct {
	Reliability string `json:"reliability"`
	Credibility int    `json:"credibility"`
}

func (g Grade) String() string { return g.Reliability + strconv.Itoa(g.Credibility) }

// Credible reports whether a claim of this grade may decide a person's status:
// a source no worse than D (not usually reliable) saying something no worse
// than 4 (doubtful). E and F sources, and information graded 5 (improbable)
// or 6 (cannot be judged), are shown but never decide alone.
func (g Grade) Credible() bool {
	return ValidReliability(g.Reliability) && g.Reliability <= "D" &&
		g.Credibility >= 1 && g.Credibility <= 4
}

// weight is how much one claim of this grade is believed, 0 to 1: the
// product of the source's and the information's part. It sets confidence
// (see DeriveStatus) and ranks claims of the same date.
func (g Grade) weight() float64 {
	var rel, cred float64
	if len(g.Reliability) == 1 && g.Reliability[0] >= 'A' && g.Reliability[0] <= 'F' {
		rel = [...]float64{0.95, 0.85, 0.7, 0.55, 0.3, 0.2}[g.Reliability[0]-'A']
	}
	if g.Credibility >= 1 && g.Credibility <= 6 {
		cred = [...]float64{1, 0.9, 0.75, 0.6, 0.3, 0.2}[g.Credibility-1]
	}
	return rel * cred
}

// Grades is the table of default grades by source kind. A source's own
// Reliability and a claim's own Credibility, when set, override it. The
// operator may change the table (`lastseen serve --grades "social=E5,media=B3"`,
// see ParseGrades); kinds the operator does not name keep DefaultGrades.
type Grades map[SourceKind]Grade

// DefaultGrades returns the built-in table. The reasoning, kind by kind:
// official lists, prisoner lists, hospitals, morgues and tracing NGOs keep
// records for a living (B, usually reliable) and their entries are probably
// true (2); families, comrades and journalists are fairly reliable (C) and
// their news possibly true (3), since grief and the fog of war both mislead;
// a single witness is not usually reliable (D, 3); a social-media post is
// unreliable (E) and doubtful (4); an unknown kind cannot be judged (F6).
// A is kept for what a caseworker has verified.
func DefaultGrades() Grades {
	return Grades{
		SourceOfficial:     {"B", 2},
		SourcePrisonerList: {"B", 2},
		SourceHospital:     {"B", 2},
		SourceMorgue:       {"B", 2},
		SourceNGO:          {"B", 2},
		SourceFamily:       {"C", 3},
		SourceComrade:      {"C", 3},
		SourceMedia:        {"C", 3},
		SourceWitness:      {"D", 3},
		SourceSocial:       {"E", 4},
		SourceOther:        {"F", 6},
	}
}

// Kind returns the default grade of a source kind: the table's entry, else
// the built-in default, else F6.
func (gs Grades) Kind(k SourceKind) Grade {
	if g, ok := gs[k]; ok {
		return g
	}
	if g, ok := DefaultGrades()[k]; ok {
		return g
	}
	return Grade{"F", 6}
}

// Of returns the grade of a claim from a source: the source's reliability if
// it has one, else its kind's; the claim's credibility if it has one, else
// the kind's. A nil source is graded as SourceOther.
func (gs Grades) Of(s *Source, c *Claim) Grade {
	kind := SourceOther
	if s != nil {
		kind = s.Kind
	}
	g := gs.Kind(kind)
	if s != nil && ValidReliability(s.Reliability) {
		g.Reliability = s.Reliability
	}
	if c != nil && c.Credibility >= 1 && c.Credibility <= 6 {
		g.Credibility = c.Credibility
	}
	return g
}

// ParseGrade reads a grade such as "B2".
func ParseGrade(s string) (Grade, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	if len(s) != 2 || !ValidReliability(s[:1]) || s[1] < '1' || s[1] > '6' {
		return Grade{}, fmt.Errorf("%q is not an Admiralty grade: a letter A to F and a digit 1 to 6, such as B2", s)
	}
	return Grade{Reliability: s[:1], Credibility: int(s[1] - '0')}, nil
}

// ParseGrades reads an operator's overrides, "kind=GRADE" pairs separated by
// commas ("social=E5, media=B3"), on top of DefaultGrades. An empty string
// gives the defaults.
func ParseGrades(s string) (Grades, error) {
	gs := DefaultGrades()
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		kind := SourceKind(strings.TrimSpace(k))
		if !ok {
			return nil, fmt.Errorf("grades: %q: write kind=GRADE, such as social=E5", part)
		}
		if !kind.Valid() {
			return nil, fmt.Errorf("grades: %q is not a source kind (one of %v)", kind, SourceKinds)
		}
		g, err := ParseGrade(v)
		if err != nil {
			return nil, fmt.Errorf("grades: %s: %w", kind, err)
		}
		gs[kind] = g
	}
	return gs, nil
}

// String writes the table in the form ParseGrades reads, kinds in order.
func (gs Grades) String() string {
	kinds := make([]string, 0, len(gs))
	for k := range gs {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = k + "=" + gs[SourceKind(k)].String()
	}
	return strings.Join(parts, ",")
}
