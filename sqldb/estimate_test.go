package sqldb_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestEstimateService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewEstimateService(db)
		srcs := sqldb.NewSourceService(db)
		mod := &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "Ministry of Defence (fictional)"}
		ngo := &lastseen.Source{Kind: lastseen.SourceNGO, Name: "Tracing NGO (fictional)"}
		for _, src := range []*lastseen.Source{mod, ngo} {
			if err := srcs.CreateSource(ctx, src); err != nil {
				t.Fatal(err)
			}
		}
		add := func(t *testing.T, src *lastseen.Source, side string, status lastseen.Status, n int64, asOf string) *lastseen.Estimate {
			t.Helper()
			e := &lastseen.Estimate{SourceID: src.ID, Side: side, Status: status, Count: n,
				Since: lastseen.NewDate(2022, 2, 24), AsOf: lastseen.MustParseDate(asOf), Note: "fictional"}
			if err := s.CreateEstimate(ctx, e); err != nil {
				t.Fatal(err)
			}
			if e.ID == 0 || e.CreatedAt.IsZero() {
				t.Fatalf("estimate not filled: %+v", e)
			}
			return e
		}
		// Inserted out of order: the series comes back by as-of date.
		add(t, mod, "ua", lastseen.StatusDead, 30000, "2023-06-01")
		add(t, mod, "ua", lastseen.StatusDead, 20000, "2022-12")
		add(t, mod, "ua", lastseen.StatusDead, 37870, "2024-05-01")
		add(t, mod, "ru", lastseen.StatusDead, 41000, "2024-01-15")
		add(t, ngo, "ua", lastseen.StatusMissing, 15000, "2024-02-01")
		add(t, ngo, "ua", "killed", 31000, "2024-03-01") // an alias

		series := func(es []*lastseen.Estimate) string {
			s := ""
			for _, e := range es {
				s += fmt.Sprintf("[%d %s %s %d %s]", e.SourceID, e.Side, e.Status, e.Count, e.AsOf)
			}
			return s
		}
		m, n := mod.ID, ngo.ID
		tests := []struct {
			name string
			f    lastseen.EstimateFilter
			want string
		}{
			{"AllBySeries", lastseen.EstimateFilter{},
				fmt.Sprintf("[%d ru dead 41000 2024-01-15][%d ua dead 20000 2022-12][%d ua dead 30000 2023-06-01][%d ua dead 37870 2024-05-01][%d ua dead 31000 2024-03-01][%d ua missing 15000 2024-02-01]", m, m, m, m, n, n)},
			{"BySideAndStatus", lastseen.EstimateFilter{Side: "ua", Status: lastseen.StatusDead},
				fmt.Sprintf("[%d ua dead 20000 2022-12][%d ua dead 30000 2023-06-01][%d ua dead 37870 2024-05-01][%d ua dead 31000 2024-03-01]", m, m, m, n)},
			{"BySource", lastseen.EstimateFilter{SourceID: n},
				fmt.Sprintf("[%d ua dead 31000 2024-03-01][%d ua missing 15000 2024-02-01]", n, n)},
			{"ToMonthIncludesItsDays", lastseen.EstimateFilter{SourceID: m, Side: "ua", To: lastseen.MustParseDate("2023-06")},
				fmt.Sprintf("[%d ua dead 20000 2022-12][%d ua dead 30000 2023-06-01]", m, m)},
			{"ToDayIncludesItsMonth", lastseen.EstimateFilter{SourceID: m, Side: "ua", To: lastseen.MustParseDate("2022-12-01")},
				fmt.Sprintf("[%d ua dead 20000 2022-12]", m)},
			{"LatestPerSeries", lastseen.EstimateFilter{Side: "ua", Latest: true},
				fmt.Sprintf("[%d ua dead 37870 2024-05-01][%d ua dead 31000 2024-03-01][%d ua missing 15000 2024-02-01]", m, n, n)},
			{"LatestAsOf", lastseen.EstimateFilter{Side: "ua", Status: lastseen.StatusDead, Latest: true, To: lastseen.MustParseDate("2023")},
				fmt.Sprintf("[%d ua dead 30000 2023-06-01]", m)},
			{"Limit", lastseen.EstimateFilter{Limit: 1}, fmt.Sprintf("[%d ru dead 41000 2024-01-15]", m)},
			{"NoneMatch", lastseen.EstimateFilter{Side: "md"}, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				es, err := s.FindEstimates(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := series(es); got != tt.want {
					t.Fatalf("\n got %s\nwant %s", got, tt.want)
				}
			})
		}

		t.Run("ReadsBackAsWritten", func(t *testing.T) {
			e := add(t, ngo, "ru", lastseen.StatusCaptured, 7, "2025")
			es, err := s.FindEstimates(ctx, lastseen.EstimateFilter{SourceID: ngo.ID, Side: "ru"})
			if err != nil || len(es) != 1 {
				t.Fatalf("%v %v", es, err)
			}
			if *es[0] != *e {
				t.Fatalf("got %+v\nwant %+v", es[0], e)
			}
		})
		t.Run("Audited", func(t *testing.T) {
			evs, err := sqldb.NewAuditService(db).FindAuditEvents(ctx, lastseen.AuditFilter{Action: "estimate.create"})
			if err != nil || len(evs) < 6 {
				t.Fatalf("%d audit events, %v", len(evs), err)
			}
		})
		t.Run("ErrConflictSamePoint", func(t *testing.T) {
			err := s.CreateEstimate(ctx, &lastseen.Estimate{SourceID: mod.ID, Side: "ua", Status: lastseen.StatusDead, Count: 1,
				Since: lastseen.NewDate(2022, 2, 24), AsOf: lastseen.MustParseDate("2024-05-01")})
			wantCode(t, err, lastseen.ECONFLICT)
		})
		t.Run("ErrSourceNotFound", func(t *testing.T) {
			err := s.CreateEstimate(ctx, &lastseen.Estimate{SourceID: 999, Side: "ua", Status: lastseen.StatusDead, Count: 1,
				AsOf: lastseen.MustParseDate("2024")})
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "source_id")
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			err := s.CreateEstimate(ctx, &lastseen.Estimate{SourceID: mod.ID, Side: "UA", Count: -1})
			wantCode(t, err, lastseen.EINVALID)
			for _, f := range []string{"side", "status", "count", "as_of"} {
				wantField(t, err, f)
			}
		})
	})
}
