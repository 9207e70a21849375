package linkage_test

import (
	"testing"

	"github.com/lastseen/lastseen/linkage"
)

// TestCoherent: two groups of one man's records cohere; namesakes born
// fifteen years apart do not, nor two records of different given names
// (hard evidence, linkage.Conflict), nor groups with more cross pairs than
// MaxCross.
func TestCoherent(t *testing.T) {
	m := linkage.NewModel()
	rs := append(group("Олександр", "Коваленко", "1970-05-01", 4), group("Олександр", "Коваленко", "1985-09-12", 2)...)
	rs = append(rs, rec{given: "Микола", family: "Коваленко", birth: "1970-05-01", place: "Харків", sex: "m"})
	ps := prepare(m, rs...)
	if !linkage.Conflict(ps[0], ps[6]) {
		t.Fatal("the test needs Олександр and Микола to be hard evidence of two people")
	}
	opt := linkage.DefaultClusterOptions(linkage.Bands{Link: 5, Review: 0})
	few := opt
	few.MaxCross = 3
	for _, tc := range []struct {
		name string
		a, b []*linkage.Prepared
		opt  linkage.ClusterOptions
		want bool
	}{
		{"OneManCoheres", ps[0:2], ps[2:4], opt, true},
		{"NamesakesDoNot", ps[0:2], ps[4:6], opt, false},
		{"ConflictDoesNot", ps[0:1], ps[6:7], opt, false},
		{"MaxCrossDoesNot", ps[0:2], ps[2:4], few, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := linkage.Coherent(m, tc.a, tc.b, tc.opt); got != tc.want {
				t.Errorf("Coherent = %v, want %v", got, tc.want)
			}
		})
	}
}
