package http_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
)

// records is an in-memory RecordService for testing the HTTP layer alone;
// the storage suite tests the real one on both databases.
type records struct {
	mu      sync.Mutex
	byID    map[int64]*lastseen.Record
	sources map[int64]*lastseen.Source
	err     error // returned by every method when set
	panic   bool
}

func newRecords() *records {
	return &records{byID: map[int64]*lastseen.Record{}, sources: map[int64]*lastseen.Source{
		7: {ID: 7, Kind: lastseen.SourceOfficial, Name: "List 7"},
	}}
}

func (s *records) CreateRecord(ctx context.Context, r *lastseen.Record) error {
	if s.panic {
		panic("storage exploded")
	}
	if s.err != nil {
		return s.err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.SourceID != 0 {
		src, ok := s.sources[r.SourceID]
		if !ok {
			return lastseen.Errorf(lastseen.ENOTFOUND, "Source %d not found.", r.SourceID)
		}
		r.Source = src
	} else {
		r.Source.ID = int64(100 + len(s.sources))
		s.sources[r.Source.ID] = r.Source
		r.SourceID = r.Source.ID
	}
	r.ID = int64(len(s.byID) + 1)
	r.ReceivedAt = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for i, c := range r.Claims {
		c.ID, c.RecordID = int64(i+1), r.ID
	}
	cp := *r
	s.byID[r.ID] = &cp
	return nil
}

func (s *records) ImportRecords(ctx context.Context, sourceID int64, rs []*lastseen.Record) (lastseen.ImportResult, error) {
	return lastseen.ImportResult{}, errors.New("not used")
}

func (s *records) FindRecordByID(ctx context.Context, id int64) (*lastseen.Record, error) {
	if s.err != nil {
		return nil, s.err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.byID[id]
	if !ok {
		return nil, lastseen.Errorf(lastseen.ENOTFOUND, "Record %d not found.", id)
	}
	cp := *r
	return &cp, nil
}

func (s *records) FindRecords(ctx context.Context, f lastseen.RecordFilter) ([]*lastseen.Record, int, error) {
	return nil, 0, errors.New("not used")
}

func newServer(t *testing.T) (*lshttp.Server, *records) {
	t.Helper()
	s := lshttp.NewServer()
	s.Logger = newTestLogger(t)
	svc := newRecords()
	s.RecordService = svc
	return s, svc
}

// do serves one request and returns the response with its body read.
func do(t *testing.T, h http.Handler, method, path, contentType, body string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	resp := w.Result()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func decodeProblem(t *testing.T, resp *http.Response, body string) lshttp.Problem {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json; body %s", ct, body)
	}
	var p lshttp.Problem
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("problem body: %v: %s", err, body)
	}
	if p.Status != resp.StatusCode || p.Type == "" || p.Title == "" {
		t.Fatalf("incomplete problem for status %d: %+v", resp.StatusCode, p)
	}
	return p
}

func TestServer_Healthz(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		s, _ := newServer(t)
		resp, body := do(t, s, "GET", "/healthz", "", "")
		if resp.StatusCode != 200 || body != "ok\n" {
			t.Fatalf("got %d %q", resp.StatusCode, body)
		}
	})
	t.Run("ErrDatabaseDown", func(t *testing.T) {
		s, _ := newServer(t)
		s.HealthCheck = func(context.Context) error { return errors.New("connection refused") }
		resp, body := do(t, s, "GET", "/healthz", "", "")
		p := decodeProblem(t, resp, body)
		if resp.StatusCode != 503 || strings.Contains(body, "refused") {
			t.Fatalf("got %d %+v", resp.StatusCode, p)
		}
	})
}

func TestServer_Routes(t *testing.T) {
	s, _ := newServer(t)
	t.Run("ErrNotFound", func(t *testing.T) {
		resp, body := do(t, s, "GET", "/api/v1/nothing", "", "")
		if p := decodeProblem(t, resp, body); p.Status != 404 || p.Code != lastseen.ENOTFOUND {
			t.Fatalf("got %+v", p)
		}
	})
	t.Run("ErrMethodNotAllowed", func(t *testing.T) {
		resp, body := do(t, s, "DELETE", "/api/v1/records/1", "", "")
		decodeProblem(t, resp, body)
		if resp.StatusCode != 405 || !strings.Contains(resp.Header.Get("Allow"), "GET") {
			t.Fatalf("got %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
		}
	})
	t.Run("RequestID", func(t *testing.T) {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Header.Set("X-Request-ID", "abc-123")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if got := w.Header().Get("X-Request-ID"); got != "abc-123" {
			t.Fatalf("X-Request-ID = %q", got)
		}
		req.Header.Set("X-Request-ID", "evil\nheader")
		w = httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if got := w.Header().Get("X-Request-ID"); got == "" || strings.Contains(got, "evil") {
			t.Fatalf("X-Request-ID = %q, want a fresh id", got)
		}
	})
}

func TestServer_Metrics(t *testing.T) {
	s, _ := newServer(t)
	if resp, body := do(t, s, "POST", "/api/v1/records", "application/json", validBody); resp.StatusCode != 201 {
		t.Fatalf("create: %d %s", resp.StatusCode, body)
	}
	do(t, s, "GET", "/api/v1/records/99", "", "")
	resp, body := do(t, s, "GET", "/metrics", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	for _, want := range []string{
		`lastseen_http_requests_total{code="201",route="POST /api/v1/records"} 1`,
		`lastseen_http_requests_total{code="404",route="GET /api/v1/records/{id}"} 1`,
		`lastseen_http_request_duration_seconds_count{route="POST /api/v1/records"} 1`,
		"lastseen_records_created_total 1",
		"go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestServer_Recover(t *testing.T) {
	s, svc := newServer(t)
	svc.panic = true
	resp, body := do(t, s, "POST", "/api/v1/records", "application/json", validBody)
	p := decodeProblem(t, resp, body)
	if resp.StatusCode != 500 || p.Detail != "Internal error." || strings.Contains(body, "exploded") {
		t.Fatalf("got %d %s", resp.StatusCode, body)
	}
}

func TestServer_Open(t *testing.T) {
	s, _ := newServer(t)
	s.Addr = "127.0.0.1:0"
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	resp, err := http.Get(s.URL() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(s.URL() + "/healthz"); err == nil {
		t.Fatal("server still answers after Close")
	}
}
