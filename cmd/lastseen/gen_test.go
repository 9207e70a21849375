package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunGen(t *testing.T) {
	ctx := context.Background()
	t.Run("WritesCSVToStdout", func(t *testing.T) {
		var out, errb bytes.Buffer
		if err := runGen(ctx, []string{"--people", "50", "--seed", "3"}, &out, &errb); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&out).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 51 || rows[0][0] != "record_id" || rows[0][16] != "truth_id" {
			t.Fatalf("%d rows, header %v", len(rows), rows[0])
		}
	})
	t.Run("SameSeedSameFile", func(t *testing.T) {
		dir := t.TempDir()
		a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
		for _, f := range []string{a, b} {
			var errb bytes.Buffer
			if err := runGen(ctx, []string{"--people", "200", "--broken", "0.01", "--out", f}, &bytes.Buffer{}, &errb); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(errb.String(), "records of 200 persons") {
				t.Fatalf("stderr %q", errb.String())
			}
		}
		x, _ := os.ReadFile(a)
		y, _ := os.ReadFile(b)
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Fatal("outputs differ or are empty")
		}
	})
	t.Run("RecordsCap", func(t *testing.T) {
		var out bytes.Buffer
		if err := runGen(ctx, []string{"--people", "1000", "--records", "77"}, &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		rows, _ := csv.NewReader(&out).ReadAll()
		if len(rows) != 78 {
			t.Fatalf("%d rows, want header + 77", len(rows))
		}
	})
	t.Run("WritesPersonsAndQueries", func(t *testing.T) {
		dir := t.TempDir()
		pf, qf := filepath.Join(dir, "persons.csv"), filepath.Join(dir, "queries.csv")
		args := []string{"--people", "300", "--out", filepath.Join(dir, "r.csv"), "--persons", pf, "--queries", qf, "--query-count", "25"}
		if err := runGen(ctx, args, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			path   string
			rows   int
			header string
		}{{pf, 301, "truth_id"}, {qf, 26, "query"}} {
			f, err := os.Open(c.path)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil || len(rows) != c.rows || rows[0][0] != c.header {
				t.Fatalf("%s: %d rows (%v), want %d", c.path, len(rows), err, c.rows)
			}
		}
	})
	t.Run("HelpShowsExamples", func(t *testing.T) {
		var errb bytes.Buffer
		if err := runGen(ctx, []string{"--help"}, &bytes.Buffer{}, &errb); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(errb.String(), "Examples:") || !strings.Contains(errb.String(), "--people") {
			t.Fatalf("help: %s", errb.String())
		}
	})
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"ErrUnknownFlag", []string{"--nope"}},
		{"ErrBrokenOutOfRange", []string{"--broken", "2"}},
		{"ErrNegativePeople", []string{"--people", "-1"}},
		{"ErrZeroPeople", []string{"--people", "0"}},
		{"ErrExtraArgument", []string{"extra"}},
		{"ErrBadOutPath", []string{"--out", "/nonexistent/dir/x.csv"}},
		{"ErrBadPersonsPath", []string{"--people", "10", "--persons", "/nonexistent/dir/p.csv"}},
		{"ErrZeroQueryCount", []string{"--query-count", "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := runGen(ctx, tc.args, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
				t.Fatal("no error")
			}
		})
	}
	t.Run("ErrCancelled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if err := runGen(c, []string{"--people", "100000"}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Fatal("no error after cancel")
		}
	})
}
