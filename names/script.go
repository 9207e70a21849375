package names

import (
	"strings"
	"unicode"
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
	for _, r := range s {
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
	switch {
	case other || (lat && cyr):
		return ScriptMixed
	case lat:
		return ScriptLatin
	case cyr:
		return ScriptCyrillic
	}
	return ScriptNone
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
