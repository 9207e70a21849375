package synth

import (
	"strings"

	"github.com/lastseen/lastseen"
)

// Domain converts a generated row into the record an import would store, with
// the given id: nil for a broken row or one with no name, which an import
// rejects. Tests and benchmarks that work on records in memory use it
// instead of writing and reading a CSV file.
func (s *Record) Domain(id int64) *lastseen.Record {
	if s.Broken {
		return nil
	}
	r := &lastseen.Record{
		ID: id, ExternalID: s.ID, GivenName: s.GivenName, FamilyName: s.FamilyName,
		Patronymic: s.Patronymic, FullName: s.FullName, BirthPlace: s.BirthPlace,
		Unit: s.Unit, ServiceNumber: s.ServiceNumber, Side: s.Side,
	}
	r.BirthDate, _ = lastseen.ParseDate(s.BirthDate)
	// the status claim, as an import reads the status, status_date and
	// place columns
	if st, ok := lastseen.ParseStatus(strings.ToLower(s.Status)); ok {
		c := &lastseen.Claim{Status: st, Place: s.Place}
		c.Date, _ = lastseen.ParseDate(s.StatusDate)
		r.Claims = []*lastseen.Claim{c}
	}
	switch s.Sex {
	case "m":
		r.Sex = lastseen.SexMale
	case "f":
		r.Sex = lastseen.SexFemale
	}
	if !r.HasName() {
		return nil
	}
	return r
}
