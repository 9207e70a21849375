package http_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// TestRecordRoundTrip posts the example record and reads it back, on
// each database, over a real listener: the Cyrillic comes back intact.
func TestRecordRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := lshttp.NewServer()
		s.Addr = "127.0.0.1:0"
		s.Logger = newTestLogger(t)
		s.RecordService = sqldb.NewRecordService(db)
		s.SourceService = sqldb.NewSourceService(db)
		s.HealthCheck = db.Ping
		if err := s.Open(); err != nil {
			t.Fatal(err)
		}
		defer s.Close()

		resp, err := http.Post(s.URL()+"/api/v1/records", "application/json", strings.NewReader(validBody))
		if err != nil {
			t.Fatal(err)
		}
		var created lastseen.Record
		json.NewDecoder(resp.Body).Decode(&created)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated || created.ID == 0 {
			t.Fatalf("POST: %d %+v", resp.StatusCode, created)
		}

		resp, err = http.Get(fmt.Sprintf("%s/api/v1/records/%d", s.URL(), created.ID))
		if err != nil {
			t.Fatal(err)
		}
		var got lastseen.Record
		var raw json.RawMessage
		json.NewDecoder(resp.Body).Decode(&raw)
		resp.Body.Close()
		json.Unmarshal(raw, &got)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET: %d %s", resp.StatusCode, raw)
		}
		if got.GivenName != "Олександр" || got.FamilyName != "Коваленко" || got.Patronymic != "Миколайович" ||
			got.BirthDate != lastseen.MustParseDate("1994-03") || got.Source == nil || got.Source.Name != "Inquiry desk" ||
			got.Source.Kind != lastseen.SourceFamily || got.ReceivedAt.IsZero() {
			t.Fatalf("GET = %s", raw)
		}
		if len(got.Claims) != 1 || got.Claims[0].Status != lastseen.StatusMissing ||
			got.Claims[0].Date != lastseen.NewDate(2022, 2, 23) || got.Claims[0].Place != "near Izium" {
			t.Fatalf("claims = %s", raw)
		}
		if strings.Contains(string(raw), "submitter") {
			t.Fatalf("GET shows the submitter: %s", raw)
		}
		stored, err := sqldb.NewRecordService(db).FindRecordByID(t.Context(), created.ID)
		if err != nil || stored.Submitter.Kind != lastseen.SubmitterAnonymous || stored.Submitter.ID == "" {
			t.Fatalf("stored submitter = %+v (%v)", stored.Submitter, err)
		}
	})
}
