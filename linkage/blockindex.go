package linkage

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// blockIndex holds the blocks of every pass over one batch. It is built once
// per batch (the passes on all workers) and read by training and scoring
// alike, and it is compact: a pass keeps only the records that share their
// key with another (most keys of a narrow pass are unique), as int32 record
// indexes in block order, and the record's block number in each pass for
// telling whether an earlier pass compared a pair already. That is 4 bytes
// per record and pass plus 4 per blocked entry (about 90 bytes a record at a
// million records), where an array of every record's key in every pass
// alone held 8 bytes per record and pass.
//
// Blocks are runs of records with equal 64-bit keys (each pass's Key hashes
// its fields with mix). Two different values that hash alike would only add
// candidate pairs, which scoring rejects; with 64 bits the chance of one
// such coincidence in a pass of ten million keys is about 3 in a million.
type blockIndex struct {
	b  *Blocker
	rs []*Prepared
	np int
	// ent are by pass the records of its blocks of two or more, blocks in
	// order of key, a block's records in input order (an oversize block's in
	// sortOrder); a block's first entry is stored as ^index
	ent [][]int32
	// ids[record*np+pass] is the record's block in the pass, numbered from
	// 1; 0 when the record is alone in the pass, has no key in it, or its
	// block is oversize (compared by window: two records of it were not
	// necessarily compared).
	ids []uint32
	// multi are by pass, for a pass whose records have several keys
	// (Pass.Keys), each record's blocks of two to MaxBlock records in it
	// (nil for a pass of one key a record): a pair shares such a block when
	// their lists meet, and is made in the first block they share
	multi []*multiBlocks
	// one are by pass, for a pass with Pass.Distinct, its blocks (by their
	// number among all its blocks, from 0) whose records all have one
	// Distinct value
	one   [][]uint64
	units []unit
	stats []PassStats // Blocks and Oversize; Comparisons are counted as pairs are made
}

// unit is a run of whole blocks of one pass: the piece of work one worker
// takes at a time.
type unit struct {
	pass   int
	lo, hi int
	block  uint32 // the number of the pass's blocks (not oversize) before lo
	all    int    // the number of the pass's blocks before lo
}

// multiBlocks lists each record's blocks in a pass of several keys a record.
type multiBlocks struct {
	off []uint32 // record i's blocks are blk[off[i]:off[i+1]], ascending
	blk []uint32
}

func (m *multiBlocks) of(i int32) []uint32 { return m.blk[m.off[i]:m.off[i+1]] }

// shareBefore reports whether records i and j share a block numbered below
// n (any block when n is 0).
func (m *multiBlocks) shareBefore(i, j int32, n uint32) bool {
	a, b := m.of(i), m.of(j)
	for len(a) > 0 && len(b) > 0 {
		x, y := a[0], b[0]
		if n != 0 && (x >= n || y >= n) {
			return false
		}
		switch {
		case x == y:
			return true
		case x < y:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return false
}

// unitPairs is about how many pairs a unit makes: small enough that workers
// share the work evenly and a unit's pairs fit in cache-friendly buffers.
const unitPairs = 1 << 16

// newBlockIndex blocks rs by every pass of b, on workers goroutines.
func newBlockIndex(b *Blocker, rs []*Prepared, workers int) *blockIndex {
	np := len(b.Passes)
	ix := &blockIndex{b: b, rs: rs, np: np, ent: make([][]int32, np), ids: make([]uint32, len(rs)*np), stats: make([]PassStats, np), multi: make([]*multiBlocks, np), one: make([][]uint64, np)}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, np)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var es, tmp []keyed
			for {
				p := int(next.Add(1) - 1)
				if p >= np {
					return
				}
				es, tmp = ix.buildPass(p, es[:0], tmp)
			}
		}()
	}
	wg.Wait()
	for p := range np {
		ix.stats[p].Name = b.Passes[p].Name
		ix.units = appendUnits(ix.units, p, ix.ent[p], b)
	}
	return ix
}

// keyed is a record's key in one pass.
type keyed struct {
	key uint64
	i   int32
}

// buildPass sorts the records by their key in pass p and keeps the blocks
// of two or more. es and tmp are scratch space, returned for reuse.
func (ix *blockIndex) buildPass(p int, es, tmp []keyed) ([]keyed, []keyed) {
	ps := &ix.b.Passes[p]
	multi := ps.Keys != nil
	if multi {
		var ks []uint64
		for i, r := range ix.rs {
			ks = ps.Keys(r, ks[:0])
			if len(ks) > 1 {
				slices.Sort(ks)
				ks = slices.Compact(ks)
			}
			if len(es)+len(ks) > cap(es) {
				// double: append grows a large slice by a quarter,
				// which allocated five times the final size
				es = slices.Grow(es, max(cap(es), len(ks), len(ix.rs)))
			}
			for _, k := range ks {
				if k != 0 {
					es = append(es, keyed{k, int32(i)})
				}
			}
		}
	} else {
		es = slices.Grow(es, len(ix.rs))
		for i, r := range ix.rs {
			if k := ps.Key(r); k != 0 {
				es = append(es, keyed{k, int32(i)})
			}
		}
	}
	if cap(tmp) < len(es) {
		tmp = make([]keyed, len(es))
	}
	radixSort(es, tmp[:len(es)])
	blocked := 0
	forRuns(es, func(s, e int) {
		if e-s > 1 {
			blocked += e - s
		}
	})
	ent := make([]int32, 0, blocked)
	var block uint32
	var mb *multiBlocks
	if multi {
		mb = &multiBlocks{off: make([]uint32, len(ix.rs)+1)}
	}
	st := &ix.stats[p]
	forRuns(es, func(s, e int) {
		if e-s < 2 {
			return
		}
		st.Blocks++
		if ps.Distinct != nil {
			// a block whose records all have one Distinct value makes no
			// pair to score (training still samples it: it is the pass's)
			d, one := ps.Distinct(ix.rs[es[s].i]), true
			for _, x := range es[s+1 : e] {
				if ps.Distinct(ix.rs[x.i]) != d {
					one = false
					break
				}
			}
			if one {
				ix.one[p] = setBit(ix.one[p], st.Blocks-1)
			}
		}
		oversize := e-s > ix.b.MaxBlock
		if oversize {
			st.Oversize++
		} else {
			block++
		}
		from := len(ent)
		for _, x := range es[s:e] {
			ent = append(ent, x.i)
			switch {
			case oversize:
			case multi:
				mb.off[x.i+1]++
			default:
				ix.ids[int(x.i)*ix.np+p] = block
			}
		}
		if oversize {
			// compared by window: sorted once here so that likely matches
			// are neighbours
			slices.SortFunc(ent[from:], func(x, y int32) int {
				if c := sortOrder(ix.rs[x], ix.rs[y]); c != 0 {
					return c
				}
				return int(x - y)
			})
		}
		ent[from] = ^ent[from]
	})
	ix.ent[p] = ent
	if multi {
		// each record's blocks, in block order: a second walk over the runs
		for i := range ix.rs {
			mb.off[i+1] += mb.off[i]
		}
		mb.blk = make([]uint32, mb.off[len(ix.rs)])
		fill := slices.Clone(mb.off[:len(ix.rs)])
		block = 0
		forRuns(es, func(s, e int) {
			if e-s < 2 || e-s > ix.b.MaxBlock {
				return
			}
			block++
			for _, x := range es[s:e] {
				mb.blk[fill[x.i]] = block
				fill[x.i]++
			}
		})
		ix.multi[p] = mb
	}
	return es, tmp
}

func setBit(set []uint64, i int) []uint64 {
	for len(set) <= i/64 {
		set = append(set, 0)
	}
	set[i/64] |= 1 << (i % 64)
	return set
}

func hasBit(set []uint64, i int) bool { return i/64 < len(set) && set[i/64]&(1<<(i%64)) != 0 }

// release lets the blocks go (the index can make no more pairs).
func (ix *blockIndex) release() { ix.ent, ix.ids, ix.units, ix.multi, ix.one = nil, nil, nil, nil, nil }

// forRuns calls fn with each run [s, e) of equal keys.
func forRuns(es []keyed, fn func(s, e int)) {
	for s := 0; s < len(es); {
		e := s + 1
		for e < len(es) && es[e].key == es[s].key {
			e++
		}
		fn(s, e)
		s = e
	}
}

// radixSort sorts es by key, stably (records of one key stay in index
// order), using tmp (as long as es) as scratch.
func radixSort(es, tmp []keyed) {
	if len(es) < 2 {
		return
	}
	var count [256]int
	src, dst := es, tmp
	for shift := uint(0); shift < 64; shift += 8 {
		clear(count[:])
		for _, e := range src {
			count[byte(e.key>>shift)]++
		}
		if count[byte(src[0].key>>shift)] == len(src) {
			continue // every key has this digit: nothing to move
		}
		pos := 0
		for d, c := range count {
			count[d] = pos
			pos += c
		}
		for _, e := range src {
			d := byte(e.key >> shift)
			dst[count[d]] = e
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &es[0] {
		copy(es, src)
	}
}

// appendUnits cuts a pass's blocks into units of about unitPairs pairs.
func appendUnits(us []unit, p int, ent []int32, b *Blocker) []unit {
	lo, pairs := 0, 0
	var blocks, first uint32
	all, firstAll := 0, 0
	for s := 0; s < len(ent); {
		e := blockEnd(ent, s)
		k := e - s
		if k <= b.MaxBlock {
			pairs += k * (k - 1) / 2
			blocks++
		} else {
			pairs += k * b.Window
		}
		all++
		if pairs >= unitPairs {
			us = append(us, unit{p, lo, e, first, firstAll})
			lo, pairs, first, firstAll = e, 0, blocks, all
		}
		s = e
	}
	if lo < len(ent) {
		us = append(us, unit{p, lo, len(ent), first, firstAll})
	}
	return us
}

// blockEnd is the end of the block that starts at ent[s].
func blockEnd(ent []int32, s int) int {
	e := s + 1
	for e < len(ent) && ent[e] >= 0 {
		e++
	}
	return e
}

// pairs appends the candidate pairs of unit u to ps and returns them with
// the number of them no earlier pass found. Without dedupe it appends every
// pair of the unit's blocks (training samples each pass's own pairs); with
// it only the new ones. sc is scratch space.
func (ix *blockIndex) pairs(u unit, dedupe bool, ps []Pair, sc *scratch) ([]Pair, int64) {
	b, rs, p := ix.b, ix.rs, u.pass
	var fresh int64
	// the earlier passes of several keys a record, whose blocks the block
	// numbers (sc.rows) do not show
	var multi []*multiBlocks
	for q := 0; q < p; q++ {
		if ix.multi[q] != nil {
			multi = append(multi, ix.multi[q])
		}
	}
	nb := u.block  // the blocks (not oversize) up to this one
	var cur uint32 // this block's number; 0 when it is oversize
	own := ix.multi[p]
	unless, distinct := b.Passes[p].Unless, b.Passes[p].Distinct
	// add adds the pair of the block's x-th and y-th records. A block's
	// records' block numbers in the earlier passes are copied side by side
	// first (sc.rows), so that telling whether an earlier pass compared a
	// pair reads memory the block has already touched: at ten million
	// records the numbers of two records chosen at random are rarely in
	// cache.
	add := func(x, y int) {
		if b.Across && sc.groups[x] == sc.groups[y] {
			return
		}
		i, j := sc.blk[x], sc.blk[y]
		if dedupe && (distinct != nil && distinct(rs[i]) == distinct(rs[j]) || unless != nil && unless(rs[i], rs[j])) {
			return
		}
		if own != nil && own.shareBefore(i, j, cur) {
			return // the pass's own pairs, each once
		}
		if i > j {
			i, j = j, i
		}
		if seenRows(sc.rows[x*p:x*p+p], sc.rows[y*p:y*p+p]) || len(multi) > 0 && seenMulti(multi, i, j) {
			if dedupe {
				return
			}
		} else {
			fresh++
		}
		ps = append(ps, Pair{i, j})
	}
	ent := ix.ent[p]
	one := ix.one[p]
	for s, all := u.lo, u.all; s < u.hi; all++ {
		e := blockEnd(ent, s)
		if dedupe && hasBit(one, all) {
			if e-s <= b.MaxBlock {
				nb++
			}
			s = e
			continue
		}
		sc.blk = append(sc.blk[:0], ^ent[s])
		sc.blk = append(sc.blk, ent[s+1:e]...)
		sc.rows, sc.groups = sc.rows[:0], sc.groups[:0]
		for _, i := range sc.blk {
			sc.rows = append(sc.rows, ix.ids[int(i)*ix.np:int(i)*ix.np+p]...)
			if b.Across {
				sc.groups = append(sc.groups, rs[i].Group)
			}
		}
		k := len(sc.blk)
		window := k
		if k > b.MaxBlock {
			window = b.Window
			cur = 0 // oversize: any block the two share compares them
		} else {
			nb++
			cur = nb
		}
		for x := range k {
			for y := x + 1; y < k && y <= x+window; y++ {
				add(x, y)
			}
		}
		s = e
	}
	return ps, fresh
}

// scratch is a pair maker's working space, reused from unit to unit.
type scratch struct {
	blk    []int32  // the block's records
	rows   []uint32 // their block numbers in the earlier passes, record after record
	groups []int32  // their groups, when linking across groups
}

// seenMulti reports whether records i and j share a block (not oversize)
// in one of the earlier passes of several keys a record.
func seenMulti(multi []*multiBlocks, i, j int32) bool {
	for _, m := range multi {
		if m.shareBefore(i, j, 0) {
			return true
		}
	}
	return false
}

// seenRows reports whether two records shared a block (not oversize) in an
// earlier pass, given their block numbers in those passes.
func seenRows(a, b []uint32) bool {
	for q, x := range a {
		if x != 0 && x == b[q] {
			return true
		}
	}
	return false
}

// emit calls fn with the pairs of each unit in order, as Blocker.Pairs
// promises: the units are made on workers goroutines, a few ahead of the one
// fn is given, so that the order, and what a caller draws from it, does not
// depend on the number of workers. It returns the stats.
func (ix *blockIndex) emit(workers int, dedupe bool, fn func(pass int, ps []Pair)) []PassStats {
	workers = max(workers, 1)
	n := len(ix.units)
	ready := make([]chan []Pair, n)
	for u := range ready {
		ready[u] = make(chan []Pair, 1)
	}
	fresh := make([]int64, n)
	ahead := make(chan struct{}, 4*workers) // units made and not yet given to fn
	free := make(chan []Pair, 4*workers+workers)
	stop := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc scratch
			for {
				select {
				case ahead <- struct{}{}:
				case <-stop:
					return
				}
				u := int(next.Add(1) - 1)
				if u >= n {
					<-ahead
					return
				}
				var ps []Pair
				select {
				case ps = <-free:
				default:
				}
				ps, fresh[u] = ix.pairs(ix.units[u], dedupe, ps[:0], &sc)
				ready[u] <- ps
			}
		}()
	}
	stats := slices.Clone(ix.stats)
	for u := range n {
		ps := <-ready[u]
		stats[ix.units[u].pass].Comparisons += fresh[u]
		if len(ps) > 0 {
			fn(ix.units[u].pass, ps)
		}
		<-ahead
		select {
		case free <- ps:
		default:
		}
	}
	close(stop)
	wg.Wait()
	return stats
}

// each makes the pairs of every unit on workers goroutines, in no particular
// order, and calls fn on the worker that made them (w is the worker's
// number, for per-worker results; u the unit's, for putting results in
// order). It returns the stats.
func (ix *blockIndex) each(workers int, dedupe bool, fn func(w, u int, ps []Pair)) []PassStats {
	workers = max(workers, 1)
	fresh := make([]atomic.Int64, ix.np)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ps []Pair
			var sc scratch
			for {
				u := int(next.Add(1) - 1)
				if u >= len(ix.units) {
					return
				}
				var f int64
				ps, f = ix.pairs(ix.units[u], dedupe, ps[:0], &sc)
				fresh[ix.units[u].pass].Add(f)
				if len(ps) > 0 {
					fn(w, u, ps)
				}
			}
		}()
	}
	wg.Wait()
	stats := slices.Clone(ix.stats)
	for p := range stats {
		stats[p].Comparisons = fresh[p].Load()
	}
	return stats
}

// Pairs calls emit with chunks of candidate pairs and the pass that found
// them, each pair once over all passes, and returns what each pass did. The
// chunks come in the same order on every run, whatever the number of cores;
// a chunk is reused after emit returns.
func (b *Blocker) Pairs(rs []*Prepared, emit func(pass int, ps []Pair)) []PassStats {
	w := runtime.GOMAXPROCS(0)
	return newBlockIndex(b, rs, w).emit(w, true, emit)
}
