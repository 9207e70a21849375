package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestRunNamesCases: explain and compare show how a name written in a
// grammatical case was read.
func TestRunNamesCases(t *testing.T) {
	run := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if err := runNames(context.Background(), args, &out, &errb); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	t.Run("ExplainShowsCaseReading", func(t *testing.T) {
		out := run("explain", "Шевченка Тараса Григоровича")
		want := "case        genitive or accusative of Тарас Григорович Шевченко (male)"
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	})
	t.Run("ExplainNominativeHasNoCase", func(t *testing.T) {
		if out := run("explain", "Олександра Коваленко"); strings.Contains(out, "case  ") {
			t.Errorf("a woman's name in the nominative got a case reading:\n%s", out)
		}
	})
	t.Run("CompareJSONNamesTheCase", func(t *testing.T) {
		out := run("compare", "--json", "Олександра Коваленка", "Олександр Коваленко")
		var v struct {
			Score   float64
			Verdict string
			Reasons []string
			CaseA   string `json:"case_a"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if v.Verdict != "match" || v.CaseA != "genitive or accusative" {
			t.Errorf("verdict %q case_a %q, want a match read from the genitive or accusative\n%s", v.Verdict, v.CaseA, out)
		}
		if !strings.Contains(strings.Join(v.Reasons, "\n"), "genitive or accusative of Олександр Коваленко") {
			t.Errorf("reasons lack the reading:\n%s", out)
		}
	})
	t.Run("CompareWomanStaysDifferent", func(t *testing.T) {
		out := run("compare", "Олександра Коваленко", "Олександр Коваленко")
		if !strings.Contains(out, "(different;") {
			t.Errorf("want different:\n%s", out)
		}
	})
}
