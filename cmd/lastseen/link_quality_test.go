package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
	"github.com/lastseen/lastseen/names"
)

// The quality harness: each public data set with ground truth is converted to
// a temporary CSV in the import columns, linked by the real 'lastseen link'
// code path (runLink, in process), and its clusters are scored pairwise
// against the truth. The sets live outside the project (../shared/data, or
// LASTSEEN_REFDATA); each test skips when its set is absent. The larger sets
// run only with LASTSEEN_LONG=1.

func refData(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("LASTSEEN_REFDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("reference data %s is absent (set LASTSEEN_REFDATA): %v", rel, err)
	}
	return p
}

func long(t testing.TB) {
	if os.Getenv("LASTSEEN_LONG") == "" {
		t.Skip("a long quality run: set LASTSEEN_LONG=1")
	}
}

// readCSV reads a whole CSV file, trimming the spaces FEBRL puts after commas.
func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// qualitySet is a converted set: the CSV to link, the extra flags it needs,
// and the truth entity of each record_id.
type qualitySet struct {
	path  string
	args  []string
	truth map[string]string
}

func writeSet(t testing.TB, header []string, rows [][]string, truth map[string]string, args ...string) qualitySet {
	t.Helper()
	p := filepath.Join(t.TempDir(), "in.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return qualitySet{path: p, args: args, truth: truth}
}

// febrlEntity is the entity of a FEBRL rec_id: rec-12-org and rec-12-dup-0 are
// the same person.
func febrlEntity(id string) string {
	parts := strings.Split(id, "-")
	if len(parts) < 2 {
		return id
	}
	return parts[1]
}

// febrl converts FEBRL files. all: every field (soc_sec_id as the service
// number, the address columns compared as extra text); otherwise the names
// and the birth date only.
func febrl(t testing.TB, all bool, files ...string) qualitySet {
	var rows [][]string
	truth := map[string]string{}
	for _, name := range files {
		rs := readCSV(t, refData(t, filepath.Join("febrl", name)))
		for _, r := range rs[1:] {
			// rec_id given surname street_number address_1 address_2 suburb postcode state dob ssn
			truth[r[0]] = febrlEntity(r[0])
			if all {
				rows = append(rows, []string{r[0], r[1], r[2], r[9], r[10], r[3], r[4], r[5], r[6], r[7], r[8]})
			} else {
				rows = append(rows, []string{r[0], r[1], r[2], r[9]})
			}
		}
	}
	if all {
		return writeSet(t, []string{"record_id", "given_name", "family_name", "birth_date", "service_number",
			"street_number", "address_1", "address_2", "suburb", "postcode", "state"}, rows, truth,
			"--compare", "street_number,address_1,address_2,suburb,postcode,state")
	}
	return writeSet(t, []string{"record_id", "given_name", "family_name", "birth_date"}, rows, truth)
}

func rldata(t testing.TB) qualitySet {
	rs := readCSV(t, refData(t, "rldata/RLdata10000.csv"))
	var rows [][]string
	truth := map[string]string{}
	for _, r := range rs[1:] {
		// rec_id fname_c1 fname_c2 lname_c1 lname_c2 by bm bd ent_id
		date := ""
		if r[5] != "" && r[6] != "" && r[7] != "" {
			date = fmt.Sprintf("%04s-%02s-%02s", r[5], pad2(r[6]), pad2(r[7]))
		}
		truth[r[0]] = r[8]
		rows = append(rows, []string{r[0], r[1], r[3], date, r[2], r[4]})
	}
	return writeSet(t, []string{"record_id", "given_name", "family_name", "birth_date", "given2", "family2"}, rows, truth,
		"--compare", "given2,family2")
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func historical(t testing.TB) qualitySet {
	rs := readCSV(t, refData(t, "splink_datasets/historical_figures_with_errors_50k.csv"))
	var rows [][]string
	truth := map[string]string{}
	for _, r := range rs[1:] {
		// unique_id cluster full_name first_and_surname first_name surname dob birth_place postcode_fake gender occupation
		truth[r[0]] = r[1]
		sex := map[string]string{"male": "m", "female": "f"}[r[9]]
		full := ""
		if r[4] == "" && r[5] == "" {
			full = r[2]
		}
		rows = append(rows, []string{r[0], r[4], r[5], full, r[6], r[7], sex, r[8], r[10]})
	}
	return writeSet(t, []string{"record_id", "given_name", "family_name", "full_name", "birth_date", "birth_place", "sex", "postcode", "occupation"},
		rows, truth, "--compare", "postcode,occupation")
}

// synthSet generates a cross-script population with 'lastseen gen' and reads
// its truth_id column.
func synthSet(people int, seed int64) func(testing.TB) qualitySet {
	return func(t testing.TB) qualitySet {
		p := filepath.Join(t.TempDir(), "synth.csv")
		args := []string{"--people", fmt.Sprint(people), "--seed", fmt.Sprint(seed), "--out", p, "--quiet"}
		if err := runGen(context.Background(), args, io.Discard, io.Discard); err != nil {
			t.Fatalf("gen %v: %v", args, err)
		}
		rows := readCSV(t, p)
		id, truth := -1, -1
		for i, h := range rows[0] {
			switch h {
			case "record_id":
				id = i
			case "truth_id":
				truth = i
			}
		}
		tr := map[string]string{}
		for _, r := range rows[1:] {
			tr[r[id]] = r[truth]
		}
		return qualitySet{path: p, truth: tr}
	}
}

// namesOnly keeps a set's name columns (given, family, full name) and
// drops every other: a list that names people and says nothing else of
// them, where only the names and the prior decide.
func namesOnly(set func(testing.TB) qualitySet) func(testing.TB) qualitySet {
	return func(t testing.TB) qualitySet {
		s := set(t)
		rows := readCSV(t, s.path)
		keep := []int{}
		for i, h := range rows[0] {
			switch h {
			case "record_id", "given_name", "family_name", "full_name":
				keep = append(keep, i)
			}
		}
		var out [][]string
		for _, r := range rows {
			row := make([]string, len(keep))
			for j, i := range keep {
				row[j] = r[i]
			}
			out = append(out, row)
		}
		return writeSet(t, out[0], out[1:], s.truth)
	}
}

// runSet links a converted set with runLink and scores its clusters. With
// LASTSEEN_DIAGNOSE set it also logs the set's errors (see diagnose).
func runSet(t testing.TB, s qualitySet, extra ...string) linkage.Metrics {
	t.Helper()
	out := filepath.Join(t.TempDir(), "clusters.csv")
	args := append([]string{"--in", s.path, "--out", out, "--no-progress"}, s.args...)
	args = append(args, extra...)
	pairs := ""
	if os.Getenv("LASTSEEN_DIAGNOSE") != "" {
		pairs = filepath.Join(t.TempDir(), "pairs.csv")
		args = append(args, "--pairs", pairs)
	}
	var stderr strings.Builder
	if err := runLink(context.Background(), args, io.Discard, &stderr); err != nil {
		t.Fatalf("link %v: %v\n%s", args, err, stderr.String())
	}
	rows := readCSV(t, out)
	if rows[0][0] != "record_id" || rows[0][1] != "cluster_id" {
		t.Fatalf("clusters header %v", rows[0])
	}
	if len(rows)-1 != len(s.truth) {
		t.Fatalf("clusters.csv has %d rows, the input %d records", len(rows)-1, len(s.truth))
	}
	var pred, truth []string
	for _, r := range rows[1:] {
		e, ok := s.truth[r[0]]
		if !ok {
			t.Fatalf("clusters.csv names record %q, not in the input", r[0])
		}
		pred = append(pred, r[1])
		truth = append(truth, e)
	}
	m := linkage.Evaluate(pred, truth)
	if pairs != "" {
		diagnose(t, s, out, pairs)
	}
	t.Logf("%s\nprecision %.4f recall %.4f F1 %.4f (pairs: predicted %d, true %d, correct %d)",
		lastLine(stderr.String()), m.Precision, m.Recall, m.F1, m.Predicted, m.True, m.Correct)
	return m
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "\nlink: "); i >= 0 {
		return s[i+1:]
	}
	return s
}

func TestQuality(t *testing.T) {
	for _, tc := range []struct {
		name  string
		long  bool
		set   func(testing.TB) qualitySet
		minF1 float64
	}{
		{"FEBRL4", false, func(t testing.TB) qualitySet { return febrl(t, true, "dataset4a.csv", "dataset4b.csv") }, 0.995},
		{"FEBRL4NamesDOB", false, func(t testing.TB) qualitySet { return febrl(t, false, "dataset4a.csv", "dataset4b.csv") }, 0.95},
		{"FEBRL3", true, func(t testing.TB) qualitySet { return febrl(t, true, "dataset3.csv") }, 0.99},
		// the goal (baseline 0.95)
		{"RLdata10000", true, rldata, 0.98},
		{"Historical50k", true, historical, 0.80},
		// about 10,000 and 100,000 records; the goal is 0.97, these floors
		// keep what is reached (see docs/BENCHMARKS.md)
		{"Synth10k", false, synthSet(4350, 1), 0.975},
		{"Synth100k", true, synthSet(43500, 3), 0.937},
		// the names alone: the prior that EM over all pairs counts decides
		// (see docs/BENCHMARKS.md, round 3, calib)
		{"Synth10kNamesOnly", true, namesOnly(synthSet(4350, 2)), 0.79},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long {
				long(t)
			}
			m := runSet(t, tc.set(t))
			if m.F1 < tc.minF1 {
				t.Errorf("F1 %.4f, want at least %.3f", m.F1, tc.minF1)
			}
		})
	}
}

// diagnose logs, when LASTSEEN_DIAGNOSE is set, a set's errors: the pairs
// of records that share a cluster but not a truth entity (false links) and
// those that share an entity but not a cluster (missed), each with the level
// and weight of every field where the pair scored at least the review
// threshold (pairs is the --pairs file of the same run). It is the way to
// find what to fix; TestQuality asserts the figures.
func diagnose(t testing.TB, s qualitySet, clusters, pairs string) {
	t.Helper()
	cl := map[string]string{}
	for _, r := range readCSV(t, clusters)[1:] {
		cl[r[0]] = r[1]
	}
	rows := readCSV(t, pairs)
	head := rows[0]
	scored := map[[2]string][]string{}
	for _, r := range rows[1:] {
		scored[[2]string{r[0], r[1]}] = r
		scored[[2]string{r[1], r[0]}] = r
	}
	show := func(what, a, b string) {
		if r, ok := scored[[2]string{a, b}]; ok {
			t.Logf("%s %s", what, explainRow(head, r))
		} else {
			t.Logf("%s %s %s: scored below the review threshold or not compared", what, a, b)
		}
	}
	byCluster, byEntity := map[string][]string{}, map[string][]string{}
	for id, c := range cl {
		byCluster[c] = append(byCluster[c], id)
		byEntity[s.truth[id]] = append(byEntity[s.truth[id]], id)
	}
	var falseLinks, missed int
	for _, ids := range byCluster {
		slices.Sort(ids)
		for i := range ids {
			for _, b := range ids[i+1:] {
				if s.truth[ids[i]] != s.truth[b] {
					if falseLinks++; falseLinks <= 50 {
						show("FALSE LINK", ids[i], b)
					}
				}
			}
		}
	}
	for _, ids := range byEntity {
		slices.Sort(ids)
		for i := range ids {
			for _, b := range ids[i+1:] {
				if cl[ids[i]] != cl[b] {
					if missed++; missed <= 50 {
						show("MISSED", ids[i], b)
					}
				}
			}
		}
	}
	t.Logf("%d false links, %d missed pairs (at most 50 of each shown)", falseLinks, missed)
}

func explainRow(head, r []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s score %s:", r[0], r[1], r[2])
	for i := 5; i+1 < len(r); i += 2 {
		if r[i] != "missing" {
			fmt.Fprintf(&b, " %s=%s(%s)", strings.TrimSuffix(head[i], "_level"), r[i], r[i+1])
		}
	}
	return b.String()
}

// meanJWBaseline links a set the simple way the acceptance compares against:
// the candidate pairs of the same blocking, scored by the mean Jaro–Winkler
// similarity of the fields both records have, linked above a threshold, and
// clustered by connected components. It returns the best F1 over thresholds
// (a generous baseline: its threshold is chosen on the truth).
func meanJWBaseline(t testing.TB, s qualitySet, fields []string) (linkage.Metrics, float64) {
	t.Helper()
	rows := readCSV(t, s.path)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	rows = rows[1:]
	p := linkage.NewPreparer(0)
	ps := make([]*linkage.Prepared, len(rows))
	for i, r := range rows {
		rec := &lastseen.Record{GivenName: r[col["given_name"]], FamilyName: r[col["family_name"]]}
		if d, err := lastseen.ParseDate(r[col["birth_date"]]); err == nil {
			rec.BirthDate = d
		} else if d, ok := rawDate(r[col["birth_date"]]); ok {
			rec.BirthDate = d
		}
		ps[i] = p.Prepare(r[0], rec, nil)
	}
	p.Finalize(ps)
	var pairs []linkage.Pair
	linkage.NewBlocker().Pairs(ps, func(_ int, c []linkage.Pair) { pairs = append(pairs, c...) })
	sim := make([]float64, len(pairs))
	for k, pr := range pairs {
		a, b := rows[pr.A], rows[pr.B]
		sum, n := 0.0, 0
		for _, f := range fields {
			x, y := strings.ToLower(a[col[f]]), strings.ToLower(b[col[f]])
			if x == "" || y == "" {
				continue
			}
			sum += names.JaroWinkler(x, y)
			n++
		}
		if n > 0 {
			sim[k] = sum / float64(n)
		}
	}
	var best linkage.Metrics
	bestT := 0.0
	for _, th := range []float64{0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98} {
		parent := make([]int, len(rows))
		for i := range parent {
			parent[i] = i
		}
		var find func(int) int
		find = func(x int) int {
			for parent[x] != x {
				parent[x] = parent[parent[x]]
				x = parent[x]
			}
			return x
		}
		for k, pr := range pairs {
			if sim[k] >= th {
				parent[find(int(pr.A))] = find(int(pr.B))
			}
		}
		pred, truth := make([]int, len(rows)), make([]string, len(rows))
		for i, r := range rows {
			pred[i], truth[i] = find(i), s.truth[r[0]]
		}
		if m := linkage.Evaluate(pred, truth); m.F1 > best.F1 {
			best, bestT = m, th
		}
	}
	return best, bestT
}

func TestQualityAgainstBaseline(t *testing.T) {
	for _, tc := range []struct {
		name   string
		long   bool
		set    func(testing.TB) qualitySet
		fields []string
	}{
		{"Historical50k", true, historical, []string{"given_name", "family_name", "birth_date", "birth_place"}},
		{"FEBRL4NamesDOB", true, func(t testing.TB) qualitySet { return febrl(t, false, "dataset4a.csv", "dataset4b.csv") },
			[]string{"given_name", "family_name", "birth_date"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long {
				long(t)
			}
			s := tc.set(t)
			base, th := meanJWBaseline(t, s, tc.fields)
			ours := runSet(t, s)
			t.Logf("mean Jaro–Winkler baseline (best threshold %.2f): precision %.4f recall %.4f F1 %.4f; lastseen link F1 %.4f",
				th, base.Precision, base.Recall, base.F1, ours.F1)
			if ours.F1 <= base.F1 {
				t.Errorf("lastseen link F1 %.4f does not beat the baseline's %.4f", ours.F1, base.F1)
			}
		})
	}
}
