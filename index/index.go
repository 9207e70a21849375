// Package index is the in-memory candidate index of the incremental linker
// and of search. It holds, for every stored record, its prepared comparison
// form (package linkage), its prepared name (package names) and the person it
// is linked to, with two sets of posting lists: the linkage blocking keys
// (record → candidate records) and the names blocking keys (a search query →
// records → persons).
//
// Nothing in it is authoritative: it is rebuilt from the database at start
// (Load) and kept current as records arrive (Linker). It knows nothing of SQL
// or HTTP; it talks to storage only through the domain's service interfaces.
//
// Concurrency: an Index is safe for concurrent use. Reads (Search, Match)
// take a read lock; Add and SetPerson take the write lock for the few
// microseconds of an insertion. The decision to link a record and the link
// itself are serialised by the Linker, so two records arriving together
// cannot both miss each other. A model is trained (Train, Retrainer) outside
// the lock, on a copy of a sample, and swapped in under the write lock; every
// record's term frequencies are then set again for it, a chunk of records
// under the lock at a time.
//
// Decisions follow batch clustering (linkage.Cluster) with the same model
// and bands, one record at a time, so that `serve` and `import` link as
// `lastseen link` would (BenchmarkIncrementalQuality measures both on the
// same records):
//
//   - Link: the best person whose best pair reaches the link threshold and
//     with which the record coheres (the mean of its scores against the
//     person's records reaches the review threshold, none is below −20, as
//     linkage.DefaultClusterOptions, and the contradiction vote does not
//     refuse it: linkage.Vote, which batch clustering counts too), and that
//     no judgement or hard evidence (linkage.Conflict) forbids.
//   - Attach: below the link band, a record joins its best candidate
//     person when that pair reaches the review threshold, it coheres, and
//     no other person is a rival, as batch's attach step judges it
//     (linkage.Cluster): a person whose best pair scores 3 bits or more
//     below the best is no rival (a namesake born fifteen years earlier),
//     more than four within 3 bits are a common name, and rivals that
//     cohere with the best and with each other are one man's records in
//     fragments, not namesakes. Only with a model trained or given (see
//     attachFloor): not with the starting model's size prior.
//   - Review: every other person with a pair in the review band or above
//     gets a review item (record, that person's best record), the pairs at
//     or above the link threshold first.
//   - New person otherwise.
//
// The second look (Revisit, Linker): batch sees the whole list, the Linker
// decides in arrival order, and a record attached or linked early would
// never be revisited when a better person turned up. After each arrival
// the Linker looks again at what the arrival changed:
//
//   - Merge: a person the record links to strongly (a pair in the link
//     band) that coheres with the record's person as a whole, as batch
//     clustering checks a merge, is the same person: batch would have
//     merged the two clusters. The person with fewer records moves.
//   - Move: a record held in its person by weaker evidence than its pair
//     with the arriving record (its best pair with the person's other
//     records scores lower, or below the link threshold: an attachment)
//     that, decided again as if it arrived now, would join the record's
//     person, moves there: the record that said little and joined the one
//     namesake the registry knew, before the man it describes turned up.
//     Batch, which merges the strongest pairs first, would have put it
//     with the arriving record before weighing the weaker pair.
//
// Each is made in one store transaction of automatic links that end the
// old ones (the store keeps both: the records' link history and the audit
// trail show every move), and the pair that made it is queued for review
// (for a record that moves, the pair it left too), a merge at the link
// band's priority. A caseworker's "not same" on that
// pair undoes it (CaseService.Judge: the records go back to the person they
// came from). The second look touches nothing a caseworker has: no record
// of two persons one of whose records is named in any judgement or was
// linked by a caseworker, or whose status a caseworker verified (a
// verification is a caseworker's word on the person as it stood); it asks
// the store, not the index, and leaves alone a person the index has not
// caught up with. No death reaches a family by it: a record moved into a
// person whose death a caseworker verified was linked after the
// verification, so the family is told nothing (lastseen.TellableTo), and an
// unverified death is told to no family at all. Nothing of it lives only in
// the index: the moves are links in the store, and an index rebuilt from it
// (Load) holds the same persons. Only with a trained or given model, as the
// attach rule. It brought the Linker level with batch (docs/BENCHMARKS.md,
// "Incremental against batch").
//
// Scores are batch's too: with a trained or given model, term frequencies
// leave out the person's own records (linkage.Model.Duplication), and they
// are set again for every record when the model changes.
//
// Thresholds: the defaults are batch's (linkage.DefaultBands: link at log2
// odds 3, review from 0), with the coherence checks above. A stricter link
// threshold for the live system (6.6, probability 0.99, the earlier
// default) was measured and not kept: with the attach rule a record with one
// candidate person joins it whatever the link threshold, so the threshold
// only decides between competing persons, and at 6.6 it bought 1.5 points of
// precision for 4 of recall at 10,000 records, 2 for 8 at 100,000
// (docs/BENCHMARKS.md). The harm a false link can
// do most, telling a family of a death, is prevented elsewhere and whatever
// the threshold: an unverified death reaches no family (lastseen.Redact,
// Tellable). The operator sets other thresholds with --link-threshold and
// --review-threshold.
//
// The prior: a pair's score is the log2 odds that the two records describe the
// same person, and starts from a prior. The starting model's prior
// (linkage.NewModel, 1e-4) is a batch figure for a registry of about 10,000
// records. In incremental matching the question is different: what are the
// odds, before looking at any field, that a new record describes one
// particular indexed person? About r/N, with N the persons indexed and r the
// share of arriving records that describe someone already indexed (taken as
// 1: the generous end; the link band still asks for field evidence). While
// the index scores with the starting model it replaces that model's prior by
// log2(r/N), N clamped to [minPriorPersons, maxPriorPersons] (1,000 to
// 10,000): a fresh server would otherwise drop a comrade's report on the one
// person a mother asked about. Above 10,000 persons the starting model's
// prior stands (its untrained weights were set against it; a registry that
// large trains its own model at start). A trained (Train) or given
// (Options.Model, SetModel) model keeps its own prior. Match, Explain, Prior
// and the Linker's decisions all use the same adjusted score.
package index

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/names"
)

// Options configure an Index.
type Options struct {
	// Model scores candidate pairs; nil: linkage.NewModel() (the linkage
	// package's starting values, untrained), scored with a prior that
	// follows the number of persons indexed (see the package doc).
	Model *linkage.Model
	// Bands are the link and review thresholds in log2 odds; the zero value
	// takes linkage.DefaultBands().
	Bands *linkage.Bands
	// MaxBlock bounds the candidates taken from one blocking key: a key
	// shared by more records (a common name and year) contributes its
	// MaxBlock most recent records only, as the other passes, which are
	// narrower, still find the pair. Default 500.
	MaxBlock int
	// MaxSearch bounds the records scored for one search key; default 20000.
	MaxSearch int
}

// Index is the in-memory candidate index. The zero value is not usable: call
// New.
type Index struct {
	mu       sync.RWMutex
	prep     *linkage.Preparer
	blocker  *linkage.Blocker
	model    *linkage.Model
	bands    linkage.Bands
	maxBlock int
	maxSrch  int

	recs    []*entry             // by slot, in insertion order
	slot    map[int64]int32      // record id → slot
	blocks  []map[uint64][]int32 // per blocking pass: key → slots
	persons map[int64][]int32    // person id → slots of its current records
	keys    map[string][]int32   // names blocking key → slots, for search
	maxID   int64                // the highest record id added
	names   map[nameKey]*names.Name
	// info says where model came from; while it is the starting model,
	// scores take the prior from the index size (sizePrior, priorShift),
	// not from the model: a trained or given prior is the data's own.
	info ModelInfo

	// trainMu lets one training run at a time; it is not held with mu
	// beyond the swap, so arrivals are matched while a model trains.
	trainMu sync.Mutex
}

// ModelInfo says where the index's model came from.
type ModelInfo struct {
	// Source is "starting" (linkage.NewModel, scored with the size prior),
	// "given" (Options.Model, SetModel) or "trained" (Train).
	Source string
	// TrainedAt is when the model was trained (zero unless trained);
	// Records the records the index held then, Sample those it was
	// trained on.
	TrainedAt time.Time
	Records   int
	Sample    int
}

// Model sources (ModelInfo.Source).
const (
	ModelStarting = "starting"
	ModelGiven    = "given"
	ModelTrained  = "trained"
)

// entry is one record as the index knows it.
type entry struct {
	id     int64
	person int64
	ext    string
	p      *linkage.Prepared
	name   *names.Name // shared by every record with the same name (Add interns it)
	birth  lastseen.PartialDate
	place  string // birth place, folded for search (foldPlace)
	// keys are the record's linkage blocking keys, every key of every
	// pass it takes part in (Blocker.AllKeys, each once), and kpass the
	// pass of each: a pass of several keys a record (a pet name's every
	// reading, a family name's one-letter deletions) puts it under each.
	keys  []uint64
	kpass []uint8
}

// New returns an empty index.
func New(opt Options) *Index {
	ix := &Index{
		prep:     linkage.NewPreparer(0),
		blocker:  linkage.NewBlocker(),
		model:    opt.Model,
		bands:    linkage.DefaultBands(),
		maxBlock: opt.MaxBlock,
		maxSrch:  opt.MaxSearch,
		slot:     map[int64]int32{},
		persons:  map[int64][]int32{},
		keys:     map[string][]int32{},
		names:    map[nameKey]*names.Name{},
	}
	ix.info.Source = ModelGiven
	if ix.model == nil {
		ix.model = linkage.NewModel()
		ix.info.Source = ModelStarting
	}
	if opt.Bands != nil {
		ix.bands = *opt.Bands
	}
	if ix.maxBlock <= 0 {
		ix.maxBlock = 500
	}
	if ix.maxSrch <= 0 {
		ix.maxSrch = 20000
	}
	ix.blocks = make([]map[uint64][]int32, len(ix.blocker.Passes))
	for i := range ix.blocks {
		ix.blocks[i] = map[uint64][]int32{}
	}
	return ix
}

// Model returns the model the index scores with.
func (ix *Index) Model() *linkage.Model {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.model
}

// Bands returns the decision thresholds.
func (ix *Index) Bands() linkage.Bands { return ix.bands }

// Len returns the number of records in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.recs)
}

// Prepared is a record made ready for the index, outside its lock:
// preparation is the costly part of an insertion and runs on every core.
type Prepared struct {
	e *entry
}

// Prepare computes what the index needs of r. It does not change the index
// except for the term-frequency counts the linkage preparer keeps.
func (ix *Index) Prepare(r *lastseen.Record) Prepared {
	e := &entry{id: r.ID, person: r.PersonID, ext: r.ExternalID, birth: r.BirthDate}
	n := names.Prepare(r.GivenName, r.Patronymic, r.FamilyName, r.FullName)
	e.p = ix.prep.PrepareName("", r, &n, nil)
	e.p.ID = r.ID
	e.name = &n
	e.keys, e.kpass = blockKeys(ix.blocker, e.p)
	e.place = foldPlace(r.BirthPlace)
	return Prepared{e}
}

// Add puts a prepared record into the index, linked to r.PersonID as it was
// when prepared (0: not linked yet). Adding a record already present replaces
// nothing and returns false.
func (ix *Index) Add(p Prepared) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.add(p.e)
}

func (ix *Index) add(e *entry) bool {
	if _, ok := ix.slot[e.id]; ok && e.id != 0 {
		return false
	}
	s := int32(len(ix.recs))
	ix.recs = append(ix.recs, e)
	ix.maxID = max(ix.maxID, e.id)
	if e.id != 0 {
		ix.slot[e.id] = s
	}
	for j, k := range e.keys {
		i := e.kpass[j]
		ix.blocks[i][k] = append(ix.blocks[i][k], s)
	}
	if e.person != 0 {
		ix.persons[e.person] = append(ix.persons[e.person], s)
	}
	switch {
	case len(ix.recs) == MinTF:
		ix.finalize()
	case len(ix.recs) > MinTF:
		// a record that was not matched first (Follower, Add after Load)
		// has counts but no frequencies yet
		ix.prep.Refresh(e.p)
		ix.setFrequencies(e.p)
	}
	e.name = ix.internName(e.name)
	for _, k := range searchKeys(e.name) {
		ix.keys[k] = append(ix.keys[k], s)
	}
	return true
}

// blockKeys returns p's blocking keys in every pass and the pass of each,
// with no key twice in one pass (add appends a slot once a key, and a
// rollback trims it once).
func blockKeys(b *linkage.Blocker, p *linkage.Prepared) ([]uint64, []uint8) {
	var buf [64]uint64
	ks := buf[:0]
	var ps [64]uint8
	pass := ps[:0]
	for i := range b.Passes {
		n := len(ks)
		ks = b.AllKeys(ks, i, p)
		own := ks[n:]
		slices.Sort(own)
		own = slices.Compact(own)
		if len(own) > 0 && own[0] == 0 {
			own = own[1:] // 0: no part in the pass
			copy(ks[n:], own)
		}
		ks = ks[:n+len(own)]
		for range own {
			pass = append(pass, uint8(i))
		}
	}
	return slices.Clone(ks), slices.Clone(pass)
}

// nameKey identifies a prepared name: the parts it was read into, and how
// sure the reading was (which decides whether a search tries it swapped).
type nameKey struct {
	given, patronymic, family string
	initials                  uint8
	confident                 bool
}

// internName returns the index's copy of an equal name, keeping n if it is
// the first: a common name is stored once, and a search scores it once.
func (ix *Index) internName(n *names.Name) *names.Name {
	k := nameKey{given: n.Given, patronymic: n.Patronymic, family: n.Family, confident: n.Confidence >= 0.8}
	if n.GivenInitial {
		k.initials |= 1
	}
	if n.PatronymicInitial {
		k.initials |= 2
	}
	if c, ok := ix.names[k]; ok {
		return c
	}
	ix.names[k] = n
	return n
}

// Finalize sets every record's term frequencies from the counts of all the
// records added so far: Load calls it once the database is read, so that the
// first records loaded do not keep the frequencies of a nearly empty index.
func (ix *Index) Finalize() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(ix.recs) >= MinTF {
		ix.finalize()
	}
}

// MinTF is the number of records from which scores are adjusted by the
// frequency of the values (a match on Иванов is worth less than one on
// Гнатюк). In a smaller index the frequencies are noise: in a new database
// whose first two records are one man's, his name is 100% of the names and
// would count against the match.
const MinTF = 1000

func (ix *Index) finalize() {
	ps := make([]*linkage.Prepared, len(ix.recs))
	for i, e := range ix.recs {
		ps[i] = e.p
	}
	ix.prep.Finalize(ps)
	ix.setFrequencies(ps...)
}

// setFrequencies sets the records' term frequencies as the model counts
// them: leaving out the person's own records (linkage.Model.Duplication), as
// batch does. The preparer counts each person once; the starting model does
// too. The caller holds the write lock, or owns the records.
func (ix *Index) setFrequencies(ps ...*linkage.Prepared) {
	if len(ix.recs) >= MinTF && ix.model.Duplication > 1 {
		ix.model.SetFrequencies(ps, ix.prep.N())
	}
}

// refreshAll sets every record's term frequencies for a new model, taking
// the write lock for refreshChunk records at a time: arrivals wait for one
// chunk, not for the whole index. Until it is done, a pair may be scored
// with one record's old frequencies — the commoner of the two counts, as it
// did before the swap. The caller does not hold the lock.
func (ix *Index) refreshAll() {
	for lo := 0; ; lo += refreshChunk {
		ix.mu.Lock()
		n := len(ix.recs)
		if lo >= n || n < MinTF {
			ix.mu.Unlock()
			return
		}
		hi := min(lo+refreshChunk, n)
		ps := make([]*linkage.Prepared, 0, hi-lo)
		for _, e := range ix.recs[lo:hi] {
			ps = append(ps, e.p)
		}
		ix.prep.Finalize(ps)
		ix.setFrequencies(ps...)
		ix.mu.Unlock()
	}
}

// refreshChunk is how many records refreshAll refreshes under one lock.
const refreshChunk = 8192

// PersonOf returns the person a record is linked to as the index knows it,
// and whether the record is in the index.
func (ix *Index) PersonOf(recordID int64) (int64, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s, ok := ix.slot[recordID]
	if !ok {
		return 0, false
	}
	return ix.recs[s].person, true
}

// SetPerson records that a record is now linked to another person: the
// Linker calls it after each link, and whoever merges or splits persons
// (a caseworker's judgement) should call it for every record that moved.
// Unknown records are ignored.
func (ix *Index) SetPerson(recordID, personID int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot[recordID]; ok {
		ix.setPerson(s, personID)
	}
}

func (ix *Index) setPerson(s int32, personID int64) {
	e := ix.recs[s]
	if e.person == personID {
		return
	}
	if e.person != 0 {
		l := ix.persons[e.person]
		if i := slices.Index(l, s); i >= 0 {
			l = slices.Delete(l, i, i+1)
		}
		if len(l) == 0 {
			delete(ix.persons, e.person)
		} else {
			ix.persons[e.person] = l
		}
	}
	e.person = personID
	if personID != 0 {
		ix.persons[personID] = append(ix.persons[personID], s)
	}
}

// MaxID returns the highest record id in the index: Follow reads the store
// from there.
func (ix *Index) MaxID() int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.maxID
}

// Persons returns the number of persons that have records in the index.
func (ix *Index) Persons() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.persons)
}

// Train replaces the model by one trained on at most sample records of the
// index, drawn evenly: u from random pairs, m and the prior by EM over the
// blocked pairs (linkage.Link), on every core. Records added later are scored
// with it.
func (ix *Index) Train(ctx context.Context, sample int) (*linkage.TrainReport, error) {
	return ix.train(ctx, sample, 0)
}

// train is Train on workers cores (0: all). The index is locked only to
// copy the sample and to swap the model: records arrive and are matched
// with the old model while the new one trains. The sample is copied because
// linkage.Link sets its records' term frequencies, from the sample's size,
// while Match reads the index's own.
func (ix *Index) train(ctx context.Context, sample, workers int) (*linkage.TrainReport, error) {
	ix.trainMu.Lock()
	defer ix.trainMu.Unlock()
	ix.mu.RLock()
	n := len(ix.recs)
	step := max(1, n/max(sample, 1))
	rs := make([]*linkage.Prepared, 0, n/step+1)
	for i := 0; i < n; i += step {
		c := *ix.recs[i].p
		rs = append(rs, &c)
	}
	ix.mu.RUnlock()
	if len(rs) < 2 {
		return nil, fmt.Errorf("train: %d records, need at least 2", len(rs))
	}
	res, err := linkage.Link(ctx, rs, linkage.Options{Bands: ix.bands, Train: linkage.TrainOptions{Seed: 1}, Workers: workers})
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	ix.mu.Lock()
	ix.model = res.Model
	ix.info = ModelInfo{Source: ModelTrained, TrainedAt: time.Now(), Records: n, Sample: len(rs)}
	ix.mu.Unlock()
	ix.refreshAll()
	return res.Train, nil
}

// SetModel replaces the model records are scored with; its prior is used as
// it is.
func (ix *Index) SetModel(m *linkage.Model) {
	ix.mu.Lock()
	ix.model = m
	ix.info = ModelInfo{Source: ModelGiven}
	ix.mu.Unlock()
	ix.refreshAll()
}

// sizePrior reports whether the index scores with the starting model and
// so takes the prior from its size (priorShift). The caller holds the lock.
func (ix *Index) sizePrior() bool { return ix.info.Source == ModelStarting }

// ModelInfo says where the model the index scores with came from.
func (ix *Index) ModelInfo() ModelInfo {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.info
}
