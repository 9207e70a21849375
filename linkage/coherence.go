package linkage

// Vote is the contradiction vote over the cross pairs of a merge of two
// groups of records (two clusters in batch clustering; a candidate person
// and an arriving record in the incremental index): of the pairs whose birth
// dates or patronymics speak to the question, do more speak against one
// person than agree? Average linkage alone lets a record that says only a
// name bridge two records that contradict each other (see evidence), so
// Cluster refuses such a merge and the index does not link such a record;
// both count the vote here, so that `serve` and `import` refuse what `lastseen
// link` refuses.
//
// The zero value is an empty vote. Add every cross pair, then ask Refuses.
type Vote struct {
	Against, Agree int
}

// Add counts one cross pair whose comparison vector (Compare) is c and whose
// score is s; link is the link threshold. A contradicting pair whose other
// fields outweigh it (it scores in the link band: a clerk's wrong date on a
// record that agrees on the rest) does not count against. The caller has
// the vector from scoring the pair (Model.ScoreVector): the vote compares
// nothing again.
func (v *Vote) Add(c *Vector, s, link float64) {
	switch evidence(c) {
	case evidenceAgree:
		v.Agree++
	case evidenceAgainst:
		if s < link {
			v.Against++
		}
	}
}

// Refuses reports whether the vote refuses a merge that would make a group
// of n records: more pairs against than agreeing, and n above 2 (a pair of
// records alone is decided by its score).
func (v Vote) Refuses(n int) bool {
	return v.Against > v.Agree && n > 2
}
