package index

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// Linker is the incremental linker (lastseen.Linker): it matches each stored
// record on arrival against the index and acts through the domain services —
// links it to a person, or starts a new person, and queues review items for
// the pairs a caseworker must decide.
//
// Decisions and links are serialised: a record is decided and added to the
// index before the next one is decided, so two records of one person
// arriving together find each other. LinkRecord links each record before the
// next; LinkRecords links a batch's records together once all are decided
// (batch.go), and on failure takes them out of the index again.
type Linker struct {
	Index   *Index
	Persons lastseen.PersonService
	// Reviews receives review items; nil drops them (a command-line batch
	// that only links).
	Reviews lastseen.ReviewService
	// Judgements are read for each record, so that automatic linking never
	// crosses a caseworker's "not same" and never splits a "same". nil: no
	// judgements exist (tests, benchmarks).
	Judgements lastseen.JudgementService
	// MaxReview bounds the review items queued for one record (the best
	// persons first); default 5.
	MaxReview int

	mu sync.Mutex

	retryMu sync.Mutex
	retry   map[int64]*lastseen.Record // stored records whose linking failed
}

var _ lastseen.Linker = (*Linker)(nil)

// LinkRecord matches a stored record and acts on the decision. A record the
// index already holds with a person is not matched again: its decision is
// returned as a link to that person. On error the record stays stored and
// unlinked; Load links it at the next start.
func (l *Linker) LinkRecord(ctx context.Context, r *lastseen.Record) (*lastseen.MatchDecision, error) {
	if r.ID == 0 {
		return nil, fmt.Errorf("link record: the record has no id: store it first")
	}
	p := l.Index.Prepare(r)
	d, err := l.link(ctx, p)
	if err != nil {
		l.failed(r)
	}
	return d, err
}

// failed keeps a record whose linking failed, for Retry.
func (l *Linker) failed(r *lastseen.Record) {
	l.retryMu.Lock()
	defer l.retryMu.Unlock()
	if l.retry == nil {
		l.retry = map[int64]*lastseen.Record{}
	}
	l.retry[r.ID] = r
}

// Retry links again the records whose linking failed (the database was
// down): the Follower calls it on every poll, so that a record acknowledged
// while linking failed does not wait for the next start. It returns the
// first error; the records that fail again are kept.
func (l *Linker) Retry(ctx context.Context) error {
	l.retryMu.Lock()
	rs := l.retry
	l.retry = nil
	l.retryMu.Unlock()
	var first error
	for _, r := range rs {
		if _, err := l.LinkRecord(ctx, r); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Pending returns the number of records waiting for Retry.
func (l *Linker) Pending() int {
	l.retryMu.Lock()
	defer l.retryMu.Unlock()
	return len(l.retry)
}

// LinkRecords links a batch of stored records in order, preparing them on
// every core first. Each slice of linkBatch records is decided in memory,
// one after the other (so that two records of one person find each other),
// then linked in one store transaction (PersonService.LinkRecords) and its
// review items queued at once: a handful of queries per slice instead of a
// dozen per record. It stops at the first error; the records not linked are
// kept for Retry.
func (l *Linker) LinkRecords(ctx context.Context, rs []*lastseen.Record) ([]*lastseen.MatchDecision, error) {
	ps := prepareAll(l.Index, rs)
	out := make([]*lastseen.MatchDecision, 0, len(rs))
	for lo := 0; lo < len(ps); lo += linkBatch {
		hi := min(lo+linkBatch, len(ps))
		ds, err := l.linkBatch(ctx, ps[lo:hi])
		out = append(out, ds...)
		if err != nil {
			for _, r := range rs[lo+len(ds):] {
				l.failed(r)
			}
			return out, err
		}
	}
	return out, nil
}

// linkBatch is how many records LinkRecords decides and links in one
// store transaction.
const linkBatch = 1000

func (l *Linker) link(ctx context.Context, p Prepared) (*lastseen.MatchDecision, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.linkLocked(ctx, p)
}

// linkLocked decides and links one record; the caller holds l.mu.
func (l *Linker) linkLocked(ctx context.Context, p Prepared) (*lastseen.MatchDecision, error) {
	id := p.e.id
	if pid, ok := l.Index.PersonOf(id); ok && pid != 0 {
		return &lastseen.MatchDecision{RecordID: id, Action: lastseen.MatchLink, PersonID: pid}, nil
	}
	judged, err := l.judgements(ctx, id)
	if err != nil {
		return nil, err
	}
	d := l.Index.Match(p, judged)
	out := &lastseen.MatchDecision{RecordID: id, Action: d.Action}

	// the person a link-band candidate belongs to may have been merged or
	// split since the index learnt it: ask the store
	if d.Action == lastseen.MatchLink {
		best := bestOf(d)
		cur, err := l.currentPerson(ctx, best.RecordID)
		if err != nil {
			return nil, err
		}
		if cur != best.PersonID && cur != 0 {
			l.Index.SetPerson(best.RecordID, cur)
			d.PersonID = cur
		}
	}
	var pid int64
	if d.Action == lastseen.MatchLink {
		pid, err = l.Persons.LinkRecord(ctx, id, d.PersonID, lastseen.Link{Score: d.Score, Method: lastseen.LinkAutomatic})
		if lastseen.ErrorCode(err) == lastseen.ECONFLICT {
			// a judgement the index did not know of forbids it: a new
			// person, and the pair goes to a caseworker
			d.Action, d.PersonID, err = lastseen.MatchReview, 0, nil
		}
		if err != nil {
			return nil, fmt.Errorf("link record %d to person %d: %w", id, d.PersonID, err)
		}
	}
	if pid == 0 {
		pid, err = l.Persons.LinkRecord(ctx, id, 0, lastseen.Link{Score: d.Score, Method: lastseen.LinkNew})
		if err != nil {
			return nil, fmt.Errorf("link record %d to a new person: %w", id, err)
		}
	}
	out.Action, out.PersonID = d.Action, pid
	l.Index.Insert(p, pid)

	items := l.reviewOthers(p, d, pid, out)
	// a second look at what the record's arrival changed
	home, moves, lookErr := l.secondLook(ctx, d, pid)
	out.PersonID = home
	items = addItems(items, moves)
	if len(items) > 0 && l.Reviews != nil {
		if err := l.Reviews.EnqueueReview(ctx, items); err != nil {
			return out, fmt.Errorf("record %d: queue %d review items: %w", id, len(items), err)
		}
	}
	if lookErr != nil {
		return out, fmt.Errorf("record %d: %w", id, lookErr)
	}
	return out, nil
}

// addItems adds to items those of more whose pair is not in items yet.
func addItems(items, more []*lastseen.ReviewItem) []*lastseen.ReviewItem {
	for _, m := range more {
		if !slices.ContainsFunc(items, func(it *lastseen.ReviewItem) bool {
			return it.RecordA == m.RecordA && it.RecordB == m.RecordB
		}) {
			items = append(items, m)
		}
	}
	return items
}

// reviewOthers sends every other plausible person than pid, the one the
// record p joins, to review, best first and at most MaxReview: it adds each
// to out's candidates and returns the review items.
func (l *Linker) reviewOthers(p Prepared, d Decision, pid int64, out *lastseen.MatchDecision) []*lastseen.ReviewItem {
	maxReview := l.MaxReview
	if maxReview <= 0 {
		maxReview = 5
	}
	var items []*lastseen.ReviewItem
	for _, pm := range d.Persons {
		if pm.Forbidden || pm.PersonID == pid || len(items) >= maxReview {
			continue
		}
		c := pm.Best
		ex, _ := l.Index.Explain(p, c.RecordID)
		out.Candidates = append(out.Candidates, lastseen.MatchCandidate{
			RecordID: c.RecordID, PersonID: c.PersonID, Score: c.Score,
			Probability: linkage.Probability(c.Score), Fields: ex.Fields,
		})
		items = append(items, l.reviewItem(p.e.id, c.RecordID, c.Score, ex.Fields))
	}
	return items
}

// reviewItem is the review item of records a and b, in either order, whose
// pair scored score.
func (l *Linker) reviewItem(a, b int64, score float64, fields []lastseen.FieldWeight) *lastseen.ReviewItem {
	if a > b {
		a, b = b, a
	}
	return &lastseen.ReviewItem{RecordA: a, RecordB: b, Score: score, Fields: fields,
		Priority: reviewPriority(score, l.Index.Bands())}
}

// reviewPriority puts first the pairs at or above the link threshold — a
// record that links strongly to a second person, which a caseworker's "same"
// merges with the first (see the package doc) — then the pairs nearest the
// threshold: those are the ones a caseworker's answer most likely turns into
// a link.
func reviewPriority(score float64, b linkage.Bands) float64 {
	return 1 / (1 + max(b.Link-score, 0))
}

func bestOf(d Decision) Candidate {
	for _, pm := range d.Persons {
		if pm.PersonID == d.PersonID {
			return pm.Best
		}
	}
	return Candidate{PersonID: d.PersonID}
}

// judgements returns the judgements in force between the record and others.
func (l *Linker) judgements(ctx context.Context, id int64) (map[int64]lastseen.Verdict, error) {
	if l.Judgements == nil {
		return nil, nil
	}
	js, err := l.Judgements.FindJudgements(ctx, lastseen.JudgementFilter{RecordID: id})
	if err != nil {
		return nil, fmt.Errorf("record %d: judgements: %w", id, err)
	}
	out := map[int64]lastseen.Verdict{}
	for _, j := range js { // newest first: the first on a pair is in force
		other := j.RecordA
		if other == id {
			other = j.RecordB
		}
		if _, ok := out[other]; !ok {
			out[other] = j.Verdict
		}
	}
	return out, nil
}

// currentPerson asks the store which person a record belongs to now.
func (l *Linker) currentPerson(ctx context.Context, recordID int64) (int64, error) {
	if recordID == 0 {
		return 0, nil
	}
	ls, err := l.Persons.FindLinks(ctx, lastseen.LinkFilter{RecordID: recordID})
	if err != nil {
		return 0, fmt.Errorf("record %d: current person: %w", recordID, err)
	}
	for _, k := range ls {
		if k.RemovedAt == nil {
			return k.PersonID, nil
		}
	}
	return 0, nil
}
