package http

import (
	"net/http"

	"github.com/lastseen/lastseen"
)

func (s *Server) registerReviewRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/v1/review", s.handleReviewQueue)
	mux.HandleFunc("POST /api/v1/judgements", s.handleCreateJudgement)
	mux.HandleFunc("GET /api/v1/review/deaths", s.handleWorkList(lastseen.CaseFilter{Status: lastseen.StatusDead, Unverified: true}))
	mux.HandleFunc("GET /api/v1/review/conflicts", s.handleWorkList(lastseen.CaseFilter{Conflict: true}))
}

// handleWorkList serves a caseworkers' list of persons: deaths awaiting
// verification, or conflicts to resolve; those a family waits for first.
// ?limit=&offset=.
func (s *Server) handleWorkList(f lastseen.CaseFilter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor := lastseen.ActorFromContext(ctx)
		if err := lastseen.Authorize(actor, lastseen.ActionReviewRead, nil); err != nil {
			s.Error(w, r, err)
			return
		}
		var p lastseen.Problems
		f := f
		f.Limit, f.Offset = page(r, &p)
		if err := p.Err(); err != nil {
			s.Error(w, r, err)
			return
		}
		cs, total, err := s.CaseService.FindCases(ctx, f)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		writePage(s, w, r, "persons", cs, total)
	}
}

// handleReviewQueue returns the caseworkers' open review items, most urgent
// first, each with both records and the per-field explanation of its score:
// ?limit=&offset=.
func (s *Server) handleReviewQueue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	actor := lastseen.ActorFromContext(ctx)
	if err := lastseen.Authorize(actor, lastseen.ActionReviewRead, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	var p lastseen.Problems
	f := lastseen.ReviewFilter{State: lastseen.ReviewOpen}
	f.Limit, f.Offset = page(r, &p)
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	cases, total, err := s.CaseService.FindReviewCases(ctx, f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writePage(s, w, r, "items", cases, total)
}

// handleCreateJudgement applies a caseworker's decision on a pair of records:
// {"record_a", "record_b", "verdict": "same"|"not_same"|"unsure", "note"} →
// 201 with the judgement and the persons the records belong to afterwards.
func (s *Server) handleCreateJudgement(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionJudge, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	var p lastseen.Problems
	j := &lastseen.Judgement{}
	var verdict string
	err := decodeBody(w, r, &p, func(f fields, m member) bool {
		switch m.name {
		case "record_a":
			f.decode(m.name, m.value, &j.RecordA, "an integer")
		case "record_b":
			f.decode(m.name, m.value, &j.RecordB, "an integer")
		case "verdict":
			f.decode(m.name, m.value, &verdict, "a string")
		case "note":
			f.decode(m.name, m.value, &j.Note, "a string")
		default:
			return false
		}
		return true
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	j.Verdict = lastseen.Verdict(verdict)
	addNew(&p, lastseen.ErrorFields(j.Validate()))
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	out, err := s.CaseService.Judge(ctx, j)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.respond(w, r, http.StatusCreated, out)
}
