package synth

import "testing"

// TestParseBody checks that parseBody reads back what appendBody wrote, for
// every record of a run and for fields that need quotes.
func TestParseBody(t *testing.T) {
	recs := []Record{
		{GivenName: `Ів"ан`, FamilyName: "Петренко, мол.", Patronymic: " x", FullName: `""`, Notes: "a\nb", Source: `\.`},
		{Status: "???", Place: ","},
		{},
	}
	if err := Generate(Config{People: 1500, Seed: 8, BrokenRate: 0.1}, func(r *Record) error {
		recs = append(recs, *r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, want := range recs {
		var got Record
		parseBody(appendBody(nil, &want), &got)
		if got.GivenName != want.GivenName || got.FamilyName != want.FamilyName || got.Patronymic != want.Patronymic ||
			got.FullName != want.FullName || got.BirthDate != want.BirthDate || got.BirthPlace != want.BirthPlace ||
			got.Sex != want.Sex || got.Unit != want.Unit || got.Status != want.Status || got.StatusDate != want.StatusDate ||
			got.Place != want.Place || got.Notes != want.Notes || got.Side != want.Side ||
			got.ServiceNumber != want.ServiceNumber || got.Source != want.Source {
			t.Fatalf("read back %+v\nwrote %+v", got, want)
		}
	}
}
