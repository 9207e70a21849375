package index

import (
	"cmp"
	"math"
	"slices"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// Candidate is a known record that scored at least the review threshold
// against a new one.
type Candidate struct {
	RecordID int64
	PersonID int64
	Score    float64 // log2 odds
}

// PersonMatch is what the index knows of one person against a new record:
// its best-scoring record, and whether the record may join it.
type PersonMatch struct {
	PersonID int64
	Best     Candidate
	// Mean and Min are the new record's scores against every current record
	// of the person (at most maxCoherence of them).
	Mean, Min float64
	// Forbidden is set when a caseworker judged the new record not the same
	// as one of the person's records, or hard evidence (linkage.Conflict)
	// says they are different people: the record never joins this person.
	Forbidden bool
	// Incoherent is set when the person as a whole does not cohere with
	// the record: a mean below the review threshold, a pair that speaks
	// strongly against, or Contradicted. The record then does not join it
	// (neither by the link band nor by attach) and the pair goes to review.
	Incoherent bool
	// Contradicted is set when more of the record's pairs with the person's
	// records contradict it (birth dates, patronymics; linkage.Vote) than
	// agree, the person holding two records or more: batch clustering
	// refuses the same merge.
	Contradicted bool
}

// Decision is what the index would do with a new record: the action, the
// person to link it to (0: a new person), and the persons scored, best first.
type Decision struct {
	Action   lastseen.MatchAction
	PersonID int64
	Score    float64
	// Attached is set when the record links below the link band by the
	// attach rule: its best candidate person, without a rival, with which
	// it coheres.
	Attached bool
	Persons  []PersonMatch

	// strong are the candidate records that scored at least the review
	// threshold, best first, and self the record decided: Revisit looks at
	// them again.
	strong []strongPair
	self   *entry
}

// strongPair is a candidate record's slot and its score against the record
// decided, and the pair's comparison vector: cohere reads the pair from
// here rather than compare it again.
type strongPair struct {
	slot  int32
	score float64
	v     linkage.Vector
}

// maxCoherence bounds the records of one person a new record is scored
// against before it may join it.
const maxCoherence = 64

// minCross is the least score of any pair between a new record and the
// records of the person it joins: linkage.DefaultClusterOptions' MinCross,
// so that a record joins a person on arrival as batch clustering would let
// it.
const minCross = -20

// attachFloor is how far below the review threshold a pair still makes its
// person a candidate of the attach rule (linkage.DefaultClusterOptions'
// Floor: Review − 6). A record whose best candidate person has no rival
// among them (unrivalled), whose best pair reaches the review threshold and
// which coheres with the person joins it, as batch's attach step does: a
// record that says little (a name and a year) joins the one person of that
// name the registry knows, and goes to review when it knows two.
//
// The rule needs scores calibrated on the data: it applies with a trained or
// given model, not while the index scores with the starting model and the
// prior that follows the index size. That prior is set at the generous end
// (r = 1) so that a fresh server queues a comrade's report against the one
// person a mother asked about; it is safe because the link band still asks
// for field evidence, and would not be if a name and a year, scored with it,
// linked automatically.
const attachFloor = 6

// The prior the starting model is scored with (see the package doc): the
// odds that a new record describes one particular indexed person are
// expectedMatches/N, N the persons indexed, clamped.
const (
	// expectedMatches is r, the share of arriving records that describe a
	// person already indexed. At most 1; 1 is the generous end, so that a
	// second report of someone is never dropped for the prior alone.
	expectedMatches = 1.0
	// minPriorPersons is the least N: a registry of a few persons has not
	// yet seen most of the people its records will describe, and odds of
	// 1/1 would link on a name alone. At 1,000 (log2 odds −10) a name
	// agreement with a birth year reaches review, and a full birth date or
	// patronymic more reaches the link band.
	minPriorPersons = 1_000
	// maxPriorPersons is the greatest N: 10,000, where r/N is the starting
	// model's own prior (1e-4), so the index-size prior only ever raises it.
	// Beyond it r/N would be right in principle, but the starting model's
	// untrained field weights were set against 1e-4: measured on synth data
	// (BenchmarkMatchQuality, docs/BENCHMARKS.md), r/N at 1M records raised
	// link precision from 0.59 to 0.95 but dropped the arrivals found (linked
	// or queued with their person) from 0.88 to 0.58, and at 100k lost 10
	// points found for 6 of precision. A registry that large trains its own
	// model (Load trains once it holds LoadOptions.MinTrain records).
	maxPriorPersons = 10_000
)

// priorShift is what to add to the model's score of a pair to score it with
// the index-size prior: 0 unless the index scores with the starting model.
// The caller holds the lock.
func (ix *Index) priorShift() float64 {
	if !ix.sizePrior() {
		return 0
	}
	n := min(max(len(ix.persons), minPriorPersons), maxPriorPersons)
	return math.Log2(expectedMatches/float64(n)) - ix.model.PriorWeight()
}

// Prior returns the prior Match and Explain score pairs with, in log2 odds:
// the model's own, or for the starting model the one that follows the
// number of persons indexed.
func (ix *Index) Prior() float64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.model.PriorWeight() + ix.priorShift()
}

// score scores a pair with the prior the index uses; shift is priorShift().
func (ix *Index) score(a, b *entry, shift float64) float64 {
	return ix.model.Score(a.p, b.p) + shift
}

// Match finds the candidates of a prepared record and decides, without
// changing anything. judged holds the caseworkers' judgements in force
// between this record and others, by the other record's id: a "same" makes
// that record's person the answer whatever the scores (it is never split), a
// "not same" forbids the other record's person.
func (ix *Index) Match(p Prepared, judged map[int64]lastseen.Verdict) Decision {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.decide(p.e, judged, true)
}

// decide is Match with the lock held; fresh is unset for a record already
// in the index (a second look, Revisit), whose term frequencies are set and
// which is not its own candidate.
func (ix *Index) decide(e *entry, judged map[int64]lastseen.Verdict, fresh bool) Decision {
	if fresh && len(ix.recs) >= MinTF {
		ix.prep.Refresh(e.p)
		ix.setFrequencies(e.p)
	}
	shift := ix.priorShift()
	cands := ix.candidates(e)
	d := Decision{Action: lastseen.MatchNew, self: e}
	byPerson := map[int64]*PersonMatch{}
	var order []int64
	// near holds every person with a pair scoring at least the attach
	// floor, with its best such score: the attach rule's candidates
	var near []nearPerson
	floor := ix.bands.Review - attachFloor
	for _, s := range cands {
		c := ix.recs[s]
		if c.person == 0 || c.id == e.id {
			continue // not linked yet: found again once it is
		}
		v := linkage.Compare(e.p, c.p)
		sc := ix.model.ScoreVector(&v, e.p, c.p) + shift
		if sc < floor {
			continue
		}
		near = addNear(near, c.person, sc)
		if sc < ix.bands.Review {
			continue
		}
		d.strong = append(d.strong, strongPair{s, sc, v})
		pm := byPerson[c.person]
		if pm == nil {
			pm = &PersonMatch{PersonID: c.person, Best: Candidate{c.id, c.person, sc}}
			byPerson[c.person] = pm
			order = append(order, c.person)
		} else if sc > pm.Best.Score {
			pm.Best = Candidate{c.id, c.person, sc}
		}
	}
	// a "same" judgement brings its person in even when blocking missed it
	for id, v := range judged {
		if v != lastseen.VerdictSame {
			continue
		}
		s, ok := ix.slot[id]
		if !ok || ix.recs[s].person == 0 {
			continue
		}
		c := ix.recs[s]
		if byPerson[c.person] == nil {
			byPerson[c.person] = &PersonMatch{PersonID: c.person, Best: Candidate{c.id, c.person, ix.score(e, c, shift)}}
			order = append(order, c.person)
		}
	}
	var same int64
	for _, pid := range order {
		pm := byPerson[pid]
		ix.cohere(e, pm, judged, d.strong, shift, &same)
		d.Persons = append(d.Persons, *pm)
	}
	slices.SortFunc(d.strong, func(a, b strongPair) int { return cmp.Compare(b.score, a.score) })
	slices.SortFunc(d.Persons, func(a, b PersonMatch) int {
		if c := cmp.Compare(b.Best.Score, a.Best.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.PersonID, b.PersonID)
	})
	if same != 0 {
		d.Action, d.PersonID = lastseen.MatchLink, same
		d.Score = byPerson[same].Best.Score
		return d
	}
	for _, pm := range d.Persons {
		if pm.Forbidden {
			continue
		}
		switch {
		case pm.Best.Score >= ix.bands.Link && !pm.Incoherent && d.PersonID == 0:
			d.Action, d.PersonID, d.Score = lastseen.MatchLink, pm.PersonID, pm.Best.Score
		case d.Action == lastseen.MatchNew:
			d.Action, d.Score = lastseen.MatchReview, pm.Best.Score
		}
	}
	// the attach rule: the best candidate person, coherent and without a
	// rival, joins below the link band; not with the starting model's
	// generous size prior (see attachFloor)
	if !ix.sizePrior() && d.Action == lastseen.MatchReview {
		if pm := d.Persons[0]; !pm.Forbidden && !pm.Incoherent && ix.unrivalled(pm, near) {
			d.Action, d.PersonID, d.Score, d.Attached = lastseen.MatchLink, pm.PersonID, pm.Best.Score, true
		}
	}
	return d
}

// nearPerson is a candidate person of the attach rule: a person with a pair
// scoring at least the attach floor, and its best such score.
type nearPerson struct {
	person int64
	best   float64
}

func addNear(near []nearPerson, person int64, sc float64) []nearPerson {
	for i := range near {
		if near[i].person == person {
			near[i].best = max(near[i].best, sc)
			return near
		}
	}
	return append(near, nearPerson{person, sc})
}

// unrivalled reports whether best, the best-scoring candidate person of a
// record, has no rival that makes attaching the record to it a guess, as
// batch's attach step (linkage.Cluster) judges it: a candidate person whose
// best pair scores linkage.AttachMargin bits or more below best's is no rival (a
// namesake born fifteen years earlier); more than linkage.MaxAttachCands persons
// within the margin are a common name; and rivals that cohere with best and
// with each other (one man's records that each scored just below the link
// band, still in fragments) are no ambiguity. The caller holds the lock.
func (ix *Index) unrivalled(best PersonMatch, near []nearPerson) bool {
	rivals := make([]int64, 0, len(near))
	rivals = append(rivals, best.PersonID)
	for _, n := range near {
		if n.person == best.PersonID {
			continue
		}
		if n.best >= best.Best.Score-linkage.AttachMargin {
			rivals = append(rivals, n.person)
		}
	}
	if len(rivals) > linkage.MaxAttachCands {
		return false
	}
	for i := range rivals {
		for j := i + 1; j < len(rivals); j++ {
			if !ix.personsCohere(rivals[i], rivals[j]) {
				return false
			}
		}
	}
	return true
}

// maxPersonCross bounds the pairs scored to tell whether two persons
// cohere; two larger persons are taken not to.
const maxPersonCross = 1024

// personsCohere reports whether two persons' records could be one person's,
// as batch clustering judges a merge (linkage.Coherent with
// linkage.DefaultClusterOptions, at most maxPersonCross pairs). It scores
// with the model's own prior: only the attach rule and Revisit ask it, with
// a trained or given model. The caller holds the lock.
func (ix *Index) personsCohere(a, b int64) bool {
	opt := linkage.DefaultClusterOptions(ix.bands)
	opt.MaxCross = maxPersonCross
	return linkage.Coherent(ix.model, ix.prepared(a), ix.prepared(b), opt)
}

// prepared returns the prepared records of a person. The caller holds the
// lock.
func (ix *Index) prepared(person int64) []*linkage.Prepared {
	ss := ix.persons[person]
	out := make([]*linkage.Prepared, len(ss))
	for i, s := range ss {
		out[i] = ix.recs[s].p
	}
	return out
}

// cohere scores the record against the person's current records and sets
// Forbidden, Incoherent, Mean and Min. same is set to the person when a
// caseworker judged the record the same as one of its records. shift is
// priorShift(); strong are the pairs decide has scored already.
func (ix *Index) cohere(e *entry, pm *PersonMatch, judged map[int64]lastseen.Verdict, strong []strongPair, shift float64, same *int64) {
	members := ix.persons[pm.PersonID]
	if len(members) > maxCoherence {
		members = members[len(members)-maxCoherence:]
	}
	pm.Min = pm.Best.Score
	sum, n := 0.0, 0
	var vote linkage.Vote
	for _, s := range members {
		c := ix.recs[s]
		if c.id == e.id {
			continue // a second look at a record of the person (Revisit)
		}
		switch judged[c.id] {
		case lastseen.VerdictNotSame:
			pm.Forbidden = true
		case lastseen.VerdictSame:
			if *same == 0 {
				*same = pm.PersonID
			}
		}
		if linkage.Conflict(e.p, c.p) {
			pm.Forbidden = true
		}
		v, sc := ix.pair(e, s, strong, shift)
		sum += sc
		n++
		pm.Min = min(pm.Min, sc)
		vote.Add(&v, sc, ix.bands.Link)
	}
	// a judged "same" outweighs scores and hard evidence alike; a "not same"
	// in the same person is a conflict that only a caseworker can resolve
	if *same == pm.PersonID {
		for _, s := range members {
			if judged[ix.recs[s].id] == lastseen.VerdictNotSame {
				*same = 0
			}
		}
		if *same == pm.PersonID {
			pm.Forbidden = false
		}
	}
	if n > 0 {
		pm.Mean = sum / float64(n)
	} else {
		pm.Mean = pm.Best.Score
	}
	pm.Contradicted = vote.Refuses(n + 1)
	pm.Incoherent = pm.Mean < ix.bands.Review || pm.Min < minCross || pm.Contradicted
}

// pair returns the comparison vector and score of e and the record in slot
// s: from strong, the pairs decide has scored already (in the candidates'
// order, by slot, until decide sorts them by score), or compared now.
func (ix *Index) pair(e *entry, s int32, strong []strongPair, shift float64) (linkage.Vector, float64) {
	if i, ok := slices.BinarySearchFunc(strong, s, func(p strongPair, s int32) int { return cmp.Compare(p.slot, s) }); ok {
		return strong[i].v, strong[i].score
	}
	c := ix.recs[s]
	v := linkage.Compare(e.p, c.p)
	return v, ix.model.ScoreVector(&v, e.p, c.p) + shift
}

// candidates returns the slots that share a blocking key with e, each once.
// A pass with Unless or Distinct (the family-name typo pass) gives only the
// pairs batch blocking would take from it (linkage.Pass): not those it
// rules out, nor those with e's Distinct value, which other passes find.
func (ix *Index) candidates(e *entry) []int32 {
	var out []int32
	for j, k := range e.keys {
		ps := &ix.blocker.Passes[e.kpass[j]]
		l := ix.blocks[e.kpass[j]][k]
		if len(l) > ix.maxBlock {
			l = l[len(l)-ix.maxBlock:]
		}
		if ps.Unless == nil && ps.Distinct == nil {
			out = append(out, l...)
			continue
		}
		var d uint64
		if ps.Distinct != nil {
			d = ps.Distinct(e.p)
		}
		for _, s := range l {
			c := ix.recs[s].p
			if ps.Distinct != nil && ps.Distinct(c) == d || ps.Unless != nil && ps.Unless(e.p, c) {
				continue
			}
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Explain returns the field-by-field explanation of a new record against a
// record in the index; ok is false if the record is not there. Its prior is
// the one Match scores with (the index-size prior for the starting model), so
// that it adds up to the score Match gave.
func (ix *Index) Explain(p Prepared, recordID int64) (linkage.Explanation, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s, ok := ix.slot[recordID]
	if !ok {
		return linkage.Explanation{}, false
	}
	return ix.explain(p.e.p, ix.recs[s].p), true
}

// explain is Model.Explain with the prior Match scores with. The caller
// holds the lock.
func (ix *Index) explain(a, b *linkage.Prepared) linkage.Explanation {
	ex := ix.model.Explain(a, b)
	if shift := ix.priorShift(); shift != 0 {
		ex.Prior += shift
		ex.Score += shift
		ex.Probability = linkage.Probability(ex.Score)
	}
	return ex
}

// Insert adds a record the caller has just linked to personID: Add with the
// person set.
func (ix *Index) Insert(p Prepared, personID int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot[p.e.id]; ok && p.e.id != 0 {
		ix.setPerson(s, personID)
		return
	}
	p.e.person = personID
	ix.add(p.e)
}
