package lastseen

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

// GradedClaim is a claim as the rules and the timeline see it: with the grade
// it was given, the source that made it, and who handed it in. Submitter is
// protected data (it can identify a reporter): Redact removes it for roles
// that may not see it.
type GradedClaim struct {
	Claim      *Claim    `json:"claim"`
	Grade      Grade     `json:"grade"`
	Source     *Source   `json:"source,omitempty"`
	Submitter  Submitter `json:"submitter,omitzero"`
	ReportedAt time.Time `json:"reported_at"` // when the record carrying the claim was received
	// Superseded is set when the claim's record has been corrected by a newer
	// record: the claim stays in the timeline but no longer counts.
	Superseded bool `json:"superseded,omitempty"`
}

// When is the date the claim speaks for: its event date, or else the day it
// was reported (a report of death with no date says "dead by now").
func (g *GradedClaim) When() PartialDate {
	if !g.Claim.Date.IsZero() || g.ReportedAt.IsZero() {
		return g.Claim.Date
	}
	t := g.ReportedAt.UTC()
	return NewDate(t.Year(), int(t.Month()), t.Day())
}

// Verification is a caseworker's verification of a person's status, with how
// it was verified ("official death certificate", "phone call with the person
// himself"). A death reaches a family only once verified. Verifications are
// kept; the newest one counts.
type Verification struct {
	ID        int64       `json:"id"`
	PersonID  int64       `json:"person_id"`
	Status    Status      `json:"status"`
	Date      PartialDate `json:"date,omitzero"` // the event date verified, e.g. the date of death
	Method    string      `json:"method,omitempty"`
	Note      string      `json:"note,omitempty"`
	UserID    int64       `json:"user_id,omitempty"`
	CreatedAt time.Time   `json:"created_at"`
}

// Validate checks a verification before it is stored. Only statements of
// fate can be verified: missing and information sought are the absence of one.
func (v *Verification) Validate() error {
	var p Problems
	switch v.Status {
	case StatusAlive, StatusCaptured, StatusWounded, StatusDead:
	default:
		p.Add("status", "%q cannot be verified: use alive, captured, wounded or dead", v.Status)
	}
	if strings.TrimSpace(v.Method) == "" {
		p.Add("method", "is required: say how the status was verified (\"official death certificate\")")
	}
	checkText("method", v.Method, 1000, &p)
	checkText("note", v.Note, maxTextLen, &p)
	return p.Err()
}

// Derived is what DeriveStatus concludes about a person.
type Derived struct {
	Status     Status      `json:"status"`
	Confidence float64     `json:"confidence"` // 0 to 1; 1 only when verified
	AsOf       PartialDate `json:"as_of,omitzero"`
	// Basis names the claims that support Status; Conflict the credible claims
	// that contradict it. Both are claim ids.
	Basis    []int64 `json:"basis,omitempty"`
	Conflict []int64 `json:"conflict,omitempty"`
	// Verified is set when Status is a caseworker's verified statement;
	// Verification is then the one that decided.
	Verified     bool          `json:"verified"`
	Verification *Verification `json:"verification,omitempty"`
}

// Apply copies the derived status onto a person.
func (d Derived) Apply(p *Person) {
	p.Status, p.Confidence, p.AsOf = d.Status, d.Confidence, d.AsOf
	p.Basis, p.Conflict = d.Basis, d.Conflict
	p.Verified, p.Verification = d.Verified, d.Verification
}

// alive reports whether a status implies that the person was alive at the
// claim's date: a wounded man or a prisoner is alive.
func (s Status) alive() bool {
	return s == StatusAlive || s == StatusCaptured || s == StatusWounded
}

// positive reports whether a status is a statement of fate, as against
// missing or information sought, which say that nothing is known.
func (s Status) positive() bool { return s.alive() || s == StatusDead }

// specificity breaks ties among statuses that agree on life: a prisoner list
// says more than "alive".
func (s Status) specificity() int {
	switch s {
	case StatusCaptured:
		return 3
	case StatusWounded:
		return 2
	case StatusAlive:
		return 1
	}
	return 0
}

// DeriveStatus computes a person's status, confidence and as-of date from the
// claims of its linked records and the caseworkers' verifications of it. The
// rules, in the order they apply:
//
//  1. Only credible claims decide (Grade.Credible: source A–D and information
//     1–4). Claims graded E or F, or 5 or 6, are shown in the timeline and may
//     add to confidence, but never decide alone. Claims of superseded records
//     do not count at all. With no credible claim the status is unknown.
//  2. A claim speaks for its event date, or, without one, for the day its
//     record was reported. Partial dates that overlap ("2022-02" and
//     "2022-02-23") are the same date; an unknown date is the oldest.
//  3. Missing is weaker than any statement of fate (alive, captured,
//     wounded, dead): it decides only when no credible claim states a fate,
//     and information sought only when no claim says missing either.
//  4. Newer beats older: among statements of fate, the newest date decides.
//     Captured and wounded imply alive at their date, so a newer capture after
//     a death report is a proof of life.
//  5. A later proof of life beats an earlier death report, and an unverified
//     death never beats a later credible proof of life (rule 4 applied to
//     death). The earlier death claims remain as a conflict: dead men do not
//     come back, so one of the claims is wrong.
//  6. At the same date the better-graded claim decides (Grade.weight: an
//     official or verified claim beats hearsay). At an equal grade a claim of
//     life beats a claim of death, and the more specific of two claims of
//     life (captured, then wounded, then alive) decides.
//  7. When credible claims disagree about life and death — a death and a
//     claim of life at the same date, or a death followed by a claim of life —
//     the claims that contradict the status are named in Conflict. Claims of
//     life that precede a death are history, not a conflict. Missing never
//     conflicts with anything.
//  8. A caseworker's verification beats everything: the newest verification
//     decides over every claim reported before it and every claim of the
//     same or an earlier date, with confidence 1. A verified death is final:
//     a claim of life reported after it is shown in Conflict for a caseworker
//     to resolve, never overturns it. After a verified claim of life, newer
//     claims apply by rules 1–7 (a verified "alive" in March does not hide a
//     death in June).
//
// Confidence is 1 − ∏(1 − wᵢ) over the claims that support the status at its
// date (w is Grade.weight, weak claims included), times 1 − ∏(1 − wⱼ) for the
// credible claims in Conflict taken away: p·(1−q). Without verification it is
// at most 0.99.
func DeriveStatus(claims []*GradedClaim, verifications []*Verification) Derived {
	var usable []*GradedClaim
	for _, c := range claims {
		if c != nil && c.Claim != nil && !c.Superseded {
			if _, ok := ParseStatus(string(c.Claim.Status)); ok {
				usable = append(usable, c)
			}
		}
	}
	var v *Verification
	for _, x := range verifications {
		if v == nil || x.CreatedAt.After(v.CreatedAt) || (x.CreatedAt.Equal(v.CreatedAt) && x.ID > v.ID) {
			v = x
		}
	}
	if v == nil {
		return derive(usable, usable, usable, nil)
	}

	vdate := v.Date
	if vdate.IsZero() {
		t := v.CreatedAt.UTC()
		vdate = NewDate(t.Year(), int(t.Month()), t.Day())
	}
	// newer: claims reported after the verification; the caseworker did not
	// see them.
	var newer []*GradedClaim
	for _, c := range usable {
		if c.ReportedAt.After(v.CreatedAt) {
			newer = append(newer, c)
		}
	}
	if v.Status == StatusDead {
		d := Derived{Status: StatusDead, Confidence: 1, AsOf: vdate, Verified: true, Verification: v}
		for _, c := range usable {
			if c.Claim.Status == StatusDead {
				d.Basis = append(d.Basis, c.Claim.ID)
			} else if c.Claim.Status.alive() && c.Grade.Credible() && c.ReportedAt.After(v.CreatedAt) && compareDates(c.When(), vdate) >= 0 {
				d.Conflict = append(d.Conflict, c.Claim.ID)
			}
		}
		return d
	}
	// A verified claim of life is a claim of grade A1 at its date; of the
	// newer claims only those of a later date can overturn it (rule 8).
	synthetic := &GradedClaim{
		Claim:      &Claim{Status: v.Status, Date: vdate},
		Grade:      Grade{"A", 1},
		ReportedAt: v.CreatedAt,
	}
	decide := []*GradedClaim{synthetic}
	for _, c := range newer {
		if compareDates(c.When(), vdate) > 0 {
			decide = append(decide, c)
		}
	}
	d := derive(decide, usable, newer, synthetic)
	if d.Status == v.Status && d.AsOf == vdate {
		d.Verified, d.Verification, d.Confidence = true, v, 1
	}
	return d
}

// derive applies rules 1–7 to the claims in decide; support lists every
// usable claim, from which Basis and confidence are drawn; the credible claims
// of against may be named in Conflict. synthetic, when not nil, is the
// verification standing in as a claim: it has no id.
func derive(decide, support, against []*GradedClaim, synthetic *GradedClaim) Derived {
	var credible []*GradedClaim
	for _, c := range decide {
		if c.Grade.Credible() {
			credible = append(credible, c)
		}
	}
	var fate, missing, sought []*GradedClaim
	for _, c := range credible {
		switch s := c.Claim.Status; {
		case s.positive():
			fate = append(fate, c)
		case s == StatusMissing:
			missing = append(missing, c)
		case s == StatusSought:
			sought = append(sought, c)
		}
	}
	group := fate
	switch {
	case len(fate) > 0:
	case len(missing) > 0:
		group = missing
	case len(sought) > 0:
		group = sought
	default:
		return Derived{Status: StatusUnknown}
	}

	// The newest date decides (rule 4): the claim that starts last, and with
	// it every claim whose date overlaps it.
	newest := group[0]
	for _, c := range group[1:] {
		if newest.When().Before(c.When()) {
			newest = c
		}
	}
	var top []*GradedClaim
	for _, c := range group {
		if compareDates(c.When(), newest.When()) == 0 {
			top = append(top, c)
		}
	}
	winner := slices.MinFunc(top, better)
	status, asOf := winner.Claim.Status, winner.When()

	d := Derived{Status: status, AsOf: asOf}
	var pSupport, qConflict = 1.0, 1.0
	for _, c := range support {
		if c.Claim.Status == status && compareDates(c.When(), asOf) == 0 {
			d.Basis = append(d.Basis, c.Claim.ID)
			pSupport *= 1 - c.Grade.weight()
		}
	}
	if winner == synthetic {
		pSupport *= 1 - synthetic.Grade.weight()
	}
	for _, c := range against {
		if !c.Grade.Credible() || c.Claim.Status == status || !c.Claim.Status.positive() {
			continue
		}
		// Rule 7: a death contradicts any claim of life that is not older;
		// a claim of life at the death's date or after contradicts a death.
		contradicts := false
		if status.alive() && c.Claim.Status == StatusDead {
			contradicts = true
		} else if status == StatusDead && c.Claim.Status.alive() {
			contradicts = compareDates(c.When(), asOf) >= 0
		}
		if contradicts {
			d.Conflict = append(d.Conflict, c.Claim.ID)
			qConflict *= 1 - c.Grade.weight()
		}
	}
	conf := (1 - pSupport) * qConflict
	d.Confidence = math.Round(min(conf, 0.99)*100) / 100
	slices.Sort(d.Basis)
	slices.Sort(d.Conflict)
	return d
}

// better orders claims of the same date, the deciding one first (rule 6).
func better(a, b *GradedClaim) int {
	if c := cmp.Compare(b.Grade.weight(), a.Grade.weight()); c != 0 {
		return c
	}
	if ad, bd := a.Claim.Status == StatusDead, b.Claim.Status == StatusDead; ad != bd {
		if ad {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(b.Claim.Status.specificity(), a.Claim.Status.specificity()); c != 0 {
		return c
	}
	if c := b.ReportedAt.Compare(a.ReportedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.Claim.ID, a.Claim.ID)
}

// end returns the first instant after the date's span.
func (d PartialDate) end() time.Time {
	s := d.Start()
	switch d.Precision {
	case PrecisionYear:
		return s.AddDate(1, 0, 0)
	case PrecisionMonth:
		return s.AddDate(0, 1, 0)
	case PrecisionDay:
		return s.AddDate(0, 0, 1)
	}
	return s
}

// compareDates returns 0 when the spans of two partial dates overlap (the
// dates may be the same day), −1 when a ends before b starts, +1 when a starts
// after b ends. An unknown date is older than every known one.
func compareDates(a, b PartialDate) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return -1
	case b.IsZero():
		return 1
	case !a.end().After(b.Start()):
		return -1
	case !b.end().After(a.Start()):
		return 1
	}
	return 0
}

// SortTimeline orders claims as a timeline shows them: by the date they speak
// for, then by when they were reported, then by id.
func SortTimeline(claims []*GradedClaim) {
	slices.SortStableFunc(claims, func(a, b *GradedClaim) int {
		aw, bw := a.When(), b.When()
		if aw.Before(bw) {
			return -1
		} else if bw.Before(aw) {
			return 1
		}
		if c := a.ReportedAt.Compare(b.ReportedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.Claim.ID, b.Claim.ID)
	})
}
