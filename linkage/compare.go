package linkage

import (
	"unicode/utf8"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/names"
)

// Core fields, in the order of a comparison vector. Extra compared columns
// (Options.Extra) follow them.
const (
	FieldGiven = iota
	FieldFamily
	FieldPatronymic
	FieldBirthDate
	FieldBirthPlace
	FieldSex
	FieldUnit
	FieldServiceNumber
	FieldSide
	// FieldEventPlace and FieldStatusDate are the event the record reports:
	// where and when the person was last seen, captured, wounded or died
	// (the status's place and date). Two reports of one event share them; two
	// namesakes rarely do.
	FieldEventPlace
	FieldStatusDate
	numCoreFields
)

// MaxFields bounds the fields of a model: core fields plus extra columns;
// MaxLevels the levels of a field, "missing" included.
const (
	MaxFields = 18
	MaxLevels = 12
)

// Level 0 of every field is "missing": one record or both lack the value. It
// weighs nothing either way.
const LevelMissing = 0

// Levels of the name fields, best first.
const (
	NameExact    = 1 + iota // the same letters (case and diacritics aside)
	NameTranslit            // the same after transliteration (Гнатюк / Hnatiuk)
	NameForm                // the same name in another form: ru/uk, diminutive, gender ending
	NameClose               // Jaro–Winkler ≥ 0.92 on the skeletons: a typo
	NameSimilar             // Jaro–Winkler ≥ 0.80
	NameInitial             // one is an initial of the other
	NameDifferent
	// NameConflict: two names both in the table of names with no form in
	// common (Дмитро and Ігор): two people, not one misspelt, as with twins.
	NameConflict
)

// Levels of the birth date, best first. A partial date agrees at the finest
// precision both records have; the year levels (same year … far) describe
// pairs in which one date is partial.
const (
	DateExact     = 1 + iota // the same day
	DateSwapped              // day and month swapped (03.07 / 07.03)
	DateSameMonth            // the same year and month, the days differ or one is unknown
	DateTypo                 // one digit of YYYYMMDD differs, or two adjacent are swapped
	// DateOtherYear and DateOtherMonth: two full dates of which one part is
	// wrong, more than one digit off, and the other two agree: one field of
	// a form or a register misread or misfiled. The year (1956-06-04 /
	// 1975-06-04) and the month (1944-09-03 / 1944-11-03) are two levels
	// because chance makes them differ in rate: two people share a day and
	// month one time in 365, a year and day about one in 2,500.
	DateOtherYear
	DateOtherMonth
	DateSameYear  // the same year only
	DateNearYear  // a year apart
	DateDifferent // two to five years apart
	DateFar       // more than five years apart
	// DateMismatch: both dates are full and differ by more than one
	// mistyped digit or a swap of day and month
	DateMismatch
)

// Levels of the text fields (place, unit, extra columns) and identifiers.
const (
	TextExact = 1 + iota
	TextClose // Jaro–Winkler ≥ 0.90 (text) or one edit (identifiers)
	TextDifferent
)

// Levels of the status date (the date of the event the record reports),
// best first. One person can have several events (wounded in May, captured
// in August), and sources disagree by a few days on when contact was lost,
// so a difference is weak evidence; training says how weak.
const (
	EventSameDay = 1 + iota // the same day
	EventWeek               // one to seven days apart
	// EventTypo: more than a week apart, but one digit of YYYYMMDD, two
	// adjacent digits swapped, or day and month swapped explain it
	EventTypo
	EventMonths // eight to 62 days apart, or the same or next month where one date has no day
	EventFar    // farther apart
)

// Levels of sex.
const (
	SexSame = 1 + iota
	SexDifferent
)

var (
	nameLevels  = []string{"missing", "exact", "translit", "form", "close", "similar", "initial", "different", "conflict"}
	dateLevels  = []string{"missing", "exact", "swapped", "same_month", "typo", "other_year", "other_month", "same_year", "year_apart", "different", "far", "mismatch"}
	textLevels  = []string{"missing", "exact", "close", "different"}
	sexLevels   = []string{"missing", "same", "different"}
	eventLevels = []string{"missing", "same_day", "week", "typo", "months", "far"}
)

var coreFieldNames = [numCoreFields]string{
	"given_name", "family_name", "patronymic", "birth_date", "birth_place", "sex", "unit", "service_number", "side",
	"event_place", "status_date",
}

// Vector is a pair's comparison level in each field.
type Vector [MaxFields]uint8

// compareName returns the level two prepared names reach.
func compareName(a, b *name) uint8 {
	switch {
	case a.full == 0 || b.full == 0:
		return LevelMissing
	case a.full == b.full:
		return NameExact
	case a.skel == b.skel:
		return NameTranslit
	case a.stem == b.stem:
		return NameForm
	case a.forms[0] != 0 && (a.forms[0] == b.forms[0] || a.forms[0] == b.forms[1]) ||
		a.forms[1] != 0 && (a.forms[1] == b.forms[0] || a.forms[1] == b.forms[1]):
		return NameForm
	}
	if a.initial || b.initial || len(a.s) == 1 || len(b.s) == 1 {
		if a.s != "" && b.s != "" && initialOf(a.s[0]) == initialOf(b.s[0]) {
			return NameInitial
		}
		return NameDifferent
	}
	if a.known && b.known {
		return NameConflict
	}
	// One mistyped letter in the written name is a typo even where the
	// skeleton, which drops vowels and merges like sounds, makes a short name
	// look different (Koch / Kohc, Meier / Meiar, Otto / Otwto). Four letters
	// at least: in shorter names one letter is too much of the name. On the
	// skeletons too: a typo on top of a transliteration (Мрроз / Moroz,
	// Mhoov / Мохов) is one letter off only there.
	if typoOf(a.f, b.f) || typoOf(a.s, b.s) {
		return NameClose
	}
	switch jw := jaroWinkler(a.s, b.s); {
	case jw >= 0.92:
		return NameClose
	case jw >= 0.80:
		return NameSimilar
	}
	return NameDifferent
}

func compareDate(a, b *Prepared) uint8 {
	if a.bprec == 0 || b.bprec == 0 {
		return LevelMissing
	}
	p := min(a.bprec, b.bprec)
	if a.by == b.by {
		switch {
		case p == 3 && a.bm == b.bm && a.bd == b.bd:
			return DateExact
		case p == 3 && a.bm == b.bd && a.bd == b.bm:
			return DateSwapped
		case p >= 2 && a.bm == b.bm:
			return DateSameMonth
		case p == 1:
			return DateSameYear
		}
	}
	if p == 3 {
		if dateTypo(a.by, a.bm, a.bd, b.by, b.bm, b.bd) {
			return DateTypo
		}
		if a.bd == b.bd && a.bm == b.bm {
			return DateOtherYear
		}
		if a.bd == b.bd && a.by == b.by {
			return DateOtherMonth
		}
		// two full dates that no common error explains: a clerk who knew
		// the day did not get the rest wrong
		return DateMismatch
	}
	if yearSwapped(int(a.by), int(b.by)) {
		// 1982 and 1928: the two last digits of the year swapped, a
		// typist's error that "far" would read as two people
		return DateTypo
	}
	switch d := int(a.by) - int(b.by); {
	case d == 0:
		return DateSameYear
	case d == 1 || d == -1:
		return DateNearYear
	case d >= -5 && d <= 5:
		return DateDifferent
	}
	return DateFar
}

// yearSwapped reports whether two different years differ only by their two
// last digits swapped (1982 and 1928).
func yearSwapped(x, y int) bool {
	return x != y && x/100 == y/100 && x%10 == y/10%10 && x/10%10 == y%10
}

// dateTypo reports whether two full dates (year, month, day: a birth date
// or an event's) differ by one digit of YYYYMMDD or by two adjacent digits
// swapped.
func dateTypo(y1 int16, m1, d1 int8, y2 int16, m2, d2 int8) bool {
	var x, y [8]byte
	digits(&x, int(y1), int(m1), int(d1))
	digits(&y, int(y2), int(m2), int(d2))
	diff, first := 0, -1
	for i := range 8 {
		if x[i] != y[i] {
			if first < 0 {
				first = i
			}
			diff++
		}
	}
	if diff == 1 {
		return true
	}
	return diff == 2 && first < 7 && x[first] == y[first+1] && x[first+1] == y[first]
}

func digits(d *[8]byte, y, m, dd int) {
	d[0], d[1], d[2], d[3] = byte(y/1000), byte(y/100%10), byte(y/10%10), byte(y%10)
	d[4], d[5], d[6], d[7] = byte(m/10), byte(m%10), byte(dd/10), byte(dd%10)
}

// compareEventDate compares the dates of the events two records report.
// A date known only to the year says too little about an event to compare.
func compareEventDate(a, b *Prepared) uint8 {
	p := min(a.eprec, b.eprec)
	switch {
	case p < lastseen.PrecisionMonth:
		return LevelMissing
	case p == lastseen.PrecisionMonth:
		if d := (int(a.ey)*12 + int(a.em)) - (int(b.ey)*12 + int(b.em)); d >= -1 && d <= 1 {
			return EventMonths
		}
		return EventFar
	}
	d := a.eday - b.eday
	if d < 0 {
		d = -d
	}
	switch {
	case d == 0 && a.em == b.em: // (a mistyped 31.02 and 03.03 are the same day number)
		return EventSameDay
	case d <= 7:
		return EventWeek
	case a.ey == b.ey && a.em == b.ed && a.ed == b.em:
		return EventTypo
	}
	switch {
	case dateTypo(a.ey, a.em, a.ed, b.ey, b.em, b.ed):
		return EventTypo
	case d <= 62:
		return EventMonths
	}
	return EventFar
}

func compareText(a, b *text) uint8 {
	switch {
	case a.id == 0 || b.id == 0:
		return LevelMissing
	case a.id == b.id:
		return TextExact
	case jaroWinkler(a.s, b.s) >= 0.90:
		return TextClose
	}
	return TextDifferent
}

func compareID(a, b *text) uint8 {
	switch {
	case a.id == 0 || b.id == 0:
		return LevelMissing
	case a.id == b.id:
		return TextExact
	case oneEdit(a.s, b.s):
		return TextClose
	}
	return TextDifferent
}

func compareSex(a, b uint8) uint8 {
	switch {
	case a == 0 || b == 0:
		return LevelMissing
	case a == b:
		return SexSame
	}
	return SexDifferent
}

// altReading reports whether the family names of a and b are the same under
// another reading of one of them.
func altReading(a, b *Prepared) bool {
	for _, x := range a.famAlt {
		if x != 0 && (x == b.family.stem || x == b.famAlt[0] || x == b.famAlt[1]) {
			return true
		}
	}
	for _, y := range b.famAlt {
		if y != 0 && y == a.family.stem {
			return true
		}
	}
	return false
}

// compareFamily is compareName on the family names, with what the family
// name's other keys say: another reading of an ambiguous spelling, a typo
// the skeletons hide, the Ukrainian form of a surname.
func compareFamily(a, b *Prepared) uint8 {
	lv := compareName(&a.family, &b.family)
	if lv > NameForm && (a.famAlt[0] != 0 || b.famAlt[0] != 0) && altReading(a, b) {
		// the same under another reading of an ambiguous spelling
		// (Chomjakow read the German way is Хомяков)
		lv = NameTranslit
	}
	if lv == NameSimilar && familyTypo(a, b) {
		// "similar", not "different": most random pairs are different,
		// and the typo is on names alike enough to be similar
		lv = NameClose
	}
	if x := a.famRuUk ^ b.famRuUk; lv > NameForm && a.famRuUk != 0 && x == names.RuUkUkrainian {
		// the Ukrainian form of a surname and another spelling of it
		// (Білоус / Белоус, Білоус / Belous)
		lv = NameForm
	}
	return lv
}

// Compare returns the comparison vector of two prepared records. A name
// written in the other order (given in the family field) is compared crosswise
// when that agrees better.
func Compare(a, b *Prepared) Vector {
	var v Vector
	v[FieldGiven] = compareGiven(a, b)
	v[FieldFamily] = compareFamily(a, b)
	// where the cheap levels see no likeness in one name and some in the
	// other, package names' rules decide (namefallback.go); where both
	// names disagree the pair is two people or a swap, which the crosswise
	// check below reads
	if weakName(v[FieldGiven]) && !weakName(v[FieldFamily]) {
		v[FieldGiven] = givenFallback(a, b, v[FieldGiven])
	} else if weakName(v[FieldFamily]) && !weakName(v[FieldGiven]) {
		v[FieldFamily] = familyFallback(a, b, v[FieldFamily])
	}
	if v[FieldGiven] >= NameSimilar && v[FieldFamily] >= NameSimilar {
		// both disagree: perhaps one record has them in each other's field
		// (the second crosswise comparison only when the first agrees)
		if g := compareName(&a.given, &b.family); g != LevelMissing && g <= NameClose {
			if f := compareName(&a.family, &b.given); f != LevelMissing && f <= NameClose {
				v[FieldGiven], v[FieldFamily] = g, f
			}
		}
	}
	v[FieldPatronymic] = compareName(&a.patr, &b.patr)
	v[FieldBirthDate] = compareDate(a, b)
	v[FieldBirthPlace] = compareText(&a.place, &b.place)
	v[FieldSex] = compareSex(a.sex, b.sex)
	v[FieldUnit] = compareText(&a.unit, &b.unit)
	if v[FieldUnit] != TextExact && v[FieldUnit] != LevelMissing && a.unitNo != 0 && b.unitNo != 0 {
		// the number decides: 47 ОМБр and 47th Mechanized Brigade are one
		// unit, 47 and 48 ОМБр are two however alike they look
		v[FieldUnit] = TextDifferent
		if a.unitNo == b.unitNo {
			v[FieldUnit] = TextClose
		}
	}
	v[FieldServiceNumber] = compareID(&a.svc, &b.svc)
	v[FieldSide] = compareSex(uint8(a.side), uint8(b.side))
	v[FieldEventPlace] = compareText(&a.evPlace, &b.evPlace)
	v[FieldStatusDate] = compareEventDate(a, b)
	for i := range a.extra {
		if i < len(b.extra) {
			v[numCoreFields+i] = compareText(&a.extra[i], &b.extra[i])
		}
	}
	return v
}

// initialOf folds the initials that transliteration confuses: Е/Є/Ye/Ie/I,
// the skeleton's capitals (Ш Ч Ж) with their Latin letters.
func initialOf(c byte) byte {
	switch c {
	case 'e', 'i', 'y', 'j':
		return 'i'
	case 'S':
		return 's'
	case 'C':
		return 'c'
	case 'Z':
		return 'z'
	}
	return c
}

// typoOf reports whether two folded names of at least four letters each
// differ by one substitution, insertion, deletion or transposition of
// adjacent letters, counted in letters (runes), not bytes.
func typoOf(a, b string) bool {
	if len(a)-len(b) > utf8.UTFMax || len(b)-len(a) > utf8.UTFMax {
		return false
	}
	fa, fb := a, b
	// strip the common prefix and suffix; one edit leaves at most one letter
	// on each side, or two letters swapped
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[sa:], b[sb:]
	}
	for a != "" && b != "" {
		ra, sa := utf8.DecodeLastRuneInString(a)
		rb, sb := utf8.DecodeLastRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[:len(a)-sa], b[:len(b)-sb]
	}
	if len(a) > 2*utf8.UTFMax || len(b) > 2*utf8.UTFMax {
		return false
	}
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	switch {
	case na <= 1 && nb <= 1:
	case na == 2 && nb == 2:
		a0, s0 := utf8.DecodeRuneInString(a)
		b0, t0 := utf8.DecodeRuneInString(b)
		a1, _ := utf8.DecodeRuneInString(a[s0:])
		b1, _ := utf8.DecodeRuneInString(b[t0:])
		if a0 != b1 || a1 != b0 {
			return false
		}
	default:
		return false
	}
	return min(utf8.RuneCountInString(fa), utf8.RuneCountInString(fb)) >= 4
}

// oneEdit reports whether a and b differ by at most one substitution,
// insertion, deletion or adjacent transposition.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		if i == len(a) {
			return true
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	return a[i:] == b[i+1:]
}

// jaroWinkler is the Jaro–Winkler similarity of two byte strings (the
// skeletons are ASCII), without allocating.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	if la > 64 || lb > 64 {
		a, b = a[:min(la, 64)], b[:min(lb, 64)]
		la, lb = len(a), len(b)
	}
	win := max(la, lb)/2 - 1
	if win < 0 {
		win = 0
	}
	var ma, mb uint64
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-win), min(lb-1, i+win)
		for j := lo; j <= hi; j++ {
			if mb&(1<<j) == 0 && a[i] == b[j] {
				ma |= 1 << i
				mb |= 1 << j
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, j := 0, 0
	for i := 0; i < la; i++ {
		if ma&(1<<i) == 0 {
			continue
		}
		for mb&(1<<j) == 0 {
			j++
		}
		if a[i] != b[j] {
			t++
		}
		j++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(t/2))/fm) / 3
	p := 0
	for p < 4 && p < la && p < lb && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}
