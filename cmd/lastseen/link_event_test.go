package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkEvents: link reads the event a row reports (status, status_date,
// place, else last_seen_date and last_seen_place) and shows it in the pairs' explanations as event_place and
// status_date; a status date it cannot read is reported with its row and
// compared as unknown.
func TestLinkEvents(t *testing.T) {
	in := writeLinkFile(t, "events.csv", `record_id,given_name,family_name,birth_date,status,status_date,place,last_seen_date,last_seen_place
a1,Олександр,Коваленко,1990,missing,18.09.2024,м. Куп’янськ,,
a2,Oleksandr,Kovalenko,1990,captured,2024-09-18,"near Kupiansk, Kharkiv oblast",,
b1,Петро,Шевченко,1975,dead,someday,Бахмут,,
b2,Petro,Shevchenko,1975,dead,,Bakhmut,,
c1,Марія,Гнатюк,1994,,,,2023-05-02,Херсон
c2,Mariia,Hnatiuk,1994,missing,02.05.2023,Kherson,,
`)
	dir := t.TempDir()
	out, pairs := filepath.Join(dir, "c.csv"), filepath.Join(dir, "p.csv")
	stderr, err := runLinkT(t, "--in", in, "--out", out, "--pairs", pairs)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, `row 4: status_date:`) {
		t.Errorf("stderr does not report row 4's status date:\n%s", stderr)
	}
	rows := readCSV(t, pairs)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	want := map[string][2]string{"a1": {"exact", "same_day"}, "b1": {"exact", "missing"}, "c1": {"exact", "same_day"}}
	seen := 0
	for _, r := range rows[1:] {
		w, ok := want[r[0]]
		if !ok {
			w, ok = want[r[1]]
		}
		if !ok {
			continue
		}
		seen++
		if got := [2]string{r[col["event_place_level"]], r[col["status_date_level"]]}; got != w {
			t.Errorf("pair %s %s: event_place, status_date %v, want %v", r[0], r[1], got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d pairs in %s: %v", seen, len(want), pairs, rows)
	}
}
