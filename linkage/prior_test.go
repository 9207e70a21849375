package linkage_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// TestTrainCountsMatches: training counts the duplicate pairs of a list
// whose duplicates carry one error each (a name typo, or one part of the
// birth date replaced), as RLdata's do. Every blocking pass misses the
// duplicates with the error in its keys, so no one pass's count reaches the
// truth; EM over all pairs does, and learns that two disagreeing fields are
// rare among matches.
func TestTrainCountsMatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	given := []string{"Anna", "Boris", "Clara", "Dieter", "Emil", "Frieda", "Gustav", "Hanna", "Ingrid", "Jonas",
		"Karl", "Lena", "Martin", "Nina", "Otto", "Paula", "Rudolf", "Sabine", "Thomas", "Ute"}
	syll := []string{"ber", "kow", "man", "sch", "ler", "tz", "hof", "wald", "ring", "mei", "bach", "stein", "feld", "ko", "ra"}
	family := func() string {
		s := syll[rng.IntN(len(syll))] + syll[rng.IntN(len(syll))] + syll[rng.IntN(len(syll))]
		return string(s[0]-32) + s[1:]
	}
	typo := func(s string) string {
		i := 1 + rng.IntN(len(s)-2)
		return s[:i] + string(rune('a'+rng.IntN(26))) + s[i+1:]
	}
	var rs []rec
	const people, dups = 2000, 300
	for i := 0; i < people; i++ {
		g, f := given[rng.IntN(len(given))], family()
		y, mo, d := 1930+rng.IntN(60), 1+rng.IntN(12), 1+rng.IntN(28)
		rs = append(rs, rec{given: g, family: f, birth: lastseen.NewDate(y, mo, d).String()})
		if i >= dups {
			continue
		}
		switch rng.IntN(5) {
		case 0:
			g = typo(g)
		case 1:
			f = typo(f)
		case 2:
			y = 1930 + rng.IntN(60)
		case 3:
			mo = 1 + rng.IntN(12)
		case 4:
			d = 1 + rng.IntN(28)
		}
		rs = append(rs, rec{given: g, family: f, birth: lastseen.NewDate(y, mo, d).String()})
	}
	p := linkage.NewPreparer(0)
	ps := make([]*linkage.Prepared, len(rs))
	for i, r := range rs {
		ps[i] = p.Prepare(fmt.Sprint(i), r.record(), nil)
	}
	p.Finalize(ps)
	res, err := linkage.Link(context.Background(), ps, linkage.Options{Bands: linkage.DefaultBands(), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Train.Matches
	t.Logf("matches: %.0f estimated (%.0f by the largest pass), %d true", got, res.Train.PassMatches, dups)
	if got < 0.9*dups || got > 1.1*dups {
		t.Errorf("estimated %.0f matching pairs, want %d ± 10%%", got, dups)
	}
	// one error per duplicate: two disagreeing fields are far rarer among
	// matches than independent fields would make them
	if d := res.Model.Disagree; len(d) != linkage.MaxDisagree+1 || d[2] > d[1]/4 {
		t.Errorf("disagreement weights %v, want c(2) below a quarter of c(1)", d)
	}
	if want := float64(dups) / (float64(len(ps)) * float64(len(ps)-1) / 2); res.Model.Prior < 0.9*want || res.Model.Prior > 1.1*want {
		t.Errorf("prior %.3g, want %.3g ± 10%%", res.Model.Prior, want)
	}
}
