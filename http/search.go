package http

import (
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/lastseen/lastseen"
)

// SearchServices are the services behind GET /api/v1/search. Server embeds
// it; without a PersonSearcher the route answers 503. Each person found is
// read from the PersonService (CaseServices), so that what the caller sees
// (name, status, records) is the store's current truth, not the index's.
type SearchServices struct {
	PersonSearcher lastseen.PersonSearcher
}

// Search limits.
const (
	SearchDefaultLimit = 10
	SearchMaxLimit     = 50
	searchMinLetters   = 2
	searchMaxLen       = 300
)

func (s *Server) registerSearchRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/v1/search", s.handleSearch)
}

// SearchResult is one person in a search response: only what any role may
// see of a person, cut further by the caller's role.
type SearchResult struct {
	PersonID int64           `json:"person_id"`
	Score    float64         `json:"score"`
	Name     string          `json:"name"`
	Status   lastseen.Status `json:"status"`
	// UnderReview: a report of the person's death waits for a caseworker;
	// Status is then "unknown" for roles that may not see it (lastseen.Redact).
	UnderReview bool           `json:"under_review,omitempty"`
	Records     []SearchRecord `json:"records"`
}

// SearchRecord names one record of a person found.
type SearchRecord struct {
	ID         int64  `json:"id"`
	ExternalID string `json:"external_id,omitempty"`
}

// handleSearch finds persons by name: q (any script, any order), birth_date
// (any precision), place (ranks, never finds alone), limit (1 to 50). Every
// bad parameter is named in one 400.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	actor := lastseen.ActorFromContext(ctx)
	if err := lastseen.Authorize(actor, lastseen.ActionSearch, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	q, err := parseSearch(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if s.PersonSearcher == nil || s.PersonService == nil {
		writeProblem(w, r, Problem{
			Type: problemType(""), Title: http.StatusText(http.StatusServiceUnavailable),
			Status: http.StatusServiceUnavailable, Detail: "Search is not available on this server.",
		})
		return
	}
	hits, err := s.PersonSearcher.SearchPersons(ctx, q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := struct {
		Results []SearchResult `json:"results"`
	}{Results: []SearchResult{}}
	seen := map[int64]bool{}
	for _, h := range hits {
		p, err := s.PersonService.FindPersonByID(ctx, h.PersonID)
		if lastseen.ErrorCode(err) == lastseen.ENOTFOUND {
			continue // gone since the index learnt of it
		} else if err != nil {
			s.Error(w, r, err)
			return
		}
		if len(p.Records) == 0 || seen[p.ID] {
			continue // merged into another person since the index learnt of it
		}
		seen[p.ID] = true
		if err := s.markDeathUnderReview(ctx, p); err != nil {
			s.Error(w, r, err)
			return
		}
		p = redactSearchPerson(actor, p)
		res := SearchResult{PersonID: p.ID, Score: round3(h.Score), Name: p.Name, Status: p.Status,
			UnderReview: p.UnderReview, Records: []SearchRecord{}}
		for _, rec := range p.Records {
			res.Records = append(res.Records, SearchRecord{ID: rec.ID, ExternalID: rec.ExternalID})
		}
		out.Results = append(out.Results, res)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// redactSearchPerson keeps of a person what a search result shows, cut by
// the one redaction point (lastseen.Redact) to what the actor may see: an
// unverified death, for one, is shown only to caseworkers. Submitters are
// left out before, since a result never shows them.
func redactSearchPerson(actor *lastseen.Actor, p *lastseen.Person) *lastseen.Person {
	c := &lastseen.Person{ID: p.ID, Name: p.Name, Status: p.Status, Confidence: p.Confidence,
		AsOf: p.AsOf, Verified: p.Verified, Verification: p.Verification, UnderReview: p.UnderReview}
	for _, rec := range p.Records {
		c.Records = append(c.Records, &lastseen.Record{ID: rec.ID, ExternalID: rec.ExternalID, Claims: rec.Claims})
	}
	out, _ := lastseen.Redact(actor, c)
	return out.(*lastseen.Person)
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }

// parseSearch reads and checks the query parameters, naming every bad one.
func parseSearch(r *http.Request) (lastseen.SearchQuery, error) {
	var p lastseen.Problems
	v := r.URL.Query()
	q := lastseen.SearchQuery{Name: strings.TrimSpace(v.Get("q")), Place: strings.TrimSpace(v.Get("place")), Limit: SearchDefaultLimit}
	switch letters := countLetters(q.Name); {
	case q.Name == "" && q.Place != "":
		p.Add("place", "searching by place alone is refused: it would expose people, not find them; give a name in q")
	case q.Name == "":
		p.Add("q", "is required: the name of the person sought, in any script and order")
	case len(q.Name) > searchMaxLen:
		p.Add("q", "is longer than %d bytes", searchMaxLen)
	case letters < searchMinLetters:
		p.Add("q", "is too short: give at least %d letters of a name", searchMinLetters)
	}
	if s := v.Get("birth_date"); s != "" {
		d, err := lastseen.ParseDate(s)
		if err != nil {
			p.Add("birth_date", "%s", err.Error())
		}
		q.BirthDate = d
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > SearchMaxLimit {
			p.Add("limit", "%q is not a whole number from 1 to %d", s, SearchMaxLimit)
		}
		q.Limit = n
	}
	if len(q.Place) > 1000 {
		p.Add("place", "is longer than 1000 bytes")
	}
	return q, p.Err()
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
