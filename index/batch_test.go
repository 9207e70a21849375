package index_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
)

// TestLinkerBatch links lists through LinkRecords, which decides a batch in
// memory and links it in one store call: the outcome must be the one of
// linking the records one by one.
func TestLinkerBatch(t *testing.T) {
	ctx := context.Background()

	t.Run("SameAsOneByOne", func(t *testing.T) {
		all, _ := synthRecords(t, 1600, 11)
		// both linkers start from the same index of MinTF records, whose
		// name frequencies are set: from there on, deciding a record
		// earlier or later (a batch's first try, then one by one) scores it
		// alike
		base, rs := all[:index.MinTF], all[index.MinTF:]
		serial, mem := newMem(), newMem()
		ls, l := newLinker(serial), newLinker(mem)
		for _, l := range []*index.Linker{ls, l} {
			if _, err := l.LinkRecords(ctx, base); err != nil {
				t.Fatal(err)
			}
		}
		// the reference: the batches refused by the store, linked one by one
		serial.noBatch, serial.reviews = true, nil
		mem.batches, mem.reviews = 0, nil
		want, err := ls.LinkRecords(ctx, rs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.LinkRecords(ctx, rs)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) <= 1000 || mem.batches != (len(rs)+999)/1000 {
			t.Errorf("%d records in %d store calls, want one per 1000", len(rs), mem.batches)
		}
		if len(got) != len(want) {
			t.Fatalf("%d decisions, want %d", len(got), len(want))
		}
		links := 0
		for i := range want {
			g, w := got[i], want[i]
			if g.Action != w.Action || g.PersonID != w.PersonID || fmt.Sprint(g.Candidates) != fmt.Sprint(w.Candidates) {
				t.Fatalf("record %d: %s person %d %v, want as one by one %s person %d %v",
					rs[i].ID, g.Action, g.PersonID, g.Candidates, w.Action, w.PersonID, w.Candidates)
			}
			if serial.current[rs[i].ID] != mem.current[rs[i].ID] {
				t.Fatalf("record %d stored in person %d, want %d", rs[i].ID, mem.current[rs[i].ID], serial.current[rs[i].ID])
			}
			if g.Action == lastseen.MatchLink {
				links++
			}
		}
		items := func(m *memPersons) string {
			var s string
			for _, it := range m.reviews {
				s += fmt.Sprintf("%+v\n", *it)
			}
			return s
		}
		if links == 0 || len(mem.reviews) == 0 || items(mem) != items(serial) {
			t.Errorf("%d links, %d review items; want some links and the %d review items of one by one", links, len(mem.reviews), len(serial.reviews))
		}
		if l.Index.Persons() != ls.Index.Persons() {
			t.Errorf("index knows %d persons, want %d", l.Index.Persons(), ls.Index.Persons())
		}
	})

	t.Run("OneManInOneBatchOnePerson", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		ds, err := l.LinkRecords(ctx, withIDs(1, kovalenko...))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds[1:] {
			if d.Action != lastseen.MatchLink || d.PersonID != ds[0].PersonID || mem.current[d.RecordID] != ds[0].PersonID {
				t.Errorf("record %d: %s person %d, want a link to the batch's new person %d", d.RecordID, d.Action, d.PersonID, ds[0].PersonID)
			}
		}
		if pid, _ := l.Index.PersonOf(3); pid != ds[0].PersonID {
			t.Errorf("the index has record 3 in person %d, want %d", pid, ds[0].PersonID)
		}
	})

	t.Run("JudgementsOfTheBatchRespected", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		// the twins judged apart, and Шевчук judged the same as Коваленко,
		// before any is linked (stored, the process died, judged)
		rs := withIDs(1, kovalenko[0], kovalenko[1], others[1])
		mem.CreateJudgement(ctx, &lastseen.Judgement{RecordA: 1, RecordB: 2, Verdict: lastseen.VerdictNotSame})
		mem.CreateJudgement(ctx, &lastseen.Judgement{RecordA: 1, RecordB: 3, Verdict: lastseen.VerdictSame})
		if _, err := l.LinkRecords(ctx, rs); err != nil {
			t.Fatal(err)
		}
		if mem.current[2] == mem.current[1] {
			t.Errorf("record 2 linked to person %d of record 1 across a not-same judgement", mem.current[1])
		}
		if mem.current[3] != mem.current[1] {
			t.Errorf("record 3 in person %d, want person %d of record 1 it was judged the same as", mem.current[3], mem.current[1])
		}
		for _, it := range mem.reviews {
			if it.RecordA == 1 && it.RecordB == 2 {
				t.Errorf("a judged pair was queued for review again: %+v", it)
			}
		}
	})

	t.Run("MovedCandidateFollowed", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		rs := withIDs(1, kovalenko...)
		if _, err := l.LinkRecord(ctx, rs[0]); err != nil {
			t.Fatal(err)
		}
		// a caseworker moves record 1 to another person; the index has not
		// heard of it
		moved, err := mem.LinkRecord(ctx, 1, 0, lastseen.Link{Method: lastseen.LinkCaseworker})
		if err != nil {
			t.Fatal(err)
		}
		ds, err := l.LinkRecords(ctx, rs[1:])
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.PersonID != moved || mem.current[d.RecordID] != moved {
				t.Errorf("record %d: person %d, want person %d that record 1 is in now", d.RecordID, d.PersonID, moved)
			}
		}
		if pid, _ := l.Index.PersonOf(1); pid != moved {
			t.Errorf("the index has record 1 in person %d, want %d", pid, moved)
		}
	})

	t.Run("FailedBatchRetried", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		rs := withIDs(1, append(append([]*lastseen.Record{}, kovalenko...), others...)...)
		mem.err = errors.New("database is down")
		if _, err := l.LinkRecords(ctx, rs); err == nil {
			t.Fatal("linking with the database down succeeded")
		}
		if l.Pending() != len(rs) || l.Index.Len() != 0 || l.Index.MaxID() != 0 {
			t.Fatalf("after a failed batch: %d pending, %d in the index (max id %d); want %d and none", l.Pending(), l.Index.Len(), l.Index.MaxID(), len(rs))
		}
		mem.err = nil
		if err := l.Retry(ctx); err != nil {
			t.Fatal(err)
		}
		if l.Pending() != 0 || len(mem.current) != len(rs) || mem.current[2] != mem.current[1] || mem.current[3] != mem.current[1] {
			t.Fatalf("after the retry: %d pending, persons %v; want the Kovalenko records 1-3 in one", l.Pending(), mem.current)
		}
	})
}
