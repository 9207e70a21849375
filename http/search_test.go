package http_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

type searchResponse struct {
	Results []lshttp.SearchResult `json:"results"`
}

// searchServer stores and links records of three men (two namesakes
// Коваленко and a Шевчук, whose death nobody has verified) and serves search
// over them; it returns the person of each record.
func searchServer(t *testing.T, db *sqldb.DB) (*lshttp.Server, []int64) {
	t.Helper()
	ctx := context.Background()
	recs := []*lastseen.Record{
		{ExternalID: "ua-1", GivenName: "Олександр", Patronymic: "Миколайович", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7), BirthPlace: "Житомир"},
		{ExternalID: "ru-1", GivenName: "Александр", Patronymic: "Николаевич", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1990, 3, 7), Sex: lastseen.SexMale},
		{ExternalID: "ua-2", GivenName: "Олександр", FamilyName: "Коваленко", BirthDate: lastseen.NewDate(1971, 11, 23), ServiceNumber: "АА123456"},
		{ExternalID: "ua-3", GivenName: "Андрій", FamilyName: "Шевчук", BirthDate: lastseen.MustParseDate("1985"),
			Claims: []*lastseen.Claim{{Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2023-05")}}},
	}
	rsvc, ps := sqldb.NewRecordService(db), sqldb.NewPersonService(db)
	l := &index.Linker{Index: index.New(index.Options{}), Persons: ps, Judgements: sqldb.NewJudgementService(db)}
	var persons []int64
	for _, r := range recs {
		r.Source = &lastseen.Source{Kind: lastseen.SourceOfficial, Name: "list"}
		if err := rsvc.CreateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		d, err := l.LinkRecord(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		persons = append(persons, d.PersonID)
	}
	if persons[0] != persons[1] || persons[0] == persons[2] {
		t.Fatalf("persons %v: want the first two records linked and the namesake apart", persons)
	}
	s := lshttp.NewServer()
	s.Logger = newTestLogger(t)
	s.RecordService = rsvc
	s.PersonSearcher = l.Index
	s.PersonService = ps
	return s, persons
}

func search(t *testing.T, s *lshttp.Server, params url.Values) []lshttp.SearchResult {
	t.Helper()
	resp, body := do(t, s, "GET", "/api/v1/search?"+params.Encode(), "", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d: %s", params.Encode(), resp.StatusCode, body)
	}
	var out searchResponse
	if err := json.Unmarshal([]byte(body), &out); err != nil || out.Results == nil {
		t.Fatalf("body %s: %v", body, err)
	}
	return out.Results
}

func TestSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, persons := searchServer(t, db)
		kov, namesake, shev := persons[0], persons[2], persons[3]

		for _, tc := range []struct {
			name   string
			params url.Values
			first  int64
			others []int64 // also found, after first
		}{
			{"LatinFamilyFirst", url.Values{"q": {"KOVALENKO Oleksandr"}, "birth_date": {"1990"}}, kov, nil},
			{"RussianFormGivenFirst", url.Values{"q": {"Александр Коваленко"}, "birth_date": {"1990-03-07"}}, kov, nil},
			{"DiminutiveNamesakeByYear", url.Values{"q": {"Коваленко Саша"}, "birth_date": {"1971"}}, namesake, nil},
			{"BothNamesakesWithoutDate", url.Values{"q": {"Oleksandr Kovalenko"}}, 0, []int64{kov, namesake}},
			{"PlaceRanks", url.Values{"q": {"Oleksandr Kovalenko"}, "place": {"Zhytomyr"}}, kov, []int64{namesake}},
			{"TransliteratedUkrainian", url.Values{"q": {"Andrii Shevchuk"}}, shev, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				rs := search(t, s, tc.params)
				var got []int64
				for _, r := range rs {
					got = append(got, r.PersonID)
				}
				want := tc.others
				if tc.first != 0 {
					if len(got) == 0 || got[0] != tc.first {
						t.Fatalf("found %v, want %d first", got, tc.first)
					}
					got = got[1:]
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("found also %v, want %v", got, want)
				}
			})
		}

		t.Run("ResultShape", func(t *testing.T) {
			rs := search(t, s, url.Values{"q": {"Kovalenko Oleksandr Mykolaiovych"}, "birth_date": {"1990-03"}, "limit": {"1"}})
			if len(rs) != 1 {
				t.Fatalf("limit 1: %d results", len(rs))
			}
			r := rs[0]
			if r.PersonID != kov || r.Name == "" || r.Score <= 0 || r.Score > 1 || len(r.Records) != 2 {
				t.Fatalf("result %+v: want person %d with a name, a score in (0,1] and its 2 records", r, kov)
			}
			var ext []string
			for _, rec := range r.Records {
				ext = append(ext, rec.ExternalID)
			}
			slices.Sort(ext)
			if !slices.Equal(ext, []string{"ru-1", "ua-1"}) {
				t.Errorf("external ids %v, want ru-1 and ua-1", ext)
			}
		})

		t.Run("UnverifiedDeathNotShown", func(t *testing.T) {
			rs := search(t, s, url.Values{"q": {"Шевчук Андрій"}})
			if len(rs) != 1 || rs[0].Status == lastseen.StatusDead {
				t.Fatalf("results %+v: want Шевчук without an unverified death", rs)
			}
		})

		t.Run("NobodyIsAnEmptyList", func(t *testing.T) {
			if rs := search(t, s, url.Values{"q": {"Тарас Гнатюк"}}); len(rs) != 0 {
				t.Fatalf("found %+v, want nobody", rs)
			}
		})
	})
}

func TestSearch_BadInput(t *testing.T) {
	s := lshttp.NewServer()
	s.Logger = newTestLogger(t)
	s.PersonSearcher = index.New(index.Options{})
	s.PersonService = sqldb.NewPersonService(nil)
	for _, tc := range []struct {
		name, query string
		fields      []string // every field the problem must name
		says        string
	}{
		{"ErrQueryRequired", "", []string{"q"}, "required"},
		{"ErrQueryBlank", "q=+++", []string{"q"}, "required"},
		{"ErrQueryTooShort", "q=K", []string{"q"}, "too short"},
		{"ErrQueryNoLetters", "q=1990-03-07", []string{"q"}, "too short"},
		{"ErrQueryTooLong", "q=" + strings.Repeat("Коваленко", 40), []string{"q"}, "longer"},
		{"ErrPlaceAlone", "place=Zhytomyr", []string{"place"}, "place alone is refused"},
		{"ErrBirthDateNotADate", "q=Kovalenko&birth_date=31.02.1994", []string{"birth_date"}, "not a real date"},
		{"ErrBirthDateGarbage", "q=Kovalenko&birth_date=soon", []string{"birth_date"}, "not a date"},
		{"ErrLimitZero", "q=Kovalenko&limit=0", []string{"limit"}, "from 1 to 50"},
		{"ErrLimitTooLarge", "q=Kovalenko&limit=51", []string{"limit"}, "from 1 to 50"},
		{"ErrLimitNotANumber", "q=Kovalenko&limit=ten", []string{"limit"}, "from 1 to 50"},
		{"ErrEveryFieldAtOnce", "birth_date=x&limit=-1&place=Kyiv", []string{"place", "birth_date", "limit"}, "3 fields"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, s, "GET", "/api/v1/search?"+tc.query, "", "")
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, body)
			}
			p := decodeProblem(t, resp, body)
			var named []string
			for _, f := range p.Errors {
				named = append(named, f.Field)
			}
			if !slices.Equal(named, tc.fields) {
				t.Errorf("problem names %v, want %v: %s", named, tc.fields, body)
			}
			if !strings.Contains(body, tc.says) {
				t.Errorf("problem does not say %q: %s", tc.says, body)
			}
		})
	}

	t.Run("ErrNoSearcher", func(t *testing.T) {
		s := lshttp.NewServer()
		s.Logger = newTestLogger(t)
		resp, body := do(t, s, "GET", "/api/v1/search?q=Kovalenko", "", "")
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503: %s", resp.StatusCode, body)
		}
		decodeProblem(t, resp, body)
	})
}

// FuzzSearchParams checks that any query string gets a 200 or a 400 that
// names its fields, never a panic or a 500.
func FuzzSearchParams(f *testing.F) {
	for _, s := range []string{"q=Kovalenko", "q=K", "place=Kyiv", "q=Коваленко+Саша&birth_date=1990&limit=5",
		"q=%00%ff&birth_date=31.02.1994", "limit=999999999999999999999", "q=" + strings.Repeat("я", 200)} {
		f.Add(s)
	}
	s := lshttp.NewServer()
	s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s.PersonSearcher = index.New(index.Options{})
	s.PersonService = sqldb.NewPersonService(nil)
	f.Fuzz(func(t *testing.T, query string) {
		req := "/api/v1/search?" + query
		if u, err := url.ParseRequestURI(req); err != nil || u.Path != "/api/v1/search" || strings.ContainsAny(query, " #\r\n") {
			return
		}
		resp, body := do(t, s, "GET", req, "", "")
		switch resp.StatusCode {
		case http.StatusOK:
		case http.StatusBadRequest:
			if p := decodeProblem(t, resp, body); len(p.Errors) == 0 {
				t.Fatalf("400 without the fields: %s", body)
			}
		default:
			t.Fatalf("%q: status %d: %s", query, resp.StatusCode, body)
		}
	})
}

// TestCreateRecord_ParallelLinked posts the records of a few men from many
// clients at once, through the real store and linker: every record is linked
// on arrival, and the records of one man end in one person however they
// interleave. Run with -race.
func TestCreateRecord_ParallelLinked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := lshttp.NewServer()
		s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
		s.RecordService = sqldb.NewRecordService(db)
		ps := sqldb.NewPersonService(db)
		l := &index.Linker{Index: index.New(index.Options{}), Persons: ps, Reviews: sqldb.NewReviewService(db), Judgements: sqldb.NewJudgementService(db)}
		s.Linker = l
		s.PersonSearcher = l.Index
		s.PersonService = ps
		men := []string{
			`"given_name":"Олександр","patronymic":"Миколайович","family_name":"Коваленко","birth_date":"1990-03-07"`,
			`"given_name":"Андрій","patronymic":"Петрович","family_name":"Шевчук","birth_date":"1985-01-02"`,
			`"given_name":"Тарас","patronymic":"Іванович","family_name":"Гнатюк","birth_date":"1979-11-23"`,
		}
		const copies = 4
		var wg sync.WaitGroup
		ids := make(chan int64, len(men)*copies)
		for i, m := range men {
			for c := range copies {
				wg.Add(1)
				go func() {
					defer wg.Done()
					body := `{` + m + `,"source":{"kind":"official","name":"list ` + string(rune('A'+c)) + `"}}`
					req := httptest.NewRequest("POST", "/api/v1/records", strings.NewReader(body))
					w := httptest.NewRecorder()
					s.ServeHTTP(w, req)
					if w.Code != http.StatusCreated {
						t.Errorf("man %d copy %d: status %d: %s", i, c, w.Code, w.Body)
						return
					}
					var rec lastseen.Record
					json.Unmarshal(w.Body.Bytes(), &rec)
					ids <- rec.ID
				}()
			}
		}
		wg.Wait()
		close(ids)
		persons := map[int64]bool{}
		n := 0
		for id := range ids {
			n++
			p, ok := l.Index.PersonOf(id)
			if !ok || p == 0 {
				t.Fatalf("record %d is not linked", id)
			}
			persons[p] = true
		}
		if n != len(men)*copies || len(persons) != len(men) {
			t.Fatalf("%d records in %d persons, want %d in %d", n, len(persons), len(men)*copies, len(men))
		}
	})
}
