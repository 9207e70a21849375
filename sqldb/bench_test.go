package sqldb_test

import (
	"context"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// BenchmarkImportRecords imports batches of 1,000 list rows, each with a
// claim and its audit event, the way the CSV importer calls ImportRecords.
// One op is one batch; rows/s is the import rate.
func BenchmarkImportRecords(b *testing.B) {
	const batch = 1000
	dbtest.EachBench(b, func(b *testing.B, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		src := mustSource(b, db, "Benchmark list")
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			rs := importBatch(i*batch, batch)
			b.StartTimer()
			res, err := s.ImportRecords(ctx, src.ID, rs)
			if err != nil {
				b.Fatal(err)
			}
			if res.Imported != batch {
				b.Fatalf("imported %d of %d", res.Imported, batch)
			}
		}
		b.ReportMetric(float64(batch*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// BenchmarkCreateRecord stores one record per transaction, as the JSON API
// does: the cost of an acknowledged, durable write.
func BenchmarkCreateRecord(b *testing.B) {
	dbtest.EachBench(b, func(b *testing.B, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		for b.Loop() {
			if err := s.CreateRecord(ctx, newRecord("")); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
	})
}

// BenchmarkEachRecord streams 100,000 records with their claims, as an index
// rebuild does; one op is the whole pass.
func BenchmarkEachRecord(b *testing.B) {
	const n = 100_000
	dbtest.EachBench(b, func(b *testing.B, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewRecordService(db)
		src := mustSource(b, db, "Benchmark list")
		for i := 0; i < n; i += 1000 {
			if _, err := s.ImportRecords(ctx, src.ID, importBatch(i, 1000)); err != nil {
				b.Fatal(err)
			}
		}
		for b.Loop() {
			seen := 0
			err := s.EachRecord(ctx, lastseen.RecordFilter{}, func(r *lastseen.Record) error {
				seen++
				return nil
			})
			if err != nil || seen != n {
				b.Fatalf("streamed %d of %d: %v", seen, n, err)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
	})
}
