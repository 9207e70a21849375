package names_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestToCyrillicStandardSpellingFirst: where the name tables know a name's
// standard spelling with ё, ь or the apostrophe and the scheme does not write
// that letter, the standard spelling comes first and the plain one second.
func TestToCyrillicStandardSpellingFirst(t *testing.T) {
	for _, tc := range []struct {
		latin       string
		sc          names.Scheme // 0: ToCyrillic
		first, next string
	}{
		{"Artem", 0, "Артём", "Артем"}, // given name, ICAO writes ё as e
		{"Fedor", names.ICAO, "Фёдор", "Федор"},
		{"Alena", 0, "Алёна", "Алена"},
		{"Kovalev", 0, "Ковалёв", "Ковалев"}, // surname table
		{"Vorobeva", names.ICAO, "Воробьёва", "Воробьева"},
		{"Vasileva", names.ICAO, "Васильева", "Василева"},    // feminine form, ICAO drops ь
		{"Korolov", names.KMU2010, "Корольов", "Королов"},    // Ukrainian ьо
		{"Fedorovych", names.KMU2010, "Федорович", ""},       // no ё in Ukrainian
		{"Artemovich", names.ICAO, "Артёмович", "Артемович"}, // patronymic
	} {
		var got []string
		if tc.sc == 0 {
			got = names.ToCyrillic(tc.latin, 3)
		} else {
			got = names.ToCyrillicScheme(tc.latin, tc.sc, 3)
		}
		if len(got) == 0 || got[0] != tc.first {
			t.Errorf("%q (%v): got %v, want %q first", tc.latin, tc.sc, got, tc.first)
			continue
		}
		if tc.next != "" && !slices.Contains(got, tc.next) {
			t.Errorf("%q (%v): got %v, want %q among the top 3 too", tc.latin, tc.sc, got, tc.next)
		}
	}
	// a scheme that writes ь says the name has none: GOST 7.79 B writes
	// Васильев as Vasil`ev, so its Vasilev is Василев
	if got := names.ToCyrillicScheme("Vasilev", names.GOST779B, 3); len(got) == 0 || got[0] != "Василев" {
		t.Errorf("Vasilev (GOST 7.79 B): got %v, want Василев first", got)
	}
}

// TestToCyrillicNoYoWhereRussianSpellsNone: the ё a reading restores stands
// where Russian writes one; the family suffix after a vowel is -ев, and ё
// does not come before a vowel.
func TestToCyrillicNoYoWhereRussianSpellsNone(t *testing.T) {
	for _, tc := range []struct{ latin, not string }{
		{"Alekseev", "Алексеёв"},
		{"Nikolaev", "Николаёв"},
		{"Matveev", "Матвеёв"},
		{"Sergeev", "Сергеёв"},
		{"Andreeva", "Андреёва"},
		{"Kleenkina", "Клёенкина"},
		{"Zaev", "Заёв"}, // the rules' e → ё, not only yoVariants'
	} {
		if got := names.ToCyrillic(tc.latin, 2); slices.Contains(got, tc.not) {
			t.Errorf("%q: got %v, want no %q among the first two", tc.latin, got, tc.not)
		}
	}
	// nor among the first five does a reading spell ё before a vowel: the
	// first two alone left Клёенкина (fourth) and Пёэров (second of
	// Pioerov) unchecked before the rule
	for _, latin := range []string{"Kleenkina", "Kleenkin", "Pioerov", "Fedoeev", "Matveeva"} {
		for _, got := range names.ToCyrillic(latin, 5) {
			r := []rune(got)
			for i := 0; i+1 < len(r); i++ {
				if r[i] == 'ё' && strings.ContainsRune("аеёиоуыэюяєії", r[i+1]) {
					t.Errorf("%q: %q spells ё before a vowel", latin, got)
				}
			}
		}
	}
	// nor among the first three does -ёв follow a vowel
	for _, latin := range []string{"Zaev", "Zuev", "Chaev", "Kaev", "Noev", "Mamaev", "Fadeev"} {
		for _, got := range names.ToCyrillic(latin, 3) {
			if strings.HasSuffix(got, "ёв") && strings.ContainsRune("аеиоуыэюя", []rune(got)[len([]rune(got))-3]) {
				t.Errorf("%q: %q, -ёв after a vowel", latin, got)
			}
		}
	}
	// where Russian does write ё it is still restored
	for _, tc := range []struct{ latin, want string }{
		{"Korolev", "Королёв"},
		{"Zhuravlev", "Журавлёв"},
		{"Moe", "Моё"},
	} {
		if got := names.ToCyrillic(tc.latin, 3); !slices.Contains(got, tc.want) {
			t.Errorf("%q: got %v, want %q among the top 3", tc.latin, got, tc.want)
		}
	}
}

// TestToCyrillicApostrophe: the apostrophe a reading inserts is ’ (U+2019);
// one the Latin writes is kept as it is written.
func TestToCyrillicApostrophe(t *testing.T) {
	for _, tc := range []struct{ latin, want string }{
		{"Mariana", "Мар’яна"},
		{"Mar'iana", "Мар'яна"},
		{"Mar’iana", "Мар’яна"},
		{"Marʼiana", "Марʼяна"},
		{"Vyacheslav", "Вячеслав"},
	} {
		if got := names.ToCyrillic(tc.latin, 3); !slices.Contains(got, tc.want) {
			t.Errorf("ToCyrillic(%q) = %v, want %q among them", tc.latin, got, tc.want)
		}
	}
	if got := names.ToCyrillicScheme("Viacheslav", names.KMU2010, 1); len(got) != 1 || got[0] != "В’ячеслав" {
		t.Errorf("ToCyrillicScheme(Viacheslav, KMU2010, 1) = %v, want В’ячеслав", got)
	}
}

// TestToCyrillicOneScheme: the joint reading of several words keeps to one
// scheme. "Madyr Chetkii" is ICAO (ы as y, ий as ii: Мадыр Четкий) or KMU (и
// as y, ій as ii: Мадир Четкій); Мадир (KMU) with Четкий (ICAO) is neither
// and costs more, so both one-scheme readings are among the top 3 (before,
// the mixed readings Мадир Четкий and Мадир Чёткий took two of the three).
func TestToCyrillicOneScheme(t *testing.T) {
	got := names.ToCyrillic("Madyr Chetkii", 3)
	for _, want := range []string{"Мадыр Четкий", "Мадир Четкій"} {
		if !slices.Contains(got, want) {
			t.Errorf("ToCyrillic(Madyr Chetkii) = %v, want %q among them", got, want)
		}
	}
	// separators stay as they are, and each word still gets its reading
	if got := names.ToCyrillic("Kovalenko,  Oleksandr", 1); len(got) != 1 || got[0] != "Коваленко,  Олександр" {
		t.Errorf("ToCyrillic(Kovalenko,  Oleksandr) = %v", got)
	}
}

// TestSurnameSpellings: every entry of the surname table has the letter it is
// there for (ё, ь or the apostrophe), once.
func TestSurnameSpellings(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range names.SurnameSpellings() {
		if !strings.ContainsAny(strings.ToLower(s), "ёь'") {
			t.Errorf("%q has no ё, ь or apostrophe: it needs no entry", s)
		}
		if seen[s] {
			t.Errorf("%q is listed twice", s)
		}
		seen[s] = true
	}
}
