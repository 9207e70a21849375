package synth_test

import (
	"bytes"
	"errors"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/lastseen/lastseen/csvio"
	"github.com/lastseen/lastseen/synth"
)

// brokenIDs generates cfg and returns the record numbers of the broken rows,
// in output order, and the number of rows.
func brokenIDs(t *testing.T, cfg synth.Config) (ids []int64, n int) {
	t.Helper()
	for _, r := range collect(t, cfg) {
		n++
		if r.Broken {
			id, err := strconv.ParseInt(r.ID[1:], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
	}
	return ids, n
}

// TestGenerate_BrokenCount checks that exactly floor(N*rate) of N rows are
// broken, for record caps and for runs sized by People.
func TestGenerate_BrokenCount(t *testing.T) {
	for _, tc := range []struct {
		name    string
		people  int
		records int
		rate    float64
	}{
		{"OneRowOnePercent", 10, 1, 0.01},
		{"99RowsOnePercent", 100, 99, 0.01},
		{"100RowsOnePercent", 100, 100, 0.01},
		{"2000RowsOnePercent", 1100, 2000, 0.01},
		{"2000RowsTwoPercent", 1100, 2000, 0.02},
		{"12345RowsThird", 6000, 12345, 1.0 / 3},
		{"PeopleSized", 3000, 0, 0.05},
		{"PeopleSizedOdd", 777, 0, 0.007},
		{"AllRows", 500, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := synth.Config{People: tc.people, Records: tc.records, Seed: 11, BrokenRate: tc.rate}
			ids, n := brokenIDs(t, cfg)
			if tc.records > 0 && n != tc.records {
				t.Fatalf("%d rows, want %d", n, tc.records)
			}
			if want := int(math.Floor(float64(n) * tc.rate)); len(ids) != want {
				t.Fatalf("%d of %d rows broken at rate %v, want %d", len(ids), n, tc.rate, want)
			}
		})
	}
	t.Run("NoneAtRateZero", func(t *testing.T) {
		if ids, _ := brokenIDs(t, synth.Config{People: 2000, Seed: 11}); len(ids) != 0 {
			t.Fatalf("%d broken rows", len(ids))
		}
	})
}

// TestGenerate_BrokenDeterministic checks that the broken rows, and how they
// are broken, depend on the seed alone.
func TestGenerate_BrokenDeterministic(t *testing.T) {
	cfg := synth.Config{People: 3000, Records: 6000, Seed: 5, BrokenRate: 0.03}
	want := collectBroken(t, cfg)
	t.Run("SameWhateverTheCPUs", func(t *testing.T) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
		for _, procs := range []int{1, 3, 8} {
			runtime.GOMAXPROCS(procs)
			if got := collectBroken(t, cfg); !slices.Equal(got, want) {
				t.Fatalf("broken rows with %d CPUs differ", procs)
			}
		}
	})
	t.Run("OtherSeedOtherRecords", func(t *testing.T) {
		c := cfg
		c.Seed = 6
		other := collectBroken(t, c)
		if len(other) != len(want) {
			t.Fatalf("%d and %d broken rows", len(want), len(other))
		}
		same := 0
		for i := range want {
			if want[i] == other[i] {
				same++
			}
		}
		if same > 0 {
			t.Fatalf("seeds 5 and 6 break %d identical rows", same)
		}
	})
}

func collectBroken(t *testing.T, cfg synth.Config) []synth.Record {
	t.Helper()
	var out []synth.Record
	for _, r := range collect(t, cfg) {
		if r.Broken {
			out = append(out, r)
		}
	}
	return out
}

// reasonColumns are the columns an importer may name for each kind of
// broken row.
var reasonColumns = map[string][]string{
	synth.BrokenBirthDate:  {"birth_date"},
	synth.BrokenStatusDate: {"status_date"},
	synth.BrokenEmptyName:  {"given_name", "family_name", "full_name"},
	synth.BrokenEncoding:   {"given_name", "family_name", "patronymic", "full_name"},
	synth.BrokenStatus:     {"status"},
}

// TestWriteCSV_BrokenRowsRejected reads a written list with csvio: exactly
// the rows synth flags are rejected, each with a reason naming the column
// synth broke.
func TestWriteCSV_BrokenRowsRejected(t *testing.T) {
	cfg := synth.Config{People: 3000, Seed: 9, BrokenRate: 0.03}
	reason := map[string]string{}
	rows := 0
	for _, r := range collect(t, cfg) {
		rows++
		if r.Broken {
			reason[r.ID] = r.BrokenReason
		}
	}
	var buf bytes.Buffer
	if _, err := synth.WriteCSV(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	cr, err := csvio.NewReader(&buf, csvio.Options{SourceID: 1})
	if err != nil {
		t.Fatal(err)
	}
	rejected, kinds := 0, map[string]int{}
	for {
		_, err := cr.Read()
		if err == io.EOF {
			break
		}
		id := cr.Raw()[0]
		var re *csvio.RowError
		switch {
		case err == nil:
			if reason[id] != "" {
				t.Fatalf("%s broken (%s) but accepted: %v", id, reason[id], cr.Raw())
			}
			continue
		case !errors.As(err, &re):
			t.Fatalf("row %d: %v", cr.Row(), err)
		case reason[id] == "":
			t.Fatalf("%s not broken but rejected: %v: %v", id, err, cr.Raw())
		case !slices.Contains(reasonColumns[reason[id]], re.Field) || re.Message == "":
			t.Fatalf("%s broken by %q, rejected for %v", id, reason[id], err)
		}
		rejected++
		kinds[reason[id]]++
	}
	if want := int(math.Floor(float64(rows) * cfg.BrokenRate)); rejected != want || len(reason) != want {
		t.Fatalf("%d rejected, %d flagged, want %d of %d rows", rejected, len(reason), want, rows)
	}
	for k := range reasonColumns {
		if kinds[k] == 0 {
			t.Errorf("no row broken by %q", k)
		}
	}
}
