package lastseen

import "context"

// SearchQuery asks for the persons a name may describe: the name in any
// script and order, perhaps with a birth date at any precision and a place.
type SearchQuery struct {
	Name      string
	BirthDate PartialDate
	// Place ranks persons born there higher. It never finds anyone alone:
	// a search by place would expose people, not find them.
	Place string
	Limit int
}

// SearchHit is one person a search found: its score in [0,1] and the ids of
// its records that matched, best first.
type SearchHit struct {
	PersonID  int64
	Score     float64
	RecordIDs []int64
}

// PersonSearcher finds persons by name, best first.
type PersonSearcher interface {
	SearchPersons(ctx context.Context, q SearchQuery) ([]SearchHit, error)
}
