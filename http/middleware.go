package http

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/lastseen/lastseen"
)

// serve wraps every request: a request id, the actor, panic recovery, the
// request log and the metrics. It is one function so the order is plain.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := r.Header.Get("X-Request-ID")
	if !validRequestID(id) {
		id = randomToken(8)
	}
	w.Header().Set("X-Request-ID", id)
	ctx := context.WithValue(r.Context(), requestIDKey{}, id)
	actor, authErr := s.authenticate(r) // auth.go
	ctx = lastseen.NewContextWithActor(ctx, actor)
	r = r.WithContext(ctx)
	rec := &statusRecorder{ResponseWriter: w}

	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logger().ErrorContext(ctx, "panic", "value", fmt.Sprint(v), "request_id", id,
				"method", r.Method, "path", logPath(r), "stack", string(debug.Stack()))
			if rec.status == 0 {
				s.Error(rec, r, lastseen.Errorf(lastseen.EINTERNAL, "panic: %v", v))
			}
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		elapsed := time.Since(start)
		s.metrics.observe(route, status, elapsed)
		level := slog.LevelInfo
		if route == "GET /healthz" || route == "GET /metrics" {
			level = slog.LevelDebug
		}
		s.logger().Log(ctx, level, "request", "method", r.Method, "path", logPath(r), "route", route,
			"status", status, "bytes", rec.bytes, "duration", elapsed, "request_id", id)
	}()

	// The mux answers an unknown path or method in plain text; answer with a
	// problem instead, keeping its status and Allow header.
	if _, pattern := s.mux.Handler(r); pattern == "" {
		probe := &probeWriter{header: http.Header{}}
		s.mux.ServeHTTP(probe, r)
		if allow := probe.header.Get("Allow"); allow != "" {
			rec.Header().Set("Allow", allow)
		}
		if probe.status >= 400 {
			code := lastseen.ENOTFOUND
			if probe.status != http.StatusNotFound {
				code = ""
			}
			writeProblem(rec, r, Problem{
				Type: problemType(code), Title: http.StatusText(probe.status), Status: probe.status,
				Detail: fmt.Sprintf("No route for %s %s.", r.Method, r.URL.Path), Code: code,
			})
			return
		}
	}
	if authErr != nil {
		s.Error(rec, r, authErr)
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// limitBody caps the request body at n bytes; reading past it fails with an
// *http.MaxBytesError, which Error turns into a 413.
func limitBody(w http.ResponseWriter, r *http.Request, n int64) {
	r.Body = http.MaxBytesReader(w, r.Body, n)
}

type requestIDKey struct{}

// RequestIDFromContext returns the id of the request being served, "" outside one.
func RequestIDFromContext(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// validRequestID accepts a caller's request id only if it is short and plain,
// so it cannot inject anything into logs or headers.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// randomToken returns n random bytes in hex.
func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand documents it)
	return hex.EncodeToString(b)
}

// statusRecorder remembers the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// probeWriter captures what the mux would answer for an unmatched request.
type probeWriter struct {
	header http.Header
	status int
}

func (w *probeWriter) Header() http.Header { return w.header }
func (w *probeWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}
func (w *probeWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return len(b), nil
}
