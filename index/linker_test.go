package index_test

import (
	"context"
	"errors"
	"math"
	"sync"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
)

// kovalenko is one man written by three sources: a Ukrainian list, a Russian
// one, and a passport-style romanisation with the family name first.
var kovalenko = []*lastseen.Record{
	{GivenName: "Олександр", Patronymic: "Миколайович", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7), Sex: lastseen.SexMale, BirthPlace: "Житомир"},
	{GivenName: "Александр", Patronymic: "Николаевич", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7), Sex: lastseen.SexMale},
	{FullName: "KOVALENKO Oleksandr", BirthDate: lastseen.NewDate(1990, 3, 7), BirthPlace: "Zhytomyr"},
}

// others are different men: a namesake born elsewhere years later, and
// strangers.
var others = []*lastseen.Record{
	{GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1971, 11, 23), Sex: lastseen.SexMale, ServiceNumber: "АА123456"},
	{GivenName: "Андрій", FamilyName: "Шевчук", BirthDate: lastseen.NewDate(1985, 1, 2), Sex: lastseen.SexMale},
	{GivenName: "Ирина", FamilyName: "Соколова", BirthDate: lastseen.MustParseDate("1979"), Sex: lastseen.SexFemale},
}

func withIDs(first int64, rs ...*lastseen.Record) []*lastseen.Record {
	out := make([]*lastseen.Record, len(rs))
	for i, r := range rs {
		c := *r
		c.ID = first + int64(i)
		out[i] = &c
	}
	return out
}

func newLinker(mem *memPersons) *index.Linker {
	return &index.Linker{Index: index.New(index.Options{}), Persons: mem, Reviews: mem, Judgements: mem}
}

func TestLinker(t *testing.T) {
	ctx := context.Background()
	t.Run("CrossScriptTwinsLinked", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		rs := withIDs(1, append(append([]*lastseen.Record{}, others...), kovalenko...)...)
		var ds []*lastseen.MatchDecision
		for _, r := range rs {
			d, err := l.LinkRecord(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			ds = append(ds, d)
		}
		for i := range others {
			if ds[i].Action == lastseen.MatchLink {
				t.Errorf("record %d (%s): linked, want a new person", rs[i].ID, rs[i].DisplayName())
			}
		}
		k := len(others)
		if ds[k].Action == lastseen.MatchLink {
			t.Errorf("first Kovalenko record linked to %d, want a new person", ds[k].PersonID)
		}
		for i := k + 1; i < len(rs); i++ {
			if ds[i].Action != lastseen.MatchLink || ds[i].PersonID != ds[k].PersonID {
				t.Errorf("record %d (%s): %s person %d, want link to person %d (%+v)", rs[i].ID, rs[i].DisplayName(), ds[i].Action, ds[i].PersonID, ds[k].PersonID, ds[i].Candidates)
			}
		}
		if ds[0].PersonID == ds[k].PersonID {
			t.Errorf("the namesake born in 1971 is the same person as the one born in 1990")
		}
	})

	t.Run("NotSameNeverLinked", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		rs := withIDs(1, kovalenko...)
		if _, err := l.LinkRecord(ctx, rs[0]); err != nil {
			t.Fatal(err)
		}
		// the second record is judged not the same as the first before it
		// is linked (it was stored, the process died, a caseworker judged)
		mem.CreateJudgement(ctx, &lastseen.Judgement{RecordA: 1, RecordB: 2, Verdict: lastseen.VerdictNotSame})
		d, err := l.LinkRecord(ctx, rs[1])
		if err != nil {
			t.Fatal(err)
		}
		if d.PersonID == mem.current[1] {
			t.Fatalf("record 2 linked to person %d of record 1 across a not-same judgement", d.PersonID)
		}
		for _, it := range mem.reviews {
			if it.RecordA == 1 && it.RecordB == 2 {
				t.Errorf("a judged pair was queued for review again: %+v", it)
			}
		}
	})

	t.Run("SameAlwaysLinked", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		rs := withIDs(1, kovalenko[0], others[1])
		if _, err := l.LinkRecord(ctx, rs[0]); err != nil {
			t.Fatal(err)
		}
		// a caseworker knows better than the scores: Шевчук is Коваленко
		mem.CreateJudgement(ctx, &lastseen.Judgement{RecordA: 1, RecordB: 2, Verdict: lastseen.VerdictSame})
		d, err := l.LinkRecord(ctx, rs[1])
		if err != nil {
			t.Fatal(err)
		}
		if d.Action != lastseen.MatchLink || d.PersonID != mem.current[1] {
			t.Fatalf("decision %s person %d, want link to person %d by the same-judgement", d.Action, d.PersonID, mem.current[1])
		}
	})

	// The bands are the operator's: the same pair is linked, queued or left
	// apart as its score falls against them.
	pair := withIDs(1,
		&lastseen.Record{GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.MustParseDate("1990")},
		&lastseen.Record{GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.MustParseDate("1990-03")},
	)
	scratch := index.New(index.Options{})
	p0 := pair[0]
	p0.PersonID = 1
	scratch.Add(scratch.Prepare(p0))
	p0.PersonID = 0
	ex, _ := scratch.Explain(scratch.Prepare(pair[1]), 1)
	score := ex.Score
	for _, tc := range []struct {
		name  string
		bands linkage.Bands
		want  lastseen.MatchAction
	}{
		{"LinkBandLinked", linkage.Bands{Link: score - 1, Review: score - 2}, lastseen.MatchLink},
		{"ReviewBandQueued", linkage.Bands{Link: score + 1, Review: score - 1}, lastseen.MatchReview},
		{"BelowReviewNew", linkage.Bands{Link: score + 2, Review: score + 1}, lastseen.MatchNew},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem := newMem()
			l := &index.Linker{Index: index.New(index.Options{Bands: &tc.bands}), Persons: mem, Reviews: mem, Judgements: mem}
			var d *lastseen.MatchDecision
			for _, r := range pair {
				var err error
				if d, err = l.LinkRecord(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if d.Action != tc.want {
				t.Fatalf("score %.2f with bands %+v: %s, want %s", score, tc.bands, d.Action, tc.want)
			}
			if same := mem.current[1] == mem.current[2]; same != (tc.want == lastseen.MatchLink) {
				t.Fatalf("records in one person: %v, want %v", same, !same)
			}
			if tc.want != lastseen.MatchReview {
				if len(mem.reviews) != 0 {
					t.Fatalf("review items %+v, want none", mem.reviews)
				}
				return
			}
			if len(mem.reviews) != 1 || mem.reviews[0].RecordA != 1 || mem.reviews[0].RecordB != 2 {
				t.Fatalf("review items %+v, want one for records 1 and 2", mem.reviews)
			}
			it := mem.reviews[0]
			sum := l.Index.Prior()
			for _, f := range it.Fields {
				sum += f.Weight
			}
			if len(it.Fields) == 0 || math.Abs(sum-it.Score) > 1e-6 {
				t.Errorf("review item fields %+v do not explain its score %.3f (they sum to %.3f)", it.Fields, it.Score, sum)
			}
		})
	}

	t.Run("IdempotentForLinkedRecord", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		r := withIDs(1, kovalenko[0])[0]
		d1, err := l.LinkRecord(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := l.LinkRecord(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if d2.PersonID != d1.PersonID || len(mem.links[1]) != 1 {
			t.Fatalf("linking again: person %d, links %d; want person %d and one link", d2.PersonID, len(mem.links[1]), d1.PersonID)
		}
	})

	t.Run("FailedLinkRetried", func(t *testing.T) {
		mem := newMem()
		l := newLinker(mem)
		mem.err = errors.New("database is down")
		r := withIDs(1, kovalenko[0])[0]
		if _, err := l.LinkRecord(ctx, r); err == nil {
			t.Fatal("linking with the database down succeeded")
		}
		if l.Pending() != 1 || l.Index.Len() != 0 {
			t.Fatalf("after a failed link: %d pending, %d in the index; want 1 and 0", l.Pending(), l.Index.Len())
		}
		mem.err = nil
		if err := l.Retry(ctx); err != nil {
			t.Fatal(err)
		}
		if l.Pending() != 0 || mem.current[1] == 0 {
			t.Fatalf("after the retry: %d pending, person %d", l.Pending(), mem.current[1])
		}
	})

	t.Run("ErrNoID", func(t *testing.T) {
		l := newLinker(newMem())
		if _, err := l.LinkRecord(ctx, &lastseen.Record{GivenName: "A", FamilyName: "B"}); err == nil {
			t.Fatal("a record without an id was linked")
		}
	})
}

// TestLinkerConcurrent posts the records of many persons from many
// goroutines at once: every record of one person must still end in one
// person, as if they had come one by one. Run with -race.
func TestLinkerConcurrent(t *testing.T) {
	ctx := context.Background()
	rs, truth := synthRecords(t, 300, 7)
	serial := newMem()
	ls := newLinker(serial)
	for _, r := range rs {
		if _, err := ls.LinkRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	mem := newMem()
	l := newLinker(mem)
	var wg sync.WaitGroup
	errs := make(chan error, len(rs))
	work := make(chan *lastseen.Record)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range work {
				if _, err := l.LinkRecord(ctx, r); err != nil {
					errs <- err
				}
				// searches run beside the links
				l.Index.Search(index.Query{Name: r.DisplayName(), Limit: 3})
			}
		}()
	}
	for _, r := range rs {
		work <- r
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(mem.current) != len(rs) {
		t.Fatalf("%d records linked, want %d", len(mem.current), len(rs))
	}
	// the persons may differ from the serial run (arrival order matters),
	// but no record may be left without one and both runs find pairs
	count := func(m *memPersons) int {
		n := 0
		for i, a := range rs {
			for _, b := range rs[i+1:] {
				if m.current[a.ID] == m.current[b.ID] && truth[a.ID] == truth[b.ID] {
					n++
				}
			}
		}
		return n
	}
	if c, s := count(mem), count(serial); c == 0 || s == 0 {
		t.Fatalf("true pairs linked: concurrent %d, serial %d", c, s)
	}
	persons := map[int64]bool{}
	for _, p := range mem.current {
		persons[p] = true
	}
	if got := l.Index.Persons(); got != len(persons) {
		t.Errorf("index knows %d persons, the store %d", got, len(persons))
	}
}

// TestAttach: with a model calibrated on the data (trained or given), a
// record whose only candidate person scores in the review band and coheres
// joins it, as batch clustering attaches it; with two candidate persons
// that are namesakes (they do not cohere) it goes to review, unless the
// namesake scores linkage.AttachMargin (3) bits or more below (no rival); with two
// that cohere (one man's records in two fragments) it joins the first;
// across a caseworker's "not same" it never joins; with the starting model
// and the size prior it goes to review (TestPriorFollowsIndexSize).
func TestAttach(t *testing.T) {
	a := &lastseen.Record{ID: 1, GivenName: "Олександр", FamilyName: "Коваленко", Patronymic: "Іванович", BirthDate: lastseen.MustParseDate("1990")}
	namesake := &lastseen.Record{ID: 2, GivenName: "Олександр", FamilyName: "Коваленко", Patronymic: "Петрович", BirthDate: lastseen.MustParseDate("1990")}
	farNamesake := &lastseen.Record{ID: 2, GivenName: "Олександр", FamilyName: "Коваленко", Patronymic: "Петрович", BirthDate: lastseen.MustParseDate("1992")}
	fragment := &lastseen.Record{ID: 2, GivenName: "Олександр", FamilyName: "Коваленко", Patronymic: "Іванович", BirthDate: lastseen.MustParseDate("1990")}
	b := &lastseen.Record{ID: 3, GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.MustParseDate("1990-03")}
	m := linkage.NewModel()
	scratch := index.New(index.Options{Model: m})
	scratch.Insert(scratch.Prepare(a), 1)
	ex, _ := scratch.Explain(scratch.Prepare(b), 1)
	bands := linkage.Bands{Link: ex.Score + 1, Review: ex.Score - 1}
	for _, tc := range []struct {
		name    string
		indexed []*lastseen.Record
		judged  map[int64]lastseen.Verdict
		want    lastseen.MatchAction
	}{
		{"OnlyCandidateAttached", []*lastseen.Record{a}, nil, lastseen.MatchLink},
		{"TwoNamesakesReview", []*lastseen.Record{a, namesake}, nil, lastseen.MatchReview},
		{"FarNamesakeNoRival", []*lastseen.Record{a, farNamesake}, nil, lastseen.MatchLink},
		{"TwoFragmentsAttached", []*lastseen.Record{a, fragment}, nil, lastseen.MatchLink},
		{"NotSameNeverAttached", []*lastseen.Record{a}, map[int64]lastseen.Verdict{1: lastseen.VerdictNotSame}, lastseen.MatchNew},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := index.New(index.Options{Model: m, Bands: &bands})
			for i, r := range tc.indexed {
				ix.Insert(ix.Prepare(r), int64(i+1))
			}
			d := ix.Match(ix.Prepare(b), tc.judged)
			for _, r := range tc.indexed[1:] {
				e, _ := ix.Explain(ix.Prepare(b), r.ID)
				t.Logf("score with record %d %.2f", r.ID, e.Score)
			}
			if d.Action != tc.want {
				t.Fatalf("score %.2f, bands %+v: %s, want %s (%+v)", ex.Score, bands, d.Action, tc.want, d)
			}
			if d.Attached != (tc.want == lastseen.MatchLink) || tc.want == lastseen.MatchLink && d.PersonID != 1 {
				t.Errorf("attached %v to person %d, want attached %v to person 1", d.Attached, d.PersonID, tc.want == lastseen.MatchLink)
			}
		})
	}
}

// TestContradictionVote: a record that scores in the link band with a
// person's name-only record does not join the person when more of its pairs
// with the person's records contradict it (a birth year 27 years apart) than
// agree — linkage.Vote, the rule batch clustering refuses the same merge by
// (linkage's BridgeAcrossBirthYears) — and joins a person of that one record
// (a pair is decided by its score) or one whose dated record agrees.
func TestContradictionVote(t *testing.T) {
	m := linkage.NewModel()
	m.Prior = 0.01 // name-only pairs in the link band
	if err := m.Update(); err != nil {
		t.Fatal(err)
	}
	bands := linkage.Bands{Link: 5, Review: 0}
	born1944 := &lastseen.Record{GivenName: "Pavel", FamilyName: "Vinogradov", BirthDate: lastseen.MustParseDate("1944"), Sex: lastseen.SexMale}
	born1971 := &lastseen.Record{GivenName: "Pavel", FamilyName: "Vinogradov", BirthDate: lastseen.MustParseDate("1971"), Sex: lastseen.SexMale}
	nameOnly := &lastseen.Record{GivenName: "Павел", FamilyName: "Виноградов", Sex: lastseen.SexMale}
	arriving := &lastseen.Record{ID: 100, GivenName: "Павел", FamilyName: "Виноградов", Patronymic: "Павлович", BirthDate: lastseen.NewDate(1971, 12, 8), Sex: lastseen.SexMale}
	for _, tc := range []struct {
		name   string
		person []*lastseen.Record
		want   lastseen.MatchAction
	}{
		{"ContradictedReview", []*lastseen.Record{born1944, nameOnly}, lastseen.MatchReview},
		{"OneRecordLinked", []*lastseen.Record{nameOnly}, lastseen.MatchLink},
		{"AgreeingLinked", []*lastseen.Record{born1971, nameOnly}, lastseen.MatchLink},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := index.New(index.Options{Model: m, Bands: &bands})
			for _, r := range withIDs(1, tc.person...) {
				ix.Insert(ix.Prepare(r), 1)
			}
			d := ix.Match(ix.Prepare(arriving), nil)
			if len(d.Persons) != 1 {
				t.Fatalf("want one candidate person, got %+v", d)
			}
			pm := d.Persons[0]
			// without the vote the record would join: its best pair is in
			// the link band and the person coheres by mean and least score
			if pm.Best.Score < bands.Link || pm.Mean < bands.Review || pm.Forbidden {
				t.Fatalf("the test needs a link-band best pair and a coherent mean: %+v", pm)
			}
			if d.Action != tc.want || pm.Contradicted != (tc.want == lastseen.MatchReview) {
				t.Errorf("%s (contradicted %v), want %s: %+v", d.Action, pm.Contradicted, tc.want, pm)
			}
		})
	}
}
