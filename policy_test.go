package lastseen_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
)

func TestCan(t *testing.T) {
	public := &lastseen.Actor{Role: lastseen.RolePublic}
	anon := &lastseen.Actor{}
	reporter := &lastseen.Actor{Role: lastseen.RoleReporter, UserID: 3}
	caseworker := &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 1}
	admin := &lastseen.Actor{Role: lastseen.RoleAdmin, UserID: 2}
	inquirer := &lastseen.Actor{Role: lastseen.RoleInquirer, InquiryID: 7}
	own, other := &lastseen.Inquiry{ID: 7}, &lastseen.Inquiry{ID: 8}
	tests := []struct {
		name    string
		actor   *lastseen.Actor
		action  lastseen.Action
		subject any
		want    bool
	}{
		{"SystemMayDoAnything", nil, lastseen.ActionVerify, nil, true},
		{"PublicFilesReports", public, lastseen.ActionRecordCreate, nil, true},
		{"NoRoleIsPublic", anon, lastseen.ActionInquiryCreate, nil, true},
		{"PublicMayNotReview", public, lastseen.ActionReviewRead, nil, false},
		{"ReporterMayNotJudge", reporter, lastseen.ActionJudge, nil, false},
		{"ReporterMayNotSeeContacts", reporter, lastseen.ActionReadProtected, nil, false},
		{"CaseworkerJudges", caseworker, lastseen.ActionJudge, nil, true},
		{"CaseworkerVerifies", caseworker, lastseen.ActionVerify, nil, true},
		{"CaseworkerSeesContacts", caseworker, lastseen.ActionReadProtected, nil, true},
		{"CaseworkerMayNotAddUsers", caseworker, lastseen.ActionUserCreate, nil, false},
		{"AdminAddsUsers", admin, lastseen.ActionUserCreate, nil, true},
		{"InquirerReadsOwnInquiry", inquirer, lastseen.ActionInquiryRead, own, true},
		{"InquirerMayNotReadAnother", inquirer, lastseen.ActionInquiryRead, other, false},
		{"InquirerMayNotReadWithoutSubject", inquirer, lastseen.ActionInquiryRead, nil, false},
		{"InquirerClosesOwnInquiry", inquirer, lastseen.ActionInquiryClose, own, true},
		{"InquirerMayNotListInquiries", inquirer, lastseen.ActionInquiryList, nil, false},
		{"InquirerMayNotSeeUnverifiedDeath", inquirer, lastseen.ActionReadUnverified, nil, false},
		{"PublicMayNotReadAnInquiry", public, lastseen.ActionInquiryRead, own, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastseen.Can(tt.actor, tt.action, tt.subject); got != tt.want {
				t.Fatalf("Can(%v, %s) = %v, want %v", tt.actor, tt.action, got, tt.want)
			}
		})
	}
	t.Run("AuthorizeCodes", func(t *testing.T) {
		if c := lastseen.ErrorCode(lastseen.Authorize(public, lastseen.ActionJudge, nil)); c != lastseen.EUNAUTHORIZED {
			t.Errorf("public: %q, want unauthorized", c)
		}
		if c := lastseen.ErrorCode(lastseen.Authorize(reporter, lastseen.ActionJudge, nil)); c != lastseen.EFORBIDDEN {
			t.Errorf("reporter: %q, want forbidden", c)
		}
		if err := lastseen.Authorize(caseworker, lastseen.ActionJudge, nil); err != nil {
			t.Errorf("caseworker: %v", err)
		}
	})
}

// story is a person whose only death claim is unverified, with a submitter
// on each record, and an inquiry with contact details.
func story() (*lastseen.Person, *lastseen.Inquiry) {
	death := &lastseen.Claim{ID: 11, RecordID: 1, Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2022-02-23")}
	life := &lastseen.Claim{ID: 12, RecordID: 2, Status: lastseen.StatusAlive, Date: lastseen.MustParseDate("2022-03-01")}
	comrade := lastseen.Submitter{Kind: lastseen.SubmitterAnonymous, ID: "tok-comrade"}
	sergeant := lastseen.Submitter{Kind: lastseen.SubmitterUser, ID: "9"}
	p := &lastseen.Person{
		ID: 5, Status: lastseen.StatusAlive, Basis: []int64{12}, Conflict: []int64{11},
		Records: []*lastseen.Record{
			{ID: 1, Submitter: comrade, Claims: []*lastseen.Claim{death}},
			{ID: 2, Submitter: sergeant, Claims: []*lastseen.Claim{life}},
		},
		Timeline: []*lastseen.GradedClaim{
			{Claim: death, Submitter: comrade},
			{Claim: life, Submitter: sergeant},
		},
	}
	q := &lastseen.Inquiry{
		ID:       7,
		Inquirer: lastseen.Inquirer{Name: "Валя", Email: "valya@example.org", Phone: "+380 44 000 0000", Relationship: "mother", Language: "ru"},
		Record:   &lastseen.Record{ID: 3, Submitter: lastseen.Submitter{Kind: lastseen.SubmitterAnonymous}},
		State:    lastseen.InquiryCandidateFound, Status: lastseen.StatusDead,
	}
	return p, q
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestRedact(t *testing.T) {
	public := &lastseen.Actor{Role: lastseen.RolePublic}
	inquirer := &lastseen.Actor{Role: lastseen.RoleInquirer, InquiryID: 7}
	caseworker := &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 1}

	t.Run("PublicSeesNoContactsNoSubmittersNoUnverifiedDeath", func(t *testing.T) {
		p, q := story()
		before := jsonOf(p) + jsonOf(q)
		out, reads := lastseen.Redact(public, p)
		s := jsonOf(out)
		for _, leak := range []string{"tok-comrade", `"submitter"`, `"dead"`, "2022-02-23", `"conflict"`} {
			if strings.Contains(s, leak) {
				t.Errorf("person leaks %s: %s", leak, s)
			}
		}
		if !strings.Contains(s, `"alive"`) {
			t.Errorf("the claim of life was cut too: %s", s)
		}
		out, reads2 := lastseen.Redact(public, q)
		s = jsonOf(out)
		for _, leak := range []string{"Валя", "valya@", "+380", `"dead"`} {
			if strings.Contains(s, leak) {
				t.Errorf("inquiry leaks %s: %s", leak, s)
			}
		}
		if !strings.Contains(s, `"mother"`) || !strings.Contains(s, `"ru"`) {
			t.Errorf("relationship and language are not protected: %s", s)
		}
		if len(reads)+len(reads2) != 0 {
			t.Errorf("reads reported for redacted data: %v %v", reads, reads2)
		}
		if jsonOf(p)+jsonOf(q) != before {
			t.Error("Redact changed its input")
		}
	})
	t.Run("InquirerSeesNoUnverifiedDeath", func(t *testing.T) {
		p, q := story()
		p.Status, p.Basis, p.Conflict = lastseen.StatusDead, []int64{11}, []int64{12}
		out, _ := lastseen.Redact(inquirer, p)
		got := out.(*lastseen.Person)
		if got.Status != lastseen.StatusUnknown || len(got.Basis) != 0 || len(got.Timeline) != 1 || len(got.Records) != 1 || got.Records[0].ID != 2 {
			t.Errorf("unverified death shown to the inquirer: %s", jsonOf(got))
		}
		outq, _ := lastseen.Redact(inquirer, q)
		if outq.(*lastseen.Inquiry).Status != lastseen.StatusUnknown {
			t.Errorf("inquiry status = %q", outq.(*lastseen.Inquiry).Status)
		}
	})
	t.Run("VerifiedDeathIsShown", func(t *testing.T) {
		p, q := story()
		p.Status, p.Verified = lastseen.StatusDead, true
		q.Verified = true
		out, _ := lastseen.Redact(public, p)
		if got := out.(*lastseen.Person); got.Status != lastseen.StatusDead || len(got.Timeline) != 2 {
			t.Errorf("verified death withheld: %s", jsonOf(got))
		}
		outq, _ := lastseen.Redact(inquirer, q)
		if outq.(*lastseen.Inquiry).Status != lastseen.StatusDead {
			t.Errorf("verified death withheld from the inquirer")
		}
	})
	t.Run("CaseworkerSeesAllAndEveryReadIsReported", func(t *testing.T) {
		p, q := story()
		out, reads := lastseen.Redact(caseworker, []*lastseen.Person{p})
		s := jsonOf(out)
		if !strings.Contains(s, "tok-comrade") || !strings.Contains(s, `"dead"`) {
			t.Errorf("caseworker view cut: %s", s)
		}
		if len(reads) == 0 || reads[0].Subject != "record:1" {
			t.Errorf("reads = %v, want record:1 first", reads)
		}
		out, reads = lastseen.Redact(caseworker, q)
		if !strings.Contains(jsonOf(out), "valya@example.org") {
			t.Errorf("caseworker does not see the contact")
		}
		if fmt.Sprint(reads) != "[{inquiry:7 [inquirer.name inquirer.email inquirer.phone]} {record:3 [submitter]}]" {
			t.Errorf("reads = %v", reads)
		}
	})
	t.Run("ReviewCaseSubmittersCut", func(t *testing.T) {
		rc := &lastseen.ReviewCase{A: &lastseen.Record{ID: 1, Submitter: lastseen.Submitter{Kind: "user", ID: "4"}}, B: &lastseen.Record{ID: 2}}
		out, _ := lastseen.Redact(&lastseen.Actor{Role: lastseen.RoleReporter}, rc)
		if !out.(*lastseen.ReviewCase).A.Submitter.IsZero() {
			t.Error("submitter not cut")
		}
	})
	t.Run("UnknownTypesPassThrough", func(t *testing.T) {
		out, _ := lastseen.Redact(public, map[string]int{"n": 1})
		if jsonOf(out) != `{"n":1}` {
			t.Errorf("got %s", jsonOf(out))
		}
	})
}

// TestRedact_DeathUnderReview: for every role that may not see unverified
// deaths, a person with a death awaiting a caseworker shows a neutral
// status, never the death and never a confident "alive".
func TestRedact_DeathUnderReview(t *testing.T) {
	roles := []struct {
		name   string
		actor  *lastseen.Actor
		hidden bool
	}{
		{"Public", &lastseen.Actor{Role: lastseen.RolePublic}, true},
		{"Inquirer", &lastseen.Actor{Role: lastseen.RoleInquirer, InquiryID: 7}, true},
		{"Reporter", &lastseen.Actor{Role: lastseen.RoleReporter, UserID: 3}, true},
		{"Partner", &lastseen.Actor{Role: lastseen.RolePartner, UserID: 4}, true},
		{"Caseworker", &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 1}, false},
		{"Admin", &lastseen.Actor{Role: lastseen.RoleAdmin, UserID: 2}, false},
	}
	alive := func() *lastseen.Person {
		return &lastseen.Person{ID: 5, Status: lastseen.StatusAlive, Confidence: 0.25, AsOf: lastseen.MustParseDate("2022-03-01"), Basis: []int64{12},
			Records: []*lastseen.Record{{ID: 2, Claims: []*lastseen.Claim{{ID: 12, RecordID: 2, Status: lastseen.StatusAlive}}}}}
	}
	cases := []struct {
		name    string
		person  func() *lastseen.Person
		neutral bool // for roles that may not see unverified deaths
	}{
		{"LinkedDeathInConflict", func() *lastseen.Person { p, _ := story(); p.Confidence = 0.25; return p }, true},
		{"LinkedWeakDeathNotInConflict", func() *lastseen.Person {
			p := alive()
			p.Records = append(p.Records, &lastseen.Record{ID: 1, Claims: []*lastseen.Claim{{ID: 11, RecordID: 1, Status: lastseen.StatusDead}}})
			return p
		}, true},
		{"DeathPendingInTheQueue", func() *lastseen.Person { p := alive(); p.UnderReview = true; return p }, true},
		{"UnverifiedDeathStatus", func() *lastseen.Person {
			p, _ := story()
			p.Status, p.Basis, p.Conflict = lastseen.StatusDead, []int64{11}, []int64{12}
			return p
		}, true},
		{"NoDeathAnywhere", alive, false},
		{"VerifiedLifeShown", func() *lastseen.Person {
			p, _ := story()
			p.Verified, p.Conflict = true, nil
			return p
		}, false},
	}
	for _, role := range roles {
		for _, c := range cases {
			t.Run(role.name+"/"+c.name, func(t *testing.T) {
				p := c.person()
				out, _ := lastseen.Redact(role.actor, p)
				got := out.(*lastseen.Person)
				if role.hidden && c.neutral {
					if got.Status != lastseen.StatusUnknown || got.Confidence != 0 || !got.AsOf.IsZero() || len(got.Basis)+len(got.Conflict) != 0 ||
						!got.UnderReview || got.Notice != lastseen.UnderReviewNotice {
						t.Fatalf("not neutral: %s", jsonOf(got))
					}
					if s := jsonOf(got); strings.Contains(s, `"dead"`) {
						t.Fatalf("the death leaks: %s", s)
					}
					return
				}
				if got.Status != p.Status || got.Confidence != p.Confidence || got.Notice != "" {
					t.Fatalf("status %q (%v) %q, want %q (%v) unchanged", got.Status, got.Confidence, got.Notice, p.Status, p.Confidence)
				}
			})
		}
	}
	t.Run("InSearchResultsAndWorkLists", func(t *testing.T) {
		p, _ := story()
		out, _ := lastseen.Redact(&lastseen.Actor{}, []*lastseen.CaseSummary{{Person: p}})
		if got := out.([]*lastseen.CaseSummary)[0]; got.Status != lastseen.StatusUnknown || !got.UnderReview {
			t.Fatalf("work list shows %s", jsonOf(got))
		}
	})
}

// TestRedact_Staff: who on the staff decided, their notes and how a status
// was verified are for caseworkers and admins; the rest see that a
// verification exists and its date.
func TestRedact_InquiryPersonShownWithNews(t *testing.T) {
	inquirer := &lastseen.Actor{Role: lastseen.RoleInquirer, InquiryID: 7}
	caseworker := &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 1}
	tests := []struct {
		name   string
		actor  *lastseen.Actor
		status lastseen.Status
		want   int64
	}{
		{"InquirerNothingToTellNoPerson", inquirer, "", 0},
		{"InquirerToldSeesPerson", inquirer, lastseen.StatusCaptured, 42},
		{"CaseworkerAlwaysSeesPerson", caseworker, "", 42},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := &lastseen.Inquiry{ID: 7, PersonID: 42, State: lastseen.InquiryCandidateFound, Status: tt.status}
			out, _ := lastseen.Redact(tt.actor, q)
			if got := out.(*lastseen.Inquiry).PersonID; got != tt.want {
				t.Fatalf("person_id = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestRedact_Staff(t *testing.T) {
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	v := &lastseen.Verification{ID: 4, PersonID: 5, Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2022-02-23"),
		Method: "official death certificate", Note: "certificate no. 17", UserID: 9, CreatedAt: when}
	j := &lastseen.Judgement{ID: 3, RecordA: 1, RecordB: 2, Verdict: lastseen.VerdictSame, UserID: 9, Note: "same unit and birth date"}
	l := &lastseen.Link{ID: 8, RecordID: 2, PersonID: 5, Method: lastseen.LinkCaseworker, DecidedBy: 9}
	p := &lastseen.Person{ID: 5, Status: lastseen.StatusDead, Verified: true, Verification: v}
	subjects := []struct {
		name string
		v    any
	}{
		{"Verification", v},
		{"Verifications", []*lastseen.Verification{v}},
		{"PersonVerification", p},
		{"Judgements", []*lastseen.Judgement{j}},
		{"JudgementOutcome", &lastseen.JudgementOutcome{Judgement: j, PersonA: 5, PersonB: 5}},
		{"Links", []*lastseen.Link{l}},
	}
	staff := []string{"certificate no. 17", "official death certificate", "same unit and birth date", `"user_id":9`, `"decided_by":9`}
	roles := []struct {
		name  string
		actor *lastseen.Actor
		sees  bool
	}{
		{"Public", &lastseen.Actor{}, false},
		{"Inquirer", &lastseen.Actor{Role: lastseen.RoleInquirer, InquiryID: 7}, false},
		{"Reporter", &lastseen.Actor{Role: lastseen.RoleReporter, UserID: 3}, false},
		{"Partner", &lastseen.Actor{Role: lastseen.RolePartner, UserID: 4}, false},
		{"Caseworker", &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 1}, true},
		{"Admin", &lastseen.Actor{Role: lastseen.RoleAdmin, UserID: 2}, true},
	}
	for _, role := range roles {
		for _, sub := range subjects {
			t.Run(role.name+"/"+sub.name, func(t *testing.T) {
				before := jsonOf(sub.v)
				out, _ := lastseen.Redact(role.actor, sub.v)
				s := jsonOf(out)
				if role.sees {
					if s != before {
						t.Fatalf("staff view cut: %s, want %s", s, before)
					}
					return
				}
				for _, leak := range staff {
					if strings.Contains(s, leak) {
						t.Errorf("shows %s: %s", leak, s)
					}
				}
				if jsonOf(sub.v) != before {
					t.Error("Redact changed its input")
				}
				if strings.Contains(sub.name, "Verification") && (!strings.Contains(s, `"date":"2022-02-23"`) || !strings.Contains(s, `"status":"dead"`)) {
					t.Errorf("the verification's status and date are gone: %s", s)
				}
			})
		}
	}
}

func TestTellable(t *testing.T) {
	tests := []struct {
		name string
		p    *lastseen.Person
		want lastseen.Status
		ok   bool
	}{
		{"NoPerson", nil, "", false},
		{"UnverifiedDeathNever", &lastseen.Person{Status: lastseen.StatusDead}, "", false},
		{"VerifiedDeath", &lastseen.Person{Status: lastseen.StatusDead, Verified: true}, lastseen.StatusDead, true},
		{"UndisputedCapture", &lastseen.Person{Status: lastseen.StatusCaptured}, lastseen.StatusCaptured, true},
		{"DisputedLifeWaits", &lastseen.Person{Status: lastseen.StatusAlive, Conflict: []int64{3}}, "", false},
		{"MissingIsNoNews", &lastseen.Person{Status: lastseen.StatusMissing}, "", false},
		{"LifeWaitsForAnyLinkedDeath", &lastseen.Person{Status: lastseen.StatusAlive, Records: []*lastseen.Record{
			{ID: 1, Claims: []*lastseen.Claim{{ID: 1, Status: lastseen.StatusDead}}}}}, "", false},
		{"LifeWaitsForADeathInTheQueue", &lastseen.Person{Status: lastseen.StatusAlive, UnderReview: true}, "", false},
		{"VerifiedLifeDespiteAnOldDeath", &lastseen.Person{Status: lastseen.StatusAlive, Verified: true, Records: []*lastseen.Record{
			{ID: 1, Claims: []*lastseen.Claim{{ID: 1, Status: lastseen.StatusDead}}}}}, lastseen.StatusAlive, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := lastseen.Tellable(tt.p)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("Tellable = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestTellableTo(t *testing.T) {
	verifiedAt := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	dead := func() *lastseen.Person {
		return &lastseen.Person{Status: lastseen.StatusDead, Verified: true,
			Verification: &lastseen.Verification{Status: lastseen.StatusDead, CreatedAt: verifiedAt}}
	}
	before, after := verifiedAt.Add(-time.Hour), verifiedAt.Add(time.Hour)
	tests := []struct {
		name string
		p    *lastseen.Person
		s    lastseen.Standing
		want lastseen.Status
		ok   bool
	}{
		{"AutomaticMatchAfterVerifiedDeathNotTold", dead(), lastseen.Standing{Method: lastseen.LinkAutomatic, Since: after}, "", false},
		{"RecordInThePersonWhenVerifiedTold", dead(), lastseen.Standing{Method: lastseen.LinkAutomatic, Since: before}, lastseen.StatusDead, true},
		{"PersonStartedFromTheRecordTold", dead(), lastseen.Standing{Method: lastseen.LinkNew, Since: before}, lastseen.StatusDead, true},
		{"CaseworkerLinkTold", dead(), lastseen.Standing{Method: lastseen.LinkCaseworker, Since: after}, lastseen.StatusDead, true},
		{"JudgedSameTold", dead(), lastseen.Standing{Method: lastseen.LinkAutomatic, Since: after, Judged: true}, lastseen.StatusDead, true},
		{"NoVerificationReadNotTold", &lastseen.Person{Status: lastseen.StatusDead, Verified: true}, lastseen.Standing{Method: lastseen.LinkAutomatic, Since: before}, "", false},
		{"UnverifiedDeathNeverEvenByCaseworkerLink", &lastseen.Person{Status: lastseen.StatusDead}, lastseen.Standing{Method: lastseen.LinkCaseworker}, "", false},
		{"LifeToldWithoutStanding", &lastseen.Person{Status: lastseen.StatusCaptured}, lastseen.Standing{Method: lastseen.LinkAutomatic, Since: after}, lastseen.StatusCaptured, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := lastseen.TellableTo(tt.p, tt.s)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("TellableTo = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestInquiryValidate(t *testing.T) {
	valid := func() *lastseen.Inquiry {
		return &lastseen.Inquiry{
			Inquirer: lastseen.Inquirer{Name: "Валя", Email: "valya@example.org", Phone: "+7 (900) 000-00-00", Relationship: "mother", Language: "ru"},
			Record: &lastseen.Record{
				Source:     &lastseen.Source{Kind: lastseen.SourceFamily, Name: "Inquiries"},
				GivenName:  "Александр",
				FamilyName: "Коваленко",
			},
		}
	}
	t.Run("OK", func(t *testing.T) {
		if err := valid().Validate(); err != nil {
			t.Fatal(err)
		}
	})
	tests := []struct {
		name   string
		mutate func(q *lastseen.Inquiry)
		fields string
	}{
		{"ErrPersonRequired", func(q *lastseen.Inquiry) { q.Record = nil }, "[person]"},
		{"ErrPersonName", func(q *lastseen.Inquiry) { q.Record.GivenName, q.Record.FamilyName = "", "" }, "[person.given_name]"},
		{"ErrEmail", func(q *lastseen.Inquiry) { q.Inquirer.Email = "valya at example.org" }, "[inquirer.email]"},
		{"ErrPhoneLetters", func(q *lastseen.Inquiry) { q.Inquirer.Phone = "call me" }, "[inquirer.phone]"},
		{"ErrPhoneShort", func(q *lastseen.Inquiry) { q.Inquirer.Phone = "12" }, "[inquirer.phone]"},
		{"ErrLanguage", func(q *lastseen.Inquiry) { q.Inquirer.Language = "de" }, "[inquirer.language]"},
		{"ErrClaimStatus", func(q *lastseen.Inquiry) {
			q.Record.Claims = []*lastseen.Claim{{Status: "lost"}}
		}, "[person.claims[0].status]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := valid()
			tt.mutate(q)
			var got []string
			for _, f := range lastseen.ErrorFields(q.Validate()) {
				got = append(got, f.Field)
			}
			if fmt.Sprint(got) != tt.fields {
				t.Fatalf("fields = %v, want %s", got, tt.fields)
			}
		})
	}
}

func TestJudgementValidate(t *testing.T) {
	tests := []struct {
		name   string
		j      lastseen.Judgement
		fields string
	}{
		{"OK", lastseen.Judgement{RecordA: 1, RecordB: 2, Verdict: lastseen.VerdictSame}, "[]"},
		{"ErrRecordsRequired", lastseen.Judgement{Verdict: lastseen.VerdictSame}, "[record_a record_b]"},
		{"ErrSameRecord", lastseen.Judgement{RecordA: 1, RecordB: 1, Verdict: lastseen.VerdictSame}, "[record_b]"},
		{"ErrVerdict", lastseen.Judgement{RecordA: 1, RecordB: 2, Verdict: "maybe"}, "[verdict]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			for _, f := range lastseen.ErrorFields(tt.j.Validate()) {
				got = append(got, f.Field)
			}
			if fmt.Sprint(got) != tt.fields {
				t.Fatalf("fields = %v, want %s", got, tt.fields)
			}
		})
	}
}
