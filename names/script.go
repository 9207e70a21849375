package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Script is the writing system of a name string.
type Script int8

const (
	ScriptNone     Script = iota // no letters at all
	ScriptLatin                  // only Latin letters
	ScriptCyrillic               // only Cyrillic letters
	ScriptMixed                  // both, or letters of another script
)

func (s Script) String() string {
	switch s {
	case ScriptLatin:
		return "Latin"
	case ScriptCyrillic:
		return "Cyrillic"
	case ScriptMixed:
		return "Mixed"
	}
	return "None"
}

// DetectScript reports which script the letters of s are written in.
// Digits, punctuation and spaces do not count. A Cyrillic word with one Latin
// look-alike letter (Ковaленко with a Latin a) is Mixed here; Normalize repairs it.
func DetectScript(s string) Script {
	var lat, cyr, other bool
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				lat = true
			}
		case isCyrillic(r):
			cyr = true
		case unicode.Is(unicode.Latin, r):
			lat = true
		case unicode.IsLetter(r):
			other = true
		}
	}
	if other {
		return ScriptMixed
	}
	return scriptOf(lat, cyr)
}

// isCyrillic covers the Cyrillic block and its supplement, which is where every
// Russian and Ukrainian letter lives.
func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x052F }

func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return r < 0x0370 && unicode.IsLetter(r) || (r >= 0x1E00 && r <= 0x1EFF)
}

// DetectLang guesses whether a Cyrillic name is written in Russian or
// Ukrainian: by the letters only one of them has (і ї є ґ; ы э ъ ё), then by
// given names and patronymics that have a form in only one language
// (Микола, Олександр, Миколайович; Николай, Александр). It returns LangAuto
// when nothing tells.
func DetectLang(s string) Lang {
	var uk, ru bool
	for _, r := range s {
		switch unicode.ToLower(r) {
		case 'і', 'ї', 'є', 'ґ':
			uk = true
		case 'ы', 'э', 'ъ', 'ё':
			ru = true
		}
	}
	switch {
	case uk && !ru:
		return LangUk
	case ru && !uk:
		return LangRu
	case uk && ru:
		return LangAuto
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ".,")
		inRu, inUk := ruForms[w], ukForms[w]
		switch {
		case inUk && !inRu:
			return LangUk
		case inRu && !inUk:
			return LangRu
		}
		if strings.HasSuffix(w, "йович") || strings.HasSuffix(w, "івна") || strings.HasSuffix(w, "ївна") {
			return LangUk
		}
		if strings.HasSuffix(w, "евич") || strings.HasSuffix(w, "овна") || strings.HasSuffix(w, "евна") {
			return LangRu
		}
	}
	return LangAuto
}

// familyMarks scans a family name once for the letters Prepare asks about:
// uk, a letter only Ukrainian has (strings.ContainsAny(s, "іїєґІЇЄҐ")); j, a
// Latin j (ContainsAny(s, "jJ")); zh, a letter or digraph for ж (ContainsAny(s,
// "жЖžŽżŻ") or Contains "zh", "Zh" or "ZH"). Five ContainsAny and Contains
// calls decode every rune once per letter asked for; a byte scan is enough,
// because each letter is a two-byte sequence whose first byte (D0 D1 D2 C5)
// is a UTF-8 lead byte, which never occurs inside another rune, so the pair
// is found where the decoder would find the rune, in valid and invalid
// UTF-8 alike.
func familyMarks(s string) (uk, j, zh bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			switch c {
			case 'j', 'J':
				j = true
			case 'z':
				zh = zh || i+1 < len(s) && s[i+1] == 'h'
			case 'Z':
				zh = zh || i+1 < len(s) && (s[i+1] == 'h' || s[i+1] == 'H')
			}
			continue
		}
		if i+1 >= len(s) {
			break
		}
		switch d := s[i+1]; c {
		case 0xD0: // І Ї Є; ж Ж
			uk = uk || d == 0x86 || d == 0x87 || d == 0x84
			zh = zh || d == 0xB6 || d == 0x96
		case 0xD1: // і ї є
			uk = uk || d == 0x96 || d == 0x97 || d == 0x94
		case 0xD2: // ґ Ґ
			uk = uk || d == 0x90 || d == 0x91
		case 0xC5: // ž Ž ż Ż
			zh = zh || d >= 0xBB && d <= 0xBE
		}
	}
	return uk, j, zh
}

// decodeRune decodes the rune at s[i] when it takes one byte or two, the
// runes names are mostly made of (ASCII, Cyrillic, accented Latin), and
// returns n == 0 otherwise: the caller then uses utf8.DecodeRuneInString.
// A lead byte C2–DF followed by a continuation byte is always a valid rune
// (C0 and C1, the overlong leads, are excluded), so the result is the
// library's. It is small enough to be inlined, where a range loop over a
// string calls the runtime for every rune of two bytes or more.
func decodeRune(s string, i int) (r rune, n int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if i+1 < len(s) && c-0xC2 <= 0xDF-0xC2 && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return 0, 0
}

// scriptOf is DetectScript's answer for a string whose letters are all
// Latin or Cyrillic: lat and cyr say which it has. normalizedScript uses it
// too, so the two cannot disagree on a name in stored form.
func scriptOf(lat, cyr bool) Script {
	switch {
	case lat && cyr:
		return ScriptMixed
	case lat:
		return ScriptLatin
	case cyr:
		return ScriptCyrillic
	}
	return ScriptNone
}
