package lastseen_test

import (
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
)

func TestGrades(t *testing.T) {
	t.Run("EveryKindHasADefault", func(t *testing.T) {
		d := lastseen.DefaultGrades()
		for _, k := range lastseen.SourceKinds {
			g, ok := d[k]
			if !ok || !lastseen.ValidReliability(g.Reliability) || g.Credibility < 1 || g.Credibility > 6 {
				t.Errorf("kind %s: default grade %v", k, g)
			}
		}
	})
	t.Run("SourceAndClaimOverrideTheKind", func(t *testing.T) {
		gs := lastseen.DefaultGrades()
		src := &lastseen.Source{Kind: lastseen.SourceSocial}
		if g := gs.Of(src, &lastseen.Claim{}); g.String() != "E4" {
			t.Fatalf("social default = %s, want E4", g)
		}
		src.Reliability = "B"
		if g := gs.Of(src, &lastseen.Claim{Credibility: 1}); g.String() != "B1" {
			t.Fatalf("overridden = %s, want B1", g)
		}
		if g := gs.Of(nil, nil); g.String() != "F6" {
			t.Fatalf("no source = %s, want F6", g)
		}
	})
	t.Run("OperatorOverrides", func(t *testing.T) {
		gs, err := lastseen.ParseGrades(" social=e5, media=B3 ")
		if err != nil {
			t.Fatal(err)
		}
		if gs[lastseen.SourceSocial].String() != "E5" || gs[lastseen.SourceMedia].String() != "B3" || gs[lastseen.SourceOfficial].String() != "B2" {
			t.Fatalf("grades = %s", gs)
		}
		again, err := lastseen.ParseGrades(gs.String())
		if err != nil || again.String() != gs.String() {
			t.Fatalf("String does not round-trip: %s -> %s, %v", gs, again, err)
		}
	})
	bad := []struct{ name, in, says string }{
		{"ErrNoEquals", "social", "kind=GRADE"},
		{"ErrKind", "rumour=E5", "not a source kind"},
		{"ErrGrade", "social=G7", "not an Admiralty grade"},
		{"ErrGradeTooLong", "social=B22", "not an Admiralty grade"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lastseen.ParseGrades(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("ParseGrades(%q) = %v, want an error saying %q", tt.in, err, tt.says)
			}
		})
	}
	t.Run("Credible", func(t *testing.T) {
		for s, want := range map[string]bool{"A1": true, "D4": true, "E1": false, "B5": false, "F6": false, "C3": true} {
			g, _ := lastseen.ParseGrade(s)
			if g.Credible() != want {
				t.Errorf("%s credible = %v, want %v", s, !want, want)
			}
		}
	})
}

// FuzzParseGrades checks that no input panics and that every accepted table
// prints in a form that parses back to the same table.
func FuzzParseGrades(f *testing.F) {
	for _, s := range []string{"", "social=E5", " social=e5, media=B3 ", "official=A1,other=F6", "rumour=E5", "social=G7", "social", "=,=", "media=B33"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gs, err := lastseen.ParseGrades(s)
		if err != nil {
			return
		}
		again, err := lastseen.ParseGrades(gs.String())
		if err != nil || again.String() != gs.String() {
			t.Fatalf("ParseGrades(%q) = %s, which reparses as %s, %v", s, gs, again, err)
		}
		for k, g := range gs {
			if !k.Valid() || !lastseen.ValidReliability(g.Reliability) || g.Credibility < 1 || g.Credibility > 6 {
				t.Fatalf("ParseGrades(%q) accepted %s=%s", s, k, g)
			}
		}
	})
}
