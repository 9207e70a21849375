package lastseen

import "time"

// Estimate is an attributed aggregate claim ("37,870 soldiers of side X dead
// since 24 Feb, per the Ministry of Defence of Y, as of date Z"). Estimates form
// a time series per source and are shown beside the registry's own verified
// counts, never mixed into them.
type Estimate struct {
	ID        int64       `json:"id"`
	SourceID  int64       `json:"source_id"`
	Side      string      `json:"side"`
	Status    Status      `json:"status"`
	Count     int64       `json:"count"`
	Since     PartialDate `json:"since,omitzero"`
	AsOf      PartialDate `json:"as_of"`
	Note      string      `json:"note,omitempty"`
	CreatedAt time.Time   `json:"created_at"`
}
