package sqldb

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestSQLiteSettings checks the settings that make an acknowledged write
// survive a crash, on every pool, since SQLite applies them per connection.
func TestSQLiteSettings(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "settings.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "2"}, // FULL
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
	} {
		var w, r string
		if err := db.writer.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&w); err != nil {
			t.Fatal(err)
		}
		if err := db.reader.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&r); err != nil {
			t.Fatal(err)
		}
		if w != tc.want {
			t.Errorf("writer: %s = %s, want %s", tc.pragma, w, tc.want)
		}
		if r != tc.want && tc.pragma != "synchronous" {
			t.Errorf("reader: %s = %s, want %s", tc.pragma, r, tc.want)
		}
	}
	var q string
	if err := db.reader.QueryRowContext(ctx, "PRAGMA query_only").Scan(&q); err != nil || q != "1" {
		t.Errorf("reader: query_only = %s (%v), want 1", q, err)
	}
	if db.writer.Stats().MaxOpenConnections != 1 {
		t.Errorf("writer pool allows %d connections, want 1", db.writer.Stats().MaxOpenConnections)
	}
}

func TestMigrationDialect(t *testing.T) {
	for name, want := range map[string]Dialect{
		"0001_init.sql":            "",
		"0002_names.sqlite.sql":    SQLite,
		"0002_names.postgres.sql":  Postgres,
		"0003_postgres_tweaks.sql": "",
	} {
		if got := migrationDialect(name); got != want {
			t.Errorf("migrationDialect(%q) = %q, want %q", name, got, want)
		}
	}
}

// FuzzParseDSN checks that no DSN makes parseDSN panic, and that no error
// message repeats a password from the DSN.
func FuzzParseDSN(f *testing.F) {
	for _, s := range []string{
		"", "sqlite:", "sqlite:lastseen.db", "lastseen.db", "sqlite::memory:", "sqlite:x.db?mode=memory",
		"postgres://postgres@127.0.0.1:5432/lastseen?sslmode=disable",
		"postgresql://u:topsecret1@h/db", "postgres://u:topsecret1@[::1/db", "mysql://u:topsecret1@h/db",
		"postgres://u:top%zzsecret1@h/db",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		d, target, err := parseDSN(dsn)
		if err == nil {
			if d != SQLite && d != Postgres || target == "" {
				t.Fatalf("parseDSN(%q) = %q, %q without an error", dsn, d, target)
			}
			return
		}
		at := strings.LastIndexByte(dsn, '@')
		scheme := strings.Index(dsn, "://")
		if scheme < 0 || at < scheme {
			return
		}
		userinfo := dsn[scheme+3 : at]
		colon := strings.IndexByte(userinfo, ':')
		if colon < 0 {
			return
		}
		password := userinfo[colon+1:]
		if len(password) >= 8 && strings.Count(dsn, password) == 1 && strings.Contains(err.Error(), password) {
			t.Fatalf("parseDSN(%q) error shows the password: %v", dsn, err)
		}
	})
}
