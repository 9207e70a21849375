package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/secret"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestRunDemo(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var out, errb bytes.Buffer
		if err := runDemo(ctx, []string{"--db", dsn, "--people", "150", "--seed", "3"}, &out, &errb); err != nil {
			t.Fatalf("%v\n%s", err, errb.String())
		}
		m := regexp.MustCompile(`(?s)(\d+) fictional persons from (\d+) records of (\d+) sources.*password (\S+) \(shown once`).FindStringSubmatch(out.String())
		if m == nil || m[1] != "150" {
			t.Fatalf("output:\n%s", out.String())
		}
		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()

		t.Run("EverySourceSaysFictional", func(t *testing.T) {
			srcs, err := sqldb.NewSourceService(db).FindSources(ctx, lastseen.SourceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(srcs) < 26 {
				t.Fatalf("%d sources", len(srcs))
			}
			for _, s := range srcs {
				// The inquiry desk is the deployment's own source; the
				// inquiries' records say they are fictional.
				if !strings.HasPrefix(s.Name, demoPrefix) && s.Name != sqldb.InquirySource.Name {
					t.Errorf("source %q does not say it is fictional", s.Name)
				}
			}
			rs, _, err := sqldb.NewRecordService(db).FindRecords(ctx, lastseen.RecordFilter{Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if !strings.HasPrefix(r.Notes, "DEMO — fictional") {
					t.Errorf("record %d: notes %q", r.ID, r.Notes)
				}
			}
		})
		t.Run("PersonsAndCounts", func(t *testing.T) {
			cells, err := sqldb.NewStatsService(db).CountPersons(ctx, lastseen.StatsFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var persons, verified int64
			sides := map[string]bool{}
			for _, c := range cells {
				persons += c.Persons
				verified += c.Verified
				sides[c.Side] = true
			}
			// One person per fictional human, and one for each inquiry
			// whose description the matcher found no one for.
			qs, _, err := sqldb.NewInquiryService(db).FindInquiries(ctx, lastseen.InquiryFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var alone int64
			for _, q := range qs {
				ls, err := sqldb.NewPersonService(db).FindLinks(ctx, lastseen.LinkFilter{PersonID: q.PersonID})
				if err != nil {
					t.Fatal(err)
				}
				if len(ls) == 1 && ls[0].RecordID == q.RecordID {
					alone++
				}
			}
			if persons != 150+alone || verified == 0 || !sides["ua"] || !sides["ru"] {
				t.Fatalf("%d persons (%d inquiries alone), %d verified, sides %v", persons, alone, verified, sides)
			}
		})
		t.Run("EstimatesForBothSides", func(t *testing.T) {
			for _, side := range []string{"ua", "ru"} {
				es, err := sqldb.NewEstimateService(db).FindEstimates(ctx, lastseen.EstimateFilter{Side: side, Status: lastseen.StatusDead})
				if err != nil || len(es) < 14 {
					t.Fatalf("%s: %d estimates, %v", side, len(es), err)
				}
			}
		})
		t.Run("OpenInquiries", func(t *testing.T) {
			qs, total, err := sqldb.NewInquiryService(db).FindInquiries(ctx, lastseen.InquiryFilter{})
			if err != nil || total != 8 {
				t.Fatalf("%d inquiries, %v", total, err)
			}
			open := 0
			for _, q := range qs {
				if q.State == lastseen.InquiryOpen {
					open++
				}
			}
			// Every inquiry describes a person the demo filed records of:
			// the matcher finds them (a link or a review item), whatever
			// the registry's size (index: the prior follows the persons
			// indexed).
			if open != 0 {
				t.Fatalf("%d of 8 inquiries open, want none", open)
			}
		})
		// What serve finds at start: every record linked (it logged
		// linked_at_start=5 after the demo when the inquiries' descriptions
		// were left unlinked), every inquiry's description with a person.
		t.Run("EveryRecordLinked", func(t *testing.T) {
			l := &index.Linker{Index: index.New(index.Options{}), Persons: sqldb.NewPersonService(db),
				Reviews: sqldb.NewReviewService(db), Judgements: sqldb.NewJudgementService(db)}
			st, err := index.Load(ctx, l, sqldb.NewRecordService(db), index.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Unlinked != 0 {
				t.Fatalf("%d of %d records unlinked after the demo", st.Unlinked, st.Records)
			}
			qs, _, err := sqldb.NewInquiryService(db).FindInquiries(ctx, lastseen.InquiryFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if q.PersonID == 0 {
					t.Errorf("inquiry %d (%s): its description is linked to no one", q.ID, q.State)
				}
			}
		})
		t.Run("CaseworkerPasswordWorks", func(t *testing.T) {
			u, err := sqldb.NewUserService(db).FindUserByEmail(ctx, demoCaseworker)
			if err != nil {
				t.Fatal(err)
			}
			if ok, err := secret.CheckPassword(u.PasswordHash, m[4]); !ok || err != nil || u.Role != lastseen.RoleCaseworker {
				t.Fatalf("printed password does not open %+v: %v", u, err)
			}
		})
		t.Run("IfEmptyDoesNothing", func(t *testing.T) {
			out.Reset()
			if err := runDemo(ctx, []string{"--db", dsn, "--people", "10", "--if-empty"}, &out, &errb); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "nothing done") {
				t.Fatalf("output: %s", out.String())
			}
		})
		t.Run("ErrNotEmpty", func(t *testing.T) {
			err := runDemo(ctx, []string{"--db", dsn, "--people", "10"}, &out, &errb)
			if err == nil || !strings.Contains(err.Error(), "only an empty database") {
				t.Fatalf("err = %v", err)
			}
			_, n, err := sqldb.NewRecordService(db).FindRecords(ctx, lastseen.RecordFilter{Limit: 1})
			imported, _ := strconv.Atoi(m[2])
			if err != nil || n != imported+8 {
				t.Fatalf("%d records after a refused run, want %s + 8 inquiries: %v", n, m[2], err)
			}
		})
	})
	t.Run("ErrUsage", func(t *testing.T) {
		var out, errb bytes.Buffer
		for _, args := range [][]string{{"--people", "0"}, {"--people", "x"}, {"extra"}} {
			if err := runDemo(context.Background(), args, &out, &errb); err == nil {
				t.Errorf("runDemo %v: no error", args)
			}
		}
	})
}
