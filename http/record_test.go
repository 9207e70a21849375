package http_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
)

const validBody = `{"source": {"kind": "family", "name": "Inquiry desk"}, "given_name": "Олександр",
	"family_name": "Коваленко", "patronymic": "Миколайович", "birth_date": "1994-03",
	"claims": [{"status": "missing", "date": "2022-02-23", "place": "near Izium"}]}`

func TestCreateRecord(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		s, svc := newServer(t)
		resp, body := do(t, s, "POST", "/api/v1/records", "application/json; charset=utf-8", validBody)
		if resp.StatusCode != 201 {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		var got lastseen.Record
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID == 0 || resp.Header.Get("Location") != fmt.Sprintf("/api/v1/records/%d", got.ID) {
			t.Fatalf("id %d, Location %q", got.ID, resp.Header.Get("Location"))
		}
		if got.GivenName != "Олександр" || got.FamilyName != "Коваленко" || got.Patronymic != "Миколайович" ||
			got.BirthDate != lastseen.MustParseDate("1994-03") || got.Source == nil || got.Source.Name != "Inquiry desk" {
			t.Fatalf("record = %+v", got)
		}
		if len(got.Claims) != 1 || got.Claims[0].Status != lastseen.StatusMissing ||
			got.Claims[0].Date != lastseen.NewDate(2022, 2, 23) || got.Claims[0].Place != "near Izium" {
			t.Fatalf("claims = %+v", got.Claims)
		}
		// The reporter's identity is stored but never shown.
		if strings.Contains(body, "submitter") {
			t.Fatalf("response shows the submitter: %s", body)
		}
		stored := svc.byID[got.ID]
		if stored.Submitter.Kind != lastseen.SubmitterAnonymous || len(stored.Submitter.ID) < 16 {
			t.Fatalf("stored submitter = %+v", stored.Submitter)
		}

		resp, body = do(t, s, "GET", fmt.Sprintf("/api/v1/records/%d", got.ID), "", "")
		if resp.StatusCode != 200 || !strings.Contains(body, `"Коваленко"`) || strings.Contains(body, "submitter") {
			t.Fatalf("GET: %d %s", resp.StatusCode, body)
		}
	})
	t.Run("FullNameAndSourceID", func(t *testing.T) {
		s, _ := newServer(t)
		resp, body := do(t, s, "POST", "/api/v1/records", "", `{"source_id": 7, "full_name": "Іван Петренко", "claims": [{"status": "pow"}]}`)
		if resp.StatusCode != 201 {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		var got lastseen.Record
		json.Unmarshal([]byte(body), &got)
		if got.SourceID != 7 || got.FullName != "Іван Петренко" || got.Claims[0].Status != lastseen.StatusCaptured {
			t.Fatalf("record = %+v, claim %+v", got, got.Claims[0])
		}
	})

	// Every invalid request names every offending field.
	tests := []struct {
		name   string
		body   string
		status int
		fields []string
		detail string // a substring of the first field's message
	}{
		{"ErrBirthDateNotReal", `{"source_id": 7, "given_name": "A", "birth_date": "31.02.1994"}`,
			400, []string{"birth_date"}, "not a real date"},
		{"ErrClaimDate", `{"source_id": 7, "given_name": "A", "claims": [{"status": "dead"}, {"status": "missing", "date": "2022-13"}]}`,
			400, []string{"claims[1].date"}, "no month 13"},
		{"ErrUnknownField", `{"source_id": 7, "given_name": "A", "surname": "B"}`,
			400, []string{"surname"}, "not a known field"},
		{"ErrUnknownNestedField", `{"source": {"kind": "family", "name": "X", "colour": 1}, "given_name": "A", "claims": [{"status": "alive", "when": "now"}]}`,
			400, []string{"source.colour", "claims[0].when"}, "not a known field"},
		{"ErrWrongTypes", `{"source_id": "7", "given_name": 5, "civilian": "yes", "claims": {}}`,
			400, []string{"source_id", "given_name", "civilian", "claims"}, "must be an integer, not a string"},
		{"ErrNotInteger", `{"source_id": 7.5, "given_name": "A"}`,
			400, []string{"source_id"}, "must be an integer, not 7.5"},
		{"ErrEveryField", `{"source": {"kind": "rumour"}, "sex": "x", "birth_date": "1994-02-30", "claims": [{"status": "lost", "credibility": 9}]}`,
			400, []string{"birth_date", "given_name", "sex", "source.name", "source.kind", "claims[0].status", "claims[0].credibility"}, "not a real date"},
		{"ErrSourceRequired", `{"given_name": "A"}`, 400, []string{"source"}, "required"},
		{"ErrSourceTwice", `{"source_id": 7, "source": {"kind": "family", "name": "X"}, "given_name": "A"}`,
			400, []string{"source"}, "not both"},
		{"ErrDuplicateField", `{"given_name": "A", "given_name": "B"}`, 400, []string{"given_name"}, "twice"},
		{"ErrMalformed", `{"given_name": "A",, }`, 400, []string{"body"}, "byte offset 19"},
		{"ErrTruncated", `{"given_name": "A"`, 400, []string{"body"}, "unexpected end"},
		{"ErrTrailingData", `{"given_name": "A", "source_id": 7} {}`, 400, []string{"body"}, "data after the object"},
		{"ErrNotObject", `[1, 2]`, 400, []string{"body"}, "must be a JSON object"},
		{"ErrEmpty", ``, 400, []string{"body"}, "unexpected end"},
		{"ErrSourceNotFound", `{"source_id": 8, "given_name": "A"}`, 404, nil, "Source 8 not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, svc := newServer(t)
			resp, body := do(t, s, "POST", "/api/v1/records", "application/json", tt.body)
			p := decodeProblem(t, resp, body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			var got []string
			for _, f := range p.Errors {
				got = append(got, f.Field)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.fields) {
				t.Fatalf("fields = %v, want %v: %s", got, tt.fields, body)
			}
			msg := p.Detail
			if len(p.Errors) > 0 {
				msg = p.Errors[0].Message
			}
			if !strings.Contains(msg, tt.detail) {
				t.Fatalf("message %q lacks %q", msg, tt.detail)
			}
			if len(svc.byID) != 0 {
				t.Fatal("an invalid record was stored")
			}
		})
	}

	t.Run("ErrTooLarge", func(t *testing.T) {
		s, _ := newServer(t)
		big := `{"source_id": 7, "given_name": "A", "notes": "` + strings.Repeat("x", lshttp.MaxJSONBody) + `"}`
		resp, body := do(t, s, "POST", "/api/v1/records", "application/json", big)
		decodeProblem(t, resp, body)
		if resp.StatusCode != 413 {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
	t.Run("ErrInternalHidden", func(t *testing.T) {
		s, svc := newServer(t)
		svc.err = fmt.Errorf("pq: relation \"records\" does not exist")
		resp, body := do(t, s, "POST", "/api/v1/records", "application/json", validBody)
		p := decodeProblem(t, resp, body)
		if resp.StatusCode != 500 || p.Detail != "Internal error." || strings.Contains(body, "relation") {
			t.Fatalf("got %d %s", resp.StatusCode, body)
		}
	})
}

func TestGetRecord(t *testing.T) {
	s, _ := newServer(t)
	for _, tt := range []struct{ name, path string }{
		{"ErrNotFound", "/api/v1/records/42"},
		{"ErrNotAnID", "/api/v1/records/abc"},
		{"ErrNegative", "/api/v1/records/-1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, s, "GET", tt.path, "", "")
			if p := decodeProblem(t, resp, body); p.Status != 404 || p.Code != lastseen.ENOTFOUND {
				t.Fatalf("got %s", body)
			}
		})
	}
}

// FuzzDecodeRecord checks that the decoder never panics and that it either
// returns a valid record or an invalid-input error naming at least one field.
func FuzzDecodeRecord(f *testing.F) {
	f.Add([]byte(validBody))
	f.Add([]byte(`{"source_id": 7, "full_name": "Іван", "claims": [{"status": "pow", "date": "20220301"}]}`))
	f.Add([]byte(`{"source_id": "7", "given_name": 5, "civilian": "yes", "claims": {}}`))
	f.Add([]byte(`{"source": {"kind": "rumour"}, "sex": "x", "birth_date": "1994-02-30"}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Add([]byte(`{"claims": [null, 1, {"status": null}]}`))
	f.Add([]byte(`{"given_name": "A",, }`))
	f.Add([]byte(`null`))
	f.Add([]byte("{\"given_name\": \"\xff\", \"source_id\": 1}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		rec, err := lshttp.DecodeRecord(body)
		if err != nil {
			if rec != nil {
				t.Fatal("a record and an error")
			}
			if lastseen.ErrorCode(err) != lastseen.EINVALID {
				t.Fatalf("code %q: %v", lastseen.ErrorCode(err), err)
			}
			fs := lastseen.ErrorFields(err)
			if len(fs) == 0 {
				t.Fatalf("no field named: %v", err)
			}
			for _, fe := range fs {
				if fe.Field == "" || fe.Message == "" {
					t.Fatalf("empty field error in %v", err)
				}
			}
			return
		}
		if err := rec.Validate(); err != nil {
			t.Fatalf("decoded record is invalid: %v", err)
		}
	})
}
