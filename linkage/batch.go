package linkage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// MinTrain is the fewest records a model is trained on; a smaller batch is
// scored with the starting model of NewModel.
const MinTrain = 500

// Options configure a batch run.
type Options struct {
	// Model scores pairs. When nil, a model is trained on the records: u from
	// random pairs, m and the prior by EM over a sample of blocked pairs.
	Model   *Model
	Extra   []string // extra compared columns, when training a new model
	Blocker *Blocker // nil: NewBlocker()
	Bands   Bands
	Cluster *ClusterOptions // nil: DefaultClusterOptions(Bands)
	Train   TrainOptions
	// EMSample bounds the blocked pairs EM learns from; default 1,000,000.
	EMSample int
	// Constraints are caseworkers' judgements, by record index.
	Constraints []Constraint
	Workers     int // default GOMAXPROCS
	// Progress, when set, is called now and then with the comparisons done
	// and the total to do.
	Progress func(done, total int64)
}

// Result is what a batch run found.
type Result struct {
	Model       *Model
	Cluster     []int32 // by record: the index of its cluster's first record
	Edges       []Edge  // every pair scoring at least Bands.Review (and those clustering needs)
	Refused     []Edge  // link-band pairs clustering kept apart: to review
	Blocking    []PassStats
	Comparisons int64
	Train       *TrainReport
	Clustering  ClusterReport
}

// Link links a batch of prepared records (Preparer.Finalize must have been
// called; their term frequencies are set here): it blocks, trains a model
// unless one is given, scores every candidate pair and clusters.
func Link(ctx context.Context, rs []*Prepared, opt Options) (*Result, error) {
	if opt.Blocker == nil {
		opt.Blocker = NewBlocker()
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.EMSample <= 0 {
		opt.EMSample = 1_000_000
	}
	opt.Train.defaults()
	res := &Result{Model: opt.Model}
	// the blocks, built once for training and scoring
	ix := newBlockIndex(opt.Blocker, rs, opt.Workers)
	var total int64 = -1
	if res.Model == nil {
		m := NewModel(opt.Extra...)
		if len(rs) >= MinTrain {
			rep, n, err := train(ctx, m, rs, ix, opt)
			if err != nil {
				return nil, err
			}
			res.Train, total = rep, n
		} else if len(rs) >= 2 {
			// too few records to learn from: the starting model, with about
			// one duplicate per record
			if err := m.SetPrior(float64(len(rs)), float64(len(rs))*float64(len(rs)-1)/2); err != nil {
				return nil, err
			}
		}
		res.Model = m
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Model.SetFrequencies(rs, len(rs))
	co := DefaultClusterOptions(opt.Bands)
	if opt.Cluster != nil {
		co = *opt.Cluster
	}
	co.Across = co.Across || opt.Blocker.Across
	keep := opt.Bands.Review
	if co.Attach < co.Link {
		keep = min(keep, co.Floor)
	}
	edges, stats, n, err := score(ctx, res.Model, rs, ix, opt, total, keep)
	if err != nil {
		return nil, err
	}
	res.Edges, res.Blocking, res.Comparisons = edges, stats, n
	res.Cluster, res.Refused, res.Clustering = Cluster(rs, res.Model, edges, opt.Constraints, co)
	return res, nil
}

// train fits m to the records and returns the number of blocked pairs.
func train(ctx context.Context, m *Model, rs []*Prepared, ix *blockIndex, opt Options) (*TrainReport, int64, error) {
	if err := m.EstimateU(rs, opt.Train.RandomPairs, opt.Blocker.Across, opt.Train.Seed, opt.Workers); err != nil {
		return nil, 0, err
	}
	// a reservoir sample of each pass's own pairs: one EM session per pass
	np := len(opt.Blocker.Passes)
	per := max(opt.EMSample/np, 1000)
	rng := rand.New(rand.NewPCG(opt.Train.Seed, 0xE111))
	samples := make([][]Pair, np)
	seen := make([]int64, np)
	// the pairs come in the same order on every run, so the sample does not
	// depend on the number of workers
	stats := ix.emit(opt.Workers, false, func(pass int, ps []Pair) {
		for _, p := range ps {
			seen[pass]++
			if len(samples[pass]) < per {
				samples[pass] = append(samples[pass], p)
			} else if k := rng.Int64N(seen[pass]); k < int64(per) {
				samples[pass][k] = p
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	var deduped int64 // the distinct pairs, which scoring will compare
	for _, s := range stats {
		deduped += s.Comparisons
	}
	if deduped == 0 {
		return &TrainReport{}, 0, nil // nothing to learn from: keep the starting m
	}
	sessions := make([]Session, np)
	for p, sample := range samples {
		vs := make([]Vector, len(sample))
		parallel(opt.Workers, len(sample), func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				vs[i] = Compare(rs[sample[i].A], rs[sample[i].B])
			}
		})
		sessions[p] = Session{Vectors: vs, Fixed: opt.Blocker.Passes[p].Fields, Total: float64(seen[p])}
	}
	all := float64(len(rs)) * float64(len(rs)-1) / 2
	if opt.Blocker.Across {
		groups := map[int32]float64{}
		for _, r := range rs {
			groups[r.Group]++
		}
		same := 0.0
		for _, k := range groups {
			same += k * (k - 1) / 2
		}
		all -= same
	}
	rep, err := m.TrainEM(sessions, opt.Train.Iterations)
	if err != nil {
		return nil, 0, fmt.Errorf("train: %w", err)
	}
	// a list rarely holds more duplicate pairs than records
	if rep.Bounded {
		// too few fields to count matches: assume at most one duplicate
		// pair per record
		rep.Matches = min(rep.Matches, float64(len(rs)))
	}
	// m and the prior by EM over all pairs (see refine), from the sessions'
	// m and the largest pass's count of matches
	rep.PassMatches = rep.Matches
	if rep.Matches, rep.KeptM, err = m.refine(rs, opt.Blocker, sessions, samples, all, rep.Matches, opt.Workers); err != nil {
		return nil, 0, fmt.Errorf("train: %w", err)
	}
	rep.RandomPairs = opt.Train.RandomPairs
	return &rep, deduped, nil
}

// score scores every blocked pair on all workers, each worker making the
// pairs of its own share of the blocks, and keeps those scoring at least keep.
// The edges come out in the order of the blocks, whichever worker scored
// them, so that what reads them in order (clustering's candidate lists, the
// pairs file) is the same on every run.
func score(ctx context.Context, m *Model, rs []*Prepared, ix *blockIndex, opt Options, total int64, keep float64) ([]Edge, []PassStats, int64, error) {
	out := make([]edgeChunks, opt.Workers)
	// where each unit's edges are: worker, and range in its chunks
	type span struct{ w, lo, hi int }
	spans := make([]span, len(ix.units))
	var done atomic.Int64
	stats := ix.each(opt.Workers, true, func(w, u int, ps []Pair) {
		if ctx.Err() != nil {
			return
		}
		es := &out[w]
		lo := es.len()
		for _, p := range ps {
			if s := m.Score(rs[p.A], rs[p.B]); s >= keep {
				es.add(Edge{p.A, p.B, s})
			}
		}
		spans[u] = span{w, lo, es.len()}
		d := done.Add(int64(len(ps)))
		if opt.Progress != nil && w == 0 {
			opt.Progress(d, total)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, 0, err
	}
	n := done.Load()
	if opt.Progress != nil {
		opt.Progress(n, n)
	}
	ix.release() // before the edges are copied into one slice: the peak
	size := 0
	for _, c := range out {
		size += c.len()
	}
	edges := make([]Edge, 0, size)
	for _, sp := range spans {
		edges = out[sp.w].appendRange(edges, sp.lo, sp.hi)
	}
	return edges, stats, n, nil
}

// edgeChunks collects edges in chunks of fixed size, so that a growing list
// never holds a half-empty copy of itself (as append's doubling would).
type edgeChunks struct {
	full [][]Edge
	cur  []Edge
}

const edgeChunk = 1 << 14

func (c *edgeChunks) add(e Edge) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]Edge, 0, edgeChunk)
	}
	c.cur = append(c.cur, e)
}

func (c *edgeChunks) len() int { return len(c.full)*edgeChunk + len(c.cur) }

// appendRange appends the edges [lo, hi) of c to es.
func (c *edgeChunks) appendRange(es []Edge, lo, hi int) []Edge {
	for i := lo; i < hi; {
		k, off := i/edgeChunk, i%edgeChunk
		chunk := c.cur
		if k < len(c.full) {
			chunk = c.full[k]
		}
		n := min(hi-i, len(chunk)-off)
		es = append(es, chunk[off:off+n]...)
		i += n
	}
	return es
}

// parallel runs fn over [0,n) split across workers, one goroutine a part:
// w is the part's number, below workers, for per-worker results. The parts
// depend only on workers and n, so sums of per-worker results come out the
// same on every run.
func parallel(workers, n int, fn func(w, lo, hi int)) {
	var wg sync.WaitGroup
	step := (n + workers - 1) / workers
	for w, lo := 0, 0; lo < n; w, lo = w+1, lo+step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(w, lo, hi)
		}()
	}
	wg.Wait()
}
