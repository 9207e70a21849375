package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
	"github.com/lastseen/lastseen/synth"
)

func TestLinkOptions(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	parse := func(t *testing.T, args ...string) *linkOptions {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		o := addLinkFlags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		return o
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"version": 1, "prior": 2}`), 0o600)
	for _, tc := range []struct {
		name string
		args []string
		says string
	}{
		{"ErrReviewAboveLink", []string{"--link-threshold", "3", "--review-threshold", "5"}, "--review-threshold 5 is above --link-threshold 3"},
		{"ErrModelMissing", []string{"--model", filepath.Join(t.TempDir(), "none.json")}, "--model"},
		{"ErrModelInvalid", []string{"--model", bad}, "--model " + bad},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := sqldb.Open(ctx, dbtest.SQLiteDSN(t))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			_, err = parse(t, tc.args...).openLinker(ctx, db, quiet)
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("error %v, want one saying %q", err, tc.says)
			}
		})
	}
}

// TestLinkingRecords imports a batch through the linking RecordService:
// every imported record is linked once the batch commits, and a duplicate
// of the batch adds nothing.
func TestLinkingRecords(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		l, err := addLinkFlags(fs).openLinker(ctx, db, quiet)
		if err != nil {
			t.Fatal(err)
		}
		src, err := sqldb.NewSourceService(db).FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourcePrisonerList, Name: "exchange"})
		if err != nil {
			t.Fatal(err)
		}
		var warned []error
		svc := &linkingRecords{RecordService: sqldb.NewRecordService(db), Linker: l, Warn: func(err error) { warned = append(warned, err) }}
		batch := func() []*lastseen.Record {
			return []*lastseen.Record{
				{SourceID: src.ID, ExternalID: "1", GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7)},
				{SourceID: src.ID, ExternalID: "2", GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.NewDate(1990, 3, 7)},
				{SourceID: src.ID, ExternalID: "3", GivenName: "Ирина", FamilyName: "Соколова"},
			}
		}
		rs := batch()
		res, err := svc.ImportRecords(ctx, src.ID, rs)
		if err != nil || res.Imported != 3 || len(warned) > 0 {
			t.Fatalf("import: %+v, %v, warnings %v", res, err, warned)
		}
		ps := sqldb.NewPersonService(db)
		person := func(id int64) int64 {
			ls, err := ps.FindLinks(ctx, lastseen.LinkFilter{RecordID: id})
			if err != nil || len(ls) == 0 {
				t.Fatalf("record %d: links %v, %v", id, ls, err)
			}
			return ls[0].PersonID
		}
		if a, b, c := person(rs[0].ID), person(rs[1].ID), person(rs[2].ID); a != b || a == c {
			t.Errorf("persons %d %d %d: want the two Kovalenko records in one, Соколова apart", a, b, c)
		}
		res, err = svc.ImportRecords(ctx, src.ID, batch())
		if err != nil || res.Imported != 0 || res.Duplicates != 3 {
			t.Fatalf("import again: %+v, %v", res, err)
		}
		if l.Index.Len() != 3 {
			t.Errorf("index holds %d records, want 3", l.Index.Len())
		}
	})
}

// TestIndexedCases: after a caseworker merges two persons, the index files
// the moved record under the person it joined.
func TestIndexedCases(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		l, err := addLinkFlags(flag.NewFlagSet("test", flag.ContinueOnError)).openLinker(ctx, db, quiet)
		if err != nil {
			t.Fatal(err)
		}
		rsvc := sqldb.NewRecordService(db)
		var ids []int64
		for _, r := range []*lastseen.Record{
			{GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7)},
			{GivenName: "Андрій", FamilyName: "Шевчук", BirthDate: lastseen.NewDate(1985, 1, 2)},
		} {
			r.Source = &lastseen.Source{Kind: lastseen.SourceFamily, Name: "mum"}
			if err := rsvc.CreateRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
			if _, err := l.LinkRecord(ctx, r); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		u := &lastseen.User{Name: "cw", Role: lastseen.RoleCaseworker}
		if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		cctx := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: u.ID})
		cs := &indexedCases{CaseService: sqldb.NewCaseService(db), Index: l.Index, Persons: l.Persons}
		out, err := cs.Judge(cctx, &lastseen.Judgement{RecordA: ids[0], RecordB: ids[1], Verdict: lastseen.VerdictSame})
		if err != nil {
			t.Fatal(err)
		}
		if p, _ := l.Index.PersonOf(ids[1]); p != out.PersonA {
			t.Fatalf("after the merge the index files record %d under person %d, want %d", ids[1], p, out.PersonA)
		}
	})
}

// TestModelRetrainedMetrics: serve's retrainer replaces the starting model
// once the index has grown, logs it, and /metrics' gauges show when the
// model was trained and on how many records.
func TestModelRetrainedMetrics(t *testing.T) {
	ctx := context.Background()
	ix := index.New(index.Options{})
	cfg := synth.DefaultConfig(800, 7)
	cfg.Records = 1100
	var n int64
	if err := synth.Generate(cfg, func(s *synth.Record) error {
		if r := s.Domain(n + 1); r != nil {
			n++
			ix.Insert(ix.Prepare(r), s.TruthID)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(modelMetrics(ix)...)
	gauges := func() map[string]float64 {
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{}
		for _, mf := range mfs {
			out[mf.GetName()] = mf.GetMetric()[0].GetGauge().GetValue()
		}
		return out
	}
	if g := gauges(); g["lastseen_linkage_model_trained_timestamp_seconds"] != 0 || g["lastseen_linkage_model_trained_records"] != 0 || g["lastseen_index_records"] != float64(n) {
		t.Fatalf("gauges %v before training, want no training and %d records", g, n)
	}
	var log strings.Builder
	r := (&linkOptions{}).retrainer(ix, slog.New(slog.NewTextHandler(&log, nil)))
	r.MinTrain = 1000
	before := ix.Model()
	if did, err := r.Check(ctx); err != nil || !did {
		t.Fatalf("Check: trained %v, %v; want a model trained on %d records", did, err, n)
	}
	if ix.Model() == before {
		t.Fatal("the model was not swapped")
	}
	g := gauges()
	if g["lastseen_linkage_model_trained_timestamp_seconds"] <= 0 || g["lastseen_linkage_model_trained_records"] != float64(n) || g["lastseen_linkage_model_trained_sample"] != float64(n) {
		t.Errorf("gauges %v after training, want a time and %d records", g, n)
	}
	if !strings.Contains(log.String(), "model retrained") || !strings.Contains(log.String(), fmt.Sprintf("records=%d", n)) {
		t.Errorf("log %q, want the retraining with its records", log.String())
	}
}

// TestImportRetrains: an import into a registry too small to train a model
// at start trains one in the background once its records reach MinTrain,
// and the rest of the import is decided with it.
func TestImportRetrains(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := sqldb.Open(ctx, dbtest.SQLiteDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	o := addLinkFlags(flag.NewFlagSet("test", flag.ContinueOnError))
	s, err := o.importRecords(ctx, db, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Retrain = o.retrainer(s.Linker.Index, quiet)
	s.Retrain.MinTrain = 1000
	src, err := sqldb.NewSourceService(db).FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourcePrisonerList, Name: "list"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := synth.DefaultConfig(800, 9)
	cfg.Records = 1200
	var batch []*lastseen.Record
	synth.Generate(cfg, func(r *synth.Record) error {
		if d := r.Domain(0); d != nil {
			d.SourceID, d.ExternalID = src.ID, fmt.Sprint(len(batch))
			batch = append(batch, d)
		}
		return nil
	})
	for lo := 0; lo < len(batch); lo += 600 {
		if _, err := s.ImportRecords(ctx, src.ID, batch[lo:min(lo+600, len(batch))]); err != nil {
			t.Fatal(err)
		}
		if info := s.Linker.Index.ModelInfo(); lo == 0 && info.Source != index.ModelStarting {
			t.Fatalf("model %+v after 600 records, want the starting model", info)
		}
	}
	s.training.Wait()
	if info := s.Linker.Index.ModelInfo(); info.Source != index.ModelTrained || info.Records < 1000 {
		t.Fatalf("model %+v after %d records, want one trained on at least 1,000", info, len(batch))
	}
}
