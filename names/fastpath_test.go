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
