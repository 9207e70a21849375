package index_test

import (
	"context"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// twoPersons returns a linker with a given model (no size prior: the second
// look needs scores calibrated on the data) whose store and index hold the
// first two Kovalenko records each alone in a person — two lists linked
// apart — the first linked by method first, the second by second; and the
// third record, which links strongly to both.
func twoPersons(t *testing.T, mem *memPersons, first, second lastseen.LinkMethod) (*index.Linker, []*lastseen.Record) {
	t.Helper()
	rs := withIDs(1, kovalenko...)
	l := &index.Linker{Index: index.New(index.Options{Model: linkage.NewModel()}), Persons: mem, Reviews: mem, Judgements: mem}
	for i, m := range []lastseen.LinkMethod{first, second} {
		pid, err := mem.LinkRecord(context.Background(), rs[i].ID, 0, lastseen.Link{Method: m})
		if err != nil {
			t.Fatal(err)
		}
		l.Index.Insert(l.Index.Prepare(rs[i]), pid)
	}
	return l, rs
}

// TestSecondLook: a record that links strongly to two persons that cohere
// merges them, as batch clustering would: the person with fewer records
// moves, by automatic links that end the old ones (the history keeps
// them), and the pair that made the merge is queued for a caseworker. The
// second look touches nothing a caseworker has: a record named in a
// judgement (of any verdict), a record a caseworker linked, a person whose
// status a caseworker verified. With the starting model's size prior it
// does nothing (as the attach rule).
func TestSecondLook(t *testing.T) {
	ctx := context.Background()
	auto, cw := lastseen.LinkNew, lastseen.LinkCaseworker
	for _, tc := range []struct {
		name          string
		first, second lastseen.LinkMethod
		prepare       func(mem *memPersons)
		merged        bool
	}{
		{"MergesBridgedPersons", auto, auto, nil, true},
		{"NotJudgedRecord", auto, auto, func(mem *memPersons) {
			mem.CreateJudgement(ctx, &lastseen.Judgement{RecordA: 2, RecordB: 99, Verdict: lastseen.VerdictUnsure})
		}, false},
		{"NotCaseworkerLink", auto, cw, nil, false},
		{"NotVerifiedPerson", auto, auto, func(mem *memPersons) { mem.verified = map[int64]bool{2: true} }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem := newMem()
			l, rs := twoPersons(t, mem, tc.first, tc.second)
			if tc.prepare != nil {
				tc.prepare(mem)
			}
			d, err := l.LinkRecord(ctx, rs[2])
			if err != nil {
				t.Fatal(err)
			}
			if d.Action != lastseen.MatchLink || d.PersonID != mem.current[3] {
				t.Fatalf("decision %+v, record 3 stored in person %d", d, mem.current[3])
			}
			if got := mem.current[1] == mem.current[2]; got != tc.merged {
				t.Fatalf("records 1 and 2 in persons %d and %d: merged %v, want %v", mem.current[1], mem.current[2], got, tc.merged)
			}
			if p, _ := l.Index.PersonOf(2); p != mem.current[2] {
				t.Errorf("the index has record 2 in person %d, the store in %d", p, mem.current[2])
			}
			if !tc.merged {
				if mem.moved != 0 {
					t.Errorf("%d records moved", mem.moved)
				}
				return
			}
			moved := int64(2) // the persons hold one record each: the other person moves into home
			if d.PersonID == 2 {
				moved = 1
			}
			hist := mem.links[moved]
			if len(hist) != 2 || hist[0].Method != lastseen.LinkAutomatic || hist[0].RemovedAt != nil || hist[1].RemovedAt == nil {
				t.Errorf("record %d's links %+v, want the automatic link of the move and the ended one before it", moved, hist)
			}
			queued := false
			for _, it := range mem.reviews {
				queued = queued || it.RecordA == min(moved, 3) && it.RecordB == max(moved, 3)
			}
			if !queued {
				t.Errorf("no review item for records %d and 3, the pair that made the merge: %+v", moved, mem.reviews)
			}
		})
	}

	t.Run("MergesInABatch", func(t *testing.T) {
		// LinkRecords (import's path) looks again once the batch is linked
		mem := newMem()
		l, rs := twoPersons(t, mem, auto, auto)
		ds, err := l.LinkRecords(ctx, rs[2:])
		if err != nil {
			t.Fatal(err)
		}
		if mem.current[1] != mem.current[2] || ds[0].PersonID != mem.current[3] || mem.current[3] != mem.current[1] {
			t.Errorf("records in persons %d, %d, %d, decision %+v: want one person", mem.current[1], mem.current[2], mem.current[3], ds[0])
		}
	})
	t.Run("StaleIndexCatchesUp", func(t *testing.T) {
		// another process moved record 2 to a person of its own; this
		// index was not told
		mem := newMem()
		l, rs := twoPersons(t, mem, auto, auto)
		moved, err := mem.LinkRecord(ctx, 2, 0, lastseen.Link{Method: lastseen.LinkAutomatic})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.LinkRecord(ctx, rs[2]); err != nil {
			t.Fatal(err)
		}
		if mem.moved != 1 || mem.current[2] != moved {
			t.Errorf("record 2 in person %d (want %d), %d moves: the second look moved a record the index had wrong", mem.current[2], moved, mem.moved)
		}
		if p, _ := l.Index.PersonOf(2); p != moved {
			t.Errorf("the index has record 2 in person %d, the store in %d", p, moved)
		}
	})
	t.Run("StartingModelNoSecondLook", func(t *testing.T) {
		mem := newMem()
		l, rs := twoPersons(t, mem, auto, auto)
		l.Index = index.New(index.Options{})
		for _, r := range rs[:2] {
			l.Index.Insert(l.Index.Prepare(r), mem.current[r.ID])
		}
		if _, err := l.LinkRecord(ctx, rs[2]); err != nil {
			t.Fatal(err)
		}
		if mem.current[1] == mem.current[2] || mem.moved != 0 {
			t.Errorf("records 1 and 2 in persons %d and %d, %d moved; want apart", mem.current[1], mem.current[2], mem.moved)
		}
	})
}

// TestSecondLookAttachedRecord: a record that says little (a name, a unit
// and a service number) joins the one namesake the registry knows, by the
// attach rule or a pair just in the link band; when the man it describes
// turns up (the same unit and service number, a birth date far from the
// namesake's), the record moves to him — an automatic link that ends the
// first — and both pairs are queued, the one that moved it and the one it
// left. A newcomer that scores with the record
// no better than the namesake does (a name and another birth date) moves
// nothing.
func TestSecondLookAttachedRecord(t *testing.T) {
	ctx := context.Background()
	rs := withIDs(1,
		&lastseen.Record{GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.MustParseDate("1990"), Sex: lastseen.SexMale},
		&lastseen.Record{GivenName: "Oleksandr", FamilyName: "Kovalenko", Unit: "72 ОМБр", ServiceNumber: "АА555111"},
	)
	man := &lastseen.Record{ID: 3, GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1975, 5, 5), Sex: lastseen.SexMale, Unit: "72 ОМБр", ServiceNumber: "АА555111"}
	other := &lastseen.Record{ID: 3, GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1975, 5, 5), Sex: lastseen.SexMale}
	m := linkage.NewModel()
	scratch := index.New(index.Options{Model: m})
	scratch.Insert(scratch.Prepare(rs[0]), 1)
	scratch.Insert(scratch.Prepare(man), 2)
	xa, _ := scratch.Explain(scratch.Prepare(rs[1]), 1)
	xy, _ := scratch.Explain(scratch.Prepare(rs[1]), 3)
	t.Logf("the record: %.2f with the namesake, %.2f with its man", xa.Score, xy.Score)
	attach := linkage.Bands{Review: xa.Score - 1, Link: xa.Score + 1}
	link := linkage.Bands{Review: xa.Score - 2, Link: xa.Score - 1}
	for _, tc := range []struct {
		name     string
		bands    linkage.Bands
		newcomer *lastseen.Record
		moved    bool
	}{
		{"AttachedMoves", attach, man, true},
		{"WeakerLinkMoves", link, man, true},
		{"NoStrongerPairStays", link, other, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if xy.Score < tc.bands.Link {
				t.Fatalf("the record and its man score %.2f, below the link threshold %.2f", xy.Score, tc.bands.Link)
			}
			mem := newMem()
			l := &index.Linker{Index: index.New(index.Options{Model: m, Bands: &tc.bands}), Persons: mem, Reviews: mem, Judgements: mem}
			var ds []*lastseen.MatchDecision
			for _, r := range append(rs[:2:2], tc.newcomer) {
				d, err := l.LinkRecord(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				ds = append(ds, d)
			}
			if ds[1].PersonID != ds[0].PersonID {
				t.Fatalf("record 2 was not linked to the namesake on arrival: %+v", ds[1])
			}
			if mem.current[3] == mem.current[1] {
				t.Fatalf("the newcomer joined the namesake: %+v", ds[2])
			}
			if got := mem.current[2] == mem.current[3]; got != tc.moved {
				t.Fatalf("record 2 in person %d, the newcomer in %d: moved %v, want %v", mem.current[2], mem.current[3], got, tc.moved)
			}
			queued, left := false, false
			for _, it := range mem.reviews {
				queued = queued || it.RecordA == 2 && it.RecordB == 3
				left = left || it.RecordA == 1 && it.RecordB == 2
			}
			if tc.moved && (!queued || !left) {
				t.Errorf("the move's pair queued %v, the pair it left %v, want both: %+v", queued, left, mem.reviews)
			}
		})
	}
}

// TestSecondLookInStore: through the database, the second look's merge is
// automatic links that end the old ones, a caseworker's "not same" on the
// queued pair undoes it, and an index rebuilt from the store knows every
// record's person as the live one does.
func TestSecondLookInStore(t *testing.T) {
	ctx := context.Background()
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		rs := store(t, db, kovalenko...)
		persons := sqldb.NewPersonService(db)
		for _, r := range rs[:2] { // two lists linked apart
			if _, err := persons.LinkRecord(ctx, r.ID, 0, lastseen.Link{Method: lastseen.LinkNew}); err != nil {
				t.Fatal(err)
			}
		}
		before := map[int64]int64{rs[0].ID: currentPerson(t, db, rs[0].ID), rs[1].ID: currentPerson(t, db, rs[1].ID)}
		newLinker := func() *index.Linker {
			l := dbLinker(db)
			l.Index = index.New(index.Options{Model: linkage.NewModel()})
			if _, err := index.Load(ctx, l, sqldb.NewRecordService(db), index.LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			return l
		}
		l := newLinker()
		d, err := l.LinkRecord(ctx, rs[2])
		if err != nil {
			t.Fatal(err)
		}
		moved := rs[0].ID
		if d.PersonID == before[moved] {
			moved = rs[1].ID
		}
		for _, r := range rs {
			if p := currentPerson(t, db, r.ID); p != d.PersonID {
				t.Fatalf("record %d in person %d, want %d: not merged", r.ID, p, d.PersonID)
			}
		}
		hist, err := persons.FindLinks(ctx, lastseen.LinkFilter{RecordID: moved, IncludeRemoved: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 2 || hist[0].Method != lastseen.LinkAutomatic || hist[1].PersonID != before[moved] || hist[1].RemovedAt == nil {
			t.Fatalf("links of the moved record %d: %+v", moved, hist)
		}
		items, _, err := sqldb.NewReviewService(db).FindReviewItems(ctx, lastseen.ReviewFilter{RecordID: moved})
		if err != nil || len(items) == 0 {
			t.Fatalf("no review item for the moved record %d: %v", moved, err)
		}

		u := &lastseen.User{Name: "Caseworker", Email: "cw@example.org", Role: lastseen.RoleCaseworker}
		if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		cw := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: u.ID})
		out, err := sqldb.NewCaseService(db).Judge(cw, &lastseen.Judgement{RecordA: rs[2].ID, RecordB: moved, Verdict: lastseen.VerdictNotSame})
		if err != nil {
			t.Fatal(err)
		}
		if out.PersonB != before[moved] {
			t.Fatalf("after the caseworker's not same, record %d is in person %d, want %d where it was", moved, out.PersonB, before[moved])
		}
		// whoever changes persons tells the live index (Index.SetPerson)
		l.Index.SetPerson(moved, out.PersonB)
		rebuilt := newLinker()
		for _, r := range rs {
			a, _ := l.Index.PersonOf(r.ID)
			b, _ := rebuilt.Index.PersonOf(r.ID)
			if a != b || b != currentPerson(t, db, r.ID) {
				t.Errorf("record %d: live index person %d, rebuilt %d, store %d", r.ID, a, b, currentPerson(t, db, r.ID))
			}
		}
	})
}
