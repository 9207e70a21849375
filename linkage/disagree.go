package linkage

import (
	"fmt"
	"math"
	"math/bits"
)

// The fields of a match are not independent. A clerk who copies a record
// makes an error or two, not one in every field: on RLdata 967 of 1,000
// duplicate pairs differ in exactly one field, one has none, 32 have two or
// three. The product of the fields' m cannot say so; with each field wrong
// in a third to two fifths of matches it expects about 40 % of matches to
// differ in two fields, and so weighs a namesake whose surname is a letter
// off and whose birth date is a day off (two disagreements) as if such
// pairs were as often the same person as one with a single disagreement.
//
// The model therefore scores the number of disagreeing fields too. Among
// matches, P(v | same person) = Π m_f(v_f) · c(k) / Z(S): k the number of
// present fields whose level is below agreement (see agreeLevel), S the set
// of present fields, c the disagreement weights learnt by EM over all pairs,
// and Z(S) = Σ_k P(k | S, fields independent) · c(k) keeps the
// probabilities of the vectors with S present summing to one. Among
// non-matches the fields stay independent (their u comes from random pairs,
// where they are). The pair's score gains log2(c(k) / Z(S)), which Explain
// shows as one more line ("disagreements").

// MaxDisagree is the last count of disagreeing fields the model tells
// apart: it stands for that many or more.
const MaxDisagree = 4

// agreeLevel is the last level of field f that counts as agreement: a name
// in the same form or script variant, an exact date, an exact value. The
// event fields never count as disagreeing: two reports of one person may
// report two events (wounded in May, captured in August), which is not a
// clerk's error, and their weights say how much a difference means.
func agreeLevel(f int) uint8 {
	switch f {
	case FieldGiven, FieldFamily, FieldPatronymic:
		return NameForm
	case FieldEventPlace, FieldStatusDate:
		return MaxLevels
	}
	return 1
}

// maskBits are the fields' bits in a presence mask, in field order. A field
// that never disagrees (agreeLevel MaxLevels: the event fields) has none:
// it cannot change the count, and each such field would double the table
// of masks (compileDisagree) for nothing.
var maskBits = func() (b [MaxFields]uint32) {
	n := 0
	for f := range b {
		if agreeLevel(f) < MaxLevels {
			b[f] = 1 << n
			n++
		}
	}
	return b
}()

// disagreement returns the presence mask of a comparison vector and the
// number of its fields that disagree, capped at MaxDisagree.
func disagreement(v *Vector, nf int) (mask uint32, k int) {
	for f := 0; f < nf; f++ {
		if l := v[f]; l != 0 {
			mask |= maskBits[f]
			if l > agreeLevel(f) {
				k++
			}
		}
	}
	return mask, min(k, MaxDisagree)
}

// independentDisagreement returns, for every presence mask of nf fields
// (see maskBits), the distribution of the number of disagreeing fields
// among matches if the fields were independent, from their m.
func (m *Model) independentDisagreement(nf int) [][MaxDisagree + 1]float64 {
	var p [MaxFields]float64 // by mask bit: P(field disagrees | same person, present)
	nb := 0
	for f := 0; f < nf; f++ {
		if maskBits[f] == 0 {
			continue
		}
		all, dis := 0.0, 0.0
		for l := 1; l < len(m.Fields[f].Levels); l++ {
			all += m.Fields[f].Levels[l].M
			if uint8(l) > agreeLevel(f) {
				dis += m.Fields[f].Levels[l].M
			}
		}
		if all > 0 {
			p[nb] = dis / all
		}
		nb++
	}
	out := make([][MaxDisagree + 1]float64, 1<<nb)
	out[0][0] = 1
	for mask := 1; mask < len(out); mask++ {
		f := 31 - bits.LeadingZeros32(uint32(mask)) // the highest present field's bit
		prev := out[mask&^(1<<f)]
		for k := 0; k <= MaxDisagree; k++ {
			out[mask][k] += prev[k] * (1 - p[f])
			out[mask][min(k+1, MaxDisagree)] += prev[k] * p[f]
		}
	}
	return out
}

// compileDisagree computes the weight of each presence mask and count,
// log2(c(k) / Z(S)), when the model has disagreement weights.
func (m *Model) compileDisagree() error {
	m.dweight = nil
	if m.Disagree == nil {
		return nil
	}
	if len(m.Disagree) != MaxDisagree+1 {
		return fmt.Errorf("model: %d disagreement weights, want %d", len(m.Disagree), MaxDisagree+1)
	}
	for k, c := range m.Disagree {
		if !(c > 0) || math.IsInf(c, 0) {
			return fmt.Errorf("model: disagreement weight %d is %v, want a positive number", k, c)
		}
	}
	ind := m.independentDisagreement(m.n)
	zs := normalisers(ind, m.Disagree)
	m.dweight = make([][MaxDisagree + 1]float32, len(ind))
	for mask, z := range zs {
		for k := range ind[mask] {
			if z > 0 {
				m.dweight[mask][k] = float32(math.Log2(m.Disagree[k] / z))
			}
		}
	}
	return nil
}

// normalisers returns Z(S) = Σ_k P(k | S, fields independent) · c(k) for
// every presence mask S, given ind from independentDisagreement.
func normalisers(ind [][MaxDisagree + 1]float64, c []float64) []float64 {
	zs := make([]float64, len(ind))
	for mask, d := range ind {
		for k, p := range d {
			zs[mask] += p * c[k]
		}
	}
	return zs
}

// disagreeWeight is the weight of a vector's number of disagreeing fields.
func (m *Model) disagreeWeight(v *Vector) (float64, int) {
	if m.dweight == nil {
		return 0, 0
	}
	mask, k := disagreement(v, m.n)
	return float64(m.dweight[mask][k]), k
}

// fitDisagree is the M-step of the disagreement weights: given each pair's
// expected matches g (posterior times the pairs it stands for), each c(k) is
// scaled by the ratio of the matches seen with k disagreements to those the
// model expects (iterative proportional fitting; the half added to both
// keeps a count never seen from a weight of minus infinity). It returns the
// largest change, in bits, of the weight of a count seen among at least one
// expected match (the others drift towards the floor, where they weigh
// about the same).
func (m *Model) fitDisagree(vs [][]Vector, g [][]float64) float64 {
	if m.Disagree == nil {
		m.Disagree = make([]float64, MaxDisagree+1)
		for k := range m.Disagree {
			m.Disagree[k] = 1
		}
	}
	ind := m.independentDisagreement(m.n)
	zs := normalisers(ind, m.Disagree)
	var seen, expect [MaxDisagree + 1]float64
	for p := range vs {
		for i := range vs[p] {
			mask, k := disagreement(&vs[p][i], m.n)
			seen[k] += g[p][i]
			z := zs[mask]
			if z == 0 {
				continue
			}
			for j, q := range ind[mask] {
				expect[j] += g[p][i] * q * m.Disagree[j] / z
			}
		}
	}
	// c is scaled so that its largest is 1 (only the ratios matter), and
	// none weighs less than −10 bits
	next := make([]float64, len(m.Disagree))
	top := 0.0
	for k := range m.Disagree {
		next[k] = m.Disagree[k] * (seen[k] + 0.5) / (expect[k] + 0.5)
		top = max(top, next[k])
	}
	change := 0.0
	for k := range m.Disagree {
		c := max(next[k]/top, 1.0/1024)
		if seen[k] >= 1 {
			change = max(change, math.Abs(math.Log2(c/m.Disagree[k])))
		}
		m.Disagree[k] = c
	}
	return change
}
