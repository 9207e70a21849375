package names_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// The third-opinion generator: a set of same-person and different-person
// name pairs drawn the way the registry's sources write names, from its own
// name lists (heldout3_tables_test.go) and romanisations
// (heldout3_translit_test.go). It was written without reading the package's
// tables or the two other generators, to find what all three of those
// miss. Record a of a pair is a clean Cyrillic record; record b writes the
// same person (or, for a trap, a relative or namesake) with one habit drawn
// on purpose and every other choice drawn at random.

type h3Given struct {
	ru, uk       string
	dimRu, dimUk []string
	male         bool
	pat          [4]string // patronymic from this father: ru m, ru f, uk m, uk f
}

type h3Fam struct {
	ru, uk string
	fixed  bool // the same for a woman
}

type h3Person struct {
	g, father *h3Given
	fam       *h3Fam
	lang      string // the record keeper's language: "ru" or "uk"
}

func (p h3Person) female() bool { return !p.g.male }

type h3Data struct {
	male, female []*h3Given
	fams         []*h3Fam
	byRu         map[string]*h3Given
	famByUk      map[string]*h3Fam
	famByRu      map[string]*h3Fam
}

func h3Load() *h3Data {
	d := &h3Data{byRu: map[string]*h3Given{}, famByUk: map[string]*h3Fam{}, famByRu: map[string]*h3Fam{}}
	for _, row := range h3MaleRows {
		f := strings.Split(row, "|")
		pr, pu := strings.Fields(f[4]), strings.Fields(f[5])
		g := &h3Given{ru: f[0], uk: f[1], dimRu: strings.Fields(f[2]), dimUk: strings.Fields(f[3]), male: true,
			pat: [4]string{pr[0], pr[1], pu[0], pu[1]}}
		d.male = append(d.male, g)
		d.byRu[g.ru] = g
	}
	for _, row := range h3FemaleRows {
		f := strings.Split(row, "|")
		g := &h3Given{ru: f[0], uk: f[1], dimRu: strings.Fields(f[2]), dimUk: strings.Fields(f[3])}
		d.female = append(d.female, g)
		d.byRu[g.ru] = g
	}
	for _, row := range h3SurnameRows {
		fixed := strings.HasPrefix(row, "!")
		ru, uk, _ := strings.Cut(strings.TrimPrefix(row, "!"), "|")
		f := &h3Fam{ru: ru, uk: uk, fixed: fixed}
		d.fams = append(d.fams, f)
		d.famByUk[uk] = f
		d.famByRu[ru] = f
	}
	return d
}

// givenNamed is the table entry of a Russian form, or a bare entry for a
// name the table lacks (used for the look-alike traps only).
func (d *h3Data) givenNamed(ru string) *h3Given {
	if g := d.byRu[ru]; g != nil {
		return g
	}
	male := !strings.HasSuffix(ru, "а") && !strings.HasSuffix(ru, "я")
	return &h3Given{ru: ru, uk: ru, male: male}
}

// famNamed is the surname entry of a Ukrainian (or Russian) form, or a
// bare one.
func (d *h3Data) famNamed(s string) *h3Fam {
	if f := d.famByUk[s]; f != nil {
		return f
	}
	if f := d.famByRu[s]; f != nil {
		return f
	}
	ru := strings.NewReplacer("і", "и", "ї", "йи", "є", "е", "'", "ь").Replace(s)
	if strings.HasSuffix(s, "ьов") {
		ru = strings.TrimSuffix(s, "ьов") + "ёв"
	}
	fixed := !strings.HasSuffix(s, "ов") && !strings.HasSuffix(s, "ін") && !strings.HasSuffix(s, "ський")
	return &h3Fam{ru: ru, uk: s, fixed: fixed}
}

// h3Feminine writes a surname for a woman: -ов/-ев/-ин take -а, -ский
// becomes -ская (Ukrainian -ська), adjectival -ый/-ий/-ой become -ая
// (Ukrainian -а); -енко, -ук and the like do not change.
func h3Feminine(s, lang string) string {
	switch {
	case strings.HasSuffix(s, "ский"), strings.HasSuffix(s, "цкий"):
		return strings.TrimSuffix(s, "ий") + "ая"
	case strings.HasSuffix(s, "ський"), strings.HasSuffix(s, "цький"):
		return strings.TrimSuffix(s, "ий") + "а"
	case lang == "ru" && (strings.HasSuffix(s, "ый") || strings.HasSuffix(s, "ой")):
		return string([]rune(s)[:len([]rune(s))-2]) + "ая"
	case lang == "uk" && strings.HasSuffix(s, "ий"):
		return strings.TrimSuffix(s, "ий") + "а"
	}
	for _, e := range []string{"ов", "ев", "ёв", "єв", "ин", "ын", "ін", "їн"} {
		if strings.HasSuffix(s, e) {
			return s + "а"
		}
	}
	return s
}

func (p h3Person) givenForm(lang string) string {
	if lang == "uk" {
		return p.g.uk
	}
	return p.g.ru
}

func (p h3Person) dimForm(r *rand.Rand, lang string) string {
	ds := p.g.dimRu
	if lang == "uk" && len(p.g.dimUk) > 0 || len(ds) == 0 {
		ds = p.g.dimUk
	}
	if len(ds) == 0 {
		return p.givenForm(lang)
	}
	return ds[r.IntN(len(ds))]
}

func (p h3Person) patForm(lang string) string {
	i := 0
	if lang == "uk" {
		i = 2
	}
	if p.female() {
		i++
	}
	return p.father.pat[i]
}

func (p h3Person) famForm(lang string) string {
	s := p.fam.ru
	if lang == "uk" {
		s = p.fam.uk
	}
	if p.female() && !p.fam.fixed {
		return h3Feminine(s, lang)
	}
	return s
}

// h3Style is how record b writes a person.
type h3Style struct {
	lang     [3]string // given, patronymic, family
	dim      bool      // a pet form for the given name
	intl     bool      // the given name's form in another language (Eugene)
	pat      bool      // the patronymic is written
	fam      bool      // the family name is written
	given    bool      // the given name is written
	scheme   string    // "" for Cyrillic
	strip    bool      // diacritics dropped from the Latin letters
	order    string
	cyrHabit string // "", "yo", "lookalike", "ukkbd", "apos", "iswap"
	caps     string // "", "all"
	typo     string
	typoFam  bool
	second   *h3Fam // a second family name (double name, maiden name)
	secondAt string // "hyphen", "paren"
}

type h3Gen struct {
	r *rand.Rand
	d *h3Data
}

func newH3Gen(seed uint64) *h3Gen {
	return &h3Gen{r: rand.New(rand.NewPCG(seed, 0x6833)), d: h3Load()}
}

func (g *h3Gen) pick(n int) int { return g.r.IntN(n) }

func (g *h3Gen) lang() string {
	if g.r.IntN(2) == 0 {
		return "uk"
	}
	return "ru"
}

func (g *h3Gen) person() h3Person {
	p := h3Person{father: g.d.male[g.pick(len(g.d.male))], fam: g.d.fams[g.pick(len(g.d.fams))], lang: g.lang()}
	if g.r.IntN(4) == 0 {
		p.g = g.d.female[g.pick(len(g.d.female))]
	} else {
		p.g = g.d.male[g.pick(len(g.d.male))]
	}
	return p
}

func (g *h3Gen) personWhere(ok func(h3Person) bool) h3Person {
	for {
		if p := g.person(); ok(p) {
			return p
		}
	}
}

// clean is record a: full Cyrillic name in the keeper's language, in the
// two orders official lists use.
func (g *h3Gen) clean(p h3Person) h3Style {
	s := h3Style{lang: [3]string{p.lang, p.lang, p.lang}, pat: true, fam: true, given: true, order: "G P F"}
	if g.r.IntN(2) == 0 {
		s.order = "F G P"
	}
	return s
}

// Latin schemes by language of the forms they write.
var h3LatinSchemes = []string{"icao", "mvd1997", "mvd2010", "bgn", "enru", "enuk", "kmu", "ua1996", "icaouk",
	"de", "fr", "pl", "cz", "es", "nl", "iso9", "sch", "gostb"}

// h3CommonOrders are the orders a record is written in when the order is
// not the phenomenon.
var h3CommonOrders = []string{"G P F", "F G P", "FAMILY G P", "G F", "F G"}

var h3Orders = []string{"G P F", "F G P", "F, G P", "FAMILY G P", "F G.P.", "F G. P.", "F GP", "G.P. F",
	"G F", "F G", "F, G", "G. F", "F G."}

// random is any writing of the person: script, scheme, language of each
// part, order, patronymic or not.
func (g *h3Gen) random(p h3Person) h3Style {
	l := g.lang()
	s := h3Style{lang: [3]string{l, l, l}, pat: g.r.IntN(2) == 0, fam: true, given: true,
		order: h3CommonOrders[g.pick(len(h3CommonOrders))]}
	if g.r.IntN(2) == 0 {
		g.setScheme(&s, h3LatinSchemes[g.pick(len(h3LatinSchemes))])
	}
	return s
}

// setScheme writes b in a Latin scheme, in the language the scheme
// writes.
func (g *h3Gen) setScheme(s *h3Style, scheme string) {
	s.scheme = scheme
	if l := h3Schemes[scheme].lang; l != "" {
		s.lang = [3]string{l, l, l}
	}
}

func (g *h3Gen) render(p h3Person, s h3Style) string {
	var words [3]string // given, patronymic, family
	if s.given {
		if s.dim {
			words[0] = p.dimForm(g.r, s.lang[0])
		} else {
			words[0] = p.givenForm(s.lang[0])
		}
	}
	if s.pat {
		words[1] = p.patForm(s.lang[1])
	}
	if s.fam {
		words[2] = p.famForm(s.lang[2])
		if s.second != nil {
			sec := h3Person{g: p.g, fam: s.second}.famForm(s.lang[2])
			if s.secondAt == "hyphen" {
				words[2] += "-" + sec
			} else {
				words[2] += " (" + sec + ")"
			}
		}
	}
	for i := range words {
		if i == 0 && s.intl && s.given {
			if f := h3International[p.g.ru]; len(f) > 0 {
				words[0] = f[g.pick(len(f))] // already Latin
				continue
			}
		}
		words[i] = g.cyrHabit(words[i], s.cyrHabit)
		if s.scheme != "" {
			words[i] = h3RomaniseText(words[i], s.lang[i], s.scheme)
			if s.strip {
				words[i] = h3StripMarks(words[i])
			}
		}
	}
	if s.typo != "" {
		i := 0
		if s.typoFam {
			i = 2
		}
		words[i] = g.typo(words[i], s.typo, s.scheme == "")
	}
	out := h3Order(s.order, words)
	if s.caps == "all" {
		out = strings.ToUpper(out)
	}
	return out
}

// h3RomaniseText romanises the words of a part, keeping hyphens,
// parentheses and spaces.
func h3RomaniseText(s, lang, scheme string) string {
	var b strings.Builder
	var word []rune
	flush := func() {
		if len(word) > 0 {
			b.WriteString(h3Romanise(string(word), lang, scheme))
			word = word[:0]
		}
	}
	for _, r := range s {
		if r == '-' || r == ' ' || r == '(' || r == ')' {
			flush()
			b.WriteRune(r)
			continue
		}
		word = append(word, r)
	}
	flush()
	return b.String()
}

func h3Initial(w string) string {
	for _, r := range w {
		return string(unicode.ToUpper(r))
	}
	return ""
}

// h3Order writes the parts in an order; an absent part is left out, and an
// initials order falls back to the given initial alone.
func h3Order(order string, w [3]string) string {
	G, P, F := w[0], w[1], w[2]
	gi, pi := h3Initial(G), h3Initial(P)
	join := func(parts ...string) string {
		var out []string
		for _, x := range parts {
			if strings.TrimSpace(strings.Trim(x, ".,")) != "" {
				out = append(out, x)
			}
		}
		return strings.Join(out, " ")
	}
	switch order {
	case "G P F":
		return join(G, P, F)
	case "F G P":
		return join(F, G, P)
	case "F, G P":
		if F == "" {
			return join(G, P)
		}
		return join(F+",", G, P)
	case "FAMILY G P":
		return join(strings.ToUpper(F), G, P)
	case "F G.P.":
		if pi == "" {
			return join(F, gi+".")
		}
		return join(F, gi+"."+pi+".")
	case "F G. P.":
		if pi == "" {
			return join(F, gi+".")
		}
		return join(F, gi+".", pi+".")
	case "F GP":
		return join(F, gi+pi)
	case "G.P. F":
		if pi == "" {
			return join(gi+".", F)
		}
		return join(gi+"."+pi+".", F)
	case "G F":
		return join(G, F)
	case "F G":
		return join(F, G)
	case "F, G":
		if F == "" {
			return G
		}
		return join(F+",", G)
	case "G. F":
		return join(gi+".", F)
	case "F G.":
		return join(F, gi+".")
	}
	panic("unknown order " + order)
}

var h3Lookalike = map[rune]rune{'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'ї': 'ï'}

// cyrHabit applies a habit of writing Cyrillic.
func (g *h3Gen) cyrHabit(w, habit string) string {
	if w == "" {
		return w
	}
	rs := []rune(w)
	switch habit {
	case "yo":
		return strings.NewReplacer("ё", "е", "Ё", "Е").Replace(w)
	case "lookalike":
		var at []int
		for i, r := range rs {
			if _, ok := h3Lookalike[r]; ok {
				at = append(at, i)
			}
		}
		g.r.Shuffle(len(at), func(i, j int) { at[i], at[j] = at[j], at[i] })
		for _, i := range at[:min(len(at), 1+g.r.IntN(3))] {
			rs[i] = h3Lookalike[rs[i]]
		}
		return string(rs)
	case "ukkbd":
		var b strings.Builder
		for _, r := range rs {
			switch r {
			case 'і':
				b.WriteString([]string{"i", "и", "i"}[g.pick(3)])
			case 'І':
				b.WriteString([]string{"I", "И"}[g.pick(2)])
			case 'ї':
				b.WriteString([]string{"i", "ï", "йи", "і"}[g.pick(4)])
			case 'є':
				b.WriteString([]string{"е", "э"}[g.pick(2)])
			case 'Є':
				b.WriteString([]string{"Е", "Э"}[g.pick(2)])
			case 'ґ':
				b.WriteString("г")
			case '\'':
				b.WriteString([]string{"", "ъ", "ь", "\""}[g.pick(4)])
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	case "apos":
		return strings.ReplaceAll(w, "'", []string{"’", "ʼ", "`", "\"", "", "ʹ", "‘"}[g.pick(7)])
	case "iswap":
		for i, r := range rs {
			if g.r.IntN(2) == 0 {
				continue
			}
			switch r {
			case 'і':
				rs[i] = 'и'
			case 'и':
				rs[i] = 'і'
			}
		}
		return string(rs)
	}
	return w
}

var (
	h3QwertyRows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	h3JcukenRows = []string{"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "йцукенгшщзхї", "фівапролджє"}
	h3OCRLatin   = [][2]string{{"m", "rn"}, {"rn", "m"}, {"d", "cl"}, {"h", "li"}, {"w", "vv"}, {"l", "I"}, {"o", "0"}, {"e", "c"}, {"u", "ii"}, {"n", "ri"}}
	h3OCRCyr     = [][2]string{{"ш", "щ"}, {"щ", "ш"}, {"и", "н"}, {"н", "и"}, {"п", "л"}, {"л", "п"}, {"ц", "щ"}, {"е", "с"}, {"о", "0"}, {"З", "3"}, {"б", "6"}, {"ь", "ъ"}, {"и", "й"}, {"О", "0"}}
	h3AlphaLatin = []rune("abcdefghijklmnopqrstuvwxyz")
	h3AlphaCyr   = []rune("абвгдежзийклмнопрстуфхцчшщьыэюяії")
)

// typo makes one slip in a word of at least four letters.
func (g *h3Gen) typo(w, kind string, cyr bool) string {
	rs := []rune(w)
	if len(rs) < 4 {
		return w
	}
	pos := 1 + g.r.IntN(len(rs)-1)
	if g.r.IntN(10) == 0 {
		pos = 0
	}
	alpha := h3AlphaLatin
	if cyr {
		alpha = h3AlphaCyr
	}
	keep := func(old, nw rune) rune {
		if unicode.IsUpper(old) {
			return unicode.ToUpper(nw)
		}
		return nw
	}
	switch kind {
	case "substitution":
		rs[pos] = keep(rs[pos], alpha[g.pick(len(alpha))])
	case "deletion":
		rs = slices.Delete(rs, pos, pos+1)
	case "insertion":
		rs = slices.Insert(rs, pos, alpha[g.pick(len(alpha))])
	case "transposition":
		if pos == len(rs)-1 {
			pos--
		}
		rs[pos], rs[pos+1] = rs[pos+1], rs[pos]
	case "doubling":
		for i := 1; i < len(rs); i++ {
			if unicode.ToLower(rs[i]) == unicode.ToLower(rs[i-1]) {
				return string(slices.Delete(rs, i, i+1))
			}
		}
		rs = slices.Insert(rs, pos, rs[pos])
	case "keyboard":
		rows := h3QwertyRows
		if cyr {
			rows = h3JcukenRows
		}
		lo := unicode.ToLower(rs[pos])
		for _, row := range rows {
			rr := []rune(row)
			if i := slices.Index(rr, lo); i >= 0 {
				j := i + 1
				if j == len(rr) || i > 0 && g.r.IntN(2) == 0 {
					j = i - 1
				}
				rs[pos] = keep(rs[pos], rr[j])
				break
			}
		}
	case "ocr":
		conf := h3OCRLatin
		if cyr {
			conf = h3OCRCyr
		}
		start := g.pick(len(conf))
		for k := range conf {
			c := conf[(start+k)%len(conf)]
			if i := strings.Index(w[1:], c[0]); i >= 0 {
				i++
				return w[:i] + c[1] + w[i+len(c[0]):]
			}
		}
		return g.typo(w, "keyboard", cyr)
	}
	return string(rs)
}
