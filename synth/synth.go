package synth

import (
	"errors"
	"fmt"
)

// Config sets the size, the seed and the rates of the phenomena. A zero rate
// takes its default (see DefaultConfig); a negative rate switches the
// phenomenon off.
type Config struct {
	People  int   // persons to generate (default 1000)
	Records int   // if > 0, stop after this many records
	Seed    int64 // same seed, same bytes

	// BrokenRate is the share of rows made invalid (impossible dates, empty
	// names, undecodable bytes, unknown status): exactly floor(N*BrokenRate)
	// of N rows, spread evenly by row number. Default 0: no broken rows.
	BrokenRate float64

	// Population.
	SideRU          float64 // share of persons on the Russian side (0.45)
	WomenRate       float64 // share of women among soldiers (0.07)
	CivilianRate    float64 // share of civilians (0.10)
	SurnameTailRate float64 // share of surnames from productive patterns (0.45)

	// Hard negatives: share of clusters of each kind (a cluster is one person
	// or a group of look-alikes).
	FatherSonRate float64 // father and son (0.03)
	BrothersRate  float64 // two or three brothers (0.04)
	TwinsRate     float64 // twin brothers (0.006)
	NamesakeRate  float64 // two or three namesakes (0.02)

	// Phenomena, per record where they can apply.
	TypoRate          float64 // one keyboard typo in a name (0.06)
	OCRRate           float64 // OCR look-alike, scanned lists only (0.04)
	HomoglyphRate     float64 // Latin letters inside a Cyrillic name (0.02)
	NoPatronymicRate  float64 // patronymic dropped where the source has one (0.15)
	NoBirthDateRate   float64 // birth date dropped where the source has one (0.08)
	YearOnlyRate      float64 // birth date reduced to its year (0.08)
	MonthOnlyRate     float64 // birth date reduced to year and month (0.03)
	DateSwapRate      float64 // day and month swapped, days 1..12 only (0.03)
	DateTypoRate      float64 // a wrong digit: year off by one or two digits swapped, another day (0.02)
	InitialsRate      float64 // given name and patronymic as initials (0.04)
	OrderVariantRate  float64 // full name in another order than the source's (0.10)
	FieldSwapRate     float64 // given and family name in each other's field (0.02)
	DiminutiveRate    float64 // diminutive in family inquiries; a fifth of it in comrade reports (0.35)
	MasculineFormRate float64 // a woman's surname in the masculine form (0.05)
	PlaceVariantRate  float64 // birth place in another spelling: other language, old name, prefix (0.25)
	ResidenceRate     float64 // where a person lived given as the birth place, for the 30% who moved (0.2)
	YoAsYeRate        float64 // Russian ё written е (0.7)

	// ShuffleWindow is the number of records held to shuffle the output, so
	// that the records of one person are not adjacent (default 16384).
	ShuffleWindow int
}

// DefaultConfig returns a Config of the given size and seed with every rate
// set to its default.
func DefaultConfig(people int, seed int64) Config {
	c := Config{People: people, Seed: seed}
	c.fill()
	return c
}

func def(v *float64, d float64) {
	switch {
	case *v == 0:
		*v = d
	case *v < 0:
		*v = 0
	}
}

func (c *Config) fill() {
	if c.People == 0 {
		c.People = 1000
	}
	if c.BrokenRate < 0 {
		c.BrokenRate = 0
	}
	def(&c.SideRU, 0.45)
	def(&c.WomenRate, 0.07)
	def(&c.CivilianRate, 0.10)
	def(&c.SurnameTailRate, 0.45)
	def(&c.FatherSonRate, 0.03)
	def(&c.BrothersRate, 0.04)
	def(&c.TwinsRate, 0.006)
	def(&c.NamesakeRate, 0.02)
	def(&c.TypoRate, 0.06)
	def(&c.OCRRate, 0.04)
	def(&c.HomoglyphRate, 0.02)
	def(&c.NoPatronymicRate, 0.15)
	def(&c.NoBirthDateRate, 0.08)
	def(&c.YearOnlyRate, 0.08)
	def(&c.MonthOnlyRate, 0.03)
	def(&c.DateSwapRate, 0.03)
	def(&c.DateTypoRate, 0.02)
	def(&c.InitialsRate, 0.04)
	def(&c.OrderVariantRate, 0.10)
	def(&c.FieldSwapRate, 0.02)
	def(&c.DiminutiveRate, 0.35)
	def(&c.MasculineFormRate, 0.05)
	def(&c.PlaceVariantRate, 0.25)
	def(&c.ResidenceRate, 0.2)
	def(&c.YoAsYeRate, 0.7)
	if c.ShuffleWindow <= 0 {
		c.ShuffleWindow = 1 << 14
	}
}

func (c *Config) validate() error {
	if c.People < 0 {
		return fmt.Errorf("synth: people %d < 0", c.People)
	}
	for _, v := range []float64{c.BrokenRate, c.SideRU, c.WomenRate, c.CivilianRate, c.SurnameTailRate, c.TypoRate, c.OCRRate, c.HomoglyphRate, c.NoPatronymicRate, c.NoBirthDateRate, c.YearOnlyRate, c.MonthOnlyRate, c.DateSwapRate, c.DateTypoRate, c.InitialsRate, c.OrderVariantRate, c.FieldSwapRate, c.DiminutiveRate, c.MasculineFormRate, c.PlaceVariantRate, c.ResidenceRate, c.YoAsYeRate} {
		if v > 1 {
			return fmt.Errorf("synth: rate %v > 1", v)
		}
	}
	if s := c.FatherSonRate + c.BrothersRate + c.TwinsRate + c.NamesakeRate; s > 1 {
		return fmt.Errorf("synth: hard-negative rates sum to %v > 1", s)
	}
	return nil
}

// Phenomenon is a bit set of what was done to a record on top of its
// source's habit. Each bit goes with the Config rate of the same name
// (PTypo with TypoRate, PResidence with ResidenceRate).
type Phenomenon uint32

const (
	PTypo Phenomenon = 1 << iota
	POCR
	PHomoglyph
	PNoPatronymic
	PNoBirthDate
	PYearOnly
	PMonthOnly
	PDateSwap
	PInitials
	POrderVariant
	PFieldSwap
	PDiminutive
	PMasculineForm
	PPlaceVariant
	PYoAsYe
	PDateTypo
	PResidence
)

var phenomenonNames = []string{"typo", "ocr", "homoglyph", "no_patronymic", "no_birth_date", "year_only", "month_only", "date_swap", "initials", "order_variant", "field_swap", "diminutive", "masculine_form", "place_variant", "yo_as_ye", "date_typo", "residence"}

// String lists the phenomena, comma separated.
func (p Phenomenon) String() string {
	s := ""
	for i, n := range phenomenonNames {
		if p&(1<<i) != 0 {
			if s != "" {
				s += ","
			}
			s += n
		}
	}
	return s
}

// Record is one row as a source wrote it, with its ground truth.
type Record struct {
	ID                                       string
	GivenName, FamilyName, Patronymic        string
	FullName                                 string
	BirthDate, BirthPlace, Sex, Unit, Status string
	StatusDate, Place, Notes                 string
	Side, ServiceNumber, Source              string

	TruthID      int64
	Habit        Habit      // the writing habit of the source
	Phenomena    Phenomenon // what was done on top of the habit
	Broken       bool       // the row is invalid; an importer must reject it
	BrokenReason string     // which field is broken and how
}

// Header is the CSV header, in the project's import columns.
var Header = []string{"record_id", "given_name", "family_name", "patronymic", "full_name", "birth_date", "birth_place", "sex", "unit", "status", "status_date", "place", "notes", "side", "service_number", "source", "truth_id"}

// errStop ends generation early without an error.
var errStop = errors.New("synth: stop")
