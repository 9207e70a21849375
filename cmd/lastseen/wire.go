package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/sqldb"
)

// Incremental linking: serve and import match every record on arrival
// against an in-memory index of everything stored (package index). The index
// is rebuilt from the database at start, which also links the records a
// crash left unlinked between store and link.
//
// The model: --model FILE (saved by `lastseen link --save-model`); else one
// trained at start on the stored records when there are at least
// index.LoadOptions.MinTrain (2,000) of them; else the linkage package's
// starting values (linkage.NewModel), which are conservative: they link only
// pairs that agree on name and full birth date, and send the rest to review.
// serve and import then train the model again in the background, without
// holding up arrivals, once the records reach MinTrain and each time they
// have doubled since (index.Retrainer; logged, and shown in serve's /metrics
// as lastseen_linkage_model_trained_*); --model and --no-train keep the
// model.
//
// The thresholds default to batch's (linkage.DefaultBands: link at log2 odds
// 3, review from 0), with the same coherence checks and attach rule: see the
// index package doc for why the live system does not link more strictly.

// linkOptions are the flags of incremental linking.
type linkOptions struct {
	model        string
	link, review float64
	noTrain      bool
}

// addLinkFlags declares the linking flags on fs, with environment fallbacks.
func addLinkFlags(fs *flag.FlagSet) *linkOptions {
	def := linkage.DefaultBands()
	o := &linkOptions{}
	fs.StringVar(&o.model, "model", os.Getenv("LASTSEEN_MODEL"), "score with this saved linkage `model` (JSON from `lastseen link --save-model`) instead of training one at start (env LASTSEEN_MODEL)")
	fs.Float64Var(&o.link, "link-threshold", envFloat("LASTSEEN_LINK_THRESHOLD", def.Link),
		fmt.Sprintf("link a record to a person automatically when it scores at least this, in log2 odds (%.1f: probability %.2f) (env LASTSEEN_LINK_THRESHOLD)", def.Link, linkage.Probability(def.Link)))
	fs.Float64Var(&o.review, "review-threshold", envFloat("LASTSEEN_REVIEW_THRESHOLD", def.Review),
		fmt.Sprintf("below --link-threshold, queue the pair for a caseworker when it scores at least this, in log2 odds; a record whose best candidate person scores this, coheres with it and has no rival within %d of it joins it, with a trained model, as in lastseen link (%.1f: probability %.2f) (env LASTSEEN_REVIEW_THRESHOLD)", linkage.AttachMargin, def.Review, linkage.Probability(def.Review)))
	fs.BoolVar(&o.noTrain, "no-train", false, "without --model, use the linkage package's starting model instead of training one on the stored records (at start, and by serve as they grow)")
	return o
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}

// bands checks the thresholds.
func (o *linkOptions) bands() (linkage.Bands, error) {
	if o.review > o.link {
		return linkage.Bands{}, fmt.Errorf("--review-threshold %v is above --link-threshold %v", o.review, o.link)
	}
	return linkage.Bands{Link: o.link, Review: o.review}, nil
}

// openLinker builds the index from the database and links what a crash left
// unlinked. It logs what it did and how long it took.
func (o *linkOptions) openLinker(ctx context.Context, db *sqldb.DB, logger *slog.Logger) (*index.Linker, error) {
	b, err := o.bands()
	if err != nil {
		return nil, err
	}
	var model *linkage.Model
	if o.model != "" {
		f, err := os.Open(o.model)
		if err != nil {
			return nil, fmt.Errorf("--model: %w", err)
		}
		model, err = linkage.LoadModel(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("--model %s: %w", o.model, err)
		}
	}
	l := &index.Linker{
		Index:      index.New(index.Options{Model: model, Bands: &b}),
		Persons:    sqldb.NewPersonService(db),
		Reviews:    sqldb.NewReviewService(db),
		Judgements: sqldb.NewJudgementService(db),
	}
	start := time.Now()
	st, err := index.Load(ctx, l, sqldb.NewRecordService(db), index.LoadOptions{Train: model == nil && !o.noTrain})
	if err != nil {
		return nil, err
	}
	how := "starting model"
	switch {
	case model != nil:
		how = o.model
	case st.Trained != nil:
		how = fmt.Sprintf("trained at start (%.0f expected matches in %d blocked pairs)", st.Trained.Matches, st.Trained.BlockedPairs)
	}
	logger.Info("index built", "records", st.Records, "persons", st.Persons, "linked_at_start", st.Unlinked,
		"model", how, "link_threshold", b.Link, "review_threshold", b.Review, "took", time.Since(start).Round(time.Millisecond))
	return l, nil
}

// wireServe builds the index, makes the server link every record and
// inquiry on arrival and search the index, and keeps the index current with
// what other processes store, until ctx is done. Call it after the case
// services are set.
func (o *linkOptions) wireServe(ctx context.Context, db *sqldb.DB, s *lshttp.Server, logger *slog.Logger) error {
	l, err := o.openLinker(ctx, db, logger)
	if err != nil {
		return err
	}
	s.Linker = l
	s.PersonSearcher = l.Index
	if s.CaseService != nil {
		s.CaseService = &indexedCases{CaseService: s.CaseService, Index: l.Index, Persons: l.Persons}
	}
	if s.PersonService == nil {
		s.PersonService = l.Persons
	}
	f := &index.Follower{Linker: l, Store: sqldb.NewRecordService(db), Error: func(err error) {
		logger.Error("index", "err", err)
	}}
	go f.Run(ctx)
	s.MustRegister(modelMetrics(l.Index)...)
	if !o.noTrain {
		go o.retrainer(l.Index, logger).Run(ctx)
	}
	return nil
}

// retrainer trains the model again in the background each time the records
// have doubled since it was trained (index.Retrainer), so that a server that
// started small does not keep its first model until it restarts. A --model
// is never replaced.
func (o *linkOptions) retrainer(ix *index.Index, logger *slog.Logger) *index.Retrainer {
	return &index.Retrainer{
		Index: ix,
		Trained: func(info index.ModelInfo, rep *linkage.TrainReport, took time.Duration) {
			logger.Info("model retrained", "records", info.Records, "sample", info.Sample,
				"expected_matches", int64(rep.Matches), "blocked_pairs", rep.BlockedPairs, "took", took.Round(time.Millisecond))
		},
		Error: func(err error) { logger.Error("model retraining", "err", err) },
	}
}

// modelMetrics are the gauges GET /metrics shows of the index and the model
// it scores with.
func modelMetrics(ix *index.Index) []prometheus.Collector {
	gauge := func(name, help string, f func(index.ModelInfo) float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 { return f(ix.ModelInfo()) })
	}
	return []prometheus.Collector{
		gauge("lastseen_linkage_model_trained_timestamp_seconds",
			"When the linkage model was trained, in Unix seconds; 0 for the starting model or one given with --model.",
			func(i index.ModelInfo) float64 {
				if i.TrainedAt.IsZero() {
					return 0
				}
				return float64(i.TrainedAt.UnixNano()) / 1e9
			}),
		gauge("lastseen_linkage_model_trained_records", "Records in the index when the linkage model was trained.",
			func(i index.ModelInfo) float64 { return float64(i.Records) }),
		gauge("lastseen_linkage_model_trained_sample", "Records the linkage model was trained on (a sample of the index).",
			func(i index.ModelInfo) float64 { return float64(i.Sample) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lastseen_index_records", Help: "Records in the linkage index."},
			func() float64 { return float64(ix.Len()) }),
	}
}

// indexedCases tells the index of the records a caseworker's judgement
// moved (a merge, a split), so that the next record is matched against the
// persons as they are now.
type indexedCases struct {
	lastseen.CaseService
	Index   *index.Index
	Persons lastseen.PersonService
}

func (c *indexedCases) Judge(ctx context.Context, j *lastseen.Judgement) (*lastseen.JudgementOutcome, error) {
	out, err := c.CaseService.Judge(ctx, j)
	if err != nil || out == nil {
		return out, err
	}
	for _, pid := range []int64{out.PersonA, out.PersonB} {
		if pid == 0 {
			continue
		}
		p, err := c.Persons.FindPersonByID(ctx, pid)
		if err != nil {
			// the judgement stands; the linker checks a candidate's person
			// in the store before linking to it
			continue
		}
		for _, r := range p.Records {
			c.Index.SetPerson(r.ID, pid)
		}
	}
	return out, nil
}

// importRecords returns the RecordService an import stores through: each
// batch is linked as soon as it commits. The index is built first. Unless
// --model or --no-train, the model is trained again in the background as the
// records grow (as in serve), so that a large list imported into a small
// registry is not linked to its end with the model the registry started
// with. Close it when the import is done.
func (o *linkOptions) importRecords(ctx context.Context, db *sqldb.DB, stderr io.Writer) (*linkingRecords, error) {
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	l, err := o.openLinker(ctx, db, logger)
	if err != nil {
		return nil, err
	}
	s := &linkingRecords{RecordService: sqldb.NewRecordService(db), Linker: l, Warn: func(err error) {
		fmt.Fprintf(stderr, "warning: %v\n", err)
	}}
	if !o.noTrain {
		s.Retrain = o.retrainer(l.Index, logger)
	}
	return s, nil
}

// linkingRecords is a RecordService that matches each record on arrival,
// right after the transaction that stores it commits: what `lastseen import`
// stores through. A record stored but not linked (the linker failed, the
// process died) is linked at the next start, so a failure to link is
// reported, not returned: the records are stored, and saying otherwise would
// make the importer store them again.
type linkingRecords struct {
	lastseen.RecordService
	Linker *index.Linker
	Warn   func(error)
	// Retrain, when set, is checked after each imported batch; a model due
	// is trained in the background while the import goes on.
	Retrain *index.Retrainer

	training sync.WaitGroup
	busy     atomic.Bool
	cancel   context.CancelFunc
}

// retrain starts a training in the background if a model is due and none
// is under way.
func (s *linkingRecords) retrain() {
	if s.Retrain == nil || !s.Retrain.Due() || !s.busy.CompareAndSwap(false, true) {
		return
	}
	if s.cancel != nil {
		s.cancel() // the last training's, done
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.training.Add(1)
	go func() {
		defer s.training.Done()
		defer s.busy.Store(false)
		if _, err := s.Retrain.Check(ctx); err != nil && ctx.Err() == nil && s.Retrain.Error != nil {
			s.Retrain.Error(err)
		}
	}()
}

// Close stops a training under way (the import is done: its model would
// link nothing more) and waits for it.
func (s *linkingRecords) Close() {
	if s.cancel != nil {
		s.cancel()
	}
	s.training.Wait()
}

func (s *linkingRecords) CreateRecord(ctx context.Context, r *lastseen.Record) error {
	if err := s.RecordService.CreateRecord(ctx, r); err != nil {
		return err
	}
	if _, err := s.Linker.LinkRecord(ctx, r); err != nil && s.Warn != nil {
		s.Warn(fmt.Errorf("record %d stored, to be linked at the next start: %w", r.ID, err))
	}
	return nil
}

func (s *linkingRecords) ImportRecords(ctx context.Context, sourceID int64, rs []*lastseen.Record) (lastseen.ImportResult, error) {
	res, err := s.RecordService.ImportRecords(ctx, sourceID, rs)
	if err != nil {
		return res, err
	}
	stored := make([]*lastseen.Record, 0, res.Imported)
	for i, r := range rs {
		if i < len(res.IDs) && res.IDs[i] != 0 {
			r.ID = res.IDs[i]
			stored = append(stored, r)
		}
	}
	if _, err := s.Linker.LinkRecords(ctx, stored); err != nil && s.Warn != nil {
		s.Warn(fmt.Errorf("%d records stored, some to be linked at the next start: %w", len(stored), err))
	}
	s.retrain()
	return res, nil
}
