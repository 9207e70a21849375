package http_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// linkerServer is caseServer with the real incremental linker and search,
// as `lastseen serve` wires them.
func linkerServer(t *testing.T, db *sqldb.DB) *lshttp.Server {
	t.Helper()
	s := caseServer(t, db)
	l := &index.Linker{
		Index:      index.New(index.Options{}),
		Persons:    sqldb.NewPersonService(db),
		Reviews:    sqldb.NewReviewService(db),
		Judgements: sqldb.NewJudgementService(db),
	}
	s.Linker = l
	s.PersonSearcher = l.Index
	s.StatsService = sqldb.NewStatsService(db)
	s.EstimateService = sqldb.NewEstimateService(db)
	return s
}

// publicView is what a signed-out caller reads of a person: the page, and
// the person's entry in a search for his name.
type publicView struct {
	Person lastseen.Person
	Search lshttp.SearchResult
	Body   string
}

func readPublic(t *testing.T, s *lshttp.Server, personID int64, name string) publicView {
	t.Helper()
	var v publicView
	v.Body = must2(t, s, "GET", fmt.Sprintf("/api/v1/persons/%d", personID), "")
	mustJSON(t, v.Body, &v.Person)
	var res struct{ Results []lshttp.SearchResult }
	mustJSON(t, must2(t, s, "GET", "/api/v1/search?q="+url.QueryEscape(name), ""), &res)
	for _, r := range res.Results {
		if r.PersonID == personID {
			v.Search = r
		}
	}
	if v.Search.PersonID == 0 {
		t.Fatalf("search for %q does not find person %d: %+v", name, personID, res.Results)
	}
	return v
}

// TestPerson_DeathUnderReviewIsNeutral is the QA repro: the mother's
// inquiry, the comrade's death report and the sergeant's report of life,
// linked by the real matcher. Signed out, the person must not read as a
// confident "alive" while the conflicting death is hidden — neither on the
// person page nor in search — but as under review, whether the death report
// is linked to him or still waits in the review queue. A caseworker sees the
// truth; once the death is verified, everyone does.
func TestPerson_DeathUnderReviewIsNeutral(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := linkerServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "caseworker@example.org")
		resp, body := call(t, s, "POST", "/api/v1/inquiries", "", motherBody)
		must(t, resp, body, 201)
		var created struct{ ID int64 }
		mustJSON(t, body, &created)
		var reports []lastseen.Record
		for _, b := range []string{comradeBody, sergeantBody} {
			resp, body = call(t, s, "POST", "/api/v1/records", "", b)
			must(t, resp, body, 201)
			var r lastseen.Record
			mustJSON(t, body, &r)
			reports = append(reports, r)
		}
		var inq lastseen.Inquiry
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", created.ID), cw), &inq)
		if inq.PersonID == 0 {
			t.Fatal("the description is linked to no one")
		}
		neutral := func(t *testing.T, when string) {
			t.Helper()
			v := readPublic(t, s, inq.PersonID, "Коваленко")
			p := v.Person
			if p.Status != lastseen.StatusUnknown || p.Confidence != 0 || !p.AsOf.IsZero() || !p.UnderReview || p.Notice != lastseen.UnderReviewNotice {
				t.Fatalf("%s: the public person page shows status %q confidence %v as of %v, under_review %v, notice %q",
					when, p.Status, p.Confidence, p.AsOf, p.UnderReview, p.Notice)
			}
			if strings.Contains(v.Body, `"dead"`) || strings.Contains(v.Body, "I saw him fall") {
				t.Fatalf("%s: the death leaks: %s", when, v.Body)
			}
			if v.Search.Status != lastseen.StatusUnknown || !v.Search.UnderReview {
				t.Fatalf("%s: the public search shows %+v", when, v.Search)
			}
			// The public counts say what the page says: nobody alive.
			var st lastseen.Stats
			mustJSON(t, must2(t, s, "GET", "/api/v1/stats", ""), &st)
			for _, c := range st.ByStatus {
				if c.Status != "unknown" {
					t.Fatalf("%s: the public stats count %s %s: %+v", when, c.Persons, c.Status, st.ByStatus)
				}
			}
			var seen lastseen.Inquiry
			mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", created.ID), cw), &seen)
			if seen.State == lastseen.InquiryAnswered {
				t.Fatalf("%s: the inquiry is answered with %q", when, seen.Status)
			}
		}

		// Whatever the matcher made of the comrade's report — linked, or
		// waiting in the queue — the public sees the case under review.
		neutral(t, "after the matcher")

		// The caseworker confirms every pair the queue asks about: now the
		// death is linked, and still unverified.
		var queue struct{ Items []*lastseen.ReviewCase }
		mustJSON(t, must2(t, s, "GET", "/api/v1/review", cw), &queue)
		for _, it := range queue.Items {
			resp, body = call(t, s, "POST", "/api/v1/judgements", cw,
				fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same"}`, it.RecordA, it.RecordB))
			must(t, resp, body, 201)
		}
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", created.ID), cw), &inq)
		neutral(t, "with the death linked")

		// The caseworker sees what the claims say.
		var p lastseen.Person
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/persons/%d", inq.PersonID), cw), &p)
		if p.Status != lastseen.StatusAlive || len(p.Conflict) == 0 || p.Notice != "" {
			t.Fatalf("the caseworker sees status %q conflict %v notice %q", p.Status, p.Conflict, p.Notice)
		}

		resp, body = call(t, s, "POST", fmt.Sprintf("/api/v1/persons/%d/verifications", inq.PersonID), cw,
			`{"status": "dead", "date": "2022-02-23", "method": "official death certificate"}`)
		must(t, resp, body, 201)
		v := readPublic(t, s, inq.PersonID, "Коваленко")
		if v.Person.Status != lastseen.StatusDead || !v.Person.Verified || v.Person.UnderReview || v.Search.Status != lastseen.StatusDead {
			t.Fatalf("after verification the public sees %q (search %q), under_review %v", v.Person.Status, v.Search.Status, v.Person.UnderReview)
		}
	})
}

// TestPerson_StaffDetailsNotPublic: the judgement notes, who decided and how
// a status was verified reach caseworkers only; the public, the inquirer and
// a reporter see that the status was verified, and when.
func TestPerson_StaffDetailsNotPublic(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "caseworker@example.org")
		reporter := signIn(t, db, s, lastseen.RoleReporter, "reporter@example.org")
		var recs []lastseen.Record
		for _, b := range []string{comradeBody, sergeantBody} {
			resp, body := call(t, s, "POST", "/api/v1/records", "", b)
			must(t, resp, body, 201)
			var r lastseen.Record
			mustJSON(t, body, &r)
			recs = append(recs, r)
		}
		resp, body := call(t, s, "POST", "/api/v1/judgements", cw,
			fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same", "note": "same unit and birth date"}`, recs[0].ID, recs[1].ID))
		must(t, resp, body, 201)
		var out lastseen.JudgementOutcome
		mustJSON(t, body, &out)
		person := fmt.Sprintf("/api/v1/persons/%d", out.PersonA)
		resp, body = call(t, s, "POST", person+"/verifications", cw,
			`{"status": "dead", "date": "2022-02-23", "method": "official death certificate", "note": "certificate no. 17"}`)
		must(t, resp, body, 201)

		staff := []string{"same unit and birth date", "certificate no. 17", "official death certificate", `"user_id"`, `"decided_by"`}
		for _, who := range []struct{ name, token string }{{"Public", ""}, {"Reporter", reporter}} {
			t.Run(who.name, func(t *testing.T) {
				page := must2(t, s, "GET", person, who.token)
				hist := must2(t, s, "GET", person+"/history", who.token)
				for _, leak := range staff {
					if strings.Contains(page, leak) || strings.Contains(hist, leak) {
						t.Errorf("shows %s:\n%s\n%s", leak, page, hist)
					}
				}
				var p lastseen.Person
				mustJSON(t, page, &p)
				if !p.Verified || p.Verification == nil || p.Verification.Date.String() != "2022-02-23" || p.Verification.CreatedAt.IsZero() {
					t.Errorf("the verification and its date are gone: %s", page)
				}
				var h struct {
					Links      []*lastseen.Link
					Judgements []*lastseen.Judgement
				}
				mustJSON(t, hist, &h)
				if len(h.Links) == 0 || len(h.Judgements) != 1 || h.Judgements[0].Verdict != lastseen.VerdictSame {
					t.Errorf("the history itself is cut: %s", hist)
				}
			})
		}
		t.Run("Caseworker", func(t *testing.T) {
			page := must2(t, s, "GET", person, cw)
			hist := must2(t, s, "GET", person+"/history", cw)
			for _, want := range staff {
				if !strings.Contains(page+hist, want) {
					t.Errorf("the caseworker does not see %s:\n%s\n%s", want, page, hist)
				}
			}
		})
	})
}

// TestFollow_AnyDeathWithholdsLife: a social-media post of the son's death
// (graded E4, too weak to decide or to conflict) leaves his derived status
// "alive" by the sergeant's report; the mother's follow link must not tell
// her "alive" while that death waits for a caseworker, and the public page
// shows him under review.
func TestFollow_AnyDeathWithholdsLife(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "caseworker@example.org")
		resp, body := call(t, s, "POST", "/api/v1/inquiries", "", motherBody)
		must(t, resp, body, 201)
		var created struct {
			ID        int64
			FollowURL string `json:"follow_url"`
		}
		mustJSON(t, body, &created)
		follow := created.FollowURL[strings.Index(created.FollowURL, lshttp.FollowPath):]
		var inq lastseen.Inquiry
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", created.ID), cw), &inq)
		post := strings.Replace(comradeBody, `"kind": "comrade"`, `"kind": "social"`, 1)
		for _, b := range []string{post, sergeantBody} {
			resp, body = call(t, s, "POST", "/api/v1/records", "", b)
			must(t, resp, body, 201)
			var r lastseen.Record
			mustJSON(t, body, &r)
			resp, body = call(t, s, "POST", "/api/v1/judgements", cw,
				fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same"}`, inq.RecordID, r.ID))
			must(t, resp, body, 201)
		}
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", created.ID), cw), &inq)
		var p lastseen.Person
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/persons/%d", inq.PersonID), cw), &p)
		if p.Status != lastseen.StatusAlive || len(p.Conflict) != 0 {
			t.Fatalf("premise: the caseworker sees %q, conflict %v; want alive, the weak death no conflict", p.Status, p.Conflict)
		}
		var seen lastseen.Inquiry
		mustJSON(t, must2(t, s, "GET", follow, ""), &seen)
		if seen.State == lastseen.InquiryAnswered || seen.Status != "" {
			t.Fatalf("the mother is told %q (%s) while a death waits for a caseworker", seen.Status, seen.State)
		}
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/persons/%d", inq.PersonID), ""), &p)
		if p.Status != lastseen.StatusUnknown || !p.UnderReview {
			t.Fatalf("the public sees %q, under_review %v", p.Status, p.UnderReview)
		}
	})
}
