package index_test

import (
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
)

// TestMultiKeyCandidates checks that a record reaches a candidate that only
// a blocking pass of several keys a record finds (linkage.Pass.Keys): here a
// family name's one-letter deletions, the typo pass. With a birth year only
// the typo shares no key of the other passes with its original.
func TestMultiKeyCandidates(t *testing.T) {
	born := lastseen.MustParseDate("1988")
	// strangers keep the index from being a single person
	strangers := []*lastseen.Record{
		{GivenName: "Андрій", FamilyName: "Шевчук", BirthDate: lastseen.NewDate(1985, 1, 2), Sex: lastseen.SexMale},
		{GivenName: "Ирина", FamilyName: "Соколова", BirthDate: lastseen.MustParseDate("1979"), Sex: lastseen.SexFemale},
	}
	for _, tc := range []struct {
		name            string
		target, arrival *lastseen.Record
		found           bool
	}{
		{
			name:    "FamilyTypoFound",
			target:  &lastseen.Record{GivenName: "Олег", Patronymic: "Петрович", FamilyName: "Клименко", BirthDate: born, Sex: lastseen.SexMale},
			arrival: &lastseen.Record{GivenName: "Олег", Patronymic: "Петрович", FamilyName: "Клхменко", BirthDate: born, Sex: lastseen.SexMale},
			found:   true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := index.New(index.Options{})
			for i, r := range withIDs(1, strangers...) {
				ix.Insert(ix.Prepare(r), int64(100+i))
			}
			target := withIDs(10, tc.target)[0]
			ix.Insert(ix.Prepare(target), 7)
			d := ix.Match(ix.Prepare(withIDs(20, tc.arrival)[0]), nil)
			found := false
			for _, pm := range d.Persons {
				if pm.PersonID == 7 {
					found = true
				}
			}
			if found != tc.found {
				t.Errorf("%s against %s: target person found %v, want %v (%s, %+v)", tc.arrival.DisplayName(), tc.target.DisplayName(), found, tc.found, d.Action, d.Persons)
			}
		})
	}
}
