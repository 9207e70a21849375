package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// declRule reads a word ending in obl as the nominative ending in nom.
type declRule struct {
	obl, nom string
	cases    Case
	sex      Sex // SexUnknown: either sex declines so
	shape    uint8
}

// stem shapes a family-name rule needs (of the nominative it gives)
const (
	shapeAny           uint8 = iota
	shapePossessive          // ends in -ов, -ев, -ин, -ын, -ін, -їн, -єв
	shapeConsonant           // ends in a consonant other than й, ь; not possessive
	shapeVowel               // the stem before the ending ends in a vowel (-й stems)
	shapeAdjective           // -ий, -ый, -ой with a stem of three letters or more, not possessive
	shapeNoun                // -а, -я not after -ов, -ев
	shapeClusterK            // -о after a consonant and к (Бойко, Коваленко, Франко)
	shapeNotPossessive       // the stem does not end in -ов, -ев, -ин …
)

// clusterK: stem ends in a consonant and к, which a masculine nominative
// does not (Бойка, Коваленка are Бойко, Коваленко; Мельника is Мельник).
func clusterK(stem string) bool {
	rs := []rune(stem)
	k := len(rs)
	return k >= 3 && rs[k-1] == 'к' && (isCyrConsonant(rs[k-2]) || rs[k-2] == 'й' || rs[k-2] == 'ь')
}

const (
	gDat = CaseDative
	gGen = CaseGenitive
	gAcc = CaseAccusative
	gIns = CaseInstrumental
	gLoc = CaseLocative
	gVoc = CaseVocative
)

// givenRules decline given names; the nominative must be in the table, with
// the rule's sex.
var givenRules = []declRule{
	// masculine consonant stems: Иван, Олександр, Тарас
	{"а", "", gGen | gAcc, Male, 0},
	{"у", "", gDat | gLoc, Male, 0},
	{"ові", "", gDat | gLoc, Male, 0},
	{"ом", "", gIns, Male, 0},
	{"ем", "", gIns, Male, 0},
	{"е", "", gLoc | gVoc, Male, 0},
	{"і", "", gLoc, Male, 0},
	{"у", "", gVoc, Male, 0}, // after к, г, х: Марку
	// soft stems: Игорь, Ігор, Василь
	{"я", "ь", gGen | gAcc, Male, 0},
	{"я", "", gGen | gAcc, Male, 0},
	{"ю", "ь", gDat | gVoc, Male, 0},
	{"ю", "", gDat | gVoc, Male, 0},
	{"еві", "ь", gDat | gLoc, Male, 0},
	{"еві", "", gDat | gLoc, Male, 0},
	{"ем", "ь", gIns, Male, 0},
	{"е", "ь", gLoc, Male, 0},
	{"і", "ь", gLoc, Male, 0},
	// -й stems: Сергей, Сергій, Андрій, Николай, Дмитрий
	{"я", "й", gGen | gAcc, Male, 0},
	{"ю", "й", gDat | gVoc, Male, 0},
	{"єві", "й", gDat | gLoc, Male, 0},
	{"ем", "й", gIns, Male, 0},
	{"єм", "й", gIns, Male, 0},
	{"е", "й", gLoc, Male, 0},
	{"и", "й", gLoc, Male, 0}, // Дмитрии, Юрии
	{"ї", "й", gLoc, Male, 0},
	// Ukrainian masculine -о: Петро, Павло, Дмитро, Сашко
	{"а", "о", gGen | gAcc, Male, 0},
	{"ові", "о", gDat | gLoc, Male, 0},
	{"у", "о", gDat | gLoc | gVoc, Male, 0},
	{"ом", "о", gIns, Male, 0},
	{"і", "о", gLoc, Male, 0},
	{"е", "о", gVoc, Male, 0},
	// -а, -я stems of both sexes: Анна, Микола, Никита, Мария, Наталья, Ілля
	{"ы", "а", gGen, SexUnknown, 0},
	{"и", "а", gGen, SexUnknown, 0},
	{"и", "я", gGen | gDat | gLoc, SexUnknown, 0},
	{"і", "а", gDat | gLoc, SexUnknown, 0},
	{"і", "я", gGen | gDat | gLoc, SexUnknown, 0},
	{"ї", "я", gGen | gDat | gLoc, SexUnknown, 0},
	{"ці", "ка", gDat | gLoc, SexUnknown, 0}, // Ukrainian к/ц: Одарка, Одарці
	{"зі", "га", gDat | gLoc, SexUnknown, 0}, // Ольга, Ользі
	{"сі", "ха", gDat | gLoc, SexUnknown, 0},
	{"е", "а", gDat | gLoc, SexUnknown, 0},
	{"е", "я", gDat | gLoc | gVoc, SexUnknown, 0},
	{"у", "а", gAcc, SexUnknown, 0},
	{"ю", "я", gAcc | gVoc, SexUnknown, 0},
	{"ой", "а", gIns, SexUnknown, 0},
	{"ей", "а", gIns, SexUnknown, 0}, // after ж, ш, ч, щ, ц: Сашей
	{"ей", "я", gIns, SexUnknown, 0},
	{"ою", "а", gIns, SexUnknown, 0},
	{"ею", "а", gIns, SexUnknown, 0},
	{"ею", "я", gIns, SexUnknown, 0},
	{"єю", "я", gIns, SexUnknown, 0},
	{"о", "а", gVoc, SexUnknown, 0},
	{"є", "я", gVoc, SexUnknown, 0},
	// feminine -ь: Любовь, Любов
	{"и", "ь", gGen | gDat | gLoc, Female, 0},
	{"і", "", gGen | gDat | gLoc, Female, 0},
	{"ью", "ь", gIns, Female, 0},
	{"ю", "", gIns, Female, 0},
}

// patRules decline patronymics; the nominative must read as a patronymic of
// the rule's sex.
var patRules = []declRule{
	// -ович, -евич, -йович, -ич
	{"а", "", gGen | gAcc, Male, 0},
	{"у", "", gDat | gLoc | gVoc, Male, 0},
	{"еві", "", gDat | gLoc, Male, 0},
	{"ем", "", gIns, Male, 0},
	{"ом", "", gIns, Male, 0}, // stressed: Ильичом, Кузьмичом
	{"е", "", gLoc, Male, 0},
	{"і", "", gLoc, Male, 0},
	// -овна, -евна, -ична, -івна, -ївна
	{"ы", "а", gGen, Female, 0},
	{"и", "а", gGen, Female, 0},
	{"е", "а", gDat | gLoc, Female, 0},
	{"і", "а", gDat | gLoc, Female, 0},
	{"у", "а", gAcc, Female, 0},
	{"ой", "а", gIns, Female, 0},
	{"ою", "а", gIns, Female, 0},
	{"о", "а", gVoc, Female, 0},
}

// famRules decline family names. There is no table to check the nominative
// against, so each rule names the shape the nominative must have.
var famRules = []declRule{
	// possessive masculine: Иванов, Петров, Ильин; Ukrainian Іванов, Ільїн
	{"а", "", gGen | gAcc, Male, shapePossessive},
	{"у", "", gDat | gLoc, Male, shapePossessive},
	{"ым", "", gIns, Male, shapePossessive},
	{"им", "", gIns, Male, shapePossessive},
	{"е", "", gLoc, Male, shapePossessive},
	{"ові", "", gDat | gLoc, Male, shapePossessive},
	// possessive feminine: Иванова, Ильина
	{"ой", "а", gGen | gDat | gIns | gLoc, Female, shapePossessive},
	{"ою", "а", gIns, Female, shapePossessive},
	{"у", "а", gAcc, Female, shapePossessive},
	{"ої", "а", gGen, Female, shapePossessive},
	{"ій", "а", gDat | gLoc, Female, shapePossessive},
	// other masculine consonant stems: Шевчук, Мельник, Ткач, Бондар
	{"а", "", gGen | gAcc, Male, shapeConsonant},
	{"у", "", gDat | gLoc | gVoc, Male, shapeConsonant},
	{"ові", "", gDat | gLoc, Male, shapeConsonant},
	{"ом", "", gIns, Male, shapeConsonant},
	{"ем", "", gIns, Male, shapeConsonant}, // after ж, ч, ш, щ, ц: Ткачем
	{"е", "", gLoc | gVoc, Male, shapeConsonant},
	{"і", "", gLoc, Male, shapeConsonant},
	// the fleeting е of -ец, -ець: Кравец, Кравца; Кравець, Кравця
	{"ца", "ец", gGen | gAcc, Male, 0},
	{"цу", "ец", gDat, Male, 0},
	{"цом", "ец", gIns, Male, 0},
	{"цем", "ец", gIns, Male, 0},
	{"це", "ец", gLoc, Male, 0},
	{"ця", "ець", gGen | gAcc, Male, 0},
	{"цю", "ець", gDat | gLoc | gVoc, Male, 0},
	{"цеві", "ець", gDat | gLoc, Male, 0},
	{"цем", "ець", gIns, Male, 0},
	{"ці", "ець", gLoc, Male, 0},
	// soft stems: Коваль; Ukrainian Бондар, Кобзар
	{"я", "ь", gGen | gAcc, Male, shapeConsonant},
	{"я", "", gGen | gAcc, Male, shapeConsonant},
	{"ю", "ь", gDat | gLoc | gVoc, Male, shapeConsonant},
	{"ю", "", gDat | gLoc | gVoc, Male, shapeConsonant},
	{"еві", "ь", gDat | gLoc, Male, shapeConsonant},
	{"еві", "", gDat | gLoc, Male, shapeConsonant},
	{"ем", "ь", gIns, Male, shapeConsonant},
	{"е", "ь", gLoc, Male, shapeConsonant},
	{"і", "ь", gLoc, Male, shapeConsonant},
	// -й stems: Гайдай, Бугай
	{"я", "й", gGen | gAcc, Male, shapeVowel},
	{"ю", "й", gDat | gLoc | gVoc, Male, shapeVowel},
	{"єві", "й", gDat | gLoc, Male, shapeVowel},
	{"ем", "й", gIns, Male, shapeVowel},
	{"єм", "й", gIns, Male, shapeVowel},
	{"е", "й", gLoc, Male, shapeVowel},
	// Ukrainian masculine -о: Коваленко, Бойко, Франко
	{"а", "о", gGen | gAcc, Male, shapeClusterK},
	{"ові", "о", gDat | gLoc, Male, shapeClusterK},
	{"у", "о", gDat | gLoc | gVoc, Male, shapeClusterK},
	{"ом", "о", gIns, Male, shapeClusterK},
	// adjectival masculine: Ковальский, Ковальський, Толстой, Белый, Чорний
	{"ого", "ий", gGen | gAcc, Male, shapeAdjective},
	{"ого", "ый", gGen | gAcc, Male, shapeAdjective},
	{"ого", "ой", gGen | gAcc, Male, shapeAdjective},
	{"ому", "ий", gDat | gLoc, Male, shapeAdjective},
	{"ому", "ый", gDat, Male, shapeAdjective},
	{"ому", "ой", gDat, Male, shapeAdjective},
	{"ым", "ый", gIns, Male, shapeAdjective},
	{"ым", "ой", gIns, Male, shapeAdjective},
	{"им", "ий", gIns, Male, shapeAdjective},
	{"им", "ой", gIns, Male, shapeAdjective}, // after к, г, х: Донским
	{"ом", "ий", gLoc, Male, shapeAdjective},
	{"ом", "ый", gLoc, Male, shapeAdjective},
	{"ом", "ой", gLoc, Male, shapeAdjective},
	{"ім", "ий", gLoc, Male, shapeAdjective},
	{"его", "ий", gGen | gAcc, Male, shapeAdjective},
	{"ему", "ий", gDat, Male, shapeAdjective},
	{"ем", "ий", gLoc, Male, shapeAdjective},
	// adjectival feminine: Ковальская, Толстая; Ukrainian Ковальська, Біла
	// (Смирновой is Смирнова: the possessive rules read it)
	{"ой", "ая", gGen | gDat | gIns | gLoc, Female, shapeNotPossessive},
	{"ую", "ая", gAcc, Female, shapeNotPossessive},
	{"ою", "ая", gIns, Female, shapeNotPossessive},
	{"ої", "а", gGen, Female, shapeNotPossessive},
	{"ій", "а", gDat | gLoc, Female, shapeNotPossessive},
	{"ою", "а", gIns, Female, shapeNotPossessive},
	// nouns in -а, -я, of both sexes: Сорока, Щербина, Зозуля
	{"ы", "а", gGen, SexUnknown, shapeNoun},
	{"и", "а", gGen, SexUnknown, shapeNoun},
	{"и", "я", gGen | gDat | gLoc, SexUnknown, shapeNoun},
	{"і", "а", gGen | gDat | gLoc, SexUnknown, shapeNoun},
	{"і", "я", gGen | gDat | gLoc, SexUnknown, shapeNoun},
	{"ці", "ка", gDat | gLoc, SexUnknown, shapeNoun},
	{"зі", "га", gDat | gLoc, SexUnknown, shapeNoun},
	{"сі", "ха", gDat | gLoc, SexUnknown, shapeNoun},
	{"е", "а", gDat | gLoc, SexUnknown, shapeNoun},
	{"е", "я", gDat | gLoc, SexUnknown, shapeNoun},
	{"у", "а", gAcc, SexUnknown, shapeNoun},
	{"ю", "я", gAcc, SexUnknown, shapeNoun},
	{"ой", "а", gIns, SexUnknown, shapeNoun},
	{"ою", "а", gIns, SexUnknown, shapeNoun},
	{"ей", "а", gIns, SexUnknown, shapeNoun},
	{"ей", "я", gIns, SexUnknown, shapeNoun},
	{"ею", "а", gIns, SexUnknown, shapeNoun},
	{"ею", "я", gIns, SexUnknown, shapeNoun},
}

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

func isCyrConsonant(r rune) bool {
	return r >= 'а' && r <= 'я' && !isCyrVowel(r) && r != 'й' && r != 'ь' && r != 'ъ' || r == 'ґ'
}

// possessiveStem: w ends in a possessive family-name suffix.
func possessiveStem(w string) bool {
	for _, s := range [...]string{"ов", "ев", "єв", "ин", "ын", "ін", "їн"} {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w) > 3 {
			return true
		}
	}
	return false
}

// shapeOK: the nominative nom (whose stem before the rule's ending is stem)
// has the shape the rule needs.
func shapeOK(shape uint8, nom, stem string) bool {
	switch shape {
	case shapePossessive:
		return possessiveStem(nom) || possessiveStem(stem)
	case shapeConsonant:
		last := lastRune(stem)
		switch {
		case !isCyrConsonant(last) || possessiveStem(stem):
			return false
		case nom == stem && clusterK(stem) && !strings.HasSuffix(stem, "вк") && !strings.HasSuffix(stem, "лк"):
			// Бойка is Бойко, not Бойк; but Вовка is Вовк (and Вовко)
			return false
		case strings.HasSuffix(nom, "ь") && strings.ContainsRune("жчшщц", last):
			return false // no soft sign after ж, ч, ш, щ, ц in a man's name: Ткачем is Ткач
		case last == 'ц' && (isCyrConsonant(lastRune(stem[:len(stem)-len("ц")])) || lastRune(stem[:len(stem)-len("ц")]) == 'ь'):
			return false // Кравця is Кравець (the fleeting е), not Кравць
		}
		return true
	case shapeClusterK:
		return clusterK(stem)
	case shapeNotPossessive:
		return !possessiveStem(stem)
	case shapeVowel:
		return isCyrVowel(lastRune(stem))
	case shapeAdjective:
		if utf8.RuneCountInString(stem) < 3 || possessiveStem(stem) {
			return false
		}
		// Russian spelling: no ы after к, г, х, ж, ш, ч, щ
		if strings.HasSuffix(nom, "ый") && strings.ContainsRune("кгхжшчщ", lastRune(stem)) {
			return false
		}
		return isCyrConsonant(lastRune(stem))
	case shapeNoun:
		return !(strings.HasSuffix(stem, "ов") || strings.HasSuffix(stem, "ев") || strings.HasSuffix(stem, "єв"))
	}
	return true
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
		if isApostrophe(r) || r == Apostrophe {
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
		if isApostrophe(r) || r == Apostrophe {
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
// apostrophe).
func cyrillicWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !isCyrillic(r) && r != '-' && !isApostrophe(r) && r != Apostrophe {
			return false
		}
	}
	return true
}

// givenOf returns the table entries whose Russian or Ukrainian form or pet
// form is spelt nom (lower case, ё as е): the skeleton finds them, the
// spelling confirms them (the skeleton drops ь: Тарась is no name).
func givenOf(nom string) []*GivenName {
	out, _ := givenOfFull(nom)
	return out
}

// givenOfFull is givenOf, and whether nom is a full form (not only a pet
// form) of one of them.
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
// without its apostrophe, the apostrophe w has within the stem they share
// (Лук'яненка: Лук'яненко).
func restoreApostrophe(w, nom string) string {
	i := strings.IndexFunc(w, func(r rune) bool { return isApostrophe(r) || r == Apostrophe })
	if i < 0 {
		return nom
	}
	before := foldWord(w[:i])
	if !strings.HasPrefix(nom, before) || len(nom) == len(before) {
		return nom
	}
	return before + "'" + nom[len(before):]
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

// scoreCases is the last resort of ScoreBest for names it found different:
// it reads either name, or both, from an oblique case (see CaseReadings) and
// keeps the best score of a reading. A part read from an oblique form must
// agree with the other name's at least as a form of it (a typo's closeness
// is not enough: Ярослава Чайка read as the genitive of Ярослав Чайко is
// not Ярослав Чайка); the score is discounted as for a swapped reading.
func scoreCases(a, b *Name, c Comparison, ra, rb *Name) (Comparison, *Name, *Name) {
	if a.Script != ScriptCyrillic && b.Script != ScriptCyrillic {
		return c, ra, rb
	}
	// a case reading changes only the ending of a word: unless some word
	// of one name begins as some word of the other, no reading can help
	if !shareWordStart(a, b) {
		return c, ra, rb
	}
	xa, xb := CaseReadings(a), CaseReadings(b)
	if len(xa) == 0 && len(xb) == 0 {
		return c, ra, rb
	}
	plain := c
	try := func(x *Name, cx Case, dx uint8, y *Name, cy Case, dy uint8, ambiguous bool) {
		d, p, q := scoreBestPlain(x, y)
		if !caseScore(&d, plain, dx|dy, ambiguous) {
			return
		}
		if d.Score > c.Score {
			d.CaseA, d.CaseB = cx, cy
			c, ra, rb = d, p, q
		}
	}
	for i := range xa {
		try(&xa[i].Name, xa[i].Case, xa[i].declined, b, 0, 0, xa[i].Ambiguous)
		for j := range xb {
			try(&xa[i].Name, xa[i].Case, xa[i].declined, &xb[j].Name, xb[j].Case, xb[j].declined, xa[i].Ambiguous || xb[j].Ambiguous)
		}
	}
	for j := range xb {
		try(a, 0, 0, &xb[j].Name, xb[j].Case, xb[j].declined, xb[j].Ambiguous)
	}
	return c, ra, rb
}

// Score compares the reading with another name as ScoreBest compares a case
// reading (the discount, the check of the declined parts, the cap of an
// ambiguous reading; CaseA set), but with Score alone: the reading's Name
// against b, checked against the name as written against b, neither read
// with its parts swapped nor respelt (ScoreBest does both, and may differ
// where they change the levels). It is zero when a part read from an
// oblique form only comes close to b's. For callers that read a query once
// and score it against many names (search), which weigh the swap
// themselves.
func (r *CaseReading) Score(b *Name) Comparison {
	d := Score(&r.Name, b)
	if !caseScore(&d, Score(r.written, b), r.declined, r.Ambiguous) {
		return Comparison{}
	}
	d.CaseA = r.Case
	return d
}

// caseScore applies to d, the comparison of a case reading, the check
// that its declined parts agree (see declinedAgree), the discount of a
// reading and the cap of an ambiguous one; false when the check fails.
func caseScore(d *Comparison, plain Comparison, declined uint8, ambiguous bool) bool {
	if !declinedAgree(*d, plain, declined) {
		return false
	}
	d.Score *= 0.97
	if ambiguous {
		d.Score = min(d.Score, ambiguousCaseScore)
		d.CaseAmbiguous = true
	}
	return true
}

// ambiguousCaseScore is the most an ambiguous reading (see
// CaseReading.Ambiguous) scores: review level, under MatchThreshold.
const ambiguousCaseScore = 0.7

// shareWordStart: some word of a and some word of b begin with the same
// two letters of their skeletons (so in any script).
func shareWordStart(a, b *Name) bool {
	var sa, sb [8][2]byte
	na, nb := wordStarts(a, &sa), wordStarts(b, &sb)
	for _, x := range sa[:na] {
		for _, y := range sb[:nb] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// wordStarts fills out with the first two skeleton letters of n's words
// (initials aside) and returns how many.
func wordStarts(n *Name, out *[8][2]byte) int {
	k := 0
	for _, part := range [...]string{n.Given, n.Patronymic, n.Family} {
		for w := range strings.FieldsSeq(part) {
			if k == len(out) {
				return k
			}
			var buf [64]byte
			sk := appendSkeleton(buf[:0], w)
			if len(sk) < 2 {
				continue
			}
			out[k] = [2]byte{sk[0], sk[1]}
			k++
		}
	}
	return k
}

// declinedAgree: every part read from an oblique form agrees with the other
// name's as a form of it at least (or the other name lacks it); a typo's
// closeness is enough only where the name as written (plain) did not
// already agree better: Ярослава Чайка read as Ярослав Чайко is not Ярослав
// Чайка, whose family name was the same as written; Сергея Мельника read as
// Сергей Мельник is Sregey Melnik, a typo away.
func declinedAgree(d, plain Comparison, declined uint8) bool {
	ok := func(l, was Level) bool {
		return l != LevelDifferent && (l != LevelClose || was < LevelInitial)
	}
	if declined&roleGiven != 0 && !ok(d.Given, plain.Given) ||
		declined&rolePat != 0 && !ok(d.Patronymic, plain.Patronymic) ||
		declined&roleFam != 0 && !ok(d.Family, plain.Family) {
		return false
	}
	return true
}

// caseNominative writes a reading's parts, given name first, for Reasons.
func caseNominative(n *Name) string {
	g, p := n.Given, n.Patronymic
	if n.GivenInitial {
		g += "."
	}
	if n.PatronymicInitial {
		p += "."
	}
	return strings.Join(nonEmptyParts(g, p, n.Family), " ")
}
