package linkage_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// event is a record of Іван Гнатюк that reports an event: a status with its
// date and place, as an import reads the status, status_date and place
// columns.
func event(status lastseen.Status, date, place string) *lastseen.Record {
	c := &lastseen.Claim{Status: status, Place: place}
	if date != "" {
		c.Date = lastseen.MustParseDate(date)
	}
	return &lastseen.Record{GivenName: "Іван", FamilyName: "Гнатюк", Claims: []*lastseen.Claim{c}}
}

func prepareRecords(m *linkage.Model, rs ...*lastseen.Record) []*linkage.Prepared {
	p := linkage.NewPreparer(0)
	out := make([]*linkage.Prepared, len(rs))
	for i, r := range rs {
		out[i] = p.Prepare("", r, nil)
	}
	p.Finalize(out)
	m.SetFrequencies(out, p.N())
	return out
}

func TestCompareEventLevels(t *testing.T) {
	m := linkage.NewModel()
	const missing, captured, dead = lastseen.StatusMissing, lastseen.StatusCaptured, lastseen.StatusDead
	for _, tc := range []struct {
		name  string
		a, b  *lastseen.Record
		field string
		level string
	}{
		{"PlaceUkrainianLatin", event(missing, "", "Куп’янськ"), event(missing, "", "Kupiansk"), "event_place", "exact"},
		{"PlaceUkrainianRussian", event(missing, "", "Куп’янськ"), event(missing, "", "Купянск"), "event_place", "exact"},
		{"PlaceOtherRomanisation", event(missing, "", "Kupiansk"), event(missing, "", "Kupjansk"), "event_place", "exact"},
		{"PlaceTownPrefix", event(missing, "", "м. Куп'янськ"), event(missing, "", "Куп’янськ"), "event_place", "exact"},
		{"PlaceNearAndRegion", event(missing, "", "near Kupiansk, Kharkiv oblast"), event(missing, "", "Куп’янськ"), "event_place", "exact"},
		{"PlaceNearUkrainian", event(missing, "", "біля Бахмута"), event(missing, "", "Bakhmut"), "event_place", "close"},
		{"PlaceInTheAreaOf", event(missing, "", "в районі Куп'янська"), event(missing, "", "Kupiansk"), "event_place", "close"},
		{"PlacePolishNear", event(missing, "", "w pobliżu Kupiańska"), event(missing, "", "Куп’янськ"), "event_place", "close"},
		{"PlacePolishL", event(missing, "", "Łyman"), event(missing, "", "Лиман"), "event_place", "exact"},
		{"PlaceRussianForm", event(missing, "", "Угледар"), event(missing, "", "Вугледар"), "event_place", "close"},
		{"PlaceDifferent", event(missing, "", "Куп’янськ"), event(missing, "", "Бахмут"), "event_place", "different"},
		{"PlaceMissing", event(missing, "2024-09-18", ""), event(missing, "", "Бахмут"), "event_place", "missing"},
		{"PlaceLastSeen", event(missing, "2024-09-18", "Куп’янськ"), &lastseen.Record{GivenName: "Іван", LastSeenPlace: "Kupiansk"}, "event_place", "exact"},
		{"DateSameDay", event(missing, "2024-09-18", ""), event(captured, "18.09.2024", ""), "status_date", "same_day"},
		{"DateDaysApart", event(missing, "2024-09-18", ""), event(missing, "2024-09-23", ""), "status_date", "week"},
		{"DateWeekAcrossMonths", event(missing, "2024-09-28", ""), event(missing, "2024-10-03", ""), "status_date", "week"},
		{"DateDayMonthSwapped", event(missing, "2024-09-05", ""), event(missing, "2024-05-09", ""), "status_date", "typo"},
		{"DateDigitTypo", event(missing, "2024-09-18", ""), event(missing, "2023-09-18", ""), "status_date", "typo"},
		{"DateMonthDigitsSwapped", event(missing, "2024-01-15", ""), event(missing, "2024-10-15", ""), "status_date", "typo"},
		{"DateWeeksApart", event(missing, "2024-09-18", ""), event(dead, "2024-10-30", ""), "status_date", "months"},
		{"DateMonthOnly", event(missing, "2024-09-18", ""), event(missing, "2024-10", ""), "status_date", "months"},
		{"DateMonthOnlyFar", event(missing, "2024-09-18", ""), event(missing, "2024-05", ""), "status_date", "far"},
		{"DateFar", event(missing, "2024-05-02", ""), event(captured, "2024-08-17", ""), "status_date", "far"},
		{"DateYearOnly", event(missing, "2024-05-02", ""), event(missing, "2024", ""), "status_date", "missing"},
		{"DateMissing", event(missing, "2024-05-02", ""), event(missing, "", "Бахмут"), "status_date", "missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkLevel(t, m, prepareRecords(m, tc.a, tc.b), tc.field, tc.level)
		})
	}
}

// TestModelEventFieldsSaveLoad saves a model with learnt event weights and
// loads it again, and loads models of versions 1 and 2, which have no event
// fields: they get fields that weigh nothing, after the other core fields
// and before the extra columns.
func TestModelEventFieldsSaveLoad(t *testing.T) {
	m := linkage.NewModel("postcode")
	m.Fields[linkage.FieldStatusDate].Levels[linkage.EventSameDay].M = 0.55
	m.Fields[linkage.FieldEventPlace].Levels[linkage.TextDifferent].M = 0.05
	if err := m.Update(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	saved := buf.Bytes()
	same := event(lastseen.StatusMissing, "2024-09-18", "Куп’янськ")
	other := event(lastseen.StatusCaptured, "2024-09-18", "Kupiansk")
	far := event(lastseen.StatusMissing, "2023-02-01", "Бахмут")
	t.Run("RoundTrip", func(t *testing.T) {
		got, err := linkage.LoadModel(bytes.NewReader(saved))
		if err != nil {
			t.Fatal(err)
		}
		for _, pair := range [][2]*lastseen.Record{{same, other}, {same, far}} {
			ps := prepareRecords(m, pair[0], pair[1])
			if a, b := m.Score(ps[0], ps[1]), got.Score(ps[0], ps[1]); a != b {
				t.Errorf("score %v before saving, %v after loading", a, b)
			}
		}
		if e := got.Extra(); len(e) != 1 || e[0] != "postcode" {
			t.Errorf("extra columns %v after loading", e)
		}
	})
	// an older model: the same JSON without the event fields
	var doc map[string]any
	if err := json.Unmarshal(saved, &doc); err != nil {
		t.Fatal(err)
	}
	var fields []any
	for _, f := range doc["fields"].([]any) {
		if n := f.(map[string]any)["name"]; n != "event_place" && n != "status_date" {
			fields = append(fields, f)
		}
	}
	doc["fields"] = fields
	for _, version := range []int{1, 2} {
		t.Run("Version"+string(rune('0'+version))+"Loads", func(t *testing.T) {
			doc["version"] = version
			old, _ := json.Marshal(doc)
			got, err := linkage.LoadModel(bytes.NewReader(old))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Fields) != len(m.Fields) || got.Fields[linkage.FieldEventPlace].Name != "event_place" ||
				got.Fields[linkage.FieldStatusDate].Name != "status_date" {
				t.Fatalf("fields %v, want those of %v", got.Fields, m.Fields)
			}
			if e := got.Extra(); len(e) != 1 || e[0] != "postcode" {
				t.Errorf("extra columns %v after loading", e)
			}
			ps := prepareRecords(got, same, far)
			for _, fw := range got.Explain(ps[0], ps[1]).Fields {
				if (fw.Field == "event_place" || fw.Field == "status_date") && fw.Weight != 0 {
					t.Errorf("%s %s weighs %v in a model without event fields, want 0", fw.Field, fw.Level, fw.Weight)
				}
			}
			// it scores as the model it was: the event weighs nothing
			a, b := event(lastseen.StatusMissing, "", ""), event(lastseen.StatusMissing, "", "")
			a.BirthDate, b.BirthDate = lastseen.MustParseDate("1990"), lastseen.MustParseDate("1990-05-01")
			ps = prepareRecords(m, a, b)
			if x, y := m.Score(ps[0], ps[1]), got.Score(ps[0], ps[1]); x != y {
				t.Errorf("score %v, %v after loading as version %d", x, y, version)
			}
		})
	}
	t.Run("ErrEventLevels", func(t *testing.T) {
		bad := bytes.Replace(saved, []byte(`"name": "same_day"`), []byte(`"name": "bogus"`), 1)
		if _, err := linkage.LoadModel(bytes.NewReader(bad)); err == nil {
			t.Error("a model with a bogus status_date level loaded")
		}
	})
	t.Run("ErrNewerVersion", func(t *testing.T) {
		bad := strings.Replace(string(saved), `"version": 3`, `"version": 4`, 1)
		if _, err := linkage.LoadModel(strings.NewReader(bad)); err == nil {
			t.Error("a model of version 4 loaded")
		}
	})
}

// TestEventDisagreementIsNotCounted: the event fields do not add to the
// number of disagreeing fields (one person may report two events), so a
// pair whose events differ loses only the event fields' own weights.
func TestEventDisagreementIsNotCounted(t *testing.T) {
	m := linkage.NewModel()
	m.Disagree = []float64{1, 0.5, 0.1, 0.01, 0.001}
	if err := m.Update(); err != nil {
		t.Fatal(err)
	}
	ps := prepareRecords(m, event(lastseen.StatusWounded, "2024-05-02", "Бахмут"), event(lastseen.StatusCaptured, "2024-08-17", "Kupiansk"))
	e := m.Explain(ps[0], ps[1])
	last := e.Fields[len(e.Fields)-1]
	if last.Field != linkage.DisagreeField || last.Level != "0" {
		t.Errorf("disagreements %s = %s, want 0", last.Field, last.Level)
	}
	l := levels(e)
	if l["event_place"] != "different" || l["status_date"] != "far" {
		t.Errorf("event_place %s, status_date %s, want different and far", l["event_place"], l["status_date"])
	}
}
