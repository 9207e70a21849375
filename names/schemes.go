package names

import "strings"

// The romanisation tables. Each is written from its published standard; the
// golden tests check them against the public test vectors when present.

// letters builds a letter table from "а a б b ..." pairs; "-" stands for nothing.
func letters(spec string) map[rune]string {
	f := strings.Fields(spec)
	m := make(map[rune]string, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		out := f[i+1]
		if out == "-" {
			out = ""
		}
		m[[]rune(f[i])[0]] = out
	}
	return m
}

// ctx adds, for each letter c of set, the rule {c, cur} (before=true: c precedes
// cur) or {cur, c} → out to m. The rune '^' in set stands for the word boundary.
func ctx(m map[[2]rune]string, set string, cur rune, out string, before bool) map[[2]rune]string {
	if m == nil {
		m = map[[2]rune]string{}
	}
	for _, c := range set {
		if c == '^' {
			c = 0
		}
		if before {
			m[[2]rune{c, cur}] = out
		} else {
			m[[2]rune{cur, c}] = out
		}
	}
	return m
}

const (
	ruConsonants = "бвгджзклмнпрстфхцчшщ"
	hushing      = "жчшщ"
	signs        = "ъь"
)

var tables = []*table{
	icaoTable(), mvd310Table(), mvd782Table(), bgnTable(), gostBTable(), iso9Table(),
	kmuTable(), pressENTable(), pressDETable(), pressFRTable(), pressPLTable(),
}

// ICAO Doc 9303 (7th ed., 2015), as used in Russian and Ukrainian foreign passports of
// their times: no context rules at all, ъ→ie, ь dropped.
func icaoTable() *table {
	return &table{name: "ICAO", apostr: "",
		base: letters(`а a б b в v г g ґ g д d е e ё e є ie ж zh з z и i і i ї i й i к k л l м m н n
			о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ ie ы y ь - э e ю iu я ia`),
	}
}

// MVD order 310 (1997).
func mvd310Table() *table {
	t := &table{name: "MVD310", apostr: "",
		base: letters(`а a б b в v г g ґ g д d е e ё e є ye ж zh з z и i і i ї yi й y к k л l м m н n
			о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ " ы y ь ' э e ю yu я ya`),
	}
	t.prev = ctx(nil, signs, 'е', "ye", true)
	t.next = ctx(nil, "е", 'ь', "", false)
	ctx(t.next, "е", 'ъ', "", false)
	return t
}

// MVD order 782 (2000, in passports 2010–2013): е jotated after vowels and signs,
// ё written ye after a consonant, e after a hushing one.
func mvd782Table() *table {
	t := &table{name: "MVD782", apostr: "",
		base: letters(`а a б b в v г g ґ g д d е e ё yo є ye ж zh з z и i і i ї yi й y к k л l м m н n
			о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ ' ы y ь ' э e ю yu я ya`),
	}
	t.prev = ctx(nil, ruVowels+signs, 'е', "ye", true)
	ctx(t.prev, "бвгдзклмнпрстфхц", 'ё', "ye", true)
	ctx(t.prev, hushing, 'ё', "e", true)
	ctx(t.prev, "ь", 'и', "yi", true)
	t.next = ctx(nil, "её", 'ъ', "", false)
	ctx(t.next, "еёи", 'ь', "", false)
	return t
}

// BGN/PCGN 1947 for Russian, with its optional middle dot that keeps тс, шч, йа…
// apart from ц, щ, я; BGN/PCGN 1965 for Ukrainian words.
func bgnTable() *table {
	t := &table{name: "BGN/PCGN", apostr: "’",
		base: letters(`а a б b в v г g д d е e ё ë ж zh з z и i й y к k л l м m н n
			о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ ” ы y ь ’ э e ю yu я ya`),
		ukBase: letters(`г h ґ g є ye и y і i ї yi`),
	}
	jot := "^" + ruVowels + "й" + signs
	t.prev = ctx(nil, jot, 'е', "ye", true)
	ctx(t.prev, jot, 'ё', "yë", true)
	ctx(t.prev, ruVowels, 'ы', "·y", true)
	ctx(t.prev, ruConsonants, 'э', "·e", true)
	t.next = ctx(nil, "ауыэ", 'й', "y·", false)
	ctx(t.next, "ауыэ", 'ы', "y·", false)
	ctx(t.next, "с", 'т', "t·", false)
	ctx(t.next, "ч", 'ш', "sh·", false)
	// Ukrainian е is never jotated
	t.ukPrev = ctx(nil, jot, 'е', "e", true)
	return t
}

// GOST 7.79-2000 system B: ASCII only, for Russian and (with g`, y`) Ukrainian.
func gostBTable() *table {
	t := &table{name: "GOST7.79B", apostr: "''",
		base: letters("а a б b в v г g д d е e ё yo ж zh з z и i й j к k л l м m н n " +
			"о o п p р r с s т t у u ф f х x ц cz ч ch ш sh щ shh ъ `` ы y` ь ` э e` ю yu я ya"),
		ukBase: letters("г g` ґ g є ye и y` і i ї yi"),
	}
	t.next = ctx(nil, "еиыйіє", 'ц', "c", false)
	return t
}

// ISO 9:1995, the same as GOST 7.79-2000 system A: one Latin letter per
// Cyrillic letter, with diacritics.
func iso9Table() *table {
	return &table{name: "ISO9", apostr: "ʼ",
		base: letters(`а a б b в v г g д d е e ё ë ж ž з z и i й j к k л l м m н n
			о o п p р r с s т t у u ф f х h ц c ч č ш š щ ŝ ъ ʺ ы y ь ʹ э è ю û я â`),
		ukBase: letters("г g\u0300 ґ g є ê і ì ї ï"),
	}
}

// KMU resolution 55 of 27 January 2010: Ukrainian passports. Є ї й ю я are
// written Ye Yi Y Yu Ya at the start of a word and ie i i iu ia elsewhere; зг is
// zgh so that it is not read as ж; ь and the apostrophe are dropped.
func kmuTable() *table {
	t := &table{name: "KMU2010", apostr: "", ukrainian: true,
		base: letters(`а a б b в v г h ґ g д d е e є ie ж zh з z и y і i ї i й i к k л l м m н n
			о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ь - ю iu я ia ё io ы y э e ъ -`),
	}
	t.prev = map[[2]rune]string{{0, 'є'}: "ye", {0, 'ї'}: "yi", {0, 'й'}: "y", {0, 'ю'}: "yu", {0, 'я'}: "ya", {'з', 'г'}: "gh"}
	return t
}

// English-language press: Yuri, Alexei, Sergei, Natalia, Zelensky, Serhiy.
func pressENTable() *table {
	t := &table{name: "EN", apostr: "",
		base: letters(`а a б b в v г g д d е e ё yo ж zh з z и i й y к k л l м m н n
			о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya`),
		ukBase:   letters(`г h ґ g є ye и y і i ї yi й y`),
		ending:   map[string]string{"ий": "y", "ый": "y", "ей": "ei", "ай": "ai", "ой": "oy", "ия": "ia"},
		ukEnding: map[string]string{"ський": "sky", "цький": "tsky", "ій": "iy", "ія": "iia"},
		pair:     map[[2]rune]string{{'к', 'с'}: "x"},
	}
	t.prev = ctx(nil, "^"+ruVowels+signs, 'е', "ye", true)
	ctx(t.prev, hushing, 'ё', "e", true)
	ctx(t.prev, "ь", 'и', "yi", true)
	t.ukPrev = ctx(nil, "^"+ukVowels+signs, 'е', "e", true)
	ctx(t.ukPrev, "^"+ukVowels, 'є', "ye", true)
	t.ukPair = map[[2]rune]string{{'к', 'с'}: "ks"}
	return t
}

// German-language press: Juri, Wladimir, Jewgeni, Chruschtschow, Selenskyj.
func pressDETable() *table {
	t := &table{name: "DE", apostr: "",
		base: letters(`а a б b в w г g д d е e ё jo ж sch з s и i й i к k л l м m н n
			о o п p р r с s т t у u ф f х ch ц z ч tsch ш sch щ schtsch ъ - ы y ь - э e ю ju я ja`),
		ukBase:   letters(`г h ґ g є je и y і i ї ji й j`),
		ending:   map[string]string{"ий": "i", "ый": "y", "ей": "ei", "ай": "ai", "ой": "oi"},
		ukEnding: map[string]string{"ій": "ij", "ий": "yj"},
		pair:     map[[2]rune]string{{'к', 'с'}: "x"},
		ukPair:   map[[2]rune]string{{'к', 'с'}: "ks"},
		interV:   map[rune]string{'с': "ss"},
	}
	t.prev = ctx(nil, "^"+ruVowels+signs, 'е', "je", true)
	ctx(t.prev, hushing, 'ё', "o", true)
	ctx(t.prev, "ь", 'и', "ji", true)
	ctx(t.prev, ruVowels, 'й', "j", true)
	t.ukPrev = ctx(nil, "^"+ukVowels+signs, 'е', "e", true)
	return t
}

// French-language press: Iouri, Sergueï, Mikhaïl, Khrouchtchev, Vassiliev.
func pressFRTable() *table {
	t := &table{name: "FR", apostr: "",
		base: letters(`а a б b в v г g д d е e ё io ж j з z и i й ï к k л l м m н n
			о o п p р r с s т t у ou ф f х kh ц ts ч tch ш ch щ chtch ъ - ы y ь - э e ю iou я ia`),
		ukBase:   letters(`г h ґ g є ie и y і i ї ï`),
		ending:   map[string]string{"ий": "i", "ый": "y", "ей": "eï", "ай": "aï", "ой": "oï"},
		ukEnding: map[string]string{"ський": "sky", "цький": "tsky", "ій": "iï"},
		pair:     map[[2]rune]string{{'к', 'с'}: "x"},
		ukPair:   map[[2]rune]string{{'к', 'с'}: "ks"},
		interV:   map[rune]string{'с': "ss"},
	}
	t.next = ctx(nil, "еиыйё", 'г', "gu", false)
	t.prev = ctx(nil, ruVowels, 'и', "ï", true)
	ctx(t.prev, ruVowels, 'е', "ïe", true)
	ctx(t.prev, signs, 'е', "ie", true)
	t.ukPrev = ctx(nil, ukVowels, 'е', "e", true)
	t.ukNext = ctx(nil, "еиіїєй", 'г', "h", false)
	return t
}

// Polish press: л is ł unless softened (then l, and я ю ё after it lose their
// j: Ludmyła), е is ie after most consonants, ш ж ч щ are sz ż cz szcz.
func pressPLTable() *table {
	t := &table{name: "PL", apostr: "",
		base: letters(`а a б b в w г g д d е ie ё io ж ż з z и i й j к k л ł м m н n
			о o п p р r с s т t у u ф f х ch ц c ч cz ш sz щ szcz ъ - ы y ь - э e ю iu я ia`),
		ukBase: letters(`г h ґ g е e є ie и y і i ї ji й j ё io`),
	}
	t.prev = ctx(nil, "^"+ruVowels+signs, 'е', "je", true)
	ctx(t.prev, "лжшчцщ", 'е', "e", true)
	ctx(t.prev, "^"+ruVowels+signs, 'ё', "jo", true)
	ctx(t.prev, "^"+ruVowels+signs, 'ю', "ju", true)
	ctx(t.prev, "^"+ruVowels+signs, 'я', "ja", true)
	ctx(t.prev, "л", 'я', "a", true)
	ctx(t.prev, "л", 'ю', "u", true)
	ctx(t.prev, "л", 'ё', "o", true)
	ctx(t.prev, "жшц", 'и', "y", true)
	t.next = ctx(nil, "ьяюеёиієї", 'л', "l", false)
	ctx(t.next, "ь", 'н', "ń", false)
	t.ukPrev = ctx(nil, "^"+ukVowels+signs, 'є', "je", true)
	ctx(t.ukPrev, "^"+ukVowels+signs, 'ю', "ju", true)
	ctx(t.ukPrev, "^"+ukVowels+signs, 'я', "ja", true)
	ctx(t.ukPrev, "^"+ukVowels+signs, 'е', "e", true)
	ctx(t.ukPrev, "лжшчцщ", 'е', "e", true)
	ctx(t.ukPrev, "ь", 'о', "io", true)
	t.ukNext = ctx(nil, "ьяюєії", 'л', "l", false)
	ctx(t.ukNext, "иеаоу", 'л', "ł", false)
	return t
}
