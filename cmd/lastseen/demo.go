package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/csvio"
	"github.com/lastseen/lastseen/secret"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/synth"
)

const demoExamples = `  lastseen demo                                  # 3000 fictional persons into lastseen.db
  lastseen demo --db sqlite:/tmp/demo.db --people 500 --seed 7
  lastseen demo --if-empty && lastseen serve     # what make run does: fills only a new database

Everything it writes is fictional and says so: every source's name starts
with "DEMO — fictional", the population comes from the synth generator, and
the inquirers' addresses are at example.org. Never run it on a real registry.
`

// demoPrefix starts the name of every source the demo writes, so that
// nobody mistakes its data for real.
const demoPrefix = "DEMO — fictional: "

// demoCaseworker is the demo's caseworker account.
const demoCaseworker = "demo.caseworker@example.org"

// runDemo implements "lastseen demo".
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", "[--db DSN] [--people N] [--seed S] [--if-empty]", demoExamples, stderr)
	dsn := fs.String("db", envOr("LASTSEEN_DB", defaultDB), "database: sqlite:PATH or a postgres:// URL (env LASTSEEN_DB)")
	people := fs.Int("people", 3000, "number of fictional `persons`")
	seed := fs.Int64("seed", 1, "random `seed`; the same seed gives the same population")
	ifEmpty := fs.Bool("if-empty", false, "succeed without doing anything when the database already has records (for make run); without it that is an error")
	link := addLinkFlags(fs)
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageErrorf(fs, "unexpected argument %q", fs.Arg(0))
	case *people < 1 || *people > 1_000_000:
		return usageErrorf(fs, "--people %d: give 1 to 1000000", *people)
	}
	if _, err := link.bands(); err != nil {
		return usageErrorf(fs, "%v", err)
	}
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	// Demo data never mixes with other records: a real registry stays
	// real, and a second run does not write a second population.
	_, n, err := sqldb.NewRecordService(db).FindRecords(ctx, lastseen.RecordFilter{Limit: 1})
	switch {
	case err != nil:
		return err
	case n > 0 && *ifEmpty:
		fmt.Fprintf(stdout, "lastseen demo: the database has %d records already; nothing done (--if-empty)\n", n)
		return nil
	case n > 0:
		return fmt.Errorf("the database has %d records already; the demo fills only an empty database", n)
	}
	start := time.Now()
	res, err := fillDemo(ctx, db, demoConfig{People: *people, Seed: *seed})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The inquiries' descriptions the demo did not link by the generator's
	// truth are matched as serve matches an inquiry on arrival: by the same
	// linker, built the same way (which links whatever has no person yet).
	// serve then finds every record linked and every inquiry in the state
	// its matches give it.
	if _, err := link.openLinker(ctx, db, slog.New(slog.NewTextHandler(stderr, nil))); err != nil {
		return fmt.Errorf("demo: link: %w", err)
	}
	if res.Open, err = countOpenInquiries(ctx, db); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(stdout, "lastseen demo: %d fictional persons from %d records of %d sources, %d verified by the demo caseworker; %d estimates; %d inquiries (%d still open) — in %s\n",
		res.Persons, res.Records, res.Sources, res.Verified, res.Estimates, res.Inquiries, res.Open, time.Since(start).Round(time.Millisecond))
	if res.Password != "" {
		fmt.Fprintf(stdout, "Demo caseworker: %s, password %s (shown once; sign in with POST /api/v1/auth/token)\n", res.Email, res.Password)
	} else {
		fmt.Fprintf(stdout, "Demo caseworker: %s exists already; its password is unchanged\n", res.Email)
	}
	return nil
}

// demoConfig says how much to make.
type demoConfig struct {
	People int
	Seed   int64
}

// demoResult counts what fillDemo wrote.
type demoResult struct {
	Sources, Records, Persons, Verified, Estimates, Inquiries, Open int
	Email, Password                                                 string // Password is "" when the account existed
}

// fillDemo fills db with a fictional population: the synth generator's
// records, imported per source through the CSV reader like a real list,
// linked into persons by the generator's ground truth (not by the matcher:
// the demo shows the registry, not the matcher's errors), a demo caseworker
// who has verified a few statuses, estimates for both sides, and a handful
// of inquiries. It goes through the services, so everything derived
// (statuses, inquiries' states, the outbox, the audit trail) is as in use.
func fillDemo(ctx context.Context, db *sqldb.DB, cfg demoConfig) (*demoResult, error) {
	res := &demoResult{Email: demoCaseworker}
	sources, err := demoSources(ctx, db)
	if err != nil {
		return nil, err
	}
	res.Sources = len(sources)

	// Generate, keeping each source's rows as CSV and their truth.
	type list struct {
		csv   []byte
		truth []int64
	}
	lists := map[string]*list{}
	header := strings.Join(synth.Header, ",") + "\n"
	err = synth.Generate(synth.Config{People: cfg.People, Seed: cfg.Seed}, func(r *synth.Record) error {
		l := lists[r.Source]
		if l == nil {
			l = &list{csv: []byte(header)}
			lists[r.Source] = l
		}
		l.csv = synth.AppendCSV(l.csv, r)
		l.truth = append(l.truth, r.TruthID)
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Import each list as a partner's CSV would be.
	records := sqldb.NewRecordService(db)
	byTruth := map[int64][]int64{}
	for _, info := range synth.Sources() {
		l := lists[info.Name]
		if l == nil {
			continue
		}
		src := sources[info.Name]
		rd, err := csvio.NewReader(bytes.NewReader(l.csv), csvio.Options{SourceID: src.ID})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Name, err)
		}
		var batch []*lastseen.Record
		var truth []int64
		for i := 0; ; i++ {
			rec, err := rd.Read()
			if err == io.EOF {
				break
			}
			var re *csvio.RowError
			if errors.As(err, &re) {
				continue // the generator writes no broken rows unless asked; a rejected row is simply left out
			} else if err != nil {
				return nil, fmt.Errorf("%s: %w", src.Name, err)
			}
			rec.Notes = strings.TrimSpace("DEMO — fictional record. " + rec.Notes)
			batch, truth = append(batch, rec), append(truth, l.truth[i])
		}
		for start := 0; start < len(batch); start += 5000 {
			end := min(start+5000, len(batch))
			ir, err := records.ImportRecords(ctx, src.ID, batch[start:end])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", src.Name, err)
			}
			for i, id := range ir.IDs {
				if id != 0 {
					byTruth[truth[start+i]] = append(byTruth[truth[start+i]], id)
				}
			}
			res.Records += ir.Imported
		}
	}

	// One person per fictional human.
	truths := make([]int64, 0, len(byTruth))
	for t := range byTruth {
		truths = append(truths, t)
	}
	slices.Sort(truths)
	groups := make([][]int64, len(truths))
	for i, t := range truths {
		groups[i] = byTruth[t]
	}
	pids, err := sqldb.NewPersonService(db).LinkGroups(ctx, groups, lastseen.Link{Method: lastseen.LinkAutomatic})
	if err != nil {
		return nil, err
	}
	res.Persons = len(pids)
	personOf := make(map[int64]int64, len(truths))
	for i, t := range truths {
		personOf[t] = pids[i]
	}

	cw, err := demoUser(ctx, db, res)
	if err != nil {
		return nil, err
	}
	var truth []synth.Person
	err = synth.People(synth.Config{People: cfg.People, Seed: cfg.Seed}, func(p *synth.Person) error {
		truth = append(truth, *p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if res.Verified, err = demoVerify(ctx, db, cw, truth, personOf); err != nil {
		return nil, err
	}
	if res.Estimates, err = demoEstimates(ctx, db, cfg, truth); err != nil {
		return nil, err
	}
	if res.Inquiries, res.Open, err = demoInquiries(ctx, db, truth, personOf); err != nil {
		return nil, err
	}
	return res, nil
}

// demoSources registers the generator's sources under demo names, with the
// generator's kinds and reliability grades.
func demoSources(ctx context.Context, db *sqldb.DB) (map[string]*lastseen.Source, error) {
	svc := sqldb.NewSourceService(db)
	out := map[string]*lastseen.Source{}
	for _, info := range synth.Sources() {
		src, err := svc.FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceKind(info.Kind), Name: demoPrefix + info.Name,
			Publisher: "lastseen demo data (fictional)", Reliability: info.Reliability})
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", info.Name, err)
		}
		out[info.Name] = src
	}
	return out, nil
}

// demoUser creates the demo caseworker with a new random password, which
// res carries to be printed once; an existing account is left as it is.
func demoUser(ctx context.Context, db *sqldb.DB, res *demoResult) (*lastseen.User, error) {
	users := sqldb.NewUserService(db)
	if u, err := users.FindUserByEmail(ctx, demoCaseworker); err == nil {
		return u, nil
	} else if lastseen.ErrorCode(err) != lastseen.ENOTFOUND {
		return nil, err
	}
	tok, err := secret.NewToken()
	if err != nil {
		return nil, err
	}
	password := tok[:20]
	hash, err := secret.HashPassword(password, secret.DefaultParams)
	if err != nil {
		return nil, err
	}
	u := &lastseen.User{Name: "Demo caseworker (fictional)", Email: demoCaseworker, Role: lastseen.RoleCaseworker, PasswordHash: hash}
	if err := users.CreateUser(ctx, u); err != nil {
		return nil, err
	}
	res.Password = password
	return u, nil
}

// demoVerify has the demo caseworker verify the fate of one person in 25,
// as a caseworker would after checking documents, so that the registry's
// verified counts are not empty.
func demoVerify(ctx context.Context, db *sqldb.DB, cw *lastseen.User, truth []synth.Person, personOf map[int64]int64) (int, error) {
	cases := sqldb.NewCaseService(db)
	actx := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: cw.ID})
	methods := map[string]string{
		synth.FateDead:     "death certificate (fictional)",
		synth.FateCaptured: "prisoner-of-war list confirmed by a tracing agency (fictional)",
		synth.FateWounded:  "hospital record (fictional)",
		synth.FateAlive:    "phone call with the person (fictional)",
	}
	n := 0
	for i, p := range truth {
		pid, ok := personOf[p.TruthID]
		method := methods[p.Fate]
		if i%25 != 3 || !ok || method == "" {
			continue
		}
		v := &lastseen.Verification{PersonID: pid, Status: lastseen.Status(p.Fate), Method: method,
			Date: lastseen.NewDate(p.FateYear, p.FateMonth, p.FateDay)}
		if err := cases.Verify(actx, v); err != nil {
			return n, fmt.Errorf("verify person %d: %w", pid, err)
		}
		n++
	}
	return n, nil
}

// demoEstimates writes quarterly series of fictional published figures for
// both sides: a ministry's count of its own dead, an independent media count
// of the other side's dead, and a tracing agency's count of the missing.
// They are larger than the registry's counts, as real published figures are
// larger than any registry's, and grow with the fictional war.
func demoEstimates(ctx context.Context, db *sqldb.DB, cfg demoConfig, truth []synth.Person) (int, error) {
	fates := map[[2]string]int64{}
	for _, p := range truth {
		fates[[2]string{p.Side, p.Fate}]++
	}
	rng := rand.New(rand.NewPCG(uint64(cfg.Seed), 0xe57))
	srcs := sqldb.NewSourceService(db)
	est := sqldb.NewEstimateService(db)
	series := []struct {
		side   string
		status lastseen.Status
		kind   lastseen.SourceKind
		name   string
		grade  string
		factor float64
	}{
		{"ua", lastseen.StatusDead, lastseen.SourceOfficial, "ministry figures (ua)", "C", 9},
		{"ru", lastseen.StatusDead, lastseen.SourceOfficial, "ministry figures (ru)", "C", 7},
		{"ua", lastseen.StatusDead, lastseen.SourceMedia, "independent count by name (ua)", "B", 6},
		{"ru", lastseen.StatusDead, lastseen.SourceMedia, "independent count by name (ru)", "B", 6},
		{"ua", lastseen.StatusMissing, lastseen.SourceNGO, "tracing agency caseload (ua)", "B", 8},
		{"ru", lastseen.StatusMissing, lastseen.SourceNGO, "tracing agency caseload (ru)", "B", 8},
	}
	n := 0
	since := lastseen.NewDate(2022, 2, 24)
	for _, s := range series {
		src, err := srcs.FindOrCreateSource(ctx, &lastseen.Source{Kind: s.kind, Name: demoPrefix + s.name,
			Publisher: "lastseen demo data (fictional)", Reliability: s.grade})
		if err != nil {
			return n, err
		}
		final := float64(fates[[2]string{s.side, string(s.status)}]) * s.factor
		// Quarterly from mid-2022 to autumn 2025, growing towards the final
		// figure with some noise, never falling.
		var last int64
		for q := 0; q < 14; q++ {
			t := time.Date(2022, time.June+time.Month(3*q), 1, 0, 0, 0, 0, time.UTC)
			frac := float64(q+1) / 14
			count := max(last, int64(final*frac*(0.9+0.2*rng.Float64())))
			last = count
			e := &lastseen.Estimate{SourceID: src.ID, Side: s.side, Status: s.status, Count: count, Since: since,
				AsOf: lastseen.NewDate(t.Year(), int(t.Month()), t.Day()), Note: "DEMO — fictional figure"}
			if err := est.CreateEstimate(ctx, e); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// demoInquiries files eight fictional inquiries in the three languages, as
// families describe the person sought (the family's own name forms, the
// year of birth); the descriptions of the first three are linked to their
// person, which gives them candidates and, for some, news; the rest are left
// to the matcher (runDemo).
func demoInquiries(ctx context.Context, db *sqldb.DB, truth []synth.Person, personOf map[int64]int64) (total, open int, err error) {
	inquiries, persons := sqldb.NewInquiryService(db), sqldb.NewPersonService(db)
	relations := []string{"mother", "father", "wife", "sister", "brother", "son", "daughter", "comrade"}
	langs := []string{"uk", "ru", "en"}
	step := max(1, len(truth)/8)
	for i := 0; i < 8 && i*step < len(truth); i++ {
		p := truth[i*step+step/2]
		lang := langs[i%3]
		rec := &lastseen.Record{Side: p.Side, Sex: lastseen.Sex(p.Sex), BirthDate: lastseen.PartialDate{Year: p.BirthYear, Precision: lastseen.PrecisionYear},
			Notes: "DEMO — fictional inquiry"}
		if lang == "uk" || (lang == "en" && p.Side == "ua") {
			rec.GivenName, rec.FamilyName, rec.Patronymic = p.GivenUK, p.FamilyUK, p.PatronymicUK
		} else {
			rec.GivenName, rec.FamilyName, rec.Patronymic = p.GivenRU, p.FamilyRU, p.PatronymicRU
		}
		q := &lastseen.Inquiry{
			Inquirer: lastseen.Inquirer{Name: fmt.Sprintf("Demo inquirer %d (fictional)", i+1),
				Email: fmt.Sprintf("demo-inquirer-%d@example.org", i+1), Relationship: relations[i], Language: lang},
			Record: rec,
		}
		if err := inquiries.CreateInquiry(ctx, q); err != nil {
			return total, open, fmt.Errorf("inquiry %d: %w", i+1, err)
		}
		total++
		if pid, ok := personOf[p.TruthID]; ok && i < 3 {
			if _, err := persons.LinkRecord(ctx, q.RecordID, pid, lastseen.Link{Method: lastseen.LinkAutomatic}); err != nil {
				return total, open, fmt.Errorf("inquiry %d: %w", i+1, err)
			}
		}
	}
	open, err = countOpenInquiries(ctx, db)
	return total, open, err
}

// countOpenInquiries counts the inquiries still open: nothing found yet.
func countOpenInquiries(ctx context.Context, db *sqldb.DB) (int, error) {
	_, n, err := sqldb.NewInquiryService(db).FindInquiries(ctx, lastseen.InquiryFilter{State: lastseen.InquiryOpen, Limit: 1})
	return n, err
}
