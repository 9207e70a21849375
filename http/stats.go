package http

import (
	"net/http"
	"time"

	"github.com/lastseen/lastseen"
)

// StatsServices are the services behind /api/v1/stats and /api/v1/estimates.
type StatsServices struct {
	EstimateService lastseen.EstimateService
	StatsService    lastseen.StatsService
}

func (s *Server) registerStatsRoutes(mux *http.ServeMux) {
	s.registerEstimateRoutes(mux)
	mux.HandleFunc("GET /api/v1/stats", s.handleStats)
}

// handleStats returns the registry's own counts of persons by side, derived
// status and month, beside the latest estimate of each source for the same
// side, as of the end of the range: ?side=&from=&to= (dates as YYYY-MM,
// YYYY or YYYY-MM-DD). Public; the public sees coarsened counts in which
// deaths not verified by a caseworker count as unknown (lastseen.CutStats),
// caseworkers and admins see exact counts.
func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var p lastseen.Problems
	q := queryParams(r.URL.Query(), &p, "side", "from", "to")
	f := lastseen.StatsFilter{Side: q.side("side"), From: q.date("from"), To: q.date("to")}
	if !f.From.IsZero() && !f.To.IsZero() && !periodEnd(f.To).After(f.From.Start()) {
		p.Add("to", "%s is before from %s", f.To, f.From)
	}
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	cells, err := s.StatsService.CountPersons(ctx, f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	es, err := s.EstimateService.FindEstimates(ctx, lastseen.EstimateFilter{Side: f.Side, To: f.To, Latest: true})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.attachEstimateSources(r, es); err != nil {
		s.Error(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, lastseen.CutStats(lastseen.Can(lastseen.ActorFromContext(ctx), lastseen.ActionStatsExact, nil), f, cells, es))
}

// periodEnd returns the first instant after the period d denotes: the next
// day, month or year.
func periodEnd(d lastseen.PartialDate) time.Time {
	t := d.Start()
	switch d.Precision {
	case lastseen.PrecisionYear:
		return t.AddDate(1, 0, 0)
	case lastseen.PrecisionMonth:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}
