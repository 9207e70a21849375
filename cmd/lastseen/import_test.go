package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
	"github.com/lastseen/lastseen/synth"
)

// writeSynthList writes a fictional list of n rows, a share of them broken,
// and returns its path and the row numbers (header = 1) of the broken rows,
// as synth flagged them.
func writeSynthList(t testing.TB, dir string, n int, broken float64) (string, []int) {
	t.Helper()
	cfg := synth.DefaultConfig(n/2+1, 42)
	cfg.Records = n
	cfg.BrokenRate = broken
	isBroken := map[string]bool{}
	if err := synth.Generate(cfg, func(r *synth.Record) error {
		if r.Broken {
			isBroken[r.ID] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "list.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := synth.WriteCSV(f, cfg); err != nil || got != n {
		t.Fatalf("synth wrote %d rows: %v", got, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// Row numbers as the importer counts them: the line where the row starts.
	f, _ = os.Open(path)
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	var rows []int
	for {
		fs, err := cr.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if line, _ := cr.FieldPos(0); isBroken[fs[0]] {
			rows = append(rows, line)
		}
	}
	if len(rows) != len(isBroken) {
		t.Fatalf("found %d of %d broken rows", len(rows), len(isBroken))
	}
	return path, rows
}

var summaryRE = regexp.MustCompile(`^imported (\d+), duplicates (\d+), rejected (\d+)`)

func parseSummary(t testing.TB, out string) (imported, duplicates, rejected int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(strings.TrimSpace(out))
	if m == nil {
		t.Fatalf("no summary in %q", out)
	}
	imported, _ = strconv.Atoi(m[1])
	duplicates, _ = strconv.Atoi(m[2])
	rejected, _ = strconv.Atoi(m[3])
	return
}

// rejectedRows reads the row numbers of a rejects file, checking that every
// rejected row has a reason.
func rejectedRows(t testing.TB, path string) []int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	all, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 || !slices.Equal(all[0][:3], []string{"row", "field", "reason"}) {
		t.Fatalf("rejects header = %v", all[:1])
	}
	var rows []int
	for _, r := range all[1:] {
		n, err := strconv.Atoi(r[0])
		if err != nil || r[2] == "" {
			t.Fatalf("reject without a row or reason: %v", r)
		}
		rows = append(rows, n)
	}
	return rows
}

// TestImport imports a fictional list of 2,000 rows, 1% broken, through the
// command line, on each database: exactly the 20 rows synth broke are
// rejected, with reasons, and a second run adds nothing.
func TestImport(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		dir := t.TempDir()
		const n, wantRejected = 2000, 20
		path, broken := writeSynthList(t, dir, n, 0.01)
		if len(broken) != wantRejected {
			t.Fatalf("synth broke %d rows, want %d", len(broken), wantRejected)
		}
		ctx := context.Background()
		var stdout, stderr bytes.Buffer
		if code := run(ctx, []string{"import", "--db", dsn, "--source", "Synthetic list", path}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		imported, dups, rejected := parseSummary(t, stdout.String())
		if imported != n-wantRejected || dups != 0 || rejected != wantRejected {
			t.Fatalf("%s: want imported %d, rejected %d", stdout.String(), n-wantRejected, wantRejected)
		}
		rejects := filepath.Join(dir, "list.rejects.csv")
		if !strings.Contains(stdout.String(), "(see "+rejects+")") {
			t.Fatalf("summary does not name the rejects file: %s", stdout.String())
		}
		if got := rejectedRows(t, rejects); !slices.Equal(got, broken) {
			t.Fatalf("rejected rows %v, want the broken rows %v", got, broken)
		}
		if !strings.Contains(stderr.String(), `warning: column "truth_id" is not known`) {
			t.Fatalf("no warning about the unknown column: %s", stderr.String())
		}

		// Again: nothing new, and the same rows rejected.
		stdout.Reset()
		if code := run(ctx, []string{"import", "--db", dsn, "--source", "Synthetic list", path}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if imported2, dups2, rejected2 := parseSummary(t, stdout.String()); imported2 != 0 || dups2 != imported || rejected2 != rejected {
			t.Fatalf("second run: %s", stdout.String())
		}

		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, total, err := sqldb.NewRecordService(db).FindRecords(ctx, lastseen.RecordFilter{Limit: 1})
		if err != nil || total != imported {
			t.Fatalf("the database holds %d records (%v), want %d", total, err, imported)
		}
	})
}

// failingRecords fails every batch of more than one record, and the single
// records whose family name is "Refused", as a database might refuse a row
// that passed validation.
type failingRecords struct {
	lastseen.RecordService
	batches int
}

func (s *failingRecords) ImportRecords(ctx context.Context, sourceID int64, rs []*lastseen.Record) (lastseen.ImportResult, error) {
	s.batches++
	if len(rs) > 1 {
		return lastseen.ImportResult{}, lastseen.Errorf(lastseen.ECONFLICT, "the batch failed")
	}
	if rs[0].FamilyName == "Refused" {
		return lastseen.ImportResult{}, &lastseen.Error{Code: lastseen.EINVALID, Message: "refused by the database",
			Fields: []lastseen.FieldError{{Field: "family_name", Message: "refused"}}}
	}
	return s.RecordService.ImportRecords(ctx, sourceID, rs)
}

// TestImport_BatchFails checks that a batch the database refuses as a whole
// is stored row by row, rejecting only the rows it refuses, with the reason.
func TestImport_BatchFails(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		in := "record_id,given_name,family_name\n1,Іван,Петренко\n2,Іван,Refused\n3,Іван,Коваленко\n4,Олег,Шевченко\n5,,\n"
		svc := &failingRecords{RecordService: sqldb.NewRecordService(db)}
		im := &importer{Records: svc, Sources: sqldb.NewSourceService(db), BatchSize: 3,
			Source: lastseen.Source{Kind: lastseen.SourceOfficial, Name: "List"}}
		var rejects bytes.Buffer
		sum, err := im.Import(context.Background(), strings.NewReader(in), &rejects)
		if err != nil {
			t.Fatal(err)
		}
		if sum != (importSummary{Rows: 5, Imported: 3, Rejected: 2}) {
			t.Fatalf("summary %+v", sum)
		}
		want := "row,field,reason,record_id,given_name,family_name\n" +
			"3,family_name,refused by the database,2,Іван,Refused\n" +
			"6,given_name,\"a name is required: given_name and family_name, or full_name\",5,,\n"
		if rejects.String() != want {
			t.Fatalf("rejects:\n%s\nwant:\n%s", rejects.String(), want)
		}
	})
}

// TestImport_DatabaseDown checks that an import stops with an error, rather
// than rejecting every row, when the database fails.
func TestImport_DatabaseDown(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		src := sqldb.NewSourceService(db)
		im := &importer{Records: sqldb.NewRecordService(db), Sources: src,
			Source: lastseen.Source{Kind: lastseen.SourceOfficial, Name: "List"}}
		if _, err := src.FindOrCreateSource(context.Background(), &im.Source); err != nil {
			t.Fatal(err)
		}
		db.Close()
		var rejects bytes.Buffer
		_, err := im.Import(context.Background(), strings.NewReader("full_name\nІван Петренко\n"), &rejects)
		if err == nil || rejects.Len() != 0 {
			t.Fatalf("err = %v, rejects %q", err, rejects.String())
		}
	})
}

func TestImport_CommandLine(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list.csv")
	os.WriteFile(list, []byte("Surname;Name;Date of birth\nКоваленко;Олександр;07.03.1994\n"), 0o644)
	for _, tt := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"OK", []string{"--map", "surname=family_name, name=given_name,date_of_birth=birth_date", list}, 0, "imported 1, duplicates 0, rejected 0\n"},
		{"ErrNoFile", []string{}, 2, ""},
		{"ErrFormat", []string{"--format", "xml", list}, 2, ""},
		{"ErrSourceKind", []string{"--source-kind", "rumour", list}, 2, ""},
		{"ErrMap", []string{"--map", "surname", list}, 2, ""},
		{"ErrMapTarget", []string{"--map", "surname=last_name", list}, 1, ""},
		{"ErrNoNameColumn", []string{list}, 1, ""},
		{"ErrMissingFile", []string{filepath.Join(dir, "nothing.csv")}, 1, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"import", "--db", "sqlite:" + filepath.Join(dir, "x.db")}, tt.args...)
			if code := run(context.Background(), args, &stdout, &stderr); code != tt.code {
				t.Fatalf("exit %d, want %d: %s%s", code, tt.code, stdout.String(), stderr.String())
			}
			if tt.code != 0 && stderr.Len() == 0 {
				t.Fatal("no message on stderr")
			}
			if stdout.String() != tt.out && tt.out != "" {
				t.Fatalf("stdout %q, want %q", stdout.String(), tt.out)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "list.rejects.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("an import without rejects left a rejects file: %v", err)
	}
}

// BenchmarkImportCSV imports a fictional list of 100,000 rows, 1% broken, on
// each database, checks that 99,000 are imported and 1,000 rejected, and
// reports rows per second. Every iteration imports into a fresh database.
func BenchmarkImportCSV(b *testing.B) {
	const n, wantImported, wantRejected = 100_000, 99_000, 1_000
	path, broken := writeSynthList(b, b.TempDir(), n, 0.01)
	if len(broken) != wantRejected {
		b.Fatalf("synth broke %d rows, want %d", len(broken), wantRejected)
	}
	for _, db := range []struct {
		name string
		dsn  func(testing.TB) string
	}{{"sqlite", dbtest.SQLiteDSN}, {"postgres", dbtest.PostgresDSN}} {
		b.Run(db.name, func(b *testing.B) {
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dsn := db.dsn(b)
				rejects := filepath.Join(b.TempDir(), "rejects.csv")
				var stdout, stderr bytes.Buffer
				b.StartTimer()
				start := time.Now()
				code := run(context.Background(), []string{"import", "--db", dsn, "--rejects", rejects, path}, &stdout, &stderr)
				elapsed += time.Since(start)
				b.StopTimer()
				if code != 0 {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				if imported, _, rejected := parseSummary(b, stdout.String()); imported != wantImported || rejected != wantRejected {
					b.Fatalf("%s: want imported %d, rejected %d", stdout.String(), wantImported, wantRejected)
				}
				if got := rejectedRows(b, rejects); !slices.Equal(got, broken) {
					b.Fatalf("rejected %d rows, not the %d broken ones", len(got), len(broken))
				}
			}
			b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "rows/s")
			b.ReportMetric(0, "ns/op")
		})
	}
}
