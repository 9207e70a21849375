package index

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/names"
)

// Query is a search: a name in any script and order, and perhaps a birth
// date at any precision.
type Query struct {
	Name      string
	BirthDate lastseen.PartialDate
	Place     string // ranks persons born there higher
	Limit     int    // default 10
}

// Hit is one person found, with the records of it that matched.
type Hit struct {
	PersonID int64
	Score    float64 // in [0,1]
	Records  []int64 // the person's records in the index that matched, best first
}

// strongScore is a names score that only two readings of one name reach
// (names.MatchThreshold).
const strongScore = names.MatchThreshold

// mergeCounts merges sorted posting lists into their union, with the number
// of lists each slot is in.
func mergeCounts(lists [][]int32) ([]int32, []uint8) {
	switch len(lists) {
	case 0:
		return nil, nil
	case 1:
		c := make([]uint8, len(lists[0]))
		for i := range c {
			c[i] = 1
		}
		return lists[0], c
	}
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]int32, 0, n)
	counts := make([]uint8, 0, n)
	pos := make([]int, len(lists))
	for {
		m := int32(-1)
		for i, l := range lists {
			if pos[i] < len(l) && (m < 0 || l[pos[i]] < m) {
				m = l[pos[i]]
			}
		}
		if m < 0 {
			return out, counts
		}
		var c uint8
		for i, l := range lists {
			if pos[i] < len(l) && l[pos[i]] == m {
				pos[i]++
				c++
			}
		}
		out = append(out, m)
		counts = append(counts, c)
	}
}

// MinNameScore is the least names similarity (names.ScoreBest) a record
// needs to be a hit: below it the names are not the same name by any reading.
const MinNameScore = 0.5

// searchKeys are the keys a record's name is filed under for search: the
// names package's blocking keys, which two spellings of one person's name
// share in nearly every cross-script pair.
func searchKeys(n *names.Name) []string {
	return names.BlockingKeys(n)
}

// reading is one way to read the query's name, with its given and family
// parts swapped, prepared once per query.
type reading struct {
	n, sw names.Name
	swap  bool               // sw differs from n
	cr    *names.CaseReading // n is this reading of a name written in a grammatical case
}

// queryNames reads the query's name the ways it may have been meant: as
// parsed (and swapped, for names.ScoreBest's unsure parses), and a lone word
// as a family name.
func queryNames(q string) []reading {
	n := names.Prepare("", "", "", q)
	out := []reading{newReading(n)}
	if n.Family == "" && n.Given != "" && n.Patronymic == "" {
		out = append(out, newReading(names.Prepare("", "", n.Given, "")))
	}
	// a name written in a grammatical case, as a letter writes it
	// ("шукаю Олександра Коваленка"): its readings in the nominative
	for _, cr := range names.CaseReadings(&n) {
		out = append(out, reading{n: cr.Name, sw: cr.Name, cr: &cr})
	}
	return out
}

func newReading(n names.Name) reading {
	r := reading{n: n, sw: n}
	if !n.GivenInitial && n.Family != "" && n.Given != "" {
		r.sw = names.Prepare(n.Family, n.Patronymic, n.Given, "")
		r.sw.Confidence = n.Confidence
		r.swap = true
	}
	return r
}

// keys are the search keys of the reading: of the swapped form too when the
// parse was unsure.
func (r *reading) keys() []string {
	k := searchKeys(&r.n)
	if r.swap && r.n.Confidence < 0.8 {
		k = append(k, searchKeys(&r.sw)...)
	}
	return k
}

// score is names.ScoreBest(&r.n, e) without preparing the record's swapped
// form for every candidate: swapping the query pairs the same parts.
func (r *reading) score(e *names.Name) float64 {
	if r.cr != nil {
		return r.cr.Score(e).Score
	}
	c := names.Score(&r.n, e).Score
	if r.swap && (r.n.Confidence < 0.8 || e.Confidence < 0.8) {
		c = max(c, names.Score(&r.sw, e).Score*0.97)
	}
	return c
}

// Search returns the persons whose records' names match the query best,
// highest score first (ties by person id). A person is ranked by its best
// record. When the query has a birth date, records whose birth year is more
// than one year away from it are left out, and agreement at the query's
// precision raises a record's score.
func (ix *Index) Search(q Query) []Hit {
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	qs := queryNames(q.Name)
	place := foldPlace(q.Place)
	var keys []string
	for i := range qs {
		keys = append(keys, qs[i].keys()...)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	lists := make([][]int32, 0, len(keys))
	for _, k := range keys {
		l := ix.keys[k]
		if len(l) > ix.maxSrch {
			l = l[len(l)-ix.maxSrch:]
		}
		if len(l) > 0 {
			lists = append(lists, l)
		}
	}
	slots, counts := mergeCounts(lists)

	type rec struct {
		slot  int32
		score float64
	}
	best := map[int64][]rec{}
	strong := 0 // persons scoring at least strongScore
	add := func(sel []int32) {
		for _, r := range ix.scoreSlots(sel, qs, q.BirthDate, place) {
			p := ix.recs[r.slot].person
			if len(best[p]) == 0 && r.names >= strongScore {
				strong++
			}
			best[p] = append(best[p], rec{r.slot, r.score})
		}
	}
	// Records filed under two of the query's keys (family and given name)
	// are scored first; the records under one key only are scored when these
	// leave fewer than limit persons whose names agree strongly. Such a
	// record has a given name of another id or none: it cannot outrank a
	// strong agreement on both.
	if len(lists) <= 1 {
		add(slots)
	} else {
		var both, one []int32
		for i, s := range slots {
			if counts[i] > 1 {
				both = append(both, s)
			} else {
				one = append(one, s)
			}
		}
		add(both)
		if strong < limit {
			add(one)
		}
	}
	hits := make([]Hit, 0, len(best))
	for pid, rs := range best {
		slices.SortFunc(rs, func(a, b rec) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(a.slot, b.slot)
		})
		h := Hit{PersonID: pid, Score: rs[0].score}
		for _, r := range rs {
			h.Records = append(h.Records, ix.recs[r.slot].id)
		}
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.PersonID, b.PersonID)
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// scored is one record a search found.
type scored struct {
	slot         int32
	score, names float64 // with date and place; the names alone
}

// parallelMin is the number of candidates from which a search scores them
// on every core: a common name in a large index.
const parallelMin = 4096

// scoreSlots scores the candidates against the query readings, on every
// core when there are many, and returns those that are hits, in slot order.
// The caller holds the read lock.
func (ix *Index) scoreSlots(slots []int32, qs []reading, birth lastseen.PartialDate, place string) []scored {
	work := func(part []int32) []scored {
		var out []scored
		memo := map[*names.Name]float64{} // a name is scored once per query
		for _, s := range part {
			e := ix.recs[s]
			if e.person == 0 {
				continue
			}
			if !birth.IsZero() && DateAgreement(birth, e.birth) == DateFar {
				continue
			}
			ns, ok := memo[e.name]
			if !ok {
				for i := range qs {
					ns = max(ns, qs[i].score(e.name))
				}
				memo[e.name] = ns
			}
			if ns < MinNameScore {
				continue
			}
			sc, _ := withDate(ns, birth, e.birth)
			if place != "" && e.place == place {
				sc = min(1, sc+placeBonus)
			}
			out = append(out, scored{s, sc, ns})
		}
		return out
	}
	w := runtime.GOMAXPROCS(0)
	if len(slots) < parallelMin || w == 1 {
		return work(slots)
	}
	parts := make([][]scored, w)
	step := (len(slots) + w - 1) / w
	var wg sync.WaitGroup
	for i := range w {
		lo, hi := min(i*step, len(slots)), min((i+1)*step, len(slots))
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = work(slots[lo:hi])
		}()
	}
	wg.Wait()
	var out []scored
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// placeBonus is what agreeing on the birth place adds to a score: enough to
// order namesakes, too little to lift a different name.
const placeBonus = 0.05

// foldPlace is the form places are compared in: a skeleton, so that Житомир,
// Житомир and Zhytomyr agree.
func foldPlace(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return names.Skeleton(s)
}

// SearchPersons is Search for the domain's PersonSearcher.
func (ix *Index) SearchPersons(ctx context.Context, q lastseen.SearchQuery) ([]lastseen.SearchHit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hs := ix.Search(Query{Name: q.Name, BirthDate: q.BirthDate, Place: q.Place, Limit: q.Limit})
	out := make([]lastseen.SearchHit, len(hs))
	for i, h := range hs {
		out[i] = lastseen.SearchHit{PersonID: h.PersonID, Score: h.Score, RecordIDs: h.Records}
	}
	return out, nil
}

// withDate combines a names score with the agreement of the query's birth
// date q and a record's d, at the precision both have. It returns false when
// the years are more than one apart: a filter, since a family knows the year
// of birth, give or take a mistyped digit.
func withDate(ns float64, q, d lastseen.PartialDate) (float64, bool) {
	if q.IsZero() {
		return ns, true
	}
	const w = 0.15 // the date's share of the score
	v := 0.5       // unknown: no evidence either way
	if !d.IsZero() {
		switch DateAgreement(q, d) {
		case DateAgree:
			v = 1
		case DateNear:
			v = 0.25
		case DateFar:
			return 0, false
		}
	}
	return (1-w)*ns + w*v, true
}

// Date agreements, from DateAgreement.
const (
	DateUnknown = iota // one date is unknown
	DateAgree          // equal at the precision both have
	DateNear           // the same year with another month or day, a year apart, or day and month swapped
	DateFar            // the years are more than one apart
)

// DateAgreement compares two partial dates at the precision both have.
func DateAgreement(a, b lastseen.PartialDate) int {
	if a.IsZero() || b.IsZero() {
		return DateUnknown
	}
	p := min(a.Precision, b.Precision)
	if a.Year == b.Year {
		switch {
		case p == lastseen.PrecisionYear,
			p == lastseen.PrecisionMonth && a.Month == b.Month,
			p == lastseen.PrecisionDay && a.Month == b.Month && a.Day == b.Day:
			return DateAgree
		}
		return DateNear
	}
	if d := a.Year - b.Year; d == 1 || d == -1 {
		return DateNear
	}
	return DateFar
}
