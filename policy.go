package lastseen

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Action is something an actor may try to do. Can decides each one.
type Action string

const (
	ActionRecordCreate   Action = "record.create"    // file a report
	ActionRecordRead     Action = "record.read"      // read records, persons, timelines (redacted)
	ActionRecordImport   Action = "record.import"    // bulk lists
	ActionSearch         Action = "search"           // search persons and records
	ActionInquiryCreate  Action = "inquiry.create"   // file a tracing request
	ActionInquiryRead    Action = "inquiry.read"     // read one inquiry (the inquirer: only their own)
	ActionInquiryList    Action = "inquiry.list"     // list every inquiry
	ActionInquiryClose   Action = "inquiry.close"    // close an inquiry (the inquirer: only their own)
	ActionReviewRead     Action = "review.read"      // the review queue
	ActionJudge          Action = "judgement.create" // decide same / not same / unsure
	ActionVerify         Action = "verification.create"
	ActionUserCreate     Action = "user.create"
	ActionAuditRead      Action = "audit.read"
	ActionReadProtected  Action = "protected.read"        // contact details, reporters' identities: audited
	ActionReadUnverified Action = "death.read_unverified" // a death no caseworker has verified yet
	ActionEstimateCreate Action = "estimate.create"       // record a source's aggregate figure
	ActionStatsExact     Action = "stats.exact"           // counts without coarsening, unverified deaths included
	ActionStaffRead      Action = "staff.read"            // who decided (user ids), caseworkers' notes, how a status was verified
)

// anyone may do these, signed in or not.
var everyone = []Role{RolePublic, RoleInquirer, RoleReporter, RolePartner, RoleCaseworker, RoleAdmin}

// policy is the whole access table: which roles may do what. The inquirer's
// own-inquiry rule is the one exception, in Can.
var policy = map[Action][]Role{
	ActionRecordCreate:   everyone,
	ActionRecordRead:     everyone,
	ActionSearch:         everyone,
	ActionInquiryCreate:  everyone,
	ActionRecordImport:   {RolePartner, RoleCaseworker, RoleAdmin},
	ActionInquiryRead:    {RoleCaseworker, RoleAdmin},
	ActionInquiryList:    {RoleCaseworker, RoleAdmin},
	ActionInquiryClose:   {RoleCaseworker, RoleAdmin},
	ActionReviewRead:     {RoleCaseworker, RoleAdmin},
	ActionJudge:          {RoleCaseworker, RoleAdmin},
	ActionVerify:         {RoleCaseworker, RoleAdmin},
	ActionReadProtected:  {RoleCaseworker, RoleAdmin},
	ActionReadUnverified: {RoleCaseworker, RoleAdmin},
	ActionUserCreate:     {RoleAdmin},
	ActionAuditRead:      {RoleAdmin},
	ActionEstimateCreate: {RolePartner, RoleCaseworker, RoleAdmin},
	ActionStatsExact:     {RoleCaseworker, RoleAdmin},
	ActionStaffRead:      {RoleCaseworker, RoleAdmin},
}

// Can is the one policy function: it decides whether the actor may do the
// action, on the subject when the answer depends on it. A nil actor is the
// system itself (a local command such as `lastseen import` or `lastseen
// users add`) and may do everything; an actor without a role is the public.
// The holder of an inquiry's follow link may read and close that inquiry
// and no other: subject is then the *Inquiry.
func Can(a *Actor, action Action, subject any) bool {
	if a == nil {
		return true
	}
	role := a.Role
	if role == "" {
		role = RolePublic
	}
	if role == RoleInquirer && (action == ActionInquiryRead || action == ActionInquiryClose) {
		q, ok := subject.(*Inquiry)
		return ok && a.InquiryID != 0 && q.ID == a.InquiryID
	}
	return slices.Contains(policy[action], role)
}

// Authorize is Can as an error: EUNAUTHORIZED when an anonymous actor may not
// (signing in might help), EFORBIDDEN when a known one may not.
func Authorize(a *Actor, action Action, subject any) error {
	if Can(a, action, subject) {
		return nil
	}
	if a.Role == "" || a.Role == RolePublic {
		return Errorf(EUNAUTHORIZED, "Sign in to do this (%s).", action)
	}
	return Errorf(EFORBIDDEN, "The %s role may not do this (%s).", a.Role, action)
}

// ProtectedRead is one read of protected data that Redact let through: the
// subject ("inquiry:12") and the fields. Each must be written to the audit
// trail before the data leaves the server (AccessAuditor).
type ProtectedRead struct {
	Subject string   `json:"subject"`
	Fields  []string `json:"fields"`
}

// AccessAuditor writes reads of protected data to the audit trail, one event
// per subject, with the actor from the context.
type AccessAuditor interface {
	AuditReads(ctx context.Context, reads []ProtectedRead) error
}

// Redact is the one place where protected data is cut before it leaves the
// server. It returns a copy of v as the actor may see it, and the reads of
// protected data it let through, which the caller must audit. It never
// changes v. Types it does not know pass through unchanged, so the HTTP layer
// can pass every response body through it.
//
// What it cuts, for roles without ActionReadProtected: the inquirer's name,
// email and phone, and the submitter of every record and claim. For roles
// without ActionReadUnverified: every record that reports the death of a
// person whose death no caseworker has verified — with its claims, in the
// records, the timeline, the basis and the conflict — so that no family
// learns of a death from an automatic match, whether through its inquiry or
// the public person page.
//
// Nor may the derived status betray the death by what it says instead: a
// person whose status no caseworker has verified and who has a death
// awaiting a caseworker — an unverified death among its claims, or one in
// the review queue against one of its records (Person.UnderReview, set by
// the reader of the queue) — shows these roles a neutral status: unknown,
// no confidence, date, basis or conflict, UnderReview set and
// UnderReviewNotice. Never the death, and never a confident "alive" that
// tomorrow's verified death would contradict. A verified status is shown.
//
// For roles without ActionStaffRead (everyone but caseworkers and admins) it
// cuts who on the staff decided (Link.DecidedBy, Judgement.UserID,
// Verification.UserID), the caseworkers' judgement notes, and how a status
// was verified (Verification.Method and Note): that a verification exists,
// its status and its date stay.
func Redact(a *Actor, v any) (any, []ProtectedRead) {
	r := redactor{protected: Can(a, ActionReadProtected, nil), deaths: Can(a, ActionReadUnverified, nil),
		staff: Can(a, ActionStaffRead, nil)}
	out := r.any(v)
	return out, r.reads
}

// UnderReviewNotice is what a person page says instead of a status while a
// report of the person's death waits for a caseworker.
const UnderReviewNotice = "Information about this person is being verified by a caseworker."

type redactor struct {
	protected bool // may see contact details and submitters
	deaths    bool // may see unverified deaths
	staff     bool // may see who on the staff decided, their notes, how a status was verified
	reads     []ProtectedRead
}

func (r *redactor) read(subject string, fields ...string) {
	r.reads = append(r.reads, ProtectedRead{Subject: subject, Fields: fields})
}

func (r *redactor) any(v any) any {
	switch v := v.(type) {
	case *Record:
		return r.record(v)
	case []*Record:
		return mapSlice(v, func(x *Record) *Record { return r.record(x) })
	case *Person:
		return r.person(v)
	case []*Person:
		return mapSlice(v, r.person)
	case *Inquiry:
		return r.inquiry(v)
	case []*Inquiry:
		return mapSlice(v, r.inquiry)
	case *ReviewCase:
		return r.reviewCase(v)
	case []*ReviewCase:
		return mapSlice(v, r.reviewCase)
	case []*GradedClaim:
		return r.timeline(v, nil)
	case *Verification:
		return r.verification(v)
	case []*Verification:
		return mapSlice(v, r.verification)
	case []*Link:
		return mapSlice(v, r.link)
	case []*Judgement:
		return mapSlice(v, r.judgement)
	case *Judgement:
		return r.judgement(v)
	case *JudgementOutcome:
		c := *v
		c.Judgement = r.judgement(v.Judgement)
		return &c
	case []*CaseSummary:
		return mapSlice(v, func(c *CaseSummary) *CaseSummary {
			return &CaseSummary{Person: r.person(c.Person), Inquiries: c.Inquiries}
		})
	}
	return v
}

func mapSlice[T any](v []T, f func(T) T) []T {
	if v == nil {
		return nil
	}
	out := make([]T, len(v))
	for i, x := range v {
		out[i] = f(x)
	}
	return out
}

// record copies a record without what the actor may not see.
func (r *redactor) record(rec *Record) *Record {
	if rec == nil {
		return nil
	}
	c := *rec
	if !c.Submitter.IsZero() {
		if r.protected {
			r.read(fmt.Sprintf("record:%d", rec.ID), "submitter")
		} else {
			c.Submitter = Submitter{}
		}
	}
	return &c
}

func (r *redactor) timeline(tl []*GradedClaim, withheld map[int64]bool) []*GradedClaim {
	if tl == nil {
		return nil
	}
	out := make([]*GradedClaim, 0, len(tl))
	for _, g := range tl {
		if g.Claim != nil && withheld[g.Claim.ID] {
			continue
		}
		c := *g
		if !c.Submitter.IsZero() {
			if r.protected {
				r.read(fmt.Sprintf("record:%d", g.Claim.RecordID), "submitter")
			} else {
				c.Submitter = Submitter{}
			}
		}
		out = append(out, &c)
	}
	return out
}

func (r *redactor) person(p *Person) *Person {
	if p == nil {
		return nil
	}
	c := *p
	c.Verification = r.verification(p.Verification)
	if r.deaths || (p.Verified && p.Status == StatusDead) {
		c.Records = mapSlice(p.Records, func(x *Record) *Record { return r.record(x) })
		c.Timeline = r.timeline(p.Timeline, nil)
		return &c
	}
	// A record that reports a death speaks of it in its free text too, so
	// the whole record is withheld, and every claim it carries.
	records, claims := map[int64]bool{}, map[int64]bool{}
	for _, rec := range p.Records {
		for _, cl := range rec.Claims {
			if cl.Status == StatusDead {
				records[rec.ID] = true
			}
		}
	}
	for _, g := range p.Timeline {
		if g.Claim != nil && g.Claim.Status == StatusDead {
			records[g.Claim.RecordID] = true
		}
	}
	for _, rec := range p.Records {
		if records[rec.ID] {
			for _, cl := range rec.Claims {
				claims[cl.ID] = true
			}
		}
	}
	for _, g := range p.Timeline {
		if g.Claim != nil && records[g.Claim.RecordID] {
			claims[g.Claim.ID] = true
		}
	}
	if !p.Verified && (p.UnderReview || len(records) > 0 || c.Status == StatusDead) {
		// A death awaits a caseworker: a neutral status, neither the death
		// nor the claim of life it contradicts (see Redact).
		c.Status, c.Confidence, c.AsOf = StatusUnknown, 0, PartialDate{}
		c.Basis, c.Conflict = nil, nil
		c.UnderReview, c.Notice = true, UnderReviewNotice
	}
	keep := func(ids []int64) []int64 {
		return slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return claims[id] })
	}
	c.Basis, c.Conflict = keep(c.Basis), keep(c.Conflict)
	c.Records = nil
	for _, rec := range p.Records {
		if !records[rec.ID] {
			c.Records = append(c.Records, r.record(rec))
		}
	}
	c.Timeline = r.timeline(p.Timeline, claims)
	return &c
}

func (r *redactor) inquiry(q *Inquiry) *Inquiry {
	if q == nil {
		return nil
	}
	c := *q
	if q.Inquirer.Name != "" || q.Inquirer.Email != "" || q.Inquirer.Phone != "" {
		if r.protected {
			r.read(fmt.Sprintf("inquiry:%d", q.ID), "inquirer.name", "inquirer.email", "inquirer.phone")
		} else {
			c.Inquirer.Name, c.Inquirer.Email, c.Inquirer.Phone = "", "", ""
		}
	}
	c.Record = r.record(q.Record)
	if !r.deaths && c.Status == StatusDead && !c.Verified {
		c.Status, c.AsOf = StatusUnknown, PartialDate{}
	}
	// Outside the staff, the person the inquiry is linked to is shown only
	// once there is something to tell: the person's own page would show a
	// death verified for someone else's inquiry before a caseworker has
	// connected this one to him (TellableTo).
	if !r.staff && c.Status == StatusUnknown {
		c.PersonID = 0
	}
	return &c
}

// verification keeps, for roles without ActionStaffRead, that a status was
// verified and when, not by whom nor how.
func (r *redactor) verification(v *Verification) *Verification {
	if v == nil || r.staff {
		return v
	}
	return &Verification{ID: v.ID, PersonID: v.PersonID, Status: v.Status, Date: v.Date, CreatedAt: v.CreatedAt}
}

func (r *redactor) link(l *Link) *Link {
	if l == nil || r.staff {
		return l
	}
	c := *l
	c.DecidedBy = 0
	return &c
}

func (r *redactor) judgement(j *Judgement) *Judgement {
	if j == nil || r.staff {
		return j
	}
	c := *j
	c.UserID, c.Note = 0, ""
	return &c
}

func (r *redactor) reviewCase(rc *ReviewCase) *ReviewCase {
	if rc == nil {
		return nil
	}
	c := *rc
	c.A, c.B = r.record(rc.A), r.record(rc.B)
	return &c
}

// Tellable returns what an inquirer may be told about the person they seek,
// and whether there is anything: a status a caseworker has verified, or a
// claim of life (alive, captured, wounded) that no claim contradicts. An
// unverified death is never tellable, nor is a claim of life while any
// report of the person's death — credible or not, linked or (UnderReview)
// pending in the review queue — waits for a caseworker, nor missing: the
// family knows that already. The store holds back a claim of life too while
// a report of the person's death waits in the review queue (sqldb), which it
// checks itself when UnderReview is not set.
func Tellable(p *Person) (Status, bool) {
	if p == nil {
		return StatusUnknown, false
	}
	if p.Verified {
		return p.Status, true
	}
	if p.Status.alive() && len(p.Conflict) == 0 && !p.UnderReview && !hasDeathClaim(p) {
		return p.Status, true
	}
	return StatusUnknown, false
}

// Standing is how an inquiry's own record (the family's description of the
// person sought) came to be part of the person the inquiry is told about.
type Standing struct {
	Method LinkMethod // the record's current link
	Since  time.Time  // when that link was made
	// Judged: a caseworker's newest judgement on the record and another
	// record of the person says "same".
	Judged bool
}

// TellableTo is Tellable for one inquiry. A death, even one a caseworker has
// verified, is told only when a caseworker also stands behind the inquiry's
// own record being that person: it was linked or judged the same by a
// caseworker, or it was already part of the person when the death was
// verified (the caseworker verified the person with the family's record in
// it). Otherwise an automatic match of the family's record to a person whose
// death was verified before would tell the family of a death that no
// caseworker connected to their son. The person's Verification must be set
// for the last case; without it only a caseworker's link or judgement counts.
func TellableTo(p *Person, s Standing) (Status, bool) {
	st, ok := Tellable(p)
	if !ok || st != StatusDead {
		return st, ok
	}
	if s.Method == LinkCaseworker || s.Judged {
		return st, true
	}
	if v := p.Verification; v != nil && !s.Since.IsZero() && s.Since.Before(v.CreatedAt) {
		return st, true
	}
	return StatusUnknown, false
}

// hasDeathClaim reports whether any claim of the person's records or
// timeline reports a death.
func hasDeathClaim(p *Person) bool {
	for _, rec := range p.Records {
		for _, cl := range rec.Claims {
			if cl.Status == StatusDead {
				return true
			}
		}
	}
	for _, g := range p.Timeline {
		if g.Claim != nil && g.Claim.Status == StatusDead {
			return true
		}
	}
	return false
}
