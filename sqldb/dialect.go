package sqldb

// Everything that differs between SQLite and PostgreSQL is in this file: the
// DSN, the drivers and their settings, the column types the schema needs, and
// how each reports a constraint violation. The SQL of the services is the same
// text on both ($1 placeholders, RETURNING, ON CONFLICT DO NOTHING, partial
// indexes: all supported by SQLite ≥ 3.35 and PostgreSQL).

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect names a database engine.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

const dsnHelp = `use "sqlite:PATH" (for example sqlite:lastseen.db) or "postgres://user@host:5432/dbname?sslmode=disable"`

// parseDSN splits a DSN into its dialect and what the driver is given.
func parseDSN(dsn string) (Dialect, string, error) {
	switch {
	case dsn == "":
		return "", "", fmt.Errorf("no database given: %s", dsnHelp)
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			// url.Error repeats the whole URL, password and all.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return "", "", fmt.Errorf("database %q is not a valid PostgreSQL URL: %v; %s", redactDSN(dsn), err, dsnHelp)
		}
		return Postgres, dsn, nil
	case strings.Contains(dsn, "://"):
		return "", "", fmt.Errorf("database %q: unknown kind of database; %s", redactDSN(dsn), dsnHelp)
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	switch {
	case path == "":
		return "", "", fmt.Errorf("database %q names no file; %s", dsn, dsnHelp)
	case path == ":memory:" || strings.Contains(path, "mode=memory"):
		// The writer and the readers are separate connections, and each
		// in-memory connection is a database of its own.
		return "", "", fmt.Errorf("database %q: an in-memory SQLite database cannot be shared by the writer and the readers; use a file", dsn)
	case strings.ContainsRune(path, '?'):
		return "", "", fmt.Errorf("database %q: give only a path after \"sqlite:\"; lastseen sets the SQLite parameters itself", dsn)
	}
	return SQLite, path, nil
}

// redactDSN removes a password from a DSN before it goes into a message.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		// Unparsable: keep what cannot hold a password.
		if at := strings.LastIndexByte(dsn, '@'); at >= 0 {
			if scheme := strings.Index(dsn, "://"); scheme >= 0 && scheme < at {
				return dsn[:scheme+3] + "xxxxx" + dsn[at:]
			}
		}
		return dsn
	}
	if u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// SQLite settings, as pragmas in the DSN so that every pooled connection gets
// them (the driver runs busy_timeout first, then the rest in name order):
//
//   - journal_mode(WAL): readers do not block the writer nor the writer them.
//   - busy_timeout: another process holding the lock (a `lastseen import`
//     beside `lastseen serve`) makes us wait rather than fail.
//   - foreign_keys(1): SQLite leaves them off unless asked, per connection.
//   - synchronous(FULL): in WAL mode NORMAL survives a process crash but may
//     lose the last commits on a power loss or OS crash, because the WAL is
//     not synced at each commit. An acknowledged record must survive both, so
//     every commit syncs the WAL. The cost is one fsync per transaction, which
//     is why imports write in batches of many records per transaction.
//
// _txlock=immediate makes the writer's transactions BEGIN IMMEDIATE: the
// write lock is taken at the start, so a transaction never fails half-way
// with SQLITE_BUSY when upgrading a read lock.
const (
	sqliteCommon = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	sqliteWriter = sqliteCommon + "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	sqliteReader = sqliteCommon + "&_pragma=query_only(1)"
)

func (db *DB) openSQLite(path string) error {
	// SQLite creates the file but not its directory, and says only "unable
	// to open database file" when the directory is missing.
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return fmt.Errorf("open sqlite %s: directory %s does not exist", path, filepath.Dir(path))
	}
	w, err := sql.Open("sqlite", path+"?"+sqliteWriter)
	if err != nil {
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// One writer connection: SQLite allows one writer at a time anyway, and
	// queueing in database/sql is cheaper and fairer than busy-waiting.
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	r, err := sql.Open("sqlite", path+"?"+sqliteReader)
	if err != nil {
		w.Close()
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.writer, db.reader = w, r
	return nil
}

func (db *DB) openPostgres(dsn string) error {
	p, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("open postgres %s: %w", redactDSN(dsn), err)
	}
	p.SetMaxOpenConns(20)
	p.SetMaxIdleConns(10)
	db.writer, db.reader = p, p
	return nil
}

// readTxOptions are the options of read transactions. A SQLite transaction
// reads one snapshot from its first read on. PostgreSQL's default, READ
// COMMITTED, takes a new snapshot per statement; REPEATABLE READ keeps one,
// and a read-only transaction at that level never fails to serialise.
func (db *DB) readTxOptions() *sql.TxOptions {
	if db.dialect == Postgres {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// schemaMacros are the only places where the schema's text differs: the
// migrations write {{id}} for an identity primary key and {{time}} for a
// timestamp. SQLite's AUTOINCREMENT keeps ids from ever being reused, so that
// paging by id never misses a row. SQLite's driver returns time.Time only for
// columns declared exactly TIMESTAMP (or DATE, DATETIME).
var schemaMacros = map[Dialect]*strings.Replacer{
	SQLite: strings.NewReplacer(
		"{{id}}", "INTEGER PRIMARY KEY AUTOINCREMENT",
		"{{time}}", "TIMESTAMP"),
	Postgres: strings.NewReplacer(
		"{{id}}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
		"{{time}}", "TIMESTAMPTZ"),
}

// values is the VALUES list of a multi-row INSERT: "($1, $2), ($3, $4)" for
// rows × cols parameters. SQLite looks up each "$N" parameter by name in a
// linear list, which makes a statement of thousands of parameters
// quadratically slow to prepare and bind; there it uses plain "?", which
// SQLite numbers in order. Only for statements whose parameters are all in
// this list.
func (tx *Tx) values(rows, cols int) string {
	var b strings.Builder
	n := 0
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range cols {
			if j > 0 {
				b.WriteString(", ")
			}
			n++
			if tx.db.dialect == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(n))
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// isUnique reports whether err is a unique-constraint violation.
func isUnique(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// isForeignKey reports whether err is a foreign-key violation.
func isForeignKey(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}
