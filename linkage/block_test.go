package linkage_test

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/lastseen/lastseen/linkage"
)

type passPair struct {
	pass int
	linkage.Pair
}

// referencePairs is blocking done the obvious way: pass by pass, blocks in
// order of key, each block's records in input order, or, in a block larger
// than MaxBlock, sorted by sortOrder and compared within the window; every
// pair made unless an earlier pass, or this one on a lower key (any key,
// when this block is oversize), compared it in a block compared in full.
func referencePairs(b *linkage.Blocker, rs []*linkage.Prepared) []passPair {
	keys := allKeys(b, rs)
	big := make([]map[uint64]bool, len(b.Passes))
	var out []passPair
	for q, ps := range b.Passes {
		big[q] = map[uint64]bool{}
		blocks := map[uint64][]int32{}
		for i := range rs {
			for _, k := range keys[i][q] {
				blocks[k] = append(blocks[k], int32(i))
			}
		}
		order := make([]uint64, 0, len(blocks))
		for k, blk := range blocks {
			order = append(order, k)
			if len(blk) > b.MaxBlock {
				big[q][k] = true
			}
		}
		slices.Sort(order)
		for _, k := range order {
			blk := blocks[k]
			window := len(blk)
			if big[q][k] {
				window = b.Window
				slices.SortFunc(blk, func(x, y int32) int {
					if c := linkage.SortOrder(rs[x], rs[y]); c != 0 {
						return c
					}
					return int(x - y)
				})
			}
			for x := range blk {
			next:
				for y := x + 1; y < len(blk) && y <= x+window; y++ {
					i, j := min(blk[x], blk[y]), max(blk[x], blk[y])
					if ps.Unless != nil && ps.Unless(rs[i], rs[j]) || ps.Distinct != nil && ps.Distinct(rs[i]) == ps.Distinct(rs[j]) {
						continue
					}
					for e := 0; e <= q; e++ {
						for _, kk := range keys[i][e] {
							if (e < q || big[q][k] || kk < k) && !big[e][kk] && slices.Contains(keys[j][e], kk) {
								continue next
							}
						}
					}
					out = append(out, passPair{q, linkage.Pair{A: i, B: j}})
				}
			}
		}
	}
	return out
}

// allKeys are each record's keys in each pass, ascending.
func allKeys(b *linkage.Blocker, rs []*linkage.Prepared) [][][]uint64 {
	keys := make([][][]uint64, len(rs))
	for i, r := range rs {
		keys[i] = make([][]uint64, len(b.Passes))
		for p := range b.Passes {
			ks := b.AllKeys(nil, p, r)
			slices.Sort(ks)
			keys[i][p] = slices.Compact(ks)
		}
	}
	return keys
}

func collect(b *linkage.Blocker, rs []*linkage.Prepared) ([]passPair, []linkage.PassStats) {
	var got []passPair
	stats := b.Pairs(rs, func(pass int, ps []linkage.Pair) {
		for _, p := range ps {
			got = append(got, passPair{pass, p})
		}
	})
	return got, stats
}

// TestBlockIndexOversize checks the pairs of oversize blocks against
// blocking done the obvious way (referencePairs): a block larger than
// MaxBlock sorted by sortOrder and compared within the window, and a pair
// left out of a later pass only when an earlier pass compared it in a block
// of its own.
func TestBlockIndexOversize(t *testing.T) {
	rs := linkage.Generated(t, 2000, 9)
	b := linkage.NewBlocker()
	b.MaxBlock, b.Window = 5, 3
	want := referencePairs(b, rs)
	got, stats := collect(b, rs)
	oversize := 0
	for _, s := range stats {
		oversize += s.Oversize
	}
	if oversize == 0 {
		t.Fatal("no oversize block: the test tests nothing")
	}
	if len(got) != len(want) {
		t.Fatalf("%d pairs, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("pair %d is %v, want %v", i, got[i], want[i])
		}
	}
}

func TestBlockerPairs(t *testing.T) {
	rs := linkage.Generated(t, 3000, 5)
	t.Run("SameAsReference", func(t *testing.T) {
		b := linkage.NewBlocker()
		b.MaxBlock = len(rs) // no oversize blocks
		want := referencePairs(b, rs)
		got, stats := collect(b, rs)
		if len(got) != len(want) {
			t.Fatalf("%d pairs, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("pair %d is %v, want %v (same pairs in the same order)", i, got[i], want[i])
			}
		}
		for p, s := range stats {
			n := 0
			for _, w := range want {
				if w.pass == p {
					n++
				}
			}
			if s.Comparisons != int64(n) {
				t.Errorf("pass %s: stats count %d comparisons, made %d", s.Name, s.Comparisons, n)
			}
		}
	})
	t.Run("SameOnOneCore", func(t *testing.T) {
		b := linkage.NewBlocker()
		b.MaxBlock, b.Window = 4, 2 // many oversize blocks
		many, _ := collect(b, rs)
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		one, _ := collect(b, rs)
		if !slices.Equal(many, one) {
			t.Errorf("%d pairs on %d cores, %d on one, or in another order", len(many), runtime.NumCPU(), len(one))
		}
	})
	t.Run("OversizeCounted", func(t *testing.T) {
		b := linkage.NewBlocker()
		b.MaxBlock, b.Window = 4, 2
		got, stats := collect(b, rs)
		for _, p := range got {
			if p.A >= p.B {
				t.Fatalf("pair %v not ordered", p.Pair)
			}
		}
		var n int64
		oversize := 0
		for _, s := range stats {
			n += s.Comparisons
			oversize += s.Oversize
		}
		if oversize == 0 {
			t.Fatal("no oversize block: the test tests nothing")
		}
		// a pair of two records that share an oversize block in an earlier
		// pass may be made again by a later one, as before; the stats count
		// the pairs made
		if n != int64(len(got)) {
			t.Errorf("stats count %d comparisons, %d pairs made", n, len(got))
		}
	})
	t.Run("AcrossSkipsOneGroup", func(t *testing.T) {
		b := linkage.NewBlocker()
		grouped := slices.Clone(rs)
		for i := range grouped {
			c := *grouped[i]
			c.Group = int32(i % 2)
			grouped[i] = &c
		}
		b.Across = true
		got, _ := collect(b, grouped)
		if len(got) == 0 {
			t.Fatal("no pairs")
		}
		for _, p := range got {
			if grouped[p.A].Group == grouped[p.B].Group {
				t.Fatalf("pair %v within one group", p.Pair)
			}
		}
	})
}

// BenchmarkPairs makes every candidate pair of about 100,000 generated
// records (LASTSEEN_PAIRS_PEOPLE sets the population), blocks built included.
func BenchmarkPairs(b *testing.B) {
	people := 43500
	if v, err := strconv.Atoi(os.Getenv("LASTSEEN_PAIRS_PEOPLE")); err == nil && v > 0 {
		people = v
	}
	rs := linkage.Generated(b, people, 1)
	bl := linkage.NewBlocker()
	b.ResetTimer()
	var n int64
	for range b.N {
		n = 0
		bl.Pairs(rs, func(_ int, ps []linkage.Pair) { n += int64(len(ps)) })
	}
	b.ReportMetric(float64(len(rs)), "records")
	b.ReportMetric(float64(n), "pairs")
}

// TestLinkDeterministic: the same records give the same clusters and the
// same edges in the same order, run after run (clustering reads the edges in
// order), and the same pairs in the same order on any number of workers.
// (Training sums partial results per worker, so with another number of
// workers the scores may differ in their last bits.)
func TestLinkDeterministic(t *testing.T) {
	rs := linkage.Generated(t, 3000, 11)
	run := func(workers int) *linkage.Result {
		res, err := linkage.Link(context.Background(), rs, linkage.Options{Bands: linkage.DefaultBands(), Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	pairs := func(es []linkage.Edge) []linkage.Pair {
		var ps []linkage.Pair
		for _, e := range es {
			ps = append(ps, linkage.Pair{A: e.A, B: e.B})
		}
		return ps
	}
	one := run(1)
	if len(one.Edges) == 0 || one.Clustering.Merges == 0 {
		t.Fatal("nothing linked: the test tests nothing")
	}
	want := run(4)
	for range 3 {
		got := run(4)
		if !slices.Equal(got.Edges, want.Edges) {
			t.Errorf("the edges differ from run to run, or come in another order")
		}
		if !slices.Equal(got.Cluster, want.Cluster) {
			t.Errorf("the clusters differ from run to run")
		}
	}
	if !slices.Equal(pairs(one.Edges), pairs(want.Edges)) {
		t.Errorf("one worker kept other pairs than four, or in another order")
	}
}
