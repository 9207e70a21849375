package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/csvio"
	"github.com/lastseen/lastseen/linkage"
)

const linkUsage = `usage: lastseen link --in records.csv --out clusters.csv [flags]

Links the records of a CSV list without a database: finds the records that
describe the same person and writes one row per input record,
record_id,cluster_id (the cluster_id is the record_id of the cluster's first
record). Rows that cannot be read are reported on stderr and written as
clusters of their own, so every input row appears exactly once.

The list has the columns of 'lastseen import' (record_id, given_name,
family_name, patronymic, full_name, birth_date, birth_place, sex, side, unit,
service_number, status, status_date, place, …); other headers can be mapped
onto them with --map. The place and date of the event a record reports
(place and status_date, else last_seen_place and last_seen_date) are
compared as event_place and status_date.

Scores are log2 odds that two records are the same person (0 = even odds,
3 ≈ probability 0.89, 6.6 ≈ 0.99). Pairs scoring at least --link-threshold
are linked automatically unless the clusters they would join disagree. A
record whose candidates (pairs down to 6 below --review-threshold) all belong
to one person joins that person when its best pair reaches
--review-threshold; a record with candidates among two people stays apart,
unless its best pair with one of them scores 3 or more above its best with
the other.
The other pairs between --review-threshold and --link-threshold are for a
caseworker (see --pairs).

Examples:
  lastseen link --in list.csv --out clusters.csv
  lastseen link --in febrl.csv --out c.csv --map surname=family_name \
      --map soc_sec_id=service_number --compare postcode,suburb
  lastseen link --in a.csv --out c.csv --pairs pairs.csv --save-model model.json
  lastseen link --in b.csv --out c.csv --model model.json --link-threshold 10

Flags:
`

// linkBatch is how many records a worker stages at a time.
const linkBatch = 1024

// runLink is the 'link' command.
func runLink(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("link", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, linkUsage)
		printFlags(fs, stderr)
	}
	def := linkage.DefaultBands()
	var (
		in        = fs.String("in", "", "the CSV list to link (required; - for stdin)")
		out       = fs.String("out", "", "where to write record_id,cluster_id (required; - for stdout)")
		pairsOut  = fs.String("pairs", "", "also write every pair scoring at least --review-threshold, with its per-field weights, to this CSV")
		modelIn   = fs.String("model", "", "score with this saved model instead of training one on the list")
		modelOut  = fs.String("save-model", "", "save the model trained on the list to this JSON file")
		linkT     = fs.Float64("link-threshold", def.Link, fmt.Sprintf("link pairs scoring at least this, in log2 odds (default %.1f: probability %.2f)", def.Link, linkage.Probability(def.Link)))
		reviewT   = fs.Float64("review-threshold", def.Review, fmt.Sprintf("pairs scoring at least this and below --link-threshold go to review, in log2 odds (default %.1f: probability %.2f)", def.Review, linkage.Probability(def.Review)))
		compare   = fs.String("compare", "", "comma-separated extra columns to compare as text (exact / close / different), e.g. postcode,suburb")
		linkOnly  = fs.String("link-only", "", "link lists, each free of duplicates: compare and cluster only records whose values in this column differ (e.g. --link-only source)")
		judgeIn   = fs.String("judgements", "", "CSV of caseworker judgements: record_a,record_b,verdict (same | not_same | unsure)")
		seed      = fs.Uint64("seed", 1, "seed of the random pairs that training draws")
		workers   = fs.Int("workers", runtime.GOMAXPROCS(0), "comparison workers")
		report    = fs.Bool("v", false, "print what blocking, training and clustering did")
		maps      mapFlag
		noProgess = fs.Bool("no-progress", false, "no progress bar even on a terminal")
		cpuProf   = fs.String("cpuprofile", "", "")
		memProf   = fs.String("memprofile", "", "")
	)
	fs.Var(&maps, "map", "rename a header: --map from=to (repeatable), e.g. --map surname=family_name")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *in == "" || *out == "" {
		fs.Usage()
		return errors.New("link: --in and --out are required")
	}
	if *reviewT > *linkT {
		return fmt.Errorf("link: --review-threshold %v is above --link-threshold %v", *reviewT, *linkT)
	}
	start := time.Now()
	defer setLinkMemory()()
	// hidden flags for measuring: a CPU profile of the whole run, and a heap
	// profile of the moment the live heap peaked
	if *cpuProf != "" {
		stop, err := startCPUProfile(*cpuProf)
		if err != nil {
			return fmt.Errorf("link: %w", err)
		}
		defer stop()
	}
	if *memProf != "" {
		defer startPeakHeapProfile(*memProf)()
	}

	var model *linkage.Model
	if *modelIn != "" {
		f, err := os.Open(*modelIn)
		if err != nil {
			return fmt.Errorf("link: %w", err)
		}
		model, err = linkage.LoadModel(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("link: %s: %w", *modelIn, err)
		}
	}
	var extra []string
	if *compare != "" {
		for _, c := range strings.Split(*compare, ",") {
			if c = strings.TrimSpace(c); c != "" {
				extra = append(extra, c)
			}
		}
	}
	if model != nil {
		if me := model.Extra(); strings.Join(me, ",") != strings.Join(extra, ",") {
			return fmt.Errorf("link: the model compares extra columns %q, --compare gives %q", me, extra)
		}
	}

	r, size, closeIn, err := openInput(*in)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	defer closeIn()
	progress := !*noProgess && isTerminal(stderr)
	var bar *progressbar.ProgressBar
	if progress && size > 0 {
		bar = newBar(size, "reading", stderr)
		r = io.TeeReader(r, bar)
	}
	data, err := readLinkInput(r, maps, extra, *linkOnly, *workers, stderr)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return fmt.Errorf("link: %s: %w", *in, err)
	}

	readTime := time.Since(start)
	var cons []linkage.Constraint
	if *judgeIn != "" {
		index := make(map[string]int32, len(data.prepared))
		for i, p := range data.prepared {
			index[p.Key] = int32(i)
		}
		cons, err = readJudgements(*judgeIn, index)
		if err != nil {
			return fmt.Errorf("link: %w", err)
		}
	}
	opt := linkage.Options{
		Model:       model,
		Extra:       extra,
		Bands:       linkage.Bands{Link: *linkT, Review: *reviewT},
		Train:       linkage.TrainOptions{Seed: *seed},
		Constraints: cons,
		Workers:     *workers,
	}
	opt.Blocker = linkage.NewBlocker()
	opt.Blocker.Across = *linkOnly != ""
	if progress {
		var once sync.Once
		var cbar *progressbar.ProgressBar
		opt.Progress = func(done, total int64) {
			once.Do(func() { cbar = newBar(total, "comparing", stderr) })
			cbar.Set64(done)
		}
		defer func() {
			if cbar != nil {
				cbar.Finish()
			}
		}()
	}
	res, err := linkage.Link(ctx, data.prepared, opt)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	linkTime := time.Since(start) - readTime

	if err := writeClusters(*out, stdout, data, res); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	if *pairsOut != "" {
		if err := writePairs(*pairsOut, data, res, *reviewT); err != nil {
			return fmt.Errorf("link: %w", err)
		}
	}
	if *modelOut != "" {
		if err := saveModel(*modelOut, res.Model); err != nil {
			return fmt.Errorf("link: %w", err)
		}
	}
	linked := 0
	for i, c := range res.Cluster {
		if int(c) != i {
			linked++
		}
	}
	fmt.Fprintf(stderr, "link: %d records (%d rows rejected), %d comparisons, %d persons, %d records linked to another, in %s\n",
		len(data.prepared), len(data.rejectedKeys), res.Comparisons, res.Clustering.Clusters+len(data.rejectedKeys), linked, time.Since(start).Round(time.Millisecond))
	if *report {
		fmt.Fprintf(stderr, "  time: reading and preparing %s, linking %s, writing %s\n", readTime.Round(time.Millisecond),
			linkTime.Round(time.Millisecond), (time.Since(start) - readTime - linkTime).Round(time.Millisecond))
		for _, p := range res.Blocking {
			fmt.Fprintf(stderr, "  blocking %-28s blocks %8d  oversize %5d  comparisons %10d\n", p.Name, p.Blocks, p.Oversize, p.Comparisons)
		}
		if t := res.Train; t != nil {
			fmt.Fprintf(stderr, "  training: %d random pairs, %d blocked pairs in %d EM sessions (%d iterations), %.0f expected matches, prior log2 odds %.2f\n",
				t.RandomPairs, t.BlockedPairs, t.Sessions, t.Iterations, t.Matches, res.Model.PriorWeight())
		}
		c := res.Clustering
		fmt.Fprintf(stderr, "  clustering: %d merges (%d attached to their only candidate), %d refused (to review), %d forbidden, %d judgement conflicts\n", c.Merges, c.Attached, c.Refused, c.Forbidden, c.Conflicts)
		for _, f := range res.Model.Fields {
			fmt.Fprintf(stderr, "  %-16s", f.Name)
			for l, lv := range f.Levels[1:] {
				fmt.Fprintf(stderr, " %s=%.1f", lv.Name, res.Model.Weight(indexOf(res.Model, f.Name), uint8(l+1)))
			}
			fmt.Fprintln(stderr)
		}
	}
	return nil
}

func indexOf(m *linkage.Model, name string) int {
	for i, f := range m.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

type mapFlag map[string]string

func (m *mapFlag) String() string { return fmt.Sprint(map[string]string(*m)) }

func (m *mapFlag) Set(v string) error {
	from, to, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" {
		return fmt.Errorf("%q is not from=to", v)
	}
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[strings.TrimSpace(from)] = strings.TrimSpace(to)
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newBar(total int64, what string, w io.Writer) *progressbar.ProgressBar {
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func openInput(name string) (io.Reader, int64, func(), error) {
	if name == "-" {
		return os.Stdin, 0, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, nil, err
	}
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	return bufio.NewReaderSize(f, 1<<20), size, func() { f.Close() }, nil
}

func create(name string, stdout io.Writer) (io.Writer, func() error, error) {
	if name == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	return bw, func() error {
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}

func writeClusters(name string, stdout io.Writer, data *linkInput, res *linkage.Result) error {
	w, done, err := create(name, stdout)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"record_id", "cluster_id"})
	for _, row := range data.rows {
		if row < 0 {
			k := data.rejectedKeys[^row]
			cw.Write([]string{k, k})
			continue
		}
		cw.Write([]string{data.prepared[row].Key, data.prepared[res.Cluster[row]].Key})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		done()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := done(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func writePairs(name string, data *linkInput, res *linkage.Result, review float64) error {
	w, done, err := create(name, nil)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := []string{"record_a", "record_b", "score", "probability", "decision"}
	for _, f := range res.Model.Fields {
		head = append(head, f.Name+"_level", f.Name+"_weight")
	}
	if res.Model.Disagree != nil {
		// Explain's last line: the number of fields that disagree
		head = append(head, linkage.DisagreeField+"_level", linkage.DisagreeField+"_weight")
	}
	cw.Write(head)
	row := make([]string, 0, len(head))
	for _, e := range res.Edges {
		if e.Score < review {
			continue
		}
		a, b := data.prepared[e.A], data.prepared[e.B]
		x := res.Model.Explain(a, b)
		decision := "review"
		if res.Cluster[e.A] == res.Cluster[e.B] {
			decision = "link"
		}
		row = append(row[:0], a.Key, b.Key, ff(x.Score), strconv.FormatFloat(x.Probability, 'g', 6, 64), decision)
		for _, fw := range x.Fields {
			row = append(row, fw.Level, ff(fw.Weight))
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		done()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := done(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func ff(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

func saveModel(name string, m *linkage.Model) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readJudgements(name string, index map[string]int32) ([]linkage.Constraint, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = 3
	var out []linkage.Constraint
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if line == 1 && rec[0] == "record_a" {
			continue
		}
		a, okA := index[rec[0]]
		b, okB := index[rec[1]]
		if !okA || !okB {
			return nil, fmt.Errorf("%s: row %d: record %q or %q is not in the list", name, line, rec[0], rec[1])
		}
		switch lastseen.Verdict(rec[2]) {
		case lastseen.VerdictSame:
			out = append(out, linkage.Constraint{A: a, B: b, Same: true})
		case lastseen.VerdictNotSame:
			out = append(out, linkage.Constraint{A: a, B: b})
		case lastseen.VerdictUnsure:
		default:
			return nil, fmt.Errorf("%s: row %d: verdict %q is not same, not_same or unsure", name, line, rec[2])
		}
	}
}

// rawDate reads the digits of a full date in one of ParseDate's layouts
// without checking that the date exists. The result is only compared, never
// stored.
func rawDate(s string) (lastseen.PartialDate, bool) {
	s = strings.TrimSpace(s)
	var y, m, d string
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = s[0:4], s[5:7], s[8:10]
	case len(s) == 10 && s[2] == '.' && s[5] == '.':
		d, m, y = s[0:2], s[3:5], s[6:10]
	case len(s) == 8:
		y, m, d = s[0:4], s[4:6], s[6:8]
	default:
		return lastseen.PartialDate{}, false
	}
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || yi < 0 || mi < 0 || di < 0 {
		return lastseen.PartialDate{}, false
	}
	return lastseen.PartialDate{Year: yi, Month: mi, Day: di, Precision: lastseen.PrecisionDay}, true
}

// linkInput is a list read and prepared for linking.
type linkInput struct {
	// rows are every row in input order: the record's index in prepared, or
	// ^k for the k-th rejected row (4 bytes a row: a list of 10 million
	// keeps its ids only in the prepared records)
	rows         []int32
	prepared     []*linkage.Prepared // their Key is the record_id
	rejectedKeys []string            // "row-N", by rejected row
}

// linkColumns are the columns link reads; the rest are ignored unless
// compared (--compare) or used to split lists (--link-only).
var linkColumns = []string{
	"record_id", "given_name", "family_name", "patronymic", "full_name",
	"birth_date", "birth_place", "sex", "side", "unit", "service_number",
	"status", "status_date", "place", "last_seen_date", "last_seen_place",
}

// readLinkInput reads a list and prepares its records on every core. It reads
// the columns csvio reads for import, with the same --map, but keeps what an
// import must reject: a mistyped birth date (31.02.1994, month 13) is still
// evidence, compared digit by digit, and is reported with its row; a row
// without a name is kept as a record that links to nothing. Every row is
// written out, which an import's row errors would not allow.
func readLinkInput(r io.Reader, maps map[string]string, extra []string, group string, workers int, stderr io.Writer) (*linkInput, error) {
	// The delimiter and header spelling as import reads them: ';' from
	// spreadsheets in Ukrainian and Russian locales, "Family Name".
	br := bufio.NewReaderSize(r, 64<<10)
	cr := csv.NewReader(br)
	cr.Comma = csvio.DetectComma(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("the file is empty: a header row is required")
	} else if err != nil {
		return nil, fmt.Errorf("header row: %w", err)
	}
	norm := func(s string) string {
		return csvio.NormalizeHeader(strings.TrimPrefix(s, "\ufeff"))
	}
	rename := map[string]string{}
	for from, to := range maps {
		rename[norm(from)] = norm(to)
	}
	col := map[string]int{}
	for i, h := range header {
		n := norm(h)
		if to, ok := rename[n]; ok {
			n = to
		}
		if _, dup := col[n]; dup {
			return nil, fmt.Errorf("header row: column %q appears twice", n)
		}
		col[n] = i
	}
	_, full := col["full_name"]
	_, given := col["given_name"]
	_, family := col["family_name"]
	if !full && !given && !family {
		return nil, errors.New("header row: no name column: a list needs full_name, or given_name and family_name (map yours with --map, e.g. --map surname=family_name)")
	}
	var extraCol []int
	for _, e := range extra {
		i, ok := col[norm(e)]
		if !ok {
			return nil, fmt.Errorf("--compare %s: the list has no column %q", e, e)
		}
		extraCol = append(extraCol, i)
	}
	groupCol := -1
	if group != "" {
		i, ok := col[norm(group)]
		if !ok {
			return nil, fmt.Errorf("--link-only %s: the list has no column %q", group, group)
		}
		groupCol = i
	}
	get := func(fs []string, name string) string {
		if i, ok := col[name]; ok && i < len(fs) {
			return strings.TrimSpace(fs[i])
		}
		return ""
	}

	type item struct {
		idx   int32
		key   string
		rec   lastseen.Record
		extra []string
		group int32
	}
	prep := linkage.NewPreparer(len(extra))
	data := &linkInput{}
	// Workers stage batches (the costly part) on every core; one goroutine
	// adds them to the Preparer in input order, so that term ids, and with
	// them blocks and training samples, are the same on every run.
	type batchIn struct {
		seq   int
		items []item
	}
	type batchOut struct {
		seq    int
		items  []item
		staged []linkage.Staged
	}
	batches := make(chan batchIn, 2*workers)
	staged := make(chan batchOut, 2*workers)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				out := batchOut{seq: b.seq, items: b.items, staged: make([]linkage.Staged, len(b.items))}
				for i := range b.items {
					out.staged[i] = linkage.Stage(b.items[i].key, &b.items[i].rec, b.items[i].extra)
				}
				staged <- out
			}
		}()
	}
	added := make(chan struct{})
	go func() {
		defer close(added)
		pending := map[int]batchOut{}
		next := 0
		for b := range staged {
			pending[b.seq] = b
			for {
				b, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				mu.Lock()
				for i := range b.items {
					p := prep.Add(b.staged[i])
					p.Group = b.items[i].group
					data.prepared[b.items[i].idx] = p
				}
				mu.Unlock()
			}
		}
	}()
	seq := 0
	groups := map[string]int32{}
	batch := make([]item, 0, linkBatch)
	warned := 0
	warn := func(format string, args ...any) {
		if warned < 20 {
			fmt.Fprintf(stderr, "link: "+format+"\n", args...)
		} else if warned == 20 {
			fmt.Fprintln(stderr, "link: more warnings not shown")
		}
		warned++
	}
	var readErr error
	records := 0
	for line := 2; ; line++ {
		fs, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			data.rows = append(data.rows, ^int32(len(data.rejectedKeys)))
			data.rejectedKeys = append(data.rejectedKeys, "row-"+strconv.Itoa(pe.StartLine))
			warn("row %d: malformed CSV: %v (written as a cluster of its own)", pe.StartLine, pe.Err)
			continue
		} else if err != nil {
			readErr = fmt.Errorf("row %d: %w", line, err)
			break
		}
		line, _ = cr.FieldPos(0)
		if len(fs) == 1 && strings.TrimSpace(fs[0]) == "" {
			continue
		}
		key := strings.Clone(get(fs, "record_id"))
		if key == "" {
			key = "row-" + strconv.Itoa(line)
		}
		it := item{idx: int32(records), key: key}
		rec := &it.rec
		rec.GivenName, rec.FamilyName = get(fs, "given_name"), get(fs, "family_name")
		rec.Patronymic, rec.FullName = get(fs, "patronymic"), get(fs, "full_name")
		rec.BirthPlace, rec.Unit, rec.ServiceNumber = get(fs, "birth_place"), get(fs, "unit"), get(fs, "service_number")
		rec.Side = get(fs, "side")
		date := func(column string) lastseen.PartialDate {
			d := get(fs, column)
			if d == "" {
				return lastseen.PartialDate{}
			}
			pd, err := lastseen.ParseDate(d)
			if err == nil {
				return pd
			}
			if pd, ok := rawDate(d); ok {
				// a mistyped date (month 13) still agrees with its correct
				// form in most digits: compare it as written
				warn("row %d: %s: %v (compared digit by digit)", line, column, err)
				return pd
			}
			warn("row %d: %s: %v (compared as unknown)", line, column, err)
			return lastseen.PartialDate{}
		}
		rec.BirthDate = date("birth_date")
		// the event the record reports, compared as event_place and
		// status_date: the status's date and place, else the last-seen
		// ones (the API's fields); an unknown status word is no reason to
		// drop them
		rec.LastSeenPlace, rec.LastSeenDate = get(fs, "last_seen_place"), date("last_seen_date")
		if d, place := date("status_date"), get(fs, "place"); !d.IsZero() || place != "" {
			c := &lastseen.Claim{Date: d, Place: place}
			c.Status, _ = lastseen.ParseStatus(strings.ToLower(get(fs, "status")))
			rec.Claims = []*lastseen.Claim{c}
		}
		switch strings.ToLower(get(fs, "sex")) {
		case "m", "male", "м", "муж", "чол":
			rec.Sex = lastseen.SexMale
		case "f", "female", "ж", "жен":
			rec.Sex = lastseen.SexFemale
		}
		for _, i := range extraCol {
			v := ""
			if i < len(fs) {
				v = strings.TrimSpace(fs[i])
			}
			it.extra = append(it.extra, v)
		}
		if groupCol >= 0 && groupCol < len(fs) {
			g, ok := groups[fs[groupCol]]
			if !ok {
				g = int32(len(groups))
				groups[strings.Clone(fs[groupCol])] = g
			}
			it.group = g
		}
		records++
		data.rows = append(data.rows, it.idx)
		batch = append(batch, it)
		if len(batch) == linkBatch {
			mu.Lock()
			for len(data.prepared) < records {
				data.prepared = append(data.prepared, nil)
			}
			mu.Unlock()
			batches <- batchIn{seq, batch}
			seq++
			// a full-sized batch at once: growing it by append from nil
			// allocated twice the items (1.4 GB at 1M records), and every
			// allocation brings the next collection nearer
			batch = make([]item, 0, linkBatch)
		}
	}
	mu.Lock()
	for len(data.prepared) < records {
		data.prepared = append(data.prepared, nil)
	}
	mu.Unlock()
	if len(batch) > 0 {
		batches <- batchIn{seq, batch}
	}
	close(batches)
	wg.Wait()
	close(staged)
	<-added
	if readErr != nil {
		return nil, readErr
	}
	// a record_id given twice would make the output ambiguous; sorting finds
	// it without a map of millions of keys
	ps := data.prepared
	order := make([]int32, len(ps))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(ps[a].Key, ps[b].Key) })
	for i := 1; i < len(order); i++ {
		if ps[order[i]].Key == ps[order[i-1]].Key {
			return nil, fmt.Errorf("record_id %q appears twice", ps[order[i]].Key)
		}
	}
	prep.Finalize(data.prepared)
	return data, nil
}
