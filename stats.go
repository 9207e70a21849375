package lastseen

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The registry's own counts: persons by derived status, side and month,
// shown beside the estimates that sources publish, never mixed with them.
//
// What is counted: every person with at least one current record, under its
// derived status (DeriveStatus), its side, and the month of its as-of date
// (the date of the status: of the death, the capture, the last sighting).
// Verified counts the persons whose status a caseworker has verified: that
// is the registry's verified count; Persons adds the statuses derived from
// credible claims alone. A person whose as-of date is known only to the
// year is counted under the year ("2023"), one without a date under "".
//
// What a caller sees is cut to its role, as everything else (see CutStats):
//   - A death no caseworker has verified is counted for the public as
//     "unknown", as the person page shows it (Redact): the public death count
//     is the verified one. So is a person whose unverified status is a claim
//     of life while a report of his death awaits a caseworker (UnderReview).
//   - Counts of small groups are coarsened so that they do not identify
//     people (Coarsen): 1 to 9 is shown as "<10", and larger counts are
//     rounded to the nearest 5. Totals are computed from the exact counts and
//     then coarsened, not added up from coarsened cells. Caseworkers and
//     admins see exact counts.
//
// The rule limits what one answer tells about a small group; it is not a
// formal disclosure guarantee. Answers compared over time still show a count
// moving by a step of five, and narrow filters make small cells, which is
// why they come out as "<10" rather than as a rounded number.

// StatsFilter selects what is counted; zero fields match everything.
// From and To bound the as-of month (inclusive, at month precision; a
// year-only bucket is kept when its year overlaps the range, an undated one
// only without a range).
type StatsFilter struct {
	Side string
	From PartialDate
	To   PartialDate
}

// StatsCell is one exact count: the persons of a side with a derived status
// whose as-of date falls in Month ("2023-05"; "2023" for a date known only
// to the year; "" when undated).
type StatsCell struct {
	Side     string `json:"side"`
	Status   Status `json:"status"`
	Month    string `json:"month"`
	Persons  int64  `json:"persons"`
	Verified int64  `json:"verified"` // of Persons, those whose status a caseworker verified
	// UnderReview counts, of Persons, those not verified with a report of
	// death awaiting a caseworker (Person.UnderReview): the public counts
	// them as unknown, as the person page shows them.
	UnderReview int64 `json:"under_review"`
}

// StatsService counts the registry's persons.
type StatsService interface {
	// CountPersons returns exact counts, one cell per side, status and
	// month that has persons, ordered by side, status and month.
	CountPersons(ctx context.Context, f StatsFilter) ([]StatsCell, error)
}

// The coarsening rule for public counts.
const (
	CoarsenBelow = 10 // counts from 1 to CoarsenBelow-1 are shown as "<10"
	CoarsenStep  = 5  // larger counts are rounded to the nearest multiple
)

// Count is a count as a caller may see it: exact, rounded, or only known to
// be below a threshold. It is written to JSON as a number, or as the string
// "<10" when Below is set.
type Count struct {
	N     int64 // the count, rounded when coarsened; 0 when Below is set
	Below int64 // when > 0: the count is between 1 and Below-1
}

// Coarsen applies the public rule to an exact count n: 0 stays 0 (nobody is
// identified by an empty cell), 1 to CoarsenBelow-1 becomes "<10", and the
// rest is rounded to the nearest CoarsenStep, halves up, which never takes it
// below CoarsenBelow.
func Coarsen(n int64) Count {
	switch {
	case n <= 0:
		return Count{}
	case n < CoarsenBelow:
		return Count{Below: CoarsenBelow}
	}
	return Count{N: int64(math.Floor(float64(n)/CoarsenStep+0.5)) * CoarsenStep}
}

// String is the count as shown: "15", "<10".
func (c Count) String() string {
	if c.Below > 0 {
		return "<" + strconv.FormatInt(c.Below, 10)
	}
	return strconv.FormatInt(c.N, 10)
}

// MarshalJSON writes a number, or "<10" as a string.
func (c Count) MarshalJSON() ([]byte, error) {
	if c.Below > 0 {
		return []byte(`"<` + strconv.FormatInt(c.Below, 10) + `"`), nil
	}
	return []byte(strconv.FormatInt(c.N, 10)), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *Count) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		rest, ok := strings.CutPrefix(s, "<")
		below, err := strconv.ParseInt(rest, 10, 64)
		if !ok || err != nil || below <= 0 {
			return fmt.Errorf("count %q is neither a number nor \"<N\"", s)
		}
		*c = Count{Below: below}
		return nil
	}
	var n int64
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("count %s is neither a number nor \"<N\"", b)
	}
	*c = Count{N: n}
	return nil
}

// Stats is what GET /api/v1/stats answers: the registry's counts as the
// caller may see them, beside the latest estimate of each source.
type Stats struct {
	Side string      `json:"side,omitempty"`
	From PartialDate `json:"from,omitzero"`
	To   PartialDate `json:"to,omitzero"`

	// Exact is set when the counts are exact (caseworkers); else
	// Coarsening says how they were coarsened.
	Exact      bool   `json:"exact"`
	Coarsening string `json:"coarsening,omitempty"`

	Total    StatsCount   `json:"total"`
	ByStatus []StatsCount `json:"by_status"` // per side and status, over every month
	ByMonth  []StatsCount `json:"by_month"`  // per side, status and month

	// Estimates are the latest estimate of each source, side and status,
	// as of To or earlier, for the same side.
	Estimates []*Estimate `json:"estimates"`
}

// StatsCount is a count of persons and of the verified among them.
type StatsCount struct {
	Side     string `json:"side,omitempty"`
	Status   string `json:"status,omitempty"` // "unknown" when nothing is known
	Month    string `json:"month,omitempty"`
	Persons  Count  `json:"persons"`
	Verified Count  `json:"verified"`
}

// CoarseningRule describes Coarsen in the response, for whoever reads the
// numbers.
var CoarseningRule = fmt.Sprintf("counts from 1 to %d are shown as \"<%d\"; larger counts are rounded to the nearest %d; totals are coarsened from the exact sums; deaths not verified by a caseworker, and persons whose status waits for a caseworker to look at a report of their death, are counted as unknown",
	CoarsenBelow-1, CoarsenBelow, CoarsenStep)

// CutStats builds the answer from exact counts: exact for a caller who may
// see exact counts and unverified deaths (caseworkers, admins: the policy
// decides), else with unverified deaths and persons under review counted as
// unknown and every count coarsened.
func CutStats(exact bool, f StatsFilter, cells []StatsCell, estimates []*Estimate) *Stats {
	st := &Stats{Side: f.Side, From: f.From, To: f.To, Exact: exact, Estimates: estimates}
	if st.Estimates == nil {
		st.Estimates = []*Estimate{}
	}
	if !exact {
		st.Coarsening = CoarseningRule
		cells = countUnverifiedDeathsAsUnknown(cells)
	}
	count := func(n int64) Count {
		if exact {
			return Count{N: n}
		}
		return Coarsen(n)
	}
	type key struct{ side, status, month string }
	var total [2]int64
	byStatus := map[key]*[2]int64{}
	var statusKeys []key
	for _, c := range cells {
		total[0] += c.Persons
		total[1] += c.Verified
		k := key{c.Side, statusLabel(c.Status), ""}
		if byStatus[k] == nil {
			byStatus[k] = &[2]int64{}
			statusKeys = append(statusKeys, k)
		}
		byStatus[k][0] += c.Persons
		byStatus[k][1] += c.Verified
		st.ByMonth = append(st.ByMonth, StatsCount{Side: c.Side, Status: statusLabel(c.Status), Month: c.Month,
			Persons: count(c.Persons), Verified: count(c.Verified)})
	}
	sort.SliceStable(st.ByMonth, func(i, j int) bool {
		a, b := st.ByMonth[i], st.ByMonth[j]
		if a.Side != b.Side {
			return a.Side < b.Side
		}
		if a.Status != b.Status {
			return a.Status < b.Status
		}
		return a.Month < b.Month
	})
	st.Total = StatsCount{Persons: count(total[0]), Verified: count(total[1])}
	sort.Slice(statusKeys, func(i, j int) bool {
		if statusKeys[i].side != statusKeys[j].side {
			return statusKeys[i].side < statusKeys[j].side
		}
		return statusKeys[i].status < statusKeys[j].status
	})
	st.ByStatus = []StatsCount{}
	for _, k := range statusKeys {
		n := byStatus[k]
		st.ByStatus = append(st.ByStatus, StatsCount{Side: k.side, Status: k.status, Persons: count(n[0]), Verified: count(n[1])})
	}
	if st.ByMonth == nil {
		st.ByMonth = []StatsCount{}
	}
	return st
}

// countUnverifiedDeathsAsUnknown moves the unverified part of every death
// count, and the persons under review of every other count, to the unknown
// status of the same side and month, merging cells.
func countUnverifiedDeathsAsUnknown(cells []StatsCell) []StatsCell {
	type key struct {
		side, month string
		status      Status
	}
	out := make([]StatsCell, 0, len(cells))
	index := map[key]int{}
	add := func(c StatsCell) {
		k := key{c.Side, c.Month, c.Status}
		if i, ok := index[k]; ok {
			out[i].Persons += c.Persons
			out[i].Verified += c.Verified
			return
		}
		index[k] = len(out)
		out = append(out, c)
	}
	for _, c := range cells {
		hide := c.UnderReview
		if c.Status == StatusDead {
			hide = c.Persons - c.Verified
		}
		if c.Status != StatusUnknown && hide > 0 {
			add(StatsCell{Side: c.Side, Status: StatusUnknown, Month: c.Month, Persons: hide})
			c.Persons -= hide
			if c.Persons == 0 {
				continue
			}
		}
		c.UnderReview = 0
		add(c)
	}
	return out
}

func statusLabel(s Status) string {
	if s == StatusUnknown {
		return "unknown"
	}
	return string(s)
}
