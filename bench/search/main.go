// Command search measures lastseen's name search against PostgreSQL pg_trgm
// on the same generated persons in the same run: recall@5 of cross-script
// queries (synth.Queries: how a family types a name, in another script or
// form) and the latency of each query, p50 and p99.
//
//	go run ./bench/search -persons 1000000 -queries 1000 -pg "$LASTSEEN_TEST_PG"
//
// Both sides search the records of every person; a query finds its person
// when one of the first five results is one of that person's records. The
// pg_trgm side is what a user without lastseen would write: the names in a
// table, a GIN trigram index, and
//
//	SELECT person_id FROM recs WHERE name % $1 [AND birth_year BETWEEN $2-1 AND $2+1]
//	ORDER BY similarity(name, $1) DESC LIMIT 5
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/bench/internal/benchutil"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/synth"
)

func main() {
	persons := flag.Int("persons", 1_000_000, "generated persons")
	nq := flag.Int("queries", 1000, "queries")
	seed := flag.Int64("seed", 1, "synth seed")
	pgDSN := flag.String("pg", os.Getenv("LASTSEEN_TEST_PG"), "PostgreSQL server for the pg_trgm side; empty skips it")
	flag.Parse()
	log.SetFlags(0)
	ctx := context.Background()

	start := time.Now()
	rs, truth, err := benchutil.Generate(*persons, 0, *seed)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("generated %d records of %d persons in %s", len(rs), *persons, time.Since(start).Round(time.Millisecond))
	var qs []synth.Query
	if err := synth.Queries(synth.DefaultConfig(*persons, *seed), *nq, func(q synth.Query) error {
		qs = append(qs, q)
		return nil
	}); err != nil {
		log.Fatal(err)
	}

	// lastseen: the in-memory index, each record filed under its person
	start = time.Now()
	ix := index.New(index.Options{})
	for i, r := range rs {
		r.PersonID = truth[i]
	}
	ps := make([]index.Prepared, len(rs))
	benchutil.Parallel(len(rs), func(i int) { ps[i] = ix.Prepare(rs[i]) })
	for _, p := range ps {
		ix.Add(p)
	}
	ps = nil
	build := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	log.Printf("lastseen: index of %d records built in %s, heap %d MB", len(rs), build.Round(time.Millisecond), ms.HeapAlloc>>20)

	ls := run(qs, func(q synth.Query) ([]int64, error) {
		d, _ := lastseen.ParseDate(q.BirthDate)
		var out []int64
		for _, h := range ix.Search(index.Query{Name: q.Text, BirthDate: d, Limit: 5}) {
			out = append(out, h.PersonID)
		}
		return out, nil
	})
	rows := []result{{"lastseen index", ls, build, 0}}

	if *pgDSN != "" {
		pg, err := benchutil.NewPG(ctx, *pgDSN)
		if err != nil {
			log.Fatal(err)
		}
		defer pg.Close()
		load, gin, err := pg.LoadNames(ctx, rs, func(i int) int64 { return truth[i] })
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("pg_trgm: COPY %d rows in %s, GIN index in %s", len(rs), load.Round(time.Millisecond), gin.Round(time.Millisecond))
		pr := run(qs, func(q synth.Query) ([]int64, error) {
			text := strings.ToLower(q.Text)
			var rows interface {
				Next() bool
				Scan(...any) error
				Err() error
				Close()
			}
			var err error
			if d, _ := lastseen.ParseDate(q.BirthDate); !d.IsZero() {
				rows, err = pg.Conn.Query(ctx, `SELECT person_id FROM recs WHERE name % $1 AND (birth_year IS NULL OR birth_year BETWEEN $2::int - 1 AND $2::int + 1) ORDER BY similarity(name, $1) DESC LIMIT 5`, text, d.Year)
			} else {
				rows, err = pg.Conn.Query(ctx, `SELECT person_id FROM recs WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 5`, text)
			}
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var out []int64
			for rows.Next() {
				var p int64
				if err := rows.Scan(&p); err != nil {
					return nil, err
				}
				out = append(out, p)
			}
			return out, rows.Err()
		})
		rows = append(rows, result{"PostgreSQL pg_trgm", pr, load, gin})
	}

	fmt.Printf("\nsearch: %d persons, %d records, %d cross-script queries (seed %d), top 5, %d CPUs\n\n", *persons, len(rs), len(qs), *seed, runtime.NumCPU())
	fmt.Printf("| system | recall@5 | p50 | p99 | build |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		b := r.build.Round(time.Millisecond).String()
		if r.gin > 0 {
			b = fmt.Sprintf("COPY %s + GIN %s", r.build.Round(time.Millisecond), r.gin.Round(time.Millisecond))
		}
		fmt.Printf("| %s | %.3f | %s | %s | %s |\n", r.name, r.recall, benchutil.Ms(r.p50), benchutil.Ms(r.p99), b)
	}
	fmt.Println()
	for _, r := range rows {
		fmt.Printf("%s recall@5 by query style:", r.name)
		for _, s := range []string{synth.QueryLatinNative, synth.QueryOtherForm, synth.QueryPress, synth.QueryDiminutive} {
			st := r.styles[s]
			if st[1] > 0 {
				fmt.Printf(" %s %.3f (%d)", s, float64(st[0])/float64(st[1]), st[1])
			}
		}
		fmt.Println()
	}
	if len(rows) == 2 {
		fmt.Printf("\np99 ratio pg_trgm / lastseen: %.1f×; recall@5 %+.3f\n", float64(rows[1].p99)/float64(rows[0].p99), rows[0].recall-rows[1].recall)
	}
}

type stats struct {
	recall   float64
	p50, p99 time.Duration
	styles   map[string][2]int
}

type result struct {
	name string
	stats
	build, gin time.Duration
}

// run times each query (after a warm-up of the first 20) and counts the
// queries whose person is among the results.
func run(qs []synth.Query, search func(synth.Query) ([]int64, error)) stats {
	for _, q := range qs[:min(20, len(qs))] {
		if _, err := search(q); err != nil {
			log.Fatal(err)
		}
	}
	st := stats{styles: map[string][2]int{}}
	lat := make([]time.Duration, 0, len(qs))
	hits := 0
	for _, q := range qs {
		t0 := time.Now()
		got, err := search(q)
		lat = append(lat, time.Since(t0))
		if err != nil {
			log.Fatal(err)
		}
		s := st.styles[q.Style]
		s[1]++
		for _, p := range got {
			if p == q.TruthID {
				hits++
				s[0]++
				break
			}
		}
		st.styles[q.Style] = s
	}
	st.recall = float64(hits) / float64(len(qs))
	st.p50 = benchutil.Percentile(lat, 50)
	st.p99 = benchutil.Percentile(lat, 99)
	return st
}
