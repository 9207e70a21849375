package index_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
)

// TestRetrainer grows an index from the starting model: no training below
// MinTrain, a trained model once it is reached, none again until the
// records have doubled, and records keep arriving and being linked while a
// model trains.
func TestRetrainer(t *testing.T) {
	ctx := context.Background()
	recs, _ := synthRecords(t, 1500, 5)
	if len(recs) < 2400 {
		t.Fatalf("%d records generated, want at least 2,400", len(recs))
	}
	mem := newMem()
	l := &index.Linker{Index: index.New(index.Options{}), Persons: mem, Reviews: mem}
	var trained []index.ModelInfo
	r := &index.Retrainer{Index: l.Index, MinTrain: 1000, Trained: func(info index.ModelInfo, rep *linkage.TrainReport, took time.Duration) {
		trained = append(trained, info)
	}}
	next := 0
	link := func(to int) error {
		for ; next < to; next++ {
			if _, err := l.LinkRecord(ctx, recs[next]); err != nil {
				return err
			}
		}
		return nil
	}
	grow := func(t *testing.T, to int) {
		t.Helper()
		if err := link(to); err != nil {
			t.Fatal(err)
		}
	}
	check := func(t *testing.T, want bool) {
		t.Helper()
		before := l.Index.Model()
		did, err := r.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if did != want {
			t.Fatalf("trained %v at %d records (model %+v), want %v", did, l.Index.Len(), l.Index.ModelInfo(), want)
		}
		if swapped := l.Index.Model() != before; swapped != want {
			t.Fatalf("model swapped %v, want %v", swapped, want)
		}
	}

	t.Run("NotBelowMinTrain", func(t *testing.T) {
		grow(t, 900)
		check(t, false)
		if info := l.Index.ModelInfo(); info.Source != index.ModelStarting || !info.TrainedAt.IsZero() {
			t.Errorf("model %+v, want the starting model", info)
		}
	})
	t.Run("TrainedAtMinTrain", func(t *testing.T) {
		grow(t, 1100)
		check(t, true)
		info := l.Index.ModelInfo()
		if info.Source != index.ModelTrained || info.Records != 1100 || info.TrainedAt.IsZero() {
			t.Errorf("model %+v, want trained on 1,100 records", info)
		}
		if len(trained) != 1 || trained[0] != info {
			t.Errorf("Trained called with %+v, want once with %+v", trained, info)
		}
	})
	t.Run("NotBeforeDoubled", func(t *testing.T) {
		grow(t, 2100)
		check(t, false)
	})
	t.Run("TrainedWhileRecordsArrive", func(t *testing.T) {
		grow(t, 2200)
		var wg sync.WaitGroup
		wg.Add(1)
		var err error
		go func() { // arrivals go on during training (run with -race)
			defer wg.Done()
			err = link(2400)
		}()
		check(t, true)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		if info := l.Index.ModelInfo(); info.Records < 2200 {
			t.Errorf("model %+v, want trained on at least 2,200 records", info)
		}
		// the new model decides what arrives next
		d, err := l.LinkRecord(ctx, recs[next])
		if err != nil {
			t.Fatal(err)
		}
		if d.RecordID != recs[next].ID {
			t.Errorf("decision %+v for record %d", d, recs[next].ID)
		}
	})
	t.Run("GivenModelKept", func(t *testing.T) {
		ix := index.New(index.Options{Model: linkage.NewModel()})
		for i, rec := range recs[:1100] {
			ix.Insert(ix.Prepare(rec), int64(i+1))
		}
		if did, err := (&index.Retrainer{Index: ix, MinTrain: 1000}).Check(ctx); err != nil || did {
			t.Fatalf("trained %v (%v), want the operator's model kept", did, err)
		}
	})
}
