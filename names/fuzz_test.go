package names_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lastseen/lastseen/names"
)

var fuzzSeeds = []string{
	"Олександр Миколайович Коваленко", "KOVALENKO Oleksandr Mykolaiovych", "Коваленко О.М.", "O. M. Kovalenko",
	"Мар’яна В'ячеславівна", "Ковaленко", "Ûliâ Ŝerbakova", "s``esh` e`tix", "Ty·ay·a", "Є́с сЄ́с",
	"", " ", ".", "..", "-", "'", "Ь", "ъ", "Й.Й.Й.", "a.b.c.d.e.f.g.h.i.j", "Петров-Водкин Кузьма",
	"\x00\xff\xfe", "Иван\u0306", "Y", "yy", "Iiii", "zgh", "ЗГ", "Щ", "Ё", "ǅ", "👩‍👩‍👦 Коваленко",
	strings.Repeat("Коваленко ", 20), strings.Repeat("я", 100),
}

// FuzzParse: Parse and Prepare never panic, give valid UTF-8 parts taken from
// the input, a confidence in [0,1], and a Score in [0,1] against themselves.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := names.Parse(s)
		for _, part := range []string{p.Given, p.Patronymic, p.Family} {
			if !utf8.ValidString(part) && utf8.ValidString(s) {
				t.Fatalf("Parse(%q): invalid UTF-8 part %q", s, part)
			}
		}
		if p.Confidence < 0 || p.Confidence > 1 {
			t.Fatalf("Parse(%q): confidence %v", s, p.Confidence)
		}
		n := names.Prepare("", "", "", s)
		c := names.Score(&n, &n)
		if c.Score < 0 || c.Score > 1 {
			t.Fatalf("Score(%q, itself) = %v", s, c.Score)
		}
		if n.Given != "" || n.Family != "" {
			if c.Score < names.ReviewThreshold && n.Family != "" && n.Given != "" {
				t.Fatalf("a name is not similar to itself: %q scores %v (%+v)", s, c.Score, c)
			}
		}
		_ = names.BlockingKeys(&n)
		_ = names.Similarity(s, "Олександр Коваленко")
	})
}

// FuzzTranslit: every scheme takes any input without panicking, returns valid
// UTF-8 for valid input, and leaves no Cyrillic letter behind.
func FuzzTranslit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		sc := names.Schemes[int(k)%len(names.Schemes)]
		out := names.Translit(s, sc)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Translit(%q, %s) = %q: invalid UTF-8", s, sc, out)
		}
		for _, r := range out {
			if strings.ContainsRune("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяАБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", r) {
				t.Fatalf("Translit(%q, %s) = %q keeps a Cyrillic letter", s, sc, out)
			}
		}
		_ = names.Skeleton(s)
		_ = names.FamilySkeleton(s)
		_ = names.PhoneticKey(s)
		_ = names.Fold(s)
		_ = names.Normalize(s)
	})
}

// FuzzToCyrillic: any input, no panic, at most n candidates, all distinct.
func FuzzToCyrillic(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Oleksandr Kovalenko")
	f.Add("Shchukin Yu.")
	f.Add("Piatnytsia z'iizd 'zhuk'")
	f.Add("Razieezdnoi\tChetkii")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			s = s[:64] // keep each run short: the beam grows with the word
		}
		check := func(what string, out []string) {
			if len(out) > 3 {
				t.Fatalf("%s(%q, 3) gave %d candidates", what, s, len(out))
			}
			seen := map[string]bool{}
			for _, c := range out {
				if seen[c] {
					t.Fatalf("%s(%q): duplicate %q in %v", what, s, c, out)
				}
				seen[c] = true
			}
		}
		check("ToCyrillic", names.ToCyrillic(s, 3))
		// the scheme of the input's length, so the seeds cover several
		sc := names.Schemes[len(s)%len(names.Schemes)]
		check("ToCyrillicScheme "+sc.String(), names.ToCyrillicScheme(s, sc, 3))
	})
}
