package synth

import (
	"math"
	"unicode/utf8"
)

// Broken-row kinds, as BrokenReason gives them.
const (
	BrokenBirthDate  = "birth_date: impossible date"
	BrokenStatusDate = "status_date: impossible date"
	BrokenEmptyName  = "name: empty"
	BrokenEncoding   = "name: not UTF-8"
	BrokenStatus     = "status: unknown"
)

// brokenRow reports whether row n (1-based, in output order) is broken at
// rate q: row n is broken when floor(n*q) steps up at n. Exactly floor(N*q)
// of rows 1..N are broken, for every N, spread evenly over the file; which
// record lands on a broken row is up to the shuffle.
func brokenRow(n int64, q float64) bool {
	return q > 0 && math.Floor(float64(n)*q) > math.Floor(float64(n-1)*q)
}

// breakHint is what breakRecord needs to know of a record beyond its fields:
// the date layout of its source and the years of the person, so that an
// impossible date is written the way the source writes dates.
type breakHint struct {
	layout int8
	by, fy int16 // birth year, year of the fate
}

func hintOf(src *source, p *person) breakHint {
	return breakHint{layout: int8(src.date), by: int16(p.by), fy: int16(p.fy)}
}

// breakRecord makes the valid record of row n invalid the way real lists
// are. Its choices come from a stream of the seed and the row number, so
// that Generate and WriteCSV break a row the same way.
func breakRecord(seed int64, n int64, rec *Record, h breakHint) {
	r := newRNG(seed, 6, uint64(n))
	rec.Broken = true
	switch r.intn(5) {
	case 0:
		rec.BirthDate = impossibleDate(&r, int(h.layout), int(h.by))
		rec.BrokenReason = BrokenBirthDate
	case 1:
		rec.StatusDate = impossibleDate(&r, int(h.layout), int(h.fy))
		rec.BrokenReason = BrokenStatusDate
	case 2:
		rec.GivenName, rec.FamilyName, rec.Patronymic, rec.FullName = "", "", "", ""
		rec.BrokenReason = BrokenEmptyName
	case 3:
		// a row pasted from a Windows-1251 file into a UTF-8 one
		if rec.FullName != "" {
			rec.FullName = mangle(rec.FullName)
		} else {
			rec.FamilyName = mangle(rec.FamilyName)
		}
		rec.BrokenReason = BrokenEncoding
	default:
		rec.Status = "???"
		rec.BrokenReason = BrokenStatus
	}
}

func impossibleDate(r *rng, layout, y int) string {
	bad := [][2]int{{2, 30}, {2, 31}, {4, 31}, {6, 31}, {13, 1}, {0, 10}, {5, 0}, {11, 31}, {9, 31}, {14, 12}}
	b := bad[r.intn(len(bad))]
	m, d := b[0], b[1]
	if layout == dateYear {
		layout = dateISO
	}
	return formatDate(layout, y, m, d, 3)
}

// mangle encodes s in Windows-1251, which is never valid UTF-8 for Cyrillic
// text; Latin text gets a stray Latin-1 byte.
func mangle(s string) string {
	out := make([]byte, 0, len(s))
	for _, c := range s {
		switch {
		case c >= 'А' && c <= 'я':
			out = append(out, byte(0xC0+c-'А'))
		case c == 'Ё':
			out = append(out, 0xA8)
		case c == 'ё':
			out = append(out, 0xB8)
		case c == 'Є':
			out = append(out, 0xAA)
		case c == 'є':
			out = append(out, 0xBA)
		case c == 'І':
			out = append(out, 0xB2)
		case c == 'і':
			out = append(out, 0xB3)
		case c == 'Ї':
			out = append(out, 0xAF)
		case c == 'ї':
			out = append(out, 0xBF)
		case c < utf8.RuneSelf:
			out = append(out, byte(c))
		default:
			out = append(out, '?')
		}
	}
	if utf8.Valid(out) {
		out = append(out, 0xE9) // é in Latin-1
	}
	return string(out)
}
