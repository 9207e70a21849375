package sqldb_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestPersonService_LinkGroups(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		records, persons := sqldb.NewRecordService(db), sqldb.NewPersonService(db)
		src := &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "List (fictional)"}
		if err := sqldb.NewSourceService(db).CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		var rs []*lastseen.Record
		for i := range 7 {
			status := lastseen.StatusMissing
			if i%2 == 1 {
				status = lastseen.StatusCaptured
			}
			rs = append(rs, &lastseen.Record{ExternalID: fmt.Sprint(i), FullName: fmt.Sprintf("Person %d", i/2), Side: "ua",
				Claims: []*lastseen.Claim{{Status: status, Date: lastseen.NewDate(2023, 1, i+1)}}})
		}
		res, err := records.ImportRecords(ctx, src.ID, rs)
		if err != nil {
			t.Fatal(err)
		}
		id := res.IDs
		groups := [][]int64{{id[0], id[1]}, {id[2], id[3]}, {id[4]}}
		pids, err := persons.LinkGroups(ctx, groups, lastseen.Link{Method: lastseen.LinkAutomatic, Score: 12})
		if err != nil {
			t.Fatal(err)
		}
		if len(pids) != 3 {
			t.Fatalf("%d persons, want 3", len(pids))
		}
		t.Run("PersonsDerived", func(t *testing.T) {
			for i, pid := range pids {
				p, err := persons.FindPersonByID(ctx, pid)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Records) != len(groups[i]) || p.Side != "ua" || p.Name == "" {
					t.Fatalf("person %d: %d records, side %q, name %q", pid, len(p.Records), p.Side, p.Name)
				}
				// The later claim of the pair, a capture, is the status.
				if want := map[int]lastseen.Status{0: lastseen.StatusCaptured, 1: lastseen.StatusCaptured, 2: lastseen.StatusMissing}[i]; p.Status != want {
					t.Fatalf("person %d: status %q, want %q", pid, p.Status, want)
				}
			}
		})
		t.Run("Audited", func(t *testing.T) {
			evs, err := sqldb.NewAuditService(db).FindAuditEvents(ctx, lastseen.AuditFilter{Subject: fmt.Sprintf("record:%d", id[3]), Action: "record.link"})
			if err != nil || len(evs) != 1 {
				t.Fatalf("%d audit events, %v", len(evs), err)
			}
		})
		t.Run("ErrConflictLinked", func(t *testing.T) {
			_, err := persons.LinkGroups(ctx, [][]int64{{id[5]}, {id[1]}}, lastseen.Link{Method: lastseen.LinkAutomatic})
			wantCode(t, err, lastseen.ECONFLICT)
			// Nothing of the failed transaction stays: record 5 is unlinked.
			links, err := persons.FindLinks(ctx, lastseen.LinkFilter{RecordID: id[5]})
			if err != nil || len(links) != 0 {
				t.Fatalf("links %v, %v", links, err)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := persons.LinkGroups(ctx, [][]int64{{id[5], 9999}}, lastseen.Link{Method: lastseen.LinkAutomatic})
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "groups[0][1]")
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			_, err := persons.LinkGroups(ctx, [][]int64{{}}, lastseen.Link{Method: lastseen.LinkNew})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "method")
			wantField(t, err, "groups[0]")
			_, err = persons.LinkGroups(ctx, [][]int64{{id[5]}, {id[5]}}, lastseen.Link{Method: lastseen.LinkAutomatic})
			wantCode(t, err, lastseen.EINVALID)
		})
	})
}
