package names

import (
	"fmt"
	"strings"
)

// Comparison is the outcome of comparing two whole names, part by part.
type Comparison struct {
	Score      float64 // in [0,1]; see the thresholds MatchThreshold and ReviewThreshold
	Given      Level
	Patronymic Level
	Family     Level
	Swapped    bool // the second name's given and family parts were read the other way round
	// CaseA and CaseB: the name was read from these oblique cases into the
	// nominative (see CaseReadings); 0 when read as written.
	CaseA, CaseB Case
	// CaseAmbiguous: a name read from an oblique case may also be another
	// person's as written (see CaseReading.Ambiguous); the score is review level.
	CaseAmbiguous bool
}

// Thresholds for Score, set on the pair tables in the tests (see docs/NAMES.md):
// at or above MatchThreshold the names are the same person's name as far as
// names can tell; between ReviewThreshold and MatchThreshold they may be.
const (
	MatchThreshold  = 0.75
	ReviewThreshold = 0.62
)

// part weights and the value of each level
const (
	wFamily     = 0.45
	wGiven      = 0.40
	wPatronymic = 0.15
)

func levelValue(l Level, jw float64) float64 {
	switch l {
	case LevelExact:
		return 1
	case LevelTranslit:
		return 0.98
	case LevelForm:
		return 0.92
	case LevelInitial:
		return 0.8
	case LevelClose:
		return 0.6 + 0.25*max(0, jw-0.8)/0.2
	case LevelDifferent:
		return 0.3 * jw
	}
	return 0
}

// Score compares two prepared names. It allocates nothing.
func Score(a, b *Name) Comparison {
	var c Comparison
	var jg, jp, jf float64
	c.Given, jg = compareGiven(a, b)
	c.Patronymic, jp = comparePatronymic(a, b)
	c.Family, jf = compareFamily(a, b)
	c.combine(a, b, jg, jp, jf)
	return c
}

// scoreWithFamily is Score with the family level given.
func scoreWithFamily(a, b *Name, lv Level) Comparison {
	var c Comparison
	var jg, jp float64
	c.Given, jg = compareGiven(a, b)
	c.Patronymic, jp = comparePatronymic(a, b)
	c.Family = lv
	c.combine(a, b, jg, jp, 1)
	return c
}

// combine weighs the parts' levels into the score.
func (c *Comparison) combine(a, b *Name, jg, jp, jf float64) {
	sum, w := 0.0, 0.0
	add := func(l Level, jw, weight float64) {
		if l == LevelMissing {
			return
		}
		sum += weight * levelValue(l, jw)
		w += weight
	}
	add(c.Family, jf, wFamily)
	add(c.Given, jg, wGiven)
	add(c.Patronymic, jp, wPatronymic)
	if w == 0 {
		return
	}
	s := sum / w
	// One part alone is weak evidence: a shared family name is most of the
	// families in a village.
	// Family and patronymic without the given name are better, but not enough.
	switch {
	case w <= wFamily+0.001:
		s *= 0.75
	case w < wFamily+wGiven-0.001:
		s *= 0.9
	}
	// Different people are told apart by one part that disagrees: brothers by
	// their given names, father and son by the patronymic, a man and his
	// namesake by the family name, and women and men by sex.
	switch {
	case c.Given == LevelDifferent:
		s = min(s, 0.45)
	case c.Family == LevelDifferent:
		s = min(s, 0.5)
	case c.Patronymic == LevelDifferent:
		s = min(s, 0.6)
	}
	// A sex read from a family name's ending alone does not count against
	// a record that writes the family name the same way: in Щербина Г. the
	// -а is the name's own, not a woman's ending (a typo in it included).
	if a.Sex != SexUnknown && b.Sex != SexUnknown && a.Sex != b.Sex &&
		!((a.sexFam || b.sexFam) && (c.Family == LevelExact || c.Family == LevelTranslit || c.Family == LevelClose)) {
		s = min(s, 0.4)
	}
	c.Score = s
}

// ScoreBest is Score, also trying the unsure side with its given and family
// parts swapped: two-word names like "Roman Martin" cannot be read with
// certainty. It allocates when it swaps.
func ScoreBest(a, b *Name) Comparison {
	c, _, _ := scoreBest(a, b)
	return c
}

// ScoreBestReadings is ScoreBest that also returns the two readings it
// scored (a and b themselves unless Swapped), so that Reasons can name the
// parts as they were compared.
func ScoreBestReadings(a, b *Name) (Comparison, Name, Name) {
	c, x, y := scoreBest(a, b)
	return c, *x, *y
}

func scoreBest(a, b *Name) (Comparison, *Name, *Name) {
	var c Comparison
	var ra, rb *Name
	ua, ub := unsure{n: a}, unsure{n: b}
	if !respelt(a) && !respelt(b) {
		c, ra, rb = scoreBestPlain(&ua, &ub)
	} else {
		c, ra, rb = scoreRespelt(&ua, &ub)
	}
	if c.Score < MatchThreshold {
		// a double family name against one of its parts (respell.go)
		if d, ok := scoreDoubleFamily(ra, rb, c); ok && d.Score > c.Score {
			d.Swapped = c.Swapped
			c = d
		}
	}
	// names in grammatical cases (cases.go), only for names found different
	if c.Score < MatchThreshold {
		return scoreCases(&ua, &ub, c, ra, rb)
	}
	return c, ra, rb
}

// unsure is a name with the readings scoreBestPlain tries of it when its
// parse is unsure (its parts swapped; see familyGivenInitial). They are
// prepared the first time a pair needs them and then kept, because
// ScoreBest scores a name against several readings of the other (its
// respellings, its case readings).
type unsure struct {
	n      *Name
	done   bool
	others [2]*Name // swapped, familyGivenInitial; nil when there is none
}

func (u *unsure) readings() *[2]*Name {
	if !u.done {
		u.done = true
		if s, ok := swapped(u.n); ok {
			u.others[0] = &s
		}
		if s, ok := familyGivenInitial(u.n); ok {
			u.others[1] = &s
		}
	}
	return &u.others
}

// scoreBestPlain is scoreBest without the case readings and the second
// readings of respell.go.
func scoreBestPlain(ua, ub *unsure) (Comparison, *Name, *Name) {
	a, b := ua.n, ub.n
	c := Score(a, b)
	ra, rb := a, b
	if a.Confidence >= 0.8 && b.Confidence >= 0.8 {
		return c, ra, rb
	}
	try := func(x, y *Name) {
		d := Score(x, y)
		d.Score *= 0.97
		if d.Score > c.Score {
			d.Swapped = true
			c, ra, rb = d, x, y
		}
	}
	if b.Confidence < 0.8 {
		for _, s := range ub.readings() {
			if s != nil {
				try(a, s)
			}
		}
	}
	if a.Confidence < 0.8 {
		for _, s := range ua.readings() {
			if s != nil {
				try(s, b)
			}
		}
	}
	return c, ra, rb
}

// familyGivenInitial reads an unsure "Ткачук Кстянтин К." parsed as a
// two-word family name and a given initial as family, given name and
// patronymic initial: a given name the table does not know (a typo, a rare
// name) looks like a second family name to the parse, while two-word family
// names are rare in these lists and are mostly hyphenated.
func familyGivenInitial(b *Name) (Name, bool) {
	if !b.GivenInitial || b.Patronymic != "" {
		return Name{}, false
	}
	fam, giv, ok := strings.Cut(b.Family, " ")
	if !ok || strings.Contains(giv, " ") {
		return Name{}, false
	}
	s := Prepare(giv, b.Given+".", fam, "")
	s.Confidence = b.Confidence
	return s, true
}

// swapped reads a name with its given and family parts the other way round.
func swapped(b *Name) (Name, bool) {
	if b.GivenInitial || (b.Family == "" && b.Given == "") {
		return Name{}, false
	}
	s := Prepare(b.Family, b.Patronymic, b.Given, "")
	s.Confidence = b.Confidence
	return s, true
}

// Similarity compares two full names written in any script and order, and
// returns a score in [0,1] (what `lastseen names compare` prints).
func Similarity(a, b string) float64 { return Compare(a, b).Score }

// Compare is Similarity with the part-by-part outcome.
func Compare(a, b string) Comparison {
	na, nb := Prepare("", "", "", a), Prepare("", "", "", b)
	return ScoreBest(&na, &nb)
}

// Reasons explains a comparison in words, one line a part; a and b are the
// readings compared (see ScoreBestReadings).
func (c Comparison) Reasons(a, b *Name) []string {
	var out []string
	part := func(what string, l Level, x, y string) {
		out = append(out, fmt.Sprintf("%s: %s (%q ~ %q)", what, l, x, y))
	}
	part("family", c.Family, a.Family, b.Family)
	part("given", c.Given, a.Given, b.Given)
	part("patronymic", c.Patronymic, a.Patronymic, b.Patronymic)
	if a.Sex != SexUnknown && b.Sex != SexUnknown && a.Sex != b.Sex {
		out = append(out, fmt.Sprintf("sex: %s vs %s", a.Sex, b.Sex))
	}
	if c.Swapped {
		out = append(out, "a name read with its parts in another order")
	}
	if c.CaseA != 0 {
		out = append(out, "first name read as the "+c.CaseA.String()+" of "+caseNominative(a))
	}
	if c.CaseB != 0 {
		out = append(out, "second name read as the "+c.CaseB.String()+" of "+caseNominative(b))
	}
	if c.CaseAmbiguous {
		out = append(out, "as written, it may also be another person's name (a woman's): review")
	}
	return out
}

// BlockingKeys returns a few keys under which a record is indexed; two names of
// the same person share at least one of them in nearly every cross-script pair:
//
//	"f:" + FamilyKey                                  phonetic key of the gender-folded family name
//	                                                  (and of its alternative readings, see FamilyAlts)
//	"g:" + given id + ":" + FamilyBase[:1]            each canonical given id with the family's first letter
//	"p:" + father id + ":" + FamilyBase[:1]           the patronymic's father id with the family's first letter
//	"gs:" + GivenKey + ":" + FamilyKey[:2]            given name unknown to the table: its phonetic key
//
// Keys are ASCII and short enough to store as index rows.
func BlockingKeys(n *Name) []string {
	var keys []string
	fi := ""
	if n.FamilyBase != "" {
		fi = n.FamilyBase[:1]
		keys = append(keys, "f:"+n.FamilyKey)
		// the other readings of an ambiguous spelling (Chruschtschow read as German)
		for _, alt := range n.famAltBase {
			if alt == "" {
				continue
			}
			var kb [8]byte
			k := "f:" + string(phoneticKey(kb[:0], unsafeBytes(alt)))
			if !contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	for _, id := range n.GivenIDs {
		keys = append(keys, "g:"+id+":"+fi)
	}
	for _, id := range n.FatherIDs {
		keys = append(keys, "p:"+id+":"+fi)
	}
	if len(n.GivenIDs) == 0 && n.GivenKey != "" {
		fk := n.FamilyKey
		if len(fk) > 2 {
			fk = fk[:2]
		}
		keys = append(keys, "gs:"+n.GivenKey+":"+fk)
	}
	return keys
}
