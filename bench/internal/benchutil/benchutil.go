// Package benchutil holds what the end-to-end benchmarks share: generated
// records with their truth, a throwaway PostgreSQL database with pg_trgm, and
// percentiles.
package benchutil

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/synth"
)

// Generate returns the records of synth.DefaultConfig(people, seed), at most
// max of them when max > 0, with ids from 1, and their truth ids by index.
func Generate(people, max int, seed int64) ([]*lastseen.Record, []int64, error) {
	cfg := synth.DefaultConfig(people, seed)
	cfg.Records = max
	var rs []*lastseen.Record
	var truth []int64
	err := synth.Generate(cfg, func(s *synth.Record) error {
		if r := s.Domain(int64(len(rs) + 1)); r != nil {
			rs = append(rs, r)
			truth = append(truth, s.TruthID)
		}
		return nil
	})
	return rs, truth, err
}

// Name is a record's name as one string, the way a user without lastseen
// would store it for a trigram search: the full name if the list had one,
// else given, patronymic and family name.
func Name(r *lastseen.Record) string { return r.DisplayName() }

// PG is a throwaway database on a PostgreSQL server, dropped by Close.
type PG struct {
	Conn  *pgx.Conn
	admin *pgx.Conn
	name  string
}

// NewPG creates a database with a UTF-8 character type (so that pg_trgm
// sees Cyrillic letters as letters) and the pg_trgm extension.
func NewPG(ctx context.Context, adminDSN string) (*PG, error) {
	admin, err := pgx.Connect(ctx, adminDSN)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "lastseen_bench_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`); err != nil {
		admin.Close(ctx)
		return nil, fmt.Errorf("postgres: create database: %w", err)
	}
	u, err := url.Parse(adminDSN)
	if err != nil {
		return nil, err
	}
	u.Path = "/" + name
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		admin.Exec(ctx, `DROP DATABASE `+name)
		admin.Close(ctx)
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pg := &PG{Conn: conn, admin: admin, name: name}
	if _, err := conn.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm`); err != nil {
		pg.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return pg, nil
}

// Close drops the database.
func (pg *PG) Close() {
	ctx := context.Background()
	pg.Conn.Close(ctx)
	pg.admin.Exec(ctx, `DROP DATABASE IF EXISTS `+pg.name+` WITH (FORCE)`)
	pg.admin.Close(ctx)
}

// LoadNames loads records into table recs (id, person_id, name, birth_year)
// with COPY and builds a GIN trigram index on the name, as the pg_trgm
// documentation shows. It returns the time of the load and of the index.
func (pg *PG) LoadNames(ctx context.Context, rs []*lastseen.Record, person func(i int) int64) (load, gin time.Duration, err error) {
	_, err = pg.Conn.Exec(ctx, `CREATE TABLE recs (id bigint PRIMARY KEY, person_id bigint NOT NULL, name text NOT NULL, birth_year int)`)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	rows := make([][]any, len(rs))
	for i, r := range rs {
		var y any
		if !r.BirthDate.IsZero() {
			y = int32(r.BirthDate.Year)
		}
		rows[i] = []any{r.ID, person(i), strings.ToLower(Name(r)), y}
	}
	if _, err := pg.Conn.CopyFrom(ctx, pgx.Identifier{"recs"}, []string{"id", "person_id", "name", "birth_year"}, pgx.CopyFromRows(rows)); err != nil {
		return 0, 0, fmt.Errorf("copy: %w", err)
	}
	load = time.Since(start)
	start = time.Now()
	if _, err := pg.Conn.Exec(ctx, `CREATE INDEX recs_name_trgm ON recs USING gin (name gin_trgm_ops)`); err != nil {
		return 0, 0, err
	}
	if _, err := pg.Conn.Exec(ctx, `ANALYZE recs`); err != nil {
		return 0, 0, err
	}
	return load, time.Since(start), nil
}

// Percentile returns the p-th percentile (0..100) of ds, sorting ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	i := int(float64(len(ds)-1) * p / 100)
	return ds[i]
}

// Ms formats a duration in milliseconds.
func Ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// Parallel runs fn for every i in [0,n), the range split across GOMAXPROCS
// goroutines (preparing a million records for an index, say).
func Parallel(n int, fn func(i int)) {
	w := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	step := (n + w - 1) / w
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
