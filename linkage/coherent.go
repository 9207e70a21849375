package linkage

// Coherent reports whether two groups of records could be one person's, as
// Cluster judges a merge of two clusters (opt's MeanCross, MinCross, MaxCross,
// Link and Across, the contradiction vote and Conflict). The incremental
// index asks it of two persons it holds, so that a second look merges, and
// the attach rule weighs rivals, as batch clustering does.
func Coherent(m *Model, a, b []*Prepared, opt ClusterOptions) bool {
	rs := make([]*Prepared, 0, len(a)+len(b))
	rs = append(append(rs, a...), b...)
	ia, ib := make([]int32, len(a)), make([]int32, len(b))
	for i := range ia {
		ia[i] = int32(i)
	}
	for i := range ib {
		ib[i] = int32(len(a) + i)
	}
	return coherent(rs, m, ia, ib, opt) == mergeOK
}
