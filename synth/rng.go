package synth

// rng is a splitmix64 generator: tiny, fast and good enough for sampling. Every
// cluster and every record gets its own stream derived from the seed, so the
// output does not depend on the order in which work is done.
type rng struct{ s uint64 }

func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// newRNG derives an independent stream from the seed and a path of integers.
func newRNG(seed int64, path ...uint64) rng {
	h := mix(uint64(seed) + 0x9e3779b97f4a7c15)
	for _, p := range path {
		h = mix(h ^ (p + 0x9e3779b97f4a7c15))
	}
	return rng{s: h}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a uniform int in [0, n); n must be > 0.
func (r *rng) intn(n int) int {
	return int((r.next() >> 32) * uint64(n) >> 32)
}

// between returns a uniform int in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a uniform float64 in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return p > 0 && r.float() < p }

// weighted samples an index from a cumulative weight table.
type weighted []float64

func cumulate(ws []float64) weighted {
	c := make(weighted, len(ws))
	t := 0.0
	for i, w := range ws {
		t += w
		c[i] = t
	}
	return c
}

func (c weighted) pick(r *rng) int {
	x := r.float() * c[len(c)-1]
	lo, hi := 0, len(c)-1
	for lo < hi {
		m := (lo + hi) / 2
		if c[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}
