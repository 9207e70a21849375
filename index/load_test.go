package index_test

import (
	"context"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// store saves records as a list's rows, unlinked, and returns them with ids.
func store(t *testing.T, db *sqldb.DB, rs ...*lastseen.Record) []*lastseen.Record {
	t.Helper()
	svc := sqldb.NewRecordService(db)
	var out []*lastseen.Record
	for _, r := range rs {
		c := *r
		c.Source = &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "list"}
		if err := svc.CreateRecord(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, &c)
	}
	return out
}

func dbLinker(db *sqldb.DB) *index.Linker {
	return &index.Linker{
		Index:      index.New(index.Options{}),
		Persons:    sqldb.NewPersonService(db),
		Reviews:    sqldb.NewReviewService(db),
		Judgements: sqldb.NewJudgementService(db),
	}
}

func currentPerson(t *testing.T, db *sqldb.DB, recordID int64) int64 {
	t.Helper()
	ls, err := sqldb.NewPersonService(db).FindLinks(context.Background(), lastseen.LinkFilter{RecordID: recordID})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if l.RemovedAt == nil {
			return l.PersonID
		}
	}
	return 0
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		rs := store(t, db, append(append([]*lastseen.Record{}, others...), kovalenko[:2]...)...)
		live := dbLinker(db)
		for _, r := range rs {
			if _, err := live.LinkRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		twin := currentPerson(t, db, rs[len(rs)-1].ID)
		if twin == 0 || twin != currentPerson(t, db, rs[len(rs)-2].ID) {
			t.Fatalf("the two Kovalenko records are not one person in the store")
		}

		// the process dies after storing the third Kovalenko record and a
		// record nobody knows, before linking them
		left := store(t, db, kovalenko[2], &lastseen.Record{GivenName: "Тарас", FamilyName: "Гнатюк"})
		for _, r := range left {
			if p := currentPerson(t, db, r.ID); p != 0 {
				t.Fatalf("record %d linked before the restart", r.ID)
			}
		}

		t.Run("CrashLeftRecordsLinkedAtStart", func(t *testing.T) {
			l := dbLinker(db)
			st, err := index.Load(ctx, l, sqldb.NewRecordService(db), index.LoadOptions{Train: true})
			if err != nil {
				t.Fatal(err)
			}
			if st.Records != len(rs)+len(left) || st.Unlinked != len(left) || st.Trained != nil {
				t.Fatalf("load stats %+v, want %d records, %d unlinked, no training on so few", st, len(rs)+len(left), len(left))
			}
			if p := currentPerson(t, db, left[0].ID); p != twin {
				t.Errorf("the crash-left Kovalenko record is linked to person %d, want %d", p, twin)
			}
			if p := currentPerson(t, db, left[1].ID); p == 0 || p == twin {
				t.Errorf("the crash-left stranger is linked to person %d, want a new person", p)
			}
			if l.Index.Len() != st.Records {
				t.Errorf("index holds %d records, want %d", l.Index.Len(), st.Records)
			}
		})

		t.Run("RebuildDecidesAsLive", func(t *testing.T) {
			// the live index learns the crash-left records as any other
			for _, r := range left {
				r.PersonID = currentPerson(t, db, r.ID)
				live.Index.Add(live.Index.Prepare(r))
			}
			rebuilt := dbLinker(db)
			if _, err := index.Load(ctx, rebuilt, sqldb.NewRecordService(db), index.LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			probes := withIDs(1000,
				&lastseen.Record{GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.NewDate(1990, 3, 7)},
				&lastseen.Record{GivenName: "Андрей", FamilyName: "Шевчук", BirthDate: lastseen.MustParseDate("1985")},
				&lastseen.Record{FullName: "Соколова Ирина Петровна"},
			)
			for _, p := range probes {
				a := live.Index.Match(live.Index.Prepare(p), nil)
				b := rebuilt.Index.Match(rebuilt.Index.Prepare(p), nil)
				if a.Action != b.Action || a.PersonID != b.PersonID || a.Score != b.Score || len(a.Persons) != len(b.Persons) {
					t.Errorf("%s: live %+v, rebuilt %+v", p.DisplayName(), a, b)
				}
			}
		})

		t.Run("NotSameJudgementRespectedAtStart", func(t *testing.T) {
			u := &lastseen.User{Name: "caseworker", Role: lastseen.RoleCaseworker}
			if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			r := store(t, db, &lastseen.Record{GivenName: "Олександр", Patronymic: "Миколайович", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7), Sex: lastseen.SexMale})[0]
			for _, other := range rs[len(rs)-2:] {
				j := &lastseen.Judgement{RecordA: other.ID, RecordB: r.ID, Verdict: lastseen.VerdictNotSame, UserID: u.ID}
				if err := sqldb.NewJudgementService(db).CreateJudgement(ctx, j); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := index.Load(ctx, dbLinker(db), sqldb.NewRecordService(db), index.LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			if p := currentPerson(t, db, r.ID); p == 0 || p == twin {
				t.Errorf("record judged not the same as person %d's records is linked to person %d", twin, p)
			}
		})
	})
}

func TestFollower(t *testing.T) {
	ctx := context.Background()
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		serve := dbLinker(db)
		if _, err := index.Load(ctx, serve, sqldb.NewRecordService(db), index.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		// another process (an import) stores and links two records, and
		// stores a third it dies before linking
		other := dbLinker(db)
		rs := store(t, db, kovalenko...)
		for _, r := range rs[:2] {
			if _, err := other.LinkRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		f := &index.Follower{Linker: serve, Store: sqldb.NewRecordService(db), Grace: time.Minute}
		now := time.Now()
		if err := f.Poll(ctx, now); err != nil {
			t.Fatal(err)
		}
		if serve.Index.Len() != 2 {
			t.Fatalf("after the first poll the index holds %d records, want the 2 linked ones", serve.Index.Len())
		}
		if p := currentPerson(t, db, rs[2].ID); p != 0 {
			t.Fatalf("the follower linked record %d within the grace period", rs[2].ID)
		}
		if err := f.Poll(ctx, now.Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if p, want := currentPerson(t, db, rs[2].ID), currentPerson(t, db, rs[0].ID); p != want {
			t.Fatalf("after the grace period record %d is linked to person %d, want %d", rs[2].ID, p, want)
		}
		if hs := serve.Index.Search(index.Query{Name: "Oleksandr Kovalenko"}); len(hs) != 1 || len(hs[0].Records) != 3 {
			t.Fatalf("search after following: %+v, want one person with 3 records", hs)
		}
	})
}

// TestFollowerInterleaved: another process's record with an id below one
// this process linked since the last poll is still followed.
func TestFollowerInterleaved(t *testing.T) {
	ctx := context.Background()
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		serve := dbLinker(db)
		if _, err := index.Load(ctx, serve, sqldb.NewRecordService(db), index.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		f := &index.Follower{Linker: serve, Store: sqldb.NewRecordService(db)}
		if err := f.Poll(ctx, time.Now()); err != nil {
			t.Fatal(err)
		}
		rs := store(t, db, others[1], others[2])
		other := dbLinker(db)
		if _, err := other.LinkRecord(ctx, rs[0]); err != nil { // another process
			t.Fatal(err)
		}
		if _, err := serve.LinkRecord(ctx, rs[1]); err != nil { // this one
			t.Fatal(err)
		}
		if err := f.Poll(ctx, time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, ok := serve.Index.PersonOf(rs[0].ID); !ok {
			t.Fatalf("record %d, stored and linked by another process below this one's %d, is not followed", rs[0].ID, rs[1].ID)
		}
	})
}

// TestReviewQueued: a pair in the review band is queued in the store's
// review queue with its explanation, once, on both databases.
func TestReviewQueued(t *testing.T) {
	ctx := context.Background()
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		rs := store(t, db,
			&lastseen.Record{GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.MustParseDate("1990")},
			&lastseen.Record{GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.MustParseDate("1990-03")},
		)
		scratch := index.New(index.Options{})
		a := *rs[0]
		a.PersonID = 1
		scratch.Add(scratch.Prepare(&a))
		ex, _ := scratch.Explain(scratch.Prepare(rs[1]), rs[0].ID)
		bands := linkage.Bands{Link: ex.Score + 1, Review: ex.Score - 1}
		reviews := sqldb.NewReviewService(db)
		l := &index.Linker{Index: index.New(index.Options{Bands: &bands}), Persons: sqldb.NewPersonService(db),
			Reviews: reviews, Judgements: sqldb.NewJudgementService(db)}
		for _, r := range rs {
			if _, err := l.LinkRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		items, n, err := reviews.FindReviewItems(ctx, lastseen.ReviewFilter{State: lastseen.ReviewOpen})
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 || len(items) != 1 || items[0].RecordA != rs[0].ID || items[0].RecordB != rs[1].ID || len(items[0].Fields) == 0 {
			t.Fatalf("review items %+v (total %d), want one for records %d and %d with its fields", items, n, rs[0].ID, rs[1].ID)
		}
		if currentPerson(t, db, rs[0].ID) == currentPerson(t, db, rs[1].ID) {
			t.Errorf("a review-band pair was linked")
		}
	})
}
