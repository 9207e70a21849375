package synth_test

import (
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/synth"
)

func TestRecordDomain(t *testing.T) {
	t.Run("MapsTheImportColumns", func(t *testing.T) {
		s := &synth.Record{ID: "r7", GivenName: "Олександр", FamilyName: "Коваленко", Patronymic: "Миколайович",
			BirthDate: "07.03.1994", Sex: "m", Side: "ua", Unit: "3 OMSBr", ServiceNumber: "UA123"}
		r := s.Domain(42)
		if r == nil || r.ID != 42 || r.ExternalID != "r7" || r.GivenName != "Олександр" || r.Patronymic != "Миколайович" ||
			r.BirthDate != lastseen.NewDate(1994, 3, 7) || r.Sex != lastseen.SexMale || r.Side != "ua" ||
			r.Unit != "3 OMSBr" || r.ServiceNumber != "UA123" {
			t.Fatalf("Domain = %+v", r)
		}
	})
	t.Run("StatusBecomesClaim", func(t *testing.T) {
		s := &synth.Record{GivenName: "Олександр", Status: "captured", StatusDate: "18.09.2024", Place: "Куп’янськ"}
		r := s.Domain(1)
		if r == nil || len(r.Claims) != 1 || r.Claims[0].Status != lastseen.StatusCaptured ||
			r.Claims[0].Date != lastseen.NewDate(2024, 9, 18) || r.Claims[0].Place != "Куп’янськ" {
			t.Fatalf("Domain = %+v", r)
		}
	})
	t.Run("NilForBrokenRow", func(t *testing.T) {
		if r := (&synth.Record{GivenName: "Іван", Broken: true}).Domain(1); r != nil {
			t.Fatalf("a broken row became %+v", r)
		}
	})
	t.Run("NilForNoName", func(t *testing.T) {
		if r := (&synth.Record{BirthDate: "1994"}).Domain(1); r != nil {
			t.Fatalf("a nameless row became %+v", r)
		}
	})
}
