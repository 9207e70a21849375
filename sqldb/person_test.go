package sqldb_test

import (
	"context"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestPersonService_LinkRecord(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		ps := sqldb.NewPersonService(db)
		rs := sqldb.NewRecordService(db)
		auto := lastseen.Link{Method: lastseen.LinkAutomatic, Score: 12.5}

		t.Run("NewPersonThenRelinkKeepsHistory", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("link-1"))
			p1, err := ps.LinkRecord(ctx, r.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil || p1 == 0 {
				t.Fatalf("link to a new person: %d, %v", p1, err)
			}
			other := mustCreate(t, db, newRecord("link-2"))
			p2, err := ps.LinkRecord(ctx, other.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil || p2 == p1 {
				t.Fatalf("second new person: %d, %v", p2, err)
			}
			if got, err := ps.LinkRecord(ctx, r.ID, p2, auto); err != nil || got != p2 {
				t.Fatalf("relink: %d, %v", got, err)
			}

			links, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordID: r.ID, IncludeRemoved: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(links) != 2 {
				t.Fatalf("%d links, want 2", len(links))
			}
			now, was := links[0], links[1]
			if now.PersonID != p2 || now.RemovedAt != nil || now.Method != lastseen.LinkAutomatic || now.Score != 12.5 {
				t.Errorf("current link %+v", now)
			}
			if was.PersonID != p1 || was.RemovedAt == nil || was.Method != lastseen.LinkNew {
				t.Errorf("old link %+v", was)
			}
			current, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordID: r.ID})
			if err != nil || len(current) != 1 || current[0].ID != now.ID {
				t.Errorf("current links %+v, %v", current, err)
			}
			got, err := rs.FindRecordByID(ctx, r.ID)
			if err != nil || got.PersonID != p2 {
				t.Errorf("record's person %d (%v), want %d", got.PersonID, err, p2)
			}
			p, err := ps.FindPersonByID(ctx, p2)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Records) != 2 || len(p.Records[0].Claims) != 1 {
				t.Errorf("person %d has %d records", p2, len(p.Records))
			}
			left, err := ps.FindPersonByID(ctx, p1)
			if err != nil || len(left.Records) != 0 || left.Name != "" {
				t.Errorf("emptied person %+v, %v", left, err)
			}
			byPerson, err := ps.FindLinks(ctx, lastseen.LinkFilter{PersonID: p1, IncludeRemoved: true})
			if err != nil || len(byPerson) != 1 || byPerson[0].RecordID != r.ID {
				t.Errorf("links of person %d: %+v, %v", p1, byPerson, err)
			}
			events, err := sqldb.NewAuditService(db).FindAuditEvents(ctx, lastseen.AuditFilter{Action: "record.link"})
			if err != nil || len(events) != 3 {
				t.Errorf("%d record.link audit events (%v), want 3", len(events), err)
			}
		})

		t.Run("SameLinkAgainChangesNothing", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("again"))
			p, err := ps.LinkRecord(ctx, r.ID, 0, auto)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ps.LinkRecord(ctx, r.ID, p, auto); err != nil {
				t.Fatal(err)
			}
			links, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordID: r.ID, IncludeRemoved: true})
			if err != nil || len(links) != 1 {
				t.Errorf("%d links (%v), want 1", len(links), err)
			}
		})

		t.Run("PersonFieldsRefreshed", func(t *testing.T) {
			short := newRecord("short")
			short.Patronymic, short.Side = "", "ua"
			short.BirthDate = lastseen.MustParseDate("1994")
			mustCreate(t, db, short)
			p, err := ps.LinkRecord(ctx, short.ID, 0, lastseen.Link{Method: lastseen.LinkNew})
			if err != nil {
				t.Fatal(err)
			}
			got, err := ps.FindPersonByID(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != "Олександр Коваленко" || got.BirthDate != short.BirthDate || got.Side != "ua" {
				t.Errorf("person after one record: %q %v %q", got.Name, got.BirthDate, got.Side)
			}

			full := newRecord("full")
			full.BirthDate, full.Side = lastseen.NewDate(1994, 3, 7), "ua"
			mustCreate(t, db, full)
			if _, err := ps.LinkRecord(ctx, full.ID, p, auto); err != nil {
				t.Fatal(err)
			}
			got, err = ps.FindPersonByID(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != "Олександр Миколайович Коваленко" || got.BirthDate != full.BirthDate {
				t.Errorf("person after two records: %q %v", got.Name, got.BirthDate)
			}
			if !got.UpdatedAt.After(got.CreatedAt) && !got.UpdatedAt.Equal(got.CreatedAt) {
				t.Errorf("updated %v before created %v", got.UpdatedAt, got.CreatedAt)
			}

			// A correction of the full record replaces it in the person's fields.
			fix := newRecord("full-fix")
			fix.Supersedes, fix.BirthDate = full.ID, lastseen.MustParseDate("1995-01")
			mustCreate(t, db, fix)
			if _, err := ps.LinkRecord(ctx, fix.ID, p, auto); err != nil {
				t.Fatal(err)
			}
			got, err = ps.FindPersonByID(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if got.BirthDate != fix.BirthDate {
				t.Errorf("birth date %v, want the correction's %v", got.BirthDate, fix.BirthDate)
			}
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("nf"))
			_, err := ps.LinkRecord(ctx, 999999, 0, auto)
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "record_id")
			_, err = ps.LinkRecord(ctx, r.ID, 999999, auto)
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "person_id")
			_, err = ps.LinkRecord(ctx, r.ID, 0, lastseen.Link{Method: lastseen.LinkCaseworker, DecidedBy: 999999})
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "decided_by")
			_, err = ps.FindPersonByID(ctx, 999999)
			wantCode(t, err, lastseen.ENOTFOUND)
		})

		t.Run("ErrInvalidMethod", func(t *testing.T) {
			r := mustCreate(t, db, newRecord("bad-method"))
			_, err := ps.LinkRecord(ctx, r.ID, 0, lastseen.Link{Method: "guess"})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "method")
		})
	})
}

func TestPersonService_Judgements(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		ps := sqldb.NewPersonService(db)
		js := sqldb.NewJudgementService(db)
		auto := lastseen.Link{Method: lastseen.LinkAutomatic}
		caseworker := lastseen.Link{Method: lastseen.LinkCaseworker}
		judge := func(t *testing.T, a, b int64, v lastseen.Verdict) {
			t.Helper()
			if err := js.CreateJudgement(ctx, &lastseen.Judgement{RecordA: a, RecordB: b, Verdict: v}); err != nil {
				t.Fatal(err)
			}
		}

		t.Run("ErrConflictAcrossNotSame", func(t *testing.T) {
			a, b := mustCreate(t, db, newRecord("ns-a")), mustCreate(t, db, newRecord("ns-b"))
			p, err := ps.LinkRecord(ctx, a.ID, 0, auto)
			if err != nil {
				t.Fatal(err)
			}
			judge(t, b.ID, a.ID, lastseen.VerdictNotSame)
			_, err = ps.LinkRecord(ctx, b.ID, p, auto)
			wantCode(t, err, lastseen.ECONFLICT)
			if _, err := ps.LinkRecord(ctx, b.ID, p, caseworker); err != nil {
				t.Errorf("a caseworker may link across a judgement: %v", err)
			}
		})

		t.Run("LatestJudgementRules", func(t *testing.T) {
			a, b := mustCreate(t, db, newRecord("late-a")), mustCreate(t, db, newRecord("late-b"))
			p, err := ps.LinkRecord(ctx, a.ID, 0, auto)
			if err != nil {
				t.Fatal(err)
			}
			judge(t, a.ID, b.ID, lastseen.VerdictNotSame)
			judge(t, a.ID, b.ID, lastseen.VerdictSame)
			if _, err := ps.LinkRecord(ctx, b.ID, p, auto); err != nil {
				t.Errorf("the later 'same' should allow the link: %v", err)
			}
		})

		t.Run("ErrConflictSplittingSame", func(t *testing.T) {
			a, b := mustCreate(t, db, newRecord("same-a")), mustCreate(t, db, newRecord("same-b"))
			p, err := ps.LinkRecord(ctx, a.ID, 0, auto)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ps.LinkRecord(ctx, b.ID, p, auto); err != nil {
				t.Fatal(err)
			}
			judge(t, a.ID, b.ID, lastseen.VerdictSame)
			_, err = ps.LinkRecord(ctx, b.ID, 0, auto)
			wantCode(t, err, lastseen.ECONFLICT)
		})
	})
}
