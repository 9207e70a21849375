package index_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/synth"
)

// synthRecords generates the records of a population of people persons, with
// ids from 1, and each record's truth id.
func synthRecords(t testing.TB, people int, seed int64) ([]*lastseen.Record, map[int64]int64) {
	t.Helper()
	var rs []*lastseen.Record
	truth := map[int64]int64{}
	err := synth.Generate(synth.DefaultConfig(people, seed), func(s *synth.Record) error {
		if r := s.Domain(int64(len(rs) + 1)); r != nil {
			rs = append(rs, r)
			truth[r.ID] = s.TruthID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs, truth
}

// memPersons is an in-memory PersonService, ReviewService and
// JudgementService: enough of the store for the linker, without a database.
type memPersons struct {
	mu         sync.Mutex
	next       int64
	current    map[int64]int64          // record → person
	members    map[int64]map[int64]bool // person → its current records
	moved      int                      // links that moved a linked record
	links      map[int64][]*lastseen.Link
	reviews    []*lastseen.ReviewItem
	judgements []*lastseen.Judgement
	verified   map[int64]bool // persons a caseworker verified
	err        error          // LinkRecord fails with it when set: the database is down
	batches    int            // LinkRecords calls
	// noBatch makes LinkRecords fail with ECONFLICT, as when a judgement
	// came between the batch's decisions and its link: the linker then
	// links the records one by one
	noBatch bool
}

func newMem() *memPersons {
	return &memPersons{current: map[int64]int64{}, members: map[int64]map[int64]bool{}, links: map[int64][]*lastseen.Link{}}
}

// FindPersonByID returns the person's id and whether it is verified, no
// more: the linker asks nothing else.
func (m *memPersons) FindPersonByID(ctx context.Context, id int64) (*lastseen.Person, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id <= 0 || id > m.next {
		return nil, lastseen.Errorf(lastseen.ENOTFOUND, "Person %d not found.", id)
	}
	return &lastseen.Person{ID: id, Verified: m.verified[id]}, nil
}

func (m *memPersons) LinkRecord(ctx context.Context, recordID, personID int64, l lastseen.Link) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return 0, m.err
	}
	if l.Method != lastseen.LinkCaseworker {
		for _, j := range m.judgements {
			if j.Verdict != lastseen.VerdictNotSame {
				continue
			}
			other := int64(0)
			switch recordID {
			case j.RecordA:
				other = j.RecordB
			case j.RecordB:
				other = j.RecordA
			}
			if other != 0 && m.current[other] == personID && personID != 0 {
				return 0, lastseen.Errorf(lastseen.ECONFLICT, "judged not same")
			}
		}
	}
	if personID == 0 {
		m.next++
		personID = m.next
	}
	now := time.Now()
	for _, k := range m.links[recordID] {
		if k.RemovedAt == nil {
			k.RemovedAt = &now
		}
	}
	if old, ok := m.current[recordID]; ok {
		delete(m.members[old], recordID)
		m.moved++
	}
	m.current[recordID] = personID
	if m.members[personID] == nil {
		m.members[personID] = map[int64]bool{}
	}
	m.members[personID][recordID] = true
	l.RecordID, l.PersonID = recordID, personID
	m.links[recordID] = append([]*lastseen.Link{&l}, m.links[recordID]...)
	return personID, nil
}

// LinkRecords links each request as LinkRecord, stopping at the first error
// (the store's batch is all or nothing: the tests that make it fail fail
// the first link).
func (m *memPersons) LinkRecords(ctx context.Context, reqs []lastseen.LinkRequest) ([]int64, error) {
	m.mu.Lock()
	m.batches++
	noBatch := m.noBatch
	m.mu.Unlock()
	if noBatch {
		return nil, lastseen.Errorf(lastseen.ECONFLICT, "a judgement forbids one of the links")
	}
	return lastseen.LinkEach(reqs, func(recordID, personID int64, l lastseen.Link) (int64, error) {
		return m.LinkRecord(ctx, recordID, personID, l)
	})
}

func (m *memPersons) FindLinks(ctx context.Context, f lastseen.LinkFilter) ([]*lastseen.Link, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := slices.Clone(m.links[f.RecordID])
	for _, id := range f.RecordIDs {
		out = append(out, m.links[id]...)
	}
	if f.PersonID != 0 {
		for id := range m.members[f.PersonID] {
			out = append(out, m.links[id][0]) // newest first: the current one
		}
	}
	return out, nil
}

func (m *memPersons) EnqueueReview(ctx context.Context, items []*lastseen.ReviewItem) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reviews = append(m.reviews, items...)
	return nil
}

func (m *memPersons) FindReviewItems(ctx context.Context, f lastseen.ReviewFilter) ([]*lastseen.ReviewItem, int, error) {
	return nil, 0, fmt.Errorf("not implemented")
}

func (m *memPersons) CreateJudgement(ctx context.Context, j *lastseen.Judgement) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.judgements = append([]*lastseen.Judgement{j}, m.judgements...)
	return nil
}

func (m *memPersons) FindJudgements(ctx context.Context, f lastseen.JudgementFilter) ([]*lastseen.Judgement, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*lastseen.Judgement
	for _, j := range m.judgements {
		match := f.RecordID == 0 || j.RecordA == f.RecordID || j.RecordB == f.RecordID
		if len(f.RecordIDs) > 0 {
			match = slices.Contains(f.RecordIDs, j.RecordA) || slices.Contains(f.RecordIDs, j.RecordB)
		}
		if match {
			out = append(out, j)
		}
	}
	return out, nil
}
