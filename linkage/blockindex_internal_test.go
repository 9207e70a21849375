package linkage

import (
	"slices"
	"testing"
)

// TestBlockIndexOversize checks the pairs of oversize blocks against
// blocking done the obvious way: a block larger than MaxBlock sorted by
// sortOrder and compared within the window, and a pair left out of a later
// pass only when an earlier pass compared it in a block of its own.
func TestBlockIndexOversize(t *testing.T) {
	rs := Generated(t, 2000, 9)
	b := NewBlocker()
	b.MaxBlock, b.Window = 5, 3

	type pp struct {
		pass int
		Pair
	}
	keys := make([][][]uint64, len(rs))
	for i, r := range rs {
		keys[i] = make([][]uint64, len(b.Passes))
		for q := range b.Passes {
			ks := b.AllKeys(nil, q, r)
			slices.Sort(ks)
			keys[i][q] = slices.Compact(ks)
		}
	}
	big := make([]map[uint64]bool, len(b.Passes))
	var want []pp
	for q := range b.Passes {
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
					if c := sortOrder(rs[x], rs[y]); c != 0 {
						return c
					}
					return int(x - y)
				})
			}
			for x := range blk {
			next:
				for y := x + 1; y < len(blk) && y <= x+window; y++ {
					i, j := min(blk[x], blk[y]), max(blk[x], blk[y])
					if u := b.Passes[q].Unless; u != nil && u(rs[i], rs[j]) {
						continue
					}
					if d := b.Passes[q].Distinct; d != nil && d(rs[i]) == d(rs[j]) {
						continue
					}
					// made in an earlier pass, or in this one on a lower
					// key (any key, from an oversize block), in a block
					// compared in full
					for e := 0; e <= q; e++ {
						for _, kk := range keys[i][e] {
							if (e < q || big[q][k] || kk < k) && !big[e][kk] && slices.Contains(keys[j][e], kk) {
								continue next
							}
						}
					}
					want = append(want, pp{q, Pair{i, j}})
				}
			}
		}
	}
	var got []pp
	stats := b.Pairs(rs, func(pass int, ps []Pair) {
		for _, p := range ps {
			got = append(got, pp{pass, p})
		}
	})
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

// TestBlockIndexOwnPairsOnce checks that training's view of the blocks (no
// dedupe across passes) gives each pass's own pairs once, though a record
// of a pass of several keys shares many blocks with another (a family name
// and its one-letter deletions).
func TestBlockIndexOwnPairsOnce(t *testing.T) {
	rs := Generated(t, 1000, 3)
	b := NewBlocker()
	multi := false
	for _, ps := range b.Passes {
		multi = multi || ps.Keys != nil
	}
	if !multi {
		t.Fatal("no pass of several keys: the test tests nothing")
	}
	seen := make([]map[Pair]bool, len(b.Passes))
	for i := range seen {
		seen[i] = map[Pair]bool{}
	}
	newBlockIndex(b, rs, 2).emit(2, false, func(pass int, ps []Pair) {
		for _, x := range ps {
			if seen[pass][x] {
				t.Fatalf("pass %s: pair %v twice", b.Passes[pass].Name, x)
			}
			seen[pass][x] = true
		}
	})
}
