package linkage

import "testing"

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
