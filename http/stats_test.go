package http_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// statsServer is a server on a real database with the stats services too.
func statsServer(t *testing.T, db *sqldb.DB) *lshttp.Server {
	s := caseServer(t, db)
	s.StatsServices = lshttp.StatsServices{EstimateService: sqldb.NewEstimateService(db), StatsService: sqldb.NewStatsService(db)}
	return s
}

const mod = `"source": {"kind": "official", "name": "Ministry of Defence (fictional)", "reliability": "C"}`

func TestEstimateRoutes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := statsServer(t, db)
		partner := signIn(t, db, s, lastseen.RolePartner, "partner@example.org")
		reporter := signIn(t, db, s, lastseen.RoleReporter, "reporter@example.org")

		resp, body := call(t, s, "POST", "/api/v1/estimates", partner,
			`{`+mod+`, "side": "ua", "status": "killed", "count": 37870, "since": "2022-02-24", "as_of": "2024-05-01", "note": "fictional"}`)
		must(t, resp, body, 201)
		var e lastseen.Estimate
		mustJSON(t, body, &e)
		if e.ID == 0 || e.SourceID == 0 || e.Status != lastseen.StatusDead || e.Count != 37870 || e.Source == nil || e.Source.Reliability != "C" {
			t.Fatalf("estimate %+v", e)
		}
		for _, b := range []string{
			fmt.Sprintf(`{"source_id": %d, "side": "ua", "status": "dead", "count": 20000, "as_of": "2022-12"}`, e.SourceID),
			fmt.Sprintf(`{"source_id": %d, "side": "ru", "status": "dead", "count": 41000, "as_of": "2024-01-15"}`, e.SourceID),
		} {
			resp, body = call(t, s, "POST", "/api/v1/estimates", partner, b)
			must(t, resp, body, 201)
		}

		t.Run("SeriesByAsOf", func(t *testing.T) {
			resp, body := call(t, s, "GET", "/api/v1/estimates?side=ua", "", "")
			must(t, resp, body, 200)
			var got struct {
				Series []struct {
					Source    *lastseen.Source
					Side      string
					Status    lastseen.Status
					Estimates []*lastseen.Estimate
				}
			}
			mustJSON(t, body, &got)
			if len(got.Series) != 1 || got.Series[0].Source.Name != "Ministry of Defence (fictional)" || len(got.Series[0].Estimates) != 2 ||
				got.Series[0].Estimates[0].Count != 20000 || got.Series[0].Estimates[1].Count != 37870 {
				t.Fatalf("series: %s", body)
			}
			resp, body = call(t, s, "GET", "/api/v1/estimates?latest=true", "", "")
			must(t, resp, body, 200)
			if strings.Count(body, `"count"`) != 2 || !strings.Contains(body, `"count":37870`) || !strings.Contains(body, `"count":41000`) {
				t.Fatalf("latest: %s", body)
			}
		})

		tests := []struct {
			name, method, path, token, body string
			status                          int
			fields                          []string
		}{
			{"Create/ErrPublic", "POST", "/api/v1/estimates", "", `{"side": "ua"}`, 401, nil},
			{"Create/ErrReporter", "POST", "/api/v1/estimates", reporter, `{"side": "ua"}`, 403, nil},
			{"Create/ErrMalformed", "POST", "/api/v1/estimates", partner, `{"side": `, 400, []string{"body"}},
			{"Create/ErrEmpty", "POST", "/api/v1/estimates", partner, `{}`, 400, []string{"source_id", "side", "status", "as_of"}},
			{"Create/ErrCountWithCommas", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "ua", "status": "dead", "count": "37,870", "as_of": "2024"}`, 400, []string{"count"}},
			{"Create/ErrCountFraction", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "ua", "status": "dead", "count": 1.5, "as_of": "2024"}`, 400, []string{"count"}},
			{"Create/ErrNegative", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "ua", "status": "dead", "count": -1, "as_of": "2024"}`, 400, []string{"count"}},
			{"Create/ErrDates", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "ua", "status": "dead", "count": 1, "since": "2024-02-30", "as_of": "31.13.2024"}`, 400, []string{"since", "as_of"}},
			{"Create/ErrSinceAfterAsOf", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "ua", "status": "dead", "count": 1, "since": "2025", "as_of": "2024"}`, 400, []string{"since"}},
			{"Create/ErrSideAndStatus", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "Ukraine", "status": "lost", "count": 1, "as_of": "2024"}`, 400, []string{"side", "status"}},
			{"Create/ErrUnknownField", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, "side": "ua", "status": "dead", "count": 1, "as_of": "2024", "total": 5}`, 400, []string{"total"}},
			{"Create/ErrSourceTwice", "POST", "/api/v1/estimates", partner,
				`{"source_id": 1, ` + mod + `, "side": "ua", "status": "dead", "count": 1, "as_of": "2024"}`, 400, []string{"source"}},
			{"Create/ErrSourceInvalid", "POST", "/api/v1/estimates", partner,
				`{"source": {"kind": "rumour"}, "side": "ua", "status": "dead", "count": 1, "as_of": "2024"}`, 400, []string{"source.name", "source.kind"}},
			{"Create/ErrSourceNotFound", "POST", "/api/v1/estimates", partner,
				`{"source_id": 999, "side": "ua", "status": "dead", "count": 1, "as_of": "2024"}`, 404, []string{"source_id"}},
			{"Create/ErrSamePoint", "POST", "/api/v1/estimates", partner,
				fmt.Sprintf(`{"source_id": %d, "side": "ua", "status": "dead", "count": 1, "since": "2022-02-24", "as_of": "2024-05-01"}`, e.SourceID), 409, nil},
			{"List/ErrUnknownParameter", "GET", "/api/v1/estimates?sid=ua", "", "", 400, []string{"sid"}},
			{"List/ErrParameterTwice", "GET", "/api/v1/estimates?side=ua&side=ru", "", "", 400, []string{"side"}},
			{"List/ErrSide", "GET", "/api/v1/estimates?side=UA", "", "", 400, []string{"side"}},
			{"List/ErrStatus", "GET", "/api/v1/estimates?status=gone", "", "", 400, []string{"status"}},
			{"List/ErrSourceID", "GET", "/api/v1/estimates?source_id=x", "", "", 400, []string{"source_id"}},
			{"List/ErrTo", "GET", "/api/v1/estimates?to=2024-13", "", "", 400, []string{"to"}},
			{"List/ErrLatest", "GET", "/api/v1/estimates?latest=yes", "", "", 400, []string{"latest"}},
			{"Stats/ErrUnknownParameter", "GET", "/api/v1/stats?status=dead", "", "", 400, []string{"status"}},
			{"Stats/ErrFrom", "GET", "/api/v1/stats?from=2022-02-30", "", "", 400, []string{"from"}},
			{"Stats/ErrToBeforeFrom", "GET", "/api/v1/stats?from=2023&to=2022-05", "", "", 400, []string{"to"}},
			{"Stats/ErrSide", "GET", "/api/v1/stats?side=u-a", "", "", 400, []string{"side"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp, body := call(t, s, tt.method, tt.path, tt.token, tt.body)
				p := decodeProblem(t, resp, body)
				if resp.StatusCode != tt.status {
					t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
				}
				var got []string
				for _, f := range p.Errors {
					got = append(got, f.Field)
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.fields) {
					t.Fatalf("fields %v, want %v: %s", got, tt.fields, body)
				}
			})
		}
	})
}

// TestStatsRoute counts persons linked from records with claims: 12
// verified deaths and 3 unverified ones on the Ukrainian side in March 2022,
// 14 missing in April, and 2 prisoners on the Russian side.
func TestStatsRoute(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := statsServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "cw@example.org")
		records, persons, cases := sqldb.NewRecordService(db), sqldb.NewPersonService(db), sqldb.NewCaseService(db)
		cwCtx := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleCaseworker})
		add := func(side string, status lastseen.Status, date string, verify bool) {
			t.Helper()
			r := &lastseen.Record{Source: &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "List (fictional)"},
				FullName: "Fictional Person", Side: side,
				Claims: []*lastseen.Claim{{Status: status, Date: lastseen.MustParseDate(date)}}}
			if err := records.CreateRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
			pid, err := persons.LinkRecord(ctx, r.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			if verify {
				if err := cases.Verify(cwCtx, &lastseen.Verification{PersonID: pid, Status: status,
					Date: lastseen.MustParseDate(date), Method: "death certificate (fictional)"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for i := range 15 {
			add("ua", lastseen.StatusDead, fmt.Sprintf("2022-03-%02d", i+1), i < 12)
		}
		for i := range 14 {
			add("ua", lastseen.StatusMissing, fmt.Sprintf("2022-04-%02d", i+1), false)
		}
		add("ru", lastseen.StatusCaptured, "2023-01-05", false)
		add("ru", lastseen.StatusCaptured, "2023", false)
		resp, body := call(t, s, "POST", "/api/v1/estimates", cw,
			`{`+mod+`, "side": "ua", "status": "dead", "count": 37870, "as_of": "2024-05-01"}`)
		must(t, resp, body, 201)

		get := func(t *testing.T, path, token string) *lastseen.Stats {
			t.Helper()
			resp, body := call(t, s, "GET", path, token, "")
			must(t, resp, body, 200)
			var st lastseen.Stats
			mustJSON(t, body, &st)
			return &st
		}
		show := func(cs []lastseen.StatsCount) string {
			out := ""
			for _, c := range cs {
				out += fmt.Sprintf("[%s %s %s %s/%s]", c.Side, c.Status, c.Month, c.Persons, c.Verified)
			}
			return out
		}
		t.Run("CaseworkerExact", func(t *testing.T) {
			st := get(t, "/api/v1/stats", cw)
			if !st.Exact {
				t.Fatal("a caseworker got coarsened counts")
			}
			if got, want := show(st.ByStatus), "[ru captured  2/0][ua dead  15/12][ua missing  14/0]"; got != want {
				t.Fatalf("by status\n got %s\nwant %s", got, want)
			}
			if got, want := show(st.ByMonth), "[ru captured 2023 1/0][ru captured 2023-01 1/0][ua dead 2022-03 15/12][ua missing 2022-04 14/0]"; got != want {
				t.Fatalf("by month\n got %s\nwant %s", got, want)
			}
			if len(st.Estimates) != 1 || st.Estimates[0].Count != 37870 || st.Estimates[0].Source == nil {
				t.Fatalf("estimates %+v", st.Estimates)
			}
		})
		t.Run("PublicCoarsened", func(t *testing.T) {
			st := get(t, "/api/v1/stats", "")
			if st.Exact || st.Coarsening == "" {
				t.Fatalf("exact %v, coarsening %q", st.Exact, st.Coarsening)
			}
			// The 3 unverified deaths are unknown to the public, and fewer
			// than ten.
			if got, want := show(st.ByStatus), "[ru captured  <10/0][ua dead  10/10][ua missing  15/0][ua unknown  <10/0]"; got != want {
				t.Fatalf("by status\n got %s\nwant %s", got, want)
			}
			if got, want := st.Total.Persons.String(), "30"; got != want { // 31 exact
				t.Fatalf("total %s, want %s", got, want)
			}
		})
		t.Run("FilterBySideAndMonths", func(t *testing.T) {
			st := get(t, "/api/v1/stats?side=ru&from=2023-01&to=2023-01", cw)
			if got, want := show(st.ByMonth), "[ru captured 2023 1/0][ru captured 2023-01 1/0]"; got != want {
				t.Fatalf("by month\n got %s\nwant %s", got, want)
			}
			if len(st.Estimates) != 0 {
				t.Fatalf("estimates of the other side: %+v", st.Estimates)
			}
			st = get(t, "/api/v1/stats?from=2022-04&to=2022", cw)
			if got, want := show(st.ByMonth), "[ua missing 2022-04 14/0]"; got != want {
				t.Fatalf("by month\n got %s\nwant %s", got, want)
			}
			st = get(t, "/api/v1/stats?side=ua&to=2024-04", "")
			if len(st.Estimates) != 0 {
				t.Fatalf("an estimate as of after the range: %+v", st.Estimates)
			}
		})
	})
}

func FuzzDecodeEstimate(f *testing.F) {
	f.Add([]byte(`{` + mod + `, "side": "ua", "status": "killed", "count": 37870, "since": "2022-02-24", "as_of": "2024-05-01"}`))
	f.Add([]byte(`{"source_id": 3, "side": "ru", "status": "dead", "count": 0, "as_of": "20240501", "note": "x"}`))
	f.Add([]byte(`{"source_id": "3", "side": 1, "count": "37,870", "as_of": "31.02.2024"}`))
	f.Add([]byte(`{"source_id": 3, "source": {"kind": "media"}, "status": "sought"}`))
	f.Add([]byte(`{"count": 1e3, "count": 2}`))
	f.Add([]byte(`{"since": "2025", "as_of": "2024", "side": "UA"}`))
	f.Add([]byte(`[]`))
	f.Add([]byte("{\"note\": \"\xff\"}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, src, err := lshttp.DecodeEstimate(body)
		if err != nil {
			if e != nil || src != nil {
				t.Fatal("an estimate and an error")
			}
			if lastseen.ErrorCode(err) != lastseen.EINVALID || len(lastseen.ErrorFields(err)) == 0 {
				t.Fatalf("not an invalid-input error naming fields: %v", err)
			}
			for _, fe := range lastseen.ErrorFields(err) {
				if fe.Field == "" || fe.Message == "" {
					t.Fatalf("empty field error in %v", err)
				}
			}
			return
		}
		if (e.SourceID == 0) == (src == nil) {
			t.Fatalf("source_id %d and source %v: want exactly one", e.SourceID, src)
		}
		if src == nil {
			if err := e.Validate(); err != nil {
				t.Fatalf("decoded estimate is invalid: %v", err)
			}
		}
	})
}
