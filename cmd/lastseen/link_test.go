package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const linkList = `record_id,given_name,family_name,patronymic,birth_date,birth_place,sex,service_number,postcode
a1,Олександр,Коваленко,Миколайович,07.03.1990,Харків,m,,61000
a2,Oleksandr,Kovalenko,Mykolaiovych,1990-03-07,Kharkiv,m,,61000
a3,Александр,Коваленко,Николаевич,19900307,Харьков,m,,61000
b1,Петро,Шевченко,Іванович,1975,Київ,m,,01001
b2,Petro,Shevchenko,,1975-11-02,Kyiv,m,,01001
c1,Марія,Гнатюк,,31.02.1994,Львів,f,,79000
c2,Mariia,Hnatiuk,,1994-02-03,Lviv,f,,79000
d1,Іван,Мельник,,1960,Одеса,m,,65000
short,Юрій
`

func writeLinkFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runLinkT(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stderr strings.Builder
	err := runLink(context.Background(), append(args, "--no-progress"), io.Discard, &stderr)
	return stderr.String(), err
}

func readClusters(t *testing.T, path string) map[string]string {
	t.Helper()
	rows := readCSV(t, path)
	if len(rows) == 0 || rows[0][0] != "record_id" || rows[0][1] != "cluster_id" {
		t.Fatalf("clusters header: %v", rows)
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		if _, dup := out[r[0]]; dup {
			t.Errorf("record %s written twice", r[0])
		}
		out[r[0]] = r[1]
	}
	return out
}

func TestLink(t *testing.T) {
	in := writeLinkFile(t, "list.csv", linkList)
	dir := t.TempDir()
	out, pairs, model := filepath.Join(dir, "c.csv"), filepath.Join(dir, "p.csv"), filepath.Join(dir, "m.json")
	stderr, err := runLinkT(t, "--in", in, "--out", out, "--pairs", pairs, "--save-model", model,
		"--compare", "postcode", "--link-threshold", "0", "--review-threshold", "-5")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	c := readClusters(t, out)
	t.Run("EveryRecordOnce", func(t *testing.T) {
		for _, id := range []string{"a1", "a2", "a3", "b1", "b2", "c1", "c2", "d1", "short"} {
			if _, ok := c[id]; !ok {
				t.Errorf("record %s is missing from the clusters", id)
			}
		}
		if len(c) != 9 {
			t.Errorf("%d records written, want 9", len(c))
		}
	})
	t.Run("LinksAcrossScripts", func(t *testing.T) {
		if c["a1"] != c["a2"] || c["a1"] != c["a3"] || c["b1"] != c["b2"] {
			t.Errorf("clusters %v", c)
		}
		if c["a1"] == c["b1"] || c["d1"] == c["a1"] || c["d1"] == c["b1"] {
			t.Errorf("different people linked: %v", c)
		}
	})
	t.Run("ImpossibleDateReported", func(t *testing.T) {
		if !strings.Contains(stderr, "row 7: birth_date") {
			t.Errorf("no warning names row 7's birth_date:\n%s", stderr)
		}
	})
	t.Run("PairsExplained", func(t *testing.T) {
		rows := readCSV(t, pairs)
		head := strings.Join(rows[0], ",")
		for _, col := range []string{"record_a", "record_b", "score", "decision", "given_name_level", "given_name_weight", "postcode_weight"} {
			if !strings.Contains(head, col) {
				t.Errorf("pairs header lacks %s: %s", col, head)
			}
		}
		if len(rows) < 4 {
			t.Errorf("%d pairs written", len(rows)-1)
		}
	})
	t.Run("SavedModelReused", func(t *testing.T) {
		out2 := filepath.Join(dir, "c2.csv")
		if stderr, err := runLinkT(t, "--in", in, "--out", out2, "--model", model, "--compare", "postcode",
			"--link-threshold", "0", "--review-threshold", "-5"); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		c2 := readClusters(t, out2)
		for id, cl := range c {
			if c2[id] != cl {
				t.Errorf("record %s: cluster %s with the trained model, %s with the saved one", id, cl, c2[id])
			}
		}
	})
	t.Run("NotSameJudgementRespected", func(t *testing.T) {
		j := writeLinkFile(t, "j.csv", "record_a,record_b,verdict\na1,a2,not_same\n")
		out3 := filepath.Join(dir, "c3.csv")
		if stderr, err := runLinkT(t, "--in", in, "--out", out3, "--model", model, "--compare", "postcode",
			"--link-threshold", "0", "--judgements", j); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		if c3 := readClusters(t, out3); c3["a1"] == c3["a2"] {
			t.Errorf("a1 and a2 judged not the same were linked: %v", c3)
		}
	})
}

func TestLinkMap(t *testing.T) {
	in := writeLinkFile(t, "list.csv", "id,first,surname,dob\n1,Іван,Гнатюк,1990-01-02\n2,Ivan,Hnatiuk,02.01.1990\n3,Петро,Мельник,1950\n")
	out := filepath.Join(t.TempDir(), "c.csv")
	if stderr, err := runLinkT(t, "--in", in, "--out", out, "--map", "id=record_id", "--map", "first=given_name",
		"--map", "surname=family_name", "--map", "dob=birth_date", "--link-threshold", "0"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	c := readClusters(t, out)
	if c["1"] != c["2"] || c["1"] == c["3"] {
		t.Errorf("clusters %v", c)
	}
}

// TestLinkSpreadsheetExports: lists saved by spreadsheets in Ukrainian and
// Russian locales use ';', others tab, and headers are spelt as people
// write them; link reads them as import does.
func TestLinkSpreadsheetExports(t *testing.T) {
	for _, tc := range []struct{ name, content string }{
		{"SemicolonRead", "record_id;given_name;family_name;birth_date\n1;Іван;Гнатюк;02.01.1990\n2;Ivan;Hnatiuk;1990-01-02\n3;Петро;Мельник;1950\n"},
		{"TabRead", "record_id\tgiven_name\tfamily_name\tbirth_date\n1\tІван\tГнатюк\t02.01.1990\n2\tIvan\tHnatiuk\t1990-01-02\n3\tПетро\tМельник\t1950\n"},
		{"SpelledHeadersRead", "\ufeffRecord ID,Given Name,Family-Name,Birth Date\n1,Іван,Гнатюк,02.01.1990\n2,Ivan,Hnatiuk,1990-01-02\n3,Петро,Мельник,1950\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := writeLinkFile(t, "list.csv", tc.content)
			out := filepath.Join(t.TempDir(), "c.csv")
			if stderr, err := runLinkT(t, "--in", in, "--out", out, "--link-threshold", "0"); err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			c := readClusters(t, out)
			if len(c) != 3 || c["1"] != c["2"] || c["1"] == c["3"] {
				t.Errorf("clusters %v, want 1 and 2 together, 3 apart", c)
			}
		})
	}
}

func TestLinkErrors(t *testing.T) {
	in := writeLinkFile(t, "list.csv", linkList)
	out := filepath.Join(t.TempDir(), "c.csv")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"ErrInRequired", []string{"--out", out}, "--in and --out are required"},
		{"ErrNoSuchFile", []string{"--in", "/nonexistent.csv", "--out", out}, "no such file"},
		{"ErrCompareColumn", []string{"--in", in, "--out", out, "--compare", "nope"}, `no column "nope"`},
		{"ErrMapForm", []string{"--in", in, "--out", out, "--map", "nope"}, "is not from=to"},
		{"ErrThresholdOrder", []string{"--in", in, "--out", out, "--link-threshold", "1", "--review-threshold", "2"}, "above --link-threshold"},
		{"ErrNoNameColumn", []string{"--in", writeLinkFile(t, "x.csv", "a,b\n1,2\n"), "--out", out}, "no name column"},
		{"ErrDuplicateID", []string{"--in", writeLinkFile(t, "d.csv", "record_id,given_name\n1,A\n1,B\n"), "--out", out}, "appears twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stderr, err := runLinkT(t, tc.args...)
			if err == nil || !strings.Contains(err.Error()+stderr, tc.want) {
				t.Errorf("error %v, stderr %q; want one that says %q", err, stderr, tc.want)
			}
		})
	}
}

func FuzzRawDate(f *testing.F) {
	for _, s := range []string{"1994-13-01", "31.02.1994", "19940230", "1994", "", "ab.cd.efgh", "0000-00-00", "99999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := rawDate(s)
		if !ok {
			return
		}
		if d.Precision != 3 || d.Year < 0 || d.Month < 0 || d.Day < 0 || d.Month > 99 || d.Day > 99 || d.Year > 9999 {
			t.Errorf("rawDate(%q) = %+v", s, d)
		}
	})
}

func TestLinkDeterministic(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	if err := runGen(context.Background(), []string{"--people", "400", "--seed", "5", "--out", in, "--quiet"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, w := range []string{"1", "2", "3"} {
		out := filepath.Join(dir, "c"+w+".csv")
		if stderr, err := runLinkT(t, "--in", in, "--out", out, "--workers", w); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, string(b))
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Error("the clusters depend on the number of workers")
	}
}

func TestLinkOnlyAcrossLists(t *testing.T) {
	// the same man twice in list A and once in list B: linking the lists
	// compares A with B only
	in := writeLinkFile(t, "l.csv", "record_id,list,given_name,family_name,birth_date\n"+
		"a1,A,Іван,Гнатюк,1990-01-02\na2,A,Іван,Гнатюк,1990-01-02\nb1,B,Ivan,Hnatiuk,02.01.1990\nb2,B,Петро,Мельник,1950\n")
	out := filepath.Join(t.TempDir(), "c.csv")
	if stderr, err := runLinkT(t, "--in", in, "--out", out, "--link-only", "list", "--link-threshold", "0"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	c := readClusters(t, out)
	if c["a1"] == c["a2"] {
		t.Errorf("two records of list A were compared: %v", c)
	}
	if c["b1"] != c["a1"] && c["b1"] != c["a2"] {
		t.Errorf("b1 linked to neither record of A: %v", c)
	}
	t.Run("ErrNoColumn", func(t *testing.T) {
		if _, err := runLinkT(t, "--in", in, "--out", out, "--link-only", "nope"); err == nil || !strings.Contains(err.Error(), "no column") {
			t.Errorf("error %v", err)
		}
	})
}
