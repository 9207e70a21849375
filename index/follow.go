package index

import (
	"context"
	"fmt"
	"time"

	"github.com/lastseen/lastseen"
)

// Follower keeps an index current with records that another process stored
// (a `lastseen import` beside `lastseen serve`, another server node): every
// Every it reads the records stored since its last poll (since the load, the
// first time). A record another
// process has linked joins the index with its person. An unlinked one is left
// to the process that stored it, which links it right after its batch
// commits; if it is still unlinked after Grace (that process died), the
// follower links it, so that nothing acknowledged stays unlinked.
type Follower struct {
	Linker *Linker
	Store  RecordWalker
	Every  time.Duration // default 5s
	Grace  time.Duration // default 1m
	// Error is called with what a poll could not do; the next poll tries
	// again. nil ignores errors.
	Error func(error)

	afterID int64
	started bool
	pending map[int64]time.Time // unlinked record → first seen
}

// Run polls until ctx is done.
func (f *Follower) Run(ctx context.Context) {
	every := f.Every
	if every <= 0 {
		every = 5 * time.Second
	}
	tick(ctx, every, func() error { return f.Poll(ctx, time.Now()) }, f.Error)
}

// tick calls do every interval until ctx is done, and passes what it fails
// with to onErr (nil ignores errors) unless ctx is done: the next call tries
// again. Follower and Retrainer run by it.
func tick(ctx context.Context, every time.Duration, do func() error, onErr func(error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := do(); err != nil && onErr != nil && ctx.Err() == nil {
				onErr(err)
			}
		}
	}
}

// Poll links again the records this process failed to link, reads what was
// stored since the last poll, and links the records left unlinked for longer
// than Grace at now.
func (f *Follower) Poll(ctx context.Context, now time.Time) error {
	ix := f.Linker.Index
	if err := f.Linker.Retry(ctx); err != nil {
		return fmt.Errorf("follow the store: link again: %w", err)
	}
	if f.pending == nil {
		f.pending = map[int64]time.Time{}
	}
	// from where the index was loaded; later on, the records this process
	// added itself come by again and are skipped, since another process's
	// record may have an id below them
	if !f.started {
		f.afterID, f.started = ix.MaxID(), true
	}
	var linked []*lastseen.Record
	err := f.Store.EachRecord(ctx, lastseen.RecordFilter{AfterID: f.afterID}, func(r *lastseen.Record) error {
		f.afterID = max(f.afterID, r.ID)
		if r.PersonID == 0 {
			if _, ok := f.pending[r.ID]; !ok {
				f.pending[r.ID] = now
			}
			return nil
		}
		linked = append(linked, r)
		return nil
	})
	if err != nil {
		return fmt.Errorf("follow the store: %w", err)
	}
	var fresh []*lastseen.Record
	for _, r := range linked {
		if _, ok := ix.PersonOf(r.ID); !ok {
			fresh = append(fresh, r)
		}
	}
	for _, p := range prepareAll(ix, fresh) {
		ix.Add(p)
	}
	if len(f.pending) == 0 {
		return nil
	}
	grace := f.Grace
	if grace <= 0 {
		grace = time.Minute
	}
	var ids []int64
	for id := range f.pending {
		ids = append(ids, id)
	}
	var due []*lastseen.Record
	err = f.Store.EachRecord(ctx, lastseen.RecordFilter{IDs: ids}, func(r *lastseen.Record) error {
		switch {
		case r.PersonID != 0: // its process linked it
			delete(f.pending, r.ID)
			ix.Add(ix.Prepare(r))
		case now.Sub(f.pending[r.ID]) >= grace:
			due = append(due, r)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("follow the store: %w", err)
	}
	for _, r := range due {
		if _, err := f.Linker.LinkRecord(ctx, r); err != nil {
			return fmt.Errorf("follow the store: %w", err)
		}
		delete(f.pending, r.ID)
	}
	return nil
}
