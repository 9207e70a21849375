package http

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/lastseen/lastseen"
)

// codes maps each application error code to its HTTP status. It is the only
// place that does so.
var codes = map[string]int{
	lastseen.EINVALID:      http.StatusBadRequest,
	lastseen.EUNAUTHORIZED: http.StatusUnauthorized,
	lastseen.EFORBIDDEN:    http.StatusForbidden,
	lastseen.ENOTFOUND:     http.StatusNotFound,
	lastseen.ECONFLICT:     http.StatusConflict,
	lastseen.EINTERNAL:     http.StatusInternalServerError,
}

// ErrorStatusCode returns the HTTP status for an application error code.
func ErrorStatusCode(code string) int {
	if v, ok := codes[code]; ok {
		return v
	}
	return http.StatusInternalServerError
}

// Problem is an RFC 9457 problem details object, the body of every error
// response. Errors lists every offending field of an invalid request.
type Problem struct {
	Type      string                `json:"type"`
	Title     string                `json:"title"`
	Status    int                   `json:"status"`
	Detail    string                `json:"detail,omitempty"`
	Instance  string                `json:"instance,omitempty"`
	Code      string                `json:"code,omitempty"`
	RequestID string                `json:"request_id,omitempty"`
	Errors    []lastseen.FieldError `json:"errors,omitempty"`
}

// problemType names the kind of problem. RFC 9457 allows a URI that is not
// meant to be dereferenced; a URN says so plainly.
func problemType(code string) string {
	if code == "" {
		return "about:blank"
	}
	return "urn:lastseen:problem:" + code
}

// Error writes err as an application/problem+json response. Internal errors
// are logged with the request id and shown to the caller only as "Internal
// error.", so that no SQL or stack detail leaks.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	code, status := lastseen.ErrorCode(err), 0
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		code, status = lastseen.EINVALID, http.StatusRequestEntityTooLarge
		err = lastseen.Errorf(lastseen.EINVALID, "The request body is larger than %d bytes.", tooBig.Limit)
	default:
		status = ErrorStatusCode(code)
	}
	detail := lastseen.ErrorMessage(err)
	if code == lastseen.EINTERNAL {
		detail = "Internal error."
		s.logger().ErrorContext(r.Context(), "internal error", "err", err,
			"method", r.Method, "path", logPath(r), "request_id", RequestIDFromContext(r.Context()))
	}
	writeProblem(w, r, Problem{
		Type:   problemType(code),
		Title:  http.StatusText(status),
		Status: status,
		Detail: detail,
		Code:   code,
		Errors: lastseen.ErrorFields(err),
	})
}

// writeProblem fills in the instance and request id and writes p.
func writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	p.Instance = r.URL.Path
	p.RequestID = RequestIDFromContext(r.Context())
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	if err := json.NewEncoder(w).Encode(p); err != nil {
		slog.Default().DebugContext(r.Context(), "writing problem", "err", err)
	}
}

// writeJSON writes v as a JSON response with the status.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.logger().DebugContext(r.Context(), "writing response", "err", err)
	}
}
