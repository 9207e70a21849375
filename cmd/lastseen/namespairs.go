package main

import (
	"bytes"
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
// columns, as many as the header has, then score, verdict, given, patronymic
// and family (the levels of the parts); with asJSON it is one JSON object a
// line, as `names compare --json` prints one, with the input's other columns
// under "columns". The file is read whole (a list of pairs is a few
// megabytes), so that a row broken by a quote can be read again by its line.
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
	data, err := io.ReadAll(in)
	if err != nil {
		return fmt.Errorf("names compare: %s: %w", path, err)
	}
	// a spreadsheet's UTF-8 mark is no part of the first column's name; the
	// CSV output carries it on, so that the spreadsheet reads it as UTF-8 too
	bom := []byte("\ufeff")
	hasBOM := bytes.HasPrefix(data, bom)
	rows := newPairRows(bytes.TrimPrefix(data, bom))
	header, _, badQuote, err := rows.next()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("names compare: %s: empty file, want a header and rows of two names", path)
	}
	if err == nil && badQuote != nil && len(header) < 2 {
		err = badQuote
	}
	if err != nil {
		return fmt.Errorf("names compare: %s: header: %w", path, err)
	}
	header = slices.Clone(header)
	ia, ib := pairColumns(header)
	if ib >= len(header) {
		return fmt.Errorf("names compare: %s: header has %s, want two names a row (columns \"a\" and \"b\", or the first two)", path, plural(len(header), "column"))
	}

	var w *csv.Writer
	var enc *json.Encoder
	if asJSON {
		enc = json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
	} else {
		if hasBOM {
			if _, err := stdout.Write(bom); err != nil {
				return fmt.Errorf("names compare: %w", err)
			}
		}
		w = csv.NewWriter(stdout)
		if err := w.Write(append(slices.Clone(header), "score", "verdict", "given", "patronymic", "family")); err != nil {
			return fmt.Errorf("names compare: %w", err)
		}
	}
	counts := map[string]int{}
	skipped := 0
	var stopped error // a cancel: the rows compared so far are still written out
	for {
		if stopped = ctx.Err(); stopped != nil {
			break
		}
		rec, line, badQuote, err := rows.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintf(stderr, "names compare: %s: line %d: %v\n", path, line, err)
			skipped++
			continue
		}
		if ib >= len(rec) {
			if badQuote != nil {
				// the quote, not the commas, is what is wrong with the line
				fmt.Fprintf(stderr, "names compare: %s: line %d: %v\n", path, line, badQuote)
			} else {
				fmt.Fprintf(stderr, "names compare: %s: line %d: %s, want the names in columns %d and %d\n", path, line, plural(len(rec), "column"), ia+1, ib+1)
			}
			skipped++
			continue
		}
		a, b := strings.TrimSpace(rec[ia]), strings.TrimSpace(rec[ib])
		if empty := emptyColumn(a, b, ia, ib); empty >= 0 {
			fmt.Fprintf(stderr, "names compare: %s: line %d: column %q is empty, want a name\n", path, line, header[empty])
			skipped++
			continue
		}
		if extra := rec[min(len(rec), len(header)):]; slices.ContainsFunc(extra, func(v string) bool { return strings.TrimSpace(v) != "" }) {
			// the output's columns are the header's: a cell past them has no name
			fmt.Fprintf(stderr, "names compare: %s: line %d: %s where the header has %d: the cells past those are left out of the output\n", path, line, plural(len(rec), "column"), len(header))
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
		// a row shorter or longer than the header is written to its width,
		// so that the score stands under "score"
		out := make([]string, len(header), len(header)+5)
		copy(out, rec)
		out = append(out, formatScore(c.Score), c.Verdict, c.Given, c.Patronymic, c.Family)
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
	if stopped != nil {
		return stopped
	}
	n := counts["match"] + counts["review"] + counts["different"]
	fmt.Fprintf(stderr, "names compare: %d pairs: %d match, %d review, %d different\n", n, counts["match"], counts["review"], counts["different"])
	if skipped > 0 {
		return fmt.Errorf("names compare: %s: %s skipped (named above); the other %d were compared", path, plural(skipped, "row"), n)
	}
	return nil
}

// pairRows reads the rows of a pairs file by RFC 4180: a quoted field may
// hold commas, newlines and quotes written twice. A row that breaks it is
// read again as its first line alone, with lenient quotes, and the reading
// goes on at the line after: so a quote inside a name (Іван "Кіт" Петров) is
// part of it, and a quote that opens a field and never closes ("Кіт" Іван
// Петров) costs its own line only. Read leniently, that quote swallowed
// every row up to the next quote in the file into one field.
type pairRows struct {
	data     []byte
	r        *csv.Reader
	off      int // where r starts in data
	lineBase int // the lines of data before off
}

func newPairRows(data []byte) *pairRows {
	p := &pairRows{data: data}
	p.restart(0, 0)
	return p
}

func (p *pairRows) restart(off, lineBase int) {
	p.r = csv.NewReader(bytes.NewReader(p.data[off:]))
	p.r.FieldsPerRecord = -1 // rows are checked one by one, so a short one costs only itself
	p.r.ReuseRecord = true
	p.off, p.lineBase = off, lineBase
}

// next returns the next row and the line it starts on. badQuote is the
// strict reading's complaint about a row read again leniently; err is
// io.EOF at the end.
func (p *pairRows) next() (rec []string, line int, badQuote, err error) {
	start := p.off + int(p.r.InputOffset())
	rec, err = p.r.Read()
	if err == nil {
		line, _ = p.r.FieldPos(0)
		return rec, p.lineBase + line, nil, nil
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return nil, 0, nil, err
	}
	line = p.lineBase + pe.StartLine
	// the row's first line: past the empty lines the reader skips
	for {
		if rest := p.data[start:]; len(rest) > 0 && rest[0] == '\n' {
			start++
		} else if len(rest) > 1 && rest[0] == '\r' && rest[1] == '\n' {
			start += 2
		} else {
			break
		}
	}
	end := len(p.data)
	if i := bytes.IndexByte(p.data[start:], '\n'); i >= 0 {
		end = start + i + 1
	}
	lr := csv.NewReader(bytes.NewReader(p.data[start:end]))
	lr.FieldsPerRecord = -1
	lr.LazyQuotes = true
	rec, err = lr.Read()
	p.restart(end, line)
	if err != nil {
		return nil, line, nil, err
	}
	return rec, line, pe.Err, nil
}

// plural writes n with its noun: 1 column, 3 columns.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
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
		switch strings.ToLower(strings.TrimSpace(h)) {
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
