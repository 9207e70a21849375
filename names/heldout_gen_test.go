package names_test

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A second test generator, written as a second opinion on the package: the
// judges of issue 3 generate their held-out sets with their own generator,
// and package synth and gen_test.go only hold the habits their authors thought
// of. This one shares no table with either (its given names, pet forms,
// patronymics, family names and every romanisation are written here) and
// produces habits neither writes: Polish, Czech, Lithuanian, Latvian,
// Spanish, Italian and Turkish spellings, old Soviet passports in the French
// style, Polish own forms (Aleksander, Mikołaj), names glued or hyphenated,
// passport-zone separators, Cyrillic with Latin look-alike letters, a lost
// apostrophe, ё written е, і written и or as a Latin i, ї as ï, ji or yi,
// typos of the ЙЦУКЕН and QWERTY keyboards and of OCR, and every order with
// and without the patronymic, initials included.

// hoGiven is one given name: Russian and Ukrainian forms, pet forms, and for
// men the patronymics made from it (Russian, Ukrainian; masculine).
type hoGiven struct {
	ru, uk string
	dims   []string
	patRu  string
	patUk  string
	pl     string // Polish own form, when the press uses one
	female bool
}

var hoMale = []hoGiven{
	{"Александр", "Олександр", []string{"Саша", "Саня", "Шура", "Сашко", "Олесь"}, "Александрович", "Олександрович", "Aleksander", false},
	{"Владимир", "Володимир", []string{"Вова", "Володя", "Вовчик"}, "Владимирович", "Володимирович", "Włodzimierz", false},
	{"Николай", "Микола", []string{"Коля", "Миколка"}, "Николаевич", "Миколайович", "Mikołaj", false},
	{"Сергей", "Сергій", []string{"Серёжа", "Серьожа", "Сергійко"}, "Сергеевич", "Сергійович", "Siergiej", false},
	{"Андрей", "Андрій", []string{"Андрюша", "Андрійко"}, "Андреевич", "Андрійович", "Andrzej", false},
	{"Алексей", "Олексій", []string{"Алёша", "Льоша", "Олекса"}, "Алексеевич", "Олексійович", "Aleksiej", false},
	{"Дмитрий", "Дмитро", []string{"Дима", "Митя", "Дімон"}, "Дмитриевич", "Дмитрович", "Dymitr", false},
	{"Михаил", "Михайло", []string{"Миша", "Михась"}, "Михайлович", "Михайлович", "Michał", false},
	{"Иван", "Іван", []string{"Ваня", "Іванко"}, "Иванович", "Іванович", "Jan", false},
	{"Юрий", "Юрій", []string{"Юра", "Юрко"}, "Юрьевич", "Юрійович", "Jerzy", false},
	{"Виктор", "Віктор", []string{"Витя", "Вітя"}, "Викторович", "Вікторович", "Wiktor", false},
	{"Евгений", "Євген", []string{"Женя", "Євгенко"}, "Евгеньевич", "Євгенович", "Eugeniusz", false},
	{"Олег", "Олег", []string{"Олежка"}, "Олегович", "Олегович", "", false},
	{"Павел", "Павло", []string{"Паша", "Павлик"}, "Павлович", "Павлович", "Paweł", false},
	{"Пётр", "Петро", []string{"Петя", "Петрусь"}, "Петрович", "Петрович", "Piotr", false},
	{"Григорий", "Григорій", []string{"Гриша", "Грицько"}, "Григорьевич", "Григорович", "Grzegorz", false},
	{"Василий", "Василь", []string{"Вася", "Василько"}, "Васильевич", "Васильович", "Bazyli", false},
	{"Анатолий", "Анатолій", []string{"Толя", "Толік"}, "Анатольевич", "Анатолійович", "", false},
	{"Вячеслав", "В'ячеслав", []string{"Слава", "Славік"}, "Вячеславович", "В'ячеславович", "Wiaczesław", false},
	{"Богдан", "Богдан", []string{"Бодя", "Богданчик"}, "Богданович", "Богданович", "Bogdan", false},
	{"Тарас", "Тарас", []string{"Тарасик"}, "Тарасович", "Тарасович", "", false},
	{"Роман", "Роман", []string{"Рома", "Ромко"}, "Романович", "Романович", "", false},
	{"Игорь", "Ігор", []string{"Игорёк", "Ігорко"}, "Игоревич", "Ігорович", "Igor", false},
	{"Константин", "Костянтин", []string{"Костя", "Костик"}, "Константинович", "Костянтинович", "Konstanty", false},
	{"Станислав", "Станіслав", []string{"Стас", "Стасик"}, "Станиславович", "Станіславович", "Stanisław", false},
	{"Максим", "Максим", []string{"Макс", "Максимко"}, "Максимович", "Максимович", "", false},
	{"Артём", "Артем", []string{"Тёма", "Артемко"}, "Артёмович", "Артемович", "", false},
	{"Денис", "Денис", []string{"Дениска"}, "Денисович", "Денисович", "", false},
	{"Фёдор", "Федір", []string{"Федя", "Федько"}, "Фёдорович", "Федорович", "Teodor", false},
	{"Яков", "Яків", []string{"Яша"}, "Яковлевич", "Якович", "Jakub", false},
	{"Илья", "Ілля", []string{"Илюша", "Іллюша"}, "Ильич", "Ілліч", "Eliasz", false},
	{"Геннадий", "Геннадій", []string{"Гена", "Геник"}, "Геннадьевич", "Геннадійович", "", false},
	{"Валерий", "Валерій", []string{"Валера", "Валерко"}, "Валерьевич", "Валерійович", "Walery", false},
	{"Степан", "Степан", []string{"Стёпа", "Степанко"}, "Степанович", "Степанович", "Szczepan", false},
	{"Ярослав", "Ярослав", []string{"Ярик", "Славко"}, "Ярославович", "Ярославович", "Jarosław", false},
	{"Георгий", "Георгій", []string{"Жора", "Гоша"}, "Георгиевич", "Георгійович", "Jerzy", false},
	{"Вадим", "Вадим", []string{"Вадик"}, "Вадимович", "Вадимович", "", false},
	{"Евгений", "Євгеній", []string{"Женя"}, "Евгеньевич", "Євгенійович", "", false},
	{"Леонид", "Леонід", []string{"Лёня", "Льоня"}, "Леонидович", "Леонідович", "", false},
	{"Кирилл", "Кирило", []string{"Кирюша"}, "Кириллович", "Кирилович", "Cyryl", false},
	{"Захар", "Захар", []string{"Захарко"}, "Захарович", "Захарович", "", false},
	{"Матвей", "Матвій", []string{"Мотя"}, "Матвеевич", "Матвійович", "Mateusz", false},
	{"Ефим", "Юхим", []string{"Фима"}, "Ефимович", "Юхимович", "", false},
	{"Всеволод", "Всеволод", []string{"Сева"}, "Всеволодович", "Всеволодович", "", false},
}

var hoFemale = []hoGiven{
	{"Анна", "Ганна", []string{"Аня", "Ганя", "Анечка"}, "", "", "Anna", true},
	{"Наталья", "Наталія", []string{"Наташа", "Ната"}, "", "", "Natalia", true},
	{"Ольга", "Ольга", []string{"Оля", "Олечка"}, "", "", "Olga", true},
	{"Елена", "Олена", []string{"Лена", "Оленка"}, "", "", "Helena", true},
	{"Татьяна", "Тетяна", []string{"Таня", "Тетянка"}, "", "", "Tatiana", true},
	{"Екатерина", "Катерина", []string{"Катя", "Катруся"}, "", "", "Katarzyna", true},
	{"Мария", "Марія", []string{"Маша", "Марічка"}, "", "", "Maria", true},
	{"Юлия", "Юлія", []string{"Юля"}, "", "", "Julia", true},
	{"Ирина", "Ірина", []string{"Ира", "Іра"}, "", "", "Irena", true},
	{"Людмила", "Людмила", []string{"Люда", "Мила"}, "", "", "Ludmiła", true},
	{"Марьяна", "Мар'яна", []string{"Марьянка"}, "", "", "Marianna", true},
	{"Светлана", "Світлана", []string{"Света", "Світланка"}, "", "", "Swietłana", true},
	{"Оксана", "Оксана", []string{"Ксюша"}, "", "", "Oksana", true},
	{"Галина", "Галина", []string{"Галя"}, "", "", "Halina", true},
	{"Анастасия", "Анастасія", []string{"Настя"}, "", "", "Anastazja", true},
	{"Надежда", "Надія", []string{"Надя"}, "", "", "Nadzieja", true},
}

// hoFamilies: masculine family names, Russian and Ukrainian; none of them is
// copied from fixtures_test.go's list beyond the commonest few.
var hoFamilies = [][2]string{
	{"Коваленко", "Коваленко"}, {"Шевченко", "Шевченко"}, {"Кравчук", "Кравчук"}, {"Мельниченко", "Мельниченко"},
	{"Ковалёв", "Ковальов"}, {"Соловьёв", "Соловйов"}, {"Григорьев", "Григор'єв"}, {"Ильин", "Ільїн"},
	{"Журавлёв", "Журавльов"}, {"Щербаков", "Щербаков"}, {"Зайцев", "Зайцев"}, {"Белоусов", "Білоусов"},
	{"Хмельницкий", "Хмельницький"}, {"Подольский", "Подільський"}, {"Чорновол", "Чорновіл"}, {"Лысенко", "Лисенко"},
	{"Жданов", "Жданов"}, {"Чернышёв", "Чернишов"}, {"Щукин", "Щукін"}, {"Цыганков", "Циганков"},
	{"Заика", "Заїка"}, {"Гаевский", "Гаївський"}, {"Ефимов", "Юхимов"}, {"Пономаренко", "Пономаренко"},
	{"Ющенко", "Ющенко"}, {"Хоменко", "Хоменко"}, {"Лукьяненко", "Лук'яненко"}, {"Дьяченко", "Дяченко"},
	{"Кузнецов", "Кузнєцов"}, {"Яковлев", "Яковлєв"}, {"Воробьёв", "Воробйов"}, {"Голуб", "Голуб"},
	{"Гончар", "Гончар"}, {"Бойчук", "Бойчук"}, {"Гуцул", "Гуцул"}, {"Стецюк", "Стецюк"},
	{"Панченко", "Панченко"}, {"Чумак", "Чумак"}, {"Ляшенко", "Ляшенко"}, {"Грищенко", "Грищенко"},
	{"Нечипоренко", "Нечипоренко"}, {"Тищенко", "Тищенко"}, {"Зубков", "Зубков"}, {"Прохоренко", "Прохоренко"},
	{"Белый", "Білий"}, {"Чёрный", "Чорний"}, {"Заболотный", "Заболотний"}, {"Садовой", "Садовий"},
	{"Осадчий", "Осадчий"}, {"Остапчук", "Остапчук"}, {"Мирошник", "Мірошник"}, {"Ковальский", "Ковальський"},
	{"Соколовский", "Соколовський"}, {"Жук", "Жук"}, {"Гуменюк", "Гуменюк"}, {"Яременко", "Яременко"},
	{"Ерёменко", "Єременко"}, {"Евтушенко", "Євтушенко"}, {"Ищенко", "Іщенко"}, {"Игнатенко", "Ігнатенко"},
	{"Олейник", "Олійник"}, {"Пасечник", "Пасічник"}, {"Семенюк", "Семенюк"}, {"Харченко", "Харченко"},
	{"Чайковский", "Чайковський"}, {"Шаповал", "Шаповал"}, {"Щербина", "Щербина"}, {"Юрченко", "Юрченко"},
	{"Вовк", "Вовк"}, {"Довженко", "Довженко"}, {"Козак", "Козак"}, {"Кучер", "Кучер"},
	{"Сидоренко", "Сидоренко"}, {"Матвиенко", "Матвієнко"}, {"Киселёв", "Кисельов"}, {"Королёв", "Корольов"},
	{"Фёдоров", "Федоров"}, {"Новиков", "Новіков"}, {"Андреев", "Андрєєв"}, {"Васильев", "Васильєв"},
	{"Макаренко", "Макаренко"}, {"Тарасенко", "Тарасенко"}, {"Бурлака", "Бурлака"}, {"Гаврилюк", "Гаврилюк"},
}

// hoPerson is one person the generator writes.
type hoPerson struct {
	female bool
	given  *hoGiven
	father *hoGiven
	fam    [2]string
}

// hoStyle is how one record writes a person's name.
type hoStyle struct {
	uk      bool
	given   int    // 0 full, 1 pet form, 2 initial, 3 missing, 4 Polish own form
	pat     int    // 0 full, 1 initial, 2 missing
	habit   string // see hoHabits
	order   string // see hoOrders
	typo    string // "" or one of hoTypos
	typoFam bool   // the typo is in the family name (else the given name)
	upper   bool
}

// hoHabits: how the letters are written. "cyr*" keep Cyrillic.
var hoHabits = []string{
	"cyr", "cyr-lookalike", "cyr-no-yo", "cyr-i-as-y", "cyr-i-latin", "cyr-yi", "cyr-no-apostrophe",
	"en", "de", "fr-soviet", "pl", "cz", "lt", "lv", "es", "it", "tr",
}

// hoOrders: name orders; "F, G P" has a comma, "F<<G<P" is a passport's
// machine-readable zone, the glued ones lose or change the separator.
var hoOrders = []string{
	"G P F", "F G P", "FAMILY G P", "F G", "G F", "F G. P.", "G. P. F", "F G.P.", "F G.", "G. F",
	"F, G P", "F, G", "F<<G<P", "G-F", "GF", "F P G",
}

var hoTypos = []string{"kbd-neighbour", "drop", "double", "swap", "ocr", "vowel"}

type hoGen struct{ r *rand.Rand }

func newHoGen(seed uint64) *hoGen {
	return &hoGen{r: rand.New(rand.NewPCG(seed, seed*0x2545f4914f6cdd1d+1))}
}

func (g *hoGen) person() hoPerson {
	p := hoPerson{father: &hoMale[g.r.IntN(len(hoMale))], fam: hoFamilies[g.r.IntN(len(hoFamilies))]}
	if g.r.IntN(4) == 0 {
		p.female = true
		p.given = &hoFemale[g.r.IntN(len(hoFemale))]
	} else {
		p.given = &hoMale[g.r.IntN(len(hoMale))]
	}
	return p
}

// clean is the reference record: Cyrillic, full given name and patronymic.
func (g *hoGen) clean() hoStyle {
	o := []string{"G P F", "F G P", "FAMILY G P"}[g.r.IntN(3)]
	return hoStyle{uk: g.r.IntN(2) == 0, habit: "cyr", order: o}
}

// random is a record with every choice drawn.
func (g *hoGen) random() hoStyle {
	s := hoStyle{uk: g.r.IntN(2) == 0}
	switch x := g.r.IntN(100); {
	case x < 65:
	case x < 82:
		s.given = 1
	case x < 90:
		s.given = 4
	case x < 97:
		s.given = 2
	default:
		s.given = 3
	}
	switch x := g.r.IntN(100); {
	case x < 50:
	case x < 60:
		s.pat = 1
	default:
		s.pat = 2
	}
	s.habit = hoHabits[g.r.IntN(len(hoHabits))]
	s.order = hoOrders[g.r.IntN(len(hoOrders))]
	if g.r.IntN(4) == 0 {
		s.typo = hoTypos[g.r.IntN(len(hoTypos))]
		s.typoFam = g.r.IntN(2) == 0
	}
	s.upper = g.r.IntN(10) == 0
	return s.fix()
}

// fix drops choices that contradict each other: initial orders need a given
// name; a missing given name with only a patronymic initial is unreadable.
func (s hoStyle) fix() hoStyle {
	if s.given == 3 {
		switch s.order {
		case "F G. P.", "G. P. F", "F G.P.", "F G.", "G. F":
			s.order = "F G P"
		}
		if s.pat == 1 {
			s.pat = 0
		}
	}
	if s.given == 2 && s.pat == 0 {
		s.pat = 1 // an initial with a full patronymic is rare
	}
	return s
}

// render writes p under s.
func (g *hoGen) render(p hoPerson, s hoStyle) string {
	full := s
	if full.given == 1 {
		full.given = 0
	}
	gv, pt, fm := g.parts(p, s)
	latin := !strings.HasPrefix(s.habit, "cyr")
	// initials of the full forms, for the initial orders: lists write the
	// initial of the name in the documents, not of a pet form
	fg, _, _ := g.parts(p, full)
	gi, pi := g.initial(fg, s), g.initial(pt, s)
	if s.typo != "" {
		if s.typoFam || utf8.RuneCountInString(gv) < 4 {
			fm = g.typo(fm, s.typo, latin)
		} else {
			gv = g.typo(gv, s.typo, latin)
		}
	}
	switch s.given {
	case 2:
		gv = gi
	case 3:
		gv, gi = "", ""
	}
	if s.pat == 1 {
		pt = pi
	} else if s.pat == 2 {
		pt, pi = "", ""
	}
	var out string
	join := func(xs ...string) string {
		var keep []string
		for _, x := range xs {
			if x != "" {
				keep = append(keep, x)
			}
		}
		return strings.Join(keep, " ")
	}
	switch s.order {
	case "G P F":
		out = join(gv, pt, fm)
	case "F G P":
		out = join(fm, gv, pt)
	case "FAMILY G P":
		out = join(strings.ToUpper(fm), gv, pt)
	case "F G":
		out = join(fm, gv)
	case "G F":
		out = join(gv, fm)
	case "F P G":
		out = join(fm, pt, gv)
	case "F G. P.":
		out = join(fm, gi, pi)
	case "G. P. F":
		out = join(gi, pi, fm)
	case "F G.P.":
		out = join(fm, gi+pi)
	case "F G.":
		out = join(fm, gi)
	case "G. F":
		out = join(gi, fm)
	case "F, G P":
		out = join(fm+",", gv, pt)
		out = strings.TrimSuffix(out, ",")
	case "F, G":
		out = strings.TrimSuffix(join(fm+",", gv), ",")
	case "F<<G<P":
		out = strings.ToUpper(fm + "<<" + strings.Join(nonEmptyStr(gv, pt), "<"))
		out = strings.TrimSuffix(out, "<<")
	case "G-F":
		out = strings.Join(nonEmptyStr(gv, fm), "-")
		if pt != "" {
			out = gv + " " + pt + " " + fm
			if gv == "" {
				out = pt + " " + fm
			}
			out = strings.Replace(out, " "+fm, "-"+fm, 1)
		}
	case "GF":
		out = strings.Join(nonEmptyStr(gv, fm), "")
	}
	if s.upper {
		out = strings.ToUpper(out)
	}
	return strings.TrimSpace(out)
}

func nonEmptyStr(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parts returns the given name (in the form s asks for, full when it asks
// for an initial or nothing: initials are taken from it), patronymic and
// family name, written under s's habit.
func (g *hoGen) parts(p hoPerson, s hoStyle) (string, string, string) {
	li := 0
	if s.uk {
		li = 1
	}
	pick := func(h *hoGiven) string {
		if s.uk {
			return h.uk
		}
		return h.ru
	}
	gv := pick(p.given)
	own := false
	switch s.given {
	case 1:
		gv = p.given.dims[g.r.IntN(len(p.given.dims))]
	case 4:
		if p.given.pl != "" && !strings.HasPrefix(s.habit, "cyr") {
			gv, own = p.given.pl, true
		}
	}
	pt := p.father.patRu
	if s.uk {
		pt = p.father.patUk
	}
	if p.female {
		pt = hoFeminePatronymic(pt, s.uk)
	}
	fm := hoFamilyForSex(p.fam[li], p.female)
	w := func(x string) string { return g.write(x, s.habit, s.uk) }
	if !own {
		gv = w(gv)
	}
	return gv, w(pt), w(fm)
}

func hoFeminePatronymic(m string, uk bool) string {
	switch {
	case uk && strings.HasSuffix(m, "йович"):
		return strings.TrimSuffix(m, "йович") + "ївна"
	case uk && strings.HasSuffix(m, "ович"):
		return strings.TrimSuffix(m, "ович") + "івна"
	case uk && strings.HasSuffix(m, "ич"):
		return strings.TrimSuffix(m, "ч") + "вна" // Ілліч → Іллівна
	case strings.HasSuffix(m, "ович"), strings.HasSuffix(m, "евич"):
		return strings.TrimSuffix(m, "ич") + "на"
	case strings.HasSuffix(m, "ьич"):
		return strings.TrimSuffix(m, "ич") + "инична" // Ильич → Ильинична
	}
	return strings.TrimSuffix(m, "ич") + "ична"
}

func hoFamilyForSex(m string, female bool) string {
	if !female {
		return m
	}
	for _, e := range [][2]string{
		{"ский", "ская"}, {"цкий", "цкая"}, {"ський", "ська"}, {"цький", "цька"},
		{"ый", "ая"}, {"ой", "ая"}, {"чий", "ча"}, {"ий", "а"},
	} {
		if strings.HasSuffix(m, e[0]) {
			return strings.TrimSuffix(m, e[0]) + e[1]
		}
	}
	for _, e := range []string{"ов", "ев", "ёв", "єв", "ин", "ін", "їн", "ын"} {
		if strings.HasSuffix(m, e) {
			return m + "а"
		}
	}
	return m
}

// initial writes a part's initial: "О.", and for a Latin letter written with
// two ("Zh.", "Sz.", "Ch.") both.
func (g *hoGen) initial(x string, s hoStyle) string {
	if x == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(x)
	if r < utf8.RuneSelf && len(x) > n+1 {
		two := strings.ToLower(x[:2])
		switch two {
		case "zh", "sh", "ch", "kh", "ts", "sz", "cz", "yu", "ya", "ju", "ja", "ye", "je":
			if g.r.IntN(2) == 0 {
				return x[:2] + "."
			}
		}
	}
	return string(r) + "."
}

// write writes a Cyrillic name part under a habit.
func (g *hoGen) write(x, habit string, uk bool) string {
	if x == "" {
		return ""
	}
	switch habit {
	case "cyr":
		return x
	case "cyr-lookalike":
		return g.lookalike(x)
	case "cyr-no-yo":
		return strings.NewReplacer("ё", "е", "Ё", "Е").Replace(x)
	case "cyr-i-as-y":
		return strings.NewReplacer("і", "и", "І", "И", "ї", "и", "є", "е", "Є", "Е").Replace(x)
	case "cyr-i-latin":
		return strings.NewReplacer("і", "i", "І", "I").Replace(x)
	case "cyr-yi":
		return strings.NewReplacer("ї", []string{"ï", "i", "ji", "йі"}[g.r.IntN(4)], "'", "").Replace(x)
	case "cyr-no-apostrophe":
		return strings.NewReplacer("'", "", "ь", "", "ъ", "").Replace(x)
	}
	return hoRoman(x, habit, uk, g.r)
}

// lookalike types a few Cyrillic letters with their Latin twins, as keyboards
// with two layouts and OCR do.
func (g *hoGen) lookalike(x string) string {
	twins := map[rune]rune{'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i',
		'К': 'K', 'М': 'M', 'Н': 'H', 'Т': 'T', 'В': 'B', 'А': 'A', 'Е': 'E', 'О': 'O', 'Р': 'P', 'С': 'C', 'І': 'I', 'Х': 'X'}
	r := []rune(x)
	changed := 0
	for i, c := range r {
		if t, ok := twins[c]; ok && (g.r.IntN(3) == 0 || changed == 0 && i == len(r)-1) {
			r[i] = t
			changed++
		}
	}
	return string(r)
}

var hoVowels = "аеёиоуыэюяіїє"

// hoRoman romanises a Cyrillic word under one of the habits of hoHabits.
func hoRoman(x, habit string, uk bool, rng *rand.Rand) string {
	lw := []rune(strings.ToLower(x))
	n := len(lw)
	var b strings.Builder
	isV := func(i int) bool { return i >= 0 && i < n && strings.ContainsRune(hoVowels, lw[i]) }
	at := func(i int) rune {
		if i >= 0 && i < n {
			return lw[i]
		}
		return 0
	}
	// iotated vowels are written with a j/y/i glide at the start of a word and
	// after a vowel or a sign, as one letter after a consonant
	for i := 0; i < n; i++ {
		c := lw[i]
		start := i == 0 || isV(i-1) || at(i-1) == 'ь' || at(i-1) == 'ъ' || at(i-1) == '\''
		end := i == n-1
		// adjective and given-name endings -ий, -ый, -ій
		if i == n-2 && (c == 'и' || c == 'ы' || c == 'і') && at(i+1) == 'й' {
			b.WriteString(hoEnding(habit, uk, c, rng))
			break
		}
		if habit == "en" && c == 'к' && at(i+1) == 'с' && rng.IntN(2) == 0 {
			b.WriteString("x") // Alexei, Alexander
			i++
			continue
		}
		b.WriteString(hoLetter(habit, uk, c, at(i-1), at(i+1), start, end, isV(i+1), rng))
	}
	out := b.String()
	out = hoBaltic(out, habit, x)
	// restore the capital
	if r, sz := utf8.DecodeRuneInString(x); unicode.IsUpper(r) && sz > 0 {
		if o, k := utf8.DecodeRuneInString(out); k > 0 {
			out = string(unicode.ToUpper(o)) + out[k:]
		}
	}
	if habit == "fr-soviet" {
		out = strings.ToUpper(out)
	}
	return out
}

func hoEnding(habit string, uk bool, c rune, rng *rand.Rand) string {
	switch habit {
	case "en":
		if c == 'ы' {
			return "y"
		}
		return []string{"y", "i", "iy"}[rng.IntN(3)]
	case "de":
		return []string{"ij", "i", "yj"}[rng.IntN(3)]
	case "fr-soviet":
		return "i"
	case "pl":
		if c == 'ы' || uk && c == 'и' {
			return "yj"
		}
		return "ij"
	case "cz":
		if c == 'ы' || uk && c == 'и' {
			return "yj"
		}
		return "ij"
	case "lt":
		return "ij"
	case "lv":
		return "ij"
	case "es":
		return "i"
	case "it":
		return []string{"ij", "i"}[rng.IntN(2)]
	case "tr":
		return []string{"iy", "i"}[rng.IntN(2)]
	}
	return "iy"
}

// hoLetter writes one letter; prev and next are its neighbours, start says
// an iotated vowel is written with its glide.
func hoLetter(habit string, uk bool, c, prev, next rune, start, end, nextVowel bool, rng *rand.Rand) string {
	frontNext := next == 'е' || next == 'и' || next == 'і' || next == 'є' || next == 'ю' || next == 'я' || next == 'ё'
	switch c {
	case 'ь':
		if strings.ContainsRune("яюеёєії", next) {
			return "" // the vowel after it is written with its glide
		}
		switch habit {
		case "pl":
			if nextVowel {
				return "i"
			}
			return ""
		case "cz", "lt":
			if nextVowel {
				return "j"
			}
			return ""
		case "lv":
			return ""
		}
		return ""
	case 'ъ', '\'':
		if habit == "en" && rng.IntN(2) == 0 {
			return "'"
		}
		return ""
	case 'г':
		if uk {
			if habit == "es" || habit == "it" {
				return "g"
			}
			return "h"
		}
		switch habit {
		case "fr-soviet":
			if frontNext {
				return "gu"
			}
		case "es":
			if frontNext {
				return "gu"
			}
		case "it":
			if frontNext {
				return "gh"
			}
		}
		return "g"
	case 'ґ':
		return "g"
	case 'х':
		switch habit {
		case "en", "fr-soviet":
			return "kh"
		case "es":
			return "j"
		case "tr":
			return "h"
		case "it":
			return []string{"ch", "kh"}[rng.IntN(2)]
		}
		return "ch" // de pl cz lt lv
	case 'ж':
		switch habit {
		case "en":
			return "zh"
		case "de":
			return "sh"
		case "fr-soviet", "tr":
			return "j"
		case "pl":
			return "ż"
		case "es":
			return []string{"zh", "y"}[rng.IntN(2)]
		}
		return "ž" // cz lt lv it
	case 'ш':
		switch habit {
		case "en", "es":
			return "sh"
		case "de":
			return "sch"
		case "fr-soviet":
			return "ch"
		case "pl":
			return "sz"
		case "tr":
			return "ş"
		case "it":
			if next == 'е' || next == 'и' || next == 'і' || next == 'є' {
				return "sc"
			}
			return "sci"
		}
		return "š"
	case 'щ':
		switch habit {
		case "en":
			return "shch"
		case "es":
			return []string{"sch", "shch"}[rng.IntN(2)]
		case "de":
			return "schtsch"
		case "fr-soviet":
			return "chtch"
		case "pl":
			return "szcz"
		case "tr":
			return "şç"
		case "it":
			return "šč"
		}
		return "šč"
	case 'ч':
		switch habit {
		case "en", "es":
			return "ch"
		case "de":
			return "tsch"
		case "fr-soviet":
			return "tch"
		case "pl":
			return "cz"
		case "tr":
			return "ç"
		case "it":
			if next == 'е' || next == 'и' || next == 'і' || next == 'є' {
				return "c"
			}
			return "ci"
		}
		return "č"
	case 'ц':
		switch habit {
		case "en", "fr-soviet", "es":
			return "ts"
		case "de", "it":
			return "z"
		case "tr":
			return "ts"
		}
		return "c"
	case 'й':
		switch habit {
		case "en", "tr":
			return "y"
		case "fr-soviet":
			return "ï"
		case "es":
			return "i"
		}
		return "j"
	case 'в':
		if habit == "de" || habit == "pl" {
			return "w"
		}
		return "v"
	case 'л':
		if habit == "pl" && !(next == 'и' || next == 'і' || next == 'я' || next == 'ю' || next == 'ь' || next == 'е' || next == 'ё' || next == 'є') {
			return "ł"
		}
		if habit == "lv" && (next == 'ь' || next == 'я' || next == 'ю' || next == 'ё') {
			return "ļ"
		}
		return "l"
	case 'с':
		if (habit == "de" || habit == "fr-soviet") && prev != 0 && strings.ContainsRune(hoVowels, prev) && nextVowel {
			return "ss"
		}
		return "s"
	case 'з':
		if habit == "de" {
			return "s"
		}
		return "z"
	case 'к':
		return "k"
	case 'у':
		if habit == "fr-soviet" {
			return "ou"
		}
		return "u"
	case 'ы':
		if habit == "tr" {
			return "ı"
		}
		return "y"
	case 'и':
		if uk {
			if habit == "es" || habit == "tr" || habit == "it" || habit == "fr-soviet" {
				return "i"
			}
			return "y"
		}
		return "i"
	case 'і':
		return "i"
	case 'ї':
		switch habit {
		case "en", "tr":
			return "yi"
		case "fr-soviet":
			return "ï"
		}
		return "ji"
	case 'э':
		return "e"
	case 'е', 'є':
		if c == 'е' && uk {
			return "e"
		}
		if start {
			switch habit {
			case "en", "tr", "es":
				return "ye"
			case "fr-soviet":
				return "ie"
			case "it":
				return "e"
			}
			return "je"
		}
		if c == 'є' {
			switch habit {
			case "en", "tr":
				return "ie"
			case "fr-soviet", "es":
				return "ie"
			case "pl":
				return "ie"
			}
			return "je"
		}
		if habit == "pl" && !uk && strings.ContainsRune("бвмпф", prev) {
			return "ie" // Polish softening: Wiera, Siemion
		}
		return "e"
	case 'ё':
		if strings.ContainsRune("жшчщ", prev) {
			return "o"
		}
		switch habit {
		case "en", "tr", "es":
			if start {
				return "yo"
			}
			return []string{"yo", "io", "e"}[rng.IntN(3)]
		case "fr-soviet":
			return "io"
		case "pl":
			if start {
				return "jo"
			}
			return "io"
		case "it":
			return []string{"ë", "io"}[rng.IntN(2)]
		}
		return "jo"
	case 'я', 'ю':
		a := "a"
		if c == 'ю' {
			a = "u"
		}
		switch habit {
		case "en", "tr":
			if c == 'ю' {
				return "yu"
			}
			return "ya"
		case "fr-soviet":
			if c == 'ю' {
				return "iou"
			}
			return "ia"
		case "es":
			if start {
				return "y" + a
			}
			return "i" + a
		case "pl", "lv":
			if start {
				return "j" + a
			}
			if prev == 'л' && habit == "lv" {
				return a // Ļudmila
			}
			if prev == 'л' {
				return a
			}
			return "i" + a
		}
		return "j" + a
	}
	// plain letters
	m := map[rune]string{'а': "a", 'б': "b", 'д': "d", 'ф': "f", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'т': "t"}
	if s, ok := m[c]; ok {
		return s
	}
	return string(c)
}

// hoBaltic adds the Lithuanian and Latvian endings of a name written in
// those languages (Oleksandras Kovalenka, Jurijs Ivanovs).
func hoBaltic(out, habit, cyr string) string {
	if habit != "lt" && habit != "lv" {
		return out
	}
	low := strings.ToLower(cyr)
	switch {
	case strings.HasSuffix(out, "ij") || strings.HasSuffix(out, "yj"):
		if habit == "lt" {
			if strings.HasSuffix(low, "ский") || strings.HasSuffix(low, "цкий") || strings.HasSuffix(low, "ський") || strings.HasSuffix(low, "цький") {
				return out[:len(out)-2] + "is"
			}
			return out[:len(out)-2] + "ijus"
		}
		if strings.HasSuffix(low, "ский") || strings.HasSuffix(low, "ський") {
			return out[:len(out)-2] + "is"
		}
		return out[:len(out)-2] + "ijs"
	case strings.HasSuffix(out, "ko") && habit == "lt":
		return out[:len(out)-1] + "a"
	case strings.HasSuffix(out, "a") || strings.HasSuffix(out, "o") || strings.HasSuffix(out, "e") || strings.HasSuffix(out, "i"):
		return out
	}
	if habit == "lt" {
		return out + "as"
	}
	return out + "s"
}

// typo makes one slip of kind k.
func (g *hoGen) typo(x, k string, latin bool) string {
	r := []rune(x)
	if len(r) < 4 {
		return x
	}
	i := 1 + g.r.IntN(len(r)-2)
	switch k {
	case "kbd-neighbour":
		if c, ok := hoNeighbour(r[i], g.r); ok {
			r[i] = c
		}
	case "drop":
		r = append(r[:i], r[i+1:]...)
	case "double":
		r = append(r[:i+1], r[i:]...)
	case "swap":
		r[i], r[i+1] = r[i+1], r[i]
	case "vowel":
		// a vowel heard or read as another (о/а, е/и, i/y)
		sw := map[rune]rune{'о': 'а', 'а': 'о', 'е': 'и', 'и': 'е', 'і': 'и', 'o': 'a', 'a': 'o', 'e': 'i', 'i': 'y', 'y': 'i'}
		for k := 0; k < len(r); k++ {
			j := (i + k) % len(r)
			if j == 0 {
				continue
			}
			if c, ok := sw[r[j]]; ok {
				r[j] = c
				break
			}
		}
	case "ocr":
		ocr := map[string]string{"и": "н", "н": "и", "ш": "щ", "щ": "ш", "е": "с", "о": "0", "З": "3", "б": "6", "п": "н", "ц": "щ", "ы": "ь|",
			"rn": "m", "m": "rn", "cl": "d", "l": "1", "O": "0", "e": "c", "h": "b", "ii": "u", "u": "ii", "I": "l", "S": "5", "nn": "m"}
		s := string(r)
		keys := make([]string, 0, len(ocr))
		for k := range ocr {
			if strings.Contains(s[1:], k) {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			return x
		}
		// a stable choice: the map's order is random
		sortStrings(keys)
		k := keys[g.r.IntN(len(keys))]
		j := 1 + strings.Index(s[1:], k)
		return s[:j] + ocr[k] + s[j+len(k):]
	}
	return string(r)
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// hoNeighbour is a key next to c on the ЙЦУКЕН or QWERTY keyboard.
func hoNeighbour(c rune, rng *rand.Rand) (rune, bool) {
	rows := [][]string{
		{"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"},
		{"qwertyuiop", "asdfghjkl", "zxcvbnm"},
	}
	up := unicode.IsUpper(c)
	lc := unicode.ToLower(c)
	for _, kb := range rows {
		for ri, row := range kb {
			rs := []rune(row)
			for ci, x := range rs {
				if x != lc {
					continue
				}
				var cand []rune
				if ci > 0 {
					cand = append(cand, rs[ci-1])
				}
				if ci+1 < len(rs) {
					cand = append(cand, rs[ci+1])
				}
				for _, dr := range []int{-1, 1} {
					if o := ri + dr; o >= 0 && o < len(kb) {
						or := []rune(kb[o])
						if ci < len(or) {
							cand = append(cand, or[ci])
						}
					}
				}
				out := cand[rng.IntN(len(cand))]
				if up {
					out = unicode.ToUpper(out)
				}
				return out, true
			}
		}
	}
	return c, false
}
