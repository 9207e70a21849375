package names_test

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lastseen/lastseen/names"
)

// A small generator of name records with the phenomena real lists have: the
// ten writing habits (Cyrillic in Russian or Ukrainian, Latin under every
// scheme), ru/uk forms, diminutives, the usual orders, initials, capitals,
// typos and missing parts. It builds the pair tables for TestPairTable. It is
// deliberately independent of package synth.

type person struct {
	sex    names.Sex
	given  *names.GivenName
	father *names.GivenName
	fam    [2]string // masculine family name: Russian, Ukrainian
}

type gen struct {
	r      *rand.Rand
	male   []*names.GivenName
	female []*names.GivenName
}

func newGen(seed uint64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, n := range names.GivenNames() {
		// the generator draws from names with both forms, as real lists do
		if len(n.Ru) == 0 || len(n.Uk) == 0 {
			continue
		}
		if n.Sex == names.Male {
			g.male = append(g.male, n)
		} else {
			g.female = append(g.female, n)
		}
	}
	return g
}

func (g *gen) pick(list []*names.GivenName) *names.GivenName {
	// common names more often: the first entries of the table are the common ones
	// only in spirit; a squared draw leans towards the front of the list
	f := g.r.Float64()
	return list[int(f*f*float64(len(list)))]
}

func (g *gen) person() person {
	p := person{sex: names.Male, father: g.pick(g.male), fam: surnames[g.r.IntN(len(surnames))]}
	if g.r.IntN(10) < 2 {
		p.sex = names.Female
		p.given = g.pick(g.female)
	} else {
		p.given = g.pick(g.male)
	}
	return p
}

// style is one writing habit.
type style struct {
	lang       names.Lang   // LangRu or LangUk
	scheme     names.Scheme // 0: Cyrillic
	givenForm  int          // 0 full, 1 diminutive, 2 initial, 3 missing
	patronymic int          // 0 full, 1 initial, 2 missing
	order      int          // 0 GPF, 1 FGP, 2 FAMILY G P, 3 F G.P., 4 G.P. F
	typo       bool
}

func (g *gen) style() style {
	s := style{lang: names.LangRu}
	if g.r.IntN(2) == 0 {
		s.lang = names.LangUk
	}
	if g.r.IntN(2) == 0 {
		s.scheme = names.Schemes[g.r.IntN(len(names.Schemes))]
	}
	switch x := g.r.IntN(100); {
	case x < 78:
	case x < 90:
		s.givenForm = 1
	case x < 97:
		s.givenForm = 2
	default:
		s.givenForm = 3
	}
	switch x := g.r.IntN(100); {
	case x < 50:
	case x < 60:
		s.patronymic = 1
	default:
		s.patronymic = 2
	}
	if s.givenForm == 3 && s.patronymic == 1 {
		s.patronymic = 0 // "Петров И." with no given name is unreadable even to a person
	}
	s.order = g.r.IntN(5)
	if s.givenForm == 3 && s.order >= 3 {
		s.order -= 3 // initials need a given name
	}
	s.typo = g.r.IntN(100) < 12
	return s
}

// strict is a style that keeps the full given name and patronymic: the
// non-match tables use it where a part is what tells two people apart.
func (s style) strict() style {
	s.givenForm, s.patronymic = 0, 0
	if s.order >= 3 {
		s.order -= 3
	}
	return s
}

func (g *gen) render(p person, s style) string {
	li := 0
	if s.lang == names.LangUk {
		li = 1
	}
	var given string
	switch s.givenForm {
	case 0:
		given = first(p.given.Ru, li, p.given.Uk)
	case 1:
		if len(p.given.Dim) > 0 {
			given = p.given.Dim[g.r.IntN(len(p.given.Dim))]
		} else {
			given = first(p.given.Ru, li, p.given.Uk)
		}
	case 2:
		given = initial(first(p.given.Ru, li, p.given.Uk))
	}
	var pat string
	if s.patronymic < 2 {
		pat = names.PatronymicFor(p.father.ID, p.sex, s.lang)
		if s.patronymic == 1 || s.givenForm == 2 {
			pat = initial(pat)
		}
	}
	fam := names.FamilyForSex(p.fam[li], p.sex)
	if s.scheme != 0 {
		tr := func(x string) string { return names.TranslitLang(x, s.scheme, s.lang) }
		given, pat, fam = tr(given), tr(pat), tr(fam)
	}
	if s.typo {
		if g.r.IntN(2) == 0 || given == "" || utf8.RuneCountInString(given) < 4 {
			fam = g.typo(fam)
		} else {
			given = g.typo(given)
		}
	}
	var parts []string
	add := func(xs ...string) {
		for _, x := range xs {
			if x != "" {
				parts = append(parts, x)
			}
		}
	}
	full := first(p.given.Ru, li, p.given.Uk) // initials are of the full form
	if s.scheme != 0 {
		full = names.TranslitLang(full, s.scheme, s.lang)
	}
	if s.givenForm == 3 {
		full = ""
	}
	switch s.order {
	case 0:
		add(given, pat, fam)
	case 1:
		add(fam, given, pat)
	case 2:
		add(strings.ToUpper(fam), given, pat)
	case 3:
		add(fam, initial(full)+initial(pat))
	case 4:
		add(initial(full)+initial(pat), fam)
	}
	return strings.Join(parts, " ")
}

func first(ru []string, li int, uk []string) string {
	if li == 1 && len(uk) > 0 {
		return uk[0]
	}
	return ru[0]
}

// initial writes the initial of a name part the way lists do: "О.", and for
// Latin digraph letters "Yu.", "Zh.".
func initial(s string) string {
	if s == "" {
		return ""
	}
	if strings.HasSuffix(s, ".") {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf && len(s) > n {
		two := strings.ToLower(s[:2])
		switch two {
		case "yu", "ya", "ye", "zh", "sh", "ch", "kh", "ts":
			return s[:2] + "."
		}
	}
	return string(r) + "."
}

// typo makes one edit of the kind typists and OCR make: a letter dropped,
// doubled, two letters swapped, or one replaced by a neighbour.
func (g *gen) typo(s string) string {
	r := []rune(s)
	if len(r) < 4 {
		return s
	}
	i := 1 + g.r.IntN(len(r)-2)
	switch g.r.IntN(6) {
	case 4: // a scanned list: О read as 0, З as 3
		for k, c := range r {
			if d, ok := ocrDigit[c]; ok {
				r[k] = d
				return string(r)
			}
		}
		return s
	case 5: // a Latin twin typed into a Cyrillic word
		for k, c := range r {
			if l, ok := twin[c]; ok {
				r[k] = l
				return string(r)
			}
		}
		return s
	case 0:
		r = append(r[:i], r[i+1:]...)
	case 1:
		r = append(r[:i+1], r[i:]...)
	case 2:
		r[i], r[i+1] = r[i+1], r[i]
	default:
		if unicode.IsUpper(r[i]) {
			return s
		}
		r[i] = neighbour(r[i])
	}
	return string(r)
}

func neighbour(r rune) rune {
	const lat, cyr = "qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзхфывапролджэячсмитьбю"
	for _, set := range []string{lat, cyr} {
		rs := []rune(set)
		for i, c := range rs {
			if c == r {
				if i+1 < len(rs) {
					return rs[i+1]
				}
				return rs[i-1]
			}
		}
	}
	return r
}

// matchPairs returns n pairs of records of the same person.
func (g *gen) matchPairs(n int) [][2]string {
	out := make([][2]string, 0, n)
	for len(out) < n {
		p := g.person()
		a, b := g.render(p, g.style()), g.render(p, g.style())
		if a == "" || b == "" {
			continue
		}
		out = append(out, [2]string{a, b})
	}
	return out
}

// nonMatchPairs returns n pairs of records of different people that share a
// family name or more: brothers, father and son, namesakes with different
// fathers, brother and sister, husband and wife, and Иван Петров / Пётр Иванов.
type labelled struct {
	kind string
	a, b string
}

func (g *gen) nonMatchPairs(n int) []labelled {
	out := make([]labelled, 0, n)
	differentGiven := func(a *names.GivenName, list []*names.GivenName) *names.GivenName {
		for {
			b := g.pick(list)
			if b != a && !shareKey(a, b) {
				return b
			}
		}
	}
	for len(out) < n {
		p := g.person()
		q := p
		kind := ""
		switch g.r.IntN(6) {
		case 0:
			kind = "brothers"
			p.sex, q.sex = names.Male, names.Male
			p.given = g.pick(g.male)
			q.given = differentGiven(p.given, g.male)
		case 1:
			kind = "father-son"
			p.sex, q.sex = names.Male, names.Male
			if p.father == p.given {
				continue
			}
			q.given, q.father = p.father, differentGiven(p.given, g.male) // q is p's father
		case 2:
			kind = "namesakes"
			q.father = differentGiven(p.father, g.male)
		case 3:
			kind = "husband-wife"
			p.sex, q.sex = names.Male, names.Female
			p.given, q.given = g.pick(g.male), g.pick(g.female)
			q.father = differentGiven(p.father, g.male)
		case 4:
			kind = "same-surname"
			q = g.person()
			q.fam = p.fam
			if shareKey(p.given, q.given) {
				continue
			}
		case 5:
			kind = "given-family-swap"
			// Иван Петров and Пётр Иванов: the family names come from given names
			p.sex, q.sex = names.Male, names.Male
			p.given = g.pick(g.male)
			q.given = differentGiven(p.given, g.male)
			p.fam = [2]string{familyFrom(q.given, 0), familyFrom(q.given, 1)}
			q.fam = [2]string{familyFrom(p.given, 0), familyFrom(p.given, 1)}
		}
		sa, sb := g.style().strict(), g.style().strict()
		if kind == "same-surname" || kind == "brothers" || kind == "given-family-swap" || kind == "husband-wife" {
			// the given name tells them apart; the patronymic may be absent
			sa.patronymic, sb.patronymic = g.r.IntN(3)%2*2, g.r.IntN(3)%2*2
		}
		if kind == "husband-wife" {
			sa.givenForm = 0
		}
		out = append(out, labelled{kind, g.render(p, sa), g.render(q, sb)})
	}
	return out
}

// shareKey: two table entries that a diminutive could confuse (Владислав and
// Вячеслав share Слава) or that are forms of each other.
func shareKey(a, b *names.GivenName) bool {
	if a == b {
		return true
	}
	for _, x := range append(append([]string{}, a.Ru...), a.Uk...) {
		for _, id := range names.GivenKeys(x) {
			if id == b.ID {
				return true
			}
		}
	}
	return false
}

// familyFrom makes the family name derived from a given name (Пётр → Петров).
func familyFrom(g *names.GivenName, li int) string {
	p := names.PatronymicFor(g.ID, names.Male, names.LangRu) // Петрович
	if li == 1 {
		p = names.PatronymicFor(g.ID, names.Male, names.LangUk)
	}
	for _, suf := range []string{"ьевич", "евич", "ович", "ич"} {
		if strings.HasSuffix(p, suf) {
			stem := strings.TrimSuffix(p, suf)
			switch suf {
			case "ьевич":
				return stem + "ьев"
			case "евич":
				return stem + "ев"
			case "ич":
				return stem + "ин"
			}
			return stem + "ов"
		}
	}
	return p
}

var ocrDigit = map[rune]rune{'О': '0', 'о': '0', 'З': '3', 'з': '3', 'б': '6', 'O': '0', 'o': '0', 'l': '1'}
var twin = map[rune]rune{'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i', 'К': 'K', 'М': 'M', 'Н': 'H', 'Т': 'T', 'В': 'B'}
