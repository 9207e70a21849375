package csvio_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/csvio"
)

// readAll reads a whole list and returns its records and row errors.
func readAll(t testing.TB, in string, opt csvio.Options) ([]*lastseen.Record, []*csvio.RowError, *csvio.Reader) {
	t.Helper()
	if opt.SourceID == 0 {
		opt.SourceID = 1
	}
	r, err := csvio.NewReader(strings.NewReader(in), opt)
	if err != nil {
		t.Fatal(err)
	}
	var recs []*lastseen.Record
	var rejects []*csvio.RowError
	for {
		rec, err := r.Read()
		var re *csvio.RowError
		switch {
		case err == io.EOF:
			return recs, rejects, r
		case errors.As(err, &re):
			rejects = append(rejects, re)
		case err != nil:
			t.Fatal(err)
		default:
			recs = append(recs, rec)
		}
	}
}

func TestReader(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		in := "record_id,given_name,family_name,patronymic,birth_date,birth_place,sex,unit,status,status_date,place,notes\n" +
			"A-1, Олександр ,Коваленко,Миколайович,1994-03,Харків,ч,93 ОМБр,missing,23.02.2022,near Izium,\n" +
			"A-2,Сергей,Иванов,,19900101,,M,,POW,2022-05,Olenivka,exchanged?\n" +
			"A-3,Ivan,Petrenko,,1988,,,,,,,\n"
		recs, rejects, _ := readAll(t, in, csvio.Options{SourceID: 9})
		if len(rejects) != 0 || len(recs) != 3 {
			t.Fatalf("%d records, rejects %v", len(recs), rejects)
		}
		r := recs[0]
		if r.SourceID != 9 || r.ExternalID != "A-1" || r.GivenName != "Олександр" || r.FamilyName != "Коваленко" ||
			r.Patronymic != "Миколайович" || r.BirthDate != lastseen.MustParseDate("1994-03") || r.BirthPlace != "Харків" ||
			r.Sex != lastseen.SexMale || r.Unit != "93 ОМБр" {
			t.Fatalf("record = %+v", r)
		}
		if len(r.Claims) != 1 || r.Claims[0].Status != lastseen.StatusMissing || r.Claims[0].Date != lastseen.NewDate(2022, 2, 23) || r.Claims[0].Place != "near Izium" {
			t.Fatalf("claim = %+v", r.Claims[0])
		}
		if c := recs[1].Claims[0]; c.Status != lastseen.StatusCaptured || c.Date != lastseen.MustParseDate("2022-05") {
			t.Fatalf("claim = %+v", c)
		}
		if recs[1].BirthDate != lastseen.NewDate(1990, 1, 1) || recs[1].Notes != "exchanged?" {
			t.Fatalf("record = %+v", recs[1])
		}
		if recs[2].Claims != nil || recs[2].BirthDate != lastseen.MustParseDate("1988") {
			t.Fatalf("record = %+v", recs[2])
		}
	})
	t.Run("MapAndWarnings", func(t *testing.T) {
		in := "Surname,Name,Date of birth,colour\nШевченко,Тарас,1814-03-09,blue\n"
		recs, rejects, r := readAll(t, in, csvio.Options{Map: map[string]string{"surname": "family_name", "name": "given_name", "date_of_birth": "birth_date"}})
		if len(rejects) != 0 || len(recs) != 1 || recs[0].FamilyName != "Шевченко" || recs[0].BirthDate != lastseen.NewDate(1814, 3, 9) {
			t.Fatalf("records %+v, rejects %v", recs, rejects)
		}
		if w := r.Warnings(); len(w) != 1 || !strings.Contains(w[0], `"colour"`) {
			t.Fatalf("warnings = %q", w)
		}
	})
	t.Run("BOMAndSemicolons", func(t *testing.T) {
		in := "\xef\xbb\xbffull_name;birth_date;notes\n\"Петренко; Іван\";01.02.1990;a,b\n"
		recs, rejects, _ := readAll(t, in, csvio.Options{})
		if len(rejects) != 0 || len(recs) != 1 || recs[0].FullName != "Петренко; Іван" || recs[0].Notes != "a,b" {
			t.Fatalf("records %+v, rejects %v", recs, rejects)
		}
	})
	t.Run("Tabs", func(t *testing.T) {
		recs, rejects, _ := readAll(t, "given_name\tfamily_name\nІван\tПетренко\n", csvio.Options{})
		if len(rejects) != 0 || len(recs) != 1 || recs[0].FamilyName != "Петренко" {
			t.Fatalf("records %+v, rejects %v", recs, rejects)
		}
	})
	t.Run("ContentIDWithoutRecordID", func(t *testing.T) {
		recs, _, _ := readAll(t, "full_name,notes\nA B,x\nA B,x\nA B,y\n", csvio.Options{})
		if recs[0].ExternalID == "" || recs[0].ExternalID != recs[1].ExternalID || recs[0].ExternalID == recs[2].ExternalID {
			t.Fatalf("ids %q %q %q", recs[0].ExternalID, recs[1].ExternalID, recs[2].ExternalID)
		}
	})
}

func TestReader_RowErrors(t *testing.T) {
	in := "record_id,Surname,given_name,birth_date,sex,status,status_date\n" + // row 1
		"1,Коваленко,Олександр,31.02.1994,m,missing,\n" + // 2: impossible date
		"2,Коваленко,Олександр,1994,x,lost,2022-01-01\n" + // 3: sex and status
		"3,Коваленко,Олександр,1994\n" + // 4: too few fields
		"4,,,1994,,,\n" + // 5: no name
		"\n" + // 6: blank, skipped
		"5,\"Multi\nline\",Олександр,1994,m,dead,2023\n" + // 7-8: fine
		"6,Коваленко,Олександр,1994,m,,2022-01-01\n" + // 9: date without status
		"7,Коваленко,Олександр,1994,m,alive,\n" // 10: fine
	recs, rejects, _ := readAll(t, in, csvio.Options{Map: map[string]string{"surname": "family_name"}})
	if len(recs) != 2 || recs[0].ExternalID != "5" || recs[1].ExternalID != "7" {
		t.Fatalf("records = %v", recs)
	}
	want := []string{
		`row 2: birth_date: "31.02.1994" is not a real date: February 1994 has 28 days`,
		`row 3: sex,status: sex: "x" is not a sex: use m or f (male/female, ч/ж, м/ж); status: "lost" is not a status (one of [alive missing captured wounded dead sought])`,
		`row 4: has 4 fields, the header has 7`,
		`row 5: given_name: a name is required: given_name and family_name, or full_name`,
		`row 9: status: is empty, but status_date or place is given`,
	}
	var got []string
	for _, e := range rejects {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("row errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReader_MappedColumnNamed(t *testing.T) {
	_, rejects, _ := readAll(t, "full_name,Date of Birth\nA,1994-13\n", csvio.Options{Map: map[string]string{"Date of Birth": "birth_date"}})
	if len(rejects) != 1 || rejects[0].Field != "Date of Birth" {
		t.Fatalf("rejects = %v", rejects)
	}
}

func TestNewReader_Errors(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		opt      csvio.Options
		want     string
	}{
		{"ErrEmpty", "", csvio.Options{SourceID: 1}, "empty"},
		{"ErrNoNameColumn", "surname,birth_date\n", csvio.Options{SourceID: 1}, "no name column"},
		{"ErrMapTarget", "surname\n", csvio.Options{SourceID: 1, Map: map[string]string{"surname": "last_name"}}, `"last_name" is not a column`},
		{"ErrDuplicateColumn", "full_name,Full Name\n", csvio.Options{SourceID: 1}, "both full_name"},
		{"ErrSourceID", "full_name\n", csvio.Options{}, "SourceID"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := csvio.NewReader(strings.NewReader(tt.in), tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRejectWriter(t *testing.T) {
	in := "full_name,birth_date\nA,1994-02-30\nB,1994\n\"C, D\",x\n"
	r, err := csvio.NewReader(strings.NewReader(in), csvio.Options{SourceID: 1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rw := csvio.NewRejectWriter(&buf, r.Header())
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		var re *csvio.RowError
		if errors.As(err, &re) {
			if err := rw.Write(re, r.Raw()); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := rw.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := `[[row field reason full_name birth_date] [2 birth_date "1994-02-30" is not a real date: February 1994 has 28 days A 1994-02-30] [4 birth_date "x" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or YYYYMMDD C, D x]]`
	if fmt.Sprint(rows) != want || rw.Count() != 2 {
		t.Fatalf("rejects = %v", rows)
	}
}

// FuzzReader checks that reading never panics or stops early, and that every
// row becomes a valid record or a row error with a row number past the header.
func FuzzReader(f *testing.F) {
	f.Add("record_id,given_name,family_name,birth_date,status,status_date\n1,Олександр,Коваленко,1994-03,missing,2022-02-23\n")
	f.Add("full_name;birth_date\n\"A;B\";31.02.1994\n")
	f.Add("\xef\xbb\xbfgiven_name\tsex\nA\tж\n\"unterminated\n")
	f.Add("full_name,x\na\"b,c,d\n\n,\n")
	f.Add("full_name\n\xff\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := csvio.NewReader(strings.NewReader(in), csvio.Options{SourceID: 1})
		if err != nil {
			return
		}
		last := r.Row()
		for i := 0; ; i++ {
			if i > len(in)+1 {
				t.Fatal("more rows than bytes")
			}
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			var re *csvio.RowError
			switch {
			case errors.As(err, &re):
				if re.Row <= 1 || re.Row < last || re.Message == "" {
					t.Fatalf("row error %+v after row %d", re, last)
				}
				last = re.Row
			case err != nil:
				t.Fatal(err)
			default:
				if err := rec.Validate(); err != nil {
					t.Fatalf("row %d: invalid record: %v", r.Row(), err)
				}
				last = r.Row()
			}
		}
	})
}
