package index_test

import (
	"context"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/synth"
)

// benchRecords is the size of the index the benchmarks run against:
// LASTSEEN_BENCH_RECORDS, default 100,000 (bench/incremental and
// bench/search measure 1,000,000 end to end).
func benchRecords() int {
	if n, err := strconv.Atoi(os.Getenv("LASTSEEN_BENCH_RECORDS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

var bench struct {
	once     sync.Once
	ix       *index.Index
	arriving []*lastseen.Record
	truth    []int64        // the arriving records' true persons
	indexed  map[int64]bool // the true persons with records in the index
	queries  []synth.Query
	people   int
}

// benchIndex builds, once, an index of benchRecords() generated records
// filed under their true persons, and keeps 20,000 more records as
// arrivals.
func benchIndex(b *testing.B) {
	bench.once.Do(func() {
		n := benchRecords()
		bench.people = (n+20_000)/2 + 1000
		cfg := synth.DefaultConfig(bench.people, 1)
		cfg.Records = n + 20_000
		var rs []*lastseen.Record
		synth.Generate(cfg, func(s *synth.Record) error {
			if r := s.Domain(int64(len(rs) + 1)); r != nil {
				r.PersonID = s.TruthID
				rs = append(rs, r)
			}
			return nil
		})
		n = min(n, len(rs))
		bench.ix = index.New(index.Options{})
		for _, r := range rs[:n] {
			bench.ix.Add(bench.ix.Prepare(r))
		}
		bench.ix.Finalize()
		bench.arriving = rs[n:]
		bench.indexed = map[int64]bool{}
		for _, r := range rs[:n] {
			bench.indexed[r.PersonID] = true
		}
		for _, r := range bench.arriving {
			bench.truth = append(bench.truth, r.PersonID)
			r.PersonID = 0
		}
		synth.Queries(synth.DefaultConfig(bench.people, 1), 2000, func(q synth.Query) error {
			bench.queries = append(bench.queries, q)
			return nil
		})
	})
}

// linkBenchID numbers BenchmarkLinkRecord's records across its runs: a
// record id seen before would be answered from the index without matching.
var linkBenchID int64

// BenchmarkLinkRecord links arriving records one by one against the index,
// with an in-memory store: the cost of matching on arrival.
func BenchmarkLinkRecord(b *testing.B) {
	benchIndex(b)
	mem := newMem()
	mem.next = 1 << 40
	l := &index.Linker{Index: bench.ix, Persons: mem, Reviews: mem}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := *bench.arriving[i%len(bench.arriving)]
		linkBenchID++
		r.ID = 1<<30 + linkBenchID // a new record each time, in every run of -count
		if _, err := l.LinkRecord(ctx, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch decides without linking or adding: the read path alone.
func BenchmarkMatch(b *testing.B) {
	benchIndex(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := bench.ix.Prepare(bench.arriving[i%len(bench.arriving)])
		bench.ix.Match(p, nil)
	}
}

// BenchmarkSearch runs synth's cross-script queries.
func BenchmarkSearch(b *testing.B) {
	benchIndex(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := bench.queries[i%len(bench.queries)]
		d, _ := lastseen.ParseDate(q.BirthDate)
		bench.ix.Search(index.Query{Name: q.Text, BirthDate: d, Limit: 5})
	}
}

// BenchmarkMatchQuality decides every arriving record against the index
// (nothing is added) and reports the decisions: the shares linked, queued
// for review and left new, the precision of the links (the true person), the
// share of arrivals whose person is indexed that were linked to it or
// queued with it, and the share of arrivals whose person is not indexed that
// were linked all the same.
func BenchmarkMatchQuality(b *testing.B) {
	benchIndex(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var link, review, fresh, right, known, found, unknown, wrong int
		for j, r := range bench.arriving {
			d := bench.ix.Match(bench.ix.Prepare(r), nil)
			truth := bench.truth[j]
			switch d.Action {
			case lastseen.MatchLink:
				link++
				if d.PersonID == truth {
					right++
				}
			case lastseen.MatchReview:
				review++
			default:
				fresh++
			}
			if !bench.indexed[truth] {
				unknown++
				if d.Action == lastseen.MatchLink {
					wrong++
				}
				continue
			}
			known++
			if d.Action == lastseen.MatchLink && d.PersonID == truth {
				found++
				continue
			}
			if d.Action != lastseen.MatchNew {
				for _, pm := range d.Persons {
					if pm.PersonID == truth {
						found++
						break
					}
				}
			}
		}
		n := float64(len(bench.arriving))
		b.ReportMetric(float64(link)/n, "link/op")
		b.ReportMetric(float64(review)/n, "review/op")
		b.ReportMetric(float64(fresh)/n, "new/op")
		b.ReportMetric(float64(right)/float64(max(link, 1)), "precision")
		b.ReportMetric(float64(found)/float64(max(known, 1)), "found")
		b.ReportMetric(float64(wrong)/float64(max(unknown, 1)), "unknown-linked")
	}
}

// BenchmarkPrepare measures what an arriving record costs before the index
// lock: its linkage form, names and blocking keys.
func BenchmarkPrepare(b *testing.B) {
	rs, _ := synthRecords(b, 2000, 1)
	ix := index.New(index.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Prepare(rs[i%len(rs)])
	}
}

// BenchmarkSwapModel measures what swapping in a new model costs: every
// record's term frequencies set again for it, under the index's write lock
// a chunk of records at a time (arrivals wait for one chunk at most). It
// changes the shared benchmark index's model: run it alone.
func BenchmarkSwapModel(b *testing.B) {
	benchIndex(b)
	m := linkage.NewModel()
	m.Duplication = 2.3
	b.ResetTimer()
	for range b.N {
		bench.ix.SetModel(m)
	}
}
