// Package http serves lastseen's JSON API over HTTP. It adapts the domain's
// services to HTTP and knows nothing of storage: cmd/lastseen sets the
// services on a Server and opens it.
package http

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/lastseen/lastseen"
)

// Limits on what a request may cost.
const (
	// MaxJSONBody is the largest JSON request body accepted; larger bodies get
	// a 413 problem.
	MaxJSONBody = 1 << 20

	// ShutdownTimeout bounds how long Close waits for requests in flight.
	ShutdownTimeout = 10 * time.Second
)

// Server is the HTTP server of the JSON API. Set the services before Open;
// handlers read them at request time.
type Server struct {
	ln     net.Listener
	server *http.Server
	mux    *http.ServeMux

	// Addr is the address to listen on ("127.0.0.1:8080"; port 0 picks a free
	// port, which Addr then holds after Open).
	Addr string

	// Logger receives the request log and internal errors; slog.Default()
	// when nil.
	Logger *slog.Logger

	// HealthCheck reports whether the server can do its work (the database
	// answers); GET /healthz calls it. Nil means always healthy.
	HealthCheck func(context.Context) error

	RecordService lastseen.RecordService
	SourceService lastseen.SourceService
	CaseServices  // inquiries, review, judgements, verifications, persons, sign-in (cases.go)
	StatsServices // estimates and counts (stats.go)

	SearchServices // GET /api/v1/search (search.go)

	metrics *metrics
}

// NewServer returns a server with every route registered.
func NewServer() *Server {
	s := &Server{mux: http.NewServeMux(), metrics: newMetrics()}
	s.server = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // list uploads may be large
		IdleTimeout:       2 * time.Minute,
	}
	s.registerRoutes(s.mux)
	return s
}

// registerRoutes registers every route. Each resource registers its own
// routes from its own file: one line here per resource.
func (s *Server) registerRoutes(mux *http.ServeMux) {
	s.registerSystemRoutes(mux)
	s.registerRecordRoutes(mux)
	s.registerCaseRoutes(mux)
	s.registerStatsRoutes(mux)
	s.registerSearchRoutes(mux)
}

// Open starts listening on Addr and serves in the background. After Open,
// Addr holds the actual address.
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return err
	}
	s.ln = ln
	s.Addr = ln.Addr().String()
	s.server.ErrorLog = slog.NewLogLogger(s.logger().Handler(), slog.LevelWarn)
	go func() {
		if err := s.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.logger().Error("serve", "err", err)
		}
	}()
	return nil
}

// Shutdown stops accepting connections and waits for requests in flight until
// ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.server.Shutdown(ctx)
}

// Close shuts the server down, waiting up to ShutdownTimeout for requests in
// flight.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	return s.Shutdown(ctx)
}

// URL returns the base URL of the open server.
func (s *Server) URL() string { return "http://" + s.Addr }

// ServeHTTP serves a request through the middleware and the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r)
}

func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}
