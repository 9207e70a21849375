package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/lastseen/lastseen/synth"
)

const genUsage = `Usage: lastseen gen --people N [--seed S] [--broken RATE] [--records N] [--out FILE|-]
                    [--persons FILE] [--queries FILE [--query-count N]]

Writes a clearly fictional population of people missing in the Russia–Ukraine
war as CSV in the import columns, with the ground truth (truth_id) of every
row. The same seed gives the same bytes. See the synth package documentation
for the population model and the rates of the phenomena.

Examples:
  lastseen gen --people 1000 > demo.csv
  lastseen gen --people 45000 --records 100000 --broken 0.01 --out import-bench.csv
  lastseen gen --people 4330000 --seed 7 --out /tmp/10m.csv
  lastseen gen --people 1000000 --out search.csv --queries queries.csv --query-count 10000
  lastseen gen --people 20000 --out link.csv --persons truth.csv

Flags:
`

// runGen implements "lastseen gen".
func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	people := fs.Int("people", 1000, "number of persons to generate")
	records := fs.Int("records", 0, "stop after this many records (0: all records of the persons)")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same output")
	broken := fs.Float64("broken", 0, "share of rows made invalid (impossible dates, empty names, bad bytes, unknown status)")
	out := fs.String("out", "-", "output file, or - for standard output")
	quiet := fs.Bool("quiet", false, "print no summary on standard error")
	persons := fs.String("persons", "", "also write the ground truth, one person a row, to this file")
	queries := fs.String("queries", "", "also write search queries with the person each seeks to this file")
	queryCount := fs.Int("query-count", 1000, "number of queries for --queries")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), genUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("gen: unexpected argument %q", fs.Arg(0))
	}
	if *people <= 0 || *records < 0 {
		return errors.New("gen: --people must be positive and --records not negative")
	}
	if *broken < 0 || *broken > 1 {
		return fmt.Errorf("gen: --broken %v is not between 0 and 1", *broken)
	}
	if *queryCount <= 0 {
		return errors.New("gen: --query-count must be positive")
	}
	cfg := synth.Config{People: *people, Records: *records, Seed: *seed, BrokenRate: *broken}

	var w io.Writer = stdout
	var f *os.File
	if *out != "-" && *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &ctxWriter{ctx: ctx, w: bw}
	start := time.Now()
	n, err := synth.WriteCSV(cw, cfg)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	if !*quiet && *out != "-" && *out != "" {
		d := time.Since(start)
		fmt.Fprintf(stderr, "gen: %d records of %d persons to %s in %v (%.0f records/s)\n", n, *people, *out, d.Round(time.Millisecond), float64(n)/d.Seconds())
	}
	if *persons != "" {
		n, err := writeFile(ctx, *persons, func(w io.Writer) (int, error) { return synth.WritePeopleCSV(w, cfg) })
		if err != nil {
			return fmt.Errorf("gen: persons: %w", err)
		}
		if !*quiet {
			fmt.Fprintf(stderr, "gen: %d persons to %s\n", n, *persons)
		}
	}
	if *queries != "" {
		n, err := writeFile(ctx, *queries, func(w io.Writer) (int, error) { return synth.WriteQueriesCSV(w, cfg, *queryCount) })
		if err != nil {
			return fmt.Errorf("gen: queries: %w", err)
		}
		if !*quiet {
			fmt.Fprintf(stderr, "gen: %d queries to %s\n", n, *queries)
		}
	}
	return nil
}

// writeFile creates path and fills it with write.
func writeFile(ctx context.Context, path string, write func(io.Writer) (int, error)) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(&ctxWriter{ctx: ctx, w: f}, 1<<20)
	n, err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// ctxWriter stops a long generation when the context is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
