package linkage

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Names are prepared by package names. Free text (places, units, extra
// columns) is folded here to plain Latin, so that a place written in Cyrillic
// in one list and romanised in another can still agree.

// cyrLat maps lower-case Cyrillic letters (Russian and Ukrainian) to a plain
// Latin spelling. The skeleton then erases the differences between the
// romanisation schemes, so the exact scheme here does not matter.
var cyrLat = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", '\'': "", '’': "", 'ʼ': "",
	// Latin letters that NFD does not decompose (Łyman, Koło, Straße)
	'ł': "l", 'ø': "o", 'đ': "d", 'ı': "i", 'ß': "ss",
}

// foldName lower-cases s, strips diacritics from Latin letters, keeps letters,
// digits and single spaces, and romanises Cyrillic plainly. The result is
// ASCII for Latin and Cyrillic input. Romanisation schemes differ a little,
// so texts from two schemes reach the "close" level rather than "exact".
func foldName(s string) string {
	if s == "" {
		return ""
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark left by NFD: й and ё decompose to и and е + mark,
			// which romanise acceptably for a key.
			if r == '\u0306' { // breve: и + breve = й
				b.WriteByte('y')
			}
		case r == '-' || unicode.IsSpace(r) || r == ',' || r == '.':
			space = true
		default:
			if l, ok := cyrLat[r]; ok {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteString(l)
			}
		}
	}
	return b.String()
}
