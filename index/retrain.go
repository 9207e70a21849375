package index

import (
	"context"
	"sync"
	"time"

	"github.com/lastseen/lastseen/linkage"
)

// Retrainer trains the index's model again, in the background, as the
// records grow: a server that started with few records (the starting model,
// or a model trained on the first thousands) would otherwise keep that model
// until it restarts, while the data it scores grows tenfold. A model is due
// when the index holds at least MinTrain records and, if the model was
// trained, Growth times the records it held then. A model given by the
// operator (Options.Model, SetModel: `serve --model`) is never replaced.
//
// Training runs outside the index's lock (Index.Train): records arrive and
// are matched with the old model meanwhile, and the new one is swapped in at
// once. Records linked before the swap keep their links; the new model
// decides the records that arrive after it.
type Retrainer struct {
	Index *Index
	// MinTrain is the fewest records trained on; default 2,000 (as
	// LoadOptions).
	MinTrain int
	// Growth is the factor by which the records must have grown since the
	// last training; default 2. Training costs about as much as linking its
	// sample in batch, so retraining at each doubling costs in all at most
	// twice the last training.
	Growth float64
	// Sample bounds the records trained on, drawn evenly; default 200,000.
	Sample int
	// Workers is the cores training uses; default 1, leaving the others to
	// arrivals and requests.
	Workers int
	// Every is how often Run checks whether a model is due; default 1 min.
	Every time.Duration
	// Trained is called after each training with the new model's info, the
	// training report and how long it took; Error with what failed (the
	// next check tries again). Either may be nil.
	Trained func(ModelInfo, *linkage.TrainReport, time.Duration)
	Error   func(error)

	mu sync.Mutex // one Check at a time
}

func (r *Retrainer) defaults() (minTrain, sample, workers int, growth float64) {
	minTrain, sample, workers, growth = r.MinTrain, r.Sample, r.Workers, r.Growth
	if minTrain <= 0 {
		minTrain = 2000
	}
	if sample <= 0 {
		sample = 200_000
	}
	if workers <= 0 {
		workers = 1
	}
	if growth <= 1 {
		growth = 2
	}
	return
}

// Due reports whether the model should be trained again now.
func (r *Retrainer) Due() bool {
	minTrain, _, _, growth := r.defaults()
	info, n := r.Index.ModelInfo(), r.Index.Len()
	switch {
	case n < minTrain:
		return false
	case info.Source == ModelStarting:
		return true
	case info.Source == ModelTrained:
		return float64(n) >= growth*float64(info.Records)
	}
	return false // the operator's model
}

// Check trains a new model if one is due, and reports whether it did.
func (r *Retrainer) Check(ctx context.Context) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.Due() {
		return false, nil
	}
	_, sample, workers, _ := r.defaults()
	start := time.Now()
	rep, err := r.Index.train(ctx, sample, workers)
	if err != nil {
		return false, err
	}
	if r.Trained != nil {
		r.Trained(r.Index.ModelInfo(), rep, time.Since(start))
	}
	return true, nil
}

// Run checks every Every until ctx is done.
func (r *Retrainer) Run(ctx context.Context) {
	every := r.Every
	if every <= 0 {
		every = time.Minute
	}
	tick(ctx, every, func() error {
		_, err := r.Check(ctx)
		return err
	}, r.Error)
}
