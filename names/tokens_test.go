package names_test

import (
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// The project's own examples of names that are not Slavic, one per rule of
// CompareTokens. want is the outcome at the package's thresholds.
func TestCompareTokens(t *testing.T) {
	const (
		match  = "match"
		review = "review"
		differ = "different"
	)
	cases := []struct {
		name, a, b, want string
	}{
		{"MatchSame", "Maria Fernanda Lopez", "Maria Fernanda Lopez", match},
		{"MatchDiacriticsAndCase", "JOSÉ MARÍA GARCÍA", "Jose Maria Garcia", match},
		{"MatchTypo", "Giuseppe Verdi", "Guiseppe Verdi", match},
		{"MatchCommaOrder", "GARCIA MARQUEZ, Gabriel", "Gabriel Garcia Marquez", match},
		{"MatchCapsFamilyFirst", "VERDI Giuseppe", "Giuseppe Verdi", match},
		{"MatchHyphenated", "Anna-Lena Schmidt", "Anna Lena Schmidt", match},
		{"MatchGluedWords", "Annalena Schmidt", "Anna Lena Schmidt", match},
		{"MatchGluedThreeWords", "Pieter van der Berg", "Pieter Vanderberg", match},
		{"MatchInitial", "Karl H. Bauer", "Karl Heinrich Bauer", match},
		{"MatchDroppedMiddleName", "Yusuf Kamal Haddad", "Yusuf Haddad", match},
		{"MatchParticlesAndTitle", "Dr. Khalid bin Walid al-Amin", "Khalid Walid Amin", match},
		{"MatchRotatedArabic", "bin Walid Khalid", "Khalid bin Walid", match},
		{"MatchCyrillicLatin", "Барак Обама", "Barack Obama", match},
		{"MatchGreekLatin", "Νίκος Παππάς", "Nikos Pappas", match},
		{"MatchGeorgianLatin", "გიორგი ბერიძე", "Giorgi Beridze", match},
		{"ReviewSwappedTwoWords", "Bauer Karl", "Karl Bauer", review},
		{"DifferentGivenName", "Karl Bauer", "Otto Bauer", differ},
		{"DifferentFamilyName", "Karl Bauer", "Karl Wagner", differ},
		{"DifferentInitial", "Karl H. Bauer", "Karl Otto Bauer", differ},
		{"ReviewFatherAndSonSwapped", "Khalid bin Walid al-Amin", "Walid bin Khalid al-Amin", review},
		{"DifferentOneWordInCommon", "Bauer", "Karl Otto Bauer", differ},
		{"DifferentNoWords", "...", "Karl Bauer", differ},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := names.CompareTokens(c.a, c.b)
			outcome := differ
			switch {
			case got.Score >= names.MatchThreshold:
				outcome = match
			case got.Score >= names.ReviewThreshold:
				outcome = review
			}
			if outcome != c.want {
				t.Errorf("CompareTokens(%q, %q) = %.3f, %s; want %s\n%s", c.a, c.b, got.Score, outcome, c.want,
					strings.Join(got.Reasons, "\n"))
			}
			if len(got.Reasons) == 0 {
				t.Errorf("no reasons given")
			}
			if back := names.CompareTokens(c.b, c.a).Score; back < got.Score-0.05 || back > got.Score+0.05 {
				t.Errorf("not symmetric: %.3f one way, %.3f the other", got.Score, back)
			}
		})
	}
}

func FuzzCompareTokens(f *testing.F) {
	for _, s := range []string{"Maria Fernanda Lopez", "GARCIA, Gabriel", "Dr. Khalid bin Walid al-Amin",
		"Барак Обама", "Νίκος Παππάς", "A.", ",", "-- ,, ..", "Ali,", "习近平"} {
		f.Add(s, "Gabriel Garcia")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		c := names.CompareTokens(a, b)
		if c.Score < 0 || c.Score > 1 || c.Score != c.Score {
			t.Fatalf("CompareTokens(%q, %q) = %v, outside [0,1]", a, b, c.Score)
		}
	})
}
