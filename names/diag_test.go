package names_test

import (
	"fmt"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestGeneratedByPhenomenon breaks generated-match recall down by what the
// two records do (-v); a diagnostic for where the scorer loses.
func TestGeneratedByPhenomenon(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("diagnostic; run with -v")
	}
	g := newGen(99)
	type agg struct{ n, ok, rev int }
	by := map[string]*agg{}
	add := func(k string, s float64) {
		a := by[k]
		if a == nil {
			a = &agg{}
			by[k] = a
		}
		a.n++
		if s >= names.MatchThreshold {
			a.ok++
		}
		if s >= names.ReviewThreshold {
			a.rev++
		}
	}
	for i := 0; i < 4000; i++ {
		p := g.person()
		sa, sb := g.style(), g.style()
		a, b := g.render(p, sa), g.render(p, sb)
		s := score(a, b).Score
		add("all", s)
		for _, st := range []style{sa, sb} {
			if st.typo {
				add("typo", s)
			}
			if st.givenForm == 1 {
				add("diminutive", s)
			}
			if st.givenForm == 2 || st.order >= 3 {
				add("initials", s)
			}
			if st.givenForm == 3 {
				add("given missing", s)
			}
			if st.scheme != 0 {
				add("latin "+st.scheme.String(), s)
			}
			add(fmt.Sprintf("order %d", st.order), s)
		}
		if sa.lang != sb.lang {
			add("ru vs uk", s)
		}
		if !sa.typo && !sb.typo && sa.givenForm == 0 && sb.givenForm == 0 && sa.order < 3 && sb.order < 3 {
			add("clean (full given, no typo)", s)
		}
	}
	for k, a := range by {
		t.Logf("%-30s n=%5d  ≥match %.3f  ≥review %.3f", k, a.n, float64(a.ok)/float64(a.n), float64(a.rev)/float64(a.n))
	}
}

// TestDimMisses lists generated matches with a pet name that score below the
// match threshold (-v); a diagnostic.
func TestDimMisses(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("diagnostic; run with -v")
	}
	g := newGen(99)
	n := 0
	for i := 0; i < 4000 && n < 40; i++ {
		p := g.person()
		sa, sb := g.style(), g.style()
		a, b := g.render(p, sa), g.render(p, sb)
		c := score(a, b)
		if (sa.givenForm == 1 || sb.givenForm == 1) && !sa.typo && !sb.typo && c.Score < 0.75 {
			n++
			t.Logf("%.3f %s | %s  (%s %s %s)", c.Score, a, b, c.Family, c.Given, c.Patronymic)
		}
	}
}
