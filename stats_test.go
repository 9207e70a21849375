package lastseen_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/lastseen/lastseen"
)

func TestCoarsen(t *testing.T) {
	tests := []struct {
		name string
		n    int64
		want string
	}{
		{"ZeroStaysZero", 0, "0"},
		{"NegativeIsZero", -3, "0"},
		{"OneIsBelowTen", 1, `"<10"`},
		{"NineIsBelowTen", 9, `"<10"`},
		{"TenStaysTen", 10, "10"},
		{"TwelveRoundsDownToTen", 12, "10"},
		{"ThirteenRoundsUpToFifteen", 13, "15"},
		{"HalfRoundsUp", 1235, "1235"},
		{"LargeRoundsToFive", 37872, "37870"},
		{"LargeHalfUp", 37873, "37875"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lastseen.Coarsen(tt.n)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // as the HTTP server writes
			if err := enc.Encode(c); err != nil {
				t.Fatal(err)
			}
			b := bytes.TrimSpace(buf.Bytes())
			if string(b) != tt.want {
				t.Fatalf("Coarsen(%d) = %s, want %s", tt.n, b, tt.want)
			}
			var back lastseen.Count
			if err := json.Unmarshal(b, &back); err != nil || back != c {
				t.Fatalf("round trip of %s = %+v, %v; want %+v", b, back, err, c)
			}
			if c.Below == 0 && tt.n >= lastseen.CoarsenBelow && (c.N < lastseen.CoarsenBelow || c.N%lastseen.CoarsenStep != 0) {
				t.Fatalf("Coarsen(%d) = %d: not a multiple of %d at or above %d", tt.n, c.N, lastseen.CoarsenStep, lastseen.CoarsenBelow)
			}
		})
	}
	t.Run("ErrUnmarshalGarbage", func(t *testing.T) {
		for _, in := range []string{`"many"`, `"<0"`, `"<10 people"`, `true`, `1.5`} {
			var c lastseen.Count
			if err := json.Unmarshal([]byte(in), &c); err == nil {
				t.Errorf("Unmarshal(%s) = %+v, want an error", in, c)
			}
		}
	})
}

func TestCutStats(t *testing.T) {
	cells := []lastseen.StatsCell{
		{Side: "ru", Status: lastseen.StatusCaptured, Month: "2023-01", Persons: 3, Verified: 0},
		{Side: "ua", Status: lastseen.StatusDead, Month: "2022-03", Persons: 40, Verified: 12},
		{Side: "ua", Status: lastseen.StatusDead, Month: "2022-04", Persons: 4, Verified: 4},
		{Side: "ua", Status: lastseen.StatusMissing, Month: "2022-03", Persons: 22, Verified: 0},
		{Side: "ua", Status: lastseen.StatusUnknown, Month: "2022-03", Persons: 2, Verified: 0},
	}
	est := []*lastseen.Estimate{{ID: 1, SourceID: 3, Side: "ua", Status: lastseen.StatusDead, Count: 37870}}
	f := lastseen.StatsFilter{Side: "", From: lastseen.MustParseDate("2022-01")}

	show := func(cs []lastseen.StatsCount) string {
		s := ""
		for _, c := range cs {
			s += fmt.Sprintf("[%s %s %s %s/%s]", c.Side, c.Status, c.Month, c.Persons, c.Verified)
		}
		return s
	}
	t.Run("CaseworkerSeesExact", func(t *testing.T) {
		st := lastseen.CutStats(true, f, cells, est)
		if !st.Exact || st.Coarsening != "" {
			t.Fatalf("exact %v, coarsening %q", st.Exact, st.Coarsening)
		}
		if got := st.Total.Persons.String() + "/" + st.Total.Verified.String(); got != "71/16" {
			t.Fatalf("total %s, want 71/16", got)
		}
		want := "[ru captured  3/0][ua dead  44/16][ua missing  22/0][ua unknown  2/0]"
		if got := show(st.ByStatus); got != want {
			t.Fatalf("by status\n got %s\nwant %s", got, want)
		}
		if len(st.ByMonth) != len(cells) || len(st.Estimates) != 1 {
			t.Fatalf("%d months, %d estimates", len(st.ByMonth), len(st.Estimates))
		}
	})
	t.Run("PublicSeesCoarsenedVerifiedDeaths", func(t *testing.T) {
		st := lastseen.CutStats(false, f, cells, est)
		if st.Exact || st.Coarsening == "" {
			t.Fatalf("exact %v, coarsening %q", st.Exact, st.Coarsening)
		}
		// 28 unverified deaths of 2022-03 join the 2 unknown: 30.
		want := "[ru captured  <10/0][ua dead  15/15][ua missing  20/0][ua unknown  30/0]"
		if got := show(st.ByStatus); got != want {
			t.Fatalf("by status\n got %s\nwant %s", got, want)
		}
		wantMonths := "[ru captured 2023-01 <10/0][ua dead 2022-03 10/10][ua dead 2022-04 <10/<10][ua missing 2022-03 20/0][ua unknown 2022-03 30/0]"
		if got := show(st.ByMonth); got != wantMonths {
			t.Fatalf("by month\n got %s\nwant %s", got, wantMonths)
		}
		// The total is the coarsened exact sum (71 → 70), not a sum of
		// coarsened cells.
		if got := st.Total.Persons.String(); got != "70" {
			t.Fatalf("total %s, want 70", got)
		}
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		var back lastseen.Stats
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
	})
	t.Run("UnderReviewCountedAsUnknown", func(t *testing.T) {
		// Of 25 alive, 12 are claims of life while a death awaits a
		// caseworker; the public sees them as unknown, as on their pages.
		cells := []lastseen.StatsCell{
			{Side: "ua", Status: lastseen.StatusAlive, Month: "2022-03", Persons: 25, Verified: 3, UnderReview: 12},
			{Side: "ua", Status: lastseen.StatusUnknown, Month: "2022-03", Persons: 3},
		}
		st := lastseen.CutStats(false, lastseen.StatsFilter{}, cells, nil)
		if got, want := show(st.ByStatus), "[ua alive  15/<10][ua unknown  15/0]"; got != want {
			t.Fatalf("public by status\n got %s\nwant %s", got, want)
		}
		st = lastseen.CutStats(true, lastseen.StatsFilter{}, cells, nil)
		if got, want := show(st.ByStatus), "[ua alive  25/3][ua unknown  3/0]"; got != want {
			t.Fatalf("exact by status\n got %s\nwant %s", got, want)
		}
	})
	t.Run("NoCells", func(t *testing.T) {
		st := lastseen.CutStats(false, lastseen.StatsFilter{}, nil, nil)
		b, _ := json.Marshal(st)
		var m map[string]any
		json.Unmarshal(b, &m)
		for _, k := range []string{"by_status", "by_month", "estimates"} {
			if v, ok := m[k].([]any); !ok || len(v) != 0 {
				t.Errorf("%s = %v, want []", k, m[k])
			}
		}
	})
}

func TestEstimateValidate(t *testing.T) {
	valid := func() *lastseen.Estimate {
		return &lastseen.Estimate{SourceID: 1, Side: "ua", Status: "killed", Count: 37870,
			Since: lastseen.NewDate(2022, 2, 24), AsOf: lastseen.NewDate(2024, 5, 1)}
	}
	t.Run("OK", func(t *testing.T) {
		e := valid()
		if err := e.Validate(); err != nil {
			t.Fatal(err)
		}
		if e.Status != lastseen.StatusDead {
			t.Fatalf("status %q: the alias was not read", e.Status)
		}
	})
	tests := []struct {
		name   string
		mutate func(e *lastseen.Estimate)
		fields []string
	}{
		{"ErrSourceRequired", func(e *lastseen.Estimate) { e.SourceID = 0 }, []string{"source_id"}},
		{"ErrSideRequired", func(e *lastseen.Estimate) { e.Side = "" }, []string{"side"}},
		{"ErrSideNotCode", func(e *lastseen.Estimate) { e.Side = "Ukraine" }, []string{"side"}},
		{"ErrStatus", func(e *lastseen.Estimate) { e.Status = "lost" }, []string{"status"}},
		{"ErrStatusSought", func(e *lastseen.Estimate) { e.Status = lastseen.StatusSought }, []string{"status"}},
		{"ErrNegativeCount", func(e *lastseen.Estimate) { e.Count = -1 }, []string{"count"}},
		{"ErrAsOfRequired", func(e *lastseen.Estimate) { e.AsOf = lastseen.PartialDate{} }, []string{"as_of"}},
		{"ErrSinceAfterAsOf", func(e *lastseen.Estimate) { e.Since = lastseen.NewDate(2025, 1, 1) }, []string{"since"}},
		{"ErrEveryField", func(e *lastseen.Estimate) { *e = lastseen.Estimate{Count: -5} },
			[]string{"source_id", "side", "status", "count", "as_of"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := valid()
			tt.mutate(e)
			err := e.Validate()
			if lastseen.ErrorCode(err) != lastseen.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			var got []string
			for _, f := range lastseen.ErrorFields(err) {
				got = append(got, f.Field)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.fields) {
				t.Fatalf("fields %v, want %v", got, tt.fields)
			}
		})
	}
}

func FuzzCount(f *testing.F) {
	for _, s := range []string{`0`, `15`, `"<10"`, `"<10abc"`, `"< 10"`, `"<0"`, `"many"`, `-5`, `1.5`, `null`, `"<9223372036854775807"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var c lastseen.Count
		if err := json.Unmarshal(b, &c); err != nil {
			return
		}
		if c.Below < 0 || (c.Below > 0 && c.N != 0) {
			t.Fatalf("%s read as %+v", b, c)
		}
		out, err := c.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back lastseen.Count
		if err := json.Unmarshal(out, &back); err != nil || back != c {
			t.Fatalf("%s → %+v → %s → %+v, %v", b, c, out, back, err)
		}
	})
}
