package http

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/lastseen/lastseen"
)

func (s *Server) registerEstimateRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/v1/estimates", s.handleCreateEstimate)
	mux.HandleFunc("GET /api/v1/estimates", s.handleListEstimates)
}

// handleCreateEstimate records a source's aggregate figure:
//
//	{"source_id": 3 | "source": {"kind", "name", …}, "side": "ua", "status": "dead",
//	 "count": 37870, "since": "2022-02-24", "as_of": "2024-05-01", "note": "…"}
//
// → 201 with the estimate. Partners, caseworkers and admins only.
func (s *Server) handleCreateEstimate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionEstimateCreate, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	limitBody(w, r, MaxJSONBody)
	body, err := readBody(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	e, src, err := DecodeEstimate(body)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if src != nil {
		if src, err = s.SourceService.FindOrCreateSource(ctx, src); err != nil {
			s.Error(w, r, err)
			return
		}
		e.SourceID = src.ID
	}
	if err := s.EstimateService.CreateEstimate(ctx, e); err != nil {
		s.Error(w, r, err)
		return
	}
	if e.Source, err = s.SourceService.FindSourceByID(ctx, e.SourceID); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/estimates?source_id=%d", e.SourceID))
	s.writeJSON(w, r, http.StatusCreated, e)
}

// DecodeEstimate reads the body of POST /api/v1/estimates. It returns the
// validated estimate and, when the body names its source by kind and name
// instead of source_id, that source (which the caller finds or creates). The
// error is an EINVALID *lastseen.Error that names every offending field.
func DecodeEstimate(body []byte) (*lastseen.Estimate, *lastseen.Source, error) {
	var p lastseen.Problems
	ms, perr := parseObject(body, "")
	if perr != nil {
		p = append(p, *perr)
		return nil, nil, p.Err()
	}
	e := &lastseen.Estimate{}
	var src *lastseen.Source
	f := fields{p: &p}
	var status, since, asOf string
	for _, m := range ms {
		switch m.name {
		case "source_id":
			f.decode(m.name, m.value, &e.SourceID, "an integer")
		case "source":
			src = decodeSource(m.value, &p)
		case "side":
			f.decode(m.name, m.value, &e.Side, "a string")
		case "status":
			f.decode(m.name, m.value, &status, "a string")
		case "count":
			f.decode(m.name, m.value, &e.Count, "an integer")
		case "since":
			f.decode(m.name, m.value, &since, "a string")
		case "as_of":
			f.decode(m.name, m.value, &asOf, "a string")
		case "note":
			f.decode(m.name, m.value, &e.Note, "a string")
		default:
			f.unknown(m.name)
		}
	}
	e.Status = lastseen.Status(status)
	e.Since = parseDate("since", since, &p)
	e.AsOf = parseDate("as_of", asOf, &p)
	switch {
	case e.SourceID != 0 && src != nil:
		p.Add("source", "give either source_id or source, not both")
	case e.SourceID < 0:
		p.Add("source_id", "%d is not a source id", e.SourceID)
	case src != nil:
		src.Validate("source.", &p)
	}
	if err := e.Validate(); err != nil {
		fs := lastseen.ErrorFields(err)
		if src != nil { // the source is named by kind and name instead
			fs = slices.DeleteFunc(fs, func(f lastseen.FieldError) bool { return f.Field == "source_id" })
		}
		addNew(&p, fs)
	}
	if err := p.Err(); err != nil {
		return nil, nil, err
	}
	return e, src, nil
}

// estimateSeries is one source's time series of one side and status.
type estimateSeries struct {
	Source    *lastseen.Source     `json:"source"`
	Side      string               `json:"side"`
	Status    lastseen.Status      `json:"status"`
	Estimates []*lastseen.Estimate `json:"estimates"` // oldest first
}

// handleListEstimates returns the estimates as time series, one per source,
// side and status, each ordered by as-of date:
// ?side=&status=&source_id=&to=&latest=true. Public.
func (s *Server) handleListEstimates(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var p lastseen.Problems
	q := queryParams(r.URL.Query(), &p, "side", "status", "source_id", "to", "latest")
	f := lastseen.EstimateFilter{Side: q.side("side"), Status: q.status("status"),
		SourceID: q.id("source_id"), To: q.date("to"), Latest: q.bool("latest")}
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	es, err := s.EstimateService.FindEstimates(ctx, f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.attachEstimateSources(r, es); err != nil {
		s.Error(w, r, err)
		return
	}
	series := []*estimateSeries{}
	for _, e := range es {
		if n := len(series); n > 0 {
			last := series[n-1]
			if last.Source.ID == e.SourceID && last.Side == e.Side && last.Status == e.Status {
				last.Estimates = append(last.Estimates, e)
				continue
			}
		}
		series = append(series, &estimateSeries{Source: e.Source, Side: e.Side, Status: e.Status, Estimates: []*lastseen.Estimate{e}})
	}
	for _, sr := range series {
		for _, e := range sr.Estimates {
			e.Source = nil // said once per series
		}
	}
	s.writeJSON(w, r, http.StatusOK, struct {
		Series []*estimateSeries `json:"series"`
	}{series})
}

// attachEstimateSources sets the Source of each estimate.
func (s *Server) attachEstimateSources(r *http.Request, es []*lastseen.Estimate) error {
	byID := map[int64]*lastseen.Source{}
	for _, e := range es {
		src, ok := byID[e.SourceID]
		if !ok {
			var err error
			if src, err = s.SourceService.FindSourceByID(r.Context(), e.SourceID); err != nil {
				return err
			}
			byID[e.SourceID] = src
		}
		e.Source = src
	}
	return nil
}

// query reads a request's query parameters, adding a problem naming the
// parameter for every value it cannot read and every parameter it does not
// know, so that a typo ("sid=ua") is not silently ignored.
type query struct {
	v url.Values
	p *lastseen.Problems
}

func queryParams(v url.Values, p *lastseen.Problems, known ...string) query {
	var names []string
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(known, name) {
			p.Add(name, "is not a known parameter (one of %v)", known)
		} else if len(v[name]) > 1 {
			p.Add(name, "is given %d times", len(v[name]))
		}
	}
	return query{v, p}
}

func (q query) side(name string) string {
	s := q.v.Get(name)
	lastseen.ValidateSide(name, s, false, q.p)
	return s
}

func (q query) status(name string) lastseen.Status {
	s := q.v.Get(name)
	if s == "" {
		return ""
	}
	st, ok := lastseen.ParseStatus(s)
	if !ok {
		q.p.Add(name, "%q is not a status (one of %v)", s, lastseen.Statuses)
	}
	return st
}

func (q query) id(name string) int64 {
	s := q.v.Get(name)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		q.p.Add(name, "%q is not an id", s)
		return 0
	}
	return n
}

func (q query) date(name string) lastseen.PartialDate {
	return parseDate(name, q.v.Get(name), q.p)
}

func (q query) bool(name string) bool {
	switch s := q.v.Get(name); s {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	default:
		q.p.Add(name, "%q is not a boolean: use true or false", s)
		return false
	}
}
