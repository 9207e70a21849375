package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestRecordService_CreateRecord(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)

		t.Run("RoundTripKeepsEveryField", func(t *testing.T) {
			civilian := false
			r := &lastseen.Record{
				Source: &lastseen.Source{Kind: lastseen.SourceFamily, Name: "Запити родин", URL: "https://example.org/",
					Publisher: "Гуртом", Date: lastseen.MustParseDate("2024-02"), Reliability: "B"},
				ExternalID:    "row-17",
				GivenName:     "Олександр",
				Patronymic:    "Миколайович",
				FamilyName:    "Коваленко",
				FullName:      "Коваленко Олександр Миколайович",
				AltNames:      []string{"Oleksandr Kovalenko", "Александр Коваленко", "Їжак Ґава Єва Йосип Ёлкин"},
				Sex:           lastseen.SexMale,
				BirthDate:     lastseen.NewDate(1994, 3, 7),
				BirthPlace:    "Біла Церква",
				Side:          "ua",
				Unit:          "72 ОМБр",
				Rank:          "сержант",
				ServiceNumber: "АА-123456",
				Civilian:      &civilian,
				LastSeenDate:  lastseen.MustParseDate("2023-05"),
				LastSeenPlace: "Вугледар",
				Circumstances: "Під час штурму; «зв'язок втрачено».",
				Notes:         "ї є ґ ё й",
				Claims: []*lastseen.Claim{
					{Status: lastseen.StatusMissing, Date: lastseen.NewDate(2023, 5, 14), Place: "Вугледар", Credibility: 3,
						Evidence: "Повідомлення командира", EvidenceURL: "https://example.org/1"},
					{Status: "pow", Date: lastseen.MustParseDate("2023"), Credibility: 6},
				},
				Submitter: lastseen.Submitter{Kind: lastseen.SubmitterUser, ID: "42"},
			}
			if err := s.CreateRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
			if r.ID == 0 || r.SourceID == 0 || r.ReceivedAt.IsZero() || r.Claims[0].ID == 0 || r.Claims[1].RecordID != r.ID {
				t.Fatalf("ids and times not set: %+v", r)
			}
			if r.Claims[1].Status != lastseen.StatusCaptured {
				t.Errorf("alias status stored as %q, want %q", r.Claims[1].Status, lastseen.StatusCaptured)
			}
			got, err := s.FindRecordByID(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Source, r.Source) {
				t.Errorf("source\n got %+v\nwant %+v", got.Source, r.Source)
			}
			want := *r
			want.Source, got.Source = nil, nil
			if !reflect.DeepEqual(got, &want) {
				t.Errorf("record\n got %+v\nwant %+v", got, &want)
			}
			for i := range want.Claims {
				if !reflect.DeepEqual(got.Claims[i], want.Claims[i]) {
					t.Errorf("claim %d\n got %+v\nwant %+v", i, got.Claims[i], want.Claims[i])
				}
			}
			// Byte for byte, not merely equal after normalisation.
			if got.AltNames[2] != "Їжак Ґава Єва Йосип Ёлкин" {
				t.Errorf("alt name %q changed", got.AltNames[2])
			}
		})

		t.Run("PartialDatesKeepTheirPrecision", func(t *testing.T) {
			for i, d := range []string{"", "1971", "1971-11", "1971-11-30", "2000-02-29"} {
				r := newRecord(fmt.Sprint("date-", i))
				r.BirthDate, r.LastSeenDate = lastseen.MustParseDate(d), lastseen.MustParseDate(d)
				r.Claims = []*lastseen.Claim{{Status: lastseen.StatusDead, Date: lastseen.MustParseDate(d)}}
				mustCreate(t, db, r)
				got, err := s.FindRecordByID(ctx, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, pd := range []lastseen.PartialDate{got.BirthDate, got.LastSeenDate, got.Claims[0].Date} {
					if pd != r.BirthDate {
						t.Errorf("%q read back as %+v", d, pd)
					}
				}
			}
		})

		t.Run("SourceFoundByKindAndName", func(t *testing.T) {
			a := mustCreate(t, db, newRecord("src-a"))
			b := mustCreate(t, db, newRecord("src-b"))
			if a.SourceID != b.SourceID {
				t.Errorf("same kind and name made two sources: %d, %d", a.SourceID, b.SourceID)
			}
			c := newRecord("src-c")
			c.Source.Kind = lastseen.SourceMedia
			mustCreate(t, db, c)
			if c.SourceID == a.SourceID {
				t.Errorf("another kind found source %d", a.SourceID)
			}
			d := newRecord("src-d")
			d.Source, d.SourceID = nil, c.SourceID
			mustCreate(t, db, d)
			if d.SourceID != c.SourceID {
				t.Errorf("SourceID %d became %d", c.SourceID, d.SourceID)
			}
		})

		t.Run("SubmitterFromActor", func(t *testing.T) {
			for _, tc := range []struct {
				actor *lastseen.Actor
				want  lastseen.Submitter
			}{
				{nil, lastseen.Submitter{}},
				{&lastseen.Actor{UserID: 7}, lastseen.Submitter{Kind: lastseen.SubmitterUser, ID: "7"}},
				{&lastseen.Actor{APIKeyID: 9}, lastseen.Submitter{Kind: lastseen.SubmitterAPIKey, ID: "9"}},
				{&lastseen.Actor{Token: "tok"}, lastseen.Submitter{Kind: lastseen.SubmitterAnonymous, ID: "tok"}},
			} {
				r := newRecord("")
				if err := s.CreateRecord(lastseen.NewContextWithActor(ctx, tc.actor), r); err != nil {
					t.Fatal(err)
				}
				got, err := s.FindRecordByID(ctx, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Submitter != tc.want {
					t.Errorf("actor %+v: submitter %+v, want %+v", tc.actor, got.Submitter, tc.want)
				}
			}
		})

		t.Run("ErrConflictOnDuplicateExternalID", func(t *testing.T) {
			mustCreate(t, db, newRecord("dup"))
			r := newRecord("dup")
			err := s.CreateRecord(ctx, r)
			wantCode(t, err, lastseen.ECONFLICT)
			if r.ID != 0 || r.Claims[0].ID != 0 {
				t.Errorf("a failed create left ids: record %d, claim %d", r.ID, r.Claims[0].ID)
			}
		})

		t.Run("EmptyExternalIDsNeverConflict", func(t *testing.T) {
			mustCreate(t, db, newRecord(""))
			mustCreate(t, db, newRecord(""))
		})

		t.Run("ErrNotFoundSourceID", func(t *testing.T) {
			r := newRecord("")
			r.Source, r.SourceID = nil, 999999
			err := s.CreateRecord(ctx, r)
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "source_id")
		})

		t.Run("ErrNotFoundSupersedes", func(t *testing.T) {
			r := newRecord("")
			r.Supersedes = 999999
			err := s.CreateRecord(ctx, r)
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "supersedes")
		})

		t.Run("ErrInvalidNamesFields", func(t *testing.T) {
			r := newRecord("")
			r.GivenName, r.FamilyName, r.Patronymic, r.Claims[0].Status = "", "", "", "gone"
			err := s.CreateRecord(ctx, r)
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "given_name")
			wantField(t, err, "claims[0].status")
		})

		t.Run("SupersedeKeepsTheOldRecord", func(t *testing.T) {
			old := mustCreate(t, db, newRecord("v1"))
			fix := newRecord("v2")
			fix.BirthDate = lastseen.NewDate(1994, 3, 7)
			fix.Supersedes = old.ID
			mustCreate(t, db, fix)
			got, err := s.FindRecordByID(ctx, old.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !got.BirthDate.IsZero() || got.Supersedes != 0 {
				t.Errorf("old record changed: %+v", got)
			}
			got, err = s.FindRecordByID(ctx, fix.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Supersedes != old.ID {
				t.Errorf("supersedes %d, want %d", got.Supersedes, old.ID)
			}
			events, err := sqldb.NewAuditService(db).FindAuditEvents(ctx, lastseen.AuditFilter{Subject: fmt.Sprintf("record:%d", fix.ID)})
			if err != nil {
				t.Fatal(err)
			}
			if len(events) != 1 || events[0].Detail != fmt.Sprintf("supersedes record:%d", old.ID) {
				t.Errorf("audit events %+v", events)
			}
		})

		t.Run("ErrNotFoundRecord", func(t *testing.T) {
			_, err := s.FindRecordByID(ctx, 999999)
			wantCode(t, err, lastseen.ENOTFOUND)
		})
	})
}

func TestRecordService_Audit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		audit := sqldb.NewAuditService(db)
		events := func(t *testing.T, subject string) []*lastseen.AuditEvent {
			t.Helper()
			es, err := audit.FindAuditEvents(ctx, lastseen.AuditFilter{Subject: subject, Action: "record.create"})
			if err != nil {
				t.Fatal(err)
			}
			return es
		}

		t.Run("WrittenWithEachRecord", func(t *testing.T) {
			for _, tc := range []struct {
				actor         *lastseen.Actor
				kind, actorID string
			}{
				{nil, "system", ""},
				{&lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: 5}, "user", "5"},
				{&lastseen.Actor{Role: lastseen.RolePartner, APIKeyID: 3}, "api_key", "3"},
				{&lastseen.Actor{Role: lastseen.RolePublic, Token: "secret-token"}, "anonymous", ""},
			} {
				r := newRecord("")
				if err := s.CreateRecord(lastseen.NewContextWithActor(ctx, tc.actor), r); err != nil {
					t.Fatal(err)
				}
				es := events(t, fmt.Sprintf("record:%d", r.ID))
				if len(es) != 1 {
					t.Fatalf("%d audit events for record %d, want 1", len(es), r.ID)
				}
				if es[0].ActorKind != tc.kind || es[0].ActorID != tc.actorID || !es[0].At.Equal(r.ReceivedAt) {
					t.Errorf("audit event %+v, want actor %s %q at %v", es[0], tc.kind, tc.actorID, r.ReceivedAt)
				}
			}
		})

		t.Run("WrittenWithEachImportedRecord", func(t *testing.T) {
			src := mustSource(t, db, "Audited import")
			res, err := s.ImportRecords(ctx, src.ID, importBatch(0, 3))
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range res.IDs {
				if es := events(t, fmt.Sprintf("record:%d", id)); len(es) != 1 || es[0].Detail != "import" {
					t.Errorf("record %d: audit events %+v", id, es)
				}
			}
		})

		t.Run("NotWrittenWhenTheTransactionFails", func(t *testing.T) {
			count := func() int {
				t.Helper()
				all, err := audit.FindAuditEvents(ctx, lastseen.AuditFilter{})
				if err != nil {
					t.Fatal(err)
				}
				return len(all)
			}
			before := count()
			// The new source and its audit event are written inside the
			// transaction before the missing superseded record fails it.
			r := newRecord("")
			r.Source.Name, r.Supersedes = "Rolled back", 999999
			wantCode(t, s.CreateRecord(ctx, r), lastseen.ENOTFOUND)
			if n := count(); n != before {
				t.Errorf("%d audit events after a failed create, want %d", n, before)
			}
			srcs, err := sqldb.NewSourceService(db).FindSources(ctx, lastseen.SourceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range srcs {
				if src.Name == "Rolled back" {
					t.Errorf("source %d of a failed create was kept", src.ID)
				}
			}

			src := mustSource(t, db, "Failing import")
			before = count()
			rs := importBatch(0, 2)
			rs[0].ExternalID = "" // written alone, before the batch
			rs[1].Supersedes = 999999
			_, err = s.ImportRecords(ctx, src.ID, rs)
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "records[1].supersedes")
			if n := count(); n != before {
				t.Errorf("%d audit events after a failed import, want %d", n, before)
			}
			if _, n, err := s.FindRecords(ctx, lastseen.RecordFilter{SourceID: src.ID}); err != nil || n != 0 {
				t.Errorf("%d records after a failed import (%v), want 0", n, err)
			}
			if rs[0].ID != 0 {
				t.Errorf("rolled back record kept id %d", rs[0].ID)
			}
		})
	})
}

func mustSource(t testing.TB, db *sqldb.DB, name string) *lastseen.Source {
	t.Helper()
	src, err := sqldb.NewSourceService(db).FindOrCreateSource(context.Background(),
		&lastseen.Source{Kind: lastseen.SourcePrisonerList, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// importBatch returns n valid records with external ids from first on, as an
// importer would build them from list rows.
func importBatch(first, n int) []*lastseen.Record {
	rs := make([]*lastseen.Record, n)
	for i := range rs {
		row := first + i
		rs[i] = &lastseen.Record{
			ExternalID: fmt.Sprint(row),
			GivenName:  "Андрій",
			FamilyName: fmt.Sprintf("Шевчук-%d", row),
			Patronymic: "Іванович",
			BirthDate:  lastseen.MustParseDate(fmt.Sprint(1960 + row%40)),
			Side:       "ua",
			Unit:       "в/ч А0000",
			Claims:     []*lastseen.Claim{{Status: lastseen.StatusCaptured, Date: lastseen.MustParseDate("2022-04")}},
		}
	}
	return rs
}

func TestRecordService_ImportRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		src := mustSource(t, db, "Exchange list 2024-06")

		t.Run("ReimportAddsNothing", func(t *testing.T) {
			res, err := s.ImportRecords(ctx, src.ID, importBatch(0, 50))
			if err != nil {
				t.Fatal(err)
			}
			if res.Imported != 50 || res.Duplicates != 0 || len(res.IDs) != 50 || res.IDs[49] == 0 {
				t.Fatalf("first import: %+v", res)
			}
			res, err = s.ImportRecords(ctx, src.ID, importBatch(0, 50))
			if err != nil {
				t.Fatal(err)
			}
			if res.Imported != 0 || res.Duplicates != 50 || res.IDs[0] != 0 {
				t.Fatalf("second import: imported %d, duplicates %d", res.Imported, res.Duplicates)
			}
			if _, n, _ := s.FindRecords(ctx, lastseen.RecordFilter{SourceID: src.ID}); n != 50 {
				t.Errorf("%d records, want 50", n)
			}
		})

		t.Run("OverlapCountsDuplicates", func(t *testing.T) {
			batch := importBatch(40, 20) // rows 40..59, of which 40..49 exist
			batch = append(batch, importBatch(55, 1)...)
			res, err := s.ImportRecords(ctx, src.ID, batch)
			if err != nil {
				t.Fatal(err)
			}
			if res.Imported != 10 || res.Duplicates != 11 {
				t.Errorf("imported %d, duplicates %d; want 10, 11", res.Imported, res.Duplicates)
			}
			for i, id := range res.IDs {
				if (id != 0) != (i >= 10 && i < 20) {
					t.Errorf("IDs[%d] = %d", i, id)
				}
			}
			got, err := s.FindRecordByID(ctx, res.IDs[10])
			if err != nil {
				t.Fatal(err)
			}
			if got.FamilyName != "Шевчук-50" || got.SourceID != src.ID || len(got.Claims) != 1 {
				t.Errorf("imported record %+v", got)
			}
		})

		t.Run("DuplicatesWithinTheBatchSkipped", func(t *testing.T) {
			batch := append(importBatch(100, 2), importBatch(100, 2)...)
			res, err := s.ImportRecords(ctx, src.ID, batch)
			if err != nil {
				t.Fatal(err)
			}
			if res.Imported != 2 || res.Duplicates != 2 || res.IDs[0] == 0 || res.IDs[2] != 0 {
				t.Errorf("result %+v", res)
			}
		})

		t.Run("ClaimsAndIDsMatchWhatIsStored", func(t *testing.T) {
			other := mustSource(t, db, "Claims list")
			batch := importBatch(0, 700) // more than one multi-row statement
			for i, r := range batch {
				if i%3 == 0 {
					r.ExternalID = "" // written one by one
				}
				r.Claims = []*lastseen.Claim{
					{Status: lastseen.StatusMissing, Date: lastseen.NewDate(2022, 3, 1+i%28)},
					{Status: "killed", Date: lastseen.MustParseDate("2023"), Evidence: fmt.Sprint("row ", i)},
					{Status: lastseen.StatusSought},
				}
			}
			res, err := s.ImportRecords(ctx, other.ID, batch)
			if err != nil {
				t.Fatal(err)
			}
			if res.Imported != 700 {
				t.Fatalf("imported %d of 700", res.Imported)
			}
			for i, r := range batch {
				if r.ID != res.IDs[i] {
					t.Fatalf("record %d: ID %d, result %d", i, r.ID, res.IDs[i])
				}
			}
			for _, i := range []int{0, 1, 2, 350, 699} {
				got, err := s.FindRecordByID(ctx, res.IDs[i])
				if err != nil {
					t.Fatal(err)
				}
				want := *batch[i]
				want.Source, got.Source = nil, nil
				if !reflect.DeepEqual(got, &want) {
					t.Errorf("record %d\n got %+v\nwant %+v", i, got, &want)
				}
				for j := range want.Claims {
					if !reflect.DeepEqual(got.Claims[j], want.Claims[j]) {
						t.Errorf("record %d claim %d\n got %+v\nwant %+v", i, j, got.Claims[j], want.Claims[j])
					}
				}
			}
		})

		t.Run("ErrNotFoundSource", func(t *testing.T) {
			_, err := s.ImportRecords(ctx, 999999, importBatch(0, 1))
			wantCode(t, err, lastseen.ENOTFOUND)
		})
	})
}

func TestRecordService_FindRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		a, b := mustSource(t, db, "A"), mustSource(t, db, "B")
		if _, err := s.ImportRecords(ctx, a.ID, importBatch(0, 25)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ImportRecords(ctx, b.ID, importBatch(0, 5)); err != nil {
			t.Fatal(err)
		}

		t.Run("PagesByAfterID", func(t *testing.T) {
			var ids []int64
			f := lastseen.RecordFilter{SourceID: a.ID, Limit: 10}
			for page := 0; ; page++ {
				rs, n, err := s.FindRecords(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if want := max(0, 25-10*page); n != want {
					t.Errorf("page %d: total %d, want %d", page, n, want)
				}
				if len(rs) == 0 {
					break
				}
				for _, r := range rs {
					if r.SourceID != a.ID || len(r.Claims) != 1 {
						t.Errorf("record %+v", r)
					}
					ids = append(ids, r.ID)
				}
				f.AfterID = rs[len(rs)-1].ID
			}
			if len(ids) != 25 {
				t.Fatalf("%d records, want 25", len(ids))
			}
			for i := 1; i < len(ids); i++ {
				if ids[i] <= ids[i-1] {
					t.Fatalf("ids out of order: %v", ids)
				}
			}
		})

		t.Run("ByIDs", func(t *testing.T) {
			for _, ids := range [][]int64{{3, 1, 999999}, {30, 1}} { // dense and sparse
				rs, n, err := s.FindRecords(ctx, lastseen.RecordFilter{IDs: ids})
				if err != nil {
					t.Fatal(err)
				}
				if n != 2 || len(rs) != 2 || rs[0].ID != 1 || rs[1].ID != ids[0] {
					t.Errorf("%v: got %d records, total %d", ids, len(rs), n)
				}
				for _, r := range rs {
					if len(r.Claims) != 1 || r.Claims[0].RecordID != r.ID {
						t.Errorf("%v: record %d has claims %+v", ids, r.ID, r.Claims)
					}
				}
			}
		})

		t.Run("EmptyIDsMatchNothing", func(t *testing.T) {
			rs, n, err := s.FindRecords(ctx, lastseen.RecordFilter{IDs: []int64{}})
			if err != nil || n != 0 || len(rs) != 0 {
				t.Errorf("got %d records, total %d, %v", len(rs), n, err)
			}
		})

		t.Run("LimitAndOffset", func(t *testing.T) {
			rs, n, err := s.FindRecords(ctx, lastseen.RecordFilter{Limit: 3, Offset: 28})
			if err != nil {
				t.Fatal(err)
			}
			if n != 30 || len(rs) != 2 {
				t.Errorf("got %d records, total %d; want 2, 30", len(rs), n)
			}
			rs, _, err = s.FindRecords(ctx, lastseen.RecordFilter{Offset: 27})
			if err != nil || len(rs) != 3 {
				t.Errorf("offset without limit: %d records, %v", len(rs), err)
			}
		})
	})
}

func TestRecordService_EachRecord(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		src := mustSource(t, db, "Large list")
		if _, err := s.ImportRecords(ctx, src.ID, importBatch(0, 2500)); err != nil {
			t.Fatal(err)
		}

		t.Run("VisitsAllInOrder", func(t *testing.T) {
			var last int64
			n := 0
			err := s.EachRecord(ctx, lastseen.RecordFilter{}, func(r *lastseen.Record) error {
				if r.ID <= last || len(r.Claims) != 1 || r.Claims[0].RecordID != r.ID {
					return fmt.Errorf("record %d after %d with claims %v", r.ID, last, r.Claims)
				}
				last = r.ID
				n++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != 2500 {
				t.Errorf("visited %d, want 2500", n)
			}
		})

		t.Run("StopsAtLimit", func(t *testing.T) {
			n := 0
			err := s.EachRecord(ctx, lastseen.RecordFilter{AfterID: 100, Limit: 1500}, func(r *lastseen.Record) error {
				if r.ID <= 100 {
					return fmt.Errorf("record %d is not after 100", r.ID)
				}
				n++
				return nil
			})
			if err != nil || n != 1500 {
				t.Errorf("visited %d (%v), want 1500", n, err)
			}
		})

		t.Run("StopsAtError", func(t *testing.T) {
			stop := errors.New("stop")
			n := 0
			err := s.EachRecord(ctx, lastseen.RecordFilter{}, func(r *lastseen.Record) error {
				if n++; n == 1200 {
					return stop
				}
				return nil
			})
			if !errors.Is(err, stop) || n != 1200 {
				t.Errorf("visited %d, error %v", n, err)
			}
		})
	})
}

// TestRecordService_Concurrent writes from many goroutines at once. On SQLite
// the single writer connection queues them: none may fail with SQLITE_BUSY.
func TestRecordService_Concurrent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		const workers, each = 8, 20
		var wg sync.WaitGroup
		errs := make(chan error, workers*each)
		for w := range workers {
			wg.Go(func() {
				for i := range each {
					r := newRecord(fmt.Sprintf("w%d-%d", w, i))
					if err := s.CreateRecord(ctx, r); err != nil {
						errs <- err
					}
					// Readers run beside the writer.
					if _, err := s.FindRecordByID(ctx, r.ID); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if _, n, err := s.FindRecords(ctx, lastseen.RecordFilter{}); err != nil || n != workers*each {
			t.Errorf("%d records (%v), want %d", n, err, workers*each)
		}
	})
}

// TestRecordService_TwoHandles writes through two handles on one database at
// once, as `lastseen import` beside `lastseen serve` does. On SQLite the
// handles' writers wait for each other's lock (busy_timeout) instead of
// failing.
func TestRecordService_TwoHandles(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var dbs [2]*sqldb.DB
		for i := range dbs {
			db, err := sqldb.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			dbs[i] = db
		}
		src := mustSource(t, dbs[0], "Shared")
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for h, db := range dbs {
			s := sqldb.NewRecordService(db)
			wg.Go(func() { // an importer
				for i := range 5 {
					if _, err := s.ImportRecords(ctx, src.ID, importBatch(h*1000+i*100, 100)); err != nil {
						errs <- err
					}
				}
			})
			wg.Go(func() { // the API
				for i := range 20 {
					if err := s.CreateRecord(ctx, newRecord(fmt.Sprintf("h%d-%d", h, i))); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if _, n, err := sqldb.NewRecordService(dbs[1]).FindRecords(ctx, lastseen.RecordFilter{}); err != nil || n != 2*(500+20) {
			t.Errorf("%d records (%v), want %d", n, err, 2*(500+20))
		}
	})
}
