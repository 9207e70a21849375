package http

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/lastseen/lastseen"
)

func (s *Server) registerRecordRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/v1/records", s.handleCreateRecord)
	mux.HandleFunc("GET /api/v1/records/{id}", s.handleGetRecord)
}

// handleCreateRecord stores one record with its claims: decode → validate →
// store → respond.
func (s *Server) handleCreateRecord(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	limitBody(w, r, MaxJSONBody)
	body, err := readBody(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rec, err := DecodeRecord(body)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	actor := lastseen.ActorFromContext(ctx)
	rec.Submitter = submitterOf(actor)
	if err := s.RecordService.CreateRecord(ctx, rec); err != nil {
		s.Error(w, r, err)
		return
	}
	s.metrics.recordsCreated.Inc()
	w.Header().Set("Location", fmt.Sprintf("/api/v1/records/%d", rec.ID))
	// Match the new record at once: its links and review items move the
	// inquiries it may answer. The record is stored whatever the matcher
	// says, so a failure is logged, not returned.
	if s.Linker != nil {
		if _, err := s.Linker.LinkRecord(ctx, rec); err != nil {
			s.logger().ErrorContext(ctx, "match record", "record", rec.ID, "err", err, "request_id", RequestIDFromContext(ctx))
		}
	}
	s.respond(w, r, http.StatusCreated, rec)
}

// handleGetRecord returns a record with its claims and provenance.
func (s *Server) handleGetRecord(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.Error(w, r, &lastseen.Error{Code: lastseen.ENOTFOUND, Message: "Record not found.",
			Fields: []lastseen.FieldError{{Field: "id", Message: fmt.Sprintf("%q is not a record id", r.PathValue("id"))}}})
		return
	}
	rec, err := s.RecordService.FindRecordByID(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if withhold, err := s.withholdsDeath(r, rec); err != nil {
		s.Error(w, r, err)
		return
	} else if withhold {
		s.Error(w, r, lastseen.Errorf(lastseen.ENOTFOUND, "Record %d not found.", id))
		return
	}
	s.respond(w, r, http.StatusOK, rec)
}

// withholdsDeath reports whether rec reports a death that the actor may not
// read yet: one that no caseworker has verified for the person the record is
// linked to. The person page withholds such a record (lastseen.Redact); read
// by its id, it is withheld the same way, so that a family who follows its
// inquiry to the person, and the person's history to its records, does not
// learn of the death from a match. A record linked to no one tells no family
// anything.
func (s *Server) withholdsDeath(r *http.Request, rec *lastseen.Record) (bool, error) {
	if lastseen.Can(lastseen.ActorFromContext(r.Context()), lastseen.ActionReadUnverified, nil) || !reportsDeath(rec) || rec.PersonID == 0 {
		return false, nil
	}
	if s.CaseService == nil {
		return true, nil
	}
	p, err := s.CaseService.FindCase(r.Context(), rec.PersonID)
	if err != nil {
		return false, err
	}
	return !(p.Verified && p.Status == lastseen.StatusDead), nil
}

func reportsDeath(rec *lastseen.Record) bool {
	for _, c := range rec.Claims {
		if c.Status == lastseen.StatusDead {
			return true
		}
	}
	return false
}

// submitterOf names who hands a record in. An anonymous caller gets a random
// token, so that its records can be told apart without knowing who it is.
func submitterOf(a *lastseen.Actor) lastseen.Submitter {
	switch {
	case a != nil && a.UserID != 0:
		return lastseen.Submitter{Kind: lastseen.SubmitterUser, ID: strconv.FormatInt(a.UserID, 10)}
	case a != nil && a.APIKeyID != 0:
		return lastseen.Submitter{Kind: lastseen.SubmitterAPIKey, ID: strconv.FormatInt(a.APIKeyID, 10)}
	case a != nil && a.Token != "":
		return lastseen.Submitter{Kind: lastseen.SubmitterAnonymous, ID: a.Token}
	}
	return lastseen.Submitter{Kind: lastseen.SubmitterAnonymous, ID: randomToken(16)}
}

// DecodeRecord reads the JSON body of POST /api/v1/records into a validated
// record. The error is an EINVALID *lastseen.Error that names every offending
// field: unknown fields, values of the wrong type, impossible dates, and what
// Record.Validate finds.
func DecodeRecord(body []byte) (*lastseen.Record, error) {
	var p lastseen.Problems
	rec := decodeRecord(body, &p)
	if len(p) > 0 {
		return nil, p.Err()
	}
	return rec, nil
}

func decodeRecord(body []byte, p *lastseen.Problems) *lastseen.Record {
	ms, perr := parseObject(body, "")
	if perr != nil {
		*p = append(*p, *perr)
		return nil
	}
	rec := &lastseen.Record{}
	f := fields{p: p}
	var sex, birthDate, lastSeenDate string
	for _, m := range ms {
		v := m.value
		switch m.name {
		case "source_id":
			f.decode(m.name, v, &rec.SourceID, "an integer")
		case "source":
			rec.Source = decodeSource(v, p)
		case "external_id":
			f.decode(m.name, v, &rec.ExternalID, "a string")
		case "given_name":
			f.decode(m.name, v, &rec.GivenName, "a string")
		case "family_name":
			f.decode(m.name, v, &rec.FamilyName, "a string")
		case "patronymic":
			f.decode(m.name, v, &rec.Patronymic, "a string")
		case "full_name":
			f.decode(m.name, v, &rec.FullName, "a string")
		case "alt_names":
			f.decode(m.name, v, &rec.AltNames, "an array of strings")
		case "sex":
			f.decode(m.name, v, &sex, "a string")
		case "birth_date":
			f.decode(m.name, v, &birthDate, "a string")
		case "birth_place":
			f.decode(m.name, v, &rec.BirthPlace, "a string")
		case "side":
			f.decode(m.name, v, &rec.Side, "a string")
		case "unit":
			f.decode(m.name, v, &rec.Unit, "a string")
		case "rank":
			f.decode(m.name, v, &rec.Rank, "a string")
		case "service_number":
			f.decode(m.name, v, &rec.ServiceNumber, "a string")
		case "civilian":
			f.decode(m.name, v, &rec.Civilian, "a boolean")
		case "last_seen_date":
			f.decode(m.name, v, &lastSeenDate, "a string")
		case "last_seen_place":
			f.decode(m.name, v, &rec.LastSeenPlace, "a string")
		case "circumstances":
			f.decode(m.name, v, &rec.Circumstances, "a string")
		case "notes":
			f.decode(m.name, v, &rec.Notes, "a string")
		case "supersedes":
			f.decode(m.name, v, &rec.Supersedes, "an integer")
		case "claims":
			rec.Claims = decodeClaims(v, p)
		default:
			f.unknown(m.name)
		}
	}
	rec.Sex = lastseen.Sex(sex)
	rec.BirthDate = parseDate("birth_date", birthDate, p)
	rec.LastSeenDate = parseDate("last_seen_date", lastSeenDate, p)
	if rec.SourceID != 0 && rec.Source != nil {
		p.Add("source", "give either source_id or source, not both")
	} else if rec.SourceID < 0 {
		p.Add("source_id", "%d is not a source id", rec.SourceID)
	}
	if rec.Supersedes < 0 {
		p.Add("supersedes", "%d is not a record id", rec.Supersedes)
	}
	if err := rec.Validate(); err != nil {
		addNew(p, lastseen.ErrorFields(err))
	}
	return rec
}

// addNew adds the problems of Validate that decoding has not already named:
// a bad birth_date was left empty, a source_id of the wrong type left the
// source unset, and neither must be reported a second time.
func addNew(p *lastseen.Problems, fs []lastseen.FieldError) {
	named := func(field string) bool {
		for _, e := range *p {
			if e.Field == field || strings.HasPrefix(e.Field, field+"_") || strings.HasPrefix(e.Field, field+".") {
				return true
			}
		}
		return false
	}
	for _, e := range fs {
		if !named(e.Field) {
			*p = append(*p, e)
		}
	}
}

func decodeSource(v json.RawMessage, p *lastseen.Problems) *lastseen.Source {
	if string(v) == "null" {
		return nil
	}
	ms, perr := parseObject(v, "source")
	if perr != nil {
		*p = append(*p, *perr)
		return nil
	}
	src := &lastseen.Source{}
	f := fields{path: "source", p: p}
	var kind, date string
	for _, m := range ms {
		switch m.name {
		case "kind":
			f.decode(m.name, m.value, &kind, "a string")
		case "name":
			f.decode(m.name, m.value, &src.Name, "a string")
		case "url":
			f.decode(m.name, m.value, &src.URL, "a string")
		case "publisher":
			f.decode(m.name, m.value, &src.Publisher, "a string")
		case "date":
			f.decode(m.name, m.value, &date, "a string")
		case "reliability":
			f.decode(m.name, m.value, &src.Reliability, "a string")
		default:
			f.unknown(m.name)
		}
	}
	src.Kind = lastseen.SourceKind(kind)
	src.Date = parseDate("source.date", date, p)
	return src
}

func decodeClaims(v json.RawMessage, p *lastseen.Problems) []*lastseen.Claim {
	var items []json.RawMessage
	if err := json.Unmarshal(v, &items); err != nil {
		p.Add("claims", "must be an array of objects, not %s", jsonKind(v))
		return nil
	}
	var claims []*lastseen.Claim
	for i, item := range items {
		path := fmt.Sprintf("claims[%d]", i)
		ms, perr := parseObject(item, path)
		if perr != nil {
			*p = append(*p, *perr)
			continue
		}
		c := &lastseen.Claim{}
		f := fields{path: path, p: p}
		var status, date string
		for _, m := range ms {
			switch m.name {
			case "status":
				f.decode(m.name, m.value, &status, "a string")
			case "date":
				f.decode(m.name, m.value, &date, "a string")
			case "place":
				f.decode(m.name, m.value, &c.Place, "a string")
			case "credibility":
				f.decode(m.name, m.value, &c.Credibility, "an integer")
			case "evidence":
				f.decode(m.name, m.value, &c.Evidence, "a string")
			case "evidence_url":
				f.decode(m.name, m.value, &c.EvidenceURL, "a string")
			default:
				f.unknown(m.name)
			}
		}
		// A status alias ("pow", "killed") is stored as the status it means.
		c.Status = lastseen.Status(status)
		if st, ok := lastseen.ParseStatus(status); ok {
			c.Status = st
		}
		c.Date = parseDate(path+".date", date, p)
		claims = append(claims, c)
	}
	return claims
}

// parseDate reads a partial date, naming field when it is not a real date.
func parseDate(field, s string, p *lastseen.Problems) lastseen.PartialDate {
	d, err := lastseen.ParseDate(s)
	if err != nil {
		p.Add(field, "%v", err)
	}
	return d
}
