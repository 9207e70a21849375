// Command linkpg compares lastseen's batch linkage with the same job done
// the way a user without lastseen would do it, on the same generated records
// in the same run: PostgreSQL pg_trgm similarity self-join, then union-find
// over the pairs. It reports the wall time of each and the pairwise F1 of
// both against synth's truth.
//
//	go run ./bench/linkpg -records 100000 -pg "$LASTSEEN_TEST_PG" [-bin bin/lastseen]
//
// With -bin it times the `lastseen link` command on the list as CSV (what a
// user runs); otherwise it times the linkage package doing the same (prepare,
// train, block, score, cluster), without reading and writing the CSV.
//
// The SQL job, per -threshold T (pg_trgm.similarity_threshold):
//
//	SELECT a.id, b.id FROM recs a JOIN recs b ON a.name % b.name AND a.id < b.id
//	WHERE a.birth_year IS NULL OR b.birth_year IS NULL OR a.birth_year = b.birth_year
package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/lastseen/lastseen/bench/internal/benchutil"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/synth"
)

func main() {
	n := flag.Int("records", 100_000, "records to link")
	seed := flag.Int64("seed", 1, "synth seed")
	pgDSN := flag.String("pg", os.Getenv("LASTSEEN_TEST_PG"), "PostgreSQL server for the pg_trgm side; empty skips it")
	bin := flag.String("bin", "", "the lastseen binary, to time `lastseen link` (empty: the linkage package)")
	thresholds := flag.String("threshold", "0.6,0.8", "pg_trgm similarity thresholds to run, comma-separated")
	timeout := flag.Duration("timeout", 10*time.Minute, "bound on each SQL join")
	flag.Parse()
	log.SetFlags(0)
	ctx := context.Background()

	cfg := synth.DefaultConfig(*n/2+1000, *seed)
	cfg.Records = *n
	rs, truth, err := benchutil.Generate(cfg.People, *n, *seed)
	if err != nil {
		log.Fatal(err)
	}
	type row struct {
		name string
		took time.Duration
		m    linkage.Metrics
		note string
	}
	var rows []row

	// lastseen
	if *bin != "" {
		dir, err := os.MkdirTemp("", "linkpg")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		in, out := filepath.Join(dir, "list.csv"), filepath.Join(dir, "clusters.csv")
		if err := writeCSV(in, cfg); err != nil {
			log.Fatal(err)
		}
		start := time.Now()
		cmd := exec.CommandContext(ctx, *bin, "link", "--in", in, "--out", out, "--no-progress")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("%s link: %v: %s", *bin, err, stderr.String())
		}
		took := time.Since(start)
		m, err := evalCSV(out, in)
		if err != nil {
			log.Fatal(err)
		}
		rows = append(rows, row{"lastseen link (CLI, CSV in and out)", took, m, strings.TrimSpace(stderr.String())})
	} else {
		start := time.Now()
		pp := linkage.NewPreparer(0)
		ps := make([]*linkage.Prepared, len(rs))
		for i, r := range rs {
			ps[i] = pp.Prepare(strconv.FormatInt(r.ID, 10), r, nil)
		}
		pp.Finalize(ps)
		res, err := linkage.Link(ctx, ps, linkage.Options{Bands: linkage.DefaultBands(), Train: linkage.TrainOptions{Seed: 1}})
		if err != nil {
			log.Fatal(err)
		}
		took := time.Since(start)
		rows = append(rows, row{"lastseen linkage (package: prepare, train, block, score, cluster)", took, linkage.Evaluate(res.Cluster, truth),
			fmt.Sprintf("%d comparisons", res.Comparisons)})
	}

	if *pgDSN != "" {
		pg, err := benchutil.NewPG(ctx, *pgDSN)
		if err != nil {
			log.Fatal(err)
		}
		defer pg.Close()
		load, gin, err := pg.LoadNames(ctx, rs, func(i int) int64 { return 0 })
		if err != nil {
			log.Fatal(err)
		}
		for _, ts := range strings.Split(*thresholds, ",") {
			t, err := strconv.ParseFloat(strings.TrimSpace(ts), 64)
			if err != nil {
				log.Fatalf("-threshold %q: %v", ts, err)
			}
			if _, err := pg.Conn.Exec(ctx, fmt.Sprintf(`SET pg_trgm.similarity_threshold = %g`, t)); err != nil {
				log.Fatal(err)
			}
			jctx, cancel := context.WithTimeout(ctx, *timeout)
			start := time.Now()
			parent := make([]int32, len(rs))
			for i := range parent {
				parent[i] = int32(i)
			}
			pairs := 0
			dbRows, err := pg.Conn.Query(jctx, `SELECT a.id, b.id FROM recs a JOIN recs b ON a.name % b.name AND a.id < b.id
				WHERE a.birth_year IS NULL OR b.birth_year IS NULL OR a.birth_year = b.birth_year`)
			if err == nil {
				for dbRows.Next() {
					var a, b int64
					if err := dbRows.Scan(&a, &b); err != nil {
						log.Fatal(err)
					}
					union(parent, int32(a-1), int32(b-1))
					pairs++
				}
				dbRows.Close()
				err = dbRows.Err()
			}
			took := time.Since(start)
			cancel()
			if err != nil {
				rows = append(rows, row{name: fmt.Sprintf("PostgreSQL pg_trgm self-join, threshold %g", t), took: took, note: "did not finish: " + err.Error()})
				continue
			}
			pred := make([]int32, len(rs))
			for i := range pred {
				pred[i] = find(parent, int32(i))
			}
			rows = append(rows, row{fmt.Sprintf("PostgreSQL pg_trgm self-join + union-find, threshold %g", t), load + gin + took, linkage.Evaluate(pred, truth),
				fmt.Sprintf("COPY %s + GIN %s + join %s, %d pairs", load.Round(time.Millisecond), gin.Round(time.Millisecond), took.Round(time.Millisecond), pairs)})
		}
	}

	fmt.Printf("\nlinkage vs pg_trgm: %d generated records (seed %d), %d CPUs\n\n", len(rs), *seed, runtime.NumCPU())
	fmt.Printf("| job | wall time | precision | recall | F1 | notes |\n|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Printf("| %s | %s | %.3f | %.3f | %.3f | %s |\n", r.name, r.took.Round(time.Millisecond), r.m.Precision, r.m.Recall, r.m.F1, r.note)
	}
	if len(rows) > 1 {
		fmt.Println()
		for _, r := range rows[1:] {
			if r.m.Predicted > 0 || r.m.True > 0 {
				fmt.Printf("time ratio %s / lastseen: %.1f×\n", r.name, float64(r.took)/float64(rows[0].took))
			}
		}
	}
}

func find(p []int32, x int32) int32 {
	for p[x] != x {
		p[x] = p[p[x]]
		x = p[x]
	}
	return x
}

func union(p []int32, a, b int32) {
	ra, rb := find(p, a), find(p, b)
	if ra != rb {
		p[rb] = ra
	}
}

// writeCSV writes the records of cfg as the CSV list `lastseen link` reads,
// broken rows included (it rejects them as an import would).
func writeCSV(path string, cfg synth.Config) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := synth.WriteCSV(f, cfg); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// evalCSV scores the clusters `lastseen link` wrote against the truth_id
// column of the list.
func evalCSV(clusters, list string) (linkage.Metrics, error) {
	read := func(path string) ([][]string, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return csv.NewReader(bytes.NewReader(b)).ReadAll()
	}
	lr, err := read(list)
	if err != nil {
		return linkage.Metrics{}, err
	}
	idCol, truthCol := -1, -1
	for i, h := range lr[0] {
		switch h {
		case "record_id":
			idCol = i
		case "truth_id":
			truthCol = i
		}
	}
	truth := map[string]string{}
	for _, r := range lr[1:] {
		truth[r[idCol]] = r[truthCol]
	}
	cr, err := read(clusters)
	if err != nil {
		return linkage.Metrics{}, err
	}
	var pred, tr []string
	for _, r := range cr[1:] {
		if t, ok := truth[r[0]]; ok {
			pred = append(pred, r[1])
			tr = append(tr, t)
		}
	}
	return linkage.Evaluate(pred, tr), nil
}
