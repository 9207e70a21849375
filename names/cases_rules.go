package names

import (
	"strings"
	"unicode/utf8"
)

// The endings tables of the case readings (see cases.go): how an oblique
// ending reads back into the nominative one, for given names, patronymics
// and family names, and the shapes a family name's nominative must have.

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

func isCyrConsonant(r rune) bool {
	return r >= 'а' && r <= 'я' && !isCyrVowel(r) && r != 'й' && r != 'ь' && r != 'ъ' || r == 'ґ'
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
