package names_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestNomenklaturaPersons scores the person pairs of the public name-matching
// bench, for orientation only: most of its names are not Russian or Ukrainian.
func TestNomenklaturaPersons(t *testing.T) {
	dir := refDir(t, "nomenklatura_name_bench")
	f, err := os.Open(filepath.Join(dir, "cases.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var tp, fp, fn, tn int
	for _, r := range rows[1:] {
		if r[1] != "Person" {
			continue
		}
		match := r[4] == "true"
		got := names.Similarity(r[2], r[3]) >= names.MatchThreshold
		switch {
		case got && match:
			tp++
		case got && !match:
			fp++
		case !got && match:
			fn++
		default:
			tn++
		}
	}
	p, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("nomenklatura persons: %d pairs, precision %.3f recall %.3f F1 %.3f", tp+fp+fn+tn, p, rc, 2*p*rc/(p+rc))
}
