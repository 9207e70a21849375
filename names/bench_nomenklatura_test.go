package names_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// prf is precision, recall and F1 of match calls against labels.
type prf struct{ tp, fp, fn, tn int }

func (c *prf) add(got, want bool) {
	switch {
	case got && want:
		c.tp++
	case got:
		c.fp++
	case want:
		c.fn++
	default:
		c.tn++
	}
}

func (c prf) f1() (p, r, f float64) {
	p, r = float64(c.tp)/float64(c.tp+c.fp), float64(c.tp)/float64(c.tp+c.fn)
	return p, r, 2 * p * r / (p + r)
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// TestNomenklaturaPersons scores the person pairs of the public name-matching
// bench (most of its names are not Russian or Ukrainian) with CompareTokens at
// MatchThreshold (fixed before looking), next to the part-by-part Similarity
// and the published matcher's frozen output on the same pairs, recomputed
// here. The best-threshold F1 is an upper bound for diagnosis, not a result.
func TestNomenklaturaPersons(t *testing.T) {
	dir := refDir(t, "nomenklatura_name_bench")
	rows := readCSV(t, filepath.Join(dir, "cases.csv"))
	var tok, sim, whole prf
	type scored struct {
		s     float64
		match bool
	}
	var all []scored
	for _, r := range rows[1:] {
		if r[1] != "Person" {
			continue
		}
		match := r[4] == "true"
		s := names.CompareTokens(r[2], r[3]).Score
		all = append(all, scored{s, match})
		tok.add(s >= names.MatchThreshold, match)
		whole.add(names.CompareWhole(r[2], r[3]).Score >= names.MatchThreshold, match)
		sim.add(names.Similarity(r[2], r[3]) >= names.MatchThreshold, match)
	}
	var pub prf
	frozen := readCSV(t, filepath.Join(dir, "logicv2-frozen.csv"))
	for _, r := range frozen[1:] {
		if r[2] == "Person" {
			pub.add(r[10] == "true", r[5] == "true")
		}
	}
	bestF, bestT := 0.0, 0.0
	for th := 0.30; th <= 1.0; th += 0.01 {
		var c prf
		for _, x := range all {
			c.add(x.s >= th, x.match)
		}
		if _, _, f := c.f1(); f > bestF {
			bestF, bestT = f, th
		}
	}
	p, r, f := tok.f1()
	t.Logf("%d person pairs, CompareTokens at %.2f: precision %.3f recall %.3f F1 %.3f (upper bound, best threshold %.2f: F1 %.3f)",
		len(all), names.MatchThreshold, p, r, f, bestT, bestF)
	p, r, f = sim.f1()
	t.Logf("Similarity (given/patronymic/family) at %.2f: precision %.3f recall %.3f F1 %.3f", names.MatchThreshold, p, r, f)
	p, r, f = whole.f1()
	t.Logf("CompareWhole (part by part when both read as Slavic, else word by word) at %.2f: precision %.3f recall %.3f F1 %.3f", names.MatchThreshold, p, r, f)
	pp, pr, pf := pub.f1()
	t.Logf("published matcher (logicv2-frozen.csv), %d person pairs: precision %.3f recall %.3f F1 %.3f", pub.tp+pub.fp+pub.fn+pub.tn, pp, pr, pf)
	if _, _, f := tok.f1(); f < 0.70 {
		t.Errorf("CompareTokens F1 %.3f fell below 0.70", f)
	}
}
