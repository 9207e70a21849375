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
	var total int64 = -1
	if res.Model == nil {
		m := NewModel(opt.Extra...)
		if len(rs) >= MinTrain {
			rep, n, err := train(ctx, m, rs, opt)
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
	edges, stats, n, err := score(ctx, res.Model, rs, opt, total, keep)
	if err != nil {
		return nil, err
	}
	res.Edges, res.Blocking, res.Comparisons = edges, stats, n
	res.Cluster, res.Refused, res.Clustering = Cluster(rs, res.Model, edges, opt.Constraints, co)
	return res, nil
}

// train fits m to the records and returns the number of blocked pairs.
func train(ctx context.Context, m *Model, rs []*Prepared, opt Options) (*TrainReport, int64, error) {
	if err := m.EstimateU(rs, opt.Train.RandomPairs, opt.Blocker.Across, opt.Train.Seed, opt.Workers); err != nil {
		return nil, 0, err
	}
	// a reservoir sample of each pass's own pairs: one EM session per pass
	np := len(opt.Blocker.Passes)
	per := max(opt.EMSample/np, 1000)
	rng := rand.New(rand.NewPCG(opt.Train.Seed, 0xE111))
	samples := make([][]Pair, np)
	seen := make([]int64, np)
	stats := opt.Blocker.pairs(rs, func(pass int, ps []Pair) {
		for _, p := range ps {
			seen[pass]++
			if len(samples[pass]) < per {
				samples[pass] = append(samples[pass], p)
			} else if k := rng.Int64N(seen[pass]); k < int64(per) {
				samples[pass][k] = p
			}
		}
	}, false)
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
		parallel(opt.Workers, len(sample), func(lo, hi int) {
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

// score scores every blocked pair on all workers and keeps those in the
// review band or above.
func score(ctx context.Context, m *Model, rs []*Prepared, opt Options, total int64, keep float64) ([]Edge, []PassStats, int64, error) {
	type job []Pair
	jobs := make(chan job, 2*opt.Workers)
	free := make(chan job, 4*opt.Workers)
	out := make([][]Edge, opt.Workers)
	var done atomic.Int64
	var wg sync.WaitGroup
	review := keep
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var es []Edge
			for ps := range jobs {
				for _, p := range ps {
					if s := m.Score(rs[p.A], rs[p.B]); s >= review {
						es = append(es, Edge{p.A, p.B, s})
					}
				}
				d := done.Add(int64(len(ps)))
				if opt.Progress != nil && w == 0 {
					opt.Progress(d, total)
				}
				select {
				case free <- ps[:0]:
				default:
				}
			}
			out[w] = es
		}()
	}
	var n int64
	stats := opt.Blocker.Pairs(rs, func(_ int, ps []Pair) {
		var buf job
		select {
		case buf = <-free:
		default:
			buf = make(job, 0, len(ps))
		}
		buf = append(buf, ps...)
		n += int64(len(ps))
		if ctx.Err() == nil {
			jobs <- buf
		}
	})
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, 0, err
	}
	if opt.Progress != nil {
		opt.Progress(n, n)
	}
	var edges []Edge
	for _, es := range out {
		edges = append(edges, es...)
	}
	return edges, stats, n, nil
}

// parallel runs fn over [0,n) split across workers.
func parallel(workers, n int, fn func(lo, hi int)) {
	var wg sync.WaitGroup
	step := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}
