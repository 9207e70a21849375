package http_test

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// TestCaseRoutes_BadInput checks that every cases endpoint rejects bad input
// with a problem+json that names the field, and refuses callers whose role
// may not: 401 for the public, 403 for a known role.
func TestCaseRoutes_BadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		tokens := map[string]string{
			"public":     "",
			"reporter":   signIn(t, db, s, lastseen.RoleReporter, "reporter@example.org"),
			"caseworker": signIn(t, db, s, lastseen.RoleCaseworker, "cw@example.org"),
		}
		resp, body := call(t, s, "POST", "/api/v1/inquiries", "", motherBody)
		must(t, resp, body, 201)
		var q struct {
			ID        int64
			FollowURL string `json:"follow_url"`
		}
		mustJSON(t, body, &q)
		resp, body = call(t, s, "POST", "/api/v1/records", "", comradeBody)
		must(t, resp, body, 201)
		var rec lastseen.Record
		mustJSON(t, body, &rec)
		resp, body = call(t, s, "POST", "/api/v1/judgements", tokens["caseworker"],
			fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same"}`, rec.ID, rec.ID-1))
		must(t, resp, body, 201)
		var out lastseen.JudgementOutcome
		mustJSON(t, body, &out)
		person := fmt.Sprintf("/api/v1/persons/%d", out.PersonA)
		inquiry := fmt.Sprintf("/api/v1/inquiries/%d", q.ID)

		tests := []struct {
			name, method, path, as, body string
			status                       int
			field                        string // the field the problem must name; "" for none
		}{
			// POST /api/v1/auth/token
			{"Token/ErrMalformedJSON", "POST", "/api/v1/auth/token", "public", `{"email": `, 400, "body"},
			{"Token/ErrEmailRequired", "POST", "/api/v1/auth/token", "public", `{"password": "x"}`, 400, "email"},
			{"Token/ErrPasswordRequired", "POST", "/api/v1/auth/token", "public", `{"email": "cw@example.org"}`, 400, "password"},
			{"Token/ErrEmailType", "POST", "/api/v1/auth/token", "public", `{"email": 7, "password": "x"}`, 400, "email"},
			{"Token/ErrUnknownField", "POST", "/api/v1/auth/token", "public", `{"email": "a@b.c", "password": "x", "otp": "1"}`, 400, "otp"},
			{"Token/ErrWrongPassword", "POST", "/api/v1/auth/token", "public", `{"email": "cw@example.org", "password": "wrong"}`, 401, ""},
			{"Token/ErrUnknownEmail", "POST", "/api/v1/auth/token", "public", `{"email": "nobody@example.org", "password": "x"}`, 401, ""},
			{"Auth/ErrBadToken", "GET", "/api/v1/review", "bogus.token", "", 401, ""},
			{"Auth/ErrUnknownPrefix", "GET", "/api/v1/review", "lsffffffffffff.secret", "", 401, ""},

			// POST /api/v1/inquiries
			{"Inquiry/ErrPersonRequired", "POST", "/api/v1/inquiries", "public", `{"inquirer": {"name": "Валя"}}`, 400, "person"},
			{"Inquiry/ErrEmail", "POST", "/api/v1/inquiries", "public", `{"inquirer": {"email": "valya"}, "person": {"given_name": "Саша"}}`, 400, "inquirer.email"},
			{"Inquiry/ErrPhone", "POST", "/api/v1/inquiries", "public", `{"inquirer": {"phone": "ring me"}, "person": {"given_name": "Саша"}}`, 400, "inquirer.phone"},
			{"Inquiry/ErrLanguage", "POST", "/api/v1/inquiries", "public", `{"inquirer": {"language": "fr"}, "person": {"given_name": "Саша"}}`, 400, "inquirer.language"},
			{"Inquiry/ErrInquirerNotObject", "POST", "/api/v1/inquiries", "public", `{"inquirer": "Валя", "person": {"given_name": "Саша"}}`, 400, "inquirer"},
			{"Inquiry/ErrInquirerUnknownField", "POST", "/api/v1/inquiries", "public", `{"inquirer": {"age": 50}, "person": {"given_name": "Саша"}}`, 400, "inquirer.age"},
			{"Inquiry/ErrPersonName", "POST", "/api/v1/inquiries", "public", `{"person": {"unit": "3"}}`, 400, "person.given_name"},
			{"Inquiry/ErrPersonBirthDate", "POST", "/api/v1/inquiries", "public", `{"person": {"given_name": "Саша", "birth_date": "31.02.1994"}}`, 400, "person.birth_date"},
			{"Inquiry/ErrPersonSource", "POST", "/api/v1/inquiries", "public", `{"person": {"given_name": "Саша", "source_id": 1}}`, 400, "person.source"},
			{"Inquiry/ErrPersonClaim", "POST", "/api/v1/inquiries", "public", `{"person": {"given_name": "Саша", "claims": [{"status": "lost"}]}}`, 400, "person.claims[0].status"},
			{"Inquiry/ErrUnknownField", "POST", "/api/v1/inquiries", "public", `{"person": {"given_name": "Саша"}, "urgent": true}`, 400, "urgent"},
			{"Inquiry/ErrEveryFieldAtOnce", "POST", "/api/v1/inquiries", "public", `{"inquirer": {"email": "valya"}, "person": {"given_name": "Саша", "birth_date": "1994-13"}}`, 400, "inquirer.email"},

			// GET /api/v1/inquiries
			{"Inquiries/ErrPublic", "GET", "/api/v1/inquiries", "public", "", 401, ""},
			{"Inquiries/ErrReporter", "GET", "/api/v1/inquiries", "reporter", "", 403, ""},
			{"Inquiries/ErrState", "GET", "/api/v1/inquiries?state=lost", "caseworker", "", 400, "state"},
			{"Inquiries/ErrLimit", "GET", "/api/v1/inquiries?limit=0", "caseworker", "", 400, "limit"},
			{"Inquiries/ErrPersonID", "GET", "/api/v1/inquiries?person_id=x", "caseworker", "", 400, "person_id"},

			// GET /api/v1/inquiries/{id} and close
			{"InquiryGet/ErrPublic", "GET", inquiry, "public", "", 401, ""},
			{"InquiryGet/ErrReporter", "GET", inquiry, "reporter", "", 403, ""},
			{"InquiryGet/ErrID", "GET", "/api/v1/inquiries/abc", "caseworker", "", 404, "id"},
			{"InquiryGet/ErrNotFound", "GET", "/api/v1/inquiries/99999", "caseworker", "", 404, ""},
			{"InquiryClose/ErrPublic", "POST", inquiry + "/close", "public", "", 401, ""},
			{"InquiryClose/ErrNotFound", "POST", "/api/v1/inquiries/99999/close", "caseworker", "", 404, ""},

			// GET /api/v1/inquiries/follow/{token}
			{"Follow/ErrShortToken", "GET", lshttp.FollowPath + "abc", "public", "", 404, "token"},
			{"Follow/ErrUnknownToken", "GET", lshttp.FollowPath + strings.Repeat("x", 43), "public", "", 404, ""},
			{"FollowClose/ErrShortToken", "POST", lshttp.FollowPath + "abc/close", "public", "", 404, "token"},
			{"FollowClose/ErrUnknownToken", "POST", lshttp.FollowPath + strings.Repeat("x", 43) + "/close", "public", "", 404, ""},
			{"InquiryClose/ErrID", "POST", "/api/v1/inquiries/abc/close", "caseworker", "", 404, "id"},
			{"InquiryClose/ErrReporter", "POST", inquiry + "/close", "reporter", "", 403, ""},

			// GET /api/v1/review
			{"Review/ErrPublic", "GET", "/api/v1/review", "public", "", 401, ""},
			{"Review/ErrReporter", "GET", "/api/v1/review", "reporter", "", 403, ""},
			{"Review/ErrLimit", "GET", "/api/v1/review?limit=many", "caseworker", "", 400, "limit"},
			{"Review/ErrOffset", "GET", "/api/v1/review?offset=-1", "caseworker", "", 400, "offset"},

			// GET /api/v1/review/deaths and conflicts
			{"Deaths/ErrPublic", "GET", "/api/v1/review/deaths", "public", "", 401, ""},
			{"Deaths/ErrReporter", "GET", "/api/v1/review/deaths", "reporter", "", 403, ""},
			{"Deaths/ErrLimit", "GET", "/api/v1/review/deaths?limit=1000", "caseworker", "", 400, "limit"},
			{"Conflicts/ErrPublic", "GET", "/api/v1/review/conflicts", "public", "", 401, ""},
			{"Conflicts/ErrOffset", "GET", "/api/v1/review/conflicts?offset=x", "caseworker", "", 400, "offset"},

			// POST /api/v1/judgements
			{"Judgement/ErrPublic", "POST", "/api/v1/judgements", "public", `{}`, 401, ""},
			{"Judgement/ErrReporter", "POST", "/api/v1/judgements", "reporter", `{}`, 403, ""},
			{"Judgement/ErrVerdict", "POST", "/api/v1/judgements", "caseworker", fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "maybe"}`, rec.ID, rec.ID-1), 400, "verdict"},
			{"Judgement/ErrRecordARequired", "POST", "/api/v1/judgements", "caseworker", `{"record_b": 1, "verdict": "same"}`, 400, "record_a"},
			{"Judgement/ErrRecordBType", "POST", "/api/v1/judgements", "caseworker", `{"record_a": 1, "record_b": "two", "verdict": "same"}`, 400, "record_b"},
			{"Judgement/ErrSameRecord", "POST", "/api/v1/judgements", "caseworker", `{"record_a": 1, "record_b": 1, "verdict": "same"}`, 400, "record_b"},
			{"Judgement/ErrRecordNotFound", "POST", "/api/v1/judgements", "caseworker", fmt.Sprintf(`{"record_a": %d, "record_b": 99999, "verdict": "same"}`, rec.ID), 404, "record_b"},
			{"Judgement/ErrUnknownField", "POST", "/api/v1/judgements", "caseworker", `{"record_a": 1, "record_b": 2, "verdict": "same", "force": true}`, 400, "force"},

			// GET /api/v1/persons/{id}
			{"Person/ErrID", "GET", "/api/v1/persons/x", "public", "", 404, "id"},
			{"Person/ErrNotFound", "GET", "/api/v1/persons/99999", "public", "", 404, ""},

			// GET /api/v1/persons/{id}/history
			{"History/ErrID", "GET", "/api/v1/persons/x/history", "public", "", 404, "id"},
			{"History/ErrNotFound", "GET", "/api/v1/persons/99999/history", "public", "", 404, ""},

			// POST /api/v1/persons/{id}/verifications
			{"Verify/ErrPublic", "POST", person + "/verifications", "public", `{}`, 401, ""},
			{"Verify/ErrReporter", "POST", person + "/verifications", "reporter", `{}`, 403, ""},
			{"Verify/ErrStatus", "POST", person + "/verifications", "caseworker", `{"status": "missing", "method": "x"}`, 400, "status"},
			{"Verify/ErrMethodRequired", "POST", person + "/verifications", "caseworker", `{"status": "dead"}`, 400, "method"},
			{"Verify/ErrDate", "POST", person + "/verifications", "caseworker", `{"status": "dead", "method": "x", "date": "31.02.2022"}`, 400, "date"},
			{"Verify/ErrUnknownField", "POST", person + "/verifications", "caseworker", `{"status": "dead", "method": "x", "by": "me"}`, 400, "by"},
			{"Verify/ErrPersonNotFound", "POST", "/api/v1/persons/99999/verifications", "caseworker", `{"status": "dead", "method": "x"}`, 404, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				token, ok := tokens[tt.as]
				if !ok {
					token = tt.as // a literal token
				}
				resp, body := call(t, s, tt.method, tt.path, token, tt.body)
				if resp.StatusCode != tt.status {
					t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
				}
				if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("Content-Type %q: %s", ct, body)
				}
				var p lshttp.Problem
				mustJSON(t, body, &p)
				if p.Status != tt.status || p.Detail == "" {
					t.Fatalf("problem %+v", p)
				}
				if tt.field == "" {
					return
				}
				for _, f := range p.Errors {
					if f.Field == tt.field {
						return
					}
				}
				t.Fatalf("problem does not name %q: %s", tt.field, body)
			})
		}
	})
}

// TestCaseRoutes_Review checks that the queue shows caseworkers each open
// pair with both records and the explanation, most urgent first, and that a
// judgement takes the pair out of it.
func TestCaseRoutes_Review(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "cw@example.org")
		var ids []int64
		for _, b := range []string{comradeBody, sergeantBody} {
			resp, body := call(t, s, "POST", "/api/v1/records", "", b)
			must(t, resp, body, 201)
			var r lastseen.Record
			mustJSON(t, body, &r)
			ids = append(ids, r.ID)
		}
		err := sqldb.NewReviewService(db).EnqueueReview(t.Context(), []*lastseen.ReviewItem{{
			RecordA: ids[0], RecordB: ids[1], Score: 3.5, Priority: 2,
			Fields: []lastseen.FieldWeight{{Field: "family_name", Level: "translit", Weight: 5.2, A: "Kovalenko", B: "Коваленко"}},
		}})
		if err != nil {
			t.Fatal(err)
		}
		resp, body := call(t, s, "GET", "/api/v1/review", cw, "")
		must(t, resp, body, 200)
		var queue struct {
			Items []*lastseen.ReviewCase
			Total int
		}
		mustJSON(t, body, &queue)
		if queue.Total != 1 || queue.Items[0].A.FamilyName != "Kovalenko" || queue.Items[0].B.FamilyName != "Коваленко" ||
			queue.Items[0].Fields[0].Level != "translit" || queue.Items[0].A.Submitter.IsZero() {
			t.Fatalf("queue %s", body)
		}
		resp, body = call(t, s, "POST", "/api/v1/judgements", cw, fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "not_same"}`, ids[0], ids[1]))
		must(t, resp, body, 201)
		resp, body = call(t, s, "GET", "/api/v1/review", cw, "")
		must(t, resp, body, 200)
		mustJSON(t, body, &queue)
		if queue.Total != 0 || len(queue.Items) != 0 {
			t.Fatalf("judged pair still queued: %s", body)
		}
	})
}

// TestCaseRoutes_RecordSubmitter checks that a reporter's identity leaves the
// server only for a caseworker, and that the read is audited.
func TestCaseRoutes_RecordSubmitter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "cw@example.org")
		reporter := signIn(t, db, s, lastseen.RoleReporter, "rep@example.org")
		resp, body := call(t, s, "POST", "/api/v1/records", reporter, comradeBody)
		must(t, resp, body, 201)
		var rec lastseen.Record
		mustJSON(t, body, &rec)
		path := fmt.Sprintf("/api/v1/records/%d", rec.ID)

		resp, body = call(t, s, "GET", path, "", "")
		must(t, resp, body, 200)
		if strings.Contains(body, "submitter") {
			t.Fatalf("the public sees the submitter: %s", body)
		}
		resp, body = call(t, s, "GET", path, cw, "")
		must(t, resp, body, 200)
		mustJSON(t, body, &rec)
		if rec.Submitter.Kind != lastseen.SubmitterUser {
			t.Fatalf("the caseworker does not see the submitter: %s", body)
		}
		evs, err := sqldb.NewAuditService(db).FindAuditEvents(t.Context(), lastseen.AuditFilter{Subject: fmt.Sprintf("record:%d", rec.ID), Action: "protected.read"})
		if err != nil || len(evs) != 1 || evs[0].Detail != "submitter" {
			t.Fatalf("audit: %+v %v", evs, err)
		}
	})
}

// TestCaseRoutes_Follow checks that the follow link opens its own inquiry
// and no other, and lets the inquirer close it.
func TestCaseRoutes_Follow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		var links []string
		for range 2 {
			resp, body := call(t, s, "POST", "/api/v1/inquiries", "", motherBody)
			must(t, resp, body, 201)
			var q struct {
				FollowURL string `json:"follow_url"`
			}
			mustJSON(t, body, &q)
			links = append(links, q.FollowURL[strings.Index(q.FollowURL, lshttp.FollowPath):])
		}
		resp, body := call(t, s, "GET", links[0], "", "")
		must(t, resp, body, 200)
		var first lastseen.Inquiry
		mustJSON(t, body, &first)
		resp, body = call(t, s, "GET", links[1], "", "")
		must(t, resp, body, 200)
		var second lastseen.Inquiry
		mustJSON(t, body, &second)
		if first.ID == second.ID || first.Record == nil || first.Record.FamilyName != "Коваленко" {
			t.Fatalf("follow links open %d and %d: %+v", first.ID, second.ID, first)
		}
		resp, body = call(t, s, "POST", links[0]+"/close", "", "")
		must(t, resp, body, 200)
		mustJSON(t, body, &first)
		if first.State != lastseen.InquiryClosed {
			t.Fatalf("closed inquiry: %s", body)
		}
		resp, body = call(t, s, "GET", links[1], "", "")
		must(t, resp, body, 200)
		mustJSON(t, body, &second)
		if second.State != lastseen.InquiryOpen {
			t.Fatalf("closing one inquiry moved another: %s", body)
		}
	})
}

// TestCaseRoutes_History checks that a merge and a split are kept in a
// person's history, with the judgements that made them.
func TestCaseRoutes_History(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "cw@example.org")
		var ids []int64
		for _, b := range []string{comradeBody, sergeantBody} {
			resp, body := call(t, s, "POST", "/api/v1/records", "", b)
			must(t, resp, body, 201)
			var r lastseen.Record
			mustJSON(t, body, &r)
			ids = append(ids, r.ID)
		}
		var out lastseen.JudgementOutcome
		for _, verdict := range []string{"same", "not_same"} {
			resp, body := call(t, s, "POST", "/api/v1/judgements", cw, fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": %q}`, ids[0], ids[1], verdict))
			must(t, resp, body, 201)
			mustJSON(t, body, &out)
		}
		// As a caseworker: the record left in out.PersonA reports a death no
		// one has verified, which the public does not see.
		resp, body := call(t, s, "GET", fmt.Sprintf("/api/v1/persons/%d/history", out.PersonA), cw, "")
		must(t, resp, body, 200)
		var h struct {
			Links      []*lastseen.Link
			Judgements []*lastseen.Judgement
		}
		mustJSON(t, body, &h)
		var ended int
		for _, l := range h.Links {
			if l.RemovedAt != nil {
				ended++
			}
		}
		if len(h.Links) != 2 || ended != 1 || len(h.Judgements) != 2 || h.Judgements[0].Verdict != lastseen.VerdictNotSame {
			t.Fatalf("history %s", body)
		}
	})
}

// TestCaseRoutes_FollowTokenNotLogged checks that the secret of a follow
// link never reaches the request log.
func TestCaseRoutes_FollowTokenNotLogged(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		var log strings.Builder
		s.Logger = slog.New(slog.NewTextHandler(&log, nil))
		resp, body := call(t, s, "POST", "/api/v1/inquiries", "", motherBody)
		must(t, resp, body, 201)
		var q struct {
			FollowURL string `json:"follow_url"`
		}
		mustJSON(t, body, &q)
		token := q.FollowURL[strings.Index(q.FollowURL, lshttp.FollowPath)+len(lshttp.FollowPath):]
		resp, body = call(t, s, "GET", lshttp.FollowPath+token, "", "")
		must(t, resp, body, 200)
		resp, body = call(t, s, "POST", lshttp.FollowPath+token+"/close", "", "")
		must(t, resp, body, 200)
		if strings.Contains(log.String(), token) || !strings.Contains(log.String(), "follow/{token}/close") {
			t.Fatalf("log:\n%s", log.String())
		}
	})
}
