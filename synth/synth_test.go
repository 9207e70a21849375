package synth_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lastseen/lastseen/synth"
)

func collect(t *testing.T, cfg synth.Config) []synth.Record {
	t.Helper()
	var out []synth.Record
	if err := synth.Generate(cfg, func(r *synth.Record) error {
		out = append(out, *r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteCSV(t *testing.T) {
	cfg := synth.Config{People: 2000, Seed: 42, BrokenRate: 0.01}
	var a, b, c bytes.Buffer
	na, err := synth.WriteCSV(&a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.WriteCSV(&b, cfg); err != nil {
		t.Fatal(err)
	}
	cfg2 := cfg
	cfg2.Seed = 43
	if _, err := synth.WriteCSV(&c, cfg2); err != nil {
		t.Fatal(err)
	}
	t.Run("SameSeedSameBytes", func(t *testing.T) {
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("two runs with seed 42 differ")
		}
	})
	t.Run("SameBytesWhateverTheCPUs", func(t *testing.T) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
		for _, procs := range []int{1, 3, 8} {
			runtime.GOMAXPROCS(procs)
			var d bytes.Buffer
			if _, err := synth.WriteCSV(&d, cfg); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), d.Bytes()) {
				t.Fatalf("output with %d CPUs differs", procs)
			}
		}
	})
	t.Run("OtherSeedOtherBytes", func(t *testing.T) {
		if bytes.Equal(a.Bytes(), c.Bytes()) {
			t.Fatal("seeds 42 and 43 give the same output")
		}
	})
	t.Run("ParsesWithEncodingCSV", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(a.Bytes())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != "record_id,given_name,family_name,patronymic,full_name,birth_date,birth_place,sex,unit,status,status_date,place,notes,side,service_number,source,truth_id" {
			t.Fatalf("header %v", rows[0])
		}
		if len(rows)-1 != na {
			t.Fatalf("%d rows, WriteCSV said %d", len(rows)-1, na)
		}
		ids := map[string]bool{}
		for _, r := range rows[1:] {
			if ids[r[0]] {
				t.Fatalf("record_id %s twice", r[0])
			}
			ids[r[0]] = true
			if id, err := strconv.ParseInt(r[16], 10, 64); err != nil || id < 1 || id > int64(cfg.People) {
				t.Fatalf("truth_id %q", r[16])
			}
		}
	})
}

func TestGenerate_Truth(t *testing.T) {
	cfg := synth.Config{People: 3000, Seed: 1}
	recs := collect(t, cfg)
	t.Run("EveryPersonHasARecord", func(t *testing.T) {
		seen := make([]bool, cfg.People+1)
		for _, r := range recs {
			if r.TruthID < 1 || r.TruthID > int64(cfg.People) {
				t.Fatalf("truth id %d out of range", r.TruthID)
			}
			seen[r.TruthID] = true
		}
		for id := 1; id <= cfg.People; id++ {
			if !seen[id] {
				t.Fatalf("person %d has no record", id)
			}
		}
	})
	t.Run("RecordsPerPersonSkewed", func(t *testing.T) {
		count := map[int64]int{}
		for _, r := range recs {
			count[r.TruthID]++
		}
		once := 0
		for _, n := range count {
			if n == 1 {
				once++
			}
		}
		if f := float64(once) / float64(len(count)); f < 0.3 || f > 0.6 {
			t.Fatalf("%.2f of persons seen once", f)
		}
		if m := float64(len(recs)) / float64(cfg.People); m < 1.8 || m > 3 {
			t.Fatalf("%.2f records per person", m)
		}
	})
	t.Run("RecordsCapStopsExactly", func(t *testing.T) {
		c := cfg
		c.Records = 1234
		if got := len(collect(t, c)); got != 1234 {
			t.Fatalf("%d records, want 1234", got)
		}
	})
	t.Run("NeighboursAreShuffled", func(t *testing.T) {
		same := 0
		for i := 1; i < len(recs); i++ {
			if recs[i].TruthID == recs[i-1].TruthID {
				same++
			}
		}
		if same > len(recs)/50 {
			t.Fatalf("%d adjacent records of the same person", same)
		}
	})
	t.Run("EmitErrorStops", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := synth.Generate(cfg, func(*synth.Record) error {
			n++
			if n == 10 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || n != 10 {
			t.Fatalf("err %v after %d records", err, n)
		}
	})
}

func TestGenerate_Rates(t *testing.T) {
	cfg := synth.Config{People: 10000, Seed: 7, TypoRate: 0.2, BrokenRate: 0.05, InitialsRate: 0.1, FieldSwapRate: 0.05}
	recs := collect(t, cfg)
	frac := func(p synth.Phenomenon) float64 {
		n := 0
		for _, r := range recs {
			if r.Phenomena&p != 0 {
				n++
			}
		}
		return float64(n) / float64(len(recs))
	}
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		{"TypoNearRate", frac(synth.PTypo), 0.2},
		{"InitialsNearRate", frac(synth.PInitials), 0.1 * 0.95}, // never with a diminutive
	} {
		t.Run(tc.name, func(t *testing.T) {
			if math.Abs(tc.got-tc.want) > 0.15*tc.want+0.005 {
				t.Fatalf("rate %.4f, want about %.4f", tc.got, tc.want)
			}
		})
	}
	t.Run("EveryPhenomenonOccurs", func(t *testing.T) {
		for i := 0; i < 17; i++ {
			p := synth.Phenomenon(1 << i)
			if frac(p) == 0 {
				t.Errorf("no record with %v", p)
			}
		}
	})
	t.Run("NegativeRateSwitchesOff", func(t *testing.T) {
		c := synth.Config{People: 2000, Seed: 7, TypoRate: -1, YoAsYeRate: -1}
		for _, r := range collect(t, c) {
			if r.Phenomena&(synth.PTypo|synth.PYoAsYe) != 0 {
				t.Fatalf("%s has %v", r.ID, r.Phenomena)
			}
		}
	})
}

var statuses = map[string]bool{"alive": true, "missing": true, "captured": true, "wounded": true, "dead": true, "sought": true}

// valid is an importer's view of a row, written independently of the
// generator.
func valid(r *synth.Record) bool {
	names := r.GivenName + r.FamilyName + r.Patronymic + r.FullName
	if strings.TrimSpace(names) == "" || !utf8.ValidString(names) {
		return false
	}
	if !statuses[r.Status] {
		return false
	}
	if r.Sex != "" && r.Sex != "m" && r.Sex != "f" {
		return false
	}
	return validDate(r.BirthDate) && validDate(r.StatusDate)
}

func validDate(s string) bool {
	if s == "" {
		return true
	}
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2006-01", "2006", "20060102"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

func TestGenerate_Broken(t *testing.T) {
	recs := collect(t, synth.Config{People: 10000, Seed: 3, BrokenRate: 0.02})
	reasons := map[string]int{}
	for _, r := range recs {
		if r.Broken == valid(&r) {
			t.Fatalf("%s: broken=%v (%s) but valid=%v: %+v", r.ID, r.Broken, r.BrokenReason, valid(&r), r)
		}
		if r.Broken {
			reasons[r.BrokenReason]++
		}
	}
	t.Run("EveryKindOccurs", func(t *testing.T) {
		for _, k := range []string{synth.BrokenBirthDate, synth.BrokenStatusDate, synth.BrokenEmptyName, synth.BrokenEncoding, synth.BrokenStatus} {
			if reasons[k] == 0 {
				t.Errorf("no row broken by %q", k)
			}
		}
	})
	t.Run("NoneByDefault", func(t *testing.T) {
		for _, r := range collect(t, synth.Config{People: 2000, Seed: 3}) {
			if r.Broken || !valid(&r) {
				t.Fatalf("%s broken without BrokenRate: %+v", r.ID, r)
			}
		}
	})
}

func scriptOf(s string) string {
	cyr, lat := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			lat++
		}
	}
	switch {
	case cyr > 0 && cyr >= lat:
		return "cyrillic"
	case lat > 0:
		return "latin"
	}
	return ""
}

func TestGenerate_Habits(t *testing.T) {
	recs := collect(t, synth.Config{People: 10000, Seed: 5, HomoglyphRate: -1, TypoRate: -1, OCRRate: -1})
	byHabit := map[synth.Habit][]synth.Record{}
	for _, r := range recs {
		if !r.Broken {
			byHabit[r.Habit] = append(byHabit[r.Habit], r)
		}
	}
	want := map[synth.Habit]string{
		synth.HabitUkCyr: "cyrillic", synth.HabitRuCyr: "cyrillic", synth.HabitPOWList: "cyrillic",
		synth.HabitFamilyUk: "cyrillic", synth.HabitFamilyRu: "cyrillic",
		synth.HabitICAO: "latin", synth.HabitKMU: "latin", synth.HabitBGN: "latin", synth.HabitGOST: "latin",
		synth.HabitEnPress: "latin", synth.HabitDePress: "latin", synth.HabitFrPress: "latin", synth.HabitPlPress: "latin",
		synth.HabitFamilyLt: "latin",
	}
	ukOnly := regexp.MustCompile(`[іїєґІЇЄҐ]`)
	ruOnly := regexp.MustCompile(`[ыэъЫЭЪё]`)
	for _, h := range synth.Habits {
		t.Run(string(h), func(t *testing.T) {
			rs := byHabit[h]
			if len(rs) < 20 {
				t.Fatalf("only %d records", len(rs))
			}
			ukLetters := 0
			for _, r := range rs {
				name := r.GivenName + " " + r.FamilyName + " " + r.Patronymic + " " + r.FullName
				if got := scriptOf(name); got != want[h] {
					t.Fatalf("%s: %q is %s", r.ID, name, got)
				}
				if ukOnly.MatchString(name) {
					ukLetters++
				}
				if (h == synth.HabitRuCyr || h == synth.HabitPOWList || h == synth.HabitFamilyRu) && ukOnly.MatchString(name) {
					t.Fatalf("%s: Ukrainian letters in a Russian form: %q", r.ID, name)
				}
				if (h == synth.HabitUkCyr || h == synth.HabitFamilyUk) && ruOnly.MatchString(name) {
					t.Fatalf("%s: Russian letters in a Ukrainian form: %q", r.ID, name)
				}
			}
			if (h == synth.HabitUkCyr || h == synth.HabitFamilyUk) && ukLetters == 0 {
				t.Fatal("no і, ї, є or ґ in any name")
			}
		})
	}
	t.Run("PressUsesConventionalSpellings", func(t *testing.T) {
		want := map[synth.Habit][]string{
			synth.HabitEnPress: {"Alexander", "Sergei", "Oleksandr", "Shevchenko"},
			synth.HabitDePress: {"Alexander", "Sergej", "Schewtschenko", "Kowalenko"},
			synth.HabitFrPress: {"Alexandre", "Chevtchenko", "Kovalenko"},
			synth.HabitPlPress: {"Szewczenko", "Kowalenko"},
		}
		for h, words := range want {
			all := ""
			for _, r := range byHabit[h] {
				all += r.FullName + " " + r.GivenName + " " + r.FamilyName + "\n"
			}
			for _, w := range words {
				if !strings.Contains(all, w) {
					t.Errorf("%s: no %q", h, w)
				}
			}
		}
	})
}

func TestPeople_HardNegatives(t *testing.T) {
	var ps []synth.Person
	if err := synth.People(synth.Config{People: 20000, Seed: 11}, func(p *synth.Person) error {
		ps = append(ps, *p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	byID := func(id int64) *synth.Person { return &ps[id-1] }
	rel := map[synth.Relation]int{}
	groups := map[int64][]*synth.Person{}
	for i := range ps {
		p := &ps[i]
		if p.TruthID != int64(i+1) {
			t.Fatalf("truth id %d at %d", p.TruthID, i)
		}
		rel[p.Relation]++
		if p.Group != 0 {
			groups[p.Group] = append(groups[p.Group], p)
		}
	}
	t.Run("SonCarriesFathersName", func(t *testing.T) {
		n := 0
		for i := range ps {
			s := &ps[i]
			if s.Relation != synth.RelSon || s.FatherID == 0 {
				continue
			}
			f := byID(s.FatherID)
			n++
			if f.Relation != synth.RelFather || f.Sex != "m" || f.FamilyRU != s.FamilyRU {
				t.Fatalf("son %d, father %+v", s.TruthID, f)
			}
			// the patronymic is made from the father's given name
			stem := []rune(strings.ReplaceAll(f.GivenRU, "ё", "е"))
			if !strings.HasPrefix(strings.ReplaceAll(s.PatronymicRU, "ё", "е"), string(stem[:2])) {
				t.Fatalf("son %d patronymic %s, father %s", s.TruthID, s.PatronymicRU, f.GivenRU)
			}
			if gap := s.BirthYear - f.BirthYear; gap < 18 || gap > 32 {
				t.Fatalf("father born %d, son %d", f.BirthYear, s.BirthYear)
			}
		}
		if n < 100 {
			t.Fatalf("only %d sons", n)
		}
	})
	t.Run("BrothersShareSurnameAndPatronymic", func(t *testing.T) {
		for _, g := range groups {
			if g[0].Relation != synth.RelBrother {
				continue
			}
			for _, b := range g[1:] {
				if b.FamilyUK != g[0].FamilyUK || b.PatronymicUK != g[0].PatronymicUK || b.GivenUK == g[0].GivenUK {
					t.Fatalf("brothers %+v and %+v", g[0], b)
				}
				if d := b.BirthYear - g[0].BirthYear; d < -8 || d > 8 {
					t.Fatalf("brothers born %d and %d", g[0].BirthYear, b.BirthYear)
				}
			}
		}
	})
	t.Run("TwinsShareBirthDate", func(t *testing.T) {
		n := 0
		for _, g := range groups {
			if g[0].Relation != synth.RelTwin || len(g) != 2 {
				continue
			}
			n++
			a, b := g[0], g[1]
			if a.BirthYear != b.BirthYear || a.BirthMonth != b.BirthMonth || a.BirthDay != b.BirthDay || a.GivenUK == b.GivenUK || a.FamilyUK != b.FamilyUK {
				t.Fatalf("twins %+v and %+v", a, b)
			}
		}
		if n == 0 {
			t.Fatal("no twins")
		}
	})
	t.Run("NamesakesDifferInBirthDate", func(t *testing.T) {
		n := 0
		for _, g := range groups {
			if g[0].Relation != synth.RelNamesake {
				continue
			}
			n++
			for _, b := range g[1:] {
				if b.GivenUK != g[0].GivenUK || b.FamilyUK != g[0].FamilyUK {
					t.Fatalf("namesakes %+v and %+v", g[0], b)
				}
				if b.BirthYear == g[0].BirthYear && b.BirthMonth == g[0].BirthMonth {
					t.Fatalf("namesakes born the same month: %+v and %+v", g[0], b)
				}
			}
		}
		if n == 0 {
			t.Fatal("no namesakes")
		}
	})
	t.Run("RatesAreRealistic", func(t *testing.T) {
		if f := float64(rel[synth.RelNone]) / float64(len(ps)); f < 0.8 || f > 0.95 {
			t.Fatalf("%.2f of persons in no group", f)
		}
		women := 0
		for _, p := range ps {
			if p.Sex == "f" {
				women++
			}
		}
		if f := float64(women) / float64(len(ps)); f < 0.05 || f > 0.2 {
			t.Fatalf("%.2f women", f)
		}
	})
	t.Run("LongTailOfSurnames", func(t *testing.T) {
		distinct := map[string]bool{}
		for _, p := range ps {
			distinct[p.FamilyRU] = true
		}
		if len(distinct) < len(ps)/4 {
			t.Fatalf("%d distinct surnames among %d persons", len(distinct), len(ps))
		}
	})
}

func TestQueries(t *testing.T) {
	cfg := synth.Config{People: 5000, Seed: 9}
	var qs []synth.Query
	if err := synth.Queries(cfg, 500, func(q synth.Query) error {
		qs = append(qs, q)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	t.Run("ExactlyN", func(t *testing.T) {
		if len(qs) != 500 {
			t.Fatalf("%d queries", len(qs))
		}
	})
	t.Run("ScriptAsClaimed", func(t *testing.T) {
		styles := map[string]int{}
		for _, q := range qs {
			styles[q.Style]++
			if q.TruthID < 1 || q.TruthID > int64(cfg.People) {
				t.Fatalf("truth id %d", q.TruthID)
			}
			if got := scriptOf(q.Text); got != q.Script {
				t.Fatalf("%q is %s, claimed %s", q.Text, got, q.Script)
			}
			if !validDate(q.BirthDate) {
				t.Fatalf("birth date %q", q.BirthDate)
			}
		}
		if len(styles) != 4 {
			t.Fatalf("styles %v", styles)
		}
	})
	t.Run("OnlyPersonsWithRecords", func(t *testing.T) {
		c := cfg
		c.Records = 100
		max := int64(0)
		for _, r := range collect(t, c) {
			if r.TruthID > max {
				max = r.TruthID
			}
		}
		if err := synth.Queries(c, 1000, func(q synth.Query) error {
			if q.TruthID > max {
				t.Fatalf("query for %d, last person with records %d", q.TruthID, max)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkGenerate(b *testing.B) {
	cfg := synth.Config{People: 435000, Seed: 1, BrokenRate: 0.01} // a million records
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		if err := synth.Generate(cfg, func(*synth.Record) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkWriteCSV(b *testing.B) {
	cfg := synth.Config{People: 435000, Seed: 1, BrokenRate: 0.01} // a million records
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		var err error
		if n, err = synth.WriteCSV(io.Discard, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

func TestWriteCSV_SameAsEncodingCSV(t *testing.T) {
	cfg := synth.Config{People: 3000, Seed: 4, BrokenRate: 0.05}
	var got, want bytes.Buffer
	if _, err := synth.WriteCSV(&got, cfg); err != nil {
		t.Fatal(err)
	}
	cw := csv.NewWriter(&want)
	cw.Write(synth.Header)
	synth.Generate(cfg, func(r *synth.Record) error {
		return cw.Write([]string{r.ID, r.GivenName, r.FamilyName, r.Patronymic, r.FullName, r.BirthDate, r.BirthPlace, r.Sex, r.Unit, r.Status, r.StatusDate, r.Place, r.Notes, r.Side, r.ServiceNumber, r.Source, strconv.FormatInt(r.TruthID, 10)})
	})
	cw.Flush()
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatal("WriteCSV differs from encoding/csv")
	}
}

func TestGenerate_ExtremeRates(t *testing.T) {
	all := synth.Config{People: 2000, Seed: 13, BrokenRate: 1,
		SideRU: 1, WomenRate: 1, CivilianRate: 1, SurnameTailRate: 1,
		FatherSonRate: 0.25, BrothersRate: 0.25, TwinsRate: 0.25, NamesakeRate: 0.25,
		TypoRate: 1, OCRRate: 1, HomoglyphRate: 1, NoPatronymicRate: 1, NoBirthDateRate: 1, YearOnlyRate: 1,
		MonthOnlyRate: 1, DateSwapRate: 1, DateTypoRate: 1, InitialsRate: 1, OrderVariantRate: 1, FieldSwapRate: 1,
		DiminutiveRate: 1, MasculineFormRate: 1, PlaceVariantRate: 1, ResidenceRate: 1, YoAsYeRate: 1, ShuffleWindow: 1}
	t.Run("AllOnGeneratesAllBroken", func(t *testing.T) {
		recs := collect(t, all)
		for _, r := range recs {
			if !r.Broken || valid(&r) {
				t.Fatalf("%s: broken=%v valid=%v", r.ID, r.Broken, valid(&r))
			}
		}
	})
	t.Run("AllOffIsClean", func(t *testing.T) {
		off := synth.Config{People: 2000, Seed: 13, FatherSonRate: -1, BrothersRate: -1, TwinsRate: -1, NamesakeRate: -1,
			TypoRate: -1, OCRRate: -1, HomoglyphRate: -1, NoPatronymicRate: -1, NoBirthDateRate: -1, YearOnlyRate: -1,
			MonthOnlyRate: -1, DateSwapRate: -1, DateTypoRate: -1, InitialsRate: -1, OrderVariantRate: -1, FieldSwapRate: -1,
			DiminutiveRate: -1, MasculineFormRate: -1, PlaceVariantRate: -1, ResidenceRate: -1, YoAsYeRate: -1}
		for _, r := range collect(t, off) {
			if r.Phenomena != 0 || r.Broken {
				t.Fatalf("%s has %v", r.ID, r.Phenomena)
			}
		}
	})
	t.Run("ErrRateAboveOne", func(t *testing.T) {
		if err := synth.Generate(synth.Config{TypoRate: 1.5}, func(*synth.Record) error { return nil }); err == nil {
			t.Fatal("no error")
		}
	})
	t.Run("ErrHardNegativesAboveOne", func(t *testing.T) {
		if err := synth.Generate(synth.Config{FatherSonRate: 0.6, BrothersRate: 0.6}, func(*synth.Record) error { return nil }); err == nil {
			t.Fatal("no error")
		}
	})
}

func TestGenerate_RecordsMatchTheirPerson(t *testing.T) {
	cfg := synth.Config{People: 5000, Seed: 21}
	var ps []synth.Person
	synth.People(cfg, func(p *synth.Person) error {
		ps = append(ps, *p)
		return nil
	})
	checked := 0
	for _, r := range collect(t, cfg) {
		p := ps[r.TruthID-1]
		if r.Side != p.Side {
			t.Fatalf("%s: side %s, person %s", r.ID, r.Side, p.Side)
		}
		if r.Phenomena != 0 || r.FullName != "" {
			continue
		}
		var given, family string
		switch r.Habit {
		case synth.HabitUkCyr, synth.HabitFamilyUk:
			given, family = p.GivenUK, p.FamilyUK
		case synth.HabitRuCyr, synth.HabitFamilyRu:
			given, family = p.GivenRU, p.FamilyRU
		default:
			continue
		}
		checked++
		apos := strings.NewReplacer("’", "'", "ʼ", "'")
		if apos.Replace(r.GivenName) != given || apos.Replace(r.FamilyName) != family {
			t.Fatalf("%s: %s %s, person %d is %s %s", r.ID, r.GivenName, r.FamilyName, p.TruthID, given, family)
		}
	}
	if checked < 500 {
		t.Fatalf("only %d records checked", checked)
	}
}

func TestWritePeopleAndQueriesCSV(t *testing.T) {
	cfg := synth.Config{People: 500, Seed: 2}
	var p, q bytes.Buffer
	np, err := synth.WritePeopleCSV(&p, cfg)
	if err != nil || np != 500 {
		t.Fatalf("%d persons, %v", np, err)
	}
	nq, err := synth.WriteQueriesCSV(&q, cfg, 40)
	if err != nil || nq != 40 {
		t.Fatalf("%d queries, %v", nq, err)
	}
	for _, c := range []struct {
		name   string
		buf    *bytes.Buffer
		header []string
		rows   int
	}{{"PeopleParse", &p, synth.PeopleHeader, 501}, {"QueriesParse", &q, synth.QueriesHeader, 41}} {
		t.Run(c.name, func(t *testing.T) {
			rows, err := csv.NewReader(c.buf).ReadAll()
			if err != nil || len(rows) != c.rows || len(rows[0]) != len(c.header) {
				t.Fatalf("%d rows, %v", len(rows), err)
			}
		})
	}
}
