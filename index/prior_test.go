package index_test

import (
	"context"
	"math"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/linkage"
)

// TestPriorFollowsIndexSize is the core story on a fresh server: a mother's
// inquiry for Александр Коваленко, born 1994, then a comrade's report of
// Oleksandr Kovalenko, born 1994-03. With the starting model the prior
// follows the index size, so the report is at least a review item against
// the one person indexed, and a link when the records agree on more.
func TestPriorFollowsIndexSize(t *testing.T) {
	inquiry := &lastseen.Record{ID: 1, GivenName: "Александр", FamilyName: "Коваленко", BirthDate: lastseen.MustParseDate("1994")}
	report := &lastseen.Record{ID: 2, GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.MustParseDate("1994-03")}
	with := func(r *lastseen.Record, f func(*lastseen.Record)) *lastseen.Record {
		c := *r
		f(&c)
		return &c
	}
	for _, tc := range []struct {
		name string
		a, b *lastseen.Record
		want lastseen.MatchAction
	}{
		{"ReviewOnNameAndYear", inquiry, report, lastseen.MatchReview},
		{"LinkOnFullDate",
			with(inquiry, func(r *lastseen.Record) { r.BirthDate = lastseen.NewDate(1994, 3, 12) }),
			with(report, func(r *lastseen.Record) { r.BirthDate = lastseen.NewDate(1994, 3, 12) }),
			lastseen.MatchLink},
		{"LinkOnPatronymic",
			with(inquiry, func(r *lastseen.Record) { r.Patronymic = "Николаевич" }),
			with(report, func(r *lastseen.Record) { r.Patronymic = "Mykolaiovych" }),
			lastseen.MatchLink},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := index.New(index.Options{})
			ix.Insert(ix.Prepare(tc.a), 1)
			pb := ix.Prepare(tc.b)
			d := ix.Match(pb, nil)
			ex, ok := ix.Explain(pb, tc.a.ID)
			if !ok {
				t.Fatal("Explain: record 1 not found")
			}
			t.Logf("decision %+v; explanation %+v", d, ex)
			if d.Action != tc.want {
				t.Fatalf("action %v, want %v", d.Action, tc.want)
			}
			if d.PersonID != 0 && d.PersonID != 1 {
				t.Errorf("person %d, want 1", d.PersonID)
			}
			if len(d.Persons) != 1 || d.Persons[0].PersonID != 1 {
				t.Fatalf("persons %+v, want person 1", d.Persons)
			}
			// the explanation adds up to the score Match gave, its prior
			// the index-size one
			sum := ex.Prior
			for _, f := range ex.Fields {
				sum += f.Weight
			}
			if math.Abs(sum-ex.Score) > 1e-9 || math.Abs(ex.Score-d.Persons[0].Best.Score) > 1e-9 {
				t.Errorf("explanation prior %v + fields = %v, score %v, Match score %v", ex.Prior, sum, ex.Score, d.Persons[0].Best.Score)
			}
			if want := math.Log2(1.0 / 1000); math.Abs(ex.Prior-want) > 1e-9 {
				t.Errorf("prior %v, want %v (1,000 persons, the least)", ex.Prior, want)
			}
		})
	}
}

// TestPriorTrainedModelKept checks that a model given to the index (trained,
// or loaded) scores with its own prior, however small the index.
func TestPriorTrainedModelKept(t *testing.T) {
	a := &lastseen.Record{ID: 1, GivenName: "Александр", FamilyName: "Коваленко", BirthDate: lastseen.MustParseDate("1994")}
	b := &lastseen.Record{ID: 2, GivenName: "Oleksandr", FamilyName: "Kovalenko", BirthDate: lastseen.MustParseDate("1994-03")}
	m := linkage.NewModel()
	m.Prior = 1e-6
	if err := m.Update(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ix   func() *index.Index
	}{
		{"OptionsModel", func() *index.Index { return index.New(index.Options{Model: m}) }},
		{"SetModel", func() *index.Index {
			ix := index.New(index.Options{})
			ix.SetModel(m)
			return ix
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := tc.ix()
			ix.Insert(ix.Prepare(a), 1)
			pb := ix.Prepare(b)
			ex, ok := ix.Explain(pb, 1)
			if !ok {
				t.Fatal("Explain: record 1 not found")
			}
			if ex.Prior != m.PriorWeight() {
				t.Errorf("prior %v, want the model's %v", ex.Prior, m.PriorWeight())
			}
			if d := ix.Match(pb, nil); d.Action != lastseen.MatchNew {
				t.Errorf("action %v at the model's prior (score %v), want new", d.Action, ex.Score)
			}
		})
	}
	t.Run("Train", func(t *testing.T) {
		recs, _ := synthRecords(t, 1500, 3)
		ix := index.New(index.Options{})
		for i, r := range recs {
			ix.Insert(ix.Prepare(r), int64(i+1))
		}
		if _, err := ix.Train(context.Background(), 10_000); err != nil {
			t.Fatal(err)
		}
		pb := ix.Prepare(recs[1])
		ex, ok := ix.Explain(pb, recs[0].ID)
		if !ok {
			t.Fatal("Explain: record not found")
		}
		if want := ix.Model().PriorWeight(); ex.Prior != want {
			t.Errorf("prior %v, want the trained model's %v", ex.Prior, want)
		}
	})
}

// TestAddedRecordFrequencies: a record added without being matched first
// (the Follower's, another process's) is scored with its term frequencies
// once the index is past MinTF, as a matched one is: a match on its given
// name weighs by the name's frequency, not the level's raw weight.
func TestAddedRecordFrequencies(t *testing.T) {
	recs, _ := synthRecords(t, 800, 4)
	ix := index.New(index.Options{})
	for i, r := range recs[:index.MinTF+100] {
		ix.Insert(ix.Prepare(r), int64(i+1))
	}
	x := &lastseen.Record{ID: 1 << 40, GivenName: "Іван", FamilyName: "Петренко", BirthDate: lastseen.MustParseDate("1990")}
	y := &lastseen.Record{ID: 1<<40 + 1, GivenName: "Іван", FamilyName: "Петренко", BirthDate: lastseen.MustParseDate("1990")}
	x.PersonID = 1 << 40
	ix.Add(ix.Prepare(x))
	py := ix.Prepare(y)
	ix.Match(py, nil) // sets y's frequencies, as the Linker does
	ex, ok := ix.Explain(py, x.ID)
	if !ok {
		t.Fatal("Explain: the added record is not in the index")
	}
	raw := ix.Model().Weight(linkage.FieldGiven, linkage.NameExact)
	for _, f := range ex.Fields {
		if f.Field == "given_name" && f.Weight == raw {
			t.Errorf("given name weighs %v, the level's raw weight: no term frequency for the added record", f.Weight)
		}
	}
}
