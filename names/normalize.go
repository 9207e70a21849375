package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Apostrophe is the single apostrophe Normalize writes for every variant
// (’ ʼ ` ´ ‘ ′ ʹ …). Ukrainian names carry one (Мар'яна, В'ячеслав) and every
// source types a different character for it.
const Apostrophe = '\''

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '´', '‘', '′', 'ʹ', 'ʻ', 'ˈ', '‛', '＇':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

// Look-alike letters: typists and OCR mix them into words of the other script.
var latToCyr = map[rune]rune{
	'a': 'а', 'c': 'с', 'e': 'е', 'i': 'і', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'ï': 'ї',
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'I': 'І', 'K': 'К', 'M': 'М', 'O': 'О',
	'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У', 'Ï': 'Ї', 'ë': 'ё', 'Ë': 'Ё',
}

var cyrToLat = map[rune]rune{
	'а': 'a', 'с': 'c', 'е': 'e', 'і': 'i', 'о': 'o', 'р': 'p', 'х': 'x', 'у': 'y', 'ї': 'ï', 'ј': 'j',
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'І': 'I', 'К': 'K', 'М': 'M', 'О': 'O',
	'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ї': 'Ï', 'ё': 'ë', 'Ё': 'Ë',
}

// Normalize returns the stored form of a name: NFC, trimmed, runs of white
// space as one space, every apostrophe variant as Apostrophe, dashes as '-',
// and Latin look-alike letters inside a Cyrillic word (or the reverse) replaced
// by the letter of the word's script. Case and the letters й ї є ё ґ are kept:
// the stored form must not lose what the source wrote.
func Normalize(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		// one word at a time, so that look-alikes are judged by their word
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '(' || r == ')' {
				break
			}
			j += n
		}
		if j == i {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = true
			} else {
				b.WriteRune(r)
				space = false
			}
			i += n
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		writeWord(&b, s[i:j])
		i = j
	}
	out := b.String()
	return strings.TrimRight(out, " ")
}

func writeWord(b *strings.Builder, w string) {
	var cyr, lat int
	for _, r := range w {
		if isCyrillic(r) {
			if _, ok := cyrToLat[r]; !ok {
				cyr++
			}
		} else if isLatinLetter(r) {
			if _, ok := latToCyr[r]; !ok {
				lat++
			}
		}
	}
	fixTo := 0 // 1: to Cyrillic, 2: to Latin
	switch {
	case cyr > 0 && lat == 0:
		fixTo = 1
	case lat > 0 && cyr == 0:
		fixTo = 2
	case cyr == 0 && lat == 0:
		// only look-alikes: trust the majority of the raw letters
		var c, l int
		for _, r := range w {
			if isCyrillic(r) {
				c++
			} else if isLatinLetter(r) {
				l++
			}
		}
		if c > l {
			fixTo = 1
		} else if l > c {
			fixTo = 2
		}
	}
	for _, r := range w {
		switch {
		case isApostrophe(r):
			r = Apostrophe
		case isDash(r):
			r = '-'
		case fixTo == 1 && !isCyrillic(r):
			if c, ok := latToCyr[r]; ok {
				r = c
			}
		case fixTo == 2 && isCyrillic(r):
			if c, ok := cyrToLat[r]; ok {
				r = c
			}
		}
		b.WriteRune(r)
	}
}

// Fold returns the matching form of a name: Normalize, then lower case, ё→е,
// apostrophes and stress marks dropped, Latin diacritics removed (é→e, š→s),
// dashes as spaces. It keeps й, ї, є, ґ and і distinct from и, і, е, г: those are
// different letters, and the cross-script folds belong to the skeleton, not here.
func Fold(s string) string {
	s = Normalize(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == Apostrophe:
			continue
		case r == '-' || r == '.':
			r = ' '
		case unicode.Is(unicode.Mn, r):
			continue // stress accents, and combining marks NFC could not compose
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case isCyrillic(r):
			r = unicode.ToLower(r)
		case r >= 0x80 && isLatinLetter(r):
			r = foldLatin(unicode.ToLower(r))
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// foldLatin strips a diacritic from a lower-case Latin letter (š→s, ë→e, ø→o).
func foldLatin(r rune) rune {
	switch r {
	case 'ß':
		return 's'
	case 'ø':
		return 'o'
	case 'ł':
		return 'l'
	case 'đ':
		return 'd'
	case 'ı':
		return 'i'
	case 'ʹ', 'ʺ':
		return r
	}
	d := norm.NFD.String(string(r))
	if c, _ := utf8.DecodeRuneInString(d); c < 0x80 {
		return c
	}
	return r
}
