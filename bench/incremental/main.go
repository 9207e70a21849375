// Command incremental measures matching on arrival: with N generated records
// already in the in-memory index, it links A more, one by one, through the
// Linker (with an in-memory store, so that what is timed is the matching),
// and reports records per second and the latency of each record, p50 and
// p99. The baseline in the same run is what a user without lastseen would do
// for each arriving record: a pg_trgm similarity lookup of its name among the
// same N records in PostgreSQL (-pg).
//
// With -sqlite-records it also builds a SQLite database of that many linked
// records and times the rebuild of the index from it at start (index.Load).
//
//	go run ./bench/incremental -records 1000000 -arrivals 10000 -pg "$LASTSEEN_TEST_PG" -sqlite-records 1000000
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/bench/internal/benchutil"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/sqldb"
)

func main() {
	n := flag.Int("records", 1_000_000, "records indexed before the arrivals")
	arrivals := flag.Int("arrivals", 10_000, "records matched on arrival")
	seed := flag.Int64("seed", 1, "synth seed")
	pgDSN := flag.String("pg", os.Getenv("LASTSEEN_TEST_PG"), "PostgreSQL server for the pg_trgm baseline; empty skips it")
	pgArrivals := flag.Int("pg-arrivals", 1000, "arrivals looked up on the pg_trgm side (the first ones)")
	sqliteN := flag.Int("sqlite-records", 0, "also time the rebuild from a SQLite database of this many linked records (0: skip)")
	dir := flag.String("dir", os.TempDir(), "where the SQLite database is made (and removed)")
	flag.Parse()
	log.SetFlags(0)
	ctx := context.Background()

	total := *n + *arrivals
	start := time.Now()
	rs, truth, err := benchutil.Generate(total/2+1000, total, *seed)
	if err != nil {
		log.Fatal(err)
	}
	if len(rs) < total {
		log.Fatalf("generated %d records, want %d", len(rs), total)
	}
	log.Printf("generated %d records in %s", len(rs), time.Since(start).Round(time.Millisecond))
	known, arriving := rs[:*n], rs[*n:total]

	// the index of the N known records, each filed under its true person
	start = time.Now()
	ix := index.New(index.Options{})
	var maxPerson int64
	for i, r := range known {
		r.PersonID = truth[i]
		maxPerson = max(maxPerson, truth[i])
	}
	ps := make([]index.Prepared, len(known))
	benchutil.Parallel(len(known), func(i int) { ps[i] = ix.Prepare(known[i]) })
	for _, p := range ps {
		ix.Add(p)
	}
	ps = nil
	ix.Finalize()
	build := time.Since(start)
	start = time.Now()
	if _, err := ix.Train(ctx, 200_000); err != nil {
		log.Fatal(err)
	}
	train := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	log.Printf("index of %d records built in %s, model trained on 200,000 of them in %s, heap %d MB", len(known), build.Round(time.Millisecond), train.Round(time.Millisecond), ms.HeapAlloc>>20)

	store := &memStore{next: maxPerson, current: map[int64]int64{}}
	l := &index.Linker{Index: ix, Persons: store, Reviews: store}
	lat := make([]time.Duration, len(arriving))
	actions := map[lastseen.MatchAction]int{}
	right, linked := 0, 0
	// the truth of each person: a known person's id is its truth id; a new
	// person has the truth of the record that started it
	newTruth := map[int64]int64{}
	start = time.Now()
	for i, r := range arriving {
		t0 := time.Now()
		d, err := l.LinkRecord(ctx, r)
		lat[i] = time.Since(t0)
		if err != nil {
			log.Fatal(err)
		}
		actions[d.Action]++
		t := truth[*n+i]
		if d.Action == lastseen.MatchLink {
			linked++
			if d.PersonID == t || newTruth[d.PersonID] == t {
				right++
			}
		} else {
			newTruth[d.PersonID] = t
		}
	}
	el := time.Since(start)
	type row struct {
		name     string
		rate     float64
		p50, p99 time.Duration
		note     string
	}
	rows := []row{{"lastseen Linker (match + decide + link + index)", float64(len(arriving)) / el.Seconds(),
		benchutil.Percentile(lat, 50), benchutil.Percentile(lat, 99),
		fmt.Sprintf("link %d (%d to the true person), review %d, new %d", actions[lastseen.MatchLink], right, actions[lastseen.MatchReview], actions[lastseen.MatchNew])}}

	if *pgDSN != "" {
		pg, err := benchutil.NewPG(ctx, *pgDSN)
		if err != nil {
			log.Fatal(err)
		}
		defer pg.Close()
		load, gin, err := pg.LoadNames(ctx, known, func(i int) int64 { return truth[i] })
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("pg_trgm: COPY %d rows in %s, GIN index in %s", len(known), load.Round(time.Millisecond), gin.Round(time.Millisecond))
		parr := arriving[:min(*pgArrivals, len(arriving))]
		plat := make([]time.Duration, len(parr))
		found := 0
		start = time.Now()
		for i, r := range parr {
			t0 := time.Now()
			q := `SELECT person_id FROM recs WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 10`
			args := []any{strings.ToLower(benchutil.Name(r))}
			if !r.BirthDate.IsZero() {
				q = `SELECT person_id FROM recs WHERE name % $1 AND (birth_year IS NULL OR birth_year = $2::int) ORDER BY similarity(name, $1) DESC LIMIT 10`
				args = append(args, r.BirthDate.Year)
			}
			rows, err := pg.Conn.Query(ctx, q, args...)
			if err != nil {
				log.Fatal(err)
			}
			for rows.Next() {
				var p int64
				rows.Scan(&p)
				if p == truth[*n+i] {
					found++
				}
			}
			rows.Close()
			plat[i] = time.Since(t0)
		}
		pel := time.Since(start)
		rows = append(rows, row{fmt.Sprintf("PostgreSQL pg_trgm lookup, first %d arrivals (candidates only, no decision)", len(parr)), float64(len(parr)) / pel.Seconds(),
			benchutil.Percentile(plat, 50), benchutil.Percentile(plat, 99), fmt.Sprintf("true person among the 10 candidates for %d of %d", found, len(parr))})
	}

	fmt.Printf("\nincremental: %d records indexed, %d arriving one by one (seed %d), %d CPUs; index built in %s, model trained in %s, heap %d MB\n\n",
		len(known), len(arriving), *seed, runtime.NumCPU(), build.Round(time.Millisecond), train.Round(time.Millisecond), ms.HeapAlloc>>20)
	fmt.Printf("| system | records/s | p50 | p99 | decisions |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Printf("| %s | %.0f | %s | %s | %s |\n", r.name, r.rate, benchutil.Ms(r.p50), benchutil.Ms(r.p99), r.note)
	}
	if len(rows) == 2 {
		fmt.Printf("\np99 ratio pg_trgm lookup / lastseen: %.1f×\n", float64(rows[1].p99)/float64(rows[0].p99))
	}

	if *sqliteN > 0 {
		rebuild(ctx, rs, truth, *sqliteN, *dir)
	}
}

// rebuild stores n records, linked to their true persons, in a new SQLite
// database and times index.Load on it, as `lastseen serve` does at start.
func rebuild(ctx context.Context, rs []*lastseen.Record, truth []int64, n int, dir string) {
	if n > len(rs) {
		n = len(rs)
	}
	path := filepath.Join(dir, fmt.Sprintf("lastseen-bench-%d.db", os.Getpid()))
	defer func() {
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(path + s)
		}
	}()
	db, err := sqldb.Open(ctx, "sqlite:"+path)
	if err != nil {
		log.Fatal(err)
	}
	src, err := sqldb.NewSourceService(db).FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "bench"})
	if err != nil {
		log.Fatal(err)
	}
	svc := sqldb.NewRecordService(db)
	start := time.Now()
	for lo := 0; lo < n; lo += 1000 {
		batch := make([]*lastseen.Record, 0, 1000)
		for _, r := range rs[lo:min(lo+1000, n)] {
			c := *r
			c.ID, c.PersonID, c.SourceID = 0, 0, src.ID
			batch = append(batch, &c)
		}
		if _, err := svc.ImportRecords(ctx, src.ID, batch); err != nil {
			log.Fatal(err)
		}
	}
	db.Close()
	log.Printf("sqlite: %d records imported in %s", n, time.Since(start).Round(time.Millisecond))

	// the links, as if every record had been linked to its true person;
	// record ids are 1..n in import order
	start = time.Now()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		log.Fatal(err)
	}
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	now := time.Now().UTC()
	seen := map[int64]bool{}
	for i := 0; i < n; i++ {
		p := truth[i]
		if !seen[p] {
			seen[p] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO persons (id, created_at, updated_at) VALUES (?, ?, ?)`, p, now, now); err != nil {
				log.Fatal(err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO links (record_id, person_id, score, method, created_at) VALUES (?, ?, 10, 'automatic', ?)`, i+1, p, now); err != nil {
			log.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		log.Fatal(err)
	}
	raw.Close()
	log.Printf("sqlite: %d persons and %d links written in %s", len(seen), n, time.Since(start).Round(time.Millisecond))

	start = time.Now()
	db, err = sqldb.Open(ctx, "sqlite:"+path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	l := &index.Linker{Index: index.New(index.Options{}), Persons: sqldb.NewPersonService(db), Judgements: sqldb.NewJudgementService(db)}
	st, err := index.Load(ctx, l, sqldb.NewRecordService(db), index.LoadOptions{})
	if err != nil {
		log.Fatal(err)
	}
	load := time.Since(start)
	start = time.Now()
	rep, err := l.Index.Train(ctx, 200_000)
	if err != nil {
		log.Fatal(err)
	}
	train := time.Since(start)
	fi, _ := os.Stat(path)
	var size int64
	if fi != nil {
		size = fi.Size()
	}
	fmt.Printf("\nrebuild at start from SQLite (%d MB): %d records, %d persons read and indexed in %s (%.0f records/s); training the model on 200,000 of them (%.0f expected matches) adds %s\n",
		size>>20, st.Records, st.Persons, load.Round(time.Millisecond), float64(st.Records)/load.Seconds(), rep.Matches, train.Round(time.Millisecond))

	// the whole path on arrival, store included: records stored, then
	// linked one by one through SQLite (judgements read, link written)
	more := rs[n:min(n+2000, len(rs))]
	if len(more) == 0 {
		return
	}
	batch := make([]*lastseen.Record, len(more))
	for i, r := range more {
		c := *r
		c.ID, c.PersonID, c.SourceID = 0, 0, src.ID
		batch[i] = &c
	}
	if _, err := sqldb.NewRecordService(db).ImportRecords(ctx, src.ID, batch); err != nil {
		log.Fatal(err)
	}
	lat := make([]time.Duration, len(batch))
	start = time.Now()
	for i, r := range batch {
		t0 := time.Now()
		if _, err := l.LinkRecord(ctx, r); err != nil {
			log.Fatal(err)
		}
		lat[i] = time.Since(t0)
	}
	el := time.Since(start)
	fmt.Printf("linking on arrival through SQLite (judgements read, link and person written), %d records stored beforehand: %.0f records/s, p50 %s, p99 %s\n",
		len(batch), float64(len(batch))/el.Seconds(), benchutil.Ms(benchutil.Percentile(lat, 50)), benchutil.Ms(benchutil.Percentile(lat, 99)))
}

// memStore is the store's part the Linker needs, in memory: persons and
// links, review items counted.
type memStore struct {
	mu      sync.Mutex
	next    int64
	current map[int64]int64
	reviews int
}

func (m *memStore) FindPersonByID(ctx context.Context, id int64) (*lastseen.Person, error) {
	return nil, lastseen.Errorf(lastseen.ENOTFOUND, "not kept")
}

func (m *memStore) LinkRecord(ctx context.Context, recordID, personID int64, l lastseen.Link) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if personID == 0 {
		m.next++
		personID = m.next
	}
	m.current[recordID] = personID
	return personID, nil
}

func (m *memStore) LinkRecords(ctx context.Context, reqs []lastseen.LinkRequest) ([]int64, error) {
	return lastseen.LinkEach(reqs, func(recordID, personID int64, l lastseen.Link) (int64, error) {
		return m.LinkRecord(ctx, recordID, personID, l)
	})
}

func (m *memStore) FindLinks(ctx context.Context, f lastseen.LinkFilter) ([]*lastseen.Link, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*lastseen.Link
	for _, id := range append([]int64{f.RecordID}, f.RecordIDs...) {
		if p, ok := m.current[id]; ok {
			out = append(out, &lastseen.Link{RecordID: id, PersonID: p})
		}
	}
	return out, nil
}

func (m *memStore) EnqueueReview(ctx context.Context, items []*lastseen.ReviewItem) error {
	m.mu.Lock()
	m.reviews += len(items)
	m.mu.Unlock()
	return nil
}

func (m *memStore) FindReviewItems(ctx context.Context, f lastseen.ReviewFilter) ([]*lastseen.ReviewItem, int, error) {
	return nil, 0, nil
}
