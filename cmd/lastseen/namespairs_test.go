package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestComparePairs(t *testing.T) {
	run := func(t *testing.T, content string, args ...string) (string, string, error) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "pairs.csv")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		err := runNames(context.Background(), append([]string{"compare", "--pairs", path}, args...), &out, &errb)
		return out.String(), errb.String(), err
	}
	t.Run("ScoresEveryRowAndKeepsItsColumns", func(t *testing.T) {
		out, errs, err := run(t, "id,b,a\n"+
			"1,Aleksandr Kovalenko,Олександр Коваленко\n"+
			"2,Инна Петрова,Ирина Петрова\n")
		if err != nil {
			t.Fatalf("%v\n%s", err, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"id", "b", "a", "score", "verdict", "given", "patronymic", "family"},
			{"1", "Aleksandr Kovalenko", "Олександр Коваленко", "", "match", "form", "missing", "translit"},
			{"2", "Инна Петрова", "Ирина Петрова", "", "different", "different", "missing", "exact"},
		}
		if len(rows) != len(want) {
			t.Fatalf("got %d rows, want %d:\n%s", len(rows), len(want), out)
		}
		for i := range want {
			for j := range want[i] {
				if j == 3 && i > 0 {
					continue // the score is checked against names compare below
				}
				if rows[i][j] != want[i][j] {
					t.Errorf("row %d column %d = %q, want %q", i+1, j+1, rows[i][j], want[i][j])
				}
			}
		}
		// the same score as comparing the two names alone
		if c := compareNames("Олександр Коваленко", "Aleksandr Kovalenko"); rows[1][3] != formatScore(c.Score) {
			t.Errorf("score %s, want %s as names compare gives", rows[1][3], formatScore(c.Score))
		}
		if !strings.Contains(errs, "2 pairs: 1 match, 0 review, 1 different") {
			t.Errorf("no summary on stderr: %q", errs)
		}
	})
	t.Run("FirstTwoColumnsWithoutAAndB", func(t *testing.T) {
		out, _, err := run(t, "x,y\nСергей Иванов,Sergei Ivanov\n")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "Сергей Иванов,Sergei Ivanov,0.980,match") {
			t.Errorf("got %q", out)
		}
	})
	t.Run("BadRowsAreNamedAndTheRestCompared", func(t *testing.T) {
		out, errs, err := run(t, "a,b\n"+
			"only one\n"+
			",Ivan Petrov\n"+
			"Иван Петров,Ivan Petrov\n")
		if err == nil || !strings.Contains(err.Error(), "2 rows skipped") {
			t.Errorf("err = %v, want 2 rows skipped", err)
		}
		for _, want := range []string{"line 2: 1 column", `line 3: column "a" is empty`} {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errs)
			}
		}
		if !strings.Contains(out, "Иван Петров,Ivan Petrov,") {
			t.Errorf("the good row after the bad ones is missing:\n%s", out)
		}
	})
	t.Run("JSONLinesCarryTheOtherColumns", func(t *testing.T) {
		out, _, err := run(t, "a,b,label\nОлександр Коваленко,KOVALENKO Oleksandr,1\n", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Score   float64
			Verdict string
			Columns map[string]string
		}
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &v); err != nil {
			t.Fatalf("not one JSON object a line: %v\n%s", err, out)
		}
		if v.Verdict != "match" || v.Columns["label"] != "1" {
			t.Errorf("got %+v", v)
		}
	})
	t.Run("AStrayQuoteCostsItsLineOnly", func(t *testing.T) {
		// a quote that opens a field and does not close it took every row
		// after it into that field
		out, errs, err := run(t, "a,b\n"+
			"\"Кіт\" Іван Петров,Ivan Petrov\n"+
			"Сергей Иванов,Sergei Ivanov\n"+
			"Іван \"Кіт\" Петров,Ivan Petrov\n"+
			"Олег Ткаченко,Oleh Tkachenko\n")
		if err == nil || !strings.Contains(err.Error(), "1 row skipped") || !strings.Contains(err.Error(), "the other 3 were compared") {
			t.Errorf("err = %v, want 1 row skipped, 3 compared", err)
		}
		if !strings.Contains(errs, "line 2: ") || !strings.Contains(errs, "quote") {
			t.Errorf("stderr does not name line 2 and its quote:\n%s", errs)
		}
		for _, want := range []string{"Сергей Иванов,Sergei Ivanov,", `"Іван ""Кіт"" Петров",Ivan Petrov,`, "Олег Ткаченко,Oleh Tkachenko,"} {
			if !strings.Contains(out, want) {
				t.Errorf("row %q is missing:\n%s", want, out)
			}
		}
	})
	t.Run("QuotedNewlineCRLFAndLineNumbers", func(t *testing.T) {
		out, errs, err := run(t, "a,b\r\n"+
			"\"Сергей\r\nИванов\",Sergei Ivanov\r\n"+
			"\r\n"+
			",Ivan Petrov\r\n")
		if err == nil || !strings.Contains(err.Error(), "1 row skipped") {
			t.Errorf("err = %v, want 1 row skipped", err)
		}
		if !strings.Contains(errs, `line 5: column "a" is empty`) {
			t.Errorf("stderr does not name line 5:\n%s", errs)
		}
		rows, rerr := csv.NewReader(strings.NewReader(out)).ReadAll()
		if rerr != nil || len(rows) != 2 || rows[1][0] != "Сергей\nИванов" || rows[1][3] != "match" {
			t.Errorf("got %q (%v)", rows, rerr)
		}
	})
	t.Run("ByteOrderMarkIsNoPartOfAColumnName", func(t *testing.T) {
		out, _, err := run(t, "\ufeffid,a,b\n7,Сергей Иванов,Sergei Ivanov\n", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ Columns map[string]string }
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &v); err != nil || v.Columns["id"] != "7" {
			t.Errorf("got %+v (%v), want the column id", v, err)
		}
		// the CSV output keeps the mark, at its start only
		out, _, err = run(t, "\ufeffa,b\nСергей Иванов,Sergei Ivanov\n")
		if err != nil || !strings.HasPrefix(out, "\ufeffa,b,score,") || strings.Count(out, "\ufeff") != 1 {
			t.Errorf("got %q (%v), want one mark before the header", out, err)
		}
	})
	t.Run("RowsWiderOrNarrowerThanTheHeaderKeepItsColumns", func(t *testing.T) {
		out, errs, err := run(t, "id,a,b,note\n"+
			"1,Сергей Иванов,Sergei Ivanov\n"+
			"2,Сергей Иванов,Sergei Ivanov,x,y\n")
		if err != nil {
			t.Fatalf("%v\n%s", err, errs)
		}
		rows, rerr := csv.NewReader(strings.NewReader(out)).ReadAll()
		if rerr != nil {
			t.Fatalf("%v\n%s", rerr, out)
		}
		for i, row := range rows[1:] {
			if len(row) != 9 || row[5] != "match" {
				t.Errorf("row %d = %q, want the verdict under \"verdict\"", i+2, row)
			}
		}
		if !strings.Contains(errs, "line 3: 5 columns where the header has 4") {
			t.Errorf("the cell past the header is not named:\n%s", errs)
		}
	})
	t.Run("HeaderOnly", func(t *testing.T) {
		out, errs, err := run(t, "a,b\n")
		if err != nil || out != "a,b,score,verdict,given,patronymic,family\n" || !strings.Contains(errs, "0 pairs") {
			t.Errorf("got %q, %q, %v", out, errs, err)
		}
	})
	t.Run("ErrEmptyFile", func(t *testing.T) {
		if _, _, err := run(t, ""); err == nil || !strings.Contains(err.Error(), "empty file") {
			t.Errorf("err = %v, want empty file", err)
		}
	})
	t.Run("ErrOneColumn", func(t *testing.T) {
		if _, _, err := run(t, "name\nИван\n"); err == nil || !strings.Contains(err.Error(), "want two names a row") {
			t.Errorf("err = %v, want two names a row", err)
		}
	})
	t.Run("ErrNamesAsArgumentsToo", func(t *testing.T) {
		if _, _, err := run(t, "a,b\n", "Иван"); err == nil || !strings.Contains(err.Error(), "--pairs reads the names") {
			t.Errorf("err = %v", err)
		}
	})
}

// FuzzPairRows: the pairs file's reader ends on any input, each row starts
// on a later line than the one before and within the file, and a file
// without quotes is read as encoding/csv reads it.
func FuzzPairRows(f *testing.F) {
	for _, s := range []string{
		"a,b\n\"Кіт\" Іван Петров,Ivan Petrov\nСергей Иванов,Sergei Ivanov\n",
		"a,b\r\n\"Сергей\r\nИванов\",Sergei Ivanov\r\n\r\n,Ivan Petrov\r\n",
		"a,b\n\"Сергей\nИванов\" x,Sergei\nОлег Ткаченко,Oleh Tkachenko\n",
		"a,b\nІван \"Кіт\" Петров,Ivan Petrov\n\"unclosed,x\n\n\n",
		"\"", "\n\n\"\r\n", "a,b,c\nx\n,,,,\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rows := newPairRows([]byte(s))
		lines := strings.Count(s, "\n") + 1
		var got [][]string
		prev := 0
		for k := 0; ; k++ {
			if k > len(s)+1 {
				t.Fatalf("%q: more rows than bytes", s)
			}
			rec, line, _, err := rows.next()
			if errors.Is(err, io.EOF) {
				break
			}
			if line <= prev || line > lines {
				t.Fatalf("%q: a row on line %d after line %d, of %d", s, line, prev, lines)
			}
			prev = line
			if err == nil {
				got = append(got, slices.Clone(rec))
			}
		}
		if strings.Contains(s, "\"") {
			return
		}
		r := csv.NewReader(strings.NewReader(s))
		r.FieldsPerRecord = -1
		want, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if len(want) != len(got) || fmt.Sprint(want) != fmt.Sprint(got) {
			t.Fatalf("%q: read %q, encoding/csv reads %q", s, got, want)
		}
	})
}
