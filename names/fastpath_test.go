package names

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The hot path of Prepare has byte-level fast paths for what the standard
// library does rune by rune. Each is checked here against its plain
// definition on random strings of the letters it cares about, their
// neighbours, and broken UTF-8.

// fastPathPieces are the fragments the random strings are made of.
var fastPathPieces = []string{
	"a", "z", "Z", "h", "H", "j", "J", "s", "c", "o", "'", "-", ".", " ", ",", ";", "(", ")", "«", "»", "\"", "“", "”",
	"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ", "ж", "Ж", "ž", "Ž", "ż", "Ż", "ź", "и", "й", "ё", "Ё", "ь", "о", "я", "Я",
	"ў", "Ѐ", "ѐ", "џ", "Ԫ", "é", "ł", "ß", "Ł", "ı", "ʹ", "ǅ", "\u0301", "\u0306", "’", "–", "0", "7", "<",
	"\xd0", "\xd1", "\xd2", "\xc5", "\x86", "\xbe", "\xe0", "\xff", "\xd0\xd0\x86", "Ω", "中", "👩",
	// the pieces of « » “ ” alone, and a rune that shares “'s last two bytes (〜)
	"\xc2", "\xab", "\xbb", "\xe2\x80", "\x9c", "\x9d", "〜",
}

func randomPieces(r *rand.Rand, max int) string {
	var b strings.Builder
	for k := r.IntN(max + 1); k > 0; k-- {
		b.WriteString(fastPathPieces[r.IntN(len(fastPathPieces))])
	}
	return b.String()
}

func TestFamilyMarks(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		s := randomPieces(r, 8)
		uk, j, zh := familyMarks(s)
		wuk := strings.ContainsAny(s, "іїєґІЇЄҐ")
		wj := strings.ContainsAny(s, "jJ")
		wzh := strings.ContainsAny(s, "жЖžŽżŻ") || strings.Contains(s, "zh") || strings.Contains(s, "Zh") || strings.Contains(s, "ZH")
		if uk != wuk || j != wj || zh != wzh {
			t.Fatalf("familyMarks(%q) = %v %v %v, want %v %v %v", s, uk, j, zh, wuk, wj, wzh)
		}
	}
}

func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			if n == 0 {
				continue
			}
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %q %d, want %q %d", s, i, r, n, wr, wn)
			}
		}
	}
	// every pair of bytes, alone and before a continuation byte
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			check(string([]byte{byte(a), byte(b)}))
			check(string([]byte{byte(a), byte(b), 0x80}))
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 100000; i++ {
		check(randomPieces(r, 8))
	}
	// the runes it must decode itself: ASCII and every two-byte rune
	for c := rune(0); c < 0x800; c++ {
		if _, n := decodeRune(string(c), 0); n == 0 {
			t.Fatalf("decodeRune(%q) left to the library", c)
		}
	}
}

func TestTrimMarksAndSeparators(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 200000; i++ {
		s := randomPieces(r, 8)
		if got, want := trimMarks(s), strings.Trim(s, ".-'()«»\"“”"); got != want {
			t.Fatalf("trimMarks(%q) = %q, want %q", s, got, want)
		}
		if got, want := indexWordSep(s), strings.IndexAny(s, " ,;"); got != want {
			t.Fatalf("indexWordSep(%q) = %d, want %d", s, got, want)
		}
	}
}

// isInitialTokenRef and familyLikeRef are the plain forms of the two.
func isInitialTokenRef(w string, dotted bool) bool {
	c := utf8.RuneCountInString(w)
	if c == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	if !dotted || c > 4 {
		return false
	}
	switch strings.ToLower(w) {
	case "yu", "ya", "ye", "yo", "zh", "sh", "ch", "kh", "ts", "shch", "iu", "ia", "ie", "ju", "ja", "je",
		"tch", "tsch", "sch", "dj", "dzh", "ou", "iou", "you", "jou":
		return true
	}
	return false
}

func familyLikeRef(sk []byte) float64 {
	n := len(sk)
	for _, suf := range strongFamilyEndings {
		if n >= 4 && n > len(suf)+1 && string(sk[n-len(suf):]) == suf {
			return 1
		}
	}
	for _, suf := range weakFamilyEndings {
		if n >= 4 && n > len(suf)+1 && string(sk[n-len(suf):]) == suf {
			return 0.5
		}
	}
	return 0
}

func TestInitialTokenAndFamilyLike(t *testing.T) {
	words := []string{"Yu", "YU", "yU", "Shch", "SHCH", "Tsch", "Iou", "You", "Dzh", "Kh", "\u212Ah", "ſh", "Яю", "Ю", "O", "Ol", "Olha", "Oleh"}
	r := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 200000; i++ {
		words = append(words, randomPieces(r, 5))
	}
	// skeleton-like strings: the endings and random tails
	letters := "abcdefghiklmnoprstuvCSZ"
	for i := 0; i < 100000; i++ {
		b := make([]byte, r.IntN(9))
		for k := range b {
			b[k] = letters[r.IntN(len(letters))]
		}
		words = append(words, string(b))
	}
	for _, e := range append(append([]string{}, strongFamilyEndings...), weakFamilyEndings...) {
		for _, p := range []string{"", "a", "ab", "abc", "kova"} {
			words = append(words, p+e)
		}
	}
	for _, w := range words {
		for _, dotted := range []bool{true, false} {
			if got, want := isInitialToken(w, dotted), isInitialTokenRef(w, dotted); got != want {
				t.Fatalf("isInitialToken(%q, %v) = %v, want %v", w, dotted, got, want)
			}
		}
		if got, want := familyLike([]byte(w)), familyLikeRef([]byte(w)); got != want {
			t.Fatalf("familyLike(%q) = %v, want %v", w, got, want)
		}
	}
}

// skelAlternativesRef is skelAlternatives as it was before its fast path for
// two-byte letters; altByteRef marks the bytes it looks at: the Latin letters of
// its cases and the lead bytes of ł ż (0xc5) and of ё ь о (0xd0, 0xd1).
var altByteRef = func() (t [256]bool) {
	for _, c := range []byte("cCjJsSxX`gGzZ") {
		t[c] = true
	}
	t[0xc5], t[0xd0], t[0xd1] = true, true, true
	return t
}()

func skelAlternativesRef(s string) (alts [maxAlts]uint8, n int) {
	var yo, ch, j, z, x, gu, pl bool
	prevSoft := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !altByteRef[c] {
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
		case c == 0xc5 && i+1 < len(s) && (s[i+1] == 0x82 || s[i+1] == 0x81 || s[i+1] == 0xbc || s[i+1] == 0xbb): // ł Ł ż Ż
			pl = true
		case c == 'x' || c == 'X' || c == '`':
			x = true
		case (c == 'g' || c == 'G') && i+2 < len(s) && (s[i+1]|0x20) == 'u' && strings.IndexByte("eiy", s[i+2]|0x20) >= 0:
			gu = true
		case c == 'z' || c == 'Z':
			if i+1 >= len(s) || (s[i+1]|0x20) != 'h' {
				z = true
			}
		case c == 0xd1 && i+1 < len(s) && (s[i+1] == 0x91 || s[i+1] == 0x8c): // ё, ь
			if s[i+1] == 0x91 {
				yo = true
			} else {
				prevSoft = true
				i++
				continue
			}
		case c == 0xd0 && i+1 < len(s) && (s[i+1] == 0x81 || s[i+1] == 0xac): // Ё, Ь
			if s[i+1] == 0x81 {
				yo = true
			} else {
				prevSoft = true
				i++
				continue
			}
		case c == 0xd0 && i+1 < len(s) && (s[i+1] == 0xbe || s[i+1] == 0x9e): // о, О
			if prevSoft {
				yo = true
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

func TestSkelAlternatives(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 300000; i++ {
		s := randomPieces(r, 10)
		if i%2 == 0 {
			// the letters and marks whose neighbours matter
			var b strings.Builder
			for k := r.IntN(12); k > 0; k-- {
				b.WriteString([]string{"c", "C", "h", "k", "a", "o", "s", "z", "Z", "x", "`", "g", "u", "e", "j", "ь", "Ь", "о", "О", "ё", "Ё", "ł", "ż", "Ł", "Ż", "ж", "\xd0", "\xd1", "\xc5", "\x8c", "\xbe"}[r.IntN(31)])
			}
			s = b.String()
		}
		a, n := skelAlternatives(s)
		wa, wn := skelAlternativesRef(s)
		if a != wa || n != wn {
			t.Fatalf("skelAlternatives(%q) = %v %d, want %v %d", s, a, n, wa, wn)
		}
	}
}

// foldSkeletonRef is foldSkeleton as it was, reading the letter before from
// dst.
func foldSkeletonRef(dst []byte, start int) []byte {
	w := start
	for r := start; r < len(dst); r++ {
		c := dst[r]
		if w > start && dst[w-1] == c {
			continue
		}
		// šč (Czech, Lithuanian, Latvian щ: Ščerbina, Juščenko) is щ, as shch is
		if c == 'C' && w > start && dst[w-1] == 'S' {
			continue
		}
		// тс reads as ц (Сагротська, Sahrotska; Дурутский, Durutskii)
		if c == 's' && w > start && dst[w-1] == 't' {
			dst[w-1] = 'c'
			continue
		}
		if c == 'e' && w > start && dst[w-1] == 'i' {
			dst[w-1] = 'e'
			if w > start+1 && dst[w-2] == 'e' {
				w--
			}
			continue
		}
		if c == 'o' && w > start+1 && dst[w-1] == 'i' && !isSkelVowel(dst[w-2]) && (r+1 >= len(dst) || dst[r+1] != 'u') {
			dst[w-1] = 'e'
			continue
		}
		// ля and лю lose their i: Polish writes Ludmyła, and the press Ludmila
		if (c == 'a' || c == 'u') && w > start+1 && dst[w-1] == 'i' && dst[w-2] == 'l' {
			dst[w-1] = c
			continue
		}
		// French ou is у; folding оу the same way keeps Белоусов and Beloussow together
		if c == 'u' && w > start && dst[w-1] == 'o' {
			dst[w-1] = 'u'
			if w > start+1 && dst[w-2] == 'u' {
				w--
			} else if w > start+2 && dst[w-2] == 'i' && dst[w-3] == 'l' {
				dst[w-2] = 'u' // French liou: лю
				w--
			}
			continue
		}
		dst[w] = c
		w++
	}
	return dst[:w]
}

func TestFoldSkeleton(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	letters := "aeiouCSstlvkh"
	for i := 0; i < 300000; i++ {
		b := make([]byte, 2+r.IntN(12))
		for k := range b {
			b[k] = letters[r.IntN(len(letters))]
		}
		start := r.IntN(2)
		got := string(foldSkeleton(append([]byte(nil), b...), start))
		want := string(foldSkeletonRef(append([]byte(nil), b...), start))
		if got != want {
			t.Fatalf("foldSkeleton(%q, %d) = %q, want %q", b, start, got, want)
		}
	}
}

// initialBitsAllRef is initialBitsAll as it was: every reading spelt out.
func initialBitsAllRef(s string, sk []byte) uint32 {
	b := initialBits(sk)
	alts, n := skelAlternatives(s)
	var buf [16]byte
	for i := 0; i < n; i++ {
		b |= initialBits(appendSkeletonV(buf[:0], s, alts[i]))
	}
	return b
}

func TestInitialBitsAll(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"a", "b", "c", "ch", "d", "e", "f", "g", "gu", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
		"t", "u", "v", "w", "x", "y", "z", "zh", "sz", "cz", "ck", "A", "O", "I", "Y", "W", "C", "J", "Z", "X", "T", "S",
		"ь", "о", "ё", "Ё", "Ь", "ъ", "т", "с", "и", "і", "й", "е", "у", "ю", "я", "м", "ж", "х", "ц", "ґ", "'", "`", ".", " ", "-",
		"é", "ĵ", "ẑ", "ł", "ż", "\xd0", "7",
		// upper-case Cyrillic, a combining mark, three- and four-byte runes, a lone continuation byte
		"О", "И", "Ё", "\u0301", "’", "中", "👩", "\x86"}
	for i := 0; i < 300000; i++ {
		var b strings.Builder
		for k := 1 + r.IntN(6); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		// firstSkelByte's own word, finer than the initial's class (i and e are one)
		if c, ok := firstSkelByte(s); ok {
			for _, v := range []uint8{skelStd, skelYoO, skelFR, skelDE, skelX, skelPL} {
				if sk := appendSkeletonV(nil, s, v); len(sk) == 0 || sk[0] != c {
					t.Fatalf("firstSkelByte(%q) = %q, but reading %d gives %q", s, c, v, sk)
				}
			}
		}
		sk := appendSkeleton(nil, s)
		if got, want := initialBitsAll(s, sk), initialBitsAllRef(s, sk); got != want {
			t.Fatalf("initialBitsAll(%q, %q) = %#x, want %#x", s, sk, got, want)
		}
		// a skeleton the parse put in place of s's own (an Italian or a Baltic reading)
		other := []byte(pieces[r.IntN(len(pieces))])
		if got, want := initialBitsAll(s, other), initialBitsAllRef(s, other); got != want {
			t.Fatalf("initialBitsAll(%q, %q) = %#x, want %#x", s, other, got, want)
		}
	}
}

// TestNormalizedScript: the script the quick scan of a name in stored form
// reports is DetectScript's.
func TestNormalizedScript(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	extra := []string{"Ǆ", "ǀ", "ɏ", "ȸ", "Ά", "Ѳ", "Ԯ", "ԯ", "҂", "\u0483", "Ⅳ", "ß", "×", "÷", "9", "Ivan", "Іван", "Łukasz"}
	pieces := append(append([]string{}, fastPathPieces...), extra...)
	for i := 0; i < 300000; i++ {
		var b strings.Builder
		for k := r.IntN(8); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		sc, ok := normalizedScript(s)
		if !ok {
			continue
		}
		if want := DetectScript(s); sc != want {
			t.Fatalf("normalizedScript(%q) = %v, DetectScript %v", s, sc, want)
		}
	}
}

// appendSkeletonVRef is appendSkeletonV as it was before cyrPlain.
func appendSkeletonVRef(dst []byte, s string, v uint8) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
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

// TestCyrPlain: reading the plain Cyrillic letters first changes no
// skeleton, in any reading.
func TestCyrPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	var cyr []string
	for c := rune(0x400); c < 0x460; c++ {
		cyr = append(cyr, string(c))
	}
	pieces := append(cyr, "o", "ch", "'", "a", "ґ", "ў", " ", "z")
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := 1 + r.IntN(6); k > 0; k-- {
			if r.IntN(4) == 0 {
				// broken UTF-8, marks, three- and four-byte runes
				b.WriteString(fastPathPieces[r.IntN(len(fastPathPieces))])
				continue
			}
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for _, v := range []uint8{skelStd, skelYoO, skelFR, skelDE, skelX, skelPL, skelLight} {
			if got, want := string(appendSkeletonV(nil, s, v)), string(appendSkeletonVRef(nil, s, v)); got != want {
				t.Fatalf("appendSkeletonV(%q, %d) = %q, want %q", s, v, got, want)
			}
		}
	}
}

// appendFoldRef is appendFold as it was before decodeRune, its test for a
// lower-case Cyrillic letter first and its inline two-byte write.
func appendFoldRef(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		switch {
		case r == Apostrophe:
			continue
		case r == ' ' || r == '-' || r == '.':
			space = true
			continue
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r >= 0x410 && r <= 0x42F:
			r += 0x20
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case r >= 0x400 && r <= 0x40F:
			r += 0x50
		case r == 'Ґ':
			r = 'ґ'
		case r >= 0x430 && r <= 0x45F:
		case unicode.Is(unicode.Mn, r):
			continue
		case isLatinLetter(r):
			r = foldLatin(unicode.ToLower(r))
		default:
			r = unicode.ToLower(r)
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// TestAppendFold: the fast paths of appendFold change no fold, of clean
// names or of broken UTF-8, marks and runes of every length.
func TestAppendFold(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	var cyr []string
	for c := rune(0x400); c < 0x460; c++ {
		cyr = append(cyr, string(c))
	}
	pieces := append(append(cyr, fastPathPieces...), "Ivan", "Ø", "Ǆ", "ǅ", "ɏ", "Ａ")
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := r.IntN(8); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := string(appendFold([]byte("x"), s)), string(appendFoldRef([]byte("x"), s)); got != want {
			t.Fatalf("appendFold(%q) = %q, want %q", s, got, want)
		}
	}
}
