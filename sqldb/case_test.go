package sqldb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// caseworkerCtx creates a caseworker account and returns a context acting as it.
func caseworkerCtx(t *testing.T, db *sqldb.DB, email string) context.Context {
	t.Helper()
	u := &lastseen.User{Name: "Caseworker", Email: email, Role: lastseen.RoleCaseworker}
	if err := sqldb.NewUserService(db).CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return lastseen.NewContextWithActor(context.Background(), &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: u.ID})
}

// report stores a record from a source with one claim.
func report(t *testing.T, db *sqldb.DB, kind lastseen.SourceKind, source, given, family string, status lastseen.Status, date string) *lastseen.Record {
	t.Helper()
	r := &lastseen.Record{
		Source:     &lastseen.Source{Kind: kind, Name: source},
		GivenName:  given,
		FamilyName: family,
		BirthDate:  lastseen.MustParseDate("1994"),
		Claims:     []*lastseen.Claim{{Status: status, Date: lastseen.MustParseDate(date)}},
	}
	ctx := lastseen.NewContextWithActor(context.Background(), &lastseen.Actor{Role: lastseen.RolePublic, Token: "anon-" + given})
	if err := sqldb.NewRecordService(db).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	return r
}

func motherInquiry() *lastseen.Inquiry {
	return &lastseen.Inquiry{
		Inquirer: lastseen.Inquirer{Name: "Валя", Email: "valya@example.org", Phone: "+7 900 000 00 00", Relationship: "mother", Language: "ru"},
		Record: &lastseen.Record{
			GivenName: "Александр", FamilyName: "Коваленко", Patronymic: "Петрович",
			BirthDate: lastseen.MustParseDate("1994-03-07"), Unit: "3 ОМСБр",
		},
	}
}

func codeOf(t *testing.T, err error, code string) {
	t.Helper()
	if lastseen.ErrorCode(err) != code {
		t.Fatalf("error = %v (code %q), want code %q", err, lastseen.ErrorCode(err), code)
	}
}

func notifications(t *testing.T, db *sqldb.DB, inquiryID int64) []*lastseen.Notification {
	t.Helper()
	ns, err := sqldb.NewNotificationService(db).FindNotifications(context.Background(), lastseen.NotificationFilter{InquiryID: inquiryID})
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// followed reads the inquiry as its family does, by its follow token.
func followed(t *testing.T, db *sqldb.DB, q *lastseen.Inquiry) *lastseen.Inquiry {
	t.Helper()
	got, err := sqldb.NewInquiryService(db).FindInquiryByToken(context.Background(), q.FollowToken)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// noDeathNews fails if the inquiry's family was sent news of a death or any
// status, when: why it must not have been.
func noDeathNews(t *testing.T, db *sqldb.DB, q *lastseen.Inquiry, when string) {
	t.Helper()
	for _, n := range notifications(t, db, q.ID) {
		if strings.Contains(n.Payload, "dead") || n.Kind == lastseen.NotifyStatus {
			t.Fatalf("the mother was told of the death %s: %s %s", when, n.Kind, n.Payload)
		}
	}
}

// TestCaseService_DeathWaitsForCaseworker tells the story at the storage
// level, linking through the review queue and judgements: the death a
// comrade reports reaches the mother only after a caseworker verifies it.
func TestCaseService_DeathWaitsForCaseworker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cw := caseworkerCtx(t, db, "cw@example.org")
		inquiries, cases := sqldb.NewInquiryService(db), sqldb.NewCaseService(db)

		q := motherInquiry()
		if err := inquiries.CreateInquiry(ctx, q); err != nil {
			t.Fatal(err)
		}
		if q.State != lastseen.InquiryOpen || len(q.FollowToken) != 43 || q.RecordID == 0 {
			t.Fatalf("new inquiry: state %q, token %q, record %d", q.State, q.FollowToken, q.RecordID)
		}
		if _, err := sqldb.NewPersonService(db).LinkRecord(ctx, q.RecordID, 0, lastseen.Link{Method: lastseen.LinkNew}); err != nil {
			t.Fatal(err)
		}
		comrade := report(t, db, lastseen.SourceComrade, "Telegram: comrades of 3rd brigade", "Aleksandr", "Kovalenko", lastseen.StatusDead, "2022-02-23")
		sergeant := report(t, db, lastseen.SourceComrade, "Sergeant's letter", "Олександр", "Коваленко", lastseen.StatusAlive, "2022-03-01")

		// The matcher is unsure: the pair goes to review, the inquiry has a candidate.
		err := sqldb.NewReviewService(db).EnqueueReview(ctx, []*lastseen.ReviewItem{
			{RecordA: comrade.ID, RecordB: q.RecordID, Score: 4.2, Priority: 1,
				Fields: []lastseen.FieldWeight{{Field: "family_name", Level: "translit", Weight: 6.1, A: "Kovalenko", B: "Коваленко"}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		got := followed(t, db, q)
		if got.State != lastseen.InquiryCandidateFound || got.Status != "" {
			t.Fatalf("after review item: state %q status %q, want candidate_found and nothing told", got.State, got.Status)
		}

		// A caseworker judges both reports to be the son.
		for _, r := range []*lastseen.Record{comrade, sergeant} {
			if _, err := cases.Judge(cw, &lastseen.Judgement{RecordA: q.RecordID, RecordB: r.ID, Verdict: lastseen.VerdictSame}); err != nil {
				t.Fatal(err)
			}
		}
		got, err = inquiries.FindInquiryByID(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		p, err := cases.FindCase(ctx, got.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		deathClaim := comrade.Claims[0].ID
		if p.Status != lastseen.StatusAlive || fmt.Sprint(p.Conflict) != fmt.Sprint([]int64{deathClaim}) || p.Verified {
			t.Fatalf("person: status %q conflict %v verified %v; want alive with the death claim %d in conflict", p.Status, p.Conflict, p.Verified, deathClaim)
		}
		// The description's "information sought" has no date: it speaks for
		// the day it was filed, after both reports.
		var order []string
		for _, g := range p.Timeline {
			order = append(order, fmt.Sprintf("%s/%s/%s", g.Claim.Status, g.Grade, g.Source.Kind))
		}
		if fmt.Sprint(order) != "[dead/C3/comrade alive/C3/comrade sought/C3/family]" {
			t.Fatalf("timeline = %v", order)
		}
		if got.State != lastseen.InquiryCandidateFound || got.Status != "" {
			t.Fatalf("disputed: inquiry state %q status %q, want candidate_found and nothing told", got.State, got.Status)
		}
		noDeathNews(t, db, q, "before verification")

		// The caseworker verifies the death: now the mother is answered.
		v := &lastseen.Verification{PersonID: p.ID, Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2022-02-23"), Method: "official death certificate"}
		if err := cases.Verify(cw, v); err != nil {
			t.Fatal(err)
		}
		got = followed(t, db, q)
		if got.State != lastseen.InquiryAnswered || got.Status != lastseen.StatusDead || !got.Verified {
			t.Fatalf("verified: inquiry state %q status %q verified %v", got.State, got.Status, got.Verified)
		}
		ns := notifications(t, db, q.ID)
		last := ns[len(ns)-1]
		if last.Kind != lastseen.NotifyStatus || !strings.Contains(last.Payload, `"status":"dead"`) || !strings.Contains(last.Payload, "official death certificate") {
			t.Fatalf("last notification = %s %s", last.Kind, last.Payload)
		}

		// Recomputing again notifies no one twice.
		if err := cases.Verify(cw, &lastseen.Verification{PersonID: p.ID, Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2022-02-23"), Method: "second look"}); err != nil {
			t.Fatal(err)
		}
		if again := notifications(t, db, q.ID); len(again) != len(ns) {
			t.Fatalf("%d notifications after a second verification, want %d", len(again), len(ns))
		}
	})
}

// TestCaseService_VerifiedDeathNotToldByAutomaticMatch: a caseworker has
// verified a soldier's death; later a mother's inquiry is matched to him
// automatically. She is not told of the death until a caseworker judges her
// description to be that soldier.
func TestCaseService_VerifiedDeathNotToldByAutomaticMatch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cw := caseworkerCtx(t, db, "cw@example.org")
		inquiries, cases, persons := sqldb.NewInquiryService(db), sqldb.NewCaseService(db), sqldb.NewPersonService(db)

		death := report(t, db, lastseen.SourceOfficial, "MoD list", "Олександр", "Коваленко", lastseen.StatusDead, "2022-02-23")
		pid, err := persons.LinkRecord(ctx, death.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
		if err != nil {
			t.Fatal(err)
		}
		if err := cases.Verify(cw, &lastseen.Verification{PersonID: pid, Status: lastseen.StatusDead,
			Date: lastseen.MustParseDate("2022-02-23"), Method: "official death certificate"}); err != nil {
			t.Fatal(err)
		}

		q := motherInquiry()
		if err := inquiries.CreateInquiry(ctx, q); err != nil {
			t.Fatal(err)
		}
		if _, err := persons.LinkRecord(ctx, q.RecordID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 9.5}); err != nil {
			t.Fatal(err)
		}
		got := followed(t, db, q)
		if got.State != lastseen.InquiryCandidateFound || got.Status != "" {
			t.Fatalf("matched automatically: inquiry state %q status %q, want candidate_found and nothing told", got.State, got.Status)
		}
		noDeathNews(t, db, q, "by an automatic match")

		// A caseworker judges her description to be the soldier: now she is told.
		if _, err := cases.Judge(cw, &lastseen.Judgement{RecordA: death.ID, RecordB: q.RecordID, Verdict: lastseen.VerdictSame}); err != nil {
			t.Fatal(err)
		}
		got = followed(t, db, q)
		if got.State != lastseen.InquiryAnswered || got.Status != lastseen.StatusDead || !got.Verified {
			t.Fatalf("judged same: inquiry state %q status %q verified %v, want answered, dead, verified", got.State, got.Status, got.Verified)
		}

		// "Not same" later takes her record out of the person: nothing more is told.
		if _, err := cases.Judge(cw, &lastseen.Judgement{RecordA: death.ID, RecordB: q.RecordID, Verdict: lastseen.VerdictNotSame}); err != nil {
			t.Fatal(err)
		}
		got = followed(t, db, q)
		if got.Status == lastseen.StatusDead {
			t.Fatalf("after not same: inquiry still told %q", got.Status)
		}
	})
}

func TestCaseService_Judge(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cw := caseworkerCtx(t, db, "cw@example.org")
		cases, persons := sqldb.NewCaseService(db), sqldb.NewPersonService(db)
		a := report(t, db, lastseen.SourceOfficial, "List A", "Ivan", "Petrov", lastseen.StatusCaptured, "2022-04-01")
		b := report(t, db, lastseen.SourceComrade, "List B", "Иван", "Петров", lastseen.StatusMissing, "2022-03-01")
		c := report(t, db, lastseen.SourceComrade, "List C", "Ivan", "Petrov", lastseen.StatusAlive, "2022-05-01")

		t.Run("SameMergesPersons", func(t *testing.T) {
			pb, err := persons.LinkRecord(ctx, b.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := persons.LinkRecord(ctx, c.ID, pb, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 12}); err != nil {
				t.Fatal(err)
			}
			out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: lastseen.VerdictSame})
			if err != nil {
				t.Fatal(err)
			}
			if out.PersonA == 0 || out.PersonA != out.PersonB || out.Judgement.ID == 0 || out.Judgement.UserID == 0 {
				t.Fatalf("outcome %+v", out)
			}
			p, err := cases.FindCase(ctx, out.PersonA)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Records) != 3 || p.Status != lastseen.StatusAlive {
				t.Fatalf("merged person has %d records and status %q, want 3 and alive", len(p.Records), p.Status)
			}
		})
		t.Run("NotSameSplitsAndKeepsHistory", func(t *testing.T) {
			out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: a.ID, RecordB: c.ID, Verdict: lastseen.VerdictNotSame, Note: "different unit"})
			if err != nil {
				t.Fatal(err)
			}
			if out.PersonA == out.PersonB || out.PersonB == 0 {
				t.Fatalf("not split: %+v", out)
			}
			links, err := persons.FindLinks(ctx, lastseen.LinkFilter{RecordID: c.ID, IncludeRemoved: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(links) != 3 || links[0].RemovedAt != nil || links[1].RemovedAt == nil || links[0].Method != lastseen.LinkCaseworker {
				t.Fatalf("link history of record %d: %+v", c.ID, links)
			}
			p, err := cases.FindCase(ctx, out.PersonA)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Records) != 2 || p.Status != lastseen.StatusCaptured {
				t.Fatalf("after split: %d records, status %q; want 2, captured", len(p.Records), p.Status)
			}
		})
		t.Run("SameUndoesTheSplit", func(t *testing.T) {
			out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: a.ID, RecordB: c.ID, Verdict: lastseen.VerdictSame})
			if err != nil {
				t.Fatal(err)
			}
			if out.PersonA != out.PersonB {
				t.Fatalf("not merged back: %+v", out)
			}
		})
		t.Run("NotSameUndoesAMerge", func(t *testing.T) {
			var xs, ys []*lastseen.Record
			for i := range 2 {
				xs = append(xs, report(t, db, lastseen.SourceOfficial, "List X", "Petro", "Bondar", lastseen.StatusAlive, fmt.Sprintf("2022-0%d-01", i+1)))
				ys = append(ys, report(t, db, lastseen.SourceOfficial, "List Y", "Petro", "Bondar", lastseen.StatusCaptured, fmt.Sprintf("2022-0%d-01", i+5)))
			}
			link := func(rs []*lastseen.Record) int64 {
				pid, err := persons.LinkRecord(ctx, rs[0].ID, 0, lastseen.Link{Method: lastseen.LinkNew})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := persons.LinkRecord(ctx, rs[1].ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 9}); err != nil {
					t.Fatal(err)
				}
				return pid
			}
			px, py := link(xs), link(ys)
			out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: xs[0].ID, RecordB: ys[0].ID, Verdict: lastseen.VerdictSame})
			if err != nil || out.PersonA != px || out.PersonB != px {
				t.Fatalf("merge: %+v, %v", out, err)
			}
			out, err = cases.Judge(cw, &lastseen.Judgement{RecordA: xs[0].ID, RecordB: ys[0].ID, Verdict: lastseen.VerdictNotSame})
			if err != nil || out.PersonA != px || out.PersonB != py {
				t.Fatalf("undo: %+v, %v; want persons %d and %d", out, err, px, py)
			}
			for pid, want := range map[int64][]*lastseen.Record{px: xs, py: ys} {
				p, err := cases.FindCase(ctx, pid)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Records) != 2 || p.Records[0].ID != want[0].ID || p.Records[1].ID != want[1].ID {
					t.Fatalf("person %d has %d records after the undo", pid, len(p.Records))
				}
			}
		})
		t.Run("NotSameUndoesAnAutomaticMove", func(t *testing.T) {
			// the incremental linker's second look merged person X into
			// person Y by automatic links in one transaction (package index)
			var xs []*lastseen.Record
			for i := range 2 {
				xs = append(xs, report(t, db, lastseen.SourceOfficial, "List X", "Taras", "Hnatiuk", lastseen.StatusAlive, fmt.Sprintf("2022-0%d-01", i+1)))
			}
			y := report(t, db, lastseen.SourceOfficial, "List Y", "Тарас", "Гнатюк", lastseen.StatusCaptured, "2022-06-01")
			px, err := persons.LinkRecord(ctx, xs[0].ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := persons.LinkRecord(ctx, xs[1].ID, px, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 9}); err != nil {
				t.Fatal(err)
			}
			py, err := persons.LinkRecord(ctx, y.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			move := []lastseen.LinkRequest{
				{RecordID: xs[0].ID, PersonID: py, Link: lastseen.Link{Method: lastseen.LinkAutomatic, Score: 7}},
				{RecordID: xs[1].ID, PersonID: py, Link: lastseen.Link{Method: lastseen.LinkAutomatic, Score: 7}},
			}
			if _, err := persons.LinkRecords(ctx, move); err != nil {
				t.Fatal(err)
			}
			out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: y.ID, RecordB: xs[1].ID, Verdict: lastseen.VerdictNotSame})
			if err != nil || out.PersonA != py || out.PersonB != px {
				t.Fatalf("undo: %+v, %v; want persons %d and %d", out, err, py, px)
			}
			for pid, want := range map[int64][]*lastseen.Record{px: xs, py: {y}} {
				p, err := cases.FindCase(ctx, pid)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Records) != len(want) || p.Records[0].ID != want[0].ID {
					t.Fatalf("person %d has %d records after the undo, want %d", pid, len(p.Records), len(want))
				}
			}
		})
		t.Run("UnsureMovesNothing", func(t *testing.T) {
			d := report(t, db, lastseen.SourceComrade, "List D", "Ivan", "Petrov", lastseen.StatusAlive, "2022-05-01")
			out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: a.ID, RecordB: d.ID, Verdict: lastseen.VerdictUnsure})
			if err != nil {
				t.Fatal(err)
			}
			if out.PersonB != 0 {
				t.Fatalf("unsure linked record %d to person %d", d.ID, out.PersonB)
			}
		})
		t.Run("ErrRecordNotFound", func(t *testing.T) {
			_, err := cases.Judge(cw, &lastseen.Judgement{RecordA: a.ID, RecordB: 99999, Verdict: lastseen.VerdictSame})
			codeOf(t, err, lastseen.ENOTFOUND)
			if fs := lastseen.ErrorFields(err); len(fs) != 1 || fs[0].Field != "record_b" {
				t.Fatalf("fields = %v, want record_b", fs)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			_, err := cases.Judge(cw, &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: "perhaps"})
			codeOf(t, err, lastseen.EINVALID)
		})
		t.Run("ErrForbidden", func(t *testing.T) {
			rep := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleReporter, UserID: 1})
			_, err := cases.Judge(rep, &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: lastseen.VerdictSame})
			codeOf(t, err, lastseen.EFORBIDDEN)
		})
	})
}

func TestCaseService_Verify(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cw := caseworkerCtx(t, db, "cw@example.org")
		cases := sqldb.NewCaseService(db)
		r := report(t, db, lastseen.SourceMorgue, "Morgue list", "Petro", "Shevchuk", lastseen.StatusDead, "2022-06-01")
		pid, err := sqldb.NewPersonService(db).LinkRecord(ctx, r.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
		if err != nil {
			t.Fatal(err)
		}
		awaiting := func() []*lastseen.CaseSummary {
			t.Helper()
			cs, total, err := cases.FindCases(ctx, lastseen.CaseFilter{Status: lastseen.StatusDead, Unverified: true})
			if err != nil || total != len(cs) {
				t.Fatalf("FindCases = %v, %d, %v", cs, total, err)
			}
			return cs
		}
		t.Run("DeathAwaitsVerification", func(t *testing.T) {
			if cs := awaiting(); len(cs) != 1 || cs[0].ID != pid || cs[0].Status != lastseen.StatusDead {
				t.Fatalf("awaiting verification: %+v", cs)
			}
		})
		t.Run("OK", func(t *testing.T) {
			v := &lastseen.Verification{PersonID: pid, Status: lastseen.StatusDead, Method: "identified by family"}
			if err := cases.Verify(cw, v); err != nil {
				t.Fatal(err)
			}
			p, err := cases.FindCase(ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Verified || p.Confidence != 1 || p.Verification == nil || p.Verification.ID != v.ID || v.UserID == 0 {
				t.Fatalf("person after verification: %+v", p)
			}
			vs, err := cases.FindVerifications(ctx, pid)
			if err != nil || len(vs) != 1 || vs[0].Method != "identified by family" {
				t.Fatalf("verifications = %v, %v", vs, err)
			}
			if cs := awaiting(); len(cs) != 0 {
				t.Fatalf("a verified death still awaits: %+v", cs)
			}
		})
		t.Run("ErrPersonNotFound", func(t *testing.T) {
			codeOf(t, cases.Verify(cw, &lastseen.Verification{PersonID: 99999, Status: lastseen.StatusDead, Method: "x"}), lastseen.ENOTFOUND)
		})
		t.Run("ErrMethodRequired", func(t *testing.T) {
			err := cases.Verify(cw, &lastseen.Verification{PersonID: pid, Status: lastseen.StatusDead})
			codeOf(t, err, lastseen.EINVALID)
			if fs := lastseen.ErrorFields(err); len(fs) != 1 || fs[0].Field != "method" {
				t.Fatalf("fields = %v", fs)
			}
		})
		t.Run("ErrUnauthorized", func(t *testing.T) {
			pub := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RolePublic})
			codeOf(t, cases.Verify(pub, &lastseen.Verification{PersonID: pid, Status: lastseen.StatusDead, Method: "x"}), lastseen.EUNAUTHORIZED)
		})
	})
}

func TestReviewService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cw := caseworkerCtx(t, db, "cw@example.org")
		reviews, cases := sqldb.NewReviewService(db), sqldb.NewCaseService(db)
		a := report(t, db, lastseen.SourceOfficial, "List A", "Ivan", "Petrov", lastseen.StatusCaptured, "2022-04-01")
		b := report(t, db, lastseen.SourceComrade, "List B", "Иван", "Петров", lastseen.StatusMissing, "2022-03-01")
		c := report(t, db, lastseen.SourceComrade, "List C", "Ivan", "Petrof", lastseen.StatusAlive, "2022-05-01")
		q := motherInquiry()
		if err := sqldb.NewInquiryService(db).CreateInquiry(ctx, q); err != nil {
			t.Fatal(err)
		}

		items := []*lastseen.ReviewItem{
			{RecordA: b.ID, RecordB: a.ID, Score: 3, Priority: 2, Fields: []lastseen.FieldWeight{{Field: "given_name", Level: "translit", Weight: 4, A: "Иван", B: "Ivan"}}},
			{RecordA: a.ID, RecordB: c.ID, Score: 5, Priority: 5},
			{RecordA: q.RecordID, RecordB: c.ID, Score: 1, Priority: 1},
		}
		if err := reviews.EnqueueReview(ctx, items); err != nil {
			t.Fatal(err)
		}
		t.Run("PairOrderedWithItsFields", func(t *testing.T) {
			if items[0].RecordA != a.ID || items[0].Fields[0].A != "Ivan" {
				t.Fatalf("item %+v not ordered", items[0])
			}
		})
		t.Run("MostUrgentFirstInquiryAhead", func(t *testing.T) {
			got, total, err := cases.FindReviewCases(ctx, lastseen.ReviewFilter{State: lastseen.ReviewOpen})
			if err != nil {
				t.Fatal(err)
			}
			if total != 3 || len(got) != 3 {
				t.Fatalf("%d of %d items", len(got), total)
			}
			if got[0].InquiryID != q.ID || got[1].ID != items[1].ID || got[2].ID != items[0].ID {
				t.Fatalf("order: %d %d %d", got[0].ID, got[1].ID, got[2].ID)
			}
			if got[2].A.FamilyName != "Petrov" || got[2].B.FamilyName != "Петров" || got[2].Fields[0].Field != "given_name" || got[2].A.Source.Name != "List A" {
				t.Fatalf("case without its records or explanation: %+v", got[2])
			}
		})
		t.Run("InquiryHasACandidate", func(t *testing.T) {
			got, err := sqldb.NewInquiryService(db).FindInquiryByID(ctx, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.State != lastseen.InquiryCandidateFound {
				t.Fatalf("state %q", got.State)
			}
		})
		t.Run("OpenPairNotQueuedTwice", func(t *testing.T) {
			again := []*lastseen.ReviewItem{{RecordA: a.ID, RecordB: b.ID, Score: 3}}
			if err := reviews.EnqueueReview(ctx, again); err != nil {
				t.Fatal(err)
			}
			if again[0].ID != 0 {
				t.Fatal("an open pair was queued twice")
			}
		})
		t.Run("JudgementDecidesItemAndJudgedPairNotQueued", func(t *testing.T) {
			j := &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: lastseen.VerdictUnsure}
			if _, err := cases.Judge(cw, j); err != nil {
				t.Fatal(err)
			}
			decided, _, err := reviews.FindReviewItems(ctx, lastseen.ReviewFilter{RecordID: b.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(decided) != 1 || decided[0].State != lastseen.ReviewDecided || decided[0].JudgementID != j.ID {
				t.Fatalf("items of record %d: %+v", b.ID, decided)
			}
			again := []*lastseen.ReviewItem{{RecordA: b.ID, RecordB: a.ID, Score: 3}}
			if err := reviews.EnqueueReview(ctx, again); err != nil {
				t.Fatal(err)
			}
			if again[0].ID != 0 {
				t.Fatal("a judged pair was queued again")
			}
		})
		t.Run("ErrRecordNotFound", func(t *testing.T) {
			err := reviews.EnqueueReview(ctx, []*lastseen.ReviewItem{{RecordA: a.ID, RecordB: 99999}})
			codeOf(t, err, lastseen.ENOTFOUND)
			if fs := lastseen.ErrorFields(err); len(fs) != 1 || fs[0].Field != "items[0].record_b" {
				t.Fatalf("fields = %v", fs)
			}
		})
	})
}

func TestInquiryService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		inquiries := sqldb.NewInquiryService(db)
		q := motherInquiry()
		if err := inquiries.CreateInquiry(ctx, q); err != nil {
			t.Fatal(err)
		}
		t.Run("StoredWithDescriptionAndSubscription", func(t *testing.T) {
			got, err := inquiries.FindInquiryByID(ctx, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Inquirer != q.Inquirer || got.Record.GivenName != "Александр" || got.Record.Source.Kind != lastseen.SourceFamily {
				t.Fatalf("inquiry read back as %+v / %+v", got, got.Record)
			}
			if len(got.Record.Claims) != 1 || got.Record.Claims[0].Status != lastseen.StatusSought {
				t.Fatalf("description claims = %+v, want information sought", got.Record.Claims)
			}
		})
		t.Run("ErrUnknownToken", func(t *testing.T) {
			_, err := inquiries.FindInquiryByToken(ctx, "not-a-token")
			codeOf(t, err, lastseen.ENOTFOUND)
		})
		t.Run("ErrInvalidNamesFields", func(t *testing.T) {
			bad := motherInquiry()
			bad.Inquirer.Email = "nope"
			bad.Record.GivenName, bad.Record.FamilyName = "", ""
			err := inquiries.CreateInquiry(ctx, bad)
			codeOf(t, err, lastseen.EINVALID)
			var fields []string
			for _, f := range lastseen.ErrorFields(err) {
				fields = append(fields, f.Field)
			}
			if fmt.Sprint(fields) != "[inquirer.email person.given_name]" {
				t.Fatalf("fields = %v", fields)
			}
			if bad.ID != 0 {
				t.Fatal("a rejected inquiry has an id")
			}
		})
		t.Run("ListAndClose", func(t *testing.T) {
			list, total, err := inquiries.FindInquiries(ctx, lastseen.InquiryFilter{State: lastseen.InquiryOpen})
			if err != nil || total != 1 || len(list) != 1 || list[0].Record == nil {
				t.Fatalf("open inquiries: %v %d %v", list, total, err)
			}
			if err := inquiries.CloseInquiry(ctx, q.ID); err != nil {
				t.Fatal(err)
			}
			got, _ := inquiries.FindInquiryByID(ctx, q.ID)
			if got.State != lastseen.InquiryClosed {
				t.Fatalf("state %q", got.State)
			}
			codeOf(t, inquiries.CloseInquiry(ctx, 99999), lastseen.ENOTFOUND)
		})
		t.Run("AuditReads", func(t *testing.T) {
			audit := sqldb.NewAuditService(db)
			cw := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 7})
			if err := audit.AuditReads(cw, []lastseen.ProtectedRead{{Subject: fmt.Sprintf("inquiry:%d", q.ID), Fields: []string{"inquirer.email"}}}); err != nil {
				t.Fatal(err)
			}
			evs, err := audit.FindAuditEvents(ctx, lastseen.AuditFilter{Action: "protected.read"})
			if err != nil || len(evs) != 1 || evs[0].ActorID != "7" || evs[0].Detail != "inquirer.email" {
				t.Fatalf("audit events = %+v, %v", evs, err)
			}
		})
	})
}

// TestCaseService_ConcurrentLinks links records to one person from several
// goroutines at once: the stored status must account for every one of them.
func TestCaseService_ConcurrentLinks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		persons := sqldb.NewPersonService(db)
		first := report(t, db, lastseen.SourceOfficial, "List", "Ivan", "Petrov", lastseen.StatusMissing, "2022-01-01")
		pid, err := persons.LinkRecord(ctx, first.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
		if err != nil {
			t.Fatal(err)
		}
		const n = 8
		var rs []*lastseen.Record
		for i := range n {
			rs = append(rs, report(t, db, lastseen.SourceOfficial, "List", "Ivan", "Petrov", lastseen.StatusCaptured, fmt.Sprintf("2022-02-%02d", i+1)))
		}
		errs := make(chan error, n)
		for _, r := range rs {
			go func() {
				_, err := persons.LinkRecord(ctx, r.ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 10})
				errs <- err
			}()
		}
		for range n {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		cached, err := persons.FindPersonByID(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if cached.Status != lastseen.StatusCaptured || cached.AsOf.String() != fmt.Sprintf("2022-02-%02d", n) {
			t.Fatalf("stored status %q as of %s, want captured as of the newest claim", cached.Status, cached.AsOf)
		}
	})
}

// TestCaseService_Recompute checks that a changed grade table reaches the
// stored statuses when they are recomputed.
func TestCaseService_Recompute(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		persons := sqldb.NewPersonService(db)
		post := report(t, db, lastseen.SourceSocial, "A post", "Ivan", "Petrov", lastseen.StatusCaptured, "2022-03-01")
		pid, err := persons.LinkRecord(ctx, post.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
		if err != nil {
			t.Fatal(err)
		}
		if p, _ := persons.FindPersonByID(ctx, pid); p.Status != lastseen.StatusUnknown {
			t.Fatalf("a social-media post alone decided: %q", p.Status)
		}
		db.Grades, err = lastseen.ParseGrades("social=C3")
		if err != nil {
			t.Fatal(err)
		}
		n, err := sqldb.NewCaseService(db).Recompute(ctx)
		if err != nil || n != 1 {
			t.Fatalf("Recompute = %d, %v", n, err)
		}
		if p, _ := persons.FindPersonByID(ctx, pid); p.Status != lastseen.StatusCaptured {
			t.Fatalf("after recompute with social=C3: %q", p.Status)
		}
	})
}

// TestInquiryService_States walks an inquiry through its states as records
// are linked to its person and split off again.
func TestInquiryService_States(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cw := caseworkerCtx(t, db, "cw@example.org")
		inquiries, persons, cases := sqldb.NewInquiryService(db), sqldb.NewPersonService(db), sqldb.NewCaseService(db)
		newInquiry := func() (*lastseen.Inquiry, int64) {
			q := motherInquiry()
			if err := inquiries.CreateInquiry(ctx, q); err != nil {
				t.Fatal(err)
			}
			pid, err := persons.LinkRecord(ctx, q.RecordID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			return q, pid
		}
		state := func(q *lastseen.Inquiry) *lastseen.Inquiry {
			got, err := inquiries.FindInquiryByID(ctx, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		kinds := func(q *lastseen.Inquiry) []string {
			var ks []string
			for _, n := range notifications(t, db, q.ID) {
				ks = append(ks, n.Kind)
			}
			return ks
		}

		t.Run("UndisputedLifeAnswersAutomatically", func(t *testing.T) {
			q, pid := newInquiry()
			r := report(t, db, lastseen.SourcePrisonerList, "Exchange list", "Aleksandr", "Kovalenko", lastseen.StatusCaptured, "2022-05-01")
			if _, err := persons.LinkRecord(ctx, r.ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 14}); err != nil {
				t.Fatal(err)
			}
			got := state(q)
			if got.State != lastseen.InquiryAnswered || got.Status != lastseen.StatusCaptured || got.Verified {
				t.Fatalf("inquiry %+v", got)
			}
			if fmt.Sprint(kinds(q)) != "[inquiry.status]" {
				t.Fatalf("notifications %v", kinds(q))
			}
		})
		t.Run("PendingDeathHoldsBackLife", func(t *testing.T) {
			q, pid := newInquiry()
			death := report(t, db, lastseen.SourceComrade, "Chat", "Aleksandr", "Kovalenko", lastseen.StatusDead, "2022-02-23")
			err := sqldb.NewReviewService(db).EnqueueReview(ctx, []*lastseen.ReviewItem{{RecordA: death.ID, RecordB: q.RecordID, Score: 5}})
			if err != nil {
				t.Fatal(err)
			}
			life := report(t, db, lastseen.SourceComrade, "Sergeant", "Олександр", "Коваленко", lastseen.StatusAlive, "2022-03-01")
			if _, err := persons.LinkRecord(ctx, life.ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 15}); err != nil {
				t.Fatal(err)
			}
			if got := state(q); got.State != lastseen.InquiryCandidateFound || got.Status != "" {
				t.Fatalf("told while a death report waits for review: %+v", got)
			}
			if _, err := cases.Judge(cw, &lastseen.Judgement{RecordA: q.RecordID, RecordB: death.ID, Verdict: lastseen.VerdictNotSame}); err != nil {
				t.Fatal(err)
			}
			if got := state(q); got.State != lastseen.InquiryAnswered || got.Status != lastseen.StatusAlive {
				t.Fatalf("after the death report was judged another man's: %+v", got)
			}
		})
		t.Run("CandidateSplitOffReopens", func(t *testing.T) {
			q, pid := newInquiry()
			r := report(t, db, lastseen.SourceComrade, "Chat", "Aleksandr", "Kovalenko", lastseen.StatusDead, "2022-02-23")
			if _, err := persons.LinkRecord(ctx, r.ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 12}); err != nil {
				t.Fatal(err)
			}
			if got := state(q); got.State != lastseen.InquiryCandidateFound || got.Status != "" {
				t.Fatalf("after an unverified death: %+v", got)
			}
			if _, err := cases.Judge(cw, &lastseen.Judgement{RecordA: q.RecordID, RecordB: r.ID, Verdict: lastseen.VerdictNotSame}); err != nil {
				t.Fatal(err)
			}
			if got := state(q); got.State != lastseen.InquiryOpen {
				t.Fatalf("after the split: %+v", got)
			}
			if fmt.Sprint(kinds(q)) != "[inquiry.candidate_found]" {
				t.Fatalf("notifications %v", kinds(q))
			}
		})
		t.Run("ClosedDoesNotMove", func(t *testing.T) {
			q, pid := newInquiry()
			if err := inquiries.CloseInquiry(ctx, q.ID); err != nil {
				t.Fatal(err)
			}
			r := report(t, db, lastseen.SourceOfficial, "List", "Aleksandr", "Kovalenko", lastseen.StatusAlive, "2022-05-01")
			if _, err := persons.LinkRecord(ctx, r.ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 14}); err != nil {
				t.Fatal(err)
			}
			if got := state(q); got.State != lastseen.InquiryClosed || len(kinds(q)) != 0 {
				t.Fatalf("closed inquiry moved: %+v, %v", got, kinds(q))
			}
		})
		t.Run("NoEmailNoNotification", func(t *testing.T) {
			q := motherInquiry()
			q.Inquirer.Email = ""
			if err := inquiries.CreateInquiry(ctx, q); err != nil {
				t.Fatal(err)
			}
			pid, err := persons.LinkRecord(ctx, q.RecordID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			r := report(t, db, lastseen.SourceOfficial, "List", "Aleksandr", "Kovalenko", lastseen.StatusAlive, "2022-05-01")
			if _, err := persons.LinkRecord(ctx, r.ID, pid, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 14}); err != nil {
				t.Fatal(err)
			}
			if got := state(q); got.State != lastseen.InquiryAnswered || len(kinds(q)) != 0 {
				t.Fatalf("inquiry %+v, notifications %v", got, kinds(q))
			}
		})
	})
}
