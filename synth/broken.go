package synth

import (
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

// breakRecord makes a valid record invalid the way real lists are.
func breakRecord(r *rng, rec *Record, src *source, p *person) {
	rec.Broken = true
	switch r.intn(5) {
	case 0:
		rec.BirthDate = impossibleDate(r, src.date, p.by)
		rec.BrokenReason = BrokenBirthDate
	case 1:
		rec.StatusDate = impossibleDate(r, src.date, p.fy)
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
