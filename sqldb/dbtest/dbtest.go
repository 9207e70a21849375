// Package dbtest runs tests on every database lastseen supports: SQLite always,
// and PostgreSQL when the server named by LASTSEEN_TEST_PG is reachable
// (required when CI=true). Every test gets a fresh, empty, migrated database,
// removed when the test ends.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for creating test databases

	"github.com/lastseen/lastseen/sqldb"
)

// EnvPG names the environment variable with the PostgreSQL server for tests:
// a DSN whose user may create databases, such as
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable.
const EnvPG = "LASTSEEN_TEST_PG"

// Each runs fn as the subtests "sqlite" and "postgres", each on a fresh
// database that is closed and removed when the subtest ends.
func Each(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	EachDSN(t, func(t *testing.T, dsn string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		// Registered after the database's own cleanup, so it runs before it:
		// the database is closed before it is dropped.
		t.Cleanup(func() { db.Close() })
		fn(t, db)
	})
}

// EachDSN runs fn as the subtests "sqlite" and "postgres", each with the DSN
// of a fresh database that does not exist yet on SQLite and is empty on
// PostgreSQL (sqldb.Open creates the schema). The database is removed when the
// subtest ends; on PostgreSQL it is dropped even if connections remain, so a
// child process that still holds one does not leak the database.
func EachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, SQLiteDSN(t))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, PostgresDSN(t))
	})
}

// SQLiteDSN returns the DSN of a new SQLite database in t.TempDir().
func SQLiteDSN(t testing.TB) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "lastseen.db")
}

// PostgresDSN creates an empty database on the LASTSEEN_TEST_PG server and
// returns its DSN; it is dropped when the test ends. Without a reachable
// server the test is skipped, or fails when CI=true.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	admin, base := pgServer(t)
	name := "lastseen_test_" + randomHex(8)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("dbtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("dbtest: drop database %s: %v", name, err)
		}
	})
	u := *base
	u.Path = "/" + name
	return u.String()
}

var pg struct {
	once sync.Once
	db   *sql.DB  // connected to the server's maintenance database
	url  *url.URL // the server's DSN
	err  error    // why there is no server
}

// pgServer returns a pool on the test server, opened once per test binary.
func pgServer(t testing.TB) (*sql.DB, *url.URL) {
	t.Helper()
	pg.once.Do(func() {
		dsn := os.Getenv(EnvPG)
		if dsn == "" {
			pg.err = fmt.Errorf("%s is not set", EnvPG)
			return
		}
		u, err := url.Parse(dsn)
		if err != nil {
			pg.err = fmt.Errorf("%s is not a URL: %v", EnvPG, err)
			return
		}
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			pg.err = fmt.Errorf("%s: %v", EnvPG, err)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			pg.err = fmt.Errorf("%s=%s is unreachable: %v", EnvPG, u.Redacted(), err)
			return
		}
		db.SetMaxOpenConns(4)
		pg.db, pg.url = db, u
	})
	if pg.err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required under CI=true: %v", pg.err)
		}
		t.Skipf("PostgreSQL suite skipped: %v", pg.err)
	}
	return pg.db, pg.url
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// EachBench is Each for benchmarks: fn runs as the sub-benchmarks "sqlite"
// and "postgres", each on a fresh database.
func EachBench(b *testing.B, fn func(b *testing.B, db *sqldb.DB)) {
	b.Helper()
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := SQLiteDSN(b)
			if name == "postgres" {
				dsn = PostgresDSN(b)
			}
			db, err := sqldb.Open(context.Background(), dsn)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			fn(b, db)
		})
	}
}
