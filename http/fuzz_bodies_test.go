package http_test

import (
	"context"
	"encoding/json"
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

// FuzzCaseBodies posts arbitrary bodies to every JSON route that takes one
// beyond POST /api/v1/records (FuzzDecodeRecord): whatever the body, the
// answer is a success or a problem+json; a 400 names at least one field, and
// nothing is a 500. (Under -fuzz it runs without coverage guidance at a
// useful speed: go test -c, then ./http.test -test.fuzz FuzzCaseBodies;
// instrumented, the SQLite driver makes each execution very slow.)
func FuzzCaseBodies(f *testing.F) {
	for _, b := range []string{
		motherBody, comradeBody,
		`{"record_a": 1, "record_b": 2, "verdict": "same", "note": "x"}`,
		`{"status": "dead", "date": "2022-02-23", "method": "certificate"}`,
		`{"email": "caseworker@example.org", "password": "correct horse battery"}`,
		`{"source": {"kind": "official", "name": "MoD"}, "side": "ua", "status": "dead", "count": 37870, "as_of": "2024-05-01"}`,
		`{"inquirer": {"name": 5, "email": []}, "person": {"given_name": "Саша", "claims": [null]}}`,
		`{"inquirer": null, "person": null}`,
		`{"record_a": -1, "record_b": 1e400, "verdict": null}`,
		`{"status": "alive", "date": "31.02.2022", "method": "", "note": {}}`,
		`{"a":1,"a":2}`, `[]`, `null`, `"x"`, `{`, "{\"person\": {\"given_name\": \"\xff\"}}",
	} {
		f.Add([]byte(b))
	}
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dbtest.SQLiteDSN(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
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
	s.EstimateService = sqldb.NewEstimateService(db)
	s.StatsService = sqldb.NewStatsService(db)

	// A caseworker, and two records (ids 1 and 2) for judgements to name ...
	hash, err := secret.HashPassword("correct horse battery", cheap)
	if err != nil {
		f.Fatal(err)
	}
	if err := s.UserService.CreateUser(ctx, &lastseen.User{Name: "cw", Email: "caseworker@example.org", Role: lastseen.RoleCaseworker, PasswordHash: hash}); err != nil {
		f.Fatal(err)
	}
	status, out := post(s, "/api/v1/auth/token", "", `{"email": "caseworker@example.org", "password": "correct horse battery"}`)
	var tok struct{ Token string }
	if status != 201 || json.Unmarshal([]byte(out), &tok) != nil || tok.Token == "" {
		f.Fatalf("sign in: %d %s", status, out)
	}
	cw := tok.Token
	for _, b := range []string{comradeBody, sergeantBody} {
		if status, out := post(s, "/api/v1/records", "", b); status != 201 {
			f.Fatalf("record: %d %s", status, out)
		}
	}
	// ... linked into person 1, for verifications to name.
	if status, out := post(s, "/api/v1/judgements", cw, `{"record_a": 1, "record_b": 2, "verdict": "same"}`); status != 201 {
		f.Fatalf("judgement: %d %s", status, out)
	}
	routes := []struct{ path, token string }{
		{"/api/v1/inquiries", ""},
		{"/api/v1/judgements", cw},
		{"/api/v1/persons/1/verifications", cw},
		{"/api/v1/auth/token", ""},
		{"/api/v1/estimates", cw},
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, r := range routes {
			resp, out := call(t, s, "POST", r.path, r.token, string(body))
			switch {
			case resp.StatusCode >= 500:
				t.Fatalf("POST %s %q: %d %s", r.path, body, resp.StatusCode, out)
			case resp.StatusCode < 300:
				continue
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Fatalf("POST %s %q: %d with Content-Type %q", r.path, body, resp.StatusCode, ct)
			}
			var p lshttp.Problem
			mustJSON(t, out, &p)
			if resp.StatusCode == 400 && len(p.Errors) == 0 {
				t.Fatalf("POST %s %q: a 400 that names no field: %s", r.path, body, out)
			}
			for _, fe := range p.Errors {
				if strings.TrimSpace(fe.Field) == "" || fe.Message == "" {
					t.Fatalf("POST %s %q: empty field error: %s", r.path, body, out)
				}
			}
		}
	})
}

// post serves one POST request and returns the status and body.
func post(h http.Handler, path, token, body string) (int, string) {
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}
