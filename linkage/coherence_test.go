package linkage_test

import (
	"testing"

	"github.com/lastseen/lastseen/linkage"
)

// TestVote: pairs whose birth years are far apart count against, pairs with
// one birth date agree, pairs with nothing to compare count neither; a
// contradicting pair in the link band does not count; and a merge of two
// records is never refused by the vote.
func TestVote(t *testing.T) {
	m := linkage.NewModel()
	ps := prepare(m,
		rec{given: "Павел", family: "Виноградов", birth: "1971-12-08", sex: "m"},
		rec{given: "Pavel", family: "Vinogradov", birth: "1944", sex: "m"},
		rec{given: "Pavel", family: "Vinogradov", birth: "1971-12-08", sex: "m"},
		rec{given: "Павел", family: "Виноградов", sex: "m"})
	const link = 3
	for _, tc := range []struct {
		name         string
		pairs        [][2]int
		score        float64
		n            int
		wantAgainst  int
		wantAgree    int
		wantRefusing bool
	}{
		{"AgainstRefuses", [][2]int{{0, 1}, {0, 3}}, 0, 3, 1, 0, true},
		{"AgreeOutweighs", [][2]int{{0, 1}, {0, 2}}, 0, 3, 1, 1, false},
		{"LinkBandNotCounted", [][2]int{{0, 1}, {0, 3}}, link, 3, 0, 0, false},
		{"PairNeverRefused", [][2]int{{0, 1}}, 0, 2, 1, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v linkage.Vote
			for _, p := range tc.pairs {
				c := linkage.Compare(ps[p[0]], ps[p[1]])
				v.Add(&c, tc.score, link)
			}
			if v.Against != tc.wantAgainst || v.Agree != tc.wantAgree || v.Refuses(tc.n) != tc.wantRefusing {
				t.Errorf("%+v, refuses %d records: %v; want against %d, agree %d, refuses %v",
					v, tc.n, v.Refuses(tc.n), tc.wantAgainst, tc.wantAgree, tc.wantRefusing)
			}
		})
	}
}
