package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestCompareTokensPairTables runs CompareTokens over the project's own pair
// tables (hand-checked and generated Slavic names), where its threshold was
// chosen: MatchThreshold, the same as the part-by-part comparison's.
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
	report(t, "whole/hand", md, nd)
	md, nd = nil, nil
	for _, p := range g.matchPairs(3000) {
		md = append(md, whole(p[0], p[1]))
	}
	for _, p := range g.nonMatchPairs(3000) {
		nd = append(nd, whole(p.a, p.b))
	}
	report(t, "whole/generated", md, nd)
}
