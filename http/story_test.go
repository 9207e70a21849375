package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/secret"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// caseServer is a server on a real database, with every service the cases
// routes need.
func caseServer(t *testing.T, db *sqldb.DB) *lshttp.Server {
	t.Helper()
	s := lshttp.NewServer()
	s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s.RecordService = sqldb.NewRecordService(db)
	s.SourceService = sqldb.NewSourceService(db)
	s.InquiryService = sqldb.NewInquiryService(db)
	s.CaseService = sqldb.NewCaseService(db)
	s.PersonService = sqldb.NewPersonService(db)
	s.JudgementService = sqldb.NewJudgementService(db)
	s.UserService = sqldb.NewUserService(db)
	s.APIKeyService = sqldb.NewAPIKeyService(db)
	s.AccessAuditor = sqldb.NewAuditService(db)
	return s
}

// cheap password hashing keeps the tests fast; the check reads the
// parameters from the hash.
var cheap = secret.Params{Memory: 64, Time: 1, Threads: 1}

// signIn creates an account with the role and returns a bearer token for it.
func signIn(t *testing.T, db *sqldb.DB, h http.Handler, role lastseen.Role, email string) string {
	t.Helper()
	hash, err := secret.HashPassword("correct horse battery", cheap)
	if err != nil {
		t.Fatal(err)
	}
	u := &lastseen.User{Name: string(role), Email: email, Role: role, PasswordHash: hash}
	if err := sqldb.NewUserService(db).CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	resp, body := call(t, h, "POST", "/api/v1/auth/token", "", fmt.Sprintf(`{"email": %q, "password": "correct horse battery"}`, email))
	if resp.StatusCode != 201 {
		t.Fatalf("sign in: %d %s", resp.StatusCode, body)
	}
	var tok struct{ Token string }
	mustJSON(t, body, &tok)
	return tok.Token
}

// call serves one request, with a bearer token when token is not "".
func call(t *testing.T, h http.Handler, method, path, token, body string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	resp := w.Result()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func mustJSON(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
}

func must(t *testing.T, resp *http.Response, body string, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, body)
	}
}

// fileInquiry posts an inquiry anonymously and returns its id and the path
// of its follow link (the part from lshttp.FollowPath on).
func fileInquiry(t *testing.T, h http.Handler, body string) (int64, string) {
	t.Helper()
	resp, out := call(t, h, "POST", "/api/v1/inquiries", "", body)
	must(t, resp, out, 201)
	var created struct {
		ID        int64
		FollowURL string `json:"follow_url"`
	}
	mustJSON(t, out, &created)
	i := strings.Index(created.FollowURL, lshttp.FollowPath)
	if i < 0 {
		t.Fatalf("follow_url %q has no %s", created.FollowURL, lshttp.FollowPath)
	}
	return created.ID, created.FollowURL[i:]
}

// postRecords posts each body anonymously and returns the stored records.
func postRecords(t *testing.T, h http.Handler, bodies ...string) []lastseen.Record {
	t.Helper()
	var rs []lastseen.Record
	for _, b := range bodies {
		resp, out := call(t, h, "POST", "/api/v1/records", "", b)
		must(t, resp, out, 201)
		var r lastseen.Record
		mustJSON(t, out, &r)
		rs = append(rs, r)
	}
	return rs
}

const (
	motherBody = `{
		"inquirer": {"name": "Валя", "email": "valya@example.org", "phone": "+7 900 000-00-00", "relationship": "mother", "language": "ru"},
		"person": {"given_name": "Александр", "patronymic": "Петрович", "family_name": "Коваленко", "sex": "m",
			"birth_date": "1994-03-07", "unit": "3 ОМСБр", "last_seen_date": "2022-02-20"}
	}`
	comradeBody = `{
		"source": {"kind": "comrade", "name": "Telegram: comrades of the 3rd brigade"},
		"given_name": "Aleksandr", "family_name": "Kovalenko", "sex": "m", "birth_date": "1994", "unit": "3 OMSBr",
		"claims": [{"status": "dead", "date": "2022-02-23", "place": "near Izium", "evidence": "I saw him fall"}]
	}`
	sergeantBody = `{
		"source": {"kind": "comrade", "name": "Sergeant Hrytsenko's report"},
		"given_name": "Олександр", "family_name": "Коваленко", "patronymic": "Петрович", "birth_date": "1994-03-07",
		"claims": [{"status": "alive", "date": "2022-03-01", "evidence": "spoke with him on the radio"}]
	}`
)

// TestStory_DeathWaitsForCaseworker is the story of issue 5, end to end over
// HTTP on both databases: a mother (a pseudonym, her contact details
// protected) files an inquiry in Russian for her son; a comrade's report in
// Latin script says he died on 23 February; his sergeant's report says he is
// alive. The person shows the conflict; the mother's inquiry shows a
// candidate but no death; a caseworker verifies the death, and only then is
// the inquiry answered and a notification for the mother in the outbox.
func TestStory_DeathWaitsForCaseworker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := caseServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "caseworker@example.org")
		notes := sqldb.NewNotificationService(db)

		// The mother files her inquiry, without an account.
		resp, body := call(t, s, "POST", "/api/v1/inquiries", "", motherBody)
		must(t, resp, body, 201)
		var created struct {
			ID        int64
			State     string
			FollowURL string `json:"follow_url"`
		}
		mustJSON(t, body, &created)
		if created.State != "open" || !strings.Contains(created.FollowURL, lshttp.FollowPath) {
			t.Fatalf("created %s", body)
		}
		follow := created.FollowURL[strings.Index(created.FollowURL, lshttp.FollowPath):]

		// A comrade and the sergeant report, anonymously.
		resp, body = call(t, s, "POST", "/api/v1/records", "", comradeBody)
		must(t, resp, body, 201)
		var comrade lastseen.Record
		mustJSON(t, body, &comrade)
		resp, body = call(t, s, "POST", "/api/v1/records", "", sergeantBody)
		must(t, resp, body, 201)
		var sergeant lastseen.Record
		mustJSON(t, body, &sergeant)

		// A caseworker reads the inquiry (contact details: audited) and links
		// both reports to the son's description.
		resp, body = call(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", created.ID), cw, "")
		must(t, resp, body, 200)
		var inq lastseen.Inquiry
		mustJSON(t, body, &inq)
		if inq.Inquirer.Email != "valya@example.org" || inq.Inquirer.Language != "ru" {
			t.Fatalf("caseworker's view of the inquiry: %s", body)
		}
		for _, r := range []lastseen.Record{comrade, sergeant} {
			resp, body = call(t, s, "POST", "/api/v1/judgements", cw,
				fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same", "note": "same unit and birth date"}`, inq.RecordID, r.ID))
			must(t, resp, body, 201)
		}
		var outcome lastseen.JudgementOutcome
		mustJSON(t, body, &outcome)
		personPath := fmt.Sprintf("/api/v1/persons/%d", outcome.PersonA)

		// The person shows the conflict to the caseworker.
		resp, body = call(t, s, "GET", personPath, cw, "")
		must(t, resp, body, 200)
		var person lastseen.Person
		mustJSON(t, body, &person)
		deathClaim := comrade.Claims[0].ID
		if person.Status != lastseen.StatusAlive || fmt.Sprint(person.Conflict) != fmt.Sprint([]int64{deathClaim}) || len(person.Timeline) != 3 {
			t.Fatalf("caseworker's view of the person: status %q conflict %v, %d claims", person.Status, person.Conflict, len(person.Timeline))
		}
		if person.Timeline[0].Submitter.IsZero() {
			t.Fatal("the caseworker does not see who reported")
		}

		// Neither the public nor the mother sees a death, nor who reported.
		resp, body = call(t, s, "GET", personPath, "", "")
		must(t, resp, body, 200)
		for _, leak := range []string{`"dead"`, "I saw him fall", `"submitter"`} {
			if strings.Contains(body, leak) {
				t.Fatalf("the public person page shows %s: %s", leak, body)
			}
		}
		resp, body = call(t, s, "GET", follow, "", "")
		must(t, resp, body, 200)
		var seen lastseen.Inquiry
		mustJSON(t, body, &seen)
		if seen.State != lastseen.InquiryCandidateFound || seen.Status != "" || strings.Contains(body, "dead") {
			t.Fatalf("the mother sees %s", body)
		}
		if strings.Contains(body, "valya@") || strings.Contains(body, "Валя") || strings.Contains(body, "+7 900") {
			t.Fatalf("contact details leave the server through the follow link: %s", body)
		}
		ns, err := notes.FindNotifications(context.Background(), lastseen.NotificationFilter{InquiryID: created.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			if n.Kind == lastseen.NotifyStatus || strings.Contains(n.Payload, "dead") {
				t.Fatalf("notified before verification: %s %s", n.Kind, n.Payload)
			}
		}

		// The death awaits a caseworker, the mother's son first in the list.
		resp, body = call(t, s, "GET", "/api/v1/review/deaths", cw, "")
		must(t, resp, body, 200)
		var deaths struct {
			Persons []*lastseen.CaseSummary
			Total   int
		}
		mustJSON(t, body, &deaths)
		// (his status is alive, by the later proof of life: he is in the
		// conflicts, not the deaths)
		resp, body = call(t, s, "GET", "/api/v1/review/conflicts", cw, "")
		must(t, resp, body, 200)
		var conflicts struct {
			Persons []*lastseen.CaseSummary
			Total   int
		}
		mustJSON(t, body, &conflicts)
		if deaths.Total != 0 || conflicts.Total != 1 || conflicts.Persons[0].ID != outcome.PersonA || conflicts.Persons[0].Inquiries != 1 {
			t.Fatalf("work lists: deaths %+v, conflicts %s", deaths, body)
		}

		// The caseworker verifies the death; now the mother is answered.
		resp, body = call(t, s, "POST", personPath+"/verifications", cw,
			`{"status": "dead", "date": "2022-02-23", "method": "official death certificate", "note": "certificate no. 17"}`)
		must(t, resp, body, 201)
		resp, body = call(t, s, "GET", follow, "", "")
		must(t, resp, body, 200)
		mustJSON(t, body, &seen)
		if seen.State != lastseen.InquiryAnswered || seen.Status != lastseen.StatusDead || !seen.Verified {
			t.Fatalf("after verification the mother sees %s", body)
		}
		ns, err = notes.FindNotifications(context.Background(), lastseen.NotificationFilter{InquiryID: created.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(ns) == 0 {
			t.Fatal("no notification for the mother")
		}
		last := ns[len(ns)-1]
		if last.Kind != lastseen.NotifyStatus || !strings.Contains(last.Payload, `"status":"dead"`) || !strings.Contains(last.Payload, `"verified":true`) {
			t.Fatalf("last notification %s %s", last.Kind, last.Payload)
		}

		// Every read of her contact details was audited.
		evs, err := sqldb.NewAuditService(db).FindAuditEvents(context.Background(),
			lastseen.AuditFilter{Subject: fmt.Sprintf("inquiry:%d", created.ID), Action: "protected.read"})
		if err != nil || len(evs) != 1 || evs[0].ActorKind != "user" {
			t.Fatalf("audit of contact reads: %+v %v", evs, err)
		}
	})
}

// TestStory_WithLinker tells the same story with the real incremental linker
// (package index) behind the server: nobody links by hand. The comrade's
// Latin-script report must link to the son or land in the review queue on
// its own; a caseworker confirms what the queue asks, sees the conflict,
// verifies the death, and only then is the mother answered.
func TestStory_WithLinker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := linkerServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "caseworker@example.org")

		inquiryID, follow := fileInquiry(t, s, motherBody)
		records := postRecords(t, s, comradeBody, sergeantBody)
		comrade := records[0]

		// The matcher found the son on its own: the mother sees a candidate,
		// and no death.
		resp, body := call(t, s, "GET", follow, "", "")
		must(t, resp, body, 200)
		var seen lastseen.Inquiry
		mustJSON(t, body, &seen)
		if seen.State != lastseen.InquiryCandidateFound || seen.Status != "" || strings.Contains(body, "dead") {
			t.Fatalf("after both reports the mother sees %s", body)
		}

		// The caseworker answers every question the queue asks about him.
		resp, body = call(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", inquiryID), cw, "")
		must(t, resp, body, 200)
		var inq lastseen.Inquiry
		mustJSON(t, body, &inq)
		resp, body = call(t, s, "GET", "/api/v1/review", cw, "")
		must(t, resp, body, 200)
		var queue struct{ Items []*lastseen.ReviewCase }
		mustJSON(t, body, &queue)
		for _, it := range queue.Items {
			if len(it.Fields) == 0 {
				t.Fatalf("review item %d without an explanation", it.ID)
			}
			resp, body = call(t, s, "POST", "/api/v1/judgements", cw,
				fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same"}`, it.RecordA, it.RecordB))
			must(t, resp, body, 201)
		}
		mustJSON(t, must2(t, s, "GET", fmt.Sprintf("/api/v1/inquiries/%d", inquiryID), cw), &inq)
		if inq.PersonID == 0 {
			t.Fatal("the son's description is linked to no one")
		}
		personPath := fmt.Sprintf("/api/v1/persons/%d", inq.PersonID)
		var person lastseen.Person
		mustJSON(t, must2(t, s, "GET", personPath, cw), &person)
		if len(person.Records) != 3 {
			t.Fatalf("the son has %d records, want the description and both reports (queue had %d items)", len(person.Records), len(queue.Items))
		}
		if person.Status != lastseen.StatusAlive || fmt.Sprint(person.Conflict) != fmt.Sprint([]int64{comrade.Claims[0].ID}) {
			t.Fatalf("person: status %q conflict %v", person.Status, person.Conflict)
		}
		ns, err := sqldb.NewNotificationService(db).FindNotifications(ctx, lastseen.NotificationFilter{InquiryID: inquiryID})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			if n.Kind == lastseen.NotifyStatus || strings.Contains(n.Payload, "dead") {
				t.Fatalf("notified before verification: %s %s", n.Kind, n.Payload)
			}
		}

		resp, body = call(t, s, "POST", personPath+"/verifications", cw, `{"status": "dead", "date": "2022-02-23", "method": "official death certificate"}`)
		must(t, resp, body, 201)
		mustJSON(t, must2(t, s, "GET", follow, ""), &seen)
		if seen.State != lastseen.InquiryAnswered || seen.Status != lastseen.StatusDead || !seen.Verified {
			t.Fatalf("after verification the mother sees %+v", seen)
		}
		ns, err = sqldb.NewNotificationService(db).FindNotifications(ctx, lastseen.NotificationFilter{InquiryID: inquiryID})
		if err != nil || len(ns) == 0 {
			t.Fatalf("outbox: %v, %v", ns, err)
		}
		if last := ns[len(ns)-1]; last.Kind != lastseen.NotifyStatus || !strings.Contains(last.Payload, `"status":"dead"`) {
			t.Fatalf("last notification %s %s", last.Kind, last.Payload)
		}
	})
}

// must2 serves a GET that must succeed and returns its body.
func must2(t *testing.T, h http.Handler, method, path, token string) string {
	t.Helper()
	resp, body := call(t, h, method, path, token, "")
	must(t, resp, body, 200)
	return body
}
