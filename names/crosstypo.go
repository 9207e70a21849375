package names

import (
	"strings"
	"unicode/utf8"
)

// A typo in a romanised name is one slip on the Latin letters, but on the
// skeleton, where the Cyrillic original and every scheme meet, it may be two
// or three: a slip inside a letter written with two or more (Tscuhmak for
// Tschumak, Pantscjenko for Pantschenko) breaks the digraph, and a short
// name (Gutaul for Gutsul, Гуцул) has no room for the two edits the
// skeleton then counts. crossTypo counts the slip where it was made: it
// writes the Cyrillic name in the Latin letters of a few common habits
// (English, ICAO, German, Polish, Czech, French, diacritics folded as Fold
// folds them) and measures the edit distance to the Latin spelling in each.

// romanScheme maps a lower-case Cyrillic letter (U+0400–U+049F) to Latin.
type romanScheme [0xA0]string

var romanSchemes = func() []romanScheme {
	base := map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ie",
		'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
		'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
		'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
	}
	variants := []map[rune]string{
		{}, // ICAO
		{'й': "y", 'ю': "yu", 'я': "ya", 'є': "ye", 'ї': "yi", 'ё': "yo"}, // English press
		{'в': "w", 'ж': "sch", 'з': "s", 'й': "j", 'х': "ch", 'ц': "z", 'ч': "tsch", 'ш': "sch", // German
			'щ': "schtsch", 'ю': "ju", 'я': "ja", 'є': "je", 'ї': "ji", 'ё': "jo"},
		{'в': "w", 'ж': "z", 'й': "j", 'х': "ch", 'ц': "c", 'ч': "cz", 'ш': "sz", 'щ': "szcz", // Polish (ż folded)
			'ю': "iu", 'я': "ia", 'є': "je", 'ї': "ji", 'ё': "io"},
		{'ж': "z", 'й': "j", 'х': "ch", 'ц': "c", 'ч': "c", 'ш': "s", 'щ': "sc", // Czech (č š ž folded)
			'ю': "ju", 'я': "ja", 'є': "je", 'ї': "ji", 'ё': "jo"},
		{'у': "ou", 'ж': "j", 'ч': "tch", 'ш': "ch", 'щ': "chtch", 'ю': "iou", // French
			'я': "ia", 'ё': "io", 'й': "i"},
	}
	out := make([]romanScheme, len(variants))
	for i, v := range variants {
		for r, s := range base {
			out[i][r-0x400] = s
		}
		for r, s := range v {
			out[i][r-0x400] = s
		}
	}
	return out
}()

// romaniseScheme writes a folded Cyrillic name in Latin letters under scheme sc;
// uk writes г as h (Ukrainian), and и as y where the scheme's Ukrainian
// form does. It stops at a letter outside the table, returning false.
func romaniseScheme(dst []byte, cyr string, sc *romanScheme, uk bool) ([]byte, bool) {
	for _, r := range cyr {
		switch {
		case r == ' ':
			dst = append(dst, ' ')
			continue
		case r < 0x400 || r >= 0x4A0:
			return dst, false
		case uk && r == 'г':
			dst = append(dst, 'h')
			continue
		case uk && r == 'и':
			dst = append(dst, 'y')
			continue
		}
		dst = append(dst, sc[r-0x400]...)
	}
	return dst, true
}

// crossTypo: a Latin spelling and a Cyrillic name (both folded) are one
// slip apart (two from nine Latin letters) under some common habit.
func crossTypo(x, y string) bool {
	lat, cyr := x, y
	if !latinFirst(lat) {
		lat, cyr = y, x
	}
	if !latinFirst(lat) || cyr == "" || latinFirst(cyr) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(cyr); r < 0x400 || r >= 0x4A0 {
		return false
	}
	n := len(lat)
	if n < 4 {
		return false
	}
	maxD := typoBudget(n)
	var buf [128]byte
	// г as g and as h: KMU writes Гуцул Hutsul with no letter only
	// Ukrainian has; a name without г or и reads the same both ways
	readings := [2]bool{false, true}
	nr := 1
	if strings.ContainsAny(cyr, "ги") {
		nr = 2
	}
	for i := range romanSchemes {
		for _, u := range readings[:nr] {
			r, ok := romaniseScheme(buf[:0], cyr, &romanSchemes[i], u)
			if !ok {
				return false
			}
			if len(r)-n > maxD || n-len(r) > maxD || !nearBound(lat, r, 2*maxD) {
				continue
			}
			if osa(unsafeBytes(lat), r) <= maxD {
				return true
			}
		}
	}
	return false
}

// nearBound: a and b differ only within k bytes between a common beginning
// and a common end (a quick bound on their edit distance).
func nearBound[A, B ~string | ~[]byte](a A, b B, k int) bool {
	m := min(len(a), len(b))
	p := 0
	for p < m && a[p] == b[p] {
		p++
	}
	q := 0
	for q < m-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	return m-p-q <= k
}
