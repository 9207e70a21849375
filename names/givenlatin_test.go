package names_test

import (
	"slices"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestGivenKeysSurviveTransliteration: every form and diminutive of the table,
// romanised under every scheme, still finds its entry.
func TestGivenKeysSurviveTransliteration(t *testing.T) {
	total, miss := 0, 0
	for _, g := range names.GivenNames() {
		check := func(form string, lang names.Lang) {
			for _, sc := range names.Schemes {
				lat := names.TranslitLang(form, sc, lang)
				total++
				if !slices.Contains(names.GivenKeys(lat), g.ID) {
					miss++
					if testing.Verbose() && miss < 60 {
						t.Logf("%s: %q under %s is %q → %v", g.ID, form, sc, lat, names.GivenKeys(lat))
					}
				}
			}
		}
		for _, f := range g.Ru {
			check(f, names.LangRu)
		}
		for _, f := range g.Uk {
			check(f, names.LangUk)
		}
		for _, f := range g.Dim {
			check(f, names.LangAuto)
		}
	}
	rate := 1 - float64(miss)/float64(total)
	t.Logf("%d of %d romanised forms find their entry (%.2f%%)", total-miss, total, 100*rate)
	if rate < 0.97 {
		t.Errorf("only %.2f%% of romanised forms find their entry, want ≥ 97%%", 100*rate)
	}
}
