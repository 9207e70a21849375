package index

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// Move is a change that a second look (Revisit) proposes after a record has
// joined a person, its home: the records of another person, From, that
// belong with the home person. Either every record of From (a merge: the
// arriving record links strongly to a record of From, and the two persons
// cohere, as batch clustering would merge them), or one record of From held
// there by weaker evidence than its pair with the arriving record (Record).
type Move struct {
	From int64
	// Record is the one record that moves; 0 for a merge (every record of
	// From).
	Record int64
	// A and B are the pair that shows why, for the review item a
	// caseworker may answer: for a merge, the arriving record and its best
	// record of From; for a record, that record and the arriving one. Score
	// is their score.
	A, B  int64
	Score float64
	// Left is, for a record that moves, the record of From it scored best
	// with, and LeftScore that score: the pair it leaves, queued for review
	// too, so that a caseworker sees both sides.
	Left      int64
	LeftScore float64
}

// Revisit takes a second look at what a record's arrival changed, once it
// has joined the person home with decision d, without changing anything:
//
//   - Merge: a person whose record the arriving one scores in the link band
//     with, and which coheres with home as a whole (the cross pairs as
//     batch clustering counts them: no hard evidence against, mean at least
//     the review threshold, none below −20, the contradiction vote), is the
//     same person: batch would have merged the two clusters. The Linker
//     queued it for review only, before the second look.
//   - Record: a record held in its person by weaker evidence than its pair
//     with the arriving record (heldBy: the attach rule put it there,
//     or a link-band pair weaker than the new one, before the records that
//     now turned up arrived) that, decided again as if it arrived now,
//     would join home.
//
// The Linker decides whether a move may be made — no caseworker has judged,
// linked or verified anything it would touch — and makes it as automatic
// links, which the store keeps with the links they end. Only with a trained
// or given model, as the attach rule (see attachFloor).
func (ix *Index) Revisit(d Decision, home int64) []Move {
	if len(d.strong) == 0 || home == 0 || d.self == nil {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.sizePrior() {
		return nil
	}
	var out []Move
	var checked, merged []int64
	for _, c := range d.strong { // best first
		x := ix.recs[c.slot]
		if c.score < ix.bands.Link || x.person == home || x.person == 0 || slices.Contains(checked, x.person) {
			continue
		}
		checked = append(checked, x.person)
		if ix.personsCohere(x.person, home) {
			merged = append(merged, x.person)
			out = append(out, Move{From: x.person, A: d.self.id, B: x.id, Score: c.score})
		}
	}
	for _, c := range d.strong { // each record once (decide's candidates are)
		x := ix.recs[c.slot]
		if x.person == home || x.person == 0 || slices.Contains(merged, x.person) {
			continue
		}
		by, held := ix.heldBy(x)
		if by == 0 || held >= max(ix.bands.Link, c.score) {
			continue
		}
		if nd := ix.decide(x, nil, false); nd.PersonID == home {
			out = append(out, Move{From: x.person, Record: x.id, A: x.id, B: d.self.id, Score: c.score,
				Left: by, LeftScore: held})
		}
	}
	return out
}

// heldBy returns the record of x's person that x scores best with, and
// that score: what holds x in its person (0 for a record alone in its
// person, or in one too large to score). Revisit moves x when that is
// weaker than its pair with the arriving record, or below the link
// threshold (the attach rule put it there): batch clustering, which merges
// the strongest pairs first, would have joined it to the arriving record
// before weighing the weaker pair. It scores with the model's own prior, as
// Revisit runs only with a trained or given model. The caller holds the lock.
func (ix *Index) heldBy(x *entry) (int64, float64) {
	members := ix.persons[x.person]
	if len(members) < 2 || len(members) > maxCoherence {
		return 0, 0
	}
	by, held := int64(0), math.Inf(-1)
	for _, m := range members {
		if c := ix.recs[m]; c.id != x.id {
			if sc := ix.model.Score(x.p, c.p); sc > held {
				by, held = c.id, sc
			}
		}
	}
	return by, held
}

// Members returns the ids of the records the index holds linked to a person.
func (ix *Index) Members(personID int64) []int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ss := ix.persons[personID]
	out := make([]int64, len(ss))
	for i, s := range ss {
		out[i] = ix.recs[s].id
	}
	return out
}

// PersonsCohere reports whether the records of two persons could be one
// person's, as batch clustering judges a merge (see Revisit); never while
// the index scores with the starting model, when Revisit proposes nothing.
func (ix *Index) PersonsCohere(a, b int64) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return a != b && !ix.sizePrior() && ix.personsCohere(a, b)
}

// ExplainPair returns the field-by-field explanation of two records of the
// index, with the prior Match scores with; ok is false if either is not
// there.
func (ix *Index) ExplainPair(a, b int64) (linkage.Explanation, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	sa, okA := ix.slot[a]
	sb, okB := ix.slot[b]
	if !okA || !okB {
		return linkage.Explanation{}, false
	}
	return ix.explain(ix.recs[sa].p, ix.recs[sb].p), true
}

// secondLook makes the moves Revisit proposes once a record has joined
// home, those that touch nothing a caseworker has decided (mayMove), each
// in one store transaction of automatic links: the store ends the records'
// links to the person they leave and keeps them, so every move is in the
// records' link history and the audit trail, and a caseworker's judgement
// on the pair that shows why (queued for review) can undo it. Of two
// persons that merge, the one with fewer records moves. It returns the
// arriving record's person after the moves and the review items that show
// each move (the pair that made it, and for a record the pair it left). The
// caller holds l.mu.
func (l *Linker) secondLook(ctx context.Context, d Decision, home int64) (int64, []*lastseen.ReviewItem, error) {
	var items []*lastseen.ReviewItem
	moved := false
	for _, m := range l.Index.Revisit(d, home) {
		from, to := m.From, home
		if from == home {
			continue // home merged into it already
		}
		moving := l.Index.Members(from)
		if m.Record != 0 {
			if !slices.Contains(moving, m.Record) {
				continue
			}
			moving = []int64{m.Record}
		} else {
			// after a first merge, home has grown: does it still cohere?
			if len(moving) == 0 || moved && !l.Index.PersonsCohere(from, home) {
				continue
			}
			if stay := l.Index.Members(home); len(stay) == 0 {
				break // home's records have all gone elsewhere
			} else if len(stay) < len(moving) {
				from, to, moving = home, from, stay
			}
		}
		ok, err := l.mayMove(ctx, from, to)
		if err != nil {
			return home, items, fmt.Errorf("second look: %w", err)
		}
		if !ok {
			continue
		}
		reqs := make([]lastseen.LinkRequest, len(moving))
		for i, id := range moving {
			reqs[i] = lastseen.LinkRequest{RecordID: id, PersonID: to, Link: lastseen.Link{Score: m.Score, Method: lastseen.LinkAutomatic}}
		}
		if _, err := l.Persons.LinkRecords(ctx, reqs); lastseen.ErrorCode(err) == lastseen.ECONFLICT {
			continue // a judgement made meanwhile forbids it
		} else if err != nil {
			return home, items, fmt.Errorf("second look: move %d records from person %d to person %d: %w", len(moving), from, to, err)
		}
		for _, id := range moving {
			l.Index.SetPerson(id, to)
		}
		if from == home {
			home = to
		}
		moved = true
		items = append(items, l.pairItem(m.A, m.B, m.Score))
		if m.Left != 0 {
			items = append(items, l.pairItem(m.Record, m.Left, m.LeftScore))
		}
	}
	return home, items, nil
}

// mayMove reports whether a second look may move records between two
// persons: only when no caseworker has touched either — no record of
// theirs is linked by a caseworker or named in a judgement, and neither's
// status is verified (a verification is a caseworker's word on the person
// as it stood) — and the index knows their records as the store does.
func (l *Linker) mayMove(ctx context.Context, a, b int64) (bool, error) {
	var ids []int64
	for _, p := range []int64{a, b} {
		ls, err := l.Persons.FindLinks(ctx, lastseen.LinkFilter{PersonID: p})
		if err != nil {
			return false, fmt.Errorf("links of person %d: %w", p, err)
		}
		known := l.Index.Members(p)
		stale := len(ls) != len(known)
		for _, k := range ls {
			if k.Method == lastseen.LinkCaseworker {
				return false, nil
			}
			stale = stale || !slices.Contains(known, k.RecordID)
		}
		if stale {
			// another process moved records (a caseworker on another
			// node): the index learns where they are, and the second look
			// leaves the persons alone this time
			return false, l.catchUp(ctx, p, ls, known)
		}
		ids = append(ids, known...)
		per, err := l.Persons.FindPersonByID(ctx, p)
		if lastseen.ErrorCode(err) == lastseen.ENOTFOUND {
			return false, nil
		} else if err != nil {
			return false, fmt.Errorf("person %d: %w", p, err)
		}
		if per.Verified {
			return false, nil
		}
	}
	if l.Judgements != nil {
		js, err := l.Judgements.FindJudgements(ctx, lastseen.JudgementFilter{RecordIDs: ids, Limit: 1})
		if err != nil {
			return false, fmt.Errorf("judgements of persons %d and %d: %w", a, b, err)
		}
		if len(js) > 0 {
			return false, nil
		}
	}
	return true, nil
}

// catchUp tells the index where the records of person p are now: ls, its
// current links in the store, and known, its records as the index had them.
func (l *Linker) catchUp(ctx context.Context, p int64, ls []*lastseen.Link, known []int64) error {
	var gone []int64
	for _, id := range known {
		if !slices.ContainsFunc(ls, func(k *lastseen.Link) bool { return k.RecordID == id }) {
			gone = append(gone, id)
		}
	}
	for _, k := range ls {
		l.Index.SetPerson(k.RecordID, p)
	}
	if len(gone) == 0 {
		return nil
	}
	now, err := l.Persons.FindLinks(ctx, lastseen.LinkFilter{RecordIDs: gone})
	if err != nil {
		return fmt.Errorf("current persons of %d records: %w", len(gone), err)
	}
	for _, k := range now {
		if k.RemovedAt == nil {
			l.Index.SetPerson(k.RecordID, k.PersonID)
		}
	}
	return nil
}

// pairItem is the review item of two records of the index.
func (l *Linker) pairItem(a, b int64, score float64) *lastseen.ReviewItem {
	ex, _ := l.Index.ExplainPair(a, b)
	return l.reviewItem(a, b, score, ex.Fields)
}
