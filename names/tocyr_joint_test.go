package names_test

import (
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// mixesLanguages: a joint reading with a Ukrainian-only letter (і ї є ґ) in
// one word and a Russian-only spelling (ы э ъ ё, or е и ё after ь) in another.
func mixesLanguages(s string) bool {
	var uk, ru bool
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if strings.ContainsAny(lw, "іїєґ") {
			uk = true
		}
		if strings.ContainsAny(lw, "ыэъё") || strings.Contains(lw, "ье") || strings.Contains(lw, "ьи") {
			ru = true
		}
	}
	return uk && ru
}

// TestToCyrillicOneLanguage: one person's name is written in one language, so
// no joint reading among the top 3 pairs a Ukrainian-only letter in one word
// with a Russian-only spelling in another (Геннадій Ильин, Ґая Юрьева), when
// one-language readings are at hand.
func TestToCyrillicOneLanguage(t *testing.T) {
	for _, tc := range []struct {
		latin string
		sc    names.Scheme
	}{
		{"Gennadii Ilin", names.ICAO}, // Геннадий Ильин or Геннадій Ільїн, not Геннадій Ильин
		{"Gennadii Ilin", 0},
		{"Gaia Iureva", 0},
		{"Galina Grigoreva", names.ICAO},
		{"Dina Tatiana", 0},
		{"Inna Sergeeva", 0},
	} {
		var got []string
		if tc.sc == 0 {
			got = names.ToCyrillic(tc.latin, 3)
		} else {
			got = names.ToCyrillicScheme(tc.latin, tc.sc, 3)
		}
		for _, s := range got {
			if mixesLanguages(s) {
				t.Errorf("ToCyrillic(%q, %v) = %q: %q mixes Ukrainian and Russian spellings", tc.latin, tc.sc, got, s)
			}
		}
	}
}

// TestToCyrillicVariedJointReadings: when both words of a name are uncertain,
// the top 3 offer alternatives of both, not three readings of one word
// (Gaia Iureva: Гая Юрьева, Гая Юрева and Гайа Юрьева, not Гая Иурева).
func TestToCyrillicVariedJointReadings(t *testing.T) {
	for _, latin := range []string{"Gaia Iureva", "Dina Tatiana"} {
		got := names.ToCyrillic(latin, 3)
		distinct := map[int]map[string]bool{}
		for _, s := range got {
			for k, w := range strings.Fields(s) {
				if distinct[k] == nil {
					distinct[k] = map[string]bool{}
				}
				distinct[k][w] = true
			}
		}
		for k := range strings.Fields(latin) {
			if len(distinct[k]) < 2 {
				t.Errorf("ToCyrillic(%q, 3) = %q: word %d has one reading in all three", latin, got, k+1)
			}
		}
	}
}

// TestToCyrillicStressOnVowel: a stress acute rides on a vowel; й is a
// consonant and takes none, so KMU's Ý (И́ or Й́) reads И́ first.
func TestToCyrillicStressOnVowel(t *testing.T) {
	for _, tc := range []struct{ latin, want string }{
		{"Ý", "И́"},
		{"ý", "и́"},
		{"Mýkola", "Ми́кола"},
	} {
		got := names.ToCyrillicScheme(tc.latin, names.KMU2010, 3)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("ToCyrillicScheme(%q, KMU2010) = %q, want %q first", tc.latin, got, tc.want)
		}
	}
}

// TestToCyrillicSurnameSuffixHard: the suffixes -ов, -ев, -ин of surnames
// take no soft sign, so a reading with one (Никитинь, Зотовь) is not among
// the first two when the word has another reading to offer (Borisov has
// none: Борисовь stays second), while the nouns that end so keep it when the
// Latin writes it (Любовь).
func TestToCyrillicSurnameSuffixHard(t *testing.T) {
	for _, latin := range []string{"Nikitin", "Fomin", "Mikhailov", "Saidov", "Zotov", "Gusev"} {
		got := names.ToCyrillic(latin, 2)
		for _, s := range got {
			if strings.HasSuffix(s, "вь") || strings.HasSuffix(s, "нь") {
				t.Errorf("ToCyrillic(%q, 2) = %q: %q puts ь after the suffix", latin, got, s)
			}
		}
	}
	if got := names.ToCyrillicScheme("Lyubov’", names.BGNPCGN, 1); len(got) != 1 || got[0] != "Любовь" {
		t.Errorf("ToCyrillicScheme(Lyubov’, BGN/PCGN, 1) = %q, want Любовь", got)
	}
}
