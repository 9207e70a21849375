package names_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// TestPrepareLock is a behaviour lock for speed work on the hot path: it
// writes everything Prepare, Parse, the keys, Score and CompareTokens give
// for some 100,000 varied names (the tests' tables, both generators in all
// their habits, orders and typos, and the reference name lists when present)
// and hashes it. An optimisation must leave the hash unchanged. The hash
// belongs to a commit (a new rule changes it: take it again at the commit
// the speed work starts from) and to the reference data present. It runs
// only when asked:
//
//	LASTSEEN_PREPLOCK_OUT=/tmp/lock.txt go test ./names -run PrepareLock -v   # writes the dump, logs its SHA-256
//	LASTSEEN_PREPLOCK_SHA=<hex> go test ./names -run PrepareLock             # fails on any other hash
func TestPrepareLock(t *testing.T) {
	out, want := os.Getenv("LASTSEEN_PREPLOCK_OUT"), os.Getenv("LASTSEEN_PREPLOCK_SHA")
	if out == "" && want == "" {
		t.Skip("set LASTSEEN_PREPLOCK_OUT (write the dump) or LASTSEEN_PREPLOCK_SHA (check it)")
	}
	h := sha256.New()
	var w io.Writer = h
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		bw := bufio.NewWriterSize(f, 1<<20)
		defer bw.Flush()
		w = io.MultiWriter(h, bw)
	}
	fulls, pairs, parts := lockInputs(t)
	t.Logf("%d full names, %d pairs, %d part sets", len(fulls), len(pairs), len(parts))

	prepared := make([]names.Name, len(fulls))
	for i, s := range fulls {
		n := names.Prepare("", "", "", s)
		prepared[i] = n
		fmt.Fprintf(w, "F %q\n N %q\n Fo %q\n Sk %q\n Ph %q\n Lo %q\n FS %q %v\n DS %v DL %v\n P %#v\n Pr %#v\n Bk %q\n Al %q %q %q %x %x %x\n",
			s, names.Normalize(s), names.Fold(s), names.Skeleton(s), names.PhoneticKey(s), names.LooseKey(s),
			names.FamilySkeleton(s), names.FamilySex(s), names.DetectScript(s), names.DetectLang(s),
			names.Parse(s), n, names.BlockingKeys(&n), n.GivenAlts(), n.FamilyAlts(), n.FamilyLight(),
			n.FamilyLoose(), n.FamilyLooseJ(), n.FamilyRuUk())
		// the same string through the parts path: in the given field (with a
		// patronymic inside) and split over the fields
		g := names.Prepare(s, "", "", "")
		fmt.Fprintf(w, " G %#v\n", g)
		if ws := strings.Fields(s); len(ws) >= 2 {
			a := names.Prepare(ws[0], "", strings.Join(ws[1:], " "), "")
			b := names.Prepare(ws[len(ws)-1], strings.Join(ws[1:len(ws)-1], " "), ws[0], "")
			c := names.Prepare("", ws[len(ws)-1], "", s) // explicit patronymic, parse of full
			fmt.Fprintf(w, " A %#v\n B %#v\n C %#v\n", a, b, c)
		}
		if i < 4000 {
			for _, sc := range names.Schemes {
				fmt.Fprintf(w, " T%d %q", sc, names.Translit(s, sc))
			}
			fmt.Fprintf(w, "\n")
		}
		if i < 400 {
			fmt.Fprintf(w, " TC %q\n", names.ToCyrillic(s, 3))
		}
	}
	for _, p := range parts {
		n := names.Prepare(p[0], p[1], p[2], "")
		fmt.Fprintf(w, "Q %q\n Pr %#v\n", p, n)
	}
	scorePair := func(a, b *names.Name) {
		c, ra, rb := names.ScoreBestReadings(a, b)
		s := names.Score(a, b)
		fmt.Fprintf(w, " S %#v %x\n SB %#v %x\n RA %#v\n RB %#v\n Rs %q\n Lv %v %v %v\n", s, math.Float64bits(s.Score), c,
			math.Float64bits(c.Score), ra, rb, s.Reasons(a, b), names.CompareGiven(a, b), names.ComparePatronymic(a, b), names.CompareFamily(a, b))
	}
	for i, p := range pairs {
		a, b := names.Prepare("", "", "", p[0]), names.Prepare("", "", "", p[1])
		fmt.Fprintf(w, "X %q %q\n", p[0], p[1])
		scorePair(&a, &b)
		if i < 12000 {
			ct := names.CompareTokens(p[0], p[1])
			fmt.Fprintf(w, " CT %#v %x\n JW %x %x DL %d %d\n", ct, math.Float64bits(ct.Score),
				math.Float64bits(names.JaroWinkler(p[0], p[1])), math.Float64bits(names.JaroWinkler(a.FamilySkel, b.FamilySkel)),
				names.DamerauLevenshtein(p[0], p[1]), names.DamerauLevenshtein(a.GivenSkel, b.GivenSkel))
		}
		if i < 3000 {
			fmt.Fprintf(w, " CW %#v\n", names.CompareWhole(p[0], p[1]))
		}
	}
	// names far apart in the list: unrelated pairs
	for i := range prepared {
		j := (i*7919 + 13) % len(prepared)
		fmt.Fprintf(w, "Y %d %d\n", i, j)
		scorePair(&prepared[i], &prepared[j])
	}
	sum := hex.EncodeToString(h.Sum(nil))
	t.Logf("SHA-256 %s", sum)
	if want != "" && sum != want {
		t.Fatalf("behaviour changed: SHA-256 %s, want %s (dump with LASTSEEN_PREPLOCK_OUT and diff)", sum, want)
	}
}

// lockInputs gathers the lock's names: full names, pairs of full names, and
// given / patronymic / family part sets.
func lockInputs(t *testing.T) (fulls []string, pairs [][2]string, parts [][3]string) {
	add := func(ss ...string) { fulls = append(fulls, ss...) }
	addPair := func(a, b string) {
		add(a, b)
		pairs = append(pairs, [2]string{a, b})
	}
	add(benchNames...)
	add(fuzzSeeds...)
	for _, p := range benchWholeNames {
		addPair(p[0], p[1])
	}
	for _, p := range parsePairs(t, handMatches) {
		addPair(p[0], p[1])
	}
	for _, p := range parsePairs(t, handNonMatches) {
		addPair(p[0], p[1])
	}
	for _, f := range surnames {
		add(f[0], f[1])
	}
	for _, f := range hoFamilies {
		add(f[0], f[1])
	}
	for _, list := range [][]hoGiven{hoMale, hoFemale} {
		for _, h := range list {
			add(h.ru, h.uk, h.patRu, h.patUk, h.pl)
			add(h.dims...)
		}
	}
	for _, g := range names.GivenNames() {
		add(g.Ru...)
		add(g.Uk...)
		add(g.Dim...)
		add(g.Latin...)
	}
	add(names.LexiconWords()...)

	for _, seed := range []uint64{2026, 7} {
		g := newGen(seed)
		for _, p := range g.matchPairs(4000) {
			addPair(p[0], p[1])
		}
		for _, p := range g.nonMatchPairs(2000) {
			addPair(p.a, p.b)
		}
	}
	for _, seed := range []uint64{11, 12} {
		for _, c := range hoMatches(seed, 60) {
			addPair(c.a, c.b)
		}
		for _, c := range hoNonMatches(seed, 200) {
			addPair(c.a, c.b)
		}
		g := newHoGen(seed)
		for i := 0; i < 4000; i++ {
			p, s := g.person(), g.random()
			gv, pt, fm := g.parts(p, s)
			parts = append(parts, [3]string{gv, pt, fm})
			switch i % 4 {
			case 1:
				parts = append(parts, [3]string{fm, pt, gv}) // the fields swapped
			case 2:
				parts = append(parts, [3]string{gv + " " + pt, "", fm}) // the patronymic in the given field
			case 3:
				parts = append(parts, [3]string{g.initial(gv, s), g.initial(pt, s), strings.ToUpper(fm)})
			}
		}
	}

	// the reference lists, when present: every tenth given name and
	// patronymic, and full names made of them
	dir := os.Getenv("LASTSEEN_REFDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	col := func(path string, c int) []string {
		f, err := os.Open(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var out []string
		for i, r := range rows {
			if i > 0 && i%10 == 1 && c < len(r) {
				out = append(out, r[c])
			}
		}
		return out
	}
	given := col(filepath.Join(dir, "names", "russiannames", "names.csv"), 1)
	pats := col(filepath.Join(dir, "names", "russiannames", "midnames.csv"), 5)
	add(given...)
	add(pats...)
	for i := 0; i < len(given) && len(pats) > 0; i++ {
		f := surnames[i%len(surnames)][i%2]
		add(given[i]+" "+pats[i%len(pats)]+" "+f, f+" "+given[i]+" "+pats[(i*7)%len(pats)])
		parts = append(parts, [3]string{given[i], pats[(i*3)%len(pats)], f})
	}
	if f, err := os.Open(filepath.Join(dir, "nomenklatura_name_bench", "cases.csv")); err == nil {
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			addPair(r[2], r[3])
		}
	}
	if ms, _ := filepath.Glob(filepath.Join(dir, "names", "iuliia", "*.json")); len(ms) > 0 {
		for _, m := range ms {
			var v struct{ Samples [][]string }
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			if json.Unmarshal(b, &v) != nil {
				continue
			}
			for _, s := range v.Samples {
				add(s...)
			}
		}
	}
	return fulls, pairs, parts
}
