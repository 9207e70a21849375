package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Skeleton returns a transliteration-proof key of a name: an ASCII string in
// which the spellings a Cyrillic name gets under every scheme and press habit
// fall together, and the Cyrillic original with them:
// Коваленко, Kovalenko, Kowalenko → "kovalenko"; Юрий, Yuri, Yury, Juri, Iouri,
// Iurii → "iuri"; Хрущёв, Khrushchev, Khrouchtchev → "hruSev".
//
// The alphabet is lower-case Latin plus two capitals for sounds that every
// scheme spells with two or more letters: S (ш щ ж sh sch zh ch…) and C (ч ch
// tsch tch). On the way it merges what the schemes disagree on: г х ґ h g kh
// → h; и і ї й ы y j → i; е є э ё ye je → e; з с z s → s; ц ts tz c → c; w → v;
// ж and ш (German writes both sch).
// It is deliberately lossy (г and х meet) and is meant for blocking and for
// edit-distance similarity, never for display.
func Skeleton(s string) string {
	var buf [64]byte
	return string(appendSkeleton(buf[:0], s))
}

// cyrSkel is the skeleton of each lower-case Cyrillic letter.
var cyrSkel = func() map[rune]string {
	return map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "h", 'д': "d", 'е': "e", 'ё': "e", 'є': "e",
		'ж': "S", 'з': "s", 'и': "i", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
		'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "h",
		'ц': "c", 'ч': "C", 'ш': "S", 'щ': "S", 'ъ': "", 'ы': "i", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
		'ў': "u", 'ј': "i",
	}
}()

// cyrSkelArr is cyrSkel for U+0400–U+045F, indexed directly on the hot path.
var cyrSkelArr = func() (a [0x60]string) {
	for r, s := range cyrSkel {
		if r >= 0x400 && r < 0x460 {
			a[r-0x400] = s
		}
	}
	for r := rune(0x400); r < 0x430; r++ { // capitals
		if l := unicode.ToLower(r); l >= 0x400 && l < 0x460 {
			a[r-0x400] = a[l-0x400]
		}
	}
	return a
}()

// cyrPlain marks the letters of U+0400–U+045F that appendSkeletonV reads
// by cyrSkelArr alone: all but ь Ь (ьо is ё) and ё Ё (read as o in one
// reading).
var cyrPlain = func() (t [0x60]bool) {
	for i := range t {
		switch r := rune(0x400 + i); r {
		case 'ь', 'Ь', 'ё', 'Ё':
		default:
			t[i] = true
		}
	}
	return t
}()

// latSkel maps the Latin letters with diacritics that the schemes use.
var latSkel = map[rune]string{
	'š': "S", 'ž': "S", 'č': "C", 'ŝ': "S", 'ć': "C", 'ś': "s", 'ź': "s", 'ż': "S", 'Ż': "S",
	// Turkish, Azerbaijani and Albanian spellings of Slavic names: ç is ч, ş is ш
	'ç': "C", 'ş': "S",
	'û': "iu", 'â': "ia", 'ü': "u", 'ö': "o", 'ä': "a", 'ß': "s", 'ł': "l", 'ñ': "n", 'ń': "n",
	'ø': "o", 'đ': "d", 'ı': "i",
}

// Skeleton readings. The standard one reads Latin as English, ICAO or ISO do
// and ё as е. Where a spelling is ambiguous a name gets alternative skeletons,
// used for lookups and comparisons: French (ch = ш, j = ж), German (ch = х,
// z = ц), and ё / Ukrainian ьо read as o (KMU writes Ковальов Kovalov).
const (
	skelStd = iota
	skelYoO
	skelFR
	skelDE
	skelX // GOST 7.79 B: x is х, cz is ц

	skelPL // Polish: c is ц, ch is х (cz, sz, ż are read in every reading)

	skelLight = 0x80 // flag: leave out foldSkeleton

	maxAlts = 3
)

// appendSkeleton appends the skeleton of s to dst. Words are separated by nothing:
// a skeleton is one key for one name part.
func appendSkeleton(dst []byte, s string) []byte { return appendSkeletonV(dst, s, skelStd) }

// altByte marks the ASCII bytes skelAlternatives looks at: the Latin
// letters of its cases.
var altByte = func() (t [128]bool) {
	for _, c := range []byte("cCjJsSxX`gGzZ") {
		t[c] = true
	}
	return t
}()

// skelAlternatives lists the other readings s needs, at most maxAlts (three),
// in the order yo, x, FR, PL, DE: a name that needs more keeps the first.
func skelAlternatives(s string) (alts [maxAlts]uint8, n int) {
	var yo, ch, j, z, x, gu, pl bool
	prevSoft := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			// the two-byte letters that start a reading: ё Ё, ь Ь before
			// о О (lead bytes 0xd0, 0xd1) and ł Ł ż Ż (0xc5); a byte after
			// the lead that is a continuation byte starts nothing and is
			// skipped with it (Cyrillic names are made of such pairs)
			var d byte
			if i+1 < len(s) {
				d = s[i+1]
			}
			switch c {
			case 0xd1:
				if d == 0x91 { // ё
					yo = true
				} else if d == 0x8c { // ь
					prevSoft = true
					i++
					continue
				}
			case 0xd0:
				switch d {
				case 0x81: // Ё
					yo = true
				case 0xac: // Ь
					prevSoft = true
					i++
					continue
				case 0xbe, 0x9e: // о, О
					if prevSoft {
						yo = true
					}
				}
			case 0xc5:
				if d == 0x82 || d == 0x81 || d == 0xbc || d == 0xbb { // ł Ł ż Ż
					pl = true
				}
			}
			prevSoft = false
			if d&0xC0 == 0x80 {
				i++
			}
			continue
		}
		if !altByte[c] {
			// most bytes start no other reading; the switch below tests
			// each against a dozen cases, a fifth of Prepare's time
			prevSoft = false
			continue
		}
		switch {
		case c == 'c' || c == 'C':
			if i+1 < len(s) && (s[i+1]|0x20) == 'h' {
				ch = true
			}
			if i+1 < len(s) && (s[i+1]|0x20) == 'k' {
				pl = true // Polish Grycko: ц before к
			}
			// a lone c before a back vowel or a consonant is ц in Polish,
			// Czech and ISO 9 (Carapin, Cwietkow, Camko) and к in French and
			// English (Victor, Nicolas): both readings are kept
			if i+1 < len(s) && strings.IndexByte("aouwlmnrptvdbs", s[i+1]|0x20) >= 0 {
				pl = true
			}
		case c == 'j' || c == 'J':
			j = true
		case (c == 's' || c == 'S') && i+1 < len(s) && (s[i+1]|0x20) == 'z':
			pl = true
		case c == 'x' || c == 'X' || c == '`':
			x = true
		case (c == 'g' || c == 'G') && i+2 < len(s) && (s[i+1]|0x20) == 'u' && strings.IndexByte("eiy", s[i+2]|0x20) >= 0:
			gu = true
		case c == 'z' || c == 'Z':
			if i+1 >= len(s) || (s[i+1]|0x20) != 'h' {
				z = true
			}
		}
		prevSoft = false
	}
	if yo {
		alts[n] = skelYoO
		n++
	}
	if x && n < maxAlts {
		alts[n] = skelX
		n++
	}
	if (ch || j || gu) && n < maxAlts {
		alts[n] = skelFR
		n++
	}
	if (pl || ch) && n < maxAlts {
		alts[n] = skelPL
		n++
	}
	if (ch || z) && n < maxAlts {
		alts[n] = skelDE
		n++
	}
	return alts, n
}

func appendSkeletonV(dst []byte, s string, v uint8) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case uint32(r-0x400) < 0x60 && cyrPlain[r-0x400]:
			// a Cyrillic letter read by itself, most of a Cyrillic name:
			// tested first, as none of the two cases below takes it (a
			// new case for a letter of U+0400–U+045F must clear its mark
			// in cyrPlain)
			dst = append(dst, cyrSkelArr[r-0x400]...)
			i += n
		case r == 'ь' || r == 'Ь':
			// ьо is the Ukrainian spelling of ё (Ковальов = Ковалёв): read it as "io",
			// which foldSkeleton turns into "e" after a consonant
			if v != skelYoO && i+n < len(s) && (s[i+n:i+n+1] == "\xd0" && i+n+1 < len(s) && (s[i+n+1] == 0xbe || s[i+n+1] == 0x9e)) {
				dst = append(dst, 'i')
			}
			i += n
		case v == skelYoO && (r == 'ё' || r == 'Ё'):
			if len(dst) == start || isSkelVowel(dst[len(dst)-1]) {
				dst = append(dst, 'i') // Ёлкин, Соловйов: the y stays
			}
			dst = append(dst, 'o')
			i += n
		case r >= 0x400 && r < 0x460:
			dst = append(dst, cyrSkelArr[r-0x400]...)
			i += n
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			// a run of Latin letters is rewritten as one piece: its rules look ahead
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
				j++
			}
			dst = appendLatinSkel(dst, s[i:j], v)
			i = j
		case r >= utf8.RuneSelf && isLatinLetter(r):
			lr := unicode.ToLower(r)
			if m, ok := latSkel[lr]; ok {
				dst = append(dst, m...)
			} else if f := foldLatin(lr); f < utf8.RuneSelf {
				dst = appendLatinSkel(dst, string(rune(f)), v)
			}
			i += n
		case r == 'ґ' || r == 'Ґ' || r == 'ў' || r == 'Ў':
			dst = append(dst, cyrSkel[unicode.ToLower(r)]...)
			i += n
		case isApostrophe(r) || r == 'ʹ':
			// a soft sign written as an apostrophe or prime before o is ьо, that is ё
			if i+n < len(s) && (s[i+n] == 'o' || s[i+n] == 'O') && len(dst) > start && !(r == '`' && i > 0 && (s[i-1]|0x20) == 'g') {
				dst = append(dst, 'i')
			}
			i += n
		default:
			i += n // spaces, marks, digits: not part of a skeleton
		}
	}
	if v&skelLight != 0 {
		return dst
	}
	return foldSkeleton(dst, start)
}

// firstSkelByte returns the first byte of s's skeleton under every reading
// (appendSkeletonV with any v), when s's first letters tell it alone; ok is
// false when they do not. The readings differ only at c j z x (and letters
// folding to them), ё and ь, so a first letter that is none of those and
// that the skeleton writes as one byte by itself (not s, t, k, p, g, which
// start digraphs) starts every reading alike. foldSkeleton changes the
// first byte only when the next letter written is s after t, e after i or
// u after o; t is excluded, and an i or o is taken only when the second
// letter is of the same simple kind and not such a partner (nor a double,
// which the fold skips).
func firstSkelByte(s string) (byte, bool) {
	c0, n := simpleSkelLetter(s, 0)
	switch c0 {
	case 0, 't':
		return 0, false
	case 'i', 'o':
		c1, _ := simpleSkelLetter(s, n)
		if c1 == 0 || c1 == c0 || c0 == 'i' && c1 == 'e' || c0 == 'o' && c1 == 'u' {
			return 0, false
		}
	}
	return c0, true
}

// simpleSkelLetter is the skeleton byte of the letter at s[i] when that
// letter is written as one byte, alike under every reading and without
// looking at the letters after it; else 0. n is the letter's length.
func simpleSkelLetter(s string, i int) (c byte, n int) {
	if i >= len(s) {
		return 0, 0
	}
	if b := s[i]; b < utf8.RuneSelf {
		// b|0x20 is a lower-case letter only when b is a letter
		switch l := b | 0x20; l {
		case 'a', 'b', 'd', 'e', 'f', 'h', 'i', 'l', 'm', 'n', 'o', 'r', 'u', 'v':
			return l, 1
		case 'w':
			return 'v', 1
		case 'y':
			return 'i', 1
		case 'q':
			return 'k', 1
		}
		return 0, 1
	}
	r, n := decodeRune(s, i)
	if n != 2 || r < 0x400 || r >= 0x460 || r == 'ь' || r == 'Ь' || r == 'ё' || r == 'Ё' {
		return 0, n
	}
	if k := cyrSkelArr[r-0x400]; len(k) == 1 {
		return k[0], 2
	}
	return 0, 2
}

// appendLightSkeleton is the skeleton without the sequence folds (doubles,
// ie, io, ou): typos are counted on it, because a typo next to a fold moves
// the folded strings further apart than one edit (Новиов → "novev").
func appendLightSkeleton(dst []byte, s string) []byte { return appendSkeletonV(dst, s, skelLight) }

func lowerASCII(c byte) byte { return c | 0x20 }

// appendLatinSkel rewrites one run of ASCII letters under reading v.
func appendLatinSkel(dst []byte, w string, v uint8) []byte {
	at := func(i int) byte {
		if i < len(w) {
			return lowerASCII(w[i])
		}
		return 0
	}
	has := func(i int, p string) bool {
		if i+len(p) > len(w) {
			return false
		}
		for k := 0; k < len(p); k++ {
			if lowerASCII(w[i+k]) != p[k] {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(w); {
		c := at(i)
		switch c {
		case 's':
			switch {
			case has(i, "schtsch"):
				dst, i = append(dst, 'S'), i+7
			case has(i, "szcz"): // Polish щ
				dst, i = append(dst, 'S'), i+4
			case has(i, "shch"):
				dst, i = append(dst, 'S'), i+4
			case has(i, "sch"), has(i, "shh"):
				dst, i = append(dst, 'S'), i+3
			case has(i, "sh"), has(i, "sz"): // sz: Polish spelling of ш
				dst, i = append(dst, 'S'), i+2
			default:
				dst, i = append(dst, 's'), i+1
			}
		case 't':
			switch {
			case has(i, "tsch"):
				dst, i = append(dst, 'C'), i+4
			case has(i, "tch"):
				dst, i = append(dst, 'C'), i+3
			case has(i, "ts"), has(i, "tz"):
				dst, i = append(dst, 'c'), i+2
			default:
				dst, i = append(dst, 't'), i+1
			}
		case 'c':
			switch {
			case has(i, "chtch"):
				dst, i = append(dst, 'S'), i+5
			case has(i, "ch") && v == skelFR:
				dst, i = append(dst, 'S'), i+2
			case has(i, "ch") && (v == skelDE || v == skelPL):
				dst, i = append(dst, 'h'), i+2
			case has(i, "cz") && v == skelX: // GOST 7.79 B: cz is ц
				dst, i = append(dst, 'c'), i+2
			case has(i, "ch"), has(i, "cz"):
				dst, i = append(dst, 'C'), i+2
			case has(i, "ck") && v != skelPL:
				dst, i = append(dst, 'k'), i+2
			case at(i+1) == 'e' || at(i+1) == 'i' || at(i+1) == 'y' || i+1 == len(w) || v == skelPL:
				// c before e i y, and at the end of a run (Stefcʹo in ISO 9), is ц
				dst, i = append(dst, 'c'), i+1
			default:
				dst, i = append(dst, 'k'), i+1
			}
		case 'z':
			switch {
			case at(i+1) == 'h':
				dst, i = append(dst, 'S'), i+2
			case v == skelDE:
				dst, i = append(dst, 'c'), i+1
			default:
				dst, i = append(dst, 's'), i+1
			}
		case 'k':
			if at(i+1) == 'h' {
				dst, i = append(dst, 'h'), i+2
			} else {
				dst, i = append(dst, 'k'), i+1
			}
		case 'g':
			if at(i+1) == 'h' {
				i++
			} else if v == skelFR && at(i+1) == 'u' && (at(i+2) == 'e' || at(i+2) == 'i' || at(i+2) == 'y') {
				i++ // Sergueï, Evgueni
			}
			dst, i = append(dst, 'h'), i+1
		case 'p':
			if at(i+1) == 'h' {
				dst, i = append(dst, 'f'), i+2
			} else {
				dst, i = append(dst, 'p'), i+1
			}
		case 'x':
			if v == skelX {
				dst, i = append(dst, 'h'), i+1
			} else {
				dst, i = append(dst, 'k', 's'), i+1
			}
		case 'w':
			dst, i = append(dst, 'v'), i+1
		case 'q':
			dst, i = append(dst, 'k'), i+1
		case 'j':
			if v == skelFR {
				dst, i = append(dst, 'S'), i+1
			} else {
				dst, i = append(dst, 'i'), i+1
			}
		case 'y':
			dst, i = append(dst, 'i'), i+1
		default:
			dst, i = append(dst, c), i+1
		}
	}
	return dst
}

func isSkelVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// foldSkeleton applies, in place on dst[start:], the folds that concern the
// sound sequence rather than single letters: doubled letters are one (Savva,
// Kowalenko's ss in Wassili, Юрий's ii); "ie" is "e" (Yelena, Vasilyev, Yevhen
// against Елена, Васильев, Євген); "io" after a consonant is "e" (ё: Pyotr,
// Fyodor, Artyom against Пётр, Фёдор, Артём, which Fold writes with е); "ou"
// is "u" (French Iouri).
func foldSkeleton(dst []byte, start int) []byte {
	w := start
	// prev is dst[w-1] when w > start, kept in a variable: read back from
	// dst, each letter waited for the store of the one before
	var prev byte
	for r := start; r < len(dst); r++ {
		c := dst[r]
		if w > start && prev == c {
			continue
		}
		// šč (Czech, Lithuanian, Latvian щ: Ščerbina, Juščenko) is щ, as shch is
		if c == 'C' && w > start && prev == 'S' {
			continue
		}
		// тс reads as ц (Сагротська, Sahrotska; Дурутский, Durutskii)
		if c == 's' && w > start && prev == 't' {
			dst[w-1], prev = 'c', 'c'
			continue
		}
		if c == 'e' && w > start && prev == 'i' {
			dst[w-1], prev = 'e', 'e'
			if w > start+1 && dst[w-2] == 'e' {
				w-- // dst[w-1] is that 'e'
			}
			continue
		}
		if c == 'o' && w > start+1 && prev == 'i' && !isSkelVowel(dst[w-2]) && (r+1 >= len(dst) || dst[r+1] != 'u') {
			dst[w-1], prev = 'e', 'e'
			continue
		}
		// ля and лю lose their i: Polish writes Ludmyła, and the press Ludmila
		if (c == 'a' || c == 'u') && w > start+1 && prev == 'i' && dst[w-2] == 'l' {
			dst[w-1], prev = c, c
			continue
		}
		// French ou is у; folding оу the same way keeps Белоусов and Beloussow together
		if c == 'u' && w > start && prev == 'o' {
			dst[w-1], prev = 'u', 'u'
			if w > start+1 && dst[w-2] == 'u' {
				w-- // dst[w-1] is that 'u'
			} else if w > start+2 && dst[w-2] == 'i' && dst[w-3] == 'l' {
				dst[w-2] = 'u' // French liou: лю
				w--
			}
			continue
		}
		dst[w], prev = c, c
		w++
	}
	return dst[:w]
}

// PhoneticKey returns a coarse key for blocking: the skeleton's first letter
// (any vowel as 'a', so Aleksandr and Oleksandr meet) and then its consonants,
// voiced and voiceless pairs merged, repeats dropped, at most six letters.
// Kovalenko, Kowalenko and Коваленко give "kvlnk".
func PhoneticKey(s string) string { return foldedKey(s, &phoneticFold) }

// foldedKey is the consonant key (see consonantKey) of s's skeleton.
func foldedKey(s string, fold *[256]byte) string {
	var buf [64]byte
	sk := appendSkeleton(buf[:0], s)
	var out [8]byte
	return string(consonantKey(out[:0], sk, fold))
}

func phoneticKey(dst, sk []byte) []byte { return consonantKey(dst, sk, &phoneticFold) }

// consonantKey writes a key of the skeleton sk: its first letter (any vowel
// as 'a'), then its consonants mapped by fold, repeats not separated by a
// vowel dropped, at most six letters. PhoneticKey and LooseKey differ only
// in their fold.
func consonantKey(dst, sk []byte, fold *[256]byte) []byte {
	const max = 6
	var last byte
	for i, c := range sk {
		if len(dst) >= max {
			break
		}
		if isSkelVowel(c) {
			if i == 0 {
				dst, last = append(dst, 'a'), 'a'
			} else {
				last = 0
			}
			continue
		}
		c = fold[c]
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	return dst
}

// phoneticFold merges voiced and voiceless pairs (б п, д т, в ф, ж ш);
// looseFold further merges the hushing and guttural sounds (ч ш щ ж х г:
// C S Z h) into 'H' and the sibilants and k (ц с з к: c s x k) into 'k'.
var phoneticFold, looseFold = func() (ph, loose [256]byte) {
	for i := range ph {
		ph[i] = byte(i)
	}
	ph['b'], ph['d'], ph['f'], ph['Z'] = 'p', 't', 'v', 'S'
	loose = ph
	for _, c := range []byte("CSZh") {
		loose[c] = 'H'
	}
	for _, c := range []byte("csx") {
		loose[c] = 'k'
	}
	return ph, loose
}()

// altSkeletons returns the alternative skeletons of s (see skelAlternatives).
func altSkeletons(s string) (out [maxAlts]string, n int) {
	alts, k := skelAlternatives(s)
	var buf [64]byte
	for i := 0; i < k; i++ {
		out[n] = string(appendSkeletonV(buf[:0], s, alts[i]))
		n++
	}
	return out, n
}

// LooseKey returns a blocking key coarser than PhoneticKey, meant to survive
// the spellings that put one Cyrillic letter on different skeleton letters
// under different national habits, which no single skeleton reading can
// undo without knowing the habit: German and Polish ch is х (Chomjakow,
// Хомяков) where English ch is ч and French ch is ш, German z is ц (Kusnezow,
// Кузнецов) and Polish c before a consonant or a back vowel is ц (Cwietkow,
// Carapin). It is the skeleton's first letter (any vowel as 'a') and its
// consonants with the phonetic key's voicing merges, and further the
// hushing and guttural sounds (ч ш щ ж х г: C S h) as one letter 'H' and
// the sibilants and k (ц с з к: c s k) as one letter 'k'; at most six
// letters. Kovalenko and Коваленко give "kvlnk", Chomjakow and Хомяков
// "Hmkv".
func LooseKey(s string) string { return foldedKey(s, &looseFold) }

func looseKey(dst, sk []byte) []byte { return consonantKey(dst, sk, &looseFold) }

// FamilyLight returns the family name's skeleton without the folds of letter
// sequences (doubled letters, ie, io, ou): a typo next to such a fold moves
// the folded skeletons further apart than one letter (Фліонець, Filonets),
// so typos are counted on this one.
func (n *Name) FamilyLight() string { return n.famLight }
