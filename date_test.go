package lastseen_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // ISO form at the parsed precision
		prec lastseen.Precision
	}{
		{"1994-03-07", "1994-03-07", lastseen.PrecisionDay},
		{"1994-03", "1994-03", lastseen.PrecisionMonth},
		{"1994", "1994", lastseen.PrecisionYear},
		{"07.03.1994", "1994-03-07", lastseen.PrecisionDay},
		{"03.1994", "1994-03", lastseen.PrecisionMonth},
		{"19940307", "1994-03-07", lastseen.PrecisionDay},
		{" 29.02.2000 ", "2000-02-29", lastseen.PrecisionDay},
		{"", "", lastseen.PrecisionNone},
	}
	for _, tt := range tests {
		t.Run("Valid/"+tt.in, func(t *testing.T) {
			d, err := lastseen.ParseDate(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.want || d.Precision != tt.prec {
				t.Fatalf("ParseDate(%q) = %s (%s), want %s (%s)", tt.in, d, d.Precision, tt.want, tt.prec)
			}
		})
	}

	bad := []struct{ in, says string }{
		{"31.02.1994", "February 1994 has 28 days"},
		{"29.02.2023", "February 2023 has 28 days"},
		{"2022-13-01", "no month 13"},
		{"1994-00", "no month 0"},
		{"0999", "out of range"},
		{"1994/03/07", "not a date"},
		{"сегодня", "not a date"},
		{"19ab", "not a date"},
		{"+994-03-07", "not a date"},
	}
	for _, tt := range bad {
		t.Run("Invalid/"+tt.in, func(t *testing.T) {
			_, err := lastseen.ParseDate(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("ParseDate(%q) error = %v, want one that says %q", tt.in, err, tt.says)
			}
		})
	}
}

func TestPartialDateJSON(t *testing.T) {
	t.Run("RoundTrips", func(t *testing.T) {
		for _, s := range []string{`"1994-03-07"`, `"1994-03"`, `"1994"`, `null`} {
			var d lastseen.PartialDate
			if err := json.Unmarshal([]byte(s), &d); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(d)
			if string(b) != s {
				t.Fatalf("%s came back as %s", s, b)
			}
		}
	})
	t.Run("ErrNotADate", func(t *testing.T) {
		var d lastseen.PartialDate
		if err := json.Unmarshal([]byte(`19940307.5`), &d); err == nil {
			t.Fatal("a number was accepted as a date")
		}
	})
}

func TestPartialDateBefore(t *testing.T) {
	a := lastseen.MustParseDate("2022-02")
	b := lastseen.MustParseDate("2022-02-01")
	c := lastseen.MustParseDate("2022-02-23")
	if !a.Before(b) || !b.Before(c) || c.Before(a) || !(lastseen.PartialDate{}).Before(a) {
		t.Fatal("partial dates are not ordered by start, then precision")
	}
}

// FuzzParseDate checks that no input panics and that every accepted date
// prints in a form that parses back to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1994-03-07", "1994-03", "1994", "07.03.1994", "03.1994", "19940307", "31.02.1994", "", "2022-13-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := lastseen.ParseDate(s)
		if err != nil {
			return
		}
		again, err := lastseen.ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, which reparses as %v, %v", s, d, again, err)
		}
	})
}
