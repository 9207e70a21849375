package lastseen

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a PartialDate is known. Families often know only a
// year of birth, lists often give a month: a comparison must not pretend more.
type Precision uint8

const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "none"
}

// PartialDate is a calendar date known to some precision. The zero value is the
// unknown date. Fields beyond the precision are zero.
type PartialDate struct {
	Year      int
	Month     int
	Day       int
	Precision Precision
}

// NewDate returns a day-precision date.
func NewDate(y, m, d int) PartialDate {
	return PartialDate{Year: y, Month: m, Day: d, Precision: PrecisionDay}
}

// IsZero reports whether nothing of the date is known.
func (d PartialDate) IsZero() bool { return d.Precision == PrecisionNone }

// String formats the date in ISO 8601 at its precision: "1994-03-07", "1994-03",
// "1994", or "" when unknown.
func (d PartialDate) String() string {
	switch d.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Start returns the first day the date may denote, in UTC. The zero time for an
// unknown date.
func (d PartialDate) Start() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
	case PrecisionDay:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// Before orders dates by their start, unknown dates first; at an equal start
// the less precise date sorts first.
func (d PartialDate) Before(o PartialDate) bool {
	a, b := d.Start(), o.Start()
	if a.Equal(b) {
		return d.Precision < o.Precision
	}
	return a.Before(b)
}

// MarshalJSON writes the ISO form, or null when unknown.
func (d PartialDate) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON accepts every form ParseDate accepts, "" and null.
func (d *PartialDate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = PartialDate{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a string such as \"1994-03-07\", \"1994-03\" or \"1994\"")
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads a partial date in one of the forms found in real lists:
// YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY, MM.YYYY, YYYYMMDD, and "" for unknown.
// An impossible date (31.02.1994, month 13) is an error that says why.
func ParseDate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PartialDate{}, nil
	}
	var y, m, d int
	var p Precision
	var ok bool
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, ok = digits(s[0:4])
		m, ok = digitsAnd(ok, s[5:7])
		d, ok = digitsAnd(ok, s[8:10])
		p = PrecisionDay
	case len(s) == 7 && s[4] == '-':
		y, ok = digits(s[0:4])
		m, ok = digitsAnd(ok, s[5:7])
		p = PrecisionMonth
	case len(s) == 4:
		y, ok = digits(s)
		p = PrecisionYear
	case len(s) == 10 && s[2] == '.' && s[5] == '.':
		d, ok = digits(s[0:2])
		m, ok = digitsAnd(ok, s[3:5])
		y, ok = digitsAnd(ok, s[6:10])
		p = PrecisionDay
	case len(s) == 7 && s[2] == '.':
		m, ok = digits(s[0:2])
		y, ok = digitsAnd(ok, s[3:7])
		p = PrecisionMonth
	case len(s) == 8:
		y, ok = digits(s[0:4])
		m, ok = digitsAnd(ok, s[4:6])
		d, ok = digitsAnd(ok, s[6:8])
		p = PrecisionDay
	}
	if !ok {
		return PartialDate{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or YYYYMMDD", s)
	}
	if y < 1800 || y > 2200 {
		return PartialDate{}, fmt.Errorf("%q is not a real date: year %d is out of range", s, y)
	}
	if p >= PrecisionMonth && (m < 1 || m > 12) {
		return PartialDate{}, fmt.Errorf("%q is not a real date: there is no month %d", s, m)
	}
	if p == PrecisionDay {
		if dim := daysIn(y, m); d < 1 || d > dim {
			return PartialDate{}, fmt.Errorf("%q is not a real date: %s %d has %d days", s, time.Month(m), y, dim)
		}
	}
	return PartialDate{Year: y, Month: m, Day: d, Precision: p}, nil
}

// MustParseDate is ParseDate for literals in tests and tables; it panics on error.
func MustParseDate(s string) PartialDate {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func digits(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func digitsAnd(ok bool, s string) (int, bool) {
	if !ok {
		return 0, false
	}
	return digits(s)
}
