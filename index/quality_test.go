package index_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/synth"
)

// BenchmarkIncrementalQuality links the same generated records twice with
// the same model: in batch (linkage.Link, the clusters of `lastseen link`)
// and one by one in arrival order through the Linker (what `serve` and
// `import` do), with an in-memory store. It reports, for each, pairwise
// precision, recall and F1 against the truth, and "review recall": the
// recall of the clustering a caseworker would reach by answering every
// queued review item correctly (persons joined by a true review item
// merged), that is the share of true pairs that were linked or put before a
// caseworker. For the Linker also the shares of arrivals linked, queued for
// review and left new. The model is the one batch trains on the records
// (seed 1). Size: LASTSEEN_BENCH_RECORDS (default 10,000), about 2.3 records
// a person as in synth.DefaultConfig. LASTSEEN_BENCH_LINK sets the Linker's
// link threshold (default: batch's, linkage.DefaultBands);
// LASTSEEN_BENCH_BATCHES=1 links through LinkRecords (as `import`), not
// LinkRecord one by one (as `serve`). inc-moved counts the records the
// Linker's second look moved.
//
//	LASTSEEN_BENCH_RECORDS=100000 go test ./index -run XXX -bench IncrementalQuality -benchtime 1x
func BenchmarkIncrementalQuality(b *testing.B) {
	n := 10_000
	if v, err := strconv.Atoi(os.Getenv("LASTSEEN_BENCH_RECORDS")); err == nil && v > 0 {
		n = v
	}
	cfg := synth.DefaultConfig(n*20_000/46_112+1, 1)
	cfg.Records = n
	var rs []*lastseen.Record
	var truth []int64
	if err := synth.Generate(cfg, func(s *synth.Record) error {
		if r := s.Domain(int64(len(rs) + 1)); r != nil {
			rs = append(rs, r)
			truth = append(truth, s.TruthID)
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	bands := linkage.DefaultBands()
	// LinkRecords (import's path: a thousand records decided, then linked
	// in one transaction) in place of LinkRecord one by one
	batches := os.Getenv("LASTSEEN_BENCH_BATCHES") != ""
	// the Linker's link threshold, to weigh another one against batch's
	incBands := bands
	if v, err := strconv.ParseFloat(os.Getenv("LASTSEEN_BENCH_LINK"), 64); err == nil {
		incBands.Link = v
	}

	// batch, which also trains the model both use
	prep := linkage.NewPreparer(0)
	ps := make([]*linkage.Prepared, len(rs))
	for i, r := range rs {
		ps[i] = prep.Prepare("", r, nil)
		ps[i].ID = r.ID
	}
	prep.Finalize(ps)
	res, err := linkage.Link(ctx, ps, linkage.Options{Bands: bands, Train: linkage.TrainOptions{Seed: 1}})
	if err != nil {
		b.Fatal(err)
	}
	batch := make([]int64, len(rs))
	for i, c := range res.Cluster {
		batch[i] = int64(c)
	}
	var batchReview [][2]int
	for _, e := range res.Edges {
		if e.Score >= bands.Review && res.Cluster[e.A] != res.Cluster[e.B] {
			batchReview = append(batchReview, [2]int{int(e.A), int(e.B)})
		}
	}
	b.ResetTimer() // it deletes reported metrics too: batch's are reported below
	for range b.N {
		mem := newMem()
		l := &index.Linker{Index: index.New(index.Options{Model: res.Model, Bands: &incBands}), Persons: mem, Reviews: mem}
		var link, review, fresh int
		var ds []*lastseen.MatchDecision
		if batches {
			cs := make([]*lastseen.Record, len(rs))
			for i, r := range rs {
				c := *r
				cs[i] = &c
			}
			var err error
			if ds, err = l.LinkRecords(ctx, cs); err != nil {
				b.Fatal(err)
			}
		} else {
			for _, r := range rs {
				c := *r
				d, err := l.LinkRecord(ctx, &c)
				if err != nil {
					b.Fatal(err)
				}
				ds = append(ds, d)
			}
		}
		for _, d := range ds {
			switch d.Action {
			case lastseen.MatchLink:
				link++
			case lastseen.MatchReview:
				review++
			default:
				fresh++
			}
		}
		inc := make([]int64, len(rs))
		for i, r := range rs {
			inc[i] = mem.current[r.ID]
		}
		var items [][2]int
		for _, it := range mem.reviews {
			items = append(items, [2]int{int(it.RecordA - 1), int(it.RecordB - 1)})
		}
		report(b, "inc", inc, truth, items)
		k := float64(len(rs))
		b.ReportMetric(float64(link)/k, "inc-link/op")
		b.ReportMetric(float64(review)/k, "inc-review/op")
		b.ReportMetric(float64(fresh)/k, "inc-new/op")
		b.ReportMetric(float64(mem.moved), "inc-moved")
	}
	b.StopTimer()
	report(b, "batch", batch, truth, batchReview)
}

// report reports the pairwise quality of a clustering and its review
// recall: the recall once the clusters joined by review items whose two
// records are truly one person are merged.
func report(b *testing.B, name string, cluster, truth []int64, review [][2]int) {
	m := linkage.Evaluate(cluster, truth)
	b.ReportMetric(m.Precision, name+"-precision")
	b.ReportMetric(m.Recall, name+"-recall")
	b.ReportMetric(m.F1, name+"-F1")
	parent := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, it := range review {
		if truth[it[0]] == truth[it[1]] {
			if a, c := find(cluster[it[0]]), find(cluster[it[1]]); a != c {
				parent[a] = c
			}
		}
	}
	joined := make([]int64, len(cluster))
	for i, c := range cluster {
		joined[i] = find(c)
	}
	b.ReportMetric(linkage.Evaluate(joined, truth).Recall, name+"-review-recall")
	b.ReportMetric(float64(len(review)), name+"-review-items")
}
