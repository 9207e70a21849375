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

// Look-alike letters: typists and OCR mix them into words of the other
// script. latLookalike and cyrLookalike give the letter of the other script.

// Normalize returns the stored form of a name: NFC, trimmed, runs of white
// space as one space, every apostrophe variant as Apostrophe, dashes as '-',
// and Latin look-alike letters inside a Cyrillic word (or the reverse) replaced
// by the letter of the word's script. Case and the letters й ї є ё ґ are kept:
// the stored form must not lose what the source wrote. A string that is
// already in stored form is returned as it is, without allocating.
func Normalize(s string) string {
	if _, ok := normalizedScript(s); ok {
		return s
	}
	return normalizeSlow(s)
}

// normalizeScript returns Normalize(s) and DetectScript of it, in one scan
// when s is in stored form already.
func normalizeScript(s string) (string, Script) {
	if sc, ok := normalizedScript(s); ok {
		return s, sc
	}
	s = normalizeSlow(s)
	return s, DetectScript(s)
}

// normalizeSlow is Normalize for a string that is not in stored form.
func normalizeSlow(s string) string {
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
			if isWordBreak(r) {
				break
			}
			j += n
		}
		if j == i {
			r, n := utf8.DecodeRuneInString(s[i:])
			// the machine-readable zone of a passport writes KOVALENKO<<OLEKSANDR
			if unicode.IsSpace(r) || r == '<' {
				space = true
			} else {
				if r == '(' && space && b.Len() > 0 {
					b.WriteByte(' ') // Kozlova (Ignat’eva): the bracket opens a word
				}
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
		writeWord(&b, s[i:j], s)
		i = j
	}
	out := b.String()
	return strings.TrimRight(out, " ")
}

func isWordBreak(r rune) bool {
	return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '(' || r == ')' || r == '<'
}

// nameScript is the script of a whole name as its words show it: 1 when
// some word has a letter only Cyrillic has and none a letter only Latin has,
// 2 the other way round, 0 when the words disagree or none decides. A word
// of look-alike letters alone (the initial "H." in "Коваленко H.", "Cepa")
// is read in the script of the rest of the name.
func nameScript(s string) int {
	var cyr, lat bool
	for _, r := range s {
		if isCyrillic(r) {
			if _, ok := cyrLookalike(r); !ok {
				cyr = true
			}
		} else if isLatinLetter(r) {
			if _, ok := latLookalike(r); !ok {
				lat = true
			}
		}
	}
	switch {
	case cyr && !lat:
		return 1
	case lat && !cyr:
		return 2
	}
	return 0
}

// normalizedScript is a quick scan for the common case of a clean name:
// single spaces, the one apostrophe and dash, no word mixing scripts, and
// only runes that are NFC by themselves. For such a name it also returns
// what DetectScript would: its letters are ASCII or U+00C0–U+024F, all of
// the Latin script, or Cyrillic, and not both, and it has no other letter.
func normalizedScript(s string) (Script, bool) {
	if s == "" {
		return ScriptNone, true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return 0, false
	}
	var cyr, lat, digit, prevSpace bool
	var anyCyr, anyLat bool // in any word: a name mixing scripts word by word takes the slow path
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r == ' ':
			if prevSpace {
				return 0, false
			}
			prevSpace, cyr, lat, digit = true, false, false, false
			continue
		case r < 0x80:
			if r < ' ' || r == '`' || r == '<' {
				return 0, false
			}
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				lat = true
			} else if r >= '0' && r <= '9' {
				digit = true
			}
		case r >= 0x400 && r < 0x530:
			cyr = true
		case r >= 0xC0 && r < 0x250 && r != 0xD7 && r != 0xF7:
			lat = true // precomposed Latin letters are NFC
		default:
			// spaces, apostrophes, dashes, marks and other scripts: the slow path
			return 0, false
		}
		if cyr && lat || digit && (cyr || lat) {
			return 0, false
		}
		anyCyr, anyLat = anyCyr || cyr, anyLat || lat
		prevSpace = false
	}
	if anyCyr && anyLat {
		return 0, false
	}
	return scriptOf(anyLat, anyCyr), true
}

func latLookalike(r rune) (rune, bool) {
	switch r {
	case 'a':
		return 'а', true
	case 'c':
		return 'с', true
	case 'e':
		return 'е', true
	case 'i':
		return 'і', true
	case 'o':
		return 'о', true
	case 'p':
		return 'р', true
	case 'x':
		return 'х', true
	case 'y':
		return 'у', true
	case 'ï':
		return 'ї', true
	case 'ë':
		return 'ё', true
	case 'A':
		return 'А', true
	case 'B':
		return 'В', true
	case 'C':
		return 'С', true
	case 'E':
		return 'Е', true
	case 'H':
		return 'Н', true
	case 'I':
		return 'І', true
	case 'K':
		return 'К', true
	case 'M':
		return 'М', true
	case 'O':
		return 'О', true
	case 'P':
		return 'Р', true
	case 'T':
		return 'Т', true
	case 'X':
		return 'Х', true
	case 'Y':
		return 'У', true
	case 'Ï':
		return 'Ї', true
	case 'Ë':
		return 'Ё', true
	}
	return r, false
}

func cyrLookalike(r rune) (rune, bool) {
	switch r {
	case 'а':
		return 'a', true
	case 'с':
		return 'c', true
	case 'е':
		return 'e', true
	case 'і':
		return 'i', true
	case 'о':
		return 'o', true
	case 'р':
		return 'p', true
	case 'х':
		return 'x', true
	case 'у':
		return 'y', true
	case 'ї':
		return 'ï', true
	case 'ј':
		return 'j', true
	case 'ё':
		return 'ë', true
	case 'А':
		return 'A', true
	case 'В':
		return 'B', true
	case 'С':
		return 'C', true
	case 'Е':
		return 'E', true
	case 'Н':
		return 'H', true
	case 'І':
		return 'I', true
	case 'К':
		return 'K', true
	case 'М':
		return 'M', true
	case 'О':
		return 'O', true
	case 'Р':
		return 'P', true
	case 'Т':
		return 'T', true
	case 'Х':
		return 'X', true
	case 'У':
		return 'Y', true
	case 'Ї':
		return 'Ï', true
	case 'Ё':
		return 'Ë', true
	}
	return r, false
}

// writeWord writes one word of the name whole; a word of look-alike letters
// alone takes the script of the rest of the name.
func writeWord(b *strings.Builder, w, whole string) {
	var cyr, lat int
	for _, r := range w {
		if isCyrillic(r) {
			if _, ok := cyrLookalike(r); !ok {
				cyr++
			}
		} else if isLatinLetter(r) {
			if _, ok := latLookalike(r); !ok {
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
		// only look-alikes: the script of the rest of the name (read here,
		// where such a word is, not for every name), else the majority of
		// the raw letters
		if fixTo = nameScript(whole); fixTo != 0 {
			break
		}
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
	// OCR reads О as 0, З as 3, б as 6, l as 1, S as 5: inside a word of
	// letters a digit is such a misreading
	var letters, upper int
	hasDigit := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		} else if r >= '0' && r <= '9' {
			hasDigit = true
		}
	}
	repairDigits := hasDigit && letters >= 2 && fixTo != 0
	first := true
	for _, r := range w {
		if repairDigits && r >= '0' && r <= '9' {
			up := first || upper == letters
			if c, ok := digitLetter(r, fixTo == 1, up); ok {
				r = c
			}
		}
		first = false
		switch {
		case isApostrophe(r):
			r = Apostrophe
		case isDash(r):
			r = '-'
		case fixTo == 1 && !isCyrillic(r):
			if c, ok := latLookalike(r); ok {
				r = c
			}
		case fixTo == 2 && isCyrillic(r):
			if c, ok := cyrLookalike(r); ok {
				r = c
			}
		}
		b.WriteRune(r)
	}
}

// Fold returns the matching form of a name: Normalize, then lower case, ё→е,
// apostrophes and stress marks dropped, Latin diacritics removed (é→e, š→s),
// dashes and dots as spaces. It keeps й, ї, є, ґ and і distinct from и, і, е, г:
// those are different letters, and the cross-script folds belong to the
// skeleton, not here.
func Fold(s string) string {
	var buf [96]byte
	return string(appendFold(buf[:0], Normalize(s)))
}

// appendFold appends the Fold of an already normalised string.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r >= 0x430 && r <= 0x45F && r != 'ё':
			// lower-case Cyrillic, most of a name's letters, stays as it
			// is: tested first, as no case below but ё's takes these runes
			// (a new case for one of them must come before this one)
		case r == Apostrophe:
			continue
		case r == ' ' || r == '-' || r == '.':
			space = true
			continue
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r >= 0x410 && r <= 0x42F: // А–Я
			r += 0x20
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case r >= 0x400 && r <= 0x40F: // Ѐ–Џ: Є І Ї …
			r += 0x50
		case r == 'Ґ':
			r = 'ґ'
		case unicode.Is(unicode.Mn, r):
			continue // stress accents, and combining marks NFC could not compose
		case isLatinLetter(r):
			r = foldLatin(unicode.ToLower(r))
		default:
			r = unicode.ToLower(r)
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if r < 0x800 && r >= utf8.RuneSelf {
			// two bytes, written inline (utf8.AppendRune calls out for them)
			dst = append(dst, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
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

// digitLetter is the letter OCR most often reads as digit d, in Cyrillic or
// Latin, upper or lower case.
func digitLetter(d rune, cyrillic, upper bool) (rune, bool) {
	var pair [2]rune // lower, upper
	switch {
	case cyrillic && d == '0':
		pair = [2]rune{'о', 'О'}
	case cyrillic && d == '3':
		pair = [2]rune{'з', 'З'}
	case cyrillic && d == '6':
		pair = [2]rune{'б', 'Б'}
	case cyrillic && d == '4':
		pair = [2]rune{'ч', 'Ч'}
	case !cyrillic && d == '0':
		pair = [2]rune{'o', 'O'}
	case !cyrillic && d == '1':
		pair = [2]rune{'l', 'I'}
	case !cyrillic && d == '5':
		pair = [2]rune{'s', 'S'}
	default:
		return d, false
	}
	if upper {
		return pair[1], true
	}
	return pair[0], true
}
