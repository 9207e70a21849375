package linkage

import (
	"fmt"
	"math"
	"os"
	"time"
)

// The prior is the share of all pairs of records that are the same person.
// EM's sessions cannot give it: each counts only the matches its own pass
// finds, and the largest such count misses the matches whose keys disagree
// on that pass (on RLdata, 711 of 1,000: the duplicates there carry one
// error each, so every pass misses the pairs with the error in its keys).
// Dividing by a pass's recall estimated from the m-probabilities fails for
// the same reason: a session's m is conditional on its keys agreeing.
//
// refine therefore ends training with EM over all pairs of records, u held
// fixed: the pairs outside every block count as non-matches (they disagree
// on every key, and the blocking is built so that true pairs almost never
// do), so the E-step needs only the pairs blocking compares, the union of
// the passes, each pair once. There a field's agreement is evidence like
// any other: its u is its rate among all pairs, not among blocked ones, and
// the prior λ is a share of all pairs, not of the blocked ones, which is
// what made EM over the union call nearly every blocked pair a match. The
// E-step scores pairs as Score does, term frequencies included. The union is
// not enumerated: each pass's sample stands for its pairs, and a sampled
// pair that k passes find counts 1/k (a Horvitz–Thompson estimate of the
// sums). The sessions' m is the start; the M-step learns every field from
// the expected matches of all passes, which a session cannot (it is blind to
// the fields it blocks on, and its m of the others is conditional on those
// agreeing).

// priorBins is the resolution, in bins per bit, of the histogram of the
// sampled pairs' weights over which the prior's fixed point is found.
const priorBins = 64

// priorRange bounds the weights the histogram holds, in bits either way;
// beyond it a pair's posterior is 0 or 1 at any plausible prior.
const priorRange = 96

// refineRounds bounds the rounds of EM over all pairs, and refineSample
// the sampled pairs each round scores: every round costs a Score of each.
const (
	refineRounds = 20
	refineSample = 500_000
)

// thin keeps every r-th sampled pair of each pass, r chosen so that at
// most n are kept; each pass's sample still stands for all its pairs.
func thin(sessions []Session, pairs [][]Pair, n int) ([]Session, [][]Pair) {
	total := 0
	for _, ps := range pairs {
		total += len(ps)
	}
	r := (total + n - 1) / n
	if r <= 1 {
		return sessions, pairs
	}
	ss, pp := make([]Session, len(sessions)), make([][]Pair, len(pairs))
	for p, s := range sessions {
		ss[p] = s
		ss[p].Vectors = nil
		for i := 0; i < len(pairs[p]); i += r {
			ss[p].Vectors = append(ss[p].Vectors, s.Vectors[i])
			pp[p] = append(pp[p], pairs[p][i])
		}
	}
	return ss, pp
}

// refine runs EM over all pairs (see above) from the sessions' m and a
// first guess of the matches, start, and sets the model's m, prior and
// Duplication. sessions[p].Vectors compare the pairs pairs[p] sampled from
// pass p of b, which stand for sessions[p].Total pairs; all is the number of
// pairs the prior is a share of. It returns the expected number of matching
// pairs, and whether the m of the sessions was kept because EM over all
// pairs converged on something other than the same person.
func (m *Model) refine(rs []*Prepared, b *Blocker, sessions []Session, pairs [][]Pair, all, start float64, workers int) (float64, bool, error) {
	var m0 [MaxFields][MaxLevels]float64
	for f := range m.Fields {
		for l, lv := range m.Fields[f].Levels {
			m0[f][l] = lv.M
		}
	}
	sessions, pairs = thin(sessions, pairs, refineSample)
	matches, err := m.refineEM(rs, b, sessions, pairs, all, start, workers, true)
	if err != nil || !m.degenerateAll() {
		return matches, false, err
	}
	// A match class in which full agreement on a field is no likelier than
	// at random is not the same person (see degenerate): keep the sessions'
	// m, with the prior they imply.
	for f := range m.Fields {
		for l := range m.Fields[f].Levels {
			m.Fields[f].Levels[l].M = m0[f][l]
		}
	}
	m.Disagree = nil
	matches, err = m.refineEM(rs, b, sessions, pairs, all, start, workers, false)
	return matches, true, err
}

// degenerateAll reports whether full agreement on some field (sex and side
// aside) is no likelier among matches than at random.
func (m *Model) degenerateAll() bool {
	for f := range m.Fields {
		if f != FieldSex && f != FieldSide && m.Fields[f].Levels[1].M <= m.Fields[f].Levels[1].U {
			return true
		}
	}
	return false
}

// refineEM is refine's EM, learning m when learnM is set and only the prior
// otherwise.
func (m *Model) refineEM(rs []*Prepared, b *Blocker, sessions []Session, pairs [][]Pair, all, start float64, workers int, learnM bool) (float64, error) {
	workers = max(workers, 1)
	nf := len(m.Fields)
	// each sampled pair's share of the distinct pairs
	shares := make([][]float64, len(sessions))
	for p, s := range sessions {
		ps := pairs[p]
		shares[p] = make([]float64, len(ps))
		if len(ps) == 0 {
			continue
		}
		per := s.Total / float64(len(ps))
		sh := shares[p]
		parallel(workers, len(ps), func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				sh[i] = per / float64(max(b.finders(rs[ps[i].A], rs[ps[i].B]), 1))
			}
		})
	}
	x := make([][]float32, len(sessions)) // each sampled pair's weight without the prior
	g := make([][]float64, len(sessions)) // and its expected matches
	vs := make([][]Vector, len(sessions))
	for p, s := range sessions {
		x[p] = make([]float32, len(pairs[p]))
		g[p] = make([]float64, len(pairs[p]))
		vs[p] = s.Vectors
	}
	matches := start
	began := time.Now()
	var num [MaxFields][MaxLevels]float64
	for round := 0; round < refineRounds; round++ {
		// The term frequencies leave out the person's own records
		// (Duplication), which the number of matches sets.
		m.setDuplication(len(rs), matches)
		if err := m.SetPrior(matches, all); err != nil {
			return 0, err
		}
		m.SetFrequencies(rs, len(rs))
		hist := make([]float64, 2*priorRange*priorBins+1)
		parts := make([][]float64, workers)
		for p, s := range sessions {
			ps, xp, sh := pairs[p], x[p], shares[p]
			parallel(workers, len(ps), func(w, lo, hi int) {
				if parts[w] == nil {
					parts[w] = make([]float64, len(hist))
				}
				for i := lo; i < hi; i++ {
					v := m.ScoreVector(&s.Vectors[i], rs[ps[i].A], rs[ps[i].B]) - m.prior
					xp[i] = float32(v)
					parts[w][histBin(v)] += sh[i]
				}
			})
		}
		for _, part := range parts {
			for i, c := range part {
				hist[i] += c
			}
		}
		// the prior, given m: the fixed point of λ = E[matches] / all
		prev := matches
		matches = fixedPoint(hist, all, matches)
		change := math.Abs(matches-prev) / matches
		if !learnM {
			if change < 1e-3 {
				break
			}
			continue
		}
		// the M-step: each level's share among the expected matches
		lo := math.Log2(matches / (all - matches))
		counts := make([][MaxFields][MaxLevels]float64, workers)
		for p, s := range sessions {
			xp, sh, gp := x[p], shares[p], g[p]
			parallel(workers, len(xp), func(w, from, to int) {
				for i := from; i < to; i++ {
					gp[i] = sh[i] / (1 + math.Exp2(-(float64(xp[i]) + lo)))
					for f := 0; f < nf; f++ {
						counts[w][f][s.Vectors[i][f]] += gp[i]
					}
				}
			})
		}
		num = [MaxFields][MaxLevels]float64{}
		for _, c := range counts {
			for f := range c {
				for l := range c[f] {
					num[f][l] += c[f][l]
				}
			}
		}
		for f := 0; f < nf; f++ {
			den := 0.0
			for l := 1; l < len(m.Fields[f].Levels); l++ {
				den += num[f][l]
			}
			if den < 1 {
				continue // never present among the matches: keep the sessions' m
			}
			for l := 1; l < len(m.Fields[f].Levels); l++ {
				v := min(max(num[f][l]/den, minM), 1-minM, maxM(f, l))
				change = max(change, math.Abs(v-m.Fields[f].Levels[l].M))
				m.Fields[f].Levels[l].M = v
			}
		}
		if err := m.compile(); err != nil {
			return 0, err
		}
		// the disagreement weights, given the new m
		dchange := m.fitDisagree(vs, g)
		if err := m.compile(); err != nil {
			return 0, err
		}
		if os.Getenv("LASTSEEN_EMDEBUG") != "" {
			fmt.Fprintf(os.Stderr, "refine round %d: matches %.0f, change %.2g, disagreement weights %.3g (change %.2g bits), %s\n",
				round, matches, change, m.Disagree, dchange, time.Since(began).Round(time.Millisecond))
		}
		if change < 1e-3 && dchange < 0.01 {
			break
		}
	}
	m.setDuplication(len(rs), matches)
	if err := m.SetPrior(matches, all); err != nil {
		return 0, err
	}
	return matches, nil
}

func histBin(x float64) int {
	return int(math.Round(min(max(x, -priorRange), priorRange)*priorBins)) + priorRange*priorBins
}

// fixedPoint finds the expected number of matches k among all pairs such
// that, with the prior k/all, the pairs of the histogram (their weights
// without the prior, in bins of 1/priorBins bit) hold k matches in
// expectation. It iterates from start, as EM does its λ.
func fixedPoint(hist []float64, all, start float64) float64 {
	k := min(max(start, 1), all/2)
	for it := 0; it < 1000; it++ {
		lo := math.Log2(k / (all - k))
		next := 0.0
		for i, c := range hist {
			if c == 0 {
				continue
			}
			x := float64(i-priorRange*priorBins)/priorBins + lo
			next += c / (1 + math.Exp2(-x))
		}
		next = min(max(next, 1), all/2)
		done := math.Abs(next-k) < 1e-6*k
		k = next
		if done {
			break
		}
	}
	return k
}

// setDuplication sets the number of records of a record's own person, on
// average over records, from the expected matching pairs among n records:
// persons of k_i records hold Σ k_i(k_i − 1)/2 = matches pairs, so the
// mean of k over records, Σ k_i² / n, is 1 + 2·matches/n, whatever the
// sizes. (It was n / (n − matches), which holds only while no person has
// more than two records, and was capped at 10: on a generated list of
// 10,000 records of about 4,350 persons, 13,700 matching pairs, it said 10
// records a person where there are 3.7, and every name of fewer than 11
// records counted as unique.)
func (m *Model) setDuplication(n int, matches float64) {
	if n == 0 {
		m.Duplication = 1
		return
	}
	m.Duplication = max(1, 1+2*matches/float64(n))
}

// finders counts the passes that put x and y in one block.
func (b *Blocker) finders(x, y *Prepared) int {
	k := 0
	for i := range b.Passes {
		if b.shareKey(i, x, y) {
			k++
		}
	}
	return k
}
