package http

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"github.com/lastseen/lastseen"
)

func (s *Server) registerPersonRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/v1/persons/{id}", s.handleGetPerson)
	mux.HandleFunc("POST /api/v1/persons/{id}/verifications", s.handleCreateVerification)
	mux.HandleFunc("GET /api/v1/persons/{id}/history", s.handlePersonHistory)
}

// handleGetPerson returns a person as a case: derived status, confidence,
// as-of date, conflict, the deciding verification, records and the timeline
// of claims, cut to what the caller's role may see.
func (s *Server) handleGetPerson(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "Person")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := lastseen.Authorize(lastseen.ActorFromContext(r.Context()), lastseen.ActionRecordRead, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	p, err := s.CaseService.FindCase(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, p)
}

// handleCreateVerification records a caseworker's verification of a
// person's status: {"status", "date", "method", "note"} → 201. A verified
// death is what lets the families waiting for the person be told.
func (s *Server) handleCreateVerification(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id", "Person")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionVerify, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	var p lastseen.Problems
	v := &lastseen.Verification{PersonID: id}
	var status, date string
	err = decodeBody(w, r, &p, func(f fields, m member) bool {
		switch m.name {
		case "status":
			f.decode(m.name, m.value, &status, "a string")
		case "date":
			f.decode(m.name, m.value, &date, "a string")
		case "method":
			f.decode(m.name, m.value, &v.Method, "a string")
		case "note":
			f.decode(m.name, m.value, &v.Note, "a string")
		default:
			return false
		}
		return true
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if st, ok := lastseen.ParseStatus(status); ok {
		v.Status = st
	} else {
		v.Status = lastseen.Status(status)
	}
	v.Date = parseDate("date", date, &p)
	if err := v.Validate(); err != nil {
		addNew(&p, lastseen.ErrorFields(err))
	}
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.CaseService.Verify(ctx, v); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/persons/%d", id))
	s.respond(w, r, http.StatusCreated, v)
}

// personHistory is how a person came to be: every link into it, ended ones
// included, and the judgements on its records, newest first.
type personHistory struct {
	Links      []*lastseen.Link      `json:"links"`
	Judgements []*lastseen.Judgement `json:"judgements"`
}

// handlePersonHistory returns the merges and splits that made a person, so
// that a caseworker can see, and undo by a new judgement, what was decided.
func (s *Server) handlePersonHistory(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id", "Person")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := lastseen.Authorize(lastseen.ActorFromContext(ctx), lastseen.ActionRecordRead, nil); err != nil {
		s.Error(w, r, err)
		return
	}
	p, err := s.CaseService.FindCase(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	links, err := s.PersonService.FindLinks(ctx, lastseen.LinkFilter{PersonID: id, IncludeRemoved: true})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// The records the person page withholds from the actor (an unverified
	// death) are left out of its history too, links and judgements alike.
	hidden := withheldRecords(lastseen.ActorFromContext(ctx), p)
	links = slices.DeleteFunc(links, func(l *lastseen.Link) bool { return hidden[l.RecordID] })
	h := personHistory{Links: links, Judgements: []*lastseen.Judgement{}}
	if h.Links == nil {
		h.Links = []*lastseen.Link{}
	}
	records, judgements := map[int64]bool{}, map[int64]bool{}
	for _, l := range links {
		if records[l.RecordID] {
			continue
		}
		records[l.RecordID] = true
		js, err := s.JudgementService.FindJudgements(ctx, lastseen.JudgementFilter{RecordID: l.RecordID})
		if err != nil {
			s.Error(w, r, err)
			return
		}
		for _, j := range js {
			if hidden[j.RecordA] || hidden[j.RecordB] {
				continue
			}
			if !judgements[j.ID] { // a judgement on two of its records is listed once
				judgements[j.ID] = true
				h.Judgements = append(h.Judgements, j)
			}
		}
	}
	slices.SortFunc(h.Judgements, func(a, b *lastseen.Judgement) int { return cmp.Compare(b.ID, a.ID) })
	s.respond(w, r, http.StatusOK, h)
}

// withheldRecords returns the ids of the person's records that the redacted
// person page does not show the actor.
func withheldRecords(a *lastseen.Actor, p *lastseen.Person) map[int64]bool {
	out, _ := lastseen.Redact(a, p)
	shown := map[int64]bool{}
	for _, rec := range out.(*lastseen.Person).Records {
		shown[rec.ID] = true
	}
	hidden := map[int64]bool{}
	for _, rec := range p.Records {
		if !shown[rec.ID] {
			hidden[rec.ID] = true
		}
	}
	return hidden
}
