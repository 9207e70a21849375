package linkage

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
)

// TrainOptions bounds the work of training.
type TrainOptions struct {
	RandomPairs int    // pairs drawn at random to estimate u; default 1,000,000
	Iterations  int    // at most this many EM iterations per session; default 40
	Seed        uint64 // for the random pairs; training is deterministic for a seed
}

func (o *TrainOptions) defaults() {
	if o.RandomPairs <= 0 {
		o.RandomPairs = 1_000_000
	}
	if o.Iterations <= 0 {
		o.Iterations = 40
	}
}

// TrainReport says what training saw and did.
type TrainReport struct {
	RandomPairs  int `json:"random_pairs"`
	BlockedPairs int `json:"blocked_pairs"` // pairs in the EM samples
	Sessions     int `json:"sessions"`
	Iterations   int `json:"iterations"` // over all sessions
	// Matches is the expected number of matching pairs among all pairs,
	// which sets the prior (EM over all pairs, see refine); PassMatches the
	// largest count of one pass's session, which it starts from.
	Matches     float64 `json:"matches"`
	PassMatches float64 `json:"pass_matches"`
	// KeptM says that EM over all pairs converged on something other than
	// the same person, and the sessions' m was kept.
	KeptM    bool `json:"kept_m"`
	Union    bool `json:"union"`    // some field was learnt from all passes together
	Rejected int  `json:"rejected"` // sessions that converged on a degenerate solution
	// Bounded says that no pass left enough fields to count the matches by,
	// and PassMatches came from all passes together: an overestimate, which
	// the caller bounds, and only the start of EM over all pairs.
	Bounded bool `json:"bounded"`
}

// degenerate reports whether a session's "match" class is something other
// than the same person: full agreement on a learnt field no likelier among
// its matches than at random, or most of its matches disagreeing on a name
// or the birth date (the class of namesakes, say, whose birth dates differ).
func degenerate(mp, up *[MaxFields][MaxLevels]float64, nf int, fixed []int, num *[MaxFields][MaxLevels]float64) bool {
	for f := 0; f < nf; f++ {
		if slices.Contains(fixed, f) || f == FieldSex || f == FieldSide {
			continue
		}
		present := 0.0
		for l := 1; l < MaxLevels; l++ {
			present += num[f][l]
		}
		if present < 1 {
			continue
		}
		if mp[f][1] <= up[f][1] {
			return true
		}
		if f == FieldGiven || f == FieldFamily || f == FieldBirthDate {
			against := 0.0
			for l := 1; l < MaxLevels; l++ {
				if mp[f][l] < up[f][l] {
					against += mp[f][l]
				}
			}
			if against > 0.5 {
				return true
			}
		}
	}
	return false
}

// EstimateU sets every field's u-probabilities from n pairs of records drawn
// at random, on workers goroutines: nearly all such pairs are different
// people, so the share of each level among them is P(level | different
// people). Across restricts the draw to pairs from different groups.
func (m *Model) EstimateU(rs []*Prepared, n int, across bool, seed uint64, workers int) error {
	if len(rs) < 2 {
		return fmt.Errorf("estimate u: %d records, need at least 2", len(rs))
	}
	workers = max(workers, 1)
	// the pairs are drawn from one stream, so that the estimate does not
	// depend on the number of workers
	rng := rand.New(rand.NewPCG(seed, 0x5EED))
	pairs := make([]Pair, 0, n)
	for t := 0; len(pairs) < n && t < 4*n; t++ {
		i, j := rng.IntN(len(rs)), rng.IntN(len(rs))
		if i == j || across && rs[i].Group == rs[j].Group {
			continue
		}
		pairs = append(pairs, Pair{int32(i), int32(j)})
	}
	parts := make([][MaxFields][MaxLevels]float64, workers)
	parallel(workers, len(pairs), func(w, lo, hi int) {
		for _, p := range pairs[lo:hi] {
			v := Compare(rs[p.A], rs[p.B])
			for f := 0; f < len(m.Fields); f++ {
				parts[w][f][v[f]]++
			}
		}
	})
	var counts [MaxFields][MaxLevels]float64
	for _, p := range parts {
		for f := range p {
			for l := range p[f] {
				counts[f][l] += p[f][l]
			}
		}
	}
	return m.SetU(counts)
}

// SetU sets the u-probabilities from counts of each field's levels among
// random pairs. A field never present in both records of a pair keeps its u.
func (m *Model) SetU(counts [MaxFields][MaxLevels]float64) error {
	for f := range m.Fields {
		ls := m.Fields[f].Levels
		total := 0.0
		for l := 1; l < len(ls); l++ {
			total += counts[f][l]
		}
		if total == 0 {
			continue
		}
		// add-half smoothing: a level rarely seen at random (an equal service
		// number) gets a tiny but finite u; a level never seen keeps its
		// starting u, for nothing was learnt about it (all dates full: no
		// pair is "a year apart")
		for l := 1; l < len(ls); l++ {
			if counts[f][l] > 0 || ls[l].U < 1e-3 {
				ls[l].U = (counts[f][l] + 0.5) / (total + 0.5*float64(len(ls)-1))
			}
		}
	}
	return m.compile()
}

// Session is one EM session: comparison vectors of a sample of the pairs one
// blocking pass found, the fields that pass blocks on (their m is not learnt
// here: the pass's pairs agree on them by construction), and the number of
// pairs the sample stands for.
type Session struct {
	Vectors []Vector
	Fixed   []int
	Total   float64
}

// TrainEM estimates the m-probabilities by expectation–maximisation, holding
// u fixed, as Splink does: one session per blocking pass, each learning the
// fields its pass does not block on; a field's m is the average of its
// sessions weighted by their expected matches. It returns the expected
// number of matching pairs in the largest session: the start of EM over
// all pairs (see refine), which sets the prior.
//
// Holding u fixed from random pairs keeps EM from a degenerate solution that
// explains the blocked pairs by some other grouping; leaving out the blocked
// fields keeps their agreement from passing for evidence of a match.
func (m *Model) TrainEM(sessions []Session, iterations int) (TrainReport, error) {
	var rep TrainReport
	nf := len(m.Fields)
	var mp0, up [MaxFields][MaxLevels]float64
	for f := 0; f < nf; f++ {
		for l, lv := range m.Fields[f].Levels {
			mp0[f][l], up[f][l] = clampP(lv.M), clampP(lv.U)
		}
	}
	var sum [MaxFields][MaxLevels]float64
	var weight [MaxFields]float64
	// A latent class model needs three informative fields to be identified:
	// a session that leaves fewer (its pass blocks on the others) teaches
	// nothing. Fields that no session may learn are learnt from all the
	// samples together, blocked fields included, as a last resort.
	type session struct {
		Session
		union bool
	}
	var union Session
	var learnt, present [MaxFields]bool
	var trusted []session
	for _, s := range sessions {
		union.Vectors = append(union.Vectors, s.Vectors...)
		union.Total += s.Total
		p := presentFields(s, nf)
		for f := 0; f < nf; f++ {
			present[f] = present[f] || p[f]
		}
		if informative(s, nf) >= 3 {
			trusted = append(trusted, session{Session: s})
			for f := 0; f < nf; f++ {
				if p[f] && !slices.Contains(s.Fixed, f) {
					learnt[f] = true
				}
			}
		}
	}
	for f := 0; f < nf; f++ {
		if present[f] && !learnt[f] {
			trusted = append(trusted, session{Session: union, union: true})
			break
		}
	}
	usedUnion := false
	unionMatches := 0.0
	for _, s := range trusted {
		if len(s.Vectors) == 0 {
			continue
		}
		isUnion := s.union
		if isUnion {
			usedUnion = true
		}
		rep.Sessions++
		rep.BlockedPairs += len(s.Vectors)
		ps := patterns(s.Vectors, s.Fixed)
		mp := mp0
		lambda := 0.1
		for it := 0; it < iterations; it++ {
			rep.Iterations++
			var num [MaxFields][MaxLevels]float64
			var matches, n float64
			for _, p := range ps {
				g := posterior(&p.v, nf, lambda, &mp, &up)
				w := g * p.c
				matches += w
				n += p.c
				for f := 0; f < nf; f++ {
					num[f][p.v[f]] += w
				}
			}
			change := math.Abs(matches/n - lambda)
			lambda = min(max(matches/n, 1e-6), 1-1e-6)
			for f := 0; f < nf; f++ {
				den := 0.0
				for l := 1; l < len(m.Fields[f].Levels); l++ {
					den += num[f][l]
				}
				if den < 1e-9 {
					continue
				}
				for l := 1; l < len(m.Fields[f].Levels); l++ {
					// no level is impossible among matches: a floor of 1/1000
					// keeps one disagreement (a clerk's error) from weighing
					// more than about ten bits against a match
					v := min(max(num[f][l]/den, minM), 1-minM)
					change = max(change, math.Abs(v-mp[f][l]))
					mp[f][l] = v
				}
			}
			if it == iterations-1 || change < 1e-6 {
				// A session whose "match" class finds full agreement on a
				// learnt field no likelier among matches than at random has
				// converged on some other grouping: it does not vote.
				if os.Getenv("LASTSEEN_EMDEBUG") != "" {
					fmt.Fprintf(os.Stderr, "session fixed=%v n=%d lambda=%.3f it=%d\n", s.Fixed, len(s.Vectors), lambda, it)
					for f := 0; f < nf; f++ {
						fmt.Fprintf(os.Stderr, "  %s", m.Fields[f].Name)
						for l := 1; l < len(m.Fields[f].Levels); l++ {
							fmt.Fprintf(os.Stderr, " %.3g/%.3g(%.0f)", mp[f][l], up[f][l], num[f][l])
						}
						fmt.Fprintln(os.Stderr)
					}
				}
				if degenerate(&mp, &up, nf, s.Fixed, &num) {
					rep.Rejected++
					break
				}
				// The pass's pairs hold (nearly) all the matches the pass can
				// find; the pass that finds most bounds the matches from
				// below. (EM over the distinct pairs of all passes would
				// count the agreement on blocked fields as evidence, and
				// find nearly every blocked pair a match.)
				if isUnion {
					unionMatches = lambda * s.Total
				}
				// the session's vote: each field's m, weighted by the
				// expected matches in which the field was present
				for f := 0; f < nf; f++ {
					if isUnion && learnt[f] {
						continue
					}
					present := 0.0
					for l := 1; l < len(m.Fields[f].Levels); l++ {
						present += num[f][l]
					}
					if present < 1 {
						continue
					}
					for l := 1; l < len(m.Fields[f].Levels); l++ {
						sum[f][l] += mp[f][l] * present
					}
					weight[f] += present
				}
				break
			}
		}
	}
	if rep.Sessions == 0 {
		return rep, fmt.Errorf("train: no blocked pairs to learn from")
	}
	rep.Union = usedUnion
	var mp [MaxFields][MaxLevels]float64
	for f := 0; f < nf; f++ {
		for l := 1; l < len(m.Fields[f].Levels); l++ {
			mp[f][l] = mp0[f][l]
			if weight[f] > 0 {
				mp[f][l] = sum[f][l] / weight[f]
			}
			if c := maxM(f, l); mp[f][l] > c {
				mp[f][l] = c
			}
			m.Fields[f].Levels[l].M = mp[f][l]
		}
	}
	// The matches: each pass's pairs hold (nearly) all the matches that pass
	// can find, so the pass with most bounds them from below. A pass's share
	// of matches is found with the combined m (steadier than its own
	// session's), its blocked fields left out: they agree by construction,
	// and counting them would make most blocked pairs look like matches.
	//
	// Only passes keyed on two fields or more count: a pass keyed on one
	// (a surname's sound) gathers namesakes by the thousand in a large list,
	// and a namesake with nothing else known looks like a match to EM.
	var narrow, any float64
	for _, s := range trusted {
		if len(s.Vectors) == 0 || s.union {
			continue
		}
		ps := patterns(s.Vectors, s.Fixed)
		lambda := 0.1
		for it := 0; it < 200; it++ {
			var matches, n float64
			for _, p := range ps {
				matches += posterior(&p.v, nf, lambda, &mp, &up) * p.c
				n += p.c
			}
			next := min(max(matches/n, 1e-9), 1-1e-9)
			done := math.Abs(next-lambda) < 1e-7
			lambda = next
			if done {
				break
			}
		}
		if os.Getenv("LASTSEEN_EMDEBUG") != "" {
			fmt.Fprintf(os.Stderr, "prior session fixed=%v n=%d total=%.0f lambda=%.3f\n", s.Fixed, len(s.Vectors), s.Total, lambda)
		}
		if len(s.Fixed) >= 2 {
			narrow = max(narrow, lambda*s.Total)
		}
		any = max(any, lambda*s.Total)
	}
	rep.Matches = narrow
	if rep.Matches == 0 {
		rep.Matches = any
	}
	if rep.Matches == 0 {
		rep.Matches = unionMatches // SetPrior's caller bounds it
		rep.Bounded = true
	}
	return rep, m.compile()
}

// SetPrior sets the prior from the expected number of matching pairs among
// allPairs.
func (m *Model) SetPrior(matches, allPairs float64) error {
	if matches > 0 && allPairs > 0 {
		m.Prior = min(max(matches/allPairs, 1e-12), 0.5)
	}
	return m.compile()
}

// presentFields reports the fields present in some of a session's pairs.
func presentFields(s Session, nf int) (present [MaxFields]bool) {
	for _, v := range s.Vectors {
		for f := 0; f < nf; f++ {
			if v[f] != 0 {
				present[f] = true
			}
		}
	}
	return present
}

// informative counts the fields a session may learn that are present in
// some of its pairs.
func informative(s Session, nf int) int {
	present := presentFields(s, nf)
	n := 0
	for f := 0; f < nf; f++ {
		if present[f] && !slices.Contains(s.Fixed, f) {
			n++
		}
	}
	return n
}

const minM = 1e-3

// maxM caps the m of the levels that speak strongly against a match. EM's
// "match" class tends to absorb the hard negatives that share a name and
// much else (a father and his son born 25 years before, twins with two given
// names); a clerk's error rarely moves a birth year by more than five, or
// writes a full date wrong in more than one digit (the typo level), or
// another man's given name.
func maxM(f, l int) float64 {
	switch {
	case f == FieldBirthDate && (l == DateFar || l == DateMismatch):
		return 0.005
	case f == FieldBirthDate && l == DateDifferent:
		return 0.01
	case f == FieldSide && l == SexDifferent:
		return 0.01
	case (f == FieldGiven || f == FieldPatronymic) && l == NameConflict:
		return 0.01
	}
	return 1
}

type pattern struct {
	v Vector
	c float64
}

// patterns counts the distinct vectors of a sample, with the fixed fields
// set to missing so that they count neither way.
func patterns(vs []Vector, fixed []int) []pattern {
	counts := map[Vector]float64{}
	for _, v := range vs {
		for _, f := range fixed {
			v[f] = LevelMissing
		}
		counts[v]++
	}
	ps := make([]pattern, 0, len(counts))
	for v, c := range counts {
		ps = append(ps, pattern{v, c})
	}
	return ps
}

// posterior is P(match | vector) under conditional independence.
func posterior(v *Vector, nf int, lambda float64, mp, up *[MaxFields][MaxLevels]float64) float64 {
	lr := math.Log(lambda) - math.Log(1-lambda)
	for f := 0; f < nf; f++ {
		if l := v[f]; l != 0 {
			lr += math.Log(mp[f][l]) - math.Log(up[f][l])
		}
	}
	if lr > 700 {
		return 1
	}
	return 1 - 1/(1+math.Exp(lr))
}
