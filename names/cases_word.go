package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reading of one word of a name written in a grammatical case (see
// cases.go): as written, and from an oblique case by the endings tables
// (cases_rules.go), each reading with its role, sex, cases and points.

// How well a word fits a role, summed over the words of a reading: the
// reading of a whole name that fits best wins, the nominative on a tie.
// A pet form fits less than a full name (Степана Вовка is Степан Вовк, not
// a Вовка called Степана).
const (
	ptGiven   = 4 // a full form of a given name the table spells so; a patronymic
	ptPet     = 3 // a pet form the table spells so
	ptSkel    = 2 // a given name the table knows by its skeleton only; a family name
	ptFamily  = 2
	ptUnknown = 0 // a given name the table does not know
)

// wordReading is one way to read one word.
type wordReading struct {
	nom    string // the nominative, lower case
	role   uint8
	cases  Case // caseAll|nominative for a word that does not decline
	nomOK  bool // the word as written is a nominative of this role
	sex    Sex
	points int8 // how well the word fits the role (see the pt constants)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// famNominative: a family name written w may be a nominative, and of which
// sex. Endings that no Russian or Ukrainian family name has in the
// nominative (-ого, -ому, -ові, -ою; the -енка of a declined -енко) say
// it is not.
func famNominative(w string) (Sex, bool) {
	n := utf8.RuneCountInString(w)
	for _, e := range [...]string{"ого", "его", "ому", "ему", "ым", "ові", "еві", "єві", "ою", "ею", "єю", "ої", "єї", "ы", "і", "енка", "ойка", "ука", "юка", "ника", "е"} {
		if strings.HasSuffix(w, e) {
			return SexUnknown, false
		}
	}
	if (strings.HasSuffix(w, "у") || strings.HasSuffix(w, "ю")) && n >= 4 {
		return SexUnknown, false
	}
	if (strings.HasSuffix(w, "им") || strings.HasSuffix(w, "ом") || strings.HasSuffix(w, "ем")) && n >= 6 {
		return SexUnknown, false
	}
	if strings.HasSuffix(w, "ій") && n > 4 {
		stem := strings.TrimSuffix(w, "ій")
		if possessiveStem(stem) || strings.HasSuffix(stem, "ськ") || strings.HasSuffix(stem, "цьк") {
			return SexUnknown, false
		}
	}
	return FamilySex(w), true
}

// famIndeclinable: a family name w that may be a nominative (famNominative:
// a name that does not decline is in the nominative in every case) reads
// as itself in every case, and for which sex: a woman's name with a
// consonant ending (Ткачук, Коваль), names in -о (Коваленко for a woman;
// for a man too in Russian, which does not decline it) and in -их, -ых,
// -аго, -яго.
func famIndeclinable(w string) (Sex, bool) {
	for _, e := range [...]string{"о", "их", "ых", "аго", "яго"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > 3 {
			return SexUnknown, true
		}
	}
	last, size := utf8.DecodeLastRuneInString(w)
	// a woman's Гайдай, Цой, but not the adjectival Толстой, Білий
	softJ := last == 'й' && utf8.RuneCountInString(w) > 2 &&
		strings.ContainsRune("аеуяює", lastRune(w[:len(w)-size]))
	if (isCyrConsonant(last) || last == 'ь' || softJ) && !possessiveStem(w) {
		return Female, true
	}
	return SexUnknown, false
}

// foldWord is a word in lower case with ё as е and no apostrophe, the form
// the rules read.
func foldWord(w string) string {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		if isApostrophe(r) {
			continue
		}
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// foldRune is a letter in lower case, ё as е; Cyrillic without a table
// look-up.
func foldRune(r rune) rune {
	switch {
	case r >= 'а' && r <= 'я':
		return r
	case r >= 'А' && r <= 'Я':
		return r + 'а' - 'А'
	case r == 'ё' || r == 'Ё':
		return 'е'
	case r >= 'Ѐ' && r <= 'Џ': // Є І Ї
		return r + 'ѐ' - 'Ѐ'
	}
	return unicode.ToLower(r)
}

// foldEqual: foldWord(f) == w, without building the folded string.
func foldEqual(f, w string) bool {
	for _, r := range f {
		if isApostrophe(r) {
			continue
		}
		r = foldRune(r)
		c, size := utf8.DecodeRuneInString(w)
		if size == 0 || c != r {
			return false
		}
		w = w[size:]
	}
	return w == ""
}

// cyrillicWord: w is written in Cyrillic letters only (and a dash or an
// apostrophe), one letter at least (an apostrophe alone, a record's family
// name "’", folds to no word at all).
func cyrillicWord(w string) bool {
	letters := false
	for _, r := range w {
		switch {
		case isCyrillic(r):
			letters = true
		case r != '-' && !isApostrophe(r):
			return false
		}
	}
	return letters
}

// givenOfFull returns the table entries whose Russian or Ukrainian form or
// pet form is spelt nom (lower case, ё as е): the skeleton finds them, the
// spelling confirms them (the skeleton drops ь: Тарась is no name); and
// whether nom is a full form (not only a pet form) of one of them.
func givenOfFull(nom string) ([]*GivenName, bool) {
	var buf [64]byte
	var out []*GivenName
	full := false
	for _, g := range givenBySkel[string(appendSkeleton(buf[:0], nom))] {
		for i, forms := range [...][]string{g.Ru, g.Uk, g.Dim} {
			for _, f := range forms {
				if foldEqual(f, nom) {
					out = appendUniqueGiven(out, g)
					full = full || i < 2
				}
			}
		}
	}
	return out, full
}

// givenPoints is how well a name the table spells so fits as a given name.
func givenPoints(full bool) int8 {
	if full {
		return ptGiven
	}
	return ptPet
}

// sameIDs: two lists of entries are the same entries.
func sameIDs(a, b []*GivenName) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// patronymicAsWritten: w (lower case) is a patronymic in the nominative,
// and the bearer's sex: Patronymic reads it, and it ends as a nominative
// does (-ич, -на; Patronymic reads the skeleton, which Ильича also has).
func patronymicAsWritten(w string) (Sex, bool) {
	if !strings.HasSuffix(w, "ич") && !strings.HasSuffix(w, "на") {
		return SexUnknown, false
	}
	var buf [64]byte
	_, sex, ok := patronymicSkel(appendSkeleton(buf[:0], w))
	switch {
	case !ok:
		return SexUnknown, false
	case strings.HasSuffix(w, "ич") && sex != Female:
		return Male, true
	case strings.HasSuffix(w, "на") && sex != Male:
		return Female, true
	}
	return SexUnknown, false
}

// sexFits: a word of sex s may stand in a reading for sex want.
func sexFits(s, want Sex) bool { return s == SexUnknown || s == want }

// addReading adds r to the readings of a word, or its cases to the one
// reading like it.
func addReading(out []wordReading, r wordReading) []wordReading {
	for i := range out {
		if out[i].nom == r.nom && out[i].role == r.role && out[i].nomOK == r.nomOK && out[i].sex == r.sex {
			out[i].cases |= r.cases
			return out
		}
	}
	return append(out, r)
}

// readWord lists the readings of one word as written, and the most points
// a reading of it as another given name may have (see readOblique).
func readWord(w string) (out []wordReading, capGiven int8) {
	add := func(r wordReading) { out = addReading(out, r) }
	// as written, in the nominative: a given name the table spells so, or
	// one it knows by its skeleton only (another spelling, or an oblique
	// form that looks like one: Аллы, Алли), or one it does not know. A
	// word the table spells as a name reads as another name no better than
	// as itself (capGiven: Лёва is Лёва, not Лев's genitive).
	capGiven = ptGiven
	if list, full := givenOfFull(w); len(list) > 0 {
		sex := givenSex(list)
		capGiven = givenPoints(full)
		add(wordReading{nom: w, role: roleGiven, nomOK: true, sex: sex, points: givenPoints(full)})
		// names that do not decline: Али, Бато; a woman's Айгуль
		if last := lastRune(w); last != 'а' && last != 'я' && (isCyrVowel(last) || sex == Female) {
			add(wordReading{nom: w, role: roleGiven, cases: caseAll, sex: sex, points: givenPoints(full)})
		}
	} else if list := lookupGiven(w); len(list) > 0 {
		add(wordReading{nom: w, role: roleGiven, nomOK: true, sex: givenSex(list), points: ptSkel})
	} else {
		add(wordReading{nom: w, role: roleGiven, nomOK: true, points: ptUnknown})
	}
	if sex, ok := patronymicAsWritten(w); ok {
		add(wordReading{nom: w, role: rolePat, nomOK: true, sex: sex, points: ptGiven})
	}
	if sex, ok := famNominative(w); ok {
		add(wordReading{nom: w, role: roleFam, nomOK: true, sex: sex, points: ptFamily})
		if sex, ok := famIndeclinable(w); ok {
			add(wordReading{nom: w, role: roleFam, cases: caseAll, sex: sex, points: ptFamily})
		}
	}
	return out, capGiven
}

// readOblique adds to out, the readings of w as written (readWord), its
// readings from an oblique case.
func readOblique(w string, out []wordReading, capGiven int8) []wordReading {
	if utf8.RuneCountInString(w) < 2 {
		return out
	}
	add := func(r wordReading) { out = addReading(out, r) }
	last := w[len(w)-1]
	apply := func(rules []declRule, minStem int, fn func(r declRule, nom, stem string)) {
		for i := range rules {
			r := &rules[i]
			// most rules end in another letter: test its last byte first
			if r.obl[len(r.obl)-1] != last || !strings.HasSuffix(w, r.obl) {
				continue
			}
			stem := w[:len(w)-len(r.obl)]
			if utf8.RuneCountInString(stem) < minStem {
				continue
			}
			fn(*r, stem+r.nom, stem)
		}
	}
	// the given-name readings so far: their entries and their place in out
	type givenSeen struct {
		list []*GivenName
		at   int
	}
	var seen []givenSeen
	// a given name's stem may be one letter (Ия: Ии), as the table confirms it
	apply(givenRules, 1, func(r declRule, nom, stem string) {
		list, full := givenOfFull(nom)
		// the fleeting vowel of Russian Павел, Лев: Павла, Льва
		if len(list) == 0 && r.nom == "" && utf8.RuneCountInString(stem) >= 3 {
			rs := []rune(stem)
			k := len(rs)
			switch {
			case isCyrConsonant(rs[k-1]) && isCyrConsonant(rs[k-2]):
				nom = string(rs[:k-1]) + "е" + string(rs[k-1])
			case rs[k-2] == 'ь':
				nom = string(rs[:k-2]) + "е" + string(rs[k-1])
			}
			list, full = givenOfFull(nom)
		}
		if len(list) == 0 {
			return
		}
		sex := givenSex(list)
		if r.sex != SexUnknown && !sexFits(sex, r.sex) {
			return
		}
		if sex == SexUnknown {
			sex = r.sex
		}
		// Петра is Пётр and Петро: one name, one reading
		for _, x := range seen {
			if sameIDs(x.list, list) && out[x.at].sex == sex {
				out[x.at].cases |= r.cases
				return
			}
		}
		n := len(out)
		add(wordReading{nom: nom, role: roleGiven, cases: r.cases, sex: sex, points: min(givenPoints(full), capGiven)})
		if len(out) > n {
			seen = append(seen, givenSeen{list, n})
		}
	})
	apply(patRules, 2, func(r declRule, nom, stem string) {
		if sex, ok := patronymicAsWritten(nom); ok && sex == r.sex {
			add(wordReading{nom: nom, role: rolePat, cases: r.cases, sex: sex, points: ptGiven})
		}
	})
	apply(famRules, 2, func(r declRule, nom, stem string) {
		if shapeOK(r.shape, nom, stem) {
			add(wordReading{nom: nom, role: roleFam, cases: r.cases, sex: r.sex, points: ptFamily})
		}
	})
	return out
}
