package http

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/lastseen/lastseen"
)

// CaseServices are the services behind inquiries, the review queue,
// judgements, verifications, persons and sign-in. Server embeds it.
type CaseServices struct {
	InquiryService lastseen.InquiryService
	CaseService    lastseen.CaseService
	// PersonService and JudgementService read a person's history of links
	// and judgements.
	PersonService    lastseen.PersonService
	JudgementService lastseen.JudgementService
	UserService      lastseen.UserService
	APIKeyService    lastseen.APIKeyService
	// AccessAuditor writes every read of protected data to the audit trail
	// before the response leaves; without one, such a read is refused.
	AccessAuditor lastseen.AccessAuditor
	// Linker matches a new inquiry's description against everything known
	// at once; nil leaves it unmatched until a caseworker links it.
	Linker lastseen.Linker
}

func (s *Server) registerCaseRoutes(mux *http.ServeMux) {
	s.registerAuthRoutes(mux)
	s.registerInquiryRoutes(mux)
	s.registerReviewRoutes(mux)
	s.registerPersonRoutes(mux)
}

// respond cuts v to what the actor may see (lastseen.Redact) and writes it
// with writeAudited.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, status int, v any) {
	out, reads := lastseen.Redact(lastseen.ActorFromContext(r.Context()), v)
	s.writeAudited(w, r, status, reads, out)
}

// writeAudited writes every read of protected data that Redact let through
// to the audit trail, and only then the body, already redacted. If the audit
// cannot be written, nothing protected leaves: the caller gets a 500.
// writePage writes one page of a list, {key: [...], "total": n}, cut to what
// the caller may see and with its protected reads audited; an empty page is
// [] rather than null, so that clients need no special case.
func writePage[T any](s *Server, w http.ResponseWriter, r *http.Request, key string, items []T, total int) {
	if items == nil {
		items = []T{}
	}
	out, reads := lastseen.Redact(lastseen.ActorFromContext(r.Context()), items)
	s.writeAudited(w, r, http.StatusOK, reads, map[string]any{key: out, "total": total})
}

func (s *Server) writeAudited(w http.ResponseWriter, r *http.Request, status int, reads []lastseen.ProtectedRead, body any) {
	if len(reads) > 0 {
		if s.AccessAuditor == nil {
			s.Error(w, r, fmt.Errorf("protected read of %s with no audit trail configured", reads[0].Subject))
			return
		}
		if err := s.AccessAuditor.AuditReads(r.Context(), reads); err != nil {
			s.Error(w, r, fmt.Errorf("audit protected read: %w", err))
			return
		}
	}
	s.writeJSON(w, r, status, body)
}

// pathID reads the path value name as a positive id; what is not one is a
// 404 naming the value, since no such resource can exist.
func pathID(r *http.Request, name, what string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, &lastseen.Error{Code: lastseen.ENOTFOUND, Message: what + " not found.",
			Fields: []lastseen.FieldError{{Field: name, Message: fmt.Sprintf("%q is not an id", r.PathValue(name))}}}
	}
	return id, nil
}

// page reads limit and offset from the query: limit 1 to 500 (50 when not
// given), offset ≥ 0.
func page(r *http.Request, p *lastseen.Problems) (limit, offset int) {
	limit = 50
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			p.Add("limit", "%q is not a number from 1 to 500", v)
		} else {
			limit = n
		}
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			p.Add("offset", "%q is not a number of at least 0", v)
		} else {
			offset = n
		}
	}
	return limit, offset
}

// decodeBody reads a JSON object body and hands each member to fn, which
// returns false for an unknown member. Problems are collected in p.
func decodeBody(w http.ResponseWriter, r *http.Request, p *lastseen.Problems, fn func(f fields, m member) bool) error {
	limitBody(w, r, MaxJSONBody)
	body, err := readBody(r)
	if err != nil {
		return err
	}
	ms, perr := parseObject(body, "")
	if perr != nil {
		*p = append(*p, *perr)
		return nil
	}
	f := fields{p: p}
	for _, m := range ms {
		if !fn(f, m) {
			f.unknown(m.name)
		}
	}
	return nil
}
