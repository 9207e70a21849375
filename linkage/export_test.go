package linkage

import (
	"testing"

	"github.com/lastseen/lastseen/synth"
)

// Generated prepares the records of a generated population, as an import
// would store them (synth.Record.Domain): for the internal tests and, being
// exported here, the external ones.
func Generated(t testing.TB, people int, seed int64) []*Prepared {
	t.Helper()
	p := NewPreparer(0)
	var rs []*Prepared
	err := synth.Generate(synth.DefaultConfig(people, seed), func(r *synth.Record) error {
		if rec := r.Domain(0); rec != nil {
			rs = append(rs, p.Prepare(r.ID, rec, nil))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	p.Finalize(rs)
	return rs
}

// SortOrder is sortOrder, the order of an oversize block, for the external
// tests' reference blocking.
var SortOrder = sortOrder
