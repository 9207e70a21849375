package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// comparePairs runs `lastseen names compare --pairs FILE`: every row of a CSV
// file is a pair of names, compared as `names compare` compares two. It is
// for a caseworker who checks a list against another, and for measuring the
// names package on a labelled set of pairs without starting a process a pair.
//
// The file has a header. The names are in the columns headed "a" and "b"
// (any case), or else in the first two columns. The output is CSV: the input's
// columns, then score, verdict, given, patronymic and family (the levels of
// the parts); with asJSON it is one JSON object a line, as `names compare
// --json` prints one, with the input's other columns under "columns".
//
// A row that cannot be read (too few columns, a broken quote) is named on
// stderr and skipped; the rows after it are still compared, and the error
// returned at the end counts what was skipped.
func comparePairs(ctx context.Context, path string, asJSON bool, stdout, stderr io.Writer) error {
	var in io.Reader = os.Stdin
	if path == "-" {
		path = "stdin" // what the messages call it
	} else {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("names compare: %w", err)
		}
		defer f.Close()
		in = f
	}
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1 // rows are checked one by one, so a short one costs only itself
	r.ReuseRecord = true
	r.LazyQuotes = true // a call sign in quotes inside a name ("Кіт") is part of it
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("names compare: %s: empty file, want a header and rows of two names", path)
	}
	if err != nil {
		return fmt.Errorf("names compare: %s: header: %w", path, err)
	}
	header = slices.Clone(header)
	ia, ib := pairColumns(header)
	if ib >= len(header) {
		return fmt.Errorf("names compare: %s: header has %d column, want two names a row (columns \"a\" and \"b\", or the first two)", path, len(header))
	}

	var w *csv.Writer
	var enc *json.Encoder
	if asJSON {
		enc = json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
	} else {
		w = csv.NewWriter(stdout)
		if err := w.Write(append(slices.Clone(header), "score", "verdict", "given", "patronymic", "family")); err != nil {
			return fmt.Errorf("names compare: %w", err)
		}
	}
	counts := map[string]int{}
	skipped := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// the reader counts lines, not rows: a quoted name may hold a newline
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				fmt.Fprintf(stderr, "names compare: %s: line %d: %v\n", path, pe.StartLine, pe.Err)
			} else {
				fmt.Fprintf(stderr, "names compare: %s: %v\n", path, err)
			}
			skipped++
			continue // the reader goes on at the next line, or says EOF
		}
		line, _ := r.FieldPos(0)
		if ib >= len(rec) {
			fmt.Fprintf(stderr, "names compare: %s: line %d: %d column, want the names in columns %d and %d\n", path, line, len(rec), ia+1, ib+1)
			skipped++
			continue
		}
		a, b := strings.TrimSpace(rec[ia]), strings.TrimSpace(rec[ib])
		if empty := emptyColumn(a, b, ia, ib); empty >= 0 {
			fmt.Fprintf(stderr, "names compare: %s: line %d: column %q is empty, want a name\n", path, line, header[empty])
			skipped++
			continue
		}
		c := compareNames(a, b)
		counts[c.Verdict]++
		if asJSON {
			line := pairJSON{compareJSON: c}
			if len(rec) > 2 {
				line.Columns = map[string]string{}
				for i, v := range rec {
					if i != ia && i != ib && i < len(header) {
						line.Columns[header[i]] = v
					}
				}
			}
			if err := enc.Encode(line); err != nil {
				return fmt.Errorf("names compare: %w", err)
			}
			continue
		}
		out := append(slices.Clone(rec), formatScore(c.Score), c.Verdict, c.Given, c.Patronymic, c.Family)
		if err := w.Write(out); err != nil {
			return fmt.Errorf("names compare: %w", err)
		}
	}
	if w != nil {
		w.Flush()
		if err := w.Error(); err != nil {
			return fmt.Errorf("names compare: %w", err)
		}
	}
	n := counts["match"] + counts["review"] + counts["different"]
	fmt.Fprintf(stderr, "names compare: %d pairs: %d match, %d review, %d different\n", n, counts["match"], counts["review"], counts["different"])
	if skipped > 0 {
		return fmt.Errorf("names compare: %s: %d rows skipped (named above); the other %d were compared", path, skipped, n)
	}
	return nil
}

// formatScore writes a score as names compare prints it.
func formatScore(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// pairJSON is one line of `names compare --pairs --json`.
type pairJSON struct {
	compareJSON
	Columns map[string]string `json:"columns,omitempty"`
}

// emptyColumn is the column of the name that is empty, or -1.
func emptyColumn(a, b string, ia, ib int) int {
	switch {
	case a == "":
		return ia
	case b == "":
		return ib
	}
	return -1
}

// pairColumns finds the columns of the two names: those headed a and b,
// or the first two.
func pairColumns(header []string) (int, int) {
	ia, ib := -1, -1
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) {
		case "a":
			ia = i
		case "b":
			ib = i
		}
	}
	if ia < 0 || ib < 0 {
		return 0, 1
	}
	return ia, ib
}
