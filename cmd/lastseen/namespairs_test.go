package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
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
