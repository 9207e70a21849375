package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scheme is a Cyrillic → Latin romanisation used by real documents.
type Scheme int8

const (
	ICAO     Scheme = iota + 1 // ICAO Doc 9303: Russian passports since 2013 (й→i, ю→iu, ъ→ie)
	MVD310                     // Russian passports 1997–2010, MVD order 310 (й→y, ю→yu)
	MVD782                     // Russian passports 2010–2013, MVD order 782 (ё→yo/ye, ь→')
	BGNPCGN                    // BGN/PCGN 1947 (Russian) and 1965 (Ukrainian), English-language maps and lists
	GOST779B                   // GOST 7.79-2000 system B (ASCII: ц→cz, щ→shh, ы→y`)
	ISO9                       // ISO 9:1995 = GOST 7.79 system A (one letter, one diacritic: ž, č, ŝ)
	KMU2010                    // Ukrainian national system, KMU resolution 55 of 2010 (passports)
	PressEN                    // English press habit: Yuri, Alexander, Sergei, Zelensky
	PressDE                    // German press habit: Juri, Wladimir, Chruschtschow, Selenskyj
	PressFR                    // French press habit: Iouri, Khrouchtchev, Sergueï
	PressPL                    // Polish press habit: Jurij, Szewczenko, Ołeksandr, Kowalczuk
)

// Schemes lists every scheme, in the order Translit variants are produced.
var Schemes = []Scheme{ICAO, MVD310, MVD782, BGNPCGN, GOST779B, ISO9, KMU2010, PressEN, PressDE, PressFR, PressPL}

func (s Scheme) String() string {
	if t := schemeTable(s); t != nil {
		return t.name
	}
	return "unknown"
}

// ParseScheme returns the scheme with the given String name.
func ParseScheme(name string) (Scheme, bool) {
	for _, s := range Schemes {
		if strings.EqualFold(s.String(), name) {
			return s, true
		}
	}
	return 0, false
}

// A table is one romanisation. Lookups go from the most specific context to the
// least: word ending, the pair with the previous letter, the pair with the next
// letter, the position at the start of a word, then the plain letter. Keys are
// lower-case Cyrillic; 0 stands for the word boundary. Uk* tables apply instead
// of the plain ones to a word written in Ukrainian (one with і ї є ґ, or any word
// under a Ukrainian scheme), because Ukrainian г, и are not Russian г, и.
type table struct {
	name      string
	ukrainian bool // every word is Ukrainian (KMU)
	base      map[rune]string
	ukBase    map[rune]string
	prev      map[[2]rune]string // {previous, current}
	ukPrev    map[[2]rune]string
	next      map[[2]rune]string // {current, next}
	ukNext    map[[2]rune]string
	pair      map[[2]rune]string // {current, next}: both letters consumed; never at word start
	ukPair    map[[2]rune]string
	interV    map[rune]string   // a letter between two vowels
	ending    map[string]string // whole word ending
	ukEnding  map[string]string
	apostr    string // what an apostrophe between letters becomes
}

func schemeTable(s Scheme) *table {
	if s >= 1 && int(s) <= len(tables) {
		return tables[s-1]
	}
	return nil
}

const ruVowels = "аеёиоуыэюя"
const ukVowels = "аеєиіїоуюя"

func isCyrVowel(r rune) bool {
	return strings.ContainsRune(ruVowels, r) || strings.ContainsRune(ukVowels, r)
}

// isUkrainianWord reports whether a word holds a letter only Ukrainian uses.
func isUkrainianWord(w []rune) bool {
	for _, r := range w {
		switch unicode.ToLower(r) {
		case 'і', 'ї', 'є', 'ґ':
			return true
		}
	}
	return false
}

// Translit romanises the Cyrillic letters of s under scheme; everything else is
// copied. Upper case is kept: a capital whose next letter is lower case becomes
// Title case (Щ→Shch), otherwise all capitals (ЩУР→SHCHUR). The output is NFC.
func Translit(s string, scheme Scheme) string { return TranslitLang(s, scheme, LangAuto) }

// Lang says which language's letter values a Cyrillic word has: Ukrainian г and
// и are h and y in every Ukrainian system, Russian ones g and i.
type Lang int8

const (
	LangAuto Lang = iota // Ukrainian when the word has і, ї, є or ґ
	LangRu
	LangUk
)

// TranslitLang is Translit with the language of the words given.
func TranslitLang(s string, scheme Scheme, lang Lang) string {
	t := schemeTable(scheme)
	if t == nil {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s) * 2)
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isCyrillic(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		// a word: Cyrillic letters, combining marks, apostrophes between letters
		j := i
		for j < len(rs) {
			r := rs[j]
			if isCyrillic(r) || unicode.Is(unicode.Mn, r) {
				j++
				continue
			}
			if isInWordApostrophe(r) && j+1 < len(rs) && isCyrillic(rs[j+1]) && j > i {
				j++
				continue
			}
			break
		}
		t.word(&b, rs[i:j], lang)
		i = j
	}
	return norm.NFC.String(b.String())
}

func (t *table) word(b *strings.Builder, w []rune, lang Lang) {
	uk := t.ukrainian || lang == LangUk || (lang == LangAuto && isUkrainianWord(w))
	lower := make([]rune, 0, len(w))
	idx := make([]int, 0, len(w)) // index in w of each letter in lower
	for k, r := range w {
		if isCyrillic(r) {
			lower = append(lower, unicode.ToLower(r))
			idx = append(idx, k)
		}
	}
	ending, endAt := "", len(lower)
	try := func(m map[string]string) {
		for suf, out := range m {
			n := runeLen(suf)
			// an ending is never the whole word; the longest one wins
			if n < len(lower) && len(lower)-n < endAt && string(lower[len(lower)-n:]) == suf {
				ending, endAt = out, len(lower)-n
			}
		}
	}
	if uk {
		try(t.ukEnding)
	}
	if endAt == len(lower) {
		try(t.ending)
	}

	li := 0 // index into lower
	for k := 0; k < len(w); k++ {
		r := w[k]
		if !isCyrillic(r) {
			if isInWordApostrophe(r) {
				b.WriteString(t.apostr)
			} else {
				b.WriteRune(r) // combining marks: NFC composes them with the Latin letter
			}
			continue
		}
		if li >= endAt {
			if li == endAt {
				writeCased(b, ending, w, idx, li, lower)
			}
			li++
			continue
		}
		c := lower[li]
		var prev, next rune
		if li > 0 {
			prev = lower[li-1]
		}
		if li+1 < len(lower) {
			next = lower[li+1]
		}
		out, ok := "", false
		consumed := false
		if li > 0 && next != 0 && li+1 < endAt {
			if uk {
				out, ok = t.ukPair[[2]rune{c, next}]
			}
			if !ok {
				out, ok = t.pair[[2]rune{c, next}]
			}
			consumed = ok
		}
		if !ok && li > 0 && next != 0 && isCyrVowel(prev) && isCyrVowel(next) {
			out, ok = t.interV[c]
		}
		if !ok && uk {
			out, ok = t.ukPrev[[2]rune{prev, c}]
		}
		if !ok {
			out, ok = t.prev[[2]rune{prev, c}]
		}
		if !ok && uk {
			out, ok = t.ukNext[[2]rune{c, next}]
		}
		if !ok {
			out, ok = t.next[[2]rune{c, next}]
		}
		if !ok && uk {
			out, ok = t.ukBase[c]
		}
		if !ok {
			out, ok = t.base[c]
		}
		if !ok {
			out = string(c)
		}
		writeCased(b, out, w, idx, li, lower)
		li++
		if consumed {
			// skip the next letter (and any marks up to it)
			for k+1 < len(w) && !isCyrillic(w[k+1]) {
				k++
				b.WriteRune(w[k])
			}
			k++
			li++
		}
	}
}

// writeCased writes out in the case of the source letter at lower[li].
func writeCased(b *strings.Builder, out string, w []rune, idx []int, li int, lower []rune) {
	src := w[idx[li]]
	if !unicode.IsUpper(src) || out == "" {
		b.WriteString(out)
		return
	}
	title := false
	if li+1 < len(lower) {
		title = !unicode.IsUpper(w[idx[li+1]])
	}
	first := true
	for _, r := range out {
		if first || !title {
			r = unicode.ToUpper(r)
		}
		first = false
		b.WriteRune(r)
	}
}

// runeLen is used by table builders.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// isInWordApostrophe: the characters Ukrainian writers use for the apostrophe
// inside a word. A backtick or an accent between letters is something else.
func isInWordApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
