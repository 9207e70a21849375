package names

// The Italian press writes Russian and Ukrainian names with Italian
// spelling: ш as sc before e and i and sci before a, o, u (Scevcenko,
// Sciapoval), ч as c before e and i and ci before a, o, u (Ciumak,
// Gorbaciov), г as gh before e and i (Evghenij), and the patronymic's -ич
// as -ici (Olegovici). No other habit reads these letters so, and Polish
// writes ci for ць (Ciołkowski), so the Italian reading is an alternative
// skeleton of the word, never its skeleton.

// italianForm rewrites a Latin word's Italian spellings in English ones
// (Scevcenko → Shevchenko), and reports whether it had any.
func italianForm(w string) (string, bool) {
	if !latinWord(w) || !italianSigns(w) {
		return w, false
	}
	lw := func(i int) byte { return lowerAt(w, i) }
	out := make([]byte, 0, len(w)+4)
	for i := 0; i < len(w); i++ {
		c := lw(i)
		switch {
		case c == 's' && lw(i+1) == 'c' && lw(i+2) == 'i' && backVowel(lw(i+3)):
			out = append(out, "sh"...)
			i += 2
		case c == 's' && lw(i+1) == 'c' && frontVowel(lw(i+2)):
			out = append(out, "sh"...)
			i++
		case c == 'c' && lw(i+1) == 'i' && backVowel(lw(i+2)):
			out = append(out, "ch"...)
			i++
		case c == 'c' && lw(i+1) == 'i' && i+2 == len(w) && i >= 2:
			out = append(out, "ch"...) // -ovici
			i++
		case c == 'c' && frontVowel(lw(i+1)):
			out = append(out, "ch"...)
		case c == 'g' && lw(i+1) == 'h' && frontVowel(lw(i+2)):
			out = append(out, 'g')
			i++
		case c == 'c' && lw(i+1) == 'h':
			out = append(out, "kh"...) // Italian ch is к or х, never ч
			i++
		default:
			out = append(out, w[i])
		}
	}
	return string(out), true
}

// italianSigns: the word has a spelling only Italian gives a Slavic name:
// sc before e or i, sci or ci before a, o, u, gh before e or i, a final
// -ici; or c before e or i in a word with a Slavic family ending (Cernenko,
// Pasecinik). English writes c before e and i too (Alice, Vincent,
// Spencer), and those words keep their one reading.
func italianSigns(w string) bool {
	n := len(w)
	soft := false
	low := func(i int) byte { return lowerAt(w, i) }
	for i := 0; i+1 < n; i++ {
		c, d := low(i), low(i+1)
		switch {
		case c == 's' && d == 'c' && frontVowel(low(i+2)):
			return true
		case c == 'c' && d == 'i' && (backVowel(low(i+2)) || i+2 == n && i >= 3):
			return true
		case c == 'g' && d == 'h' && frontVowel(low(i+2)):
			return true
		case c == 'c' && frontVowel(d):
			soft = true
		}
	}
	if !soft {
		return false
	}
	for _, e := range [...]string{"enko", "ov", "ev", "in", "uk", "ik", "ak", "ski", "skij", "sky", "ij"} {
		if hasSuffixFold(w, e) {
			return true
		}
	}
	return false
}

// addItalianAlt adds the skeleton of w's Italian reading to its
// alternatives when w has Italian spellings and a slot is free.
func addItalianAlt(w, primary string, alts *[maxAlts]string, n int) int {
	if n >= maxAlts {
		return n
	}
	it, ok := italianForm(w)
	if !ok {
		return n
	}
	var buf [64]byte
	sk := appendSkeleton(buf[:0], it)
	if string(sk) == primary {
		return n
	}
	for i := 0; i < n; i++ {
		if alts[i] == string(sk) {
			return n
		}
	}
	alts[n] = string(sk)
	return n + 1
}

// lowerAt is w's byte at i in ASCII lower case, 0 past its end.
func lowerAt(w string, i int) byte {
	if i < len(w) {
		return lowerASCII(w[i])
	}
	return 0
}

// frontVowel and backVowel: the vowels before which Italian c, g and sc
// are soft (e i) and hard (a o u).
func frontVowel(c byte) bool { return c == 'e' || c == 'i' }
func backVowel(c byte) bool  { return c == 'a' || c == 'o' || c == 'u' }
