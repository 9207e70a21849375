// Package sqldb implements the domain's services on database/sql, for SQLite
// (the default, modernc.org/sqlite) and PostgreSQL (pgx). One SQL text serves
// both wherever possible; the few differences between the dialects live in
// dialect.go. The schema is created by embedded migrations when a database is
// opened.
//
// Records and claims are append-only. Every write of a record writes its audit
// event in the same transaction, so the trail cannot miss a write that happened.
//
// What a caller can rely on:
//   - Errors are *lastseen.Error with the codes each service documents: unique
//     violations become ECONFLICT, missing rows and references ENOTFOUND
//     naming the field (source_id, supersedes, records[i].supersedes, …).
//     Messages never carry SQL; the wrapped driver error is for logs only.
//   - Names are stored byte for byte as given. Folded or transliterated forms
//     are computed in Go and stored beside them, never derived in SQL, since
//     SQLite's lower() and LIKE know only ASCII.
//   - A partial date is stored as its ISO text at its precision plus its year
//     (see migrations/0001_init.sql). Times are UTC, to the microsecond.
//   - To read every record (an index rebuild), use RecordService.EachRecord:
//     FindRecords counts its matches, which costs a scan per page.
//   - Nothing is cached in the process: several processes may share one
//     PostgreSQL database.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lastseen/lastseen"
)

// DB is an open lastseen database.
//
// On SQLite it holds two pools on the same file: a writer with exactly one
// connection, so that writers queue in Go instead of failing with SQLITE_BUSY,
// and a reader pool, which WAL lets run beside the writer. On PostgreSQL both
// are the same pool.
type DB struct {
	dialect Dialect
	writer  *sql.DB
	reader  *sql.DB

	// Now returns the current time; tests may replace it before use.
	Now func() time.Time

	// Grades are the default grades of claims by source kind, used to derive
	// persons' status (case.go); lastseen.DefaultGrades when nil.
	Grades lastseen.Grades
}

// Open opens the database named by dsn and brings its schema up to date.
//
// dsn is "sqlite:PATH" (a bare PATH is read the same way) or a PostgreSQL URL,
// "postgres://user@host:port/dbname?sslmode=disable".
func Open(ctx context.Context, dsn string) (*DB, error) {
	dialect, target, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{dialect: dialect, Now: time.Now}
	switch dialect {
	case SQLite:
		err = db.openSQLite(target)
	case Postgres:
		err = db.openPostgres(target)
	}
	if err != nil {
		return nil, err
	}
	if err := db.firstPing(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", redactDSN(dsn), err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", redactDSN(dsn), err)
	}
	return db, nil
}

// firstPing is the first Ping of a new handle. On SQLite the first connection
// switches a new file to WAL, and a connection of another process doing the
// same at that moment gets SQLITE_BUSY at once: SQLite does not call the busy
// handler for a change of journal mode. Two processes started together on a
// new database (serve and import, say) must both open it, so the first ping
// waits and tries again, for as long as busy_timeout would have waited.
func (db *DB) firstPing(ctx context.Context) error {
	const wait = 10 * time.Second
	deadline := time.Now().Add(wait)
	for delay := 5 * time.Millisecond; ; delay = min(2*delay, 200*time.Millisecond) {
		err := db.Ping(ctx)
		if err == nil || db.dialect != SQLite || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(delay):
		}
	}
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.writer.Close()
	if db.reader != db.writer {
		if rerr := db.reader.Close(); err == nil {
			err = rerr
		}
	}
	return err
}

// Dialect says which database this is.
func (db *DB) Dialect() Dialect { return db.dialect }

// Ping checks that the database answers, for health checks. On SQLite it
// checks both pools, since a writer that cannot write is an outage too.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.writer.PingContext(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	if db.reader != db.writer {
		if err := db.reader.PingContext(ctx); err != nil {
			return fmt.Errorf("ping: %w", err)
		}
	}
	return nil
}

// now is the transaction time: UTC, to the microsecond, because PostgreSQL
// keeps microseconds and a value must read back as it was written.
func (db *DB) now() time.Time {
	return db.Now().UTC().Truncate(time.Microsecond)
}

// Tx is a transaction with the time it started, so that everything one
// transaction writes carries the same timestamp.
type Tx struct {
	*sql.Tx
	db  *DB
	now time.Time
}

// write runs fn in a write transaction and commits when fn returns nil. When
// it returns nil, what fn wrote is durable.
func (db *DB) write(ctx context.Context, fn func(tx *Tx) error) error {
	stx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tx := &Tx{Tx: stx, db: db, now: db.now()}
	if err := fn(tx); err != nil {
		stx.Rollback()
		return err
	}
	if err := stx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// read runs fn in a read-only transaction that sees one snapshot, so that a
// page of records and their count, or a person and its records, agree.
func (db *DB) read(ctx context.Context, fn func(tx *Tx) error) error {
	stx, err := db.reader.BeginTx(ctx, db.readTxOptions())
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer stx.Rollback()
	return fn(&Tx{Tx: stx, db: db, now: db.now()})
}

// audit writes an audit event in tx. The actor comes from the context; a nil
// actor is the system itself (a local command). An anonymous actor's token
// is not written: it may be an inquirer's follow secret.
func (tx *Tx) audit(ctx context.Context, action, subject, detail string) error {
	kind, id := actorKindID(lastseen.ActorFromContext(ctx))
	_, err := tx.ExecContext(ctx, `
		INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, detail)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		tx.now, kind, id, action, subject, detail)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", action, subject, err)
	}
	return nil
}

// actorKindID names an actor in audit events.
func actorKindID(a *lastseen.Actor) (kind, id string) {
	switch {
	case a == nil:
	case a.UserID != 0:
		id = fmt.Sprint(a.UserID)
	case a.APIKeyID != 0:
		id = fmt.Sprint(a.APIKeyID)
	}
	return a.Kind(), id
}

// exists reports whether table has a row with the id. The table name is
// always a constant of this package.
// ids runs a query whose rows are one integer id each and returns them; what
// names the query in errors ("records of person 7").
func (tx *Tx) ids(ctx context.Context, what, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return ids, nil
}

func (tx *Tx) exists(ctx context.Context, table string, id int64) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("find %s %d: %w", table, id, err)
	}
	return true, nil
}

// nullID stores 0 as NULL, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullTime stores nil as NULL.
func nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// timePtr reads a nullable time.
func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.Time.UTC()
	return &v
}

// dateYear is the year column beside a partial date: NULL when unknown, so
// that range filters on the year skip unknown dates.
func dateYear(d lastseen.PartialDate) any {
	if d.IsZero() {
		return nil
	}
	return d.Year
}

// parseStoredDate reads a partial date as stored (ISO at its precision).
func parseStoredDate(column, s string) (lastseen.PartialDate, error) {
	d, err := lastseen.ParseDate(s)
	if err != nil {
		return d, fmt.Errorf("stored %s: %w", column, err)
	}
	return d, nil
}
