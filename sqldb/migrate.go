package sqldb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// Migrations are the files in migrations/, applied once each in name order.
// NNNN_name.sql applies to both dialects, with the macros of schemaMacros;
// NNNN_name.sqlite.sql or NNNN_name.postgres.sql applies to that dialect only,
// for the rare change the two cannot share. A migration is never edited once
// committed: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migrate applies the migrations the database has not seen yet. Each runs in
// its own transaction together with its row in schema_migrations, so a
// migration is applied entirely or not at all. Two processes migrating the
// same database at once do not both apply a file: the second waits on the
// first's row in schema_migrations and then finds it there.
func (db *DB) migrate(ctx context.Context) error {
	// On PostgreSQL, when two processes create the table at once, one of them
	// fails ("already exists", or a unique violation in the catalog) once the
	// other has committed; trying again then finds the table.
	for try := 1; ; try++ {
		_, err := db.writer.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`)
		if err == nil {
			break
		} else if try == 3 {
			return fmt.Errorf("migrate: create schema_migrations: %w", err)
		}
		time.Sleep(time.Duration(try) * 50 * time.Millisecond)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		if d := migrationDialect(base); d != "" && d != db.dialect {
			continue
		}
		if err := db.migrateFile(ctx, name, base); err != nil {
			return fmt.Errorf("migrate: %s: %w", base, err)
		}
	}
	return nil
}

func (db *DB) migrateFile(ctx context.Context, path, name string) error {
	buf, err := migrationFS.ReadFile(path)
	if err != nil {
		return err
	}
	return db.write(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO schema_migrations (name) VALUES ($1) ON CONFLICT DO NOTHING`, name)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return nil // applied before
		}
		_, err = tx.ExecContext(ctx, schemaMacros[db.dialect].Replace(string(buf)))
		return err
	})
}

// migrationDialect returns the dialect a file is limited to, "" for both.
func migrationDialect(name string) Dialect {
	for _, d := range []Dialect{SQLite, Postgres} {
		if strings.HasSuffix(name, "."+string(d)+".sql") {
			return d
		}
	}
	return ""
}
