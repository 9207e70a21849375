package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// keyboard neighbours on the ЙЦУКЕН and QWERTY layouts.
var neighbours = map[rune][]rune{}

func init() {
	rows := [][]string{
		{"йцукенгшщзхї", "фівапролджє", "ячсмитьбю"},
		{"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"},
		{"qwertyuiop", "asdfghjkl", "zxcvbnm"},
	}
	for _, layout := range rows {
		for ri, row := range layout {
			rs := []rune(row)
			for i, r := range rs {
				add := func(n rune) {
					for _, x := range neighbours[r] {
						if x == n {
							return
						}
					}
					neighbours[r] = append(neighbours[r], n)
				}
				if i > 0 {
					add(rs[i-1])
				}
				if i+1 < len(rs) {
					add(rs[i+1])
				}
				if ri+1 < len(layout) {
					below := []rune(layout[ri+1])
					if i < len(below) {
						add(below[i])
					}
				}
			}
		}
	}
}

// typo makes one keyboard slip: a neighbour key, a dropped, doubled or
// transposed letter. Only letters after the first are touched: people rarely
// get the first letter wrong.
func typo(r *rng, s string) string {
	rs := []rune(s)
	if len(rs) < 3 {
		return s
	}
	i := 1 + r.intn(len(rs)-1)
	if !unicode.IsLetter(rs[i]) {
		return s
	}
	switch r.intn(4) {
	case 0: // neighbour
		lower := unicode.ToLower(rs[i])
		if ns := neighbours[lower]; len(ns) > 0 {
			n := ns[r.intn(len(ns))]
			if unicode.IsUpper(rs[i]) {
				n = unicode.ToUpper(n)
			}
			rs[i] = n
			return string(rs)
		}
		fallthrough
	case 1: // deletion
		return string(append(rs[:i:i], rs[i+1:]...))
	case 2: // doubling
		out := make([]rune, 0, len(rs)+1)
		out = append(out, rs[:i+1]...)
		out = append(out, rs[i])
		return string(append(out, rs[i+1:]...))
	default: // transposition
		if i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			rs[i], rs[i+1] = rs[i+1], rs[i]
		} else {
			rs[i-1], rs[i] = rs[i], rs[i-1]
		}
		return string(rs)
	}
}

// ocr look-alikes, both ways.
var ocrPairs = [][2]string{
	{"ш", "щ"}, {"и", "й"}, {"ь", "ъ"}, {"ц", "щ"}, {"л", "п"}, {"н", "и"}, {"З", "3"}, {"О", "0"}, {"б", "6"}, {"е", "ё"}, {"і", "ї"}, {"Ш", "Щ"}, {"И", "Й"},
	{"rn", "m"}, {"l", "1"}, {"I", "l"}, {"O", "0"}, {"cl", "d"}, {"e", "c"}, {"h", "b"}, {"u", "v"}, {"S", "5"},
}

// ocr replaces one look-alike; ok is false when the string has none.
func ocr(r *rng, s string) (string, bool) {
	start := r.intn(len(ocrPairs))
	for k := 0; k < len(ocrPairs); k++ {
		p := ocrPairs[(start+k)%len(ocrPairs)]
		from, to := p[0], p[1]
		if r.chance(0.5) {
			from, to = to, from
		}
		if i := strings.Index(s, from); i >= 0 {
			return s[:i] + to + s[i+len(from):], true
		}
	}
	return s, false
}

// homoglyphs: Latin letters that look like Cyrillic ones.
var homoglyphs = map[rune]rune{'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i', 'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I'}

// homoglyph swaps one or two Cyrillic letters for their Latin twins, as
// happens when a list was typed on a switched keyboard or pasted from a form.
func homoglyph(r *rng, s string) (string, bool) {
	rs := []rune(s)
	var at []int
	for i, c := range rs {
		if _, ok := homoglyphs[c]; ok {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return s, false
	}
	n := 1 + r.intn(2)
	for k := 0; k < n; k++ {
		i := at[r.intn(len(at))]
		if l, ok := homoglyphs[rs[i]]; ok {
			rs[i] = l
		}
	}
	return string(rs), true
}

func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
		if r >= utf8.RuneSelf {
			continue
		}
	}
	return false
}
