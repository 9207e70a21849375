package linkage_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// TestNameBench measures the name comparison alone on the labelled person
// name pairs of nomenklatura's name bench (../shared/data): a pair is called
// the same when the weights of the name fields (given name, family name,
// patronymic; the untrained model, no term frequencies) sum to at least
// 6 bits, a threshold fixed before looking. The published matcher scores F1
// 0.742 on these persons; this comparison does not reach it yet (names of
// four and more words — Arabic, Chinese — lose words in the split into given
// and family name), and the test keeps the level reached (see
// docs/BENCHMARKS.md).
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
}
