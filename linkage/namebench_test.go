package linkage_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/names"
)

// TestNameBench measures the name comparison alone on the labelled person
// name pairs of nomenklatura's name bench (../shared/data), three ways, each
// at a threshold fixed before looking:
//   - the weights of the linkage name fields (given name, family name,
//     patronymic; the untrained model, no term frequencies) summed, at 6 bits;
//     names of four and more words (Arabic, Chinese) lose words in the split
//     into given and family name;
//   - names.CompareTokens, the word-by-word comparator for names of any
//     origin, and names.CompareWhole, which hands names that read as Slavic
//     to the part-by-part comparison, both at names.MatchThreshold;
//   - the published matcher's frozen output on the same pairs
//     (logicv2-frozen.csv), recomputed here: F1 0.742.
//
// See docs/BENCHMARKS.md.
func TestNameBench(t *testing.T) {
	dir := os.Getenv("LASTSEEN_REFDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	f, err := os.Open(filepath.Join(dir, "nomenklatura_name_bench", "cases.csv"))
	if err != nil {
		t.Skipf("reference data absent (set LASTSEEN_REFDATA): %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	m := linkage.NewModel()
	p := linkage.NewPreparer(0)
	type pair struct {
		w     float64
		match bool
	}
	var pairs []pair
	var tok, whole, pub prf
	for _, r := range rows[1:] {
		if r[1] != "Person" {
			continue
		}
		a := p.Prepare("", &lastseen.Record{FullName: r[2]}, nil)
		b := p.Prepare("", &lastseen.Record{FullName: r[3]}, nil)
		e := m.Explain(a, b)
		w := 0.0
		for _, fw := range e.Fields[:linkage.FieldPatronymic+1] {
			w += fw.Weight
		}
		pairs = append(pairs, pair{w, r[4] == "true"})
		tok.add(names.CompareTokens(r[2], r[3]).Score >= names.MatchThreshold, r[4] == "true")
		whole.add(names.CompareWhole(r[2], r[3]).Score >= names.MatchThreshold, r[4] == "true")
	}
	f1 := func(th float64) (float64, float64, float64) {
		var tp, fp, fn float64
		for _, x := range pairs {
			switch {
			case x.w >= th && x.match:
				tp++
			case x.w >= th:
				fp++
			case x.match:
				fn++
			}
		}
		p, r := tp/(tp+fp), tp/(tp+fn)
		return p, r, 2 * p * r / (p + r)
	}
	pr, rc, fixed := f1(6)
	bestF, bestT := 0.0, 0.0
	for th := -10.0; th <= 20; th += 0.5 {
		if _, _, x := f1(th); x > bestF {
			bestF, bestT = x, th
		}
	}
	t.Logf("%d person pairs: at 6 bits precision %.3f recall %.3f F1 %.3f; best F1 %.3f at %.1f bits (published matcher: 0.742)",
		len(pairs), pr, rc, fixed, bestF, bestT)
	if fixed < 0.45 {
		t.Errorf("F1 %.3f fell below the 0.45 reached before", fixed)
	}
	tp, tr, tf := tok.f1()
	t.Logf("names.CompareTokens at %.2f: precision %.3f recall %.3f F1 %.3f", names.MatchThreshold, tp, tr, tf)
	wp, wr, wf := whole.f1()
	t.Logf("names.CompareWhole at %.2f: precision %.3f recall %.3f F1 %.3f", names.MatchThreshold, wp, wr, wf)
	if tf < 0.80 || wf < 0.78 {
		t.Errorf("F1 of CompareTokens %.3f (want ≥0.80) or CompareWhole %.3f (≥0.78) fell below the level reached", tf, wf)
	}

	ff, err := os.Open(filepath.Join(dir, "nomenklatura_name_bench", "logicv2-frozen.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer ff.Close()
	frozen, err := csv.NewReader(ff).ReadAll()
	if err != nil {
		t.Fatalf("logicv2-frozen.csv: %v", err)
	}
	// case_group,case_id,schema,name1,name2,is_match,…,score,predicted_match,outcome
	for _, r := range frozen[1:] {
		if r[2] == "Person" {
			pub.add(r[10] == "true", r[5] == "true")
		}
	}
	pp, pr2, pf := pub.f1()
	t.Logf("published matcher (logicv2-frozen.csv), %d person pairs: precision %.3f recall %.3f F1 %.3f",
		pub.tp+pub.fp+pub.fn+pub.tn, pp, pr2, pf)
}

// prf counts match calls against labels.
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
