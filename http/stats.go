package http

import (
	"net/http"

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
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
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
	s.writeJSON(w, r, http.StatusOK, lastseen.CutStats(exactStats(lastseen.ActorFromContext(ctx)), f, cells, es))
}

// exactStats says whether the actor sees exact counts and unverified deaths:
// caseworkers and admins.
func exactStats(a *lastseen.Actor) bool {
	return a != nil && (a.Role == lastseen.RoleCaseworker || a.Role == lastseen.RoleAdmin)
}
