package names

import "strings"

// The case readings in the comparison (see cases.go): ScoreBest's last
// resort for names it found different, and the score of one reading for
// search.

// scoreCases is the last resort of ScoreBest for names it found different:
// it reads either name, or both, from an oblique case (see CaseReadings) and
// keeps the best score of a reading. A part read from an oblique form must
// agree with the other name's at least as a form of it (a typo's closeness
// is not enough: Ярослава Чайка read as the genitive of Ярослав Чайко is
// not Ярослав Чайка); the score is discounted as for a swapped reading.
func scoreCases(ua, ub *unsure, c Comparison, ra, rb *Name) (Comparison, *Name, *Name) {
	a, b := ua.n, ub.n
	if a.Script != ScriptCyrillic && b.Script != ScriptCyrillic {
		return c, ra, rb
	}
	// a case reading changes only the ending of a word: unless some word
	// of one name begins as some word of the other, no reading can help
	if !shareWordStart(a, b) {
		return c, ra, rb
	}
	xa, xb := CaseReadings(a), CaseReadings(b)
	if len(xa) == 0 && len(xb) == 0 {
		return c, ra, rb
	}
	// b's readings are scored against each of a's: each keeps its swapped
	// readings (see unsure) across the pairs
	uxb := make([]unsure, 0, 4)
	for j := range xb {
		uxb = append(uxb, unsure{n: &xb[j].Name})
	}
	plain := c
	try := func(x *unsure, cx Case, dx uint8, y *unsure, cy Case, dy uint8, ambiguous bool) {
		d, p, q := scoreBestPlain(x, y)
		if !caseScore(&d, plain, dx|dy, ambiguous) {
			return
		}
		if d.Score > c.Score {
			d.CaseA, d.CaseB = cx, cy
			c, ra, rb = d, p, q
		}
	}
	for i := range xa {
		ux := unsure{n: &xa[i].Name}
		try(&ux, xa[i].Case, xa[i].declined, ub, 0, 0, xa[i].Ambiguous)
		for j := range xb {
			try(&ux, xa[i].Case, xa[i].declined, &uxb[j], xb[j].Case, xb[j].declined, xa[i].Ambiguous || xb[j].Ambiguous)
		}
	}
	for j := range xb {
		try(ua, 0, 0, &uxb[j], xb[j].Case, xb[j].declined, xb[j].Ambiguous)
	}
	return c, ra, rb
}

// Score compares the reading with another name as ScoreBest compares a case
// reading (the discount, the check of the declined parts, the cap of an
// ambiguous reading; CaseA set), but with Score alone: the reading's Name
// against b, checked against the name as written against b, neither read
// with its parts swapped nor respelt (ScoreBest does both, and may differ
// where they change the levels). It is zero when a part read from an
// oblique form only comes close to b's. For callers that read a query once
// and score it against many names (search), which weigh the swap
// themselves.
func (r *CaseReading) Score(b *Name) Comparison {
	d := Score(&r.Name, b)
	if !caseScore(&d, Score(r.written, b), r.declined, r.Ambiguous) {
		return Comparison{}
	}
	d.CaseA = r.Case
	return d
}

// caseScore applies to d, the comparison of a case reading, the check
// that its declined parts agree (see declinedAgree), the discount of a
// reading and the cap of an ambiguous one; false when the check fails.
func caseScore(d *Comparison, plain Comparison, declined uint8, ambiguous bool) bool {
	if !declinedAgree(*d, plain, declined) {
		return false
	}
	d.Score *= 0.97
	if ambiguous {
		d.Score = min(d.Score, ambiguousCaseScore)
		d.CaseAmbiguous = true
	}
	return true
}

// ambiguousCaseScore is the most an ambiguous reading (see
// CaseReading.Ambiguous) scores: review level, under MatchThreshold.
const ambiguousCaseScore = 0.7

// shareWordStart: some word of a and some word of b begin with the same
// two letters of their skeletons (so in any script).
func shareWordStart(a, b *Name) bool {
	var sa, sb [8][2]byte
	na, nb := wordStarts(a, &sa), wordStarts(b, &sb)
	for _, x := range sa[:na] {
		for _, y := range sb[:nb] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// wordStarts fills out with the first two skeleton letters of n's words
// (initials aside) and returns how many.
func wordStarts(n *Name, out *[8][2]byte) int {
	k := 0
	for _, part := range [...]string{n.Given, n.Patronymic, n.Family} {
		for w := range strings.FieldsSeq(part) {
			if k == len(out) {
				return k
			}
			var buf [64]byte
			sk := appendSkeleton(buf[:0], w)
			if len(sk) < 2 {
				continue
			}
			out[k] = [2]byte{sk[0], sk[1]}
			k++
		}
	}
	return k
}

// declinedAgree: every part read from an oblique form agrees with the other
// name's as a form of it at least (or the other name lacks it); a typo's
// closeness is enough only where the name as written (plain) did not
// already agree better: Ярослава Чайка read as Ярослав Чайко is not Ярослав
// Чайка, whose family name was the same as written; Сергея Мельника read as
// Сергей Мельник is Sregey Melnik, a typo away.
func declinedAgree(d, plain Comparison, declined uint8) bool {
	ok := func(l, was Level) bool {
		return l != LevelDifferent && (l != LevelClose || was < LevelInitial)
	}
	if declined&roleGiven != 0 && !ok(d.Given, plain.Given) ||
		declined&rolePat != 0 && !ok(d.Patronymic, plain.Patronymic) ||
		declined&roleFam != 0 && !ok(d.Family, plain.Family) {
		return false
	}
	return true
}

// caseNominative writes a reading's parts, given name first, for Reasons.
func caseNominative(n *Name) string {
	g, p := n.Given, n.Patronymic
	if n.GivenInitial {
		g += "."
	}
	if n.PatronymicInitial {
		p += "."
	}
	return strings.Join(nonEmptyParts(g, p, n.Family), " ")
}
