package index

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// RecordWalker streams every stored record in id order with its current
// person (sqldb.RecordService.EachRecord).
type RecordWalker interface {
	EachRecord(ctx context.Context, f lastseen.RecordFilter, fn func(*lastseen.Record) error) error
}

// LoadStats says what Load did.
type LoadStats struct {
	Records  int // records read
	Unlinked int // records that had no person: linked by Load
	Persons  int
	// Trained is set when the model was trained on the stored records.
	Trained *linkage.TrainReport
}

// LoadOptions say whether Load trains the model on the stored records.
type LoadOptions struct {
	// Train, when set, replaces the index's model by one trained on the
	// stored records if there are at least MinTrain of them (default 2000):
	// fewer hold too few duplicate pairs for EM to learn from, and the
	// linkage package's starting values serve better.
	Train    bool
	MinTrain int
	// TrainSample bounds the records training looks at, drawn evenly over
	// the store; default 200,000.
	TrainSample int
}

// Load fills an empty index from the store, trains the model if asked, then
// links every record that was stored but not linked (a crash between the
// two): nothing acknowledged is ever left unlinked. Records are prepared on
// every core, in batches.
func Load(ctx context.Context, l *Linker, w RecordWalker, opt LoadOptions) (LoadStats, error) {
	var st LoadStats
	var unlinked []*lastseen.Record
	batch := make([]*lastseen.Record, 0, loadBatch)
	flush := func() {
		for _, p := range prepareAll(l.Index, batch) {
			l.Index.Add(p)
		}
		batch = batch[:0]
	}
	err := w.EachRecord(ctx, lastseen.RecordFilter{}, func(r *lastseen.Record) error {
		st.Records++
		if r.PersonID == 0 {
			unlinked = append(unlinked, r)
			return nil
		}
		batch = append(batch, r)
		if len(batch) == cap(batch) {
			flush()
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("load index: %w", err)
	}
	flush()
	l.Index.Finalize()
	if opt.Train {
		if opt.MinTrain <= 0 {
			opt.MinTrain = 2000
		}
		if opt.TrainSample <= 0 {
			opt.TrainSample = 200_000
		}
		if l.Index.Len() >= opt.MinTrain {
			rep, err := l.Index.Train(ctx, opt.TrainSample)
			if err != nil {
				return st, fmt.Errorf("load index: %w", err)
			}
			st.Trained = rep
		}
	}
	st.Unlinked = len(unlinked)
	if _, err := l.LinkRecords(ctx, unlinked); err != nil {
		return st, fmt.Errorf("load index: link records left unlinked: %w", err)
	}
	st.Persons = l.Index.Persons()
	return st, nil
}

const loadBatch = 4096

// prepareAll prepares records on every core, keeping their order.
func prepareAll(ix *Index, rs []*lastseen.Record) []Prepared {
	out := make([]Prepared, len(rs))
	workers := runtime.GOMAXPROCS(0)
	if len(rs) < 64 {
		workers = 1
	}
	var wg sync.WaitGroup
	step := (len(rs) + workers - 1) / max(workers, 1)
	for lo := 0; lo < len(rs); lo += step {
		hi := min(lo+step, len(rs))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] = ix.Prepare(rs[i])
			}
		}()
	}
	wg.Wait()
	return out
}
