package names

import (
	"strings"
	"unicode/utf8"
)

// Lithuanian and Latvian write a foreign name with their own grammatical
// endings: Oleksandras Kovalenka, Jurijus Ivanovas, Sergejs Lavrovs,
// Volodymyras Zelenskis, Petrovičius. The skeleton of such a spelling is
// one or two letters off every other one, and a given name with an ending
// is not in the table, so the parse reads it as a family name. balticWord
// reads a Latin word without its ending, as the skeleton it would have.
//
// An ending is left off only where a Russian or Ukrainian name cannot end
// that way: family names in -ovas, -evas, -inas, -ovs, -evs, -skis,
// -ckis, -ijus, -ijs, -ukas, -enka; patronymics in -ičius, -ičas, -ičs.
// A given name loses -as, -is, -us or -s only when the table knows it
// without (Romanas, Jakovs, Sergejus: Taras and Denis stay as they are).
// The bare endings of other family names (Šapovalas, Kučers, Putins: -ins
// is also English, Jenkins, Collins) are left off only when the name shows
// it is written that way (weak, see balticName).

// hasSuffixFold: s ends with the lower-case ASCII suffix suf, in any case.
func hasSuffixFold(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	t := s[len(s)-len(suf):]
	for i := 0; i < len(suf); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c |= 0x20
		}
		if c != suf[i] && !(c == 0x8c && suf[i] == 0x8d) { // Č is ç's neighbour: C4 8C, č C4 8D
			return false
		}
	}
	return true
}

// latinWord: w is written in Latin letters (it starts with one).
func latinWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r != utf8.RuneError && isLatinLetter(r)
}

// balticStrong returns w without an ending that only Lithuanian and Latvian
// give a Russian or Ukrainian family name or patronymic, and whether it had
// one.
func balticStrong(w string) (string, bool) {
	if len(w) < 5 || !latinWord(w) {
		return w, false
	}
	switch w[len(w)-1] | 0x20 {
	case 's', 'a':
	default:
		return w, false
	}
	for _, e := range [...]struct {
		suf string
		cut int
		add string
	}{
		{"ovas", 2, ""}, {"evas", 2, ""}, {"inas", 2, ""}, {"ovs", 1, ""}, {"evs", 1, ""},
		{"skis", 1, ""}, {"ckis", 1, ""}, {"ijus", 2, ""}, {"yjus", 2, ""}, {"ijs", 1, ""}, {"yjs", 1, ""},
		{"ukas", 2, ""}, {"iukas", 2, ""}, {"enka", 1, "o"},
		{"ičius", 3, ""}, {"yčius", 3, ""}, {"ičas", 2, ""}, {"yčas", 2, ""}, {"ičs", 1, ""}, {"yčs", 1, ""},
	} {
		if !hasSuffixFold(w, e.suf) || len(w)-len(e.suf) < 3 {
			continue
		}
		out := w[:len(w)-e.cut]
		if e.add != "" {
			if w[len(w)-1] >= 'a' {
				out += e.add
			} else {
				out += strings.ToUpper(e.add)
			}
		}
		return out, true
	}
	return w, false
}

// balticWeak returns w without a bare Lithuanian or Latvian ending (-as,
// -is, -us, -s after a consonant or j), for a name that shows it is written
// that way.
func balticWeak(w string) (string, bool) {
	n := len(w)
	if n < 5 || !latinWord(w) || w[n-1]|0x20 != 's' {
		return w, false
	}
	if c := w[n-2] | 0x20; c == 'a' || c == 'i' || c == 'u' {
		if p := w[n-3] | 0x20; p < 0x80 && (!strings.ContainsRune("aeiouy", rune(p)) || p == 'j') && n-2 >= 3 {
			return w[:n-2], true
		}
		return w, false
	}
	if p := w[n-2] | 0x20; p < 0x80 && !strings.ContainsRune("aeiouys", rune(p)) || p == 'j' {
		return w[:n-1], true
	}
	// ending after a letter with a diacritic (Vasyļs, Hončars: č is two bytes)
	if w[n-2] >= 0x80 {
		return w[:n-1], true
	}
	return w, false
}

// balticMarked: the word has a letter only Lithuanian or Latvian writes
// (ė ų ū į ą ę ļ ņ ķ ģ ā ē ī), or a strong Baltic ending.
func balticMarked(w string) bool {
	if _, ok := balticStrong(w); ok {
		return true
	}
	// the letters are in Latin Extended-A, whose UTF-8 starts with C4 or C5
	if strings.IndexByte(w, 0xC4) < 0 && strings.IndexByte(w, 0xC5) < 0 {
		return false
	}
	if strings.ContainsAny(w, "ėųūįąęļņķģāēīĖŲŪĮĄĘĻŅĶĢĀĒĪ") {
		return true
	}
	// č š ž, which English never writes, in a word with a final s that
	// no Czech or Slovak spelling of the name has (Hončars, Ševčuks)
	n := len(w)
	return n > 2 && w[n-1]|0x20 == 's' && !isSkelVowel(w[n-2]|0x20) && strings.ContainsAny(w, "čšžČŠŽ") ||
		n > 3 && hasSuffixFold(w, "as") && strings.ContainsAny(w, "čšžČŠŽ")
}

// balticGiven returns the skeleton of a Latin given name read without a
// Baltic ending (Romanas, Jakovs, Sergejus), when the table knows it that
// way and not as written.
//
// Without weak, only the endings after j are left off (Sergejus, Sergejs,
// Jurijs), which no English name has; with it (a name marked Baltic, see
// balticName) also the bare ones (Romanas, Aleksandrs): Lewis and Roberts
// are not Лев and Роберт.
func balticGiven(w string, sk []byte, dst []byte, weak bool) ([]byte, bool) {
	n := len(w)
	if n < 5 || w[n-1]|0x20 != 's' || !latinWord(w) {
		return nil, false
	}
	if !weak && !hasSuffixFold(w, "js") && !hasSuffixFold(w, "jus") {
		return nil, false
	}
	if _, ok := givenBySkel[string(sk)]; ok {
		return nil, false
	}
	out := appendSkeleton(dst[:0], w[:n-givenEnding(w)])
	if _, ok := givenBySkel[string(out)]; ok {
		return out, true
	}
	return nil, false
}

// balticToken reads a token the table does not know without a Baltic
// ending: as a given name when the table knows it so, as a patronymic, or
// as a family name with a strong ending.
func balticToken(t *token, w string) {
	var buf, cb [64]byte
	if g, ok := balticGiven(w, unsafeBytes(t.sk), buf[:0], false); ok {
		t.sk = string(g)
		t.given, t.fullForm = givenBySkel[t.sk], fullBySkel[t.sk]
		t.baltic = true
		return
	}
	s, ok := balticStrong(w)
	if !ok {
		return
	}
	t.baltic = true
	sk := appendSkeleton(cb[:0], s)
	t.sk = string(sk)
	if f, sex, ok := patronymicSkel(sk); ok {
		t.fathers, t.patSex, t.pat = f, sex, true
	}
}

// balticName: when one word of a name is written the Lithuanian or Latvian
// way, the other words the table does not know lose their bare endings too
// (Šapovalas, Kučers).
func balticName(ts []token) {
	marked := false
	for i := range ts {
		if !latinWord(ts[i].text) {
			continue
		}
		if ts[i].baltic || balticMarked(ts[i].text) {
			marked = true
			break
		}
	}
	if !marked {
		return
	}
	for i := range ts {
		t := &ts[i]
		if t.baltic || t.initial || t.pat || len(t.given) > 0 || !latinWord(t.text) {
			continue
		}
		var gb [64]byte
		if g, ok := balticGiven(t.text, unsafeBytes(t.sk), gb[:0], true); ok {
			t.sk = string(g)
			t.given, t.fullForm = givenBySkel[t.sk], fullBySkel[t.sk]
			t.famLike = familyLike(g)
			t.baltic = true
			continue
		}
		s, ok := balticWeak(t.text)
		if !ok {
			continue
		}
		var buf [64]byte
		sk := appendSkeleton(buf[:0], s)
		t.sk = string(sk)
		t.famLike = familyLike(sk)
		t.baltic = true
	}
}

// balticForms returns the forms of a name's parts that its keys are
// computed from: Latin parts read without their Lithuanian or Latvian
// endings (see balticToken and balticName, which the parse applies to its
// tokens). Parts without such an ending come back as they are.
func balticForms(given, patronymic, family string) (string, string, string) {
	if !maybeBaltic(given) && !maybeBaltic(patronymic) && !maybeBaltic(family) {
		return given, patronymic, family
	}
	marked := false
	gok := false
	if g, ok := balticGivenForm(given, false); ok {
		given, marked, gok = g, true, true
	}
	if p, ok := balticStrong(patronymic); ok {
		patronymic, marked = p, true
	}
	f, ok := balticStrong(family)
	if ok {
		family, marked = f, true
	}
	if marked || balticMarked(given) || balticMarked(patronymic) || balticMarked(family) {
		if !ok && !strings.Contains(family, " ") {
			if f, ok := balticWeak(family); ok {
				family = f
			}
		}
		if !gok {
			given, _ = balticGivenForm(given, true)
		}
	}
	return given, patronymic, family
}

// maybeBaltic: a quick test that w may have a Baltic ending.
func maybeBaltic(w string) bool {
	n := len(w)
	return n >= 5 && (w[n-1]|0x20 == 's' || w[n-1]|0x20 == 'a' && w[n-2]|0x20 == 'k') && latinWord(w)
}

// balticGivenForm is balticGiven on the written form.
func balticGivenForm(w string, weak bool) (string, bool) {
	n := len(w)
	if n < 5 || w[n-1]|0x20 != 's' || !latinWord(w) {
		return w, false
	}
	var b1, b2 [64]byte
	if _, ok := balticGiven(w, appendSkeleton(b1[:0], w), b2[:0], weak); !ok {
		return w, false
	}
	return w[:n-givenEnding(w)], true
}

// givenEnding is how many bytes a given name's Baltic ending takes: -as,
// -is, -us, or a bare -s (Romanas, Sergejus, Jakovs).
func givenEnding(w string) int {
	if c := w[len(w)-2] | 0x20; c == 'a' || c == 'i' || c == 'u' {
		return 2
	}
	return 1
}
