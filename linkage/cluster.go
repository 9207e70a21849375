package linkage

import (
	"cmp"
	"slices"

	"github.com/lastseen/lastseen"
)

// Bands are the operator's decision thresholds in log2 odds: a pair scoring
// at least Link is linked automatically, one scoring at least Review goes to
// a caseworker, anything lower is a different person.
type Bands struct {
	Link   float64 `json:"link"`
	Review float64 `json:"review"`
}

// DefaultBands link at a match probability of about 0.89 (log2 odds 3) and
// send pairs down to 0.5 (log2 odds 0) to review. The scores are calibrated
// (see docs/BENCHMARKS.md): of the pairs scoring 2 to 4, about nine in ten
// are the same person.
func DefaultBands() Bands { return Bands{Link: 3, Review: 0} }

// Decide returns the band a score falls into.
func (b Bands) Decide(score float64) lastseen.MatchAction {
	switch {
	case score >= b.Link:
		return lastseen.MatchLink
	case score >= b.Review:
		return lastseen.MatchReview
	}
	return lastseen.MatchNew
}

// Edge is a scored candidate pair, by record index.
type Edge struct {
	A, B  int32
	Score float64
}

// Constraint is a caseworker's judgement on two records, by index: Same
// forces them into one cluster, not Same forbids it.
type Constraint struct {
	A, B int32
	Same bool
}

// ClusterOptions set when two clusters may merge.
type ClusterOptions struct {
	Link float64 // only edges scoring at least this merge clusters
	// MeanCross is the least mean score over every pair across two clusters
	// for them to merge, and MinCross the least score of any such pair: a
	// pair that speaks strongly against (different birth years and given
	// names) keeps the clusters apart however good the bridge.
	MeanCross float64
	MinCross  float64
	// MaxCross bounds the pairs scored for one merge; a merge that would need
	// more is refused (left to review), which also bounds a cluster's growth.
	MaxCross int
	// Attach: after the link-band merges, a cluster whose candidates (its
	// pairs scoring at least Floor) all lie in one other cluster joins it
	// when their best pair scores at least Attach and they cohere. A record
	// that says little (a name only) thus joins the one person of that name
	// the list knows, and stays apart (for review) when it knows two.
	// Candidates in a few clusters (MaxAttachCands) that cohere with each
	// other count as one person whose records are still in fragments: the
	// cluster joins the one it scores best with, and the rest may follow.
	// A candidate cluster whose best pair scores AttachMargin bits or more
	// below the best one's is no rival (a namesake born fifteen years
	// earlier) and does not count.
	// Attach ≥ Link turns this off.
	Attach float64
	Floor  float64
	// Across keeps two records of one group (one list) out of one cluster:
	// linking lists that are each free of duplicates.
	Across bool
}

// DefaultClusterOptions match DefaultBands.
func DefaultClusterOptions(b Bands) ClusterOptions {
	return ClusterOptions{Link: b.Link, MeanCross: b.Review, MinCross: -20, MaxCross: 20000,
		Attach: b.Review, Floor: b.Review - 6}
}

// ClusterReport counts what clustering did.
type ClusterReport struct {
	Merges    int `json:"merges"`
	Refused   int `json:"refused"`   // link-band edges whose clusters did not cohere
	Forbidden int `json:"forbidden"` // link-band edges across a not-same judgement or hard evidence
	Conflicts int `json:"conflicts"` // same-judgements that contradict not-same ones (not applied)
	Attached  int `json:"attached"`  // clusters joined to their only candidate (ClusterOptions.Attach)
	Clusters  int `json:"clusters"`
}

// Cluster groups records into persons. Edges are taken best first; an edge
// merges its two clusters only if no pair across them is forbidden (a
// not-same judgement or hard evidence, see Conflict) and the clusters cohere:
// every pair across them scores at least MinCross and their mean reaches
// MeanCross. Same-judgements are merged first and are never split; one that
// contradicts a not-same judgement is reported and not applied. The result
// gives each record the index of its cluster's first record.
//
// It returns the refused link-band edges too: they belong in review.
func Cluster(rs []*Prepared, m *Model, edges []Edge, cons []Constraint, opt ClusterOptions) ([]int32, []Edge, ClusterReport) {
	var rep ClusterReport
	n := len(rs)
	parent := make([]int32, n)
	members := make([][]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	mem := func(r int32) []int32 {
		if members[r] == nil {
			return []int32{r}
		}
		return members[r]
	}
	notSame := map[int32][]int32{}
	for _, c := range cons {
		if !c.Same {
			notSame[c.A] = append(notSame[c.A], c.B)
			notSame[c.B] = append(notSame[c.B], c.A)
		}
	}
	// forbidden reports whether a judgement forbids merging clusters ra and rb.
	forbidden := func(ra, rb int32) bool {
		a, b := mem(ra), mem(rb)
		if len(a) > len(b) {
			a, rb = b, ra
		}
		for _, x := range a {
			for _, y := range notSame[x] {
				if find(y) == rb {
					return true
				}
			}
		}
		return false
	}
	union := func(ra, rb int32) {
		a, b := mem(ra), mem(rb)
		if len(a) < len(b) {
			ra, rb, a, b = rb, ra, b, a
		}
		parent[rb] = ra
		members[ra] = append(a, b...)
		members[rb] = nil
		rep.Merges++
	}
	for _, c := range cons {
		if !c.Same {
			continue
		}
		ra, rb := find(c.A), find(c.B)
		if ra == rb {
			continue
		}
		if forbidden(ra, rb) {
			rep.Conflicts++
			continue
		}
		union(ra, rb)
	}
	sorted := make([]Edge, 0, len(edges))
	for _, e := range edges {
		if e.Score >= opt.Link {
			sorted = append(sorted, e)
		}
	}
	slices.SortFunc(sorted, func(x, y Edge) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	var refused []Edge
	for _, e := range sorted {
		ra, rb := find(e.A), find(e.B)
		if ra == rb {
			continue
		}
		if forbidden(ra, rb) {
			rep.Forbidden++
			continue
		}
		switch coherent(rs, m, mem(ra), mem(rb), opt) {
		case mergeOK:
			union(ra, rb)
		case mergeForbidden:
			rep.Forbidden++
		default:
			rep.Refused++
			refused = append(refused, e)
		}
	}
	if opt.Attach < opt.Link {
		rep.Attached = attach(rs, m, edges, opt, find, mem, forbidden, union)
	}
	out := make([]int32, n)
	first := make([]int32, n)
	for i := range first {
		first[i] = -1
	}
	for i := range out {
		r := find(int32(i))
		if first[r] < 0 {
			first[r] = int32(i)
			rep.Clusters++
		}
		out[i] = first[r]
	}
	return out, refused, rep
}

// attach joins each cluster whose candidates all lie in one other cluster to
// it (see ClusterOptions.Attach), in rounds until nothing changes.
func attach(rs []*Prepared, m *Model, edges []Edge, opt ClusterOptions, find func(int32) int32,
	mem func(int32) []int32, forbidden func(int32, int32) bool, union func(int32, int32)) int {
	// the candidates of each record, as a compressed adjacency list
	start := make([]int32, len(rs)+1)
	for _, e := range edges {
		if e.Score >= opt.Floor {
			start[e.A+1]++
			start[e.B+1]++
		}
	}
	for i := range len(rs) {
		start[i+1] += start[i]
	}
	next := append([]int32(nil), start[:len(rs)]...)
	// by edge index (4 bytes, not a 16-byte copy of the edge: at a million
	// records this list is the largest thing clustering holds)
	adj := make([]uint32, start[len(rs)])
	for k, e := range edges {
		if e.Score >= opt.Floor {
			adj[next[e.A]] = uint32(k)
			next[e.A]++
			adj[next[e.B]] = uint32(k)
			next[e.B]++
		}
	}
	co := opt
	co.MeanCross = max(opt.MeanCross, opt.Attach)
	attached := 0
	for range 3 {
		changed := false
		for i := range int32(len(rs)) {
			r := find(i)
			if firstMember(mem(r)) != i { // visit each cluster once, by its first member
				continue
			}
			// the other clusters it has candidates in, with its best score
			// in each (a few at most, rivals fewer still: more is a common
			// name, left alone)
			var cand [4 * MaxAttachCands]struct {
				root  int32
				score float64
			}
			nc, ambiguous := 0, false
			for _, x := range mem(r) {
				for _, k := range adj[start[x]:start[x+1]] {
					e := edges[k]
					if e.A != x {
						e.A, e.B = e.B, e.A // e.B is the other end
					}
					y := find(e.B)
					if y == r {
						continue
					}
					k := 0
					for k < nc && cand[k].root != y {
						k++
					}
					if k == nc {
						if nc == len(cand) {
							ambiguous = true
							break
						}
						cand[k].root, cand[k].score = y, e.Score
						nc++
					}
					cand[k].score = max(cand[k].score, e.Score)
				}
				if ambiguous {
					break
				}
			}
			if ambiguous || nc == 0 {
				continue
			}
			only, best := cand[0].root, cand[0].score
			for _, c := range cand[1:nc] {
				if c.score > best {
					only, best = c.root, c.score
				}
			}
			if best < opt.Attach || forbidden(r, only) {
				continue
			}
			// a candidate far below the best is no rival: the namesake
			// born fifteen years earlier of a record that gives the year
			k := 0
			for _, c := range cand[:nc] {
				if c.score >= best-AttachMargin {
					cand[k] = c
					k++
				}
			}
			if nc = k; nc > MaxAttachCands {
				continue
			}
			// candidates in several clusters are no ambiguity when those
			// clusters could be one person themselves (one man's records
			// split in fragments that each scored just below the link
			// band); they are when two of them do not cohere (namesakes)
			for x := 0; x < nc && !ambiguous; x++ {
				for y := x + 1; y < nc && !ambiguous; y++ {
					ambiguous = forbidden(cand[x].root, cand[y].root) ||
						coherent(rs, m, mem(cand[x].root), mem(cand[y].root), co) != mergeOK
				}
			}
			if ambiguous {
				continue
			}
			if coherent(rs, m, mem(r), mem(only), co) == mergeOK {
				union(r, only)
				attached++
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return attached
}

// MaxAttachCands bounds the clusters a cluster may have candidates in and
// still be attached: more is a common name, where a choice would be a guess.
const MaxAttachCands = 4

// AttachMargin is how far (in bits) below the best candidate cluster a
// candidate cluster may score and still be a rival that makes the choice a
// guess: 3 bits is odds eight times lower. On the generated sets it moved
// F1 at ~10,000 records by +0.0001…+0.0020 (three seeds) and at ~100,000
// by +0.006 (precision 0.934 → 0.923, recall 0.799 → 0.817); 2 bits gained
// more at ~100,000 (+0.008) for a precision of 0.918, 4 bits less (+0.005).
const AttachMargin = 3

func firstMember(ms []int32) int32 {
	f := ms[0]
	for _, x := range ms[1:] {
		f = min(f, x)
	}
	return f
}

const (
	mergeOK = iota
	mergeRefused
	mergeForbidden
)

func coherent(rs []*Prepared, m *Model, a, b []int32, opt ClusterOptions) int {
	if len(a)*len(b) > opt.MaxCross {
		return mergeRefused
	}
	sum := 0.0
	var vote Vote
	for _, x := range a {
		for _, y := range b {
			if Conflict(rs[x], rs[y]) || opt.Across && rs[x].Group == rs[y].Group {
				return mergeForbidden
			}
			v := Compare(rs[x], rs[y])
			s := m.ScoreVector(&v, rs[x], rs[y])
			if s < opt.MinCross {
				return mergeRefused
			}
			sum += s
			vote.Add(&v, s, opt.Link)
		}
	}
	if sum/float64(len(a)*len(b)) < opt.MeanCross {
		return mergeRefused
	}
	if vote.Refuses(len(a) + len(b)) {
		return mergeRefused
	}
	return mergeOK
}

const (
	evidenceNone = iota
	evidenceAgree
	evidenceAgainst
)

// evidence says whether two records' birth dates and patronymics agree,
// speak against one person, or say nothing (one is missing, or a small
// difference). Against are two full birth dates no common error explains,
// birth years two or more apart, or two patronymics of the table with no
// father's name in common: on the generated cross-script set 1 compared true
// pair in 3,565 has a date mismatch, 32 in 2,765 a far year, 16 in 1,186 a
// year two to five apart and none of 960 a patronymic conflict; in lists with many wrong dates (FEBRL, the
// historical set) a few percent of true pairs have a mismatch.
//
// Average linkage lets a record that says only a name bridge two records
// that contradict each other (Павел Виноградов born 1944 and 1971), since
// the bridge scores well against both. So a merge is refused when more of
// its cross pairs speak against it than agree on the date or patronymic:
// the name-only record joins the side it scores best with and the other
// stays apart for review, while a large cluster with one misdated record
// still merges with its other records.
//
// It reads the pair's comparison vector, which scoring made already.
func evidence(v *Vector) int {
	switch v[FieldBirthDate] {
	case DateMismatch, DateFar, DateDifferent:
		return evidenceAgainst
	case DateExact, DateSwapped, DateSameMonth, DateTypo, DateSameYear, DateNearYear:
		return evidenceAgree
	}
	switch v[FieldPatronymic] {
	case NameConflict:
		return evidenceAgainst
	case NameExact, NameTranslit, NameForm:
		return evidenceAgree
	}
	return evidenceNone
}

// Conflict reports hard evidence that two records are different people,
// whatever their score: two given names of the table of names with no form
// in common (twins and brothers share everything else), or two service
// numbers that are not one typo apart on records whose birth years differ.
func Conflict(a, b *Prepared) bool {
	if compareGiven(a, b) == NameConflict && compareName(&a.given, &b.family) != NameExact {
		return true
	}
	if compareID(&a.svc, &b.svc) == TextDifferent {
		d := compareDate(a, b)
		return d == DateDifferent || d == DateFar || d == DateMismatch
	}
	return false
}
