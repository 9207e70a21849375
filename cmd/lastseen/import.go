package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/csvio"
	"github.com/lastseen/lastseen/sqldb"
)

const importExamples = `  lastseen import --format csv --source "Exchange list 2024-06" list.csv
  lastseen import --db postgres://lastseen@127.0.0.1/lastseen --source-kind prisoner_list \
      --map surname=family_name,date_of_birth=birth_date --rejects /tmp/bad.csv list.csv

Columns: ` + "record_id (the row's id in the list), given_name, family_name, patronymic,\n" +
	"full_name, birth_date, birth_place, sex, side, unit, rank, service_number, status,\n" +
	"status_date, place, notes. Dates: YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY, YYYYMMDD.\n" +
	"Rejected rows go to the rejects file with their row number and reason; the other\n" +
	"rows are imported. Importing the same list again adds nothing.\n"

// importBatch is how many records one transaction stores.
const importBatch = 1000

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", "[--db DSN] [--format csv] [--source NAME] [--map FROM=TO,...] [--rejects FILE] FILE", importExamples, stderr)
	dsn := fs.String("db", envOr("LASTSEEN_DB", defaultDB), "database: sqlite:PATH or a postgres:// URL (env LASTSEEN_DB)")
	format := fs.String("format", "csv", "format of FILE; only csv for now")
	sourceName := fs.String("source", "", "`name` of the list, its source (default: the file's name)")
	sourceKind := fs.String("source-kind", string(lastseen.SourceOfficial), "`kind` of source: "+kindList())
	mapping := fs.String("map", "", "rename headers, `from=to,...` (e.g. surname=family_name,date_of_birth=birth_date)")
	rejectsPath := fs.String("rejects", "", "`file` for the rejected rows (default: FILE with .rejects.csv beside it)")
	linking := addLinkFlags(fs) // wire.go
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
		return err
	}
	switch {
	case fs.NArg() != 1:
		return usageErrorf(fs, "give exactly one FILE to import")
	case *format != "csv":
		return usageErrorf(fs, "--format %q: only csv can be imported", *format)
	case !lastseen.SourceKind(*sourceKind).Valid():
		return usageErrorf(fs, "--source-kind %q: use one of %s", *sourceKind, kindList())
	}
	m, err := parseMap(*mapping)
	if err != nil {
		return usageErrorf(fs, "--map: %v", err)
	}
	path := fs.Arg(0)
	if *sourceName == "" {
		*sourceName = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if *rejectsPath == "" {
		*rejectsPath = strings.TrimSuffix(path, filepath.Ext(path)) + ".rejects.csv"
	}

	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	records, err := linking.importRecords(ctx, db, stderr) // wire.go: links each batch once it commits
	if err != nil {
		return err
	}
	defer records.Close()

	im := &importer{
		Records:   records,
		Sources:   sqldb.NewSourceService(db),
		Source:    lastseen.Source{Kind: lastseen.SourceKind(*sourceKind), Name: *sourceName},
		Map:       m,
		Submitter: lastseen.Submitter{Kind: lastseen.SubmitterImport, ID: filepath.Base(path)},
		Warn:      func(msg string) { fmt.Fprintf(stderr, "warning: %s\n", msg) },
	}
	in := &countingReader{r: f}
	finish := func() {}
	if st, err := f.Stat(); err == nil && isTerminal(stderr) {
		bar := progressbar.NewOptions64(st.Size(),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("importing"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
		im.Progress = func() { bar.Set64(in.n) }
		finish = func() { bar.Finish() }
	}
	// A rejects file from an earlier run of the same list would be stale.
	if err := os.Remove(*rejectsPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	rejects := &lazyFile{path: *rejectsPath}
	sum, err := im.Import(ctx, in, rejects)
	finish()
	if cerr := rejects.Close(); err == nil {
		err = cerr
	}
	if err == nil || sum.Rows > 0 { // what was done before an interruption counts too
		fmt.Fprintln(stdout, sum.String(*rejectsPath))
	}
	return err
}

// importer streams a CSV list into the database in batches.
type importer struct {
	Records   lastseen.RecordService
	Sources   lastseen.SourceService
	Source    lastseen.Source // found by kind and name, or created
	Map       map[string]string
	Submitter lastseen.Submitter
	BatchSize int          // importBatch when 0
	Warn      func(string) // unknown columns; may be nil
	Progress  func()       // called after each batch; may be nil
}

// importSummary counts what an import did. Every data row is imported, a
// duplicate of a record already there, or rejected.
type importSummary struct {
	Rows, Imported, Duplicates, Rejected int
}

func (s importSummary) String(rejects string) string {
	out := fmt.Sprintf("imported %d, duplicates %d, rejected %d", s.Imported, s.Duplicates, s.Rejected)
	if s.Rejected > 0 {
		out += " (see " + rejects + ")"
	}
	return out
}

// pending is a row read but not yet stored: what a rejection must name.
type pending struct {
	rec *lastseen.Record
	row int
	raw []string
}

// Import reads the list from in, stores its records in batches and writes
// the rejected rows to rejects. Rows are rejected for what is wrong with
// them; an error is returned only when the import cannot go on (the file
// cannot be read, the database fails), and what was stored before stays.
func (im *importer) Import(ctx context.Context, in io.Reader, rejects io.Writer) (sum importSummary, err error) {
	src, err := im.Sources.FindOrCreateSource(ctx, &im.Source)
	if err != nil {
		return sum, fmt.Errorf("source %q: %w", im.Source.Name, err)
	}
	r, err := csvio.NewReader(in, csvio.Options{SourceID: src.ID, Map: im.Map})
	if err != nil {
		return sum, err
	}
	if im.Warn != nil {
		for _, w := range r.Warnings() {
			im.Warn(w)
		}
	}
	rw := csvio.NewRejectWriter(rejects, r.Header())
	defer func() {
		sum.Rejected = rw.Count()
		if ferr := rw.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("writing rejects: %w", ferr)
		}
	}()
	size := im.BatchSize
	if size <= 0 {
		size = importBatch
	}
	batch := make([]pending, 0, size)
	flush := func() error {
		err := im.store(ctx, src.ID, batch, &sum, rw)
		batch = batch[:0]
		if im.Progress != nil {
			im.Progress()
		}
		return err
	}
	for {
		rec, err := r.Read()
		var re *csvio.RowError
		switch {
		case err == io.EOF:
			return sum, flush()
		case errors.As(err, &re):
			sum.Rows++
			if err := rw.Write(re, r.Raw()); err != nil {
				return sum, fmt.Errorf("writing rejects: %w", err)
			}
			continue
		case err != nil:
			if ferr := flush(); ferr != nil {
				return sum, ferr
			}
			return sum, err
		}
		sum.Rows++
		rec.Submitter = im.Submitter
		batch = append(batch, pending{rec, r.Row(), slices.Clone(r.Raw())})
		if len(batch) == size {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
}

// store imports one batch in one transaction. Should the batch fail as a
// whole, its rows are stored one by one, so that a row the database refuses
// is rejected with the reason and the others are kept.
func (im *importer) store(ctx context.Context, sourceID int64, batch []pending, sum *importSummary, rw *csvio.RejectWriter) error {
	if len(batch) == 0 {
		return nil
	}
	recs := make([]*lastseen.Record, len(batch))
	for i, p := range batch {
		recs[i] = p.rec
	}
	res, err := im.Records.ImportRecords(ctx, sourceID, recs)
	if err == nil {
		sum.Imported += res.Imported
		sum.Duplicates += res.Duplicates
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted at row %d: %w", batch[0].row, ctx.Err())
	}
	for _, p := range batch {
		res, err := im.Records.ImportRecords(ctx, sourceID, []*lastseen.Record{p.rec})
		switch code := lastseen.ErrorCode(err); code {
		case "":
			sum.Imported += res.Imported
			sum.Duplicates += res.Duplicates
		case lastseen.EINVALID, lastseen.ENOTFOUND, lastseen.ECONFLICT:
			e := &csvio.RowError{Row: p.row, Message: lastseen.ErrorMessage(err)}
			if fs := lastseen.ErrorFields(err); len(fs) > 0 {
				e.Field = fs[0].Field
			}
			if werr := rw.Write(e, p.raw); werr != nil {
				return fmt.Errorf("writing rejects: %w", werr)
			}
		default:
			// Not the row's fault: the database is failing. Stop, keeping
			// what is stored; running the import again resumes it.
			return fmt.Errorf("row %d: %w", p.row, err)
		}
	}
	return nil
}

// parseMap reads --map "from=to,from=to".
func parseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		from, to, ok := strings.Cut(pair, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok || from == "" || to == "" {
			return nil, fmt.Errorf("%q is not from=to", pair)
		}
		m[from] = to
	}
	return m, nil
}

func kindList() string {
	names := make([]string, len(lastseen.SourceKinds))
	for i, k := range lastseen.SourceKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// countingReader counts the bytes read, for the progress bar.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// lazyFile creates its file on the first write, so that an import without
// rejects leaves no rejects file.
type lazyFile struct {
	path string
	f    *os.File
}

func (l *lazyFile) Write(p []byte) (int, error) {
	if l.f == nil {
		f, err := os.Create(l.path)
		if err != nil {
			return 0, err
		}
		l.f = f
	}
	return l.f.Write(p)
}

func (l *lazyFile) Close() error {
	if l.f == nil {
		return nil
	}
	return l.f.Close()
}
