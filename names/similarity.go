package names

import "unicode/utf8"

// JaroWinkler returns the Jaro–Winkler similarity of a and b in [0,1], over
// runes (a Cyrillic letter is one position, not two bytes), with the usual
// prefix scale 0.1 over at most four runes. It allocates nothing for strings
// up to 64 runes.
func JaroWinkler(a, b string) float64 {
	var ab, bb [64]rune
	ra, rb := toRunes(ab[:0], a), toRunes(bb[:0], b)
	return jaroWinklerRunes(ra, rb)
}

func toRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// jw is Jaro–Winkler over any comparable slice: runes for public use, bytes for
// skeletons, which are ASCII by construction.
func jaroWinklerRunes(a, b []rune) float64 { return jaroWinkler(a, b) }

func jaroWinklerBytes(a, b []byte) float64 { return jaroWinkler(a, b) }

// jaroWinklerStr compares two ASCII strings (skeletons) without copying them.
func jaroWinklerStr(a, b string) float64 {
	return jaroWinkler(unsafeBytes(a), unsafeBytes(b))
}

func jaroWinkler[T rune | byte](a, b []T) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	window := len(b)/2 - 1
	if window < 0 {
		window = 0
	}
	var amBuf, bmBuf [128]bool
	var am, bm []bool
	if len(b) <= len(bmBuf) {
		am, bm = amBuf[:len(a)], bmBuf[:len(b)]
	} else {
		am, bm = make([]bool, len(a)), make([]bool, len(b))
	}
	m := 0
	for i := range a {
		lo, hi := i-window, i+window+1
		if lo < 0 {
			lo = 0
		}
		if hi > len(b) {
			hi = len(b)
		}
		for j := lo; j < hi; j++ {
			if !bm[j] && a[i] == b[j] {
				am[i], bm[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, j := 0, 0
	for i := range a {
		if !am[i] {
			continue
		}
		for !bm[j] {
			j++
		}
		if a[i] != b[j] {
			t++
		}
		j++
	}
	fm := float64(m)
	jaro := (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(t/2))/fm) / 3
	p := 0
	for p < 4 && p < len(a) && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}

// DamerauLevenshtein returns the optimal-string-alignment edit distance of a
// and b counted in runes: insertions, deletions, substitutions and swaps of two
// neighbours each cost 1.
func DamerauLevenshtein(a, b string) int {
	var ab, bb [64]rune
	ra, rb := toRunes(ab[:0], a), toRunes(bb[:0], b)
	return osa(ra, rb)
}

func osa[T rune | byte](a, b []T) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	var buf [3 * 65]int
	var rows []int
	n := len(b) + 1
	if 3*n <= len(buf) {
		rows = buf[:3*n]
	} else {
		rows = make([]int, 3*n)
	}
	pp, p, c := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range p {
		p[j] = j
	}
	for i := 1; i <= len(a); i++ {
		c[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(p[j]+1, c[j-1]+1, p[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] && pp[j-2]+1 < v {
				v = pp[j-2] + 1
			}
			c[j] = v
		}
		pp, p, c = p, c, pp
	}
	return p[len(b)]
}

// Similarity of two strings by normalised edit distance, in runes: 1 − d/max.
func editSimilarity(a, b string) float64 {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la == 0 && lb == 0 {
		return 1
	}
	return 1 - float64(DamerauLevenshtein(a, b))/float64(max(la, lb))
}
