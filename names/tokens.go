package names

import (
	"fmt"
	"strings"
	"unicode"
)

// TokenComparison is the outcome of comparing two whole names word by word,
// without reading them as given, patronymic and family name.
type TokenComparison struct {
	Score   float64  // in [0,1]; read it against MatchThreshold and ReviewThreshold
	Reasons []string // one line per aligned word, unmatched word and rule applied
}

// nameToken is one word of a name for CompareTokens.
type nameToken struct {
	text   string       // folded (lower case, no diacritics)
	sk     string       // skeleton: the Cyrillic and Latin spellings of a word meet
	key    string       // phonetic key
	given  []*GivenName // the given names of the table the word may be a form of
	weight float64
	kind   tokenKind
}

type tokenKind uint8

const (
	kindWord     tokenKind = iota
	kindInitial            // one letter
	kindParticle           // bin, al, van, de…: part of a name, but says little
	kindTitle              // Dr, Shaikh, Monsieur: not part of the name
)

// particles are the small words inside names of many origins. They carry
// little evidence: two Arabic names both have "bin".
var particles = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "binti": true, "al": true, "el": true, "ben": true,
	"ould": true, "uld": true, "ul": true, "ur": true, "ud": true,
	"van": true, "von": true, "der": true, "den": true, "zu": true, "ter": true, "ten": true,
	"de": true, "la": true, "le": true, "du": true, "des": true, "da": true, "das": true,
	"dos": true, "do": true, "di": true, "del": true, "della": true, "y": true, "e": true,
	"mac": true, "mc": true, "st": true,
}

// titles are forms of address and honorifics: they are not part of the name
// at all, and one source writes them where another does not.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "monsieur": true, "madame": true, "mme": true,
	"mlle": true, "herr": true, "frau": true, "senor": true, "senora": true, "sr": true,
	"sra": true, "don": true, "dona": true, "shaikh": true, "sheikh": true, "shaykh": true,
	"sheik": true, "haji": true, "hajji": true, "hadji": true, "mullah": true, "mulla": true,
	"maulana": true, "maulvi": true, "mawlawi": true, "imam": true, "sayyid": true,
	"gen": true, "col": true, "capt": true, "maj": true, "lt": true, "sgt": true,
}

// token weights: the share of the evidence a word carries
const (
	weightWord     = 1.0
	weightInitial  = 0.5
	weightParticle = 0.15
	weightTitle    = 0.1
)

// tokenise splits a name into folded words: on white space, hyphens, dots
// and commas. A comma means "FAMILY, Given": the words after it are moved to
// the front, so that both names are in written order Given… Family. A word in
// capitals inside a mixed-case name is the family name (Oleg BARANOV,
// KOVALENKO Oleksandr) and is moved to the end, for the same reason.
func tokenise(s string) (toks []nameToken, cued bool) {
	s = Normalize(s)
	if i := strings.IndexByte(s, ','); i >= 0 {
		if rest := strings.TrimSpace(s[i+1:]); rest != "" {
			s = rest + " " + s[:i]
			cued = true
		}
	}
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '(' || r == ')' || isDash(r) || r == '.'
	}) {
		words = append(words, w)
	}
	// capitals as a family-name cue, only when the name mixes cases
	var caps, lower []string
	for _, w := range words {
		if isCapsWord(w) {
			caps = append(caps, w)
		} else {
			lower = append(lower, w)
		}
	}
	if len(caps) > 0 && len(lower) > 0 && hasLowerWord(lower) {
		words = append(lower, caps...)
		cued = true
	}
	for _, w := range words {
		t := newToken(Fold(w))
		if t.text != "" {
			toks = append(toks, t)
		}
	}
	return toks, cued
}

func isCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func hasLowerWord(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if unicode.IsLower(r) {
				return true
			}
		}
	}
	return false
}

func newToken(f string) nameToken {
	f = romanise(strings.ReplaceAll(f, " ", ""))
	t := nameToken{text: f, sk: Skeleton(f), key: PhoneticKey(f), weight: weightWord}
	if t.sk == "" {
		t.sk = f // scripts the skeleton does not know: compare as written
	}
	if t.weight == weightWord && len(t.sk) > 1 {
		t.given = lookupGiven(f)
	}
	switch {
	case titles[f]:
		t.kind, t.weight = kindTitle, weightTitle
	case particles[f]:
		t.kind, t.weight = kindParticle, weightParticle
	case len([]rune(f)) == 1:
		t.kind, t.weight = kindInitial, weightInitial
	}
	return t
}

// similarity of two words in [0,1] and why
func tokenSim(a, b nameToken) (float64, string) {
	if a.text == b.text {
		return 1, "same"
	}
	if a.sk == b.sk {
		return 0.97, "same spelling under transliteration"
	}
	if a.kind == kindInitial || b.kind == kindInitial {
		if a.kind == kindInitial && b.kind == kindInitial {
			return 0, "different initials"
		}
		x, y := a, b
		if y.kind == kindInitial {
			x, y = y, x
		}
		if strings.HasPrefix(y.text, x.text) || strings.HasPrefix(y.sk, x.sk) {
			return 0.9, "initial of the word"
		}
		return 0, "initial of another word"
	}
	if a.kind == kindParticle || b.kind == kindParticle || a.kind == kindTitle || b.kind == kindTitle {
		return 0, "different"
	}
	if sharesGiven(a.given, b.given) {
		return 0.92, "forms of the same given name"
	}
	jw := max(JaroWinkler(a.sk, b.sk), JaroWinkler(a.text, b.text))
	if a.key != "" && a.key == b.key && jw >= 0.8 {
		return max(jw, 0.9), "sounds the same"
	}
	if d := min(DamerauLevenshtein(a.sk, b.sk), DamerauLevenshtein(a.text, b.text)); d == 1 && len(a.text) >= 4 && len(b.text) >= 4 {
		return max(jw, 0.9), "one letter differs"
	}
	return jw, "spelled alike"
}

func sharesGiven(a, b []*GivenName) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// tokenAccept is the word similarity at which two words are taken as the same
// word; below it they are different words. Jaro–Winkler alone passes it only
// for words nearly alike; names that differ by their ending (Kovalenko and
// Kovalchuk, 0.88) stay apart.
const tokenAccept = 0.9

// joinGlued merges two or three neighbouring words of xs that some word of ys
// writes as one (Fridrich Buchenberg ~ FridrichBuchenberg, Jin Ping ~
// Jinping, Plat Ono Vich ~ Platonovich).
func joinGlued(xs, ys []nameToken) []nameToken {
	for n := 3; n >= 2; n-- {
		for i := 0; i+n <= len(xs); i++ {
			text := ""
			ok := true
			for _, x := range xs[i : i+n] {
				// initials are not glued: "Vlasov P." is not "Vlasovp"
				if x.kind == kindTitle || x.kind == kindInitial {
					ok = false
				}
				text += x.text
			}
			if !ok {
				continue
			}
			j := newToken(text)
			for _, y := range ys {
				// nearly the same letters: Jaro–Winkler alone is generous to
				// long words with a common start (Mykola Petrovych ~ Mykolaiovych)
				if min(DamerauLevenshtein(j.sk, y.sk), DamerauLevenshtein(j.text, y.text)) > 1 {
					continue
				}
				s, _ := tokenSim(j, y)
				better := s >= 0.9
				for _, x := range xs[i : i+n] {
					if sx, _ := tokenSim(x, y); sx >= s {
						better = false
					}
				}
				if better {
					out := append(append(append([]nameToken{}, xs[:i]...), j), xs[i+n:]...)
					return joinGlued(out, ys)
				}
			}
		}
	}
	return xs
}

// CompareTokens compares two whole names of any origin and script word by
// word, without reading them as given and family name: for Arabic, Chinese,
// Spanish, German… names, and for a record that has only a full name. Words
// are folded (case, diacritics) and compared through the transliteration
// skeleton, so Cyrillic and Latin spellings meet. Each word of one name is
// aligned with at most one word of the other, best pairs first (Jaro–Winkler
// on the skeleton, the phonetic key, one edit, an initial against its word, a
// word cut short). The score is the share of the evidence that is aligned:
// particles (bin, al, van, de) and titles (Dr, Shaikh) count little, initials
// half. Then three rules:
//   - a word on each side that has no partner is a substitution (Boris against
//     Viktor Vekselberg; O against Joachim) and caps the score below review;
//   - a name of one informative word matched inside a longer one is weak;
//   - two words, the same, in reverse order, with no comma or capitals saying
//     which is the family name, are put to review, not matched: Friedrich Hans
//     may be another man than Hans Friedrich.
//
// Words one name has and the other lacks (a middle name, a second surname)
// cost a little each.
func CompareTokens(a, b string) TokenComparison {
	ta, cueA := tokenise(a)
	tb, cueB := tokenise(b)
	var c TokenComparison
	if len(ta) == 0 || len(tb) == 0 {
		c.Reasons = append(c.Reasons, "a name has no words")
		return c
	}
	ta = joinGlued(ta, tb)
	tb = joinGlued(tb, ta)

	// best one-to-one alignment, greedily by similarity
	type cand struct {
		i, j int
		s    float64
		why  string
	}
	var cands []cand
	for i := range ta {
		for j := range tb {
			if s, why := tokenSim(ta[i], tb[j]); s >= tokenAccept {
				cands = append(cands, cand{i, j, s, why})
			}
		}
	}
	// stable selection: highest similarity first, earlier words on ties
	usedA, usedB := make([]bool, len(ta)), make([]bool, len(tb))
	pairA := make([]int, len(ta))
	for i := range pairA {
		pairA[i] = -1
	}
	var sumA, sumB, gotA, gotB float64
	for {
		best := -1
		for k, x := range cands {
			if usedA[x.i] || usedB[x.j] {
				continue
			}
			if best < 0 || x.s > cands[best].s {
				best = k
			}
		}
		if best < 0 {
			break
		}
		x := cands[best]
		usedA[x.i], usedB[x.j] = true, true
		pairA[x.i] = x.j
		gotA += x.s * ta[x.i].weight
		gotB += x.s * tb[x.j].weight
		c.Reasons = append(c.Reasons, fmt.Sprintf("%q ~ %q: %s (%.2f)", ta[x.i].text, tb[x.j].text, x.why, x.s))
	}
	var missA, missB []string
	matchedInformative := 0
	for i, t := range ta {
		sumA += t.weight
		if !usedA[i] && t.kind <= kindInitial {
			missA = append(missA, t.text)
		}
		if usedA[i] && (t.kind == kindWord || t.kind == kindInitial) {
			matchedInformative++
		}
	}
	for j, t := range tb {
		sumB += t.weight
		if !usedB[j] && t.kind <= kindInitial {
			missB = append(missB, t.text)
		}
	}
	covA, covB := gotA/sumA, gotB/sumB
	// the shorter name explained by the longer: a middle name or second
	// surname that one source omits is common, so coverage of the fuller side
	// counts only a little
	s := 0.75*max(covA, covB) + 0.25*min(covA, covB)
	if len(missA) > 0 || len(missB) > 0 {
		c.Reasons = append(c.Reasons, fmt.Sprintf("unmatched: %v | %v", missA, missB))
	}
	if len(missA) > 0 && len(missB) > 0 {
		s = min(s, 0.55)
		c.Reasons = append(c.Reasons, "a word on each side has no partner: a different name")
	}
	if matchedInformative < 2 && (informative(ta) > 1 || informative(tb) > 1) {
		s = min(s, 0.6)
		c.Reasons = append(c.Reasons, "one word in common: weak")
	}
	if !rotation(pairA) {
		s = min(s, 0.7)
		c.Reasons = append(c.Reasons, "the words are reordered beyond moving the family name to the front: a father's and a son's name may have changed places")
	}
	if !cueA && !cueB && len(ta) == 2 && len(tb) == 2 && pairA[0] == 1 && pairA[1] == 0 &&
		ta[0].kind == kindWord && ta[1].kind == kindWord {
		s = min(s, 0.7)
		c.Reasons = append(c.Reasons, "the same two words in reverse order: which is the given name is unclear")
	}
	c.Score = max(0, min(1, s))
	return c
}

// rotation says whether the aligned words keep their order, or the order of
// one name is the other's with a block moved from the end to the front
// (Mohammed bin Salman ~ bin Salman Mohammed; Family Given ~ Given Family).
// pairA[i] is the partner in b of a's word i, or -1.
func rotation(pairA []int) bool {
	var seq []int
	for _, j := range pairA {
		if j >= 0 {
			seq = append(seq, j)
		}
	}
	breaks := 0
	for k := 1; k < len(seq); k++ {
		if seq[k] < seq[k-1] {
			breaks++
		}
	}
	if breaks == 0 {
		return true
	}
	return breaks == 1 && seq[len(seq)-1] < seq[0]
}

func informative(ts []nameToken) int {
	n := 0
	for _, t := range ts {
		if t.kind == kindWord {
			n++
		}
	}
	return n
}
