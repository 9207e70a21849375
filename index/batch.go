package index

import (
	"context"
	"fmt"

	"github.com/lastseen/lastseen"
)

// provisional is the first person id the index gives, during a batch, to a
// person the batch's transaction has not created yet. Above every real id,
// and counting up, so that new persons sort after old ones as their real
// ids will (Match breaks ties by person id).
const provisional int64 = 1 << 62

// planned is one record of a batch, decided but not linked yet.
type planned struct {
	p      Prepared
	out    *lastseen.MatchDecision
	req    int // index in the batch's link requests; -1: already linked
	best   Candidate
	d      Decision // for the second look
	items  []*lastseen.ReviewItem
	linked bool // Insert was called: undo on failure
}

// linkBatch decides the records in memory, in order, each seeing the ones
// decided before it, then links them in one transaction of the store and
// queues their review items in one call. It returns the decisions of the
// records linked: on an error, none of the batch.
func (l *Linker) linkBatch(ctx context.Context, ps []Prepared) ([]*lastseen.MatchDecision, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.Index.mu.RLock()
	mark := indexMark{len(l.Index.recs), l.Index.maxID}
	l.Index.mu.RUnlock()
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.e.id
	}
	judged, err := l.batchJudgements(ctx, ids)
	if err != nil {
		return nil, err
	}

	// Decide. A link-band candidate's person may have been merged or split
	// since the index learnt it: the store is asked once for the batch, and
	// if some moved, the index learns it and the batch is decided again.
	var plan []*planned
	var reqs []lastseen.LinkRequest
	for attempt := 0; ; attempt++ {
		plan, reqs = l.decideBatch(ps, judged)
		moved, err := l.movedCandidates(ctx, plan)
		if err != nil {
			l.undo(plan, mark)
			return nil, err
		}
		if len(moved) == 0 {
			break
		}
		l.undo(plan, mark)
		if attempt == 2 { // persons keep moving under us: one by one
			return l.linkEach(ctx, ps)
		}
		for rec, pid := range moved {
			l.Index.SetPerson(rec, pid)
		}
	}

	pids, err := l.Persons.LinkRecords(ctx, reqs)
	if lastseen.ErrorCode(err) == lastseen.ECONFLICT {
		// a judgement the batch did not see (made since it was read), or
		// another process linked one of the records: one by one, as
		// LinkRecord decides each such case
		l.undo(plan, mark)
		return l.linkEach(ctx, ps)
	} else if err != nil {
		l.undo(plan, mark)
		return nil, fmt.Errorf("link %d records: %w", len(reqs), err)
	}

	// the real ids of the batch's new persons
	real := map[int64]int64{}
	for _, pl := range plan {
		if pl.req < 0 {
			continue
		}
		pid := pids[pl.req]
		if pl.out.PersonID >= provisional {
			real[pl.out.PersonID] = pid
		}
		pl.out.PersonID = pid
		l.Index.SetPerson(pl.out.RecordID, pid)
	}
	out := make([]*lastseen.MatchDecision, len(plan))
	var items []*lastseen.ReviewItem
	for i, pl := range plan {
		for j := range pl.out.Candidates {
			if r, ok := real[pl.out.Candidates[j].PersonID]; ok {
				pl.out.Candidates[j].PersonID = r
			}
		}
		items = append(items, pl.items...)
		out[i] = pl.out
	}
	// a second look at what each record's arrival changed, once the batch
	// is linked: the moves are made in the store one by one (they are few)
	var lookErr error
	for _, pl := range plan {
		if pl.req < 0 || lookErr != nil {
			continue
		}
		// the record's person now: an earlier record's second look may
		// have moved it
		home, _ := l.Index.PersonOf(pl.out.RecordID)
		var moves []*lastseen.ReviewItem
		_, moves, lookErr = l.secondLook(ctx, pl.d, home)
		items = addItems(items, moves)
	}
	for _, pl := range plan { // a later move may have moved an earlier record
		if pid, ok := l.Index.PersonOf(pl.out.RecordID); ok && pid != 0 {
			pl.out.PersonID = pid
		}
	}
	if len(items) > 0 && l.Reviews != nil {
		if err := l.Reviews.EnqueueReview(ctx, items); err != nil {
			// the records are linked: Load will not see them again, so
			// the decisions stand and the error says what is missing
			return out, fmt.Errorf("queue %d review items of %d records: %w", len(items), len(plan), err)
		}
	}
	if lookErr != nil {
		return out, lookErr
	}
	return out, nil
}

// linkEach links the records one by one, as LinkRecord.
func (l *Linker) linkEach(ctx context.Context, ps []Prepared) ([]*lastseen.MatchDecision, error) {
	out := make([]*lastseen.MatchDecision, 0, len(ps))
	for _, p := range ps {
		d, err := l.linkLocked(ctx, p)
		if err != nil {
			return out, err
		}
		out = append(out, d)
	}
	return out, nil
}

// decideBatch decides each record of the batch and inserts it into the
// index with the person it will join (a provisional id for a new person),
// so that the next record sees it. It returns the plan and the link
// requests for the store. The caller holds l.mu.
func (l *Linker) decideBatch(ps []Prepared, judged map[int64]map[int64]lastseen.Verdict) ([]*planned, []lastseen.LinkRequest) {
	plan := make([]*planned, 0, len(ps))
	var reqs []lastseen.LinkRequest
	next := provisional
	for _, p := range ps {
		id := p.e.id
		pl := &planned{p: p, req: -1}
		plan = append(plan, pl)
		if pid, ok := l.Index.PersonOf(id); ok && pid != 0 {
			pl.out = &lastseen.MatchDecision{RecordID: id, Action: lastseen.MatchLink, PersonID: pid}
			continue
		}
		d := l.Index.Match(p, judged[id])
		pl.d = d
		pid := d.PersonID
		link := lastseen.Link{Score: d.Score, Method: lastseen.LinkAutomatic}
		if d.Action == lastseen.MatchLink {
			pl.best = bestOf(d)
		}
		if pid == 0 {
			pid, next = next, next+1
			link.Method = lastseen.LinkNew
		}
		reqPerson := pid
		if pid >= provisional {
			reqPerson = -(pid - provisional + 1) // the store's name for a new person of the batch
		}
		pl.req = len(reqs)
		reqs = append(reqs, lastseen.LinkRequest{RecordID: id, PersonID: reqPerson, Link: link})
		pl.out = &lastseen.MatchDecision{RecordID: id, Action: d.Action, PersonID: pid}
		l.Index.Insert(p, pid)
		pl.linked = true

		// every other plausible person goes to review, best first
		pl.items = l.reviewOthers(p, d, pid, pl.out)
	}
	return plan, reqs
}

// indexMark is the size of the index before a batch.
type indexMark struct {
	recs  int
	maxID int64
}

// undo takes the batch's records out of their planned persons and out of
// the index, as a failed LinkRecord leaves them: a record the batch added
// is removed from the end of the index. If another writer (the Follower)
// added records after them, those that precede it stay in the index,
// unlinked: never a candidate, and linked by Retry.
func (l *Linker) undo(plan []*planned, mark indexMark) {
	added := map[int64]bool{}
	for _, pl := range plan {
		if pl.linked {
			l.Index.SetPerson(pl.out.RecordID, 0)
			added[pl.out.RecordID] = true
		}
	}
	ix := l.Index
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for len(ix.recs) > mark.recs {
		s := int32(len(ix.recs) - 1)
		e := ix.recs[s]
		if !added[e.id] || e.person != 0 || ix.slot[e.id] != s {
			return
		}
		delete(ix.slot, e.id)
		for j, k := range e.keys {
			trimSlot(ix.blocks[e.kpass[j]], k, s)
		}
		for _, k := range searchKeys(e.name) {
			trimSlot(ix.keys, k, s)
		}
		ix.recs[s] = nil
		ix.recs = ix.recs[:s]
	}
	ix.maxID = mark.maxID
}

// trimSlot removes slot s from the end of m[k], where add appended it.
func trimSlot[K comparable](m map[K][]int32, k K, s int32) {
	l := m[k]
	if n := len(l); n > 0 && l[n-1] == s {
		if n == 1 {
			delete(m, k)
		} else {
			m[k] = l[:n-1]
		}
	}
}

// movedCandidates asks the store, in one query, which person each record
// that a link decision of the plan rests on belongs to now, and returns those
// that moved (record → current person).
func (l *Linker) movedCandidates(ctx context.Context, plan []*planned) (map[int64]int64, error) {
	want := map[int64]int64{}
	var ids []int64
	for _, pl := range plan {
		b := pl.best
		if b.RecordID == 0 || b.PersonID <= 0 || b.PersonID >= provisional {
			continue // no link, or to a person of this batch
		}
		if _, ok := want[b.RecordID]; !ok {
			ids = append(ids, b.RecordID)
		}
		want[b.RecordID] = b.PersonID
	}
	if len(ids) == 0 {
		return nil, nil
	}
	ls, err := l.Persons.FindLinks(ctx, lastseen.LinkFilter{RecordIDs: ids})
	if err != nil {
		return nil, fmt.Errorf("current persons of %d records: %w", len(ids), err)
	}
	moved := map[int64]int64{}
	for _, k := range ls {
		if k.RemovedAt == nil && k.PersonID != want[k.RecordID] {
			moved[k.RecordID] = k.PersonID
		}
	}
	return moved, nil
}

// batchJudgements reads, in one query, the judgements in force between each
// record of the batch and others: record → other record → verdict.
func (l *Linker) batchJudgements(ctx context.Context, ids []int64) (map[int64]map[int64]lastseen.Verdict, error) {
	if l.Judgements == nil || len(ids) == 0 {
		return nil, nil
	}
	js, err := l.Judgements.FindJudgements(ctx, lastseen.JudgementFilter{RecordIDs: ids})
	if err != nil {
		return nil, fmt.Errorf("judgements of %d records: %w", len(ids), err)
	}
	out := map[int64]map[int64]lastseen.Verdict{}
	set := func(rec, other int64, v lastseen.Verdict) {
		m := out[rec]
		if m == nil {
			m = map[int64]lastseen.Verdict{}
			out[rec] = m
		}
		if _, ok := m[other]; !ok { // newest first: the first on a pair is in force
			m[other] = v
		}
	}
	for _, j := range js {
		set(j.RecordA, j.RecordB, j.Verdict)
		set(j.RecordB, j.RecordA, j.Verdict)
	}
	return out, nil
}
