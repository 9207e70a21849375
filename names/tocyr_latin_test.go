package names_test

import (
	"slices"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestToCyrillicLatinSpellings measures ToCyrillic on spellings no scheme of
// this package writes: the table's further Latin spellings (Alexander,
// Wassili, Andrzej). One of the name's Russian or Ukrainian full forms should
// be among the top 3.
func TestToCyrillicLatinSpellings(t *testing.T) {
	n, ok := 0, 0
	for _, g := range names.GivenNames() {
		forms := append(slices.Clone(g.Ru), g.Uk...)
		for _, lat := range g.Latin {
			n++
			got := names.ToCyrillic(lat, 3)
			if slices.ContainsFunc(got, func(c string) bool { return slices.Contains(forms, c) }) {
				ok++
			} else if testing.Verbose() {
				t.Logf("%q → %v, want one of %v", lat, got, forms)
			}
		}
	}
	rate := float64(ok) / float64(n)
	t.Logf("%d/%d further Latin spellings read back to a full form (%.1f%%)", ok, n, 100*rate)
	if rate < 0.6 {
		t.Errorf("only %.1f%% of further Latin spellings read back, want ≥ 60%%", 100*rate)
	}
}
