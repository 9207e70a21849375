package http

import (
	"net/http"

	"github.com/lastseen/lastseen"
)

func (s *Server) registerSystemRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", s.handleHealthz)
	mux.Handle("GET /metrics", s.metrics.handler())
}

// handleHealthz answers "ok" while the server can do its work, else a 503
// problem.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	if s.HealthCheck != nil {
		if err := s.HealthCheck(r.Context()); err != nil {
			s.logger().ErrorContext(r.Context(), "health check", "err", err)
			writeProblem(w, r, Problem{
				Type: problemType(lastseen.EINTERNAL), Title: http.StatusText(http.StatusServiceUnavailable),
				Status: http.StatusServiceUnavailable, Detail: "The database does not answer.", Code: lastseen.EINTERNAL,
			})
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}
