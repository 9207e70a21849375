package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestCompareTokensPairTables runs CompareTokens and CompareWhole over the
// project's own pair tables (hand-checked and generated Slavic names). Both
// are read at MatchThreshold, the threshold set on these tables for the
// part-by-part comparison: no threshold was chosen for them on other data.
// CompareTokens alone knows no diminutives or patronymics and is weak here
// (its figures are logged, not held); CompareWhole, which hands these names
// to the part-by-part comparison, must keep that comparison's level.
func TestCompareTokensPairTables(t *testing.T) {
	tok := func(a, b string) float64 { return names.CompareTokens(a, b).Score }
	var md, nd dist
	for _, p := range parsePairs(t, handMatches) {
		md = append(md, tok(p[0], p[1]))
	}
	for _, p := range parsePairs(t, handNonMatches) {
		nd = append(nd, tok(p[0], p[1]))
	}
	report(t, "tokens/hand", md, nd)
	g := newGen(2026)
	md, nd = nil, nil
	for _, p := range g.matchPairs(3000) {
		md = append(md, tok(p[0], p[1]))
	}
	for _, p := range g.nonMatchPairs(3000) {
		nd = append(nd, tok(p.a, p.b))
	}
	report(t, "tokens/generated", md, nd)
	whole := func(a, b string) float64 { return names.CompareWhole(a, b).Score }
	md, nd = nil, nil
	for _, p := range parsePairs(t, handMatches) {
		md = append(md, whole(p[0], p[1]))
	}
	for _, p := range parsePairs(t, handNonMatches) {
		nd = append(nd, whole(p[0], p[1]))
	}
	recall, _, fmr, _ := report(t, "whole/hand", md, nd)
	if recall < 0.97 || fmr > 0.03 {
		t.Errorf("CompareWhole on the hand tables: recall %.3f (want ≥0.97), false matches %.3f (≤0.03)", recall, fmr)
	}
	md, nd = nil, nil
	for _, p := range g.matchPairs(3000) {
		md = append(md, whole(p[0], p[1]))
	}
	for _, p := range g.nonMatchPairs(3000) {
		nd = append(nd, whole(p.a, p.b))
	}
	recall, _, fmr, _ = report(t, "whole/generated", md, nd)
	if recall < 0.87 || fmr > 0.01 {
		t.Errorf("CompareWhole on the generated pairs: recall %.3f (want ≥0.87), false matches %.3f (≤0.01)", recall, fmr)
	}
}
