package linkage

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// This file holds the few name keys the engine needs from package names until
// that package's Prepare is merged in: a folded form, a transliteration-proof
// Latin skeleton and a gender-neutral family stem. They are deliberately
// simple; the comparison levels in compare.go only depend on their meaning.

// cyrLat maps lower-case Cyrillic letters (Russian and Ukrainian) to a plain
// Latin spelling. The skeleton then erases the differences between the
// romanisation schemes, so the exact scheme here does not matter.
var cyrLat = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", '\'': "", '’': "", 'ʼ': "",
}

// foldName lower-cases s, strips diacritics from Latin letters, keeps letters,
// digits and single spaces, and romanises Cyrillic plainly. The result is
// ASCII for Latin and Cyrillic input.
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

// skeleton reduces a folded (ASCII) name to a key that romanisation schemes,
// Russian and Ukrainian spellings and common typing habits agree on:
// Gnatyuk, Hnatiuk, Gnatjuk → hnatuk; Aleksandr, Alexandr → aleksandr.
func skeleton(f string) string {
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		c := f[i]
		var n byte
		if i+1 < len(f) {
			n = f[i+1]
		}
		switch c {
		case ' ':
			continue
		case 'k':
			if n == 'h' { // kh → h
				c = 'h'
				i++
			}
		case 'g':
			c = 'h' // Russian г = g, Ukrainian г = h
		case 'x':
			b = append(b, 'k')
			c = 's'
		case 'w':
			c = 'v'
		case 'q':
			c = 'k'
		case 'c':
			switch n {
			case 'h':
				i++
				c = 'c' // ch
			case 'k':
				i++
				c = 'k'
			default:
				c = 'c'
			}
		case 't':
			if n == 's' || n == 'z' { // ts, tz → c
				c = 'c'
				i++
			}
		case 'z':
			if n == 'h' { // zh → j
				c = 'j'
				i++
			}
		case 's':
			if strings.HasPrefix(f[i:], "shch") {
				i += 3
			} else if strings.HasPrefix(f[i:], "sch") {
				i += 2
			} else if n == 'h' {
				i++
			}
		case 'y', 'j', 'i':
			// iotation: ya, ia, ja → a; yu, iu, ju → u; ye, ie, je → e;
			// yi, ji → i; y, j, i → i.
			if n == 'a' || n == 'u' || n == 'e' || n == 'o' || n == 'i' {
				if len(b) > 0 && isVowel(b[len(b)-1]) {
					// after a vowel the glide is a letter of its own: Andriy, Andrii
				}
				c = n
				i++
			} else {
				c = 'i'
			}
		case 'e':
			if n == 'e' {
				i++
			}
		case 'p':
			if n == 'h' { // ph → f
				c = 'f'
				i++
			}
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue // doubled letters: Anna/Ana, Ivanenko/Iwanenko
		}
		b = append(b, c)
	}
	return string(b)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// familyStem removes the gender ending of an East Slavic family name from its
// skeleton, so that Ivanova and Ivanov, Kovalska and Kovalsky share a stem.
func familyStem(sk string) string {
	for _, e := range [...]struct{ from, to string }{
		{"skaa", "ski"}, {"ckaa", "cki"}, {"ska", "ski"}, {"cka", "cki"},
		{"ova", "ov"}, {"eva", "ev"}, {"ina", "in"}, {"ana", "an"},
		{"aa", "i"}, // -aya (Tolstaya/Tolstoy) after the iotation rule
		{"oi", "i"}, {"ii", "i"},
	} {
		if len(sk) > len(e.from)+2 && strings.HasSuffix(sk, e.from) {
			return sk[:len(sk)-len(e.from)] + e.to
		}
	}
	return sk
}
