package names

import "strings"

// WholeComparison is the outcome of CompareWhole: which comparison was used,
// and its score.
type WholeComparison struct {
	Score float64
	// Slavic is true when both names read as Slavic given (patronymic) family
	// names and Parts holds the part-by-part comparison; otherwise Tokens
	// holds the word-by-word one.
	Slavic bool
	Parts  Comparison
	Tokens TokenComparison
}

// CompareWhole compares two full names of any origin. Names that read as
// Slavic — at most three words besides initials on each side, and on one side
// at least a given name or patronymic the tables know, or Cyrillic script —
// are compared part
// by part (Compare), which knows diminutives, patronymics and declension;
// every other name word by word (CompareTokens), which knows particles,
// titles, glued words and any number of words. Both scores are read against
// MatchThreshold and ReviewThreshold.
func CompareWhole(a, b string) WholeComparison {
	na, nb := Prepare("", "", "", a), Prepare("", "", "", b)
	sa, oka := readsSlavic(a, &na)
	sb, okb := readsSlavic(b, &nb)
	if oka && okb && (sa || sb) {
		c := ScoreBest(&na, &nb)
		return WholeComparison{Score: c.Score, Slavic: true, Parts: c}
	}
	t := CompareTokens(a, b)
	return WholeComparison{Score: t.Score, Tokens: t}
}

// readsSlavic says whether a name may be read as given (patronymic) family
// name — at most three words besides initials — and whether it shows Slavic
// evidence: Cyrillic script, or a given name or patronymic the tables know.
func readsSlavic(full string, n *Name) (evidence, fits bool) {
	words := 0
	for _, w := range strings.FieldsFunc(Normalize(full), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || isDash(r)
	}) {
		if len([]rune(w)) > 1 {
			words++
		}
	}
	if words == 0 || words > 3 {
		return false, false
	}
	return n.Script == ScriptCyrillic || len(n.GivenIDs) > 0 || len(n.FatherIDs) > 0, true
}
