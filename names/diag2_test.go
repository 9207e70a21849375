package names_test

import "testing"

func TestDimMisses(t *testing.T) {
	if !testing.Verbose() {
		t.Skip()
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
