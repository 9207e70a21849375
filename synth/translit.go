package synth

import (
	"unicode"
	"unicode/utf8"
)

// A scheme romanises Cyrillic words. Each writing habit that writes Latin has
// one. The tables are synth's own, written from the published standards (ICAO
// Doc 9303, KMU 55:2010, BGN/PCGN 1947, GOST 7.79-2000 system A) and from the
// conventional press transcriptions; they are not shared with package names.
type scheme struct {
	id int // index into a generator's cache
	// the tables below as arrays over U+0400..U+04FF, built at init
	arr   [3][256]string
	has   [3][256]bool
	seqBy [256][]seqRule
	base  map[rune]string
	start map[rune]string // at the start of a word
	vowel map[rune]string // after a vowel, ь, ъ or an apostrophe
	seq   []seqRule       // checked before the per-letter tables
	// hook handles letters whose spelling depends on both neighbours; it
	// returns ok=false to fall through to the tables.
	hook func(prev, cur, next rune) (string, bool)
}

type seqRule struct {
	from  []rune
	to    string
	atEnd bool // only at the end of a word
}

func seqs(pairs ...string) []seqRule {
	var out []seqRule
	for i := 0; i+1 < len(pairs); i += 2 {
		from := pairs[i]
		r := seqRule{to: pairs[i+1]}
		if from[len(from)-1] == '$' {
			r.atEnd = true
			from = from[:len(from)-1]
		}
		r.from = []rune(from)
		out = append(out, r)
	}
	return out
}

func table(pairs ...string) map[rune]string {
	m := make(map[rune]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		r, _ := utf8.DecodeRuneInString(pairs[i])
		m[r] = pairs[i+1]
	}
	return m
}

func isCyrVowel(r rune) bool {
	switch r {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є':
		return true
	}
	return false
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// common Russian and Ukrainian letters that every scheme writes alike.
var commonLatin = []string{"а", "a", "б", "b", "в", "v", "д", "d", "з", "z", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ф", "f"}

func withCommon(pairs ...string) map[rune]string {
	return table(append(append([]string{}, commonLatin...), pairs...)...)
}

var (
	// ICAO Doc 9303 as printed in Russian passports since 2014.
	schICAO = &scheme{base: withCommon("г", "g", "е", "e", "ё", "e", "ж", "zh", "и", "i", "й", "i", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "ie", "ы", "y", "ь", "", "э", "e", "ю", "iu", "я", "ia",
		"і", "i", "ї", "i", "є", "ie", "ґ", "g", "'", "")}

	// KMU 55:2010, the Ukrainian passport standard.
	schKMU = &scheme{
		base:  withCommon("г", "h", "ґ", "g", "е", "e", "є", "ie", "ж", "zh", "и", "y", "і", "i", "ї", "i", "й", "i", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ь", "", "ю", "iu", "я", "ia", "'", "", "ё", "io", "ы", "y", "э", "e", "ъ", ""),
		start: table("є", "ye", "ї", "yi", "й", "y", "ю", "yu", "я", "ya"),
		seq:   seqs("зг", "zgh"),
	}

	// BGN/PCGN 1947 for Russian.
	schBGN = &scheme{
		base:  withCommon("г", "g", "е", "e", "ё", "ë", "ж", "zh", "и", "i", "й", "y", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "”", "ы", "y", "ь", "’", "э", "e", "ю", "yu", "я", "ya", "і", "i", "ї", "yi", "є", "ye", "ґ", "g", "'", ""),
		start: table("е", "ye", "ё", "yë"),
		vowel: table("е", "ye", "ё", "yë"),
	}

	// GOST 7.79-2000 system A (= ISO 9:1995), with diacritics.
	schGOST = &scheme{base: withCommon("г", "g", "е", "e", "ё", "ë", "ж", "ž", "и", "i", "й", "j", "х", "h", "ц", "c", "ч", "č", "ш", "š", "щ", "ŝ", "ъ", "ʺ", "ы", "y", "ь", "ʹ", "э", "è", "ю", "û", "я", "â",
		"і", "ì", "ї", "ï", "є", "ê", "ґ", "g̀", "'", "ʼ")}

	// English press: BGN-like without diacritics for Russian names, the
	// passport-like spellings Ukrainians use for themselves (Serhiy, Oleksiy).
	schEN = &scheme{
		base:  withCommon("г", "g", "е", "e", "ё", "yo", "ж", "zh", "и", "i", "й", "y", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya", "'", ""),
		start: table("е", "ye", "ё", "yo"),
		vowel: table("е", "ye", "ё", "yo"),
		seq:   seqs("ий$", "y", "ый$", "y", "ей$", "ei", "ай$", "ai", "ой$", "oi", "ьи", "yi", "ье", "ye", "ьё", "yo", "кс", "x"),
	}
	schENUK = &scheme{
		base:  withCommon("г", "h", "ґ", "g", "е", "e", "є", "ie", "ж", "zh", "и", "y", "і", "i", "ї", "yi", "й", "y", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ь", "", "ю", "yu", "я", "ya", "'", "", "ё", "yo", "ы", "y", "э", "e", "ъ", ""),
		start: table("є", "ye", "ї", "yi"),
		vowel: table("є", "ye", "ю", "yu", "я", "ya"),
		seq:   seqs("ський$", "sky", "цький$", "tsky", "ій$", "iy", "ьо", "io", "зг", "zgh"),
	}

	// German press (Duden transcription).
	schDE = &scheme{
		base:  withCommon("в", "w", "з", "s", "г", "g", "е", "e", "ё", "jo", "ж", "sch", "и", "i", "й", "j", "х", "ch", "ц", "z", "ч", "tsch", "ш", "sch", "щ", "schtsch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "ju", "я", "ja", "'", ""),
		start: table("е", "je"),
		vowel: table("е", "je"),
		seq:   seqs("ий$", "i", "ый$", "y", "кс", "x", "ье", "je", "ьё", "jo", "ьи", "ji"),
		hook:  sBetweenVowels("ss"),
	}
	schDEUK = &scheme{
		base: withCommon("в", "w", "з", "s", "г", "h", "ґ", "g", "е", "e", "є", "je", "ж", "sch", "и", "y", "і", "i", "ї", "ji", "й", "j", "х", "ch", "ц", "z", "ч", "tsch", "ш", "sch", "щ", "schtsch", "ь", "", "ю", "ju", "я", "ja", "'", "", "ё", "jo", "ы", "y", "э", "e", "ъ", ""),
		seq:  seqs("ський$", "skyj", "цький$", "zkyj", "кс", "x", "ьо", "jo"),
		hook: sBetweenVowels("ss"),
	}

	// French press.
	schFR = &scheme{
		base:  withCommon("у", "ou", "г", "g", "е", "e", "ё", "io", "ж", "j", "и", "i", "й", "ï", "х", "kh", "ц", "ts", "ч", "tch", "ш", "ch", "щ", "chtch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "iou", "я", "ia", "'", ""),
		start: table("е", "ie", "й", "i"),
		vowel: table("е", "ie"),
		seq:   seqs("ий$", "i", "ый$", "y", "ей$", "eï", "ай$", "aï", "кс", "x", "ье", "ie", "ьи", "ï"),
		hook:  frHook,
	}
	schFRUK = &scheme{
		base: withCommon("у", "ou", "г", "h", "ґ", "g", "е", "e", "є", "ie", "ж", "j", "и", "y", "і", "i", "ї", "ï", "й", "ï", "х", "kh", "ц", "ts", "ч", "tch", "ш", "ch", "щ", "chtch", "ь", "", "ю", "iou", "я", "ia", "'", "", "ё", "io", "ы", "y", "э", "e", "ъ", ""),
		seq:  seqs("ський$", "sky", "цький$", "tsky", "ій$", "iï"),
		hook: sBetweenVowels("ss"),
	}

	// Polish transcription.
	schPL = &scheme{
		base:  withCommon("в", "w", "г", "g", "е", "ie", "ё", "io", "ж", "ż", "и", "i", "й", "j", "х", "ch", "ц", "c", "ч", "cz", "ш", "sz", "щ", "szcz", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "iu", "я", "ia", "'", ""),
		start: table("е", "je", "ё", "jo", "ю", "ju", "я", "ja"),
		vowel: table("е", "je", "ё", "jo", "ю", "ju", "я", "ja"),
		seq:   seqs("ье", "je", "ьё", "jo", "ью", "ju", "ья", "ja", "ьи", "ji"),
		hook:  plHook(false),
	}
	schPLUK = &scheme{
		base:  withCommon("в", "w", "г", "h", "ґ", "g", "е", "e", "є", "ie", "ж", "ż", "и", "y", "і", "i", "ї", "ji", "й", "j", "х", "ch", "ц", "c", "ч", "cz", "ш", "sz", "щ", "szcz", "ь", "", "ю", "iu", "я", "ia", "'", "", "ё", "io", "ы", "y", "э", "e", "ъ", ""),
		start: table("є", "je", "ю", "ju", "я", "ja"),
		vowel: table("є", "je", "ю", "ju", "я", "ja"),
		seq:   seqs("ьо", "io"),
		hook:  plHook(true),
	}
)

var allSchemes = []*scheme{schICAO, schKMU, schBGN, schGOST, schEN, schENUK, schDE, schDEUK, schFR, schFRUK, schPL, schPLUK}

const numSchemes = 12

func init() {
	for i, s := range allSchemes {
		s.id = i
		for t, m := range []map[rune]string{s.base, s.start, s.vowel} {
			for r, v := range m {
				if r >= 0x400 && r < 0x500 {
					s.arr[t][r-0x400], s.has[t][r-0x400] = v, true
				}
			}
		}
		for _, q := range s.seq {
			if f := q.from[0]; f >= 0x400 && f < 0x500 {
				s.seqBy[f-0x400] = append(s.seqBy[f-0x400], q)
			}
		}
	}
}

// lookup finds a letter in table t (0 base, 1 start, 2 vowel).
func (sc *scheme) lookup(t int, r rune) (string, bool) {
	if r >= 0x400 && r < 0x500 {
		return sc.arr[t][r-0x400], sc.has[t][r-0x400]
	}
	m := sc.base
	switch t {
	case 1:
		m = sc.start
	case 2:
		m = sc.vowel
	}
	v, ok := m[r]
	return v, ok
}

func sBetweenVowels(ss string) func(prev, cur, next rune) (string, bool) {
	return func(prev, cur, next rune) (string, bool) {
		if cur == 'с' && isCyrVowel(prev) && isCyrVowel(next) {
			return ss, true
		}
		return "", false
	}
}

func frHook(prev, cur, next rune) (string, bool) {
	switch cur {
	case 'с':
		if isCyrVowel(prev) && isCyrVowel(next) {
			return "ss", true
		}
	case 'г':
		switch next {
		case 'е', 'и', 'ы', 'э', 'ё', 'ю', 'я':
			return "gu", true
		}
	case 'и':
		if isCyrVowel(prev) {
			return "ï", true
		}
	}
	return "", false
}

// plHook handles the Polish soft/hard pairs: л is ł unless softened, е is ie
// after most consonants in Russian, soft consonants before ь take an accent.
func plHook(ukrainian bool) func(prev, cur, next rune) (string, bool) {
	return func(prev, cur, next rune) (string, bool) {
		switch cur {
		case 'л':
			switch next {
			case 'ь', 'я', 'ю', 'е', 'ё', 'і', 'є', 'ї':
				return "l", true
			case 'и':
				if !ukrainian {
					return "l", true
				}
			}
			return "ł", true
		case 'е':
			if ukrainian {
				return "", false
			}
			switch prev {
			case 'л', 'ж', 'ш', 'ч', 'ц', 'щ':
				return "e", true
			}
		case 'я', 'ю', 'ё':
			if prev == 'л' {
				return map[rune]string{'я': "a", 'ю': "u", 'ё': "o"}[cur], true
			}
		case 'и':
			if !ukrainian {
				switch prev {
				case 'ж', 'ш', 'ц':
					return "y", true
				}
			}
		case 'ь':
			switch prev {
			case 'н':
				return "\u0301", true // marks ń below
			}
		}
		return "", false
	}
}

// appendTranslit romanises one Cyrillic string (words, spaces, hyphens) into
// dst, capitalising each word, or all letters when caps.
func appendTranslit(dst []byte, s string, sc *scheme, caps bool) []byte {
	var buf [64]rune
	rs := buf[:0]
	for _, r := range s {
		if r == '’' || r == 'ʼ' { // the apostrophes Ukrainian text uses
			r = '\''
		}
		rs = append(rs, unicode.ToLower(r))
	}
	wordStart := true
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isLetter(r) && r != '\'' {
			dst = utf8.AppendRune(dst, r)
			wordStart = true
			i++
			continue
		}
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		out, n := "", 0
		var cands []seqRule
		if r >= 0x400 && r < 0x500 {
			cands = sc.seqBy[r-0x400]
		}
		for _, q := range cands {
			if i+len(q.from) > len(rs) {
				continue
			}
			ok := true
			for k, fr := range q.from {
				if rs[i+k] != fr {
					ok = false
					break
				}
			}
			if j := i + len(q.from); ok && (!q.atEnd || j >= len(rs) || !isLetter(rs[j])) {
				out, n = q.to, len(q.from)
				break
			}
		}
		if n == 0 {
			n = 1
			ok := false
			if sc.hook != nil {
				out, ok = sc.hook(prev, r, next)
			}
			if !ok {
				start := wordStart || prev == 0
				afterV := !start && (isCyrVowel(prev) || prev == 'ь' || prev == 'ъ' || prev == 'й' || prev == '\'')
				var t string
				var found bool
				if start {
					t, found = sc.lookup(1, r)
				}
				if !found && afterV {
					t, found = sc.lookup(2, r)
				}
				if !found {
					t, found = sc.lookup(0, r)
				}
				if !found {
					t = string(r)
				}
				out = t
			}
		}
		if out == "\u0301" { // Polish ń: rewrite the n already written
			if len(dst) > 0 && (dst[len(dst)-1] == 'n' || dst[len(dst)-1] == 'N') {
				up := dst[len(dst)-1] == 'N'
				dst = dst[:len(dst)-1]
				if up {
					dst = append(dst, "Ń"...)
				} else {
					dst = append(dst, "ń"...)
				}
			}
			out = ""
		}
		for j, c := range out {
			if caps || (wordStart && j == 0) {
				c = unicode.ToUpper(c)
			}
			dst = utf8.AppendRune(dst, c)
		}
		if out != "" {
			wordStart = false
		}
		i += n
	}
	return dst
}
