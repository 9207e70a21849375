package http

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/lastseen/lastseen"
)

func (s *Server) registerInquiryRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/v1/inquiries", s.handleCreateInquiry)
	mux.HandleFunc("GET /api/v1/inquiries", s.handleListInquiries)
	mux.HandleFunc("GET /api/v1/inquiries/{id}", s.handleGetInquiry)
	mux.HandleFunc("POST /api/v1/inquiries/{id}/close", s.handleCloseInquiry)
	mux.HandleFunc("GET /api/v1/inquiries/follow/{token}", s.handleFollowInquiry)
	mux.HandleFunc("POST /api/v1/inquiries/follow/{token}/close", s.handleFollowClose)
}

// FollowPath is where an inquirer follows an inquiry with its secret token.
const FollowPath = "/api/v1/inquiries/follow/"

// logPath is the request path as logs may keep it: a follow token opens an
// inquiry, so it never goes into a log.
func logPath(r *http.Request) string {
	rest, ok := strings.CutPrefix(r.URL.Path, FollowPath)
	if !ok {
		return r.URL.Path
	}
	_, after, _ := strings.Cut(rest, "/")
	if after != "" {
		after = "/" + after
	}
	return FollowPath + "{token}" + after
}

// createdInquiry is the body of 201 Created for an inquiry: the follow URL
// holds the only copy of the secret there will ever be.
type createdInquiry struct {
	ID        int64                 `json:"id"`
	State     lastseen.InquiryState `json:"state"`
	FollowURL string                `json:"follow_url"`
}

// handleCreateInquiry files a tracing request, then hands its description to
// the Linker, so that a candidate already known is found at once.
func (s *Server) handleCreateInquiry(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionInquiryCreate, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	var p lastseen.Problems
	q := &lastseen.Inquiry{}
	personGiven := false
	err := decodeBody(w, r, &p, func(f fields, m member) bool {
		switch m.name {
		case "inquirer":
			decodeInquirer(m.value, &q.Inquirer, &p)
		case "person":
			personGiven = true
			q.Record = decodePerson(m.value, &p)
		default:
			return false
		}
		return true
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if !personGiven {
		p.Add("person", "is required: describe the person sought")
	}
	// Name every problem at once: the inquirer's too, when the person's
	// decoding already failed.
	q.Inquirer.Email = strings.TrimSpace(q.Inquirer.Email)
	addNew(&p, lastseen.ErrorFields(q.Inquirer.Validate()))
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.InquiryService.CreateInquiry(ctx, q); err != nil {
		s.Error(w, r, err)
		return
	}
	// The inquiry is stored: a failure to match now is logged, not returned,
	// since matching runs again whenever new records arrive.
	if s.Linker != nil {
		if _, err := s.Linker.LinkRecord(ctx, q.Record); err != nil {
			s.logger().ErrorContext(ctx, "match inquiry", "inquiry", q.ID, "err", err, "request_id", RequestIDFromContext(ctx))
		} else if got, err := s.InquiryService.FindInquiryByID(ctx, q.ID); err == nil {
			q.State = got.State
		}
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/inquiries/%d", q.ID))
	s.writeJSON(w, r, http.StatusCreated, createdInquiry{ID: q.ID, State: q.State, FollowURL: followURL(r, q.FollowToken)})
}

// followURL makes the inquirer's secret link absolute, on the host the
// request came to.
func followURL(r *http.Request, token string) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host + FollowPath + token
}

func decodeInquirer(v json.RawMessage, in *lastseen.Inquirer, p *lastseen.Problems) {
	ms, perr := parseObject(v, "inquirer")
	if perr != nil {
		*p = append(*p, *perr)
		return
	}
	f := fields{path: "inquirer", p: p}
	for _, m := range ms {
		switch m.name {
		case "name":
			f.decode(m.name, m.value, &in.Name, "a string")
		case "email":
			f.decode(m.name, m.value, &in.Email, "a string")
		case "phone":
			f.decode(m.name, m.value, &in.Phone, "a string")
		case "relationship":
			f.decode(m.name, m.value, &in.Relationship, "a string")
		case "language":
			f.decode(m.name, m.value, &in.Language, "a string")
		default:
			f.unknown(m.name)
		}
	}
}

// decodePerson reads the description of the person sought: the fields of
// POST /api/v1/records, named "person.…". Its source is the inquiry desk, so
// a source may not be given.
func decodePerson(v json.RawMessage, p *lastseen.Problems) *lastseen.Record {
	var sub lastseen.Problems
	rec := decodeRecord(v, &sub)
	for _, e := range sub {
		if e.Field == "source" && rec != nil && rec.Source == nil && rec.SourceID == 0 {
			continue // Validate wants a source; the inquiry service sets it
		}
		if e.Field == "body" {
			e.Field = "person"
		} else {
			e.Field = "person." + e.Field
		}
		*p = append(*p, e)
	}
	if rec != nil && (rec.Source != nil || rec.SourceID != 0) {
		p.Add("person.source", "is set by the inquiry desk: leave it out")
	}
	return rec
}

// handleListInquiries lists inquiries for caseworkers, newest first:
// ?state=open|candidate_found|answered|closed&person_id=&limit=&offset=.
func (s *Server) handleListInquiries(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionInquiryList, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	var p lastseen.Problems
	f := lastseen.InquiryFilter{State: lastseen.InquiryState(r.URL.Query().Get("state"))}
	switch f.State {
	case "", lastseen.InquiryOpen, lastseen.InquiryCandidateFound, lastseen.InquiryAnswered, lastseen.InquiryClosed:
	default:
		p.Add("state", "%q is not an inquiry state (open, candidate_found, answered, closed)", f.State)
	}
	if v := r.URL.Query().Get("person_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			p.Add("person_id", "%q is not a person id", v)
		}
		f.PersonID = id
	}
	f.Limit, f.Offset = page(r, &p)
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	qs, total, err := s.InquiryService.FindInquiries(ctx, f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writePage(s, w, r, "inquiries", qs, total)
}

// handleGetInquiry returns one inquiry to a caseworker, contact details
// included (and audited).
func (s *Server) handleGetInquiry(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id", "Inquiry")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionInquiryRead, &lastseen.Inquiry{ID: id}); err != nil {
		s.Error(w, r, err)
		return
	}
	q, err := s.InquiryService.FindInquiryByID(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, q)
}

// handleCloseInquiry closes an inquiry for a caseworker.
func (s *Server) handleCloseInquiry(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id", "Inquiry")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionInquiryClose, &lastseen.Inquiry{ID: id}); err != nil {
		s.Error(w, r, err)
		return
	}
	s.closeInquiry(w, r, id)
}

func (s *Server) closeInquiry(w http.ResponseWriter, r *http.Request, id int64) {
	if err := s.InquiryService.CloseInquiry(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	q, err := s.InquiryService.FindInquiryByID(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, q)
}

// followed finds the inquiry a follow token opens and makes its holder the
// acting inquirer. An unknown token is a 404, like any unknown page.
func (s *Server) followed(r *http.Request) (*lastseen.Inquiry, *http.Request, error) {
	token := strings.TrimSpace(r.PathValue("token"))
	if len(token) < 20 || len(token) > 100 {
		return nil, r, &lastseen.Error{Code: lastseen.ENOTFOUND, Message: "No inquiry has this follow link.",
			Fields: []lastseen.FieldError{{Field: "token", Message: "is not a follow token"}}}
	}
	q, err := s.InquiryService.FindInquiryByToken(r.Context(), token)
	if err != nil {
		return nil, r, err
	}
	a := &lastseen.Actor{Role: lastseen.RoleInquirer, InquiryID: q.ID}
	r = r.WithContext(lastseen.NewContextWithActor(r.Context(), a))
	if err := lastseen.Authorize(a, lastseen.ActionInquiryRead, q); err != nil {
		return nil, r, err
	}
	return q, r, nil
}

// handleFollowInquiry shows the inquirer, through the secret link, the state
// of their inquiry and what they may be told (never an unverified death).
func (s *Server) handleFollowInquiry(w http.ResponseWriter, r *http.Request) {
	q, r, err := s.followed(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, q)
}

// handleFollowClose lets the inquirer close their own inquiry.
func (s *Server) handleFollowClose(w http.ResponseWriter, r *http.Request) {
	q, r, err := s.followed(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.closeInquiry(w, r, q.ID)
}
