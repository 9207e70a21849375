package index_test

import (
	"slices"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
)

// searchIndex holds four persons: two namesakes Коваленко (1990 and 1971),
// Шевчук and Соколова, each record linked to its own person (its id).
func searchIndex(t *testing.T) *index.Index {
	t.Helper()
	ix := index.New(index.Options{})
	rs := withIDs(1, kovalenko[0], others[0], others[1], others[2], kovalenko[1])
	for i, r := range rs {
		r.PersonID = int64(i + 1)
		if i == 4 {
			r.PersonID = 1 // the Russian record of the first Коваленко
		}
		ix.Add(ix.Prepare(r))
	}
	return ix
}

func persons(hs []index.Hit) []int64 {
	var out []int64
	for _, h := range hs {
		out = append(out, h.PersonID)
	}
	return out
}

// wantFound checks hits: the persons first (in any order) come first, none
// of the persons not is found, and the hits are ranked by score.
func wantFound(t *testing.T, hs []index.Hit, first, not []int64) {
	t.Helper()
	got := persons(hs)
	if len(got) < len(first) {
		t.Fatalf("found %v, want %v first", got, first)
	}
	head := slices.Clone(got[:len(first)])
	slices.Sort(head)
	if !slices.Equal(head, first) {
		t.Errorf("found %v, want %v first", got, first)
	}
	for _, p := range not {
		if slices.Contains(got, p) {
			t.Errorf("found %v, want no %d", got, p)
		}
	}
	for i := 1; i < len(hs); i++ {
		if hs[i].Score > hs[i-1].Score {
			t.Errorf("hits not ranked by score: %+v", hs)
		}
	}
}

func TestSearch(t *testing.T) {
	ix := searchIndex(t)
	for _, tc := range []struct {
		name  string
		q     index.Query
		first []int64 // the persons expected first, in any order
		not   []int64 // persons that must not be found
	}{
		{"LatinGivenFamily", index.Query{Name: "Oleksandr Kovalenko"}, []int64{1, 2}, []int64{3, 4}},
		{"LatinFamilyFirst", index.Query{Name: "KOVALENKO Oleksandr"}, []int64{1, 2}, []int64{3, 4}},
		{"RussianForm", index.Query{Name: "Александр Коваленко"}, []int64{1, 2}, []int64{3, 4}},
		{"Diminutive", index.Query{Name: "Коваленко Саша"}, []int64{1, 2}, []int64{3, 4}},
		{"PressSpelling", index.Query{Name: "Alexander Kowalenko"}, []int64{1, 2}, []int64{3, 4}},
		{"FamilyOnly", index.Query{Name: "Коваленко"}, []int64{1, 2}, []int64{3, 4}},
		{"BirthYearFilters", index.Query{Name: "Oleksandr Kovalenko", BirthDate: lastseen.MustParseDate("1990")}, []int64{1}, []int64{2, 3, 4}},
		{"BirthDayFilters", index.Query{Name: "Kovalenko", BirthDate: lastseen.MustParseDate("1971-11-23")}, []int64{2}, []int64{1}},
		{"UkrainianToRussianRecord", index.Query{Name: "Andrii Shevchuk"}, []int64{3}, []int64{1, 2, 4}},
		{"WomanLatin", index.Query{Name: "Irina Sokolova"}, []int64{4}, []int64{1, 2, 3}},
		{"NobodyKnown", index.Query{Name: "Тарас Гнатюк"}, nil, []int64{1, 2, 3, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantFound(t, ix.Search(tc.q), tc.first, tc.not)
		})
	}

	t.Run("BirthDateRanksNamesake", func(t *testing.T) {
		hs := ix.Search(index.Query{Name: "Oleksandr Kovalenko", BirthDate: lastseen.MustParseDate("1971")})
		if len(hs) == 0 || hs[0].PersonID != 2 {
			t.Fatalf("found %v, want the namesake born in 1971 first", persons(hs))
		}
	})

	t.Run("PersonOnceWithItsRecords", func(t *testing.T) {
		hs := ix.Search(index.Query{Name: "Коваленко Олександр Миколайович", BirthDate: lastseen.MustParseDate("1990")})
		if len(hs) != 1 || hs[0].PersonID != 1 {
			t.Fatalf("found %+v, want person 1 once", hs)
		}
		if r := slices.Clone(hs[0].Records); len(r) != 2 || !slices.Contains(r, 1) || !slices.Contains(r, 5) {
			t.Errorf("person 1 found through records %v, want 1 and 5", hs[0].Records)
		}
	})

	t.Run("Limit", func(t *testing.T) {
		if hs := ix.Search(index.Query{Name: "Kovalenko", Limit: 1}); len(hs) != 1 {
			t.Fatalf("limit 1: %d hits", len(hs))
		}
	})
}

func TestDateAgreement(t *testing.T) {
	d := lastseen.MustParseDate
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"1990", "1990-03-07", index.DateAgree},
		{"1990-03", "1990-03-07", index.DateAgree},
		{"1990-03-07", "1990-03-07", index.DateAgree},
		{"1990-03-07", "1990-07-03", index.DateNear},
		{"1990-03", "1990-04", index.DateNear},
		{"1990", "1991-01-01", index.DateNear},
		{"1990", "1992", index.DateFar},
		{"", "1990", index.DateUnknown},
	} {
		if got := index.DateAgreement(d(tc.a), d(tc.b)); got != tc.want {
			t.Errorf("DateAgreement(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestSearchPlaceRanksNamesake(t *testing.T) {
	ix := index.New(index.Options{})
	for i, place := range []string{"Київ", "Житомир"} {
		r := &lastseen.Record{ID: int64(i + 1), PersonID: int64(i + 1), GivenName: "Олександр", FamilyName: "Коваленко", BirthPlace: place}
		ix.Add(ix.Prepare(r))
	}
	for _, tc := range []struct {
		place string
		want  int64
	}{{"", 1}, {"Zhytomyr", 2}, {"Kyiv", 1}} {
		hs := ix.Search(index.Query{Name: "Oleksandr Kovalenko", Place: tc.place})
		if len(hs) != 2 || hs[0].PersonID != tc.want {
			t.Errorf("place %q: found %v, want %d first of 2", tc.place, persons(hs), tc.want)
		}
	}
}

// TestSearchManyNamesakes searches a name shared by more records than a
// search scores on one core: the hits are the same as they would be one by
// one — every namesake born within a year of the date, best first.
func TestSearchManyNamesakes(t *testing.T) {
	ix := index.New(index.Options{})
	const n = 6000
	for i := range n {
		r := &lastseen.Record{ID: int64(i + 1), PersonID: int64(i + 1), GivenName: "Олександр", FamilyName: "Коваленко",
			BirthDate: lastseen.NewDate(1950+i%50, 1+i%12, 1+i%28)}
		ix.Add(ix.Prepare(r))
	}
	hs := ix.Search(index.Query{Name: "Oleksandr Kovalenko", BirthDate: lastseen.MustParseDate("1990-05-05"), Limit: 50})
	if len(hs) != 50 {
		t.Fatalf("%d hits, want 50", len(hs))
	}
	for i, h := range hs {
		y := 1950 + int(h.PersonID-1)%50
		if y < 1989 || y > 1991 {
			t.Fatalf("hit %d: person %d born %d, not within a year of 1990", i, h.PersonID, y)
		}
		if i > 0 && (h.Score > hs[i-1].Score || h.Score == hs[i-1].Score && h.PersonID < hs[i-1].PersonID) {
			t.Fatalf("hits not in order at %d: %+v then %+v", i, hs[i-1], h)
		}
	}
	// the exact day first
	if y, m, d := 1950+int(hs[0].PersonID-1)%50, 1+int(hs[0].PersonID-1)%12, 1+int(hs[0].PersonID-1)%28; y != 1990 || m != 5 || d != 5 {
		t.Errorf("best hit born %d-%02d-%02d, want 1990-05-05", y, m, d)
	}
}
