package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestPersonService_LinkRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		ps := sqldb.NewPersonService(db)
		auto := lastseen.Link{Method: lastseen.LinkAutomatic, Score: 7}
		fresh := lastseen.Link{Method: lastseen.LinkNew}

		// four records of two men, whose claims disagree enough that the
		// derived status depends on every record
		set := func(t *testing.T, prefix string) []*lastseen.Record {
			t.Helper()
			rs := []*lastseen.Record{newRecord(prefix + "-1"), newRecord(prefix + "-2"), newRecord(prefix + "-3"), newRecord(prefix + "-4")}
			rs[0].Side, rs[0].BirthDate = "ua", lastseen.MustParseDate("1994")
			rs[1].Side, rs[1].BirthDate, rs[1].Patronymic = "ua", lastseen.NewDate(1994, 3, 7), ""
			rs[1].Claims = []*lastseen.Claim{{Status: lastseen.StatusCaptured, Date: lastseen.MustParseDate("2023-07"), Place: "Olenivka"}}
			rs[2].GivenName, rs[2].Claims = "Петро", []*lastseen.Claim{{Status: lastseen.StatusAlive, Date: lastseen.MustParseDate("2024-01")}}
			rs[3].GivenName, rs[3].Side = "Петро", "ru"
			rs[3].Claims = []*lastseen.Claim{{Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2024-02")}}
			for _, r := range rs {
				mustCreate(t, db, r)
			}
			return rs
		}
		person := func(t *testing.T, id int64) *lastseen.Person {
			t.Helper()
			p, err := ps.FindPersonByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		// what a person's refresh derives (record ids differ between the
		// two sets: they are counted)
		derived := func(p *lastseen.Person) string {
			return fmt.Sprintf("%q %v %q %s %.3f %v conflict=%d verified=%v records=%d",
				p.Name, p.BirthDate, p.Side, p.Status, p.Confidence, p.AsOf, len(p.Conflict), p.Verified, len(p.Records))
		}

		t.Run("SameAsOneByOne", func(t *testing.T) {
			// one by one: two new persons, then the second record moves
			one := set(t, "one")
			p, err := ps.LinkRecord(ctx, one[0].ID, 0, fresh)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ps.LinkRecord(ctx, one[1].ID, p, auto); err != nil {
				t.Fatal(err)
			}
			q, err := ps.LinkRecord(ctx, one[2].ID, 0, fresh)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []*lastseen.Record{one[3], one[1]} {
				if _, err := ps.LinkRecord(ctx, r.ID, q, auto); err != nil {
					t.Fatal(err)
				}
			}

			// the same in one batch, the new persons named -1 and -2
			two := set(t, "two")
			got, err := ps.LinkRecords(ctx, []lastseen.LinkRequest{
				{RecordID: two[0].ID, PersonID: -1, Link: fresh},
				{RecordID: two[1].ID, PersonID: -1, Link: auto},
				{RecordID: two[2].ID, PersonID: -2, Link: fresh},
				{RecordID: two[3].ID, PersonID: -2, Link: auto},
				{RecordID: two[1].ID, PersonID: -2, Link: auto},
			})
			if err != nil {
				t.Fatal(err)
			}
			bp, bq := got[0], got[2]
			if bp == 0 || bq == 0 || bp == bq || !slices.Equal(got, []int64{bp, bp, bq, bq, bq}) {
				t.Fatalf("person ids %v: want two new persons, -1 → %d and -2 → %d", got, bp, bq)
			}
			for _, pair := range [][2]int64{{p, bp}, {q, bq}} {
				want, have := derived(person(t, pair[0])), derived(person(t, pair[1]))
				if want != have {
					t.Errorf("person %d after the batch:\n%s\nwant, as one by one (person %d):\n%s", pair[1], have, pair[0], want)
				}
			}
			// one audit event per link, naming the move
			events, err := sqldb.NewAuditService(db).FindAuditEvents(ctx, lastseen.AuditFilter{Action: "record.link"})
			if err != nil {
				t.Fatal(err)
			}
			var batch []string
			for _, e := range events {
				for _, r := range two {
					if e.Subject == fmt.Sprintf("record:%d", r.ID) {
						batch = append(batch, e.Detail)
					}
				}
			}
			if len(batch) != 5 || !slices.Contains(batch, fmt.Sprintf("person:%d automatic from person:%d", bq, bp)) {
				t.Errorf("audit details of the batch %q: want 5, one a move from person %d", batch, bp)
			}
			links, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordIDs: []int64{two[0].ID, two[1].ID}, IncludeRemoved: true})
			if err != nil || len(links) != 3 {
				t.Errorf("%d links of two records (%v), want 3 (one ended)", len(links), err)
			}
		})

		t.Run("SameLinkAgainChangesNothing", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("again-batch"))
			got, err := ps.LinkRecords(ctx, []lastseen.LinkRequest{{RecordID: r.ID, Link: auto}})
			if err != nil {
				t.Fatal(err)
			}
			if again, err := ps.LinkRecords(ctx, []lastseen.LinkRequest{{RecordID: r.ID, PersonID: got[0], Link: auto}}); err != nil || again[0] != got[0] {
				t.Fatalf("again: %v, %v", again, err)
			}
			links, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordID: r.ID, IncludeRemoved: true})
			if err != nil || len(links) != 1 {
				t.Errorf("%d links (%v), want 1", len(links), err)
			}
		})

		// every error leaves nothing of the batch behind
		nothingLinked := func(t *testing.T, rs ...*lastseen.Record) {
			t.Helper()
			for _, r := range rs {
				if ls, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordID: r.ID}); err != nil || len(ls) != 0 {
					t.Errorf("record %d has %d links (%v) after a failed batch", r.ID, len(ls), err)
				}
			}
		}

		t.Run("ErrNotFound", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("nf-batch"))
			for _, tc := range []struct {
				req   lastseen.LinkRequest
				field string
			}{
				{lastseen.LinkRequest{RecordID: 999999, Link: auto}, "record_id"},
				{lastseen.LinkRequest{RecordID: r.ID, PersonID: 999999, Link: auto}, "person_id"},
				{lastseen.LinkRequest{RecordID: r.ID, Link: lastseen.Link{Method: lastseen.LinkCaseworker, DecidedBy: 999999}}, "decided_by"},
			} {
				_, err := ps.LinkRecords(ctx, []lastseen.LinkRequest{{RecordID: r.ID, Link: fresh}, tc.req})
				wantCode(t, err, lastseen.ENOTFOUND)
				wantField(t, err, tc.field)
				nothingLinked(t, r)
			}
		})

		t.Run("ErrInvalidMethod", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("bad-method-batch"))
			_, err := ps.LinkRecords(ctx, []lastseen.LinkRequest{{RecordID: r.ID, Link: lastseen.Link{Method: "guess"}}})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "links[0].method")
		})

		t.Run("ErrConflictAcrossNotSame", func(t *testing.T) {
			a, b := mustCreate(t, db, newRecord("ns-batch-a")), mustCreate(t, db, newRecord("ns-batch-b"))
			c := mustCreate(t, db, newRecord("ns-batch-c"))
			if err := sqldb.NewJudgementService(db).CreateJudgement(ctx, &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: lastseen.VerdictNotSame}); err != nil {
				t.Fatal(err)
			}
			// the linker reads a batch's judgements at once
			js := sqldb.NewJudgementService(db)
			for _, tc := range []struct {
				ids  []int64
				want int
			}{{[]int64{c.ID, b.ID}, 1}, {[]int64{c.ID}, 0}} {
				got, err := js.FindJudgements(ctx, lastseen.JudgementFilter{RecordIDs: tc.ids})
				if err != nil || len(got) != tc.want {
					t.Errorf("judgements of records %v: %d (%v), want %d", tc.ids, len(got), err, tc.want)
				}
			}
			reqs := []lastseen.LinkRequest{
				{RecordID: c.ID, PersonID: -1, Link: fresh},
				{RecordID: a.ID, PersonID: -1, Link: auto},
				{RecordID: b.ID, PersonID: -1, Link: auto}, // joins a person a was put in earlier in the batch
			}
			_, err := ps.LinkRecords(ctx, reqs)
			wantCode(t, err, lastseen.ECONFLICT)
			nothingLinked(t, a, b, c)

			reqs[2].Link = lastseen.Link{Method: lastseen.LinkCaseworker}
			if _, err := ps.LinkRecords(ctx, reqs); err != nil {
				t.Errorf("a caseworker may link across a judgement: %v", err)
			}
		})
	})
}
