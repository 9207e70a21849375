package lastseen

// ReviewCase is a review item as a caseworker sees it: the question, both
// records in full (redacted as the caseworker may see them), and, through the
// item, the per-field explanation of the score.
type ReviewCase struct {
	ReviewItem
	A *Record `json:"a"`
	B *Record `json:"b"`
}

// Validate checks a judgement before it is stored.
func (j *Judgement) Validate() error {
	var p Problems
	if j.RecordA <= 0 {
		p.Add("record_a", "is required: the id of a record")
	}
	if j.RecordB <= 0 {
		p.Add("record_b", "is required: the id of a record")
	} else if j.RecordB == j.RecordA {
		p.Add("record_b", "is the same record as record_a")
	}
	switch j.Verdict {
	case VerdictSame, VerdictNotSame, VerdictUnsure:
	default:
		p.Add("verdict", "%q is not a verdict: use \"same\", \"not_same\" or \"unsure\"", j.Verdict)
	}
	checkText("note", j.Note, maxTextLen, &p)
	return p.Err()
}
