package names

import "strings"

// Names in grammatical cases. Families write inquiries and the media write
// reports in sentences: "шукаю сина Олександра Коваленка", "судьба Сергея
// Иванова", "информация о Петрове Иване Сергеевиче". A name written so is
// in an oblique case of Russian or Ukrainian, and none of its parts reads
// as the name in the nominative a record keeps.
//
// CaseReadings reads a Cyrillic name back into the nominative. Each word is
// read the ways the rules below allow (a given name or a patronymic only
// when the nominative it gives is one the tables know; a family name by the
// shape of its ending), and a reading of the whole name is kept only when
// every word reads in one and the same case for one sex. Many oblique forms
// are also nominatives of other names (Олександра and Ярослава are women's
// names, Иванова a woman's family name), so a name that reads as a
// nominative at least as well as in an oblique case is left as it is:
// "Олександра Коваленко" is a woman, "Олександра Коваленка" the genitive of
// Олександр Коваленко (a woman's Коваленко does not decline).
//
// The rules are the endings of the two languages' declensions, written for
// this package: masculine consonant, -й, -ь and -о stems (Іван, Сергій, Ігор,
// Петро; Ukrainian declines a man's -енко and -ко: Коваленка, Бойкові), the
// -а/-я stems of both sexes (Микола, Анна, Марія), patronymics in -ич and
// -на, possessive family names (-ов, -ев, -ин and their feminines), adjectival
// ones (-ский, -ський, -ий, -ой and their feminines) and family names that
// are nouns (Сорока, Зозуля). Names that do not decline (a woman's Ткачук,
// Коваленко, Черных) read as themselves in every case.
//
// The comparison asks for these readings only when it has found the two
// names different as written (see scoreCases): Prepare does none of this work.
//
// This file reads a whole name; cases_rules.go holds the endings tables,
// cases_word.go reads one word, cases_score.go puts the readings into the
// comparison.

// Case is a set of grammatical cases: the oblique cases a written name is
// consistent with. Masculine genitive and accusative are one form, so a
// reading is often "genitive or accusative". The zero value is the
// nominative (the name as written).
type Case uint8

const (
	CaseGenitive Case = 1 << iota
	CaseDative
	CaseAccusative
	CaseInstrumental
	CaseLocative // Russian prepositional, Ukrainian locative
	CaseVocative // Ukrainian only (Олександре, Миколо, Тарасе)

	caseAll = CaseGenitive | CaseDative | CaseAccusative | CaseInstrumental | CaseLocative | CaseVocative
)

var caseNames = [...]string{"genitive", "dative", "accusative", "instrumental", "locative", "vocative"}

// String names the cases: "genitive or accusative"; "nominative" for none.
func (c Case) String() string {
	if c == 0 {
		return "nominative"
	}
	var parts []string
	for i, n := range caseNames {
		if c&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, " or ")
}

// CaseReading is one reading of a name written in an oblique case.
type CaseReading struct {
	Name Name // the name in the nominative, prepared
	Case Case // the cases the written name is consistent with
	Sex  Sex  // the sex the reading is for (SexUnknown when either)
	// Nominative is the name in the nominative, given name first.
	Nominative string
	// Ambiguous: the name as written may be another person's: a woman's
	// name in the nominative the table does not know as such (Петра
	// Петрова: the genitive of Пётр Петров, or Petra Petrova; see
	// womenLikeGenitives), or the oblique form of a man's and a woman's
	// name alike (Евгении Савченко). The comparison scores such a reading
	// at review level only.
	Ambiguous bool

	declined uint8 // parts read from an oblique form: roleGiven, rolePat, roleFam bits
	written  *Name // the name as written
}

// word roles, as bits
const (
	roleGiven uint8 = 1 << iota
	rolePat
	roleFam
)

// maxCaseWords is the most words (initials aside) a name may have to be read.
const maxCaseWords = 3

// assignment is one reading of every word of a name.
type assignment struct {
	words  [maxCaseWords]*wordReading
	cases  Case
	points int
}

// CaseReadings returns the readings of a name written in an oblique case:
// the name in the nominative, the cases and the sex. It returns nil when the
// name reads as a nominative at least as well (Олександра Коваленко is a
// woman's name, not the genitive of Олександр Коваленко), when its words
// agree on no one case and sex, and for names not in Cyrillic.
func CaseReadings(n *Name) []CaseReading {
	if n.Script != ScriptCyrillic {
		return nil
	}
	// folded for the rules; as written (for the apostrophe); the role the
	// parse gave each word
	var wordsBuf, writtenBuf [maxCaseWords]string
	var rolesBuf [maxCaseWords]uint8
	words, written, roles := wordsBuf[:0], writtenBuf[:0], rolesBuf[:0]
	var slots uint8 // roles the initials take
	for _, p := range [...]struct {
		s       string
		initial bool
		role    uint8
	}{{n.Given, n.GivenInitial, roleGiven}, {n.Patronymic, n.PatronymicInitial, rolePat}, {n.Family, false, roleFam}} {
		if p.s == "" {
			continue
		}
		if p.initial {
			slots |= p.role
			continue
		}
		for w := range strings.FieldsSeq(p.s) {
			if !cyrillicWord(w) || strings.Contains(w, "-") || len(words) == maxCaseWords {
				return nil
			}
			words = append(words, foldWord(w))
			written = append(written, w)
			roles = append(roles, p.role)
		}
	}
	if len(words) == 0 {
		return nil
	}
	// most names are in the nominative, and the parse reads them as well as
	// they can be read (Сергей Петрович Иванов): no oblique reading could
	// do better, and the walk below would find the same (its best
	// nominative reading is at least the parse's)
	possible := bestPossible(words, slots)
	if asParsed(words, roles, slots) >= possible {
		return nil
	}
	readings := make([][]wordReading, len(words))
	var caps [maxCaseWords]int8
	for i, w := range words {
		readings[i], caps[i] = readWord(w)
	}

	// the best nominative reading: every word as written
	nomBest := -1
	for _, sex := range [...]Sex{Male, Female} {
		walk(readings, slots, sex, 0, func(a *assignment) {
			nomBest = max(nomBest, a.points)
		})
	}
	// a name that reads as well as it can in another order (Иванов Сергей
	// parsed with Иванов as the given name): no oblique reading does better
	if nomBest >= possible {
		return nil
	}
	for i, w := range words {
		readings[i] = readOblique(w, readings[i], caps[i])
	}
	// the best oblique readings, case by case
	var best []assignment
	bestPoints := -1
	var bestSex []Sex
	for _, sex := range [...]Sex{Male, Female} {
		for c := CaseGenitive; c <= CaseVocative; c <<= 1 {
			walk(readings, slots, sex, c, func(a *assignment) {
				switch {
				case a.points > bestPoints:
					best, bestSex, bestPoints = best[:0], bestSex[:0], a.points
				case a.points < bestPoints:
					return
				}
				best = append(best, *a)
				bestSex = append(bestSex, sex)
			})
		}
	}
	if bestPoints < 0 || bestPoints <= nomBest {
		return nil
	}
	var out []CaseReading
	for i := range best {
		a := &best[i]
		var parts [3]string // given, patronymic, family, lower case
		var declined uint8
		for k := range words {
			wr := a.words[k]
			nom := restoreApostrophe(written[k], wr.nom)
			switch wr.role {
			case roleGiven:
				parts[0] = nom
			case rolePat:
				parts[1] = nom
			case roleFam:
				parts[2] = nom
			}
			if wr.nom != words[k] {
				declined |= wr.role
			}
		}
		for k := range parts {
			parts[k] = titleCase(parts[k])
		}
		g, p := parts[0], parts[1]
		if slots&roleGiven != 0 {
			g = n.Given + "."
		}
		if slots&rolePat != 0 {
			p = n.Patronymic + "."
		}
		nominative := strings.Join(nonEmptyParts(g, p, parts[2]), " ")
		merged := false
		for j := range out {
			if out[j].Nominative == nominative {
				out[j].Case |= a.cases
				if out[j].Sex != bestSex[i] {
					out[j].Sex = SexUnknown
				}
				out[j].declined |= declined
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, CaseReading{
				Name: Prepare(g, p, parts[2], ""), Case: a.cases, Sex: bestSex[i],
				Nominative: nominative, declined: declined, written: n,
				Ambiguous: womanAsWritten(words, a, slots),
			})
		}
	}
	// a form that a man's name and a woman's share (Евгении: Евгений's
	// locative, Евгения's genitive; Иванову: Иванов's dative, Иванова's
	// accusative) is one of two people: every reading is ambiguous
	var sexes [3]bool
	for i := range out {
		sexes[out[i].Sex] = true
	}
	if sexes[Male] && sexes[Female] {
		for i := range out {
			out[i].Ambiguous = true
		}
	}
	return out
}

// restoreApostrophe puts back into nom, a reading of the word w folded
// without its apostrophe, an apostrophe (the plain one, as Prepare writes
// every kind) where w has its first within the stem they share
// (Лук’яненка: Лук'яненко).
func restoreApostrophe(w, nom string) string {
	i := strings.IndexFunc(w, isApostrophe)
	if i < 0 {
		return nom
	}
	before := foldWord(w[:i])
	if !strings.HasPrefix(nom, before) || len(nom) == len(before) {
		return nom
	}
	return before + string(Apostrophe) + nom[len(before):]
}

// womanAsWritten: the words of an oblique reading a (a given name and a
// family name, no patronymic) also read as a woman's name in the
// nominative: the given name is a woman's name that is also the genitive
// of a man's (see womenLikeGenitives) and the family name may be a
// woman's as written (Петрова, Коваленко; not Петренка).
func womanAsWritten(words []string, a *assignment, slots uint8) bool {
	given, fam := -1, -1
	for k := range words {
		switch a.words[k].role {
		case roleGiven:
			given = k
		case roleFam:
			fam = k
		case rolePat:
			return false
		}
	}
	if given < 0 || slots&rolePat != 0 || !strings.Contains(womenLikeGenitives, " "+words[given]+" ") {
		return false
	}
	if fam < 0 {
		return true
	}
	sex, ok := famNominative(words[fam])
	return ok && sex != Male
}

// womenLikeGenitives are women's names in use that are spelt as the
// genitive of a man's name (Петра: Пётр's genitive, and Petra), where the
// given-name table does not list them (it settles Олександра, Ярослава,
// Богдана, Валентина, Яна itself), among them the women's forms of the
// -слав and -мир names the table lists for men only (Святослава,
// Ростислава, Любомира). The Ukrainian Івана is only Іван's genitive: the
// woman's name is Іванна.
const womenLikeGenitives = " петра ивана мартина романа руслана милана кира дана влада алана эрика ерика еріка адриана юлиана даниела габриела " +
	"святослава ростислава бронислава броніслава борислава любомира северина "

// asParsed is the points of the nominative reading the parse gives: each
// word as written in the role it was parsed into, read as readWord reads it
// in that role; -1 when that is no reading walk makes (two words in one
// role, a role the initials take, a word that does not read so, sexes
// that disagree) or when a given name is not one the table spells so
// (then the reading is not worth the look).
func asParsed(words []string, roles []uint8, slots uint8) int {
	used := slots
	male, female := true, true
	points := 0
	for i, w := range words {
		role := roles[i]
		if used&role != 0 {
			return -1
		}
		used |= role
		var sex Sex
		switch role {
		case roleGiven:
			list, full := givenOfFull(w)
			if len(list) == 0 {
				return -1
			}
			sex, points = givenSex(list), points+int(givenPoints(full))
		case rolePat:
			s, ok := patronymicAsWritten(w)
			if !ok {
				return -1
			}
			sex, points = s, points+ptGiven
		case roleFam:
			s, ok := famNominative(w)
			if !ok {
				return -1
			}
			sex, points = s, points+ptFamily
		}
		male = male && sexFits(sex, Male)
		female = female && sexFits(sex, Female)
	}
	if !male && !female {
		return -1
	}
	return points
}

// bestPossible bounds the points of any reading of words: each word read
// as a known full given name, as a patronymic (only a word with the
// patronymic's -ич- or -вн-) or as a family name, in distinct roles not
// taken by the initials.
func bestPossible(words []string, slots uint8) int {
	best := -1
	var rec func(i int, used uint8, points int)
	rec = func(i int, used uint8, points int) {
		if i == len(words) {
			best = max(best, points)
			return
		}
		if used&roleGiven == 0 {
			rec(i+1, used|roleGiven, points+ptGiven)
		}
		if used&rolePat == 0 && (strings.Contains(words[i], "ич") || strings.Contains(words[i], "вн")) {
			rec(i+1, used|rolePat, points+ptGiven)
		}
		if used&roleFam == 0 {
			rec(i+1, used|roleFam, points+ptFamily)
		}
	}
	rec(0, slots, 0)
	return best
}

func nonEmptyParts(list ...string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// walk calls fn with every assignment of the words' readings to distinct
// roles (not those the initials take) in case c (0: the nominative) for a
// bearer of sex. An oblique assignment declines at least one word.
func walk(readings [][]wordReading, slots uint8, sex Sex, c Case, fn func(*assignment)) {
	var a assignment
	var rec func(i int, used uint8, cases Case, points int, declined bool)
	rec = func(i int, used uint8, cases Case, points int, declined bool) {
		if i == len(readings) {
			if c != 0 && !declined {
				return
			}
			a.cases, a.points = cases, points
			fn(&a)
			return
		}
		for k := range readings[i] {
			r := &readings[i][k]
			if used&r.role != 0 || !sexFits(r.sex, sex) {
				continue
			}
			nc, decl := cases, declined
			if c == 0 {
				if !r.nomOK {
					continue
				}
			} else {
				if r.cases&c == 0 {
					continue
				}
				nc &= r.cases
				if r.cases != caseAll {
					decl = true
				}
			}
			a.words[i] = r
			rec(i+1, used|r.role, nc, points+int(r.points), decl)
		}
	}
	rec(0, slots, caseAll, 0, false)
}
