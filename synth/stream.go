package synth

import (
	"runtime"
	"strconv"
	"sync"
)

// population walks the clusters in order and hands out persons with their
// truth ids, for People and Queries. Generate's workers make the same
// clusters from the same per-cluster streams, and give the same ids.
type population struct {
	cfg    Config
	cl     cluster
	ci     uint64 // next cluster index
	nextID int64
	left   int
}

func newPopulation(cfg Config) *population {
	p := &population{cfg: cfg, nextID: 1, left: cfg.People}
	p.cl.cfg = &p.cfg
	return p
}

// next fills the next cluster; it returns the members (truncated to the
// persons left) and the truth id of the first one.
func (p *population) next() ([]person, int64) {
	if p.left <= 0 {
		return nil, 0
	}
	r := newRNG(p.cfg.Seed, 1, p.ci)
	p.cl.generate(&r)
	p.ci++
	m := p.cl.members
	if len(m) > p.left {
		m = m[:p.left]
	}
	first := p.nextID
	p.nextID += int64(len(m))
	p.left -= len(m)
	return m, first
}

// People streams the ground truth: every generated person, in truth id order.
// The Person passed to emit is reused after emit returns.
func People(cfg Config, emit func(*Person) error) error {
	cfg.fill()
	if err := cfg.validate(); err != nil {
		return err
	}
	pop := newPopulation(cfg)
	var out Person
	for {
		m, first := pop.next()
		if m == nil {
			return nil
		}
		for i := range m {
			out = exportedMember(m, i, first)
			if err := emit(&out); err != nil {
				return err
			}
		}
	}
}

func exportedMember(m []person, i int, first int64) Person {
	var group, father int64
	if m[i].rel != RelNone && len(m) > 1 {
		group = first
	}
	if m[i].fatherAt >= 0 && m[i].fatherAt < len(m) {
		father = first + int64(m[i].fatherAt)
	}
	return m[i].exported(first+int64(i), group, father)
}

// Generate streams the records of a population to emit, shuffled within a
// window, with record ids in output order. The Record passed to emit is
// reused after emit returns; emit is called from the caller's goroutine. An
// error from emit stops generation and is returned.
//
// Records are rendered by one worker per CPU; the output does not depend on
// their number or their timing. Rows are broken (BrokenRate) as they leave
// the window, by their record number: see brokenRow.
func Generate(cfg Config, emit func(*Record) error) error {
	var idb []byte
	return stream(cfg, false,
		func(d *slot, bt *batch, i int, truth int64) {
			d.rec = bt.recs[i]
			d.rec.TruthID = truth
			d.hint = bt.hints[i]
		},
		func(d *slot, id int64) error {
			idb = appendRecordID(idb[:0], id)
			d.rec.ID = string(idb)
			if brokenRow(id, cfg.BrokenRate) {
				breakRecord(cfg.Seed, id, &d.rec, d.hint)
			}
			return emit(&d.rec)
		})
}

// slot is a record in Generate's shuffle window.
type slot struct {
	rec  Record
	hint breakHint
}

// line is a record already encoded as CSV, without its record_id and
// truth_id, which are known only when it leaves the shuffle window.
type line struct {
	body  []byte
	truth int64
	hint  breakHint
}

// stream runs the workers and the shuffle window. put fills a window slot
// from record i of a batch; out emits a slot with its record number. With
// lines, the workers also encode every record as CSV (batch.body), so that
// writing a file costs the caller's goroutine almost nothing.
func stream[T any](cfg Config, lines bool, put func(dst *T, bt *batch, i int, truth int64), out func(*T, int64) error) error {
	cfg.fill()
	if err := cfg.validate(); err != nil {
		return err
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	chans := make([]chan *batch, workers)
	free := make(chan *batch, 4*workers)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := range workers {
		chans[w] = make(chan *batch, 2)
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := &generator{cfg: cfg, lines: lines}
			for b := w; ; b += workers {
				var bt *batch
				select {
				case bt = <-free:
				default:
					bt = new(batch)
				}
				g.fill(bt, uint64(b))
				select {
				case chans[w] <- bt:
				case <-done:
					return
				}
			}
		}()
	}
	defer func() {
		close(done)
		wg.Wait()
	}()

	win := make([]T, 0, min(cfg.ShuffleWindow, 1<<20))
	sr := newRNG(cfg.Seed, 3)
	var emitted int64
	left, produced := cfg.People, 0
	base := int64(1)
	for b := 0; left > 0; b++ {
		bt := <-chans[b%workers]
		for i := range bt.recs {
			local := bt.recs[i].TruthID
			if local >= int64(left) || cfg.Records > 0 && produced >= cfg.Records {
				left = 0
				break
			}
			produced++
			if len(win) < cap(win) {
				var zero T
				win = append(win, zero)
				put(&win[len(win)-1], bt, i, base+local)
				continue
			}
			j := sr.intn(len(win))
			emitted++
			if err := out(&win[j], emitted); err != nil {
				return err
			}
			put(&win[j], bt, i, base+local)
		}
		base += int64(bt.persons)
		left -= bt.persons
		select {
		case free <- bt:
		default:
		}
	}
	for i := len(win) - 1; i > 0; i-- {
		j := sr.intn(i + 1)
		win[i], win[j] = win[j], win[i]
	}
	for i := range win {
		emitted++
		if err := out(&win[i], emitted); err != nil {
			return err
		}
	}
	return nil
}

// clustersPerBatch is the unit of work of a worker.
const clustersPerBatch = 256

// A batch holds the records of consecutive clusters, in cluster, member and
// source order. TruthID holds the person's index within the batch until the
// consumer makes it global. With lines, body holds the records' CSV columns
// from given_name to source, record i ending at ends[i]. hints[i] is what
// breaking record i would need.
type batch struct {
	recs    []Record
	hints   []breakHint
	body    []byte
	ends    []int
	persons int
	cl      cluster
}

func (g *generator) fill(bt *batch, b uint64) {
	bt.recs = bt.recs[:0]
	bt.hints = bt.hints[:0]
	bt.body = bt.body[:0]
	bt.ends = bt.ends[:0]
	bt.persons = 0
	bt.cl.cfg = &g.cfg
	for c := b * clustersPerBatch; c < (b+1)*clustersPerBatch; c++ {
		r := newRNG(g.cfg.Seed, 1, c)
		bt.cl.generate(&r)
		for i := range bt.cl.members {
			p := &bt.cl.members[i]
			srcs := g.pickSources(p, c, i)
			for k := 0; k < p.records; k++ {
				rr := newRNG(g.cfg.Seed, 2, c, uint64(i), uint64(k))
				bt.recs = append(bt.recs, Record{})
				rec := &bt.recs[len(bt.recs)-1]
				g.render(&rr, p, int64(bt.persons), srcs[k], rec)
				bt.hints = append(bt.hints, hintOf(&sources[srcs[k]], p))
				if g.lines {
					bt.body = appendBody(bt.body, rec)
					bt.ends = append(bt.ends, len(bt.body))
				}
			}
			bt.persons++
		}
	}
}

// appendRecordID writes r000000001 and so on: nine digits, more if needed.
func appendRecordID(dst []byte, n int64) []byte {
	dst = append(dst, 'r')
	for d := int64(100000000); d > 1 && n < d; d /= 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, n, 10)
}
