package names_test

import (
	"encoding/csv"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// hoCase is one generated pair and the phenomenon it measures.
type hoCase struct {
	phen string
	a, b string
}

// hoMatches returns per pairs same-person pairs for each phenomenon: a is a
// clean Cyrillic record (full given name and patronymic, Russian or
// Ukrainian, one of the usual orders), b writes the same person with the
// phenomenon and every other choice drawn, so that Russian and Ukrainian
// forms meet half the time. "mixed" draws every choice on both sides.
func hoMatches(seed uint64, per int) []hoCase {
	g := newHoGen(seed)
	var out []hoCase
	base := func() hoStyle {
		s := hoStyle{uk: g.r.IntN(2) == 0, habit: hoHabits[g.r.IntN(len(hoHabits))]}
		s.order = []string{"G P F", "F G P", "FAMILY G P", "F G", "G F"}[g.r.IntN(5)]
		if g.r.IntN(4) == 0 {
			s.given = 1
		}
		s.pat = g.r.IntN(2) * 2
		return s
	}
	add := func(phen string, mk func() hoStyle) {
		for i := 0; i < per; i++ {
			p := g.person()
			a, b := g.render(p, g.clean()), g.render(p, mk().fix())
			out = append(out, hoCase{phen, a, b})
		}
	}
	for _, h := range hoHabits {
		add("habit "+h, func() hoStyle { s := base(); s.habit = h; s.given, s.typo = 0, ""; return s })
	}
	for _, o := range hoOrders {
		add("order "+o, func() hoStyle { s := base(); s.order = o; s.pat = g.r.IntN(2); return s })
	}
	for _, t := range hoTypos {
		add("typo "+t+" family", func() hoStyle { s := base(); s.typo, s.typoFam = t, true; return s })
		add("typo "+t+" given", func() hoStyle { s := base(); s.typo, s.typoFam, s.given = t, false, 0; return s })
	}
	add("given pet form", func() hoStyle { s := base(); s.given = 1; return s })
	add("given Polish own form", func() hoStyle {
		s := base()
		s.given = 4
		if strings.HasPrefix(s.habit, "cyr") {
			s.habit = "pl"
		}
		return s
	})
	add("given initial", func() hoStyle {
		s := base()
		s.given = 2
		s.order = []string{"F G. P.", "G. P. F", "F G.P.", "F G.", "G. F"}[g.r.IntN(5)]
		return s
	})
	add("given missing", func() hoStyle { s := base(); s.given = 3; return s })
	add("patronymic initial", func() hoStyle { s := base(); s.pat = 1; return s })
	add("upper case", func() hoStyle { s := base(); s.upper = true; return s })
	for i := 0; i < per; i++ {
		p := g.person()
		sa, sb := g.clean(), base()
		sb.uk = !sa.uk
		out = append(out, hoCase{"ru vs uk", g.render(p, sa), g.render(p, sb.fix())})
	}
	add("mixed", func() hoStyle { return g.random() })
	// both sides drawn
	for i := 0; i < per*3; i++ {
		p := g.person()
		out = append(out, hoCase{"mixed both sides", g.render(p, g.random()), g.render(p, g.random())})
	}
	return out
}

// hoNonMatches returns pairs of different people who share a family name or
// more, by kind of trap. The records are written under any habit, but keep
// the part that tells the two apart (the given name, or the patronymic).
func hoNonMatches(seed uint64, per int) []hoCase {
	g := newHoGen(seed)
	var out []hoCase
	style := func(keepPat bool) hoStyle {
		s := g.random()
		s.given = 0
		if s.typo != "" && g.r.IntN(2) == 0 {
			s.typo = ""
		}
		switch s.order {
		case "F G. P.", "G. P. F", "F G.P.", "F G.", "G. F":
			s.order = "F G P"
		}
		if keepPat {
			// the patronymic tells them apart: every record writes it
			s.pat = 0
			s.order = []string{"G P F", "F G P", "FAMILY G P", "F, G P", "F<<G<P", "G-F", "F P G"}[g.r.IntN(7)]
		}
		return s.fix()
	}
	otherMale := func(h *hoGiven) *hoGiven {
		for {
			x := &hoMale[g.r.IntN(len(hoMale))]
			if x.ru != h.ru && x.uk != h.uk && !shareDim(x, h) {
				return x
			}
		}
	}
	familyFromGiven := func(h *hoGiven) [2]string {
		f := func(p string) string {
			for _, e := range []string{"ович", "евич"} {
				if strings.HasSuffix(p, e) {
					return strings.TrimSuffix(p, "ич")
				}
			}
			return ""
		}
		return [2]string{f(h.patRu), f(h.patUk)}
	}
	near := [][2]string{
		{"Федоренко", "Федорченко"}, {"Грищенко", "Гриценко"}, {"Русанов", "Русланов"}, {"Бойко", "Бойков"},
		{"Иваненко", "Иванченко"}, {"Петренко", "Петрушенко"}, {"Кравченко", "Кравчук"}, {"Ковальчук", "Ковальчик"},
		{"Соколов", "Соколовский"}, {"Шевченко", "Шевчук"}, {"Марченко", "Мартыненко"}, {"Павленко", "Павлюк"},
		{"Гончаренко", "Гончарук"}, {"Левченко", "Левчук"}, {"Савченко", "Савчук"}, {"Мельник", "Мельников"},
	}
	for kind := 0; kind < 7; kind++ {
		for i := 0; i < per; {
			p := g.person()
			p.female = false
			p.given = &hoMale[g.r.IntN(len(hoMale))]
			q := p
			var name string
			keepPat := false
			switch kind {
			case 0:
				name = "namesakes, other father"
				q.father = otherMale(p.father)
				keepPat = true
			case 1:
				name = "father and son"
				if p.father.ru == p.given.ru {
					continue
				}
				q.given, q.father = p.father, otherMale(p.given)
				keepPat = true
			case 2:
				name = "brothers"
				q.given = otherMale(p.given)
			case 3:
				name = "brother and sister"
				q.female = true
				q.given = &hoFemale[g.r.IntN(len(hoFemale))]
			case 4:
				name = "Иван Петров / Пётр Иванов"
				q.given = otherMale(p.given)
				fp, fq := familyFromGiven(q.given), familyFromGiven(p.given)
				if fp[0] == "" || fq[0] == "" {
					continue
				}
				p.fam, q.fam = fp, fq
			case 5:
				name = "same family, other people"
				q = g.person()
				q.fam = p.fam
				if q.given.ru == p.given.ru || shareDim(q.given, p.given) {
					continue
				}
			case 6:
				name = "family one letter apart"
				nf := near[g.r.IntN(len(near))]
				p.fam, q.fam = [2]string{nf[0], nf[0]}, [2]string{nf[1], nf[1]}
				q.father = otherMale(p.father)
				keepPat = true
			}
			out = append(out, hoCase{name, g.render(p, style(keepPat)), g.render(q, style(keepPat))})
			i++
		}
	}
	return out
}

func shareDim(a, b *hoGiven) bool {
	for _, x := range a.dims {
		for _, y := range b.dims {
			if x == y {
				return true
			}
		}
	}
	return false
}

// missLimit is how many misses a row keeps for -v with LASTSEEN_HELDOUT_MISSES.
var missLimit = 6

type hoAgg struct {
	n, match, review, keys int
	missed                 []string
}

// add counts b's pairs into a (the ALL row).
func (a *hoAgg) add(b *hoAgg) {
	a.n += b.n
	a.match += b.match
	a.review += b.review
	a.keys += b.keys
}

// rate is count as a share of the row's pairs.
func (a *hoAgg) rate(count int) float64 { return float64(count) / float64(a.n) }

// hoRun scores the cases and groups them by phenomenon. keys counts pairs
// that share a blocking key (BlockingKeys), the linkage engine's way in.
func hoRun(cases []hoCase, threshold float64) map[string]*hoAgg {
	by := map[string]*hoAgg{}
	for _, c := range cases {
		a := by[c.phen]
		if a == nil {
			a = &hoAgg{}
			by[c.phen] = a
		}
		na, nb := names.Prepare("", "", "", c.a), names.Prepare("", "", "", c.b)
		if cmp, hit := a.score(&na, &nb, threshold); !hit && len(a.missed) < missLimit {
			a.missed = append(a.missed, fmt.Sprintf("%.3f %s | %s (%s %s %s)", cmp.Score, c.a, c.b, cmp.Family, cmp.Given, cmp.Patronymic))
		}
	}
	return by
}

// score compares a pair with ScoreBest and counts it into a: a match at
// threshold, at ReviewThreshold, and whether the two share a blocking key.
func (a *hoAgg) score(na, nb *names.Name, threshold float64) (names.Comparison, bool) {
	cmp := names.ScoreBest(na, nb)
	a.n++
	hit := cmp.Score >= threshold
	if hit {
		a.match++
	}
	if cmp.Score >= names.ReviewThreshold {
		a.review++
	}
	ka, kb := names.BlockingKeys(na), names.BlockingKeys(nb)
	if slices.ContainsFunc(ka, func(x string) bool { return slices.Contains(kb, x) }) {
		a.keys++
	}
	return cmp, hit
}

func sortedKeys(m map[string]*hoAgg) []string { return slices.Sorted(maps.Keys(m)) }

// logRecall logs the recall table of a generator's same-person pairs, a
// row a phenomenon (its name in a column w wide) and the total, and fails a
// row under its floor; with missed, also each row's kept misses.
func logRecall(t *testing.T, m map[string]*hoAgg, w int, floor func(string) float64, missed bool) {
	t.Helper()
	var tot hoAgg
	for _, k := range sortedKeys(m) {
		a := m[k]
		tot.add(a)
		t.Logf("match  %-*s n=%4d  ≥match %.3f  ≥review %.3f  shared key %.3f", w, k, a.n,
			a.rate(a.match), a.rate(a.review), a.rate(a.keys))
		if missed {
			for _, s := range a.missed {
				t.Logf("         missed %s", s)
			}
		}
		if f := floor(k); a.rate(a.match) < f {
			t.Errorf("%s: recall %.3f at the match threshold, floor %.2f", k, a.rate(a.match), f)
		}
	}
	t.Logf("match  %-*s n=%4d  ≥match %.3f  ≥review %.3f  shared key %.3f", w, "ALL", tot.n,
		tot.rate(tot.match), tot.rate(tot.review), tot.rate(tot.keys))
}

// logFalseMatches logs the false-match table of a generator's traps, a row a
// kind of trap and the total, and fails a row over its ceiling.
func logFalseMatches(t *testing.T, m map[string]*hoAgg, w int, ceiling func(string) float64) {
	t.Helper()
	var tot hoAgg
	for _, k := range sortedKeys(m) {
		a := m[k]
		tot.add(a)
		t.Logf("non    %-*s n=%4d  false ≥match %.3f  ≥review %.3f", w, k, a.n, a.rate(a.match), a.rate(a.review))
		if c := ceiling(k); a.rate(a.match) > c {
			t.Errorf("%s: false matches %.3f at the match threshold, ceiling %.2f", k, a.rate(a.match), c)
		}
	}
	t.Logf("non    %-*s n=%4d  false ≥match %.3f  ≥review %.3f", w, "ALL", tot.n, tot.rate(tot.match), tot.rate(tot.review))
}

// TestHeldoutPhenomena measures the comparison on the second-opinion
// generator: same-person recall at MatchThreshold and ReviewThreshold by
// phenomenon, and the false-match rate by kind of trap. -v prints the
// tables (LASTSEEN_HELDOUT_MISSES=1 also the first misses of each row).
// Floors sit a little under the figures measured when they were set, so
// that a change that loses a habit fails here.
func TestHeldoutPhenomena(t *testing.T) {
	const per = 200
	matches := hoMatches(7, per)
	non := hoNonMatches(8, 4*per)
	showMisses := os.Getenv("LASTSEEN_HELDOUT_MISSES") != ""

	logRecall(t, hoRun(matches, names.MatchThreshold), 32, hoFloor, showMisses)
	logFalseMatches(t, hoRun(non, names.MatchThreshold), 32, hoCeiling)
	if showMisses {
		for _, c := range non {
			na, nb := names.Prepare("", "", "", c.a), names.Prepare("", "", "", c.b)
			if cmp := names.ScoreBest(&na, &nb); cmp.Score >= names.MatchThreshold {
				t.Logf("false match %.3f [%s] %s | %s (%s %s %s)", cmp.Score, c.phen, c.a, c.b, cmp.Family, cmp.Given, cmp.Patronymic)
			}
		}
	}
}

// hoFloor is the recall floor of a phenomenon at MatchThreshold, a little
// under what the package reached when it was set (2026-11-27, seed 7, 200
// pairs a row: 0.956 over all rows; see docs/BENCHMARKS.md). A record with
// the family name alone reaches review, and the match threshold only where
// it is spelled as the other's (one part alone is ×0.75).
func hoFloor(k string) float64 {
	switch {
	case k == "given missing":
		return 0
	case k == "given Polish own form":
		return 0.78 // Jerzy, Jakub, Szczepan: forms the table does not hold
	case k == "mixed both sides":
		return 0.85
	case strings.HasPrefix(k, "typo"):
		return 0.84
	case k == "habit lt", k == "order GF", k == "mixed":
		return 0.88
	}
	return 0.95
}

// hoCeiling is the false-match ceiling of a trap at MatchThreshold.
func hoCeiling(k string) float64 {
	return 0.01
}

// TestHeldoutWriteCSV writes a record list of the second-opinion generator
// for `lastseen link` (the columns of `lastseen gen`, with truth_id), when
// LASTSEEN_HELDOUT_CSV names the file: 3,000 people, one to four records
// each, every record drawn with hoGen.random (so any habit, order, typo or
// missing part), birth dates sometimes missing or off by a digit, and a
// brother or the father of some of them with the same family name. Without
// the variable it checks only that the records come out. LASTSEEN_HELDOUT_SEED
// (default 11) and LASTSEEN_HELDOUT_PEOPLE (default 3,000) draw other lists.
func TestHeldoutWriteCSV(t *testing.T) {
	path := os.Getenv("LASTSEEN_HELDOUT_CSV")
	people := 3000
	if path == "" {
		people = 50
	}
	seed := uint64(11)
	if v := os.Getenv("LASTSEEN_HELDOUT_SEED"); v != "" {
		// other seeds and sizes, for measuring the linker on more than one list
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("LASTSEEN_HELDOUT_SEED %q: %v", v, err)
		}
		seed = n
	}
	if v := os.Getenv("LASTSEEN_HELDOUT_PEOPLE"); v != "" && path != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("LASTSEEN_HELDOUT_PEOPLE %q: want a positive number", v)
		}
		people = n
	}
	g := newHoGen(seed)
	var rows [][]string
	id := 0
	dob := func() (int, int, int) { return 1960 + g.r.IntN(45), 1 + g.r.IntN(12), 1 + g.r.IntN(28) }
	write := func(truth int, p hoPerson, y, m, d int) {
		id++
		st := g.random()
		bd := fmt.Sprintf("%04d%02d%02d", y, m, d)
		switch x := g.r.IntN(100); {
		case x < 10:
			bd = ""
		case x < 15:
			bd = fmt.Sprintf("%04d%02d%02d", y, m, 1+(d+g.r.IntN(9))%28) // a slip in the day
		}
		sex := "m"
		if p.female {
			sex = "f"
		}
		if g.r.IntN(5) == 0 {
			sex = ""
		}
		rows = append(rows, []string{fmt.Sprintf("h%07d", id), "", "", "", g.render(p, st), bd, "", sex,
			"", "missing", "", "", "", "", "", fmt.Sprintf("src%d", g.r.IntN(12)), fmt.Sprint(truth)})
	}
	for i := 0; i < people; i++ {
		p := g.person()
		y, m, d := dob()
		n := 1 + g.r.IntN(4)
		for k := 0; k < n; k++ {
			write(2*i, p, y, m, d)
		}
		if g.r.IntN(5) == 0 {
			// a relative with the same family name: a brother, or the father
			q := p
			q.female = false
			if g.r.IntN(2) == 0 {
				q.given = &hoMale[g.r.IntN(len(hoMale))]
				y2 := y + 1 + g.r.IntN(8)
				write(2*i+1, q, y2, 1+g.r.IntN(12), 1+g.r.IntN(28))
			} else {
				q.given, q.father = p.father, &hoMale[g.r.IntN(len(hoMale))]
				write(2*i+1, q, y-20-g.r.IntN(10), 1+g.r.IntN(12), 1+g.r.IntN(28))
			}
		}
	}
	if len(rows) < people {
		t.Fatalf("%d records for %d people", len(rows), people)
	}
	if path == "" {
		return
	}
	writeCSV(t, path, strings.Split("record_id,given_name,family_name,patronymic,full_name,birth_date,birth_place,sex,unit,status,status_date,place,notes,side,service_number,source,truth_id", ","), rows)
	t.Logf("wrote %d records to %s", len(rows), path)
}

// writeCSV writes a header and rows to the file path (the generators'
// outputs, for the CLI to read).
func writeCSV(t *testing.T, path string, header []string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
