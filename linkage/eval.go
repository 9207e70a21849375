package linkage

// Metrics are pairwise precision, recall and F1 of a clustering against the
// truth: a pair of records counts as predicted when both are in one cluster
// and as true when both belong to one entity.
type Metrics struct {
	Predicted int64   `json:"predicted_pairs"`
	True      int64   `json:"true_pairs"`
	Correct   int64   `json:"correct_pairs"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Evaluate counts pairs without enumerating them: each group of k records
// holds k(k-1)/2 pairs, and the correct pairs are those of the groups formed
// by cluster and entity together. pred[i] and truth[i] are record i's
// cluster and entity.
func Evaluate[P, T comparable](pred []P, truth []T) Metrics {
	pairs := func(k int64) int64 { return k * (k - 1) / 2 }
	type both struct {
		p P
		t T
	}
	cp, ct, cb := map[P]int64{}, map[T]int64{}, map[both]int64{}
	for i := range pred {
		cp[pred[i]]++
		ct[truth[i]]++
		cb[both{pred[i], truth[i]}]++
	}
	var m Metrics
	for _, k := range cp {
		m.Predicted += pairs(k)
	}
	for _, k := range ct {
		m.True += pairs(k)
	}
	for _, k := range cb {
		m.Correct += pairs(k)
	}
	if m.Predicted > 0 {
		m.Precision = float64(m.Correct) / float64(m.Predicted)
	}
	if m.True > 0 {
		m.Recall = float64(m.Correct) / float64(m.True)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m
}
