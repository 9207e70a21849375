package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunNames(t *testing.T) {
	run := func(args ...string) (string, string, error) {
		var out, errb bytes.Buffer
		err := runNames(context.Background(), args, &out, &errb)
		return out.String(), errb.String(), err
	}
	t.Run("ExplainText", func(t *testing.T) {
		out, _, err := run("explain", "KOVALENKO Oleksandr Mykolaiovych")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"order       FGP", "= aleksandr", "father nikolay", "base kovalenko", "Олександр"} {
			if !strings.Contains(out, want) {
				t.Errorf("explain output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("ExplainJSONAfterName", func(t *testing.T) {
		out, _, err := run("explain", "Коваленко О.М.", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("not one JSON object: %v\n%s", err, out)
		}
		if v["order"] != "FGP" {
			t.Errorf("order = %v, want FGP", v["order"])
		}
	})
	t.Run("CompareJSONScore", func(t *testing.T) {
		out, _, err := run("compare", "--json", "Олександр Коваленко", "Aleksandr Kovalenko")
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Score   float64
			Verdict string
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if v.Score < 0.8 || v.Score > 1 || v.Verdict != "match" {
			t.Errorf("score %v verdict %q, want a match in [0.8,1]", v.Score, v.Verdict)
		}
	})
	t.Run("CompareReasonsNameTheScoredReading", func(t *testing.T) {
		// "Ткачук Кстянтин К." is scored read as family, given, patronymic
		// initial; the reasons must name its parts that way.
		out, _, err := run("compare", "Ткачук Кстянтин К.", "Kostiantyn Tkachuk")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`family: translit ("Ткачук" ~ "Tkachuk")`, `given: close ("Кстянтин" ~ "Kostiantyn")`} {
			if !strings.Contains(out, want) {
				t.Errorf("reasons lack %q:\n%s", want, out)
			}
		}
	})
	t.Run("CompareText", func(t *testing.T) {
		out, _, err := run("compare", "Иван Петров", "Сергей Петров")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "different") {
			t.Errorf("brothers should differ:\n%s", out)
		}
	})
	t.Run("Help", func(t *testing.T) {
		out, _, err := run("--help")
		if err != nil || !strings.Contains(out, "Examples:") {
			t.Errorf("help: err %v\n%s", err, out)
		}
		_, errOut, err := run("compare", "--help")
		if err != nil || !strings.Contains(errOut, "Examples:") {
			t.Errorf("compare --help: err %v\n%s", err, errOut)
		}
	})
	t.Run("ErrWrongArgs", func(t *testing.T) {
		if _, _, err := run("compare", "one"); err == nil {
			t.Error("compare with one name: want an error")
		}
		if _, _, err := run("frobnicate"); err == nil {
			t.Error("unknown command: want an error")
		}
		if _, _, err := run(); err == nil {
			t.Error("no command: want an error")
		}
	})
}
