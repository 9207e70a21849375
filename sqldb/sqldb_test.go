package sqldb_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestOpen(t *testing.T) {
	t.Run("ErrBadDSN", func(t *testing.T) {
		for _, tc := range []struct{ dsn, want string }{
			{"", "no database given"},
			{"sqlite:", "names no file"},
			{"sqlite::memory:", "in-memory"},
			{"sqlite:x.db?_pragma=foo", "give only a path"},
			{"mysql://u@h/db", "unknown kind of database"},
			{"sqlite:/nonexistent-lastseen-dir/x.db", "directory /nonexistent-lastseen-dir does not exist"},
			{"postgres://u:secret@127.0.0.1:1/db?connect_timeout=1", "open database"},
			{"postgres://u:secret@[::1/db", "not a valid PostgreSQL URL"},
		} {
			db, err := sqldb.Open(context.Background(), tc.dsn)
			if err == nil {
				db.Close()
				t.Errorf("Open(%q) succeeded", tc.dsn)
				continue
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Open(%q) = %v, want it to say %q", tc.dsn, err, tc.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("Open(%q) = %v: the password leaks", tc.dsn, err)
			}
		}
	})

	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		r := newRecord("1")
		if err := sqldb.NewRecordService(db).CreateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := db.Ping(ctx); err != nil {
			t.Fatal(err)
		}
		want := sqldb.SQLite
		if strings.HasPrefix(dsn, "postgres") {
			want = sqldb.Postgres
		}
		if db.Dialect() != want {
			t.Errorf("Dialect() = %q, want %q", db.Dialect(), want)
		}
		db.Close()

		t.Run("ReopenKeepsData", func(t *testing.T) {
			db, err := sqldb.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			got, err := sqldb.NewRecordService(db).FindRecordByID(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.GivenName != r.GivenName {
				t.Errorf("given name %q, want %q", got.GivenName, r.GivenName)
			}
		})
	})
}

// TestOpen_Concurrent opens a new database from several processes' worth of
// connections at once, as replicas starting together do: each migration must
// be applied once, and no Open may fail.
func TestOpen_Concurrent(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				db, err := sqldb.Open(context.Background(), dsn)
				if err != nil {
					t.Error(err)
					return
				}
				db.Close()
			})
		}
		wg.Wait()
	})
}

// newRecord returns a valid record of the "Test list" source with the
// external id.
func newRecord(externalID string) *lastseen.Record {
	return &lastseen.Record{
		Source:     &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "Test list"},
		ExternalID: externalID,
		GivenName:  "Олександр",
		Patronymic: "Миколайович",
		FamilyName: "Коваленко",
		Claims:     []*lastseen.Claim{{Status: lastseen.StatusMissing, Date: lastseen.MustParseDate("2023-05")}},
	}
}

func mustCreate(t *testing.T, db *sqldb.DB, r *lastseen.Record) *lastseen.Record {
	t.Helper()
	if err := sqldb.NewRecordService(db).CreateRecord(context.Background(), r); err != nil {
		t.Fatalf("create record: %v", err)
	}
	return r
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := lastseen.ErrorCode(err); got != code {
		t.Fatalf("error code %q (%v), want %q", got, err, code)
	}
}

// wantField checks that err names the field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	for _, f := range lastseen.ErrorFields(err) {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("error %v does not name field %q", err, field)
}
