package index

import (
	"slices"
	"testing"

	"github.com/lastseen/lastseen"
)

// TestCandidatesTypoPass checks that the typo pass gives the candidates
// batch blocking takes from it (linkage.Pass.Unless, Distinct): a family
// name one letter off with birth years that agree, not one whose years say
// two people.
func TestCandidatesTypoPass(t *testing.T) {
	rec := func(id int64, family, born string) *lastseen.Record {
		return &lastseen.Record{ID: id, GivenName: "Олег", Patronymic: "Петрович", FamilyName: family, BirthDate: lastseen.MustParseDate(born), Sex: lastseen.SexMale}
	}
	for _, tc := range []struct {
		name   string
		target *lastseen.Record
		want   bool
	}{
		{"DatesAgreeFound", rec(1, "Клименко", "1988"), true},
		{"DatesDisagreeLeftOut", rec(1, "Клименко", "1961"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := New(Options{})
			ix.Insert(ix.Prepare(tc.target), 7)
			p := ix.Prepare(rec(2, "Клхменко", "1988"))
			got := slices.Contains(ix.candidates(p.e), ix.slot[tc.target.ID])
			if got != tc.want {
				t.Errorf("%s %s among the candidates of Клхменко 1988: %v, want %v", tc.target.FamilyName, tc.target.BirthDate, got, tc.want)
			}
		})
	}
}
