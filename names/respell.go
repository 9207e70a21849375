package names

import (
	"strings"
	"unicode/utf8"
)

// Second readings of Latin spellings that the skeleton reads otherwise,
// tried by ScoreBest only (the linkage engine's part comparisons and
// Prepare do not pay for them):
//
//   - the Dutch and Flemish press: oe is у, sj ш, tsj ч, zj ж, sjtsj щ and ch
//     х (Sjevtsjenko, Joeri, Moeravjov, Kovaltsjoek, Anatolijovytsj). The
//     digraphs mean other letters in other habits (German Sjomin is Сёмин,
//     Czech Zjuganov Зюганов), so they are a second reading;
//   - Czech and ISO 9 spellings that lost their háčeks on a keyboard
//     without them (Sevcenko, Klimcuk, Stanislavovic): a bare c is ч or ц,
//     and then ch is х (Michajlovic). Only c is read again; s for ш and z for
//     ж are one letter each, which the typo rules already allow;
//   - a given name in its form in another language (Helen, Paul, Eugene,
//     Michał), which émigré records, foreign press and officials write: it is
//     read as the Russian standard form. These forms are not in the given-name
//     table, because there they would make English names (Paul, Stephen,
//     Mary) Slavic ones for the linkage engine too, which then links English
//     lists a little worse (FEBRL4, Historical50k).
//
// A reading replaces the first when it finds a patronymic or a given name
// the first did not (the parse did not know Anatolijovytsj as a patronymic
// and read it as a family name); otherwise it is tried when the first
// reading scores under MatchThreshold.

// respelling is one habit: whether a word needs it and how it is rewritten.
type respelling struct {
	has  func(w string) bool
	word func(w string) string
}

var respellings = [...]respelling{
	{hasDutch, func(w string) string { return keepCase(w, dutchRules.Replace(strings.ToLower(w))) }},
	{hasBareC, func(w string) string { return keepCase(w, bareCWord(strings.ToLower(w))) }},
	{isForeignGiven, func(w string) string { return foreignGiven[strings.ToLower(w)] }},
}

// foreignGiven maps the other languages' forms of common given names
// (English, French, German, Polish) to the Russian standard form in simple
// Latin. Forms a romanisation already reaches (Alexander, Maria, Julia)
// are not listed, nor forms of other names (Stefan is Стефан, Jan is Ян).
var foreignGiven = func() map[string]string {
	m := map[string]string{}
	for _, row := range []string{
		"Pavel: Paul", "Elena: Helen Helena Hélène Helene", "Evgeniy: Eugene Eugen Eugène Eugeniusz",
		"Evgeniya: Eugenia Eugénie", "Mikhail: Michael Michel Michał", "Petr: Peter Pierre",
		"Nikolay: Nicholas Nikolaus Mikołaj", "Georgiy: George Georges Jerzy", "Grigoriy: Gregory Grégoire",
		"Yakov: Jacob Jacques", "Stepan: Stephen Steven Stéphane", "Fedor: Theodore Théodore",
		"Andrey: Andrew André Andreas", "Vasiliy: Basil Bazyli", "Kirill: Cyril Cyrille Cyryl",
		"Ekaterina: Catherine Katherine Katarzyna", "Mariya: Mary Marie", "Natalya: Natalie Nathalie",
		"Sofiya: Sophie", "Yuliya: Julie", "Elizaveta: Elizabeth Elisabeth", "Matvey: Matthew Mateusz",
		"Timofey: Timothy Tymoteusz", "Anton: Anthony Antoine Antoni", "Semen: Simon Szymon",
		"Iosif: Joseph Józef", "Konstantin: Constantine Constantin Konstanty", "Irina: Irene Irène",
		"Dmitriy: Dimitri Dymitr",
	} {
		id, forms, _ := strings.Cut(row, ": ")
		for f := range strings.FieldsSeq(forms) {
			m[strings.ToLower(f)] = id
		}
	}
	return m
}()

// isForeignGiven: w is one of foreignGiven's forms. It allocates nothing
// for an ASCII word (ScoreBest of two sure names allocates nothing).
func isForeignGiven(w string) bool {
	if len(w) < 3 || len(w) > 16 {
		return false
	}
	var b [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			_, ok := foreignGiven[strings.ToLower(w)]
			return ok
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	_, ok := foreignGiven[string(b[:len(w)])]
	return ok
}

// respelt: a Latin name with a word one of the respellings rewrites.
func respelt(n *Name) bool {
	if n.Script != ScriptLatin {
		return false
	}
	for _, r := range respellings {
		if r.has(n.Given) || r.has(n.Patronymic) || r.has(n.Family) {
			return true
		}
	}
	return false
}

// scoreRespelt is scoreBest for names with a spelling to read again.
func scoreRespelt(ua, ub *unsure) (Comparison, *Name, *Name) {
	var ra, rb [len(respellings)]Name
	var okA, okB [len(respellings)]bool
	if a := readings(ua.n, &ra, &okA); a != ua.n {
		ua = &unsure{n: a}
	}
	if b := readings(ub.n, &rb, &okB); b != ub.n {
		ub = &unsure{n: b}
	}
	c, xa, xb := scoreBestPlain(ua, ub)
	if c.Score >= MatchThreshold {
		return c, xa, xb
	}
	try := func(x, y *unsure) {
		d, p, q := scoreBestPlain(x, y)
		d.Score *= 0.99
		if d.Score > c.Score {
			c, xa, xb = d, p, q
		}
	}
	for i := range respellings {
		if okA[i] {
			try(&unsure{n: &ra[i]}, ub)
		}
		if okB[i] {
			try(ua, &unsure{n: &rb[i]})
		}
	}
	return c, xa, xb
}

// readings reads n again under each respelling into r; ok[i]: respelling i
// changed a word. A reading that finds a patronymic or a given name the
// first did not replaces n and is returned (its ok is false), and the other
// respellings are then read on top of it, because one name may need two
// (Paul Sevcenko: Pavel for Paul, and Sevchenko).
func readings(n *Name, r *[len(respellings)]Name, ok *[len(respellings)]bool) *Name {
	for i := range respellings {
		r[i], ok[i] = readAgain(n, &respellings[i])
	}
	for i := range respellings {
		if !ok[i] || !readsMore(&r[i], n) {
			continue
		}
		ok[i] = false
		for j := range respellings {
			if j != i {
				r[j], ok[j] = readAgain(&r[i], &respellings[j])
			}
		}
		return &r[i]
	}
	return n
}

// readsMore: reading d of a name finds a patronymic or a given name that
// reading n does not.
func readsMore(d, n *Name) bool {
	return len(d.FatherIDs) > 0 && len(n.FatherIDs) == 0 || len(d.GivenIDs) > 0 && len(n.GivenIDs) == 0
}

// readAgain reads a Latin name again under r. Its parts are parsed again
// from a full name, because the first parse may have misread a patronymic
// it did not know. ok is false when r changes no word.
func readAgain(n *Name, r *respelling) (Name, bool) {
	if n.Script != ScriptLatin || !r.has(n.Given) && !r.has(n.Patronymic) && !r.has(n.Family) {
		return Name{}, false
	}
	// the parts in the order they were written, when the parse saw it
	order := "GPF"
	if o := string(n.order); len(o) == 3 && strings.Count(o, "G") == 1 && strings.Count(o, "P") == 1 ||
		len(o) == 2 && o[0] != o[1] || len(o) == 1 {
		order = o
	}
	if n.Patronymic != "" && strings.IndexByte(order, 'P') < 0 {
		// a patronymic from its own field beside a full name, which the
		// parse of the full name did not see: after the given name
		if i := strings.IndexByte(order, 'G'); i >= 0 {
			order = order[:i+1] + "P" + order[i+1:]
		} else {
			order = "PF"
		}
	}
	var words []string
	for _, role := range []byte(order) {
		part := n.Family
		switch role {
		case 'G':
			part = n.Given
		case 'P':
			part = n.Patronymic
		}
		for w := range strings.FieldsSeq(part) {
			if r.has(w) {
				w = r.word(w)
			}
			words = append(words, w)
		}
		if role == 'G' && n.GivenInitial && len(words) > 0 {
			words[len(words)-1] += "."
		}
	}
	d := Prepare("", "", "", strings.Join(words, " "))
	d.Confidence = min(d.Confidence, n.Confidence)
	return d, true
}

// keepCase writes r, a rewriting of w in lower case, with w's capitals
// (KOVALTSJOEK, Kovaltsjoek).
func keepCase(w, r string) string {
	switch {
	case r == "":
		return r
	case strings.ToUpper(w) == w:
		return strings.ToUpper(r)
	case strings.ToLower(w) != w:
		return strings.ToUpper(r[:1]) + r[1:]
	}
	return r
}

// hasDutch: s has oe, sj or zj, in any case.
func hasDutch(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch c, d := s[i]|0x20, s[i+1]|0x20; {
		case c == 'o' && d == 'e', (c == 's' || c == 'z') && d == 'j':
			return true
		}
	}
	return false
}

// dutchRules rewrites the Dutch spellings, longest first.
var dutchRules = strings.NewReplacer("sjtsj", "shch", "tsj", "ch", "ch", "kh", "sj", "sh", "zj", "zh", "oe", "u")

// hasBareC: s has a c that is part of no digraph (ch, cz, ck, sc, tc), in
// an all-ASCII word (a word that kept some diacritics kept its háčeks too).
func hasBareC(s string) bool {
	found := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false
		}
		found = found || bareCAt(s, i)
	}
	return found
}

// bareCAt: s[i] is a c (in any case) that is part of no digraph: not ch,
// cz, ck, sc or tc.
func bareCAt(s string, i int) bool {
	return s[i]|0x20 == 'c' && !(i+1 < len(s) && strings.IndexByte("hzk", s[i+1]|0x20) >= 0) &&
		!(i > 0 && strings.IndexByte("st", s[i-1]|0x20) >= 0)
}

// bareCWord reads a word that lost its háčeks: ch as х, a bare c as ч.
func bareCWord(lw string) string {
	var b strings.Builder
	for i := 0; i < len(lw); i++ {
		c := lw[i]
		switch {
		case c == 'c' && i+1 < len(lw) && lw[i+1] == 'h':
			b.WriteString("kh")
			i++
		case bareCAt(lw, i):
			b.WriteString("ch")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// patronymicGlued: a hyphenated family word one of whose parts reads as a
// patronymic or a given name (Zajarovich-Andreyev, Juchymovyčs-Ševčenko,
// Konstantin-Ciornij, Ирина-Заика): the parse left a part it could not
// place glued to the family name, which is no double family name.
func patronymicGlued(f string) bool {
	var buf [64]byte
	for i, part := range strings.Split(f, "-") {
		sk := string(appendSkeleton(buf[:0], part))
		if _, _, ok := Patronymic(part); ok || strings.Contains(sk, "viC") || strings.Contains(sk, "vn") || strings.Contains(sk, "iCn") {
			return true
		}
		// the given name comes first (Яковлєва-Кім is two family names)
		if i == 0 && len(lookupGiven(part)) > 0 {
			return true
		}
	}
	return false
}

// doubleFamily compares a hyphenated double family name (Яковлева-Кім: a
// married woman's name and her father's) part by part with the other
// record's family name, which often holds one of them only: a part equal to
// it in any way but a typo makes the two the same family name in another
// form. It is a second reading of ScoreBest only: in CompareFamily the
// linkage engine learnt the form level from it on lists with many double
// names and linked Historical50k worse (F1 0.8505 → 0.8453).
func doubleFamily(a, b *Name) (Level, bool) {
	for _, x := range [2][2]*Name{{a, b}, {b, a}} {
		f, other := x[0].Family, x[1]
		// two words without a hyphen are left alone: they are mostly a
		// parse that read an unknown given name as a second family name
		if strings.IndexByte(f, '-') < 0 || strings.IndexByte(f, ' ') >= 0 || patronymicGlued(f) {
			continue
		}
		for part := range strings.SplitSeq(f, "-") {
			if utf8.RuneCountInString(part) < 3 || part == f {
				continue
			}
			p := Prepare("", "", part, "")
			switch lv, _ := compareFamily(&p, other); lv {
			case LevelExact, LevelTranslit, LevelForm:
				return LevelForm, true
			}
		}
	}
	return LevelDifferent, false
}

// scoreDoubleFamily is Score with the family level of doubleFamily, for a
// pair whose family names differ.
func scoreDoubleFamily(a, b *Name, c Comparison) (Comparison, bool) {
	if c.Family != LevelDifferent || strings.IndexByte(a.Family, '-') < 0 && strings.IndexByte(b.Family, '-') < 0 {
		return c, false
	}
	lv, ok := doubleFamily(a, b)
	if !ok {
		return c, false
	}
	return scoreWithFamily(a, b, lv), true
}
