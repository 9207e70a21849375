package names

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ToCyrillic returns up to n plausible Cyrillic spellings of a romanised name,
// best first: "Oleksandr" → Олександр; "Iurii" → Юрий, Юрій; "Yelena" → Елена.
// It reads every scheme of this package at once, prefers spellings that some
// scheme romanises back to exactly the input, spellings that are known given
// names, and letter sequences Russian and Ukrainian words have; it never mixes
// Ukrainian-only and Russian-only letters in one word. Each word gets its own
// ranked readings; a string of several words gets the n best joint readings,
// where a reading whose words need different languages or different schemes
// costs more (one person's name is written in one language and romanised with
// one scheme), and where near ties go to readings that vary a word the
// readings before did not (Гая Юрьева, Гая Юрева, Гайа Юрьева rather than a
// third spelling of the surname). Non-letters are kept. A standard spelling of a known name comes
// before the same name without its ё, ь or apostrophe (Artem → Артём, Артем).
// An apostrophe the Latin does not write is written ’ (U+2019); one it writes
// is kept as written.
func ToCyrillic(latin string, n int) []string {
	return toCyrillic(latin, 0, n)
}

// ToCyrillicScheme is ToCyrillic for a caller who knows the scheme the name
// was romanised with (the machine-readable zone of a passport is ICAO; a
// Ukrainian passport since 2010 is KMU2010): spellings that sc romanises back
// to exactly the input come first. KMU2010 reads Ukrainian only.
func ToCyrillicScheme(latin string, sc Scheme, n int) []string {
	return toCyrillic(latin, sc, n)
}

// toCyrillic: sc 0 is any scheme.
func toCyrillic(latin string, sc Scheme, n int) []string {
	if n <= 0 {
		return nil
	}
	// not Normalize: a backtick or a prime is a letter in GOST 7.79 B and ISO 9
	// the spaces between words are kept as they are (a tab stays a tab)
	latin = strings.TrimSpace(norm.NFC.String(latin))
	latin = splitAcute(latin)
	type piece struct {
		word bool
		text string
		alts []cand
	}
	var pieces []piece
	rs := []rune(latin)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isRomanLetter(rs, j) {
			j++
		}
		if j > i {
			if j-i > maxWordRunes {
				pieces = append(pieces, piece{text: string(rs[i:j])}) // not a name: kept as it is
				i = j
				continue
			}
			w := string(rs[i:j])
			k := max(n, 3)
			if sc == 0 {
				k += 3 // spare readings, for the scheme the other words agree on
			}
			pieces = append(pieces, piece{word: true, text: w, alts: wordToCyrillic(w, k, sc)})
			i = j
			continue
		}
		for j < len(rs) && !isRomanLetter(rs, j) {
			j++
		}
		pieces = append(pieces, piece{text: string(rs[i:j])})
		i = j
	}
	if sc == 0 {
		var words [][]cand
		for _, p := range pieces {
			if p.word {
				words = append(words, p.alts)
			}
		}
		oneScheme(words)
		for _, alts := range words {
			promoteCanon(alts)
			sort.SliceStable(alts, func(i, j int) bool { return alts[i].cost < alts[j].cost })
		}
	}
	// k-best combination of the words' candidates: the n best whole strings
	// by summed word costs, where a reading is also judged as a whole (one
	// person's name is written in one language and romanised with one
	// scheme), so the beam keeps more than n partial readings
	type combo struct {
		parts []string
		cost  float64    // min(byLang) plus the scheme terms
		by    [2]float64 // the words' costs read as Russian, as Ukrainian
		trips uint16     // the schemes that give back every word chosen so far
	}
	width := 4 * max(n, 3)
	beam := []combo{{trips: ^uint16(0)}}
	for _, p := range pieces {
		var next []combo
		for _, c := range beam {
			if !p.word || len(p.alts) == 0 {
				next = append(next, combo{append(append([]string(nil), c.parts...), p.text), c.cost, c.by, c.trips})
				continue
			}
			for _, a := range p.alts {
				// one person's name is written in one language: the joint
				// reading costs its words read in the cheaper language
				by := [2]float64{c.by[0] + a.cost + a.langExtra[LangRu], c.by[1] + a.cost + a.langExtra[LangUk]}
				cost := c.cost - min(c.by[0], c.by[1]) + min(by[0], by[1])
				trips := c.trips
				// a word that no scheme gives back says nothing of the scheme
				// (it already costs noTrip)
				if a.trips != 0 && trips != 0 {
					trips &= a.trips
					if trips == 0 {
						cost += mixedSchemes // Мадир (KMU) with Четкий (ICAO)
					}
				}
				next = append(next, combo{append(append([]string(nil), c.parts...), a.text), cost, by, trips})
			}
		}
		sort.SliceStable(next, func(i, j int) bool { return next[i].cost < next[j].cost })
		if len(next) > width {
			next = next[:width]
		}
		beam = next
	}
	parts := make([][]string, len(beam))
	costs := make([]float64, len(beam))
	for i, c := range beam {
		parts[i], costs[i] = c.parts, c.cost
	}
	return pickVaried(parts, costs, n)
}

// repeatWord is what a joint reading costs, when the n best are picked, for
// varying again only the words an earlier pick varied, or for offering no
// word's reading that an earlier pick did not: a searcher shown three
// readings learns more from the alternatives of two uncertain words than from
// two alternatives of one word. It only reorders near ties.
const repeatWord = 0.75

// pickVaried returns the n best distinct joint readings (parts: the pieces of
// each reading; costs: its cost, ascending), where each pick after the first
// is charged repeatWord for each way it repeats the earlier picks (see
// repeatWord).
func pickVaried(parts [][]string, costs []float64, n int) []string {
	var out []string
	var chosen []int
	var varied [][]int // per pick after the first: the pieces where it differs from the first
	used := make([]bool, len(parts))
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = strings.Join(p, "")
	}
	diff := func(i int) []int {
		var d []int
		for k := range parts[i] {
			if k < len(parts[chosen[0]]) && parts[i][k] != parts[chosen[0]][k] {
				d = append(d, k)
			}
		}
		return d
	}
	for len(out) < n {
		best, bestCost := -1, math.Inf(1)
		for i := range parts {
			if used[i] {
				continue
			}
			if contains(out, texts[i]) {
				used[i] = true
				continue
			}
			c := costs[i]
			if len(chosen) > 0 {
				d := diff(i)
				for _, v := range varied {
					if slices.Equal(v, d) {
						c += repeatWord
						break
					}
				}
				fresh := false
				for _, k := range d {
					seen := false
					for _, j := range chosen {
						if parts[j][k] == parts[i][k] {
							seen = true
							break
						}
					}
					if !seen {
						fresh = true
						break
					}
				}
				if !fresh {
					c += repeatWord
				}
			}
			if c < bestCost {
				best, bestCost = i, c
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		if len(chosen) > 0 {
			varied = append(varied, diff(best))
		}
		chosen = append(chosen, best)
		out = append(out, texts[best])
	}
	return out
}

// mixedSchemes is the cost of a reading whose words no one scheme gives back
// all together: each word's reading is some scheme's, but not the same one's.
const mixedSchemes = 1.5

// isRomanLetter: a Latin letter, or a mark that a scheme uses as a letter
// inside a word (ʹ ʺ ` · and the apostrophe between letters).
func isRomanLetter(rs []rune, j int) bool {
	r := rs[j]
	if isLatinLetter(r) && r != 'ʹ' && r != 'ʺ' {
		return true
	}
	if unicode.Is(unicode.Mn, r) {
		return j > 0
	}
	switch r {
	case 'ʹ', 'ʺ', '`', '·', '”', '’', '\'', 'ʼ':
		return j > 0 && isRomanLetter(rs, j-1)
	}
	return false
}

// splitAcute writes a stress acute as a combining mark after its letter (é →
// e + U+0301), so that it rides on the Cyrillic letter the vowel becomes.
func splitAcute(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xC0 }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if d := norm.NFD.String(string(r)); strings.HasSuffix(d, "\u0301") && r < 0x250 {
			b.WriteString(d)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type cand struct {
	text string
	cost float64
	lang Lang // the reading it came from; LangAuto when both gave it
	// the cost before the round trip, and which schemes (bit i for
	// Schemes[i]) romanise the text back to the input
	base  float64
	trips uint16
	// langExtra[l]: what reading the spelling as language l (LangRu,
	// LangUk) costs beyond cost, up to langMismatch: 0 for the language
	// whose reading found it cheapest, langMismatch for a language whose
	// reading did not find it or whose spelling rules it breaks
	langExtra [3]float64
}

// langMismatch is the most a word costs for being read in the other language
// than the one its spelling belongs to: one person's name is written in one
// language.
const langMismatch = 1.5

// tripBonus is the round-trip term of a reading's cost: 2 when a standard
// among trips gives the input back, 1 when only a press habit does, −noTrip
// when none does.
func tripBonus(trips uint16, strict bool) float64 {
	b := -noTrip
	for i, s := range Schemes {
		if trips&(1<<i) == 0 {
			continue
		}
		if s >= PressEN && !strict {
			b = max(b, 1)
		} else {
			b = max(b, 2)
		}
	}
	return b
}

type alt struct {
	cyr  string
	cost float64
	lang Lang // LangAuto: both languages
}

// latRules: a Latin letter sequence and the Cyrillic it may stand for, with a
// cost (0 for the usual reading). Gathered from every scheme in schemes.go
// read backwards, and from the press habits.
var latRules = func() map[string][]alt {
	spec := `
a а 0
b б 0
c ц .6 к 1
cz ц .3 ч .5
ch ч 0 х 1.5 ш 2
chtch щ 0
ck к .3
d д 0
e е 0 э .6 є 1.2 ё 2.5
ë ё 0 е .5
è э 0
ė э 0
ê є 0
eBT э 0
f ф 0
g г:r 0 ґ:u .3 г:u .4
gBT г 0
g̀ г 0
gh г .3
gu г 1.2
h х:r .2 г:r 1 г:u 0 х:u .8
i и:r 0 і:u 0 и:u 1 й .8 ї:u .6 'ї:u 1.2
ì і 0
ï ї .2 і .8 й .8
ai ай .5 аї:u .4
ei ей .5 еї:u .5
oi ой .5 ої:u .1
ui уй .6
ii ий:r .2 ии:r .9 ій:u .2 ий:u .6 ії:u .9
ia я 0 ия:r .4 ія:u .3 ья:r 1 'я:u .6
iu ю 0 ию:r .6 ію:u .4 ью:r 1 'ю:u .6
ie ье:r .4 ие:r .6 ъ:r 1 е:r 1.2 є:u .2 іє:u .6 'є:u .6
io ё .6 ьо .6 ио:r .6 іо:u .5 йо .5
iy ий .2 ій .2
j й 0 ж 2.5
ja я 0 ья 1
ju ю 0 ью 1
je е:r .4 є:u .2 ье:r .7
jo ё .4 йо .6 ьо .7
ji ї .2 ьи 1
k к 0
kh х 0
ks кс 0
l л 0
m м 0
n н 0
o о 0
ou у .4 оу .6
p п 0
ph ф .5
q к 1
r р 0
s с 0
sh ш 0
shch щ 0
sch ш .6 щ .7
schtsch щ 0
szcz щ 0
sz ш 0
lu лу 0 лю .6
la ла 0 ля .6
ł л 0
ż ж 0
ń нь 0
ć ць .5 ть .7
ś сь .3 с .5
ź зь .3 з .5
shh щ .5
ss с .4 сс .6
t т 0
tz ц .5
tch ч .3
tsch ч 0
u у 0
v в 0
w в 0
x кс 0 х 1.2
y ы:r 0 и:r 1.2 й:r .6 и:u 0 й:u .6
ya я 0 ыя:r 2
yu ю 0
ye е:r .3 ье:r .6 ъе:r .9 є:u 0
yo ё .3 йо .6 ьо .6
yë ё 0
yё ё 0
skyi ський:u 0 ский:u .6
tskyi цький:u 0
ska ська:u .3 ска .1
ts ц 0 тс .8 тьс:u .8
yi ї:u .2 ий:u .3 ый:r .6 ий:r .7
yy ый .2
yBT ы:r 0 и:u 0
yj ий .6 ій .7 ый .8
z з 0
zh ж 0
ž ж 0
š ш 0
č ч 0
ŝ щ 0
û ю 0
â я 0
ʹ ь 0
ʺ ъ 0
' ь .5 - .3 ъ 1 ' .6
’ ь .3 - .5 ъ 1 ' .6
ʼ - 0 ь .8 ' .4
” ъ 0
· - 0
BT ь .3 BT 1
'' - 0
BTBT ъ 0
`
	m := map[string][]alt{}
	for _, line := range strings.Split(spec, "\n") {
		// BT stands for the backtick, which a raw string cannot hold
		f := strings.Fields(strings.ReplaceAll(line, "BT", "`"))
		if len(f) < 3 {
			continue
		}
		for i := 1; i+1 < len(f); i += 2 {
			c := parseCost(f[i+1])
			out, lang := f[i], LangAuto
			switch {
			case strings.HasSuffix(out, ":r"):
				out, lang = strings.TrimSuffix(out, ":r"), LangRu
			case strings.HasSuffix(out, ":u"):
				out, lang = strings.TrimSuffix(out, ":u"), LangUk
			case strings.ContainsAny(out, "ыэъё"):
				lang = LangRu
			case strings.ContainsAny(out, "іїєґ"):
				lang = LangUk
			}
			if out == "-" {
				out = ""
			}
			m[f[0]] = append(m[f[0]], alt{out, c, lang})
		}
	}
	return m
}()

func parseCost(s string) float64 {
	v, frac, div := 0.0, false, 1.0
	for _, c := range s {
		switch {
		case c == '.':
			frac = true
		case c >= '0' && c <= '9':
			if frac {
				div *= 10
				v += float64(c-'0') / div
			} else {
				v = v*10 + float64(c-'0')
			}
		}
	}
	return v
}

const maxRuleLen = 7

// knownForms holds every Cyrillic form of the given-name table, lower case.
var knownForms = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(givenTable, "\n") {
		f := strings.Split(line, "|")
		if len(f) < 4 {
			continue
		}
		for _, part := range f[1:4] {
			for _, w := range strings.Fields(part) {
				m[strings.ToLower(w)] = true
			}
		}
	}
	return m
}()

type partial struct {
	text []rune  // lower case
	up   []uint8 // per rune of text: flagUpper, and for an apostrophe the Latin one it copies
	cost float64
}

// Flags of partial.up. An apostrophe of text without a copied flag is one the
// reading inserted (KMU and ICAO do not write it); it is written ukApostrophe.
const (
	flagUpper   uint8 = 1 << iota
	copiedASCII       // the Latin wrote ' here
	copiedRight       // the Latin wrote ’ (U+2019) here
	copiedMod         // the Latin wrote ʼ (U+02BC) here
)

// ukApostrophe is the apostrophe written where the Latin has none. Ukrainian
// print sets the apostrophe of the orthography as the typographic ’ (U+2019),
// and so does the reverse direction of the national standard DSTU 9112:2021
// (as implemented by uklatn, in ../shared/data/names/uklatn/regex); U+02BC,
// which Unicode suggests for the apostrophe as a letter, is rare in text that
// people type. Normalize folds all three to ' for matching, so the choice only
// shows in the readings ToCyrillic returns.
const ukApostrophe = '’'

// copiedFlag: the flag of an apostrophe that a rule copies from the Latin key.
func copiedFlag(key []rune) uint8 {
	for _, r := range key {
		switch r {
		case '\'':
			return copiedASCII
		case '’':
			return copiedRight
		case 'ʼ':
			return copiedMod
		}
	}
	return 0
}

// flagUp turns a bool into the flagUpper flag.
func flagUp(b bool) uint8 {
	if b {
		return flagUpper
	}
	return 0
}

const softable = "бвгдзклмнпрстфхцжшчщ"

// rerankWidth readings per language are re-ranked; maxWordRunes caps the work
// a single (possibly hostile) word can cause.
const (
	rerankWidth  = 20
	maxWordRunes = 40
)

// wordToCyrillicLang reads one word as Russian or as Ukrainian: a beam search
// over the Latin letters with the rules of latRules, plus the soft sign and the
// apostrophe that ICAO and KMU drop, then a re-ranking by round trip and by the
// given-name table.
func wordToCyrillicLang(w string, n int, lang Lang, sc Scheme) []cand {
	orig := []rune(w)
	lw := []rune(strings.ToLower(w))
	ow := []rune(w) // the Latin as written, apostrophes included
	const beamWidth = 40
	lm := langLM(lang)
	dp := make([][]partial, len(lw)+1)
	dp[0] = []partial{{}}
	isUp := func(i int) bool { return i >= 0 && i < len(orig) && unicode.IsUpper(orig[i]) }
	isLetter := func(i int) bool { return i >= 0 && i < len(orig) && unicode.IsLetter(orig[i]) }
	for i := 0; i < len(lw); i++ {
		if len(dp[i]) == 0 {
			continue
		}
		sort.SliceStable(dp[i], func(a, b int) bool { return dp[i][a].cost < dp[i][b].cost })
		if len(dp[i]) > beamWidth {
			dp[i] = dp[i][:beamWidth]
		}
		matched := false
		for l := 1; l <= maxRuleLen && i+l <= len(lw); l++ {
			alts, ok := latRules[string(lw[i:i+l])]
			if !ok {
				continue
			}
			matched = true
			// capitals: a capital followed by a small letter starts a Title-case
			// digraph (Shch → Щ); a run of capitals is all capitals
			first := isUp(i)
			all := first
			for k := i; k < i+l; k++ {
				if isLetter(k) && !isUp(k) {
					all = false
				}
			}
			if all && l == 1 && !(isUp(i+1) || (!isLetter(i+1) && isUp(i-1))) {
				all = false
			}
			copied := uint8(0)
			if i+l <= len(ow) {
				copied = copiedFlag(ow[i : i+l])
			}
			for _, a := range alts {
				if a.lang != LangAuto && a.lang != lang {
					continue
				}
				ar := []rune(a.cyr)
				for _, p := range dp[i] {
					t := make([]rune, len(p.text), len(p.text)+len(ar)+1)
					u := make([]uint8, len(p.up), len(p.text)+len(ar)+1)
					copy(t, p.text)
					copy(u, p.up)
					cost := p.cost + a.cost
					for k, r := range ar {
						cost += bigramCost(t, r, lang) + lmWeight*lm.bits(t, r)
						t = append(t, r)
						f := flagUp(all || (first && k == 0) || (first && r == '\''))
						if r == '\'' {
							f |= copied
						}
						u = append(u, f)
					}
					dp[i+l] = append(dp[i+l], partial{t, u, cost})
					// the soft sign that ICAO and KMU do not write
					if k := len(t); k > 0 && len(ar) > 0 && strings.ContainsRune(softable, t[k-1]) {
						soft := softBase
						switch {
						case t[k-1] == 'л':
							soft = 0.8
						case strings.ContainsRune("жшчщ", t[k-1]):
							soft = 1.4
						}
						soft += lmWeight * lm.bits(t, 'ь')
						t2 := append(append([]rune(nil), t...), 'ь')
						u2 := append(append([]uint8(nil), u...), flagUp(all))
						dp[i+l] = append(dp[i+l], partial{t2, u2, cost + soft})
					}
				}
			}
		}
		if !matched { // a letter no rule knows: keep it
			for _, p := range dp[i] {
				t := append(append([]rune(nil), p.text...), lw[i])
				u := append(append([]uint8(nil), p.up...), flagUp(isUp(i)))
				c := p.cost + 3
				if unicode.Is(unicode.Mn, lw[i]) {
					// a stress mark rides on its letter, and only a vowel
					// bears stress: Ý is И́, not Й́
					c = p.cost
					if k := len(p.text); k == 0 || !isCyrVowel(p.text[k-1]) {
						c += 3
					}
				}
				dp[i+1] = append(dp[i+1], partial{t, u, c})
			}
		}
	}
	final := dp[len(lw)]
	// the press writes -ий and -ый as a bare y (Zelensky, Dmitry, Vitaly)
	if n := len(lw); n > 2 && lw[n-1] == 'y' && !strings.ContainsRune("aeiouy", lw[n-2]) {
		for _, p := range final {
			if k := len(p.text); k > 0 && (p.text[k-1] == 'и' || p.text[k-1] == 'ы') {
				up := append(append([]uint8(nil), p.up...), flagUp(p.up[k-1]&flagUpper != 0 && k > 1 && p.up[k-2]&flagUpper != 0))
				for _, end := range []rune{'и', 'ы'} {
					t := append(append([]rune(nil), p.text[:k-1]...), end, 'й')
					c := p.cost + 0.3
					if end != p.text[k-1] {
						c += 0.3
					}
					final = append(final, partial{t, up, c})
				}
			}
		}
	}
	// re-rank only the cheapest readings: the round trip is the costly part
	sort.SliceStable(final, func(a, b int) bool { return final[a].cost < final[b].cost })
	width := rerankWidth
	if sc != 0 {
		width *= 2 // one scheme's round trip rules out more readings
	}
	if len(final) > width {
		final = final[:width]
	}
	if lang == LangRu {
		final = append(final, yoVariants(final, lm)...)
		// a variant may be cheaper than the same spelling the beam found
		sort.SliceStable(final, func(a, b int) bool { return final[a].cost < final[b].cost })
	}
	seen := map[string]bool{}
	var out []cand
	lower := norm.NFC.String(strings.ToLower(w))
	for _, p := range final {
		s := string(p.text)
		if seen[s] {
			continue
		}
		seen[s] = true
		cost := p.cost + endCost(p.text) + lmWeight*lm.bits(p.text, 0)
		if knownForms[s] || knownPatronymics[s] {
			cost -= 1.5
		}
		// a spelling that a standard romanises to exactly the input is likely;
		// the press habits are looser evidence (кс and кикс both give x)
		// (a quote kept at the end of the word is not part of the round trip)
		var trips uint16
		trip, want := s, lower
		if strings.HasSuffix(s, "'") {
			trip, want = strings.TrimSuffix(s, "'"), strings.TrimRight(lower, "'’")
		}
		want = apostrophesAsOne(want)
		for i, scheme := range Schemes {
			if scheme == KMU2010 && lang == LangRu || sc != 0 && scheme != sc {
				continue
			}
			if apostrophesAsOne(strings.ToLower(TranslitLang(trip, scheme, lang))) == want {
				trips |= 1 << i
			}
		}
		if lang == LangUk && !ukEvidence(lower) {
			cost += 0.3
		}
		cased := make([]rune, len(p.text))
		for k, r := range p.text {
			switch f := p.up[k]; {
			case r == '\'' && f&copiedRight != 0:
				r = '’'
			case r == '\'' && f&copiedMod != 0:
				r = 'ʼ'
			case r == '\'' && f&copiedASCII == 0:
				r = ukApostrophe
			case f&flagUpper != 0:
				r = unicode.ToUpper(r)
			}
			cased[k] = r
		}
		c := cand{text: norm.NFC.String(string(cased)), cost: cost - tripBonus(trips, sc != 0), lang: lang, base: cost, trips: trips}
		c.langExtra = [3]float64{LangRu: langMismatch, LangUk: langMismatch}
		c.langExtra[lang] = 0
		out = append(out, c)
	}
	promoteCanon(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].cost < out[j].cost })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// promoteCanon puts the standard spelling of a known name first, when a
// scheme gives the input back from it: Артём before Артем, Васильева before
// Василева, Ковальов before Ковалов. In Russian the ё form is the dictionary
// form of these names; the plain one stays next. The name tables say which
// spellings are standard (canonSpellings), for which language. A spelling
// that no scheme gives back (with the scheme known, not that scheme: a
// reading's trips then hold that scheme alone) is not promoted: GOST 7.79 B writes ь, so its "Vasilev" is Василев. The known
// spellings move together (the cheapest lands just ahead of the best other
// reading) and cost and base move alike, so oneScheme keeps the order.
func promoteCanon(out []cand) {
	canon := canonSpellings()
	known := make([]bool, len(out))
	minKnown, minOther := math.Inf(1), math.Inf(1)
	// the best reading that is not a known spelling, and how strongly its
	// round trip speaks for it: a known spelling that only a press habit
	// gives back (Соловьёв is the French press's Soloviov) does not pass a
	// reading that a standard gives back
	first := -1
	for i := range out {
		if first < 0 || out[i].cost < out[first].cost {
			first = i
		}
	}
	floor := 0.0
	if first >= 0 {
		floor = tripBonus(out[first].trips, false)
	}
	for i := range out {
		lw := apostrophesAsOne(strings.ToLower(out[i].text))
		if out[i].trips != 0 && tripBonus(out[i].trips, false) >= floor && strings.ContainsAny(lw, "ёь'") {
			for _, c := range canon[plainSpelling(lw)] {
				if c.text == lw && (c.lang == LangAuto || out[i].lang == LangAuto || c.lang == out[i].lang) {
					known[i] = true
				}
			}
		}
		if known[i] {
			minKnown = min(minKnown, out[i].cost)
		} else {
			minOther = min(minOther, out[i].cost)
		}
	}
	d := minKnown - (minOther - 0.01)
	if math.IsInf(minKnown, 1) || d <= 0 {
		return
	}
	for i := range out {
		if known[i] {
			out[i].cost -= d
			out[i].base -= d
		}
	}
}

// bigramCost is the cost of appending r to a Cyrillic word prefix t: sequences
// that Russian and Ukrainian spelling rules forbid or rarely have.
func bigramCost(t []rune, r rune, lang Lang) float64 {
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	for len(t) > 0 && unicode.Is(unicode.Mn, t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	if len(t) == 0 {
		switch r {
		case 'ь', 'ъ', 'ы', '\'':
			return 4
		case 'э':
			return -0.3 // Эдуард, Элла: э is at home at the start of a word
		case 'ё':
			// few words start with ё (ёж, ёлка, ёмкость, ёрш, and Ёлкин from
			// them); a name that starts with the sound is mostly Йо- (Йосип,
			// Йордан, Йозеф, Йорген): the rules' preference for ё, right
			// inside a word (Fyodor, Semyon), is undone here
			return 0.4
		case 'и':
			if lang == LangUk {
				return 1 // hardly a Ukrainian word starts with и
			}
		}
		return 0
	}
	p := t[len(t)-1]
	c := 0.0
	if p == '\'' {
		if !strings.ContainsRune("яюєї", r) {
			return 4
		}
	}
	if p == '\'' && lang == LangRu {
		c += 2 // Russian writes ъ; an apostrophe inside a word is Ukrainian
	}
	if r == '\'' {
		switch {
		case isCyrVowel(p) || p == 'ь' || p == 'й':
			c += 4
		case strings.ContainsRune("бпвмфр", p):
			// no apostrophe after a consonant and a labial: свято, цвях
			if len(t) > 1 && !isCyrVowel(t[len(t)-2]) && t[len(t)-2] != 'р' && t[len(t)-2] != '\'' {
				c += 1
			}
		case ukApostrophePrefix(t):
			// з'їзд, від'їзд, роз'яснити: the prefix ends before the apostrophe
		default:
			c += 1
		}
	}
	// Ukrainian labials are hard: before я ю є ї they take the apostrophe
	// (м'ята, п'ять, в'юн) unless another consonant precedes (свято, цвях);
	// р may be soft (ряд, буряк) or not (пір'я), so it is left to the model
	if lang == LangUk && strings.ContainsRune("яюєї", r) && strings.ContainsRune("бпвмф", p) &&
		(len(t) == 1 || isCyrVowel(t[len(t)-2]) || t[len(t)-2] == 'р') {
		c += 1.2
	}
	switch {
	case lang == LangUk && p == 'ь' && strings.ContainsRune("яю", r):
		c += 2 // Ukrainian writes ьо, and an apostrophe or nothing before я ю
	case lang == LangUk && p == 'ь' && strings.ContainsRune("єї", r):
		// but keeps ьє, ьї in surnames from Russian -ьев, -ьин: Васильєв,
		// Афанасьєв, Ільїн
		c += 0.8
	}
	if p == 'ь' && strings.ContainsRune("ыьъйаэу", r) {
		c += 3 // a soft sign before a vowel is written я ю е: ьа ьу ьэ are not
	}
	if lang == LangUk && p == 'ь' && (r == 'и' || r == 'е') {
		c += 2 // Ukrainian writes ьи and ье nowhere (ьє: Васильєв)
	}
	// a digraph read as two letters (zh as зх, sh as сг, kh as кг): every
	// scheme that writes the pair so means the one letter
	switch {
	case r == 'х' && strings.ContainsRune("зкц", p), r == 'г' && strings.ContainsRune("ск", p):
		c += 2
	case r == 'х' && p == 'с':
		c += 1
	}

	if p == 'ы' && strings.ContainsRune("аоуэяюё", r) {
		c += 1.5
	}
	switch r {
	case 'ь', 'ъ':
		if isCyrVowel(p) || p == 'ь' || p == 'ъ' || p == 'й' {
			c += 4
		}
	case 'ы':
		if isCyrVowel(p) || p == 'й' {
			c += 1.5
		}
	case 'й':
		if p == 'й' {
			c += 4
		}
	case 'э':
		if !isCyrVowel(p) {
			c += 1
		}
	}
	if p == 'ъ' && !strings.ContainsRune("еёюя", r) {
		c += 3
	}
	if p == 'ё' && isCyrVowel(r) {
		c += 2 // ё comes before a consonant or ends the word: Клёенкина is not written
	}
	if p == 'й' && strings.ContainsRune("еиєїюя", r) {
		c += 1 // after й comes a hard vowel: йе, йи, йє are not written
	}
	if p == 'й' && len(t) > 1 && strings.ContainsRune("аоуэы", r) {
		// Миколайович, Андрійович have it after a vowel; after a consonant it is rare
		if isCyrVowel(t[len(t)-2]) {
			c += 0.3
		} else {
			c += 1.2
		}
	}
	if isCyrVowel(r) && isCyrVowel(p) && r == p {
		c += .5
	}
	// after a vowel Ukrainian writes є (моє, знає, її); е follows a vowel
	// only in loanwords, mostly after а and о (аеропорт, поет)
	if lang == LangUk && r == 'е' && isCyrVowel(p) {
		if p == 'а' || p == 'о' {
			c += 0.5
		} else {
			c += 1
		}
	}
	// three vowels running: Russian and Ukrainian put й (or ї) between them
	if isCyrVowel(r) && isCyrVowel(p) && len(t) > 1 && isCyrVowel(t[len(t)-2]) {
		c += 1
	}
	switch {
	case r == 'і' && isCyrVowel(p):
		c += 1 // after a vowel Ukrainian writes ї
	case r == 'ї' && !isCyrVowel(p) && p != 'ь' && p != '\'':
		c += 1.5
	case r == 'ы' && strings.ContainsRune("гкхжшчщ", p):
		c += 2 // after г к х and the hushing consonants Russian writes и
	}
	// the hushing consonants take а у и, never я ю ы
	if strings.ContainsRune("жшчщ", p) && strings.ContainsRune("яюы", r) {
		c += 1.5
	}
	return c
}

// endCost judges the whole word: Ukrainian-only and Russian-only letters do not
// meet in one word.
func endCost(t []rune) float64 {
	var uk, ru bool
	for _, r := range t {
		switch r {
		case 'і', 'ї', 'є', 'ґ':
			uk = true
		case 'ы', 'э', 'ъ', 'ё':
			ru = true
		}
	}
	c := 0.0
	if uk && ru {
		c += 4
	}
	if n := len(t); n > 0 && t[n-1] == 'ъ' {
		c += 3
	}
	// the suffixes of surnames and place names -ов -ев -ин -ын take no soft
	// sign (Иванов, Ильин); -овь, -инь end a few nouns (любовь, кровь, синь,
	// полынь), and Любовь is a known name, so it costs, not forbids
	if n := len(t); n > 3 && t[n-1] == 'ь' && (t[n-2] == 'в' || t[n-2] == 'н') && strings.ContainsRune("оеиыі", t[n-3]) {
		c += 1
	}
	// yoVariants does not offer an ё in -ёв after a vowel (see
	// vowelYoSuffix), but the rules read e as ё too, at a price the model,
	// which learnt -ёв from Королёв, pays back (Zaev gave Заёв second); a
	// Latin ë still reads as ё first (Zaëv)
	if vowelYoSuffix(t, slices.Index(t, 'ё')) {
		c += 2
	}
	// words end in ой ей ай ий, hardly ever in ои еи аи
	if n := len(t); n > 1 && (t[n-1] == 'и' || t[n-1] == 'і') && strings.ContainsRune("аеоуыя", t[n-2]) {
		c += 1
	}
	return c
}

// wordToCyrillic returns the n best Cyrillic readings of one Latin word, read
// once as Russian and once as Ukrainian (y is ы in one and и in the other).
func wordToCyrillic(w string, n int, sc Scheme) []cand {
	var out []cand
	if sc != KMU2010 {
		out = wordToCyrillicLang(w, n, LangRu, sc)
	}
	out = append(out, wordToCyrillicLang(w, n, LangUk, sc)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].cost < out[j].cost })
	// out is sorted by cost: the first reading of a spelling is its cheapest,
	// and a later one says what the other language's reading costs
	var uniq []cand
	for _, c := range out {
		dup := false
		for k := range uniq {
			if uniq[k].text == c.text {
				dup = true
				if uniq[k].lang != c.lang {
					uniq[k].lang = LangAuto
					uniq[k].langExtra[c.lang] = min(langMismatch, c.cost-uniq[k].cost)
				}
				uniq[k].trips |= c.trips
				uniq[k].base = min(uniq[k].base, c.base)
				break
			}
		}
		if !dup {
			uniq = append(uniq, c)
		}
	}
	// a spelling only one language has commits the reading to it, whichever
	// reading found it (Васильева with ье is Russian even when the Ukrainian
	// reading also spelt it so)
	for k := range uniq {
		if l := spellingLang(uniq[k].text); l != LangAuto {
			uniq[k].lang = l
			uniq[k].langExtra[LangRu+LangUk-l] = langMismatch
		}
	}
	promoteCanon(uniq)
	sort.SliceStable(uniq, func(i, j int) bool { return uniq[i].cost < uniq[j].cost })
	if len(uniq) > n {
		uniq = uniq[:n]
	}
	return uniq
}

// spellingLang: the language a spelling belongs to by its letters alone.
// Ukrainian-only: і ї є ґ. Russian-only: ы э ъ ё, and е, ё or и after the soft
// sign (Васильева, соловьи: Ukrainian writes ьє, ьї or nothing there). A
// spelling with both (which endCost already charges) or neither is LangAuto.
func spellingLang(s string) Lang {
	var uk, ru bool
	prevSoft := false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch r {
		case 'і', 'ї', 'є', 'ґ':
			uk = true
		case 'ы', 'э', 'ъ', 'ё':
			ru = true
		case 'е', 'и':
			if prevSoft {
				ru = true
			}
		}
		if !unicode.Is(unicode.Mn, r) {
			prevSoft = r == 'ь'
		}
	}
	switch {
	case uk && !ru:
		return LangUk
	case ru && !uk:
		return LangRu
	}
	return LangAuto
}

// ukEvidence: Latin spellings only a Ukrainian reading explains well: y after a
// consonant (и), h without k/z/s/c before it (г), yi (ї), ie after a consonant (є).
func ukEvidence(w string) bool {
	for i := 1; i < len(w); i++ {
		c, p := w[i], w[i-1]
		switch {
		case c == 'y' && !strings.ContainsRune("aeiouy", rune(p)):
			return true
		case c == 'h' && !strings.ContainsRune("kzscg", rune(p)):
			return true
		case c == 'i' && p == 'y':
			return true
		}
	}
	return len(w) > 0 && w[0] == 'h'
}

// Weights of the re-ranking, set on the name tables (TestToCyrillicNames):
// lmWeight turns the spelling model's bits into cost; softBase is the cost of
// a soft sign the input does not write; noTrip is the cost of a spelling that
// no scheme romanises back to the input; yoCost is the cost of restoring ё.
const (
	lmWeight = 0.2
	softBase = 1.1
	noTrip   = 3.0
	yoCost   = 2.5
)

// ukApostrophePrefix: the word so far is a Ukrainian prefix that ends in a
// consonant, after which an apostrophe stands before я ю є ї (з'явитися,
// від'їзд, роз'яснення, під'їзд, без'ядерний, над'ярусний, між'ярусний).
func ukApostrophePrefix(t []rune) bool {
	switch string(t) {
	case "з", "від", "під", "роз", "без", "над", "між", "пів", "об", "із", "контр", "пан", "супер", "транс", "суб":
		return true
	}
	return false
}

// apostrophesAsOne writes the apostrophe's three forms (' ’ ʼ) as one.
func apostrophesAsOne(s string) string {
	if !strings.ContainsAny(s, "’ʼ") {
		return s // the usual case, without allocating
	}
	return oneApostrophe.Replace(s)
}

var oneApostrophe = strings.NewReplacer("’", "'", "ʼ", "'")

// yoVariants: most schemes (ICAO, MVD, the press) write ё as e, and Russian
// print mostly writes ё as е too, so a Russian word read with е may have ё in
// one place. Each variant costs by where ё stands (after ж ч ш щ and after a
// vowel it is common: шёл, жёлтый, моё, её) and by the spelling model.
func yoVariants(final []partial, lm *charLM) []partial {
	var out []partial
	for _, p := range final {
		if slices.Contains(p.text, 'ё') {
			continue
		}
		base := lm.wordBits(p.text)
		for k, r := range p.text {
			// no Russian word spells иё or ыё: after и the sound is ьё
			// (Соловьёв), so Lebediev is not Лебедиёв
			if r != 'е' || k > 0 && (p.text[k-1] == 'и' || p.text[k-1] == 'ы') {
				continue
			}
			// nor does one spell ё before a vowel (Клёенкина)
			if k+1 < len(p.text) && isCyrVowel(p.text[k+1]) {
				continue
			}
			// the model, which learnt -ёв from Королёв and Соловьёв,
			// would put Алексеёв second
			if vowelYoSuffix(p.text, k) {
				continue
			}
			c := yoCost
			switch {
			case k > 0 && strings.ContainsRune("жчшщ", p.text[k-1]):
				c = yoCost * 0.5
			case k == 0 || isCyrVowel(p.text[k-1]):
				c = yoCost * 0.75
			}
			t := slices.Clone(p.text)
			t[k] = 'ё'
			// the model learnt ё from words that spell it; print mostly does
			// not, so it may speak for ё but not against it
			c += lmWeight * min(0, lm.wordBits(t)-base)
			out = append(out, partial{t, p.up, p.cost + c})
		}
	}
	return out
}

// vowelYoSuffix: an ё at t[k] would stand after a vowel in the family
// suffix -ёв or its patronymic, where Russian writes -ев (Алексеев,
// Николаев, Андреева, Заев); false for k < 0 (no ё).
func vowelYoSuffix(t []rune, k int) bool {
	return k > 0 && isCyrVowel(t[k-1]) && yoSuffix(t[k+1:])
}

// yoSuffix reports whether rest, what follows an ё, makes it the family
// suffix -ёв (Королёв, Королёва, Королёвы) or its patronymic -ёвич, -ёвна.
func yoSuffix(rest []rune) bool {
	switch string(rest) {
	case "в", "ва", "вы", "вич", "вна":
		return true
	}
	return false
}

// oneScheme: the words of one name are romanised with one scheme. When some
// schemes give every word back (each word has a reading that round-trips
// under them), a reading's round trip counts in full only under those:
// a reading that only the Polish press gives back ranks below one that a
// standard gives back, when the other words follow the standards.
// The words' readings are re-costed and re-sorted in place.
func oneScheme(words [][]cand) {
	common := ^uint16(0)
	for _, alts := range words {
		var any uint16
		for _, a := range alts {
			any |= a.trips
		}
		common &= any
	}
	if len(words) < 2 || common == 0 {
		return
	}
	for _, alts := range words {
		for k := range alts {
			a := &alts[k]
			if a.trips&common != 0 {
				a.cost = a.base - tripBonus(a.trips&common, false)
			} else {
				// only another scheme gives this word back: weaker evidence,
				// not none (a pet name may be spelt as the press spells it)
				a.cost = a.base - tripBonus(a.trips, false) + 1.5
			}
		}
		sort.SliceStable(alts, func(i, j int) bool { return alts[i].cost < alts[j].cost })
	}
}
