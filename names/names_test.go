package names_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

func TestDetectScript(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want names.Script
	}{
		{"Коваленко", names.ScriptCyrillic},
		{"Kovalenko", names.ScriptLatin},
		{"Ковaленко", names.ScriptMixed}, // Latin a
		{"Kowalski Ковальський", names.ScriptMixed},
		{"Müller", names.ScriptLatin},
		{"1990 — ?", names.ScriptNone},
		{"", names.ScriptNone},
		{"Ґудзь", names.ScriptCyrillic},
	} {
		if got := names.DetectScript(tc.in); got != tc.want {
			t.Errorf("DetectScript(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"KeepsClean", "Олександр Коваленко", "Олександр Коваленко"},
		{"TrimsAndCollapsesSpace", "  Олександр \t Коваленко\u00a0 ", "Олександр Коваленко"},
		{"KeepsShortI", "Андрій Йосипович", "Андрій Йосипович"},
		{"ComposesDecomposedShortI", "Андреи\u0306", "Андрей"},
		{"KeepsYo", "Семён Ковалёв", "Семён Ковалёв"},
		{"KeepsUkrainianLetters", "Євгенія Ґудзь Їжак", "Євгенія Ґудзь Їжак"},
		{"UnifiesApostrophes", "Мар’яна В`ячеславівна Дем\u02bcяненко", "Мар'яна В'ячеславівна Дем'яненко"},
		{"FixesLatinLookalikesInCyrillic", "Ковaленко Oлександр", "Коваленко Олександр"},
		{"FixesCyrillicLookalikesInLatin", "Kovаlenko", "Kovalenko"},
		{"LeavesAllLookalikeWordByMajority", "СОСО", "СОСО"},
		{"UnifiesDashes", "Петров–Водкин", "Петров-Водкин"},
		{"KeepsCase", "KOVALENKO Oleksandr", "KOVALENKO Oleksandr"},
		{"RepairsOCRDigitsInCyrillic", "К0валенко 3інченко", "Коваленко Зінченко"},
		{"RepairsOCRDigitsInLatin", "Kova1enko 0leksandr", "Kovalenko Oleksandr"},
		{"KeepsNumbers", "1985 р.", "1985 р."},
		{"Empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := names.Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"LowersAndFoldsYo", "Семён КОВАЛЁВ", "семен ковалев"},
		{"KeepsShortIAndUkrainian", "Андрій Їжак Ґудзь Євген", "андрій їжак ґудзь євген"},
		{"DropsApostrophe", "Мар’яна", "маряна"},
		{"DropsStress", "Ива́нов", "иванов"},
		{"StripsLatinDiacritics", "Škoda Müller Iouri Sergueï", "skoda muller iouri serguei"},
		{"DotsAndDashesAreSpaces", "Коваленко О.М. Петров-Водкин", "коваленко о м петров водкин"},
		{"FixesLookalikes", "Ковaленко", "коваленко"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := names.Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// The package's own golden transliterations; the reference vectors are in
// translit_golden_test.go.
func TestTranslit(t *testing.T) {
	for _, tc := range []struct {
		in     string
		scheme names.Scheme
		lang   names.Lang
		want   string
	}{
		{"Юрий Щербаков", names.ICAO, names.LangRu, "Iurii Shcherbakov"},
		{"Артём Ковалёв", names.ICAO, names.LangRu, "Artem Kovalev"},
		{"Юрий Щербаков", names.MVD310, names.LangRu, "Yuriy Shcherbakov"},
		{"Артём Ковалёв", names.MVD782, names.LangRu, "Artyem Kovalyev"},
		{"Игорь Васильев", names.MVD782, names.LangRu, "Igor' Vasilyev"},
		{"Елена Ковалёва", names.BGNPCGN, names.LangRu, "Yelena Kovalëva"},
		{"Григорій", names.BGNPCGN, names.LangUk, "Hryhoriy"},
		{"Щербаков Цой", names.GOST779B, names.LangRu, "Shherbakov Czoj"},
		{"Цыганов", names.GOST779B, names.LangRu, "Cy`ganov"},
		{"Щербаков Юлия", names.ISO9, names.LangRu, "Ŝerbakov Ûliâ"},
		{"Олександр Миколайович Коваленко", names.KMU2010, names.LangUk, "Oleksandr Mykolaiovych Kovalenko"},
		{"Згурський Юрій Єгорович", names.KMU2010, names.LangUk, "Zghurskyi Yurii Yehorovych"},
		{"Мар'яна Ковальчук", names.KMU2010, names.LangUk, "Mariana Kovalchuk"},
		{"Юрий Александрович Зеленский", names.PressEN, names.LangRu, "Yury Alexandrovich Zelensky"},
		{"Володимир Зеленський", names.PressEN, names.LangUk, "Volodymyr Zelensky"},
		{"Евгений Хрущёв", names.PressEN, names.LangRu, "Yevgeny Khrushchev"},
		{"Юрий Чернов Василий", names.PressDE, names.LangRu, "Juri Tschernow Wassili"},
		{"Никита Хрущёв", names.PressDE, names.LangRu, "Nikita Chruschtschow"},
		{"Володимир Зеленський", names.PressDE, names.LangUk, "Wolodymyr Selenskyj"},
		{"Юрий Хрущёв Михаил", names.PressFR, names.LangRu, "Iouri Khrouchtchiov Mikhaïl"},
		{"Сергей Шевченко", names.PressFR, names.LangRu, "Sergueï Chevtchenko"},
		{"ЩУКИН Щукин", names.ICAO, names.LangRu, "SHCHUKIN Shchukin"},
	} {
		if got := names.TranslitLang(tc.in, tc.scheme, tc.lang); got != tc.want {
			t.Errorf("TranslitLang(%q, %s) = %q, want %q", tc.in, tc.scheme, got, tc.want)
		}
	}
}

func TestParseScheme(t *testing.T) {
	for _, s := range names.Schemes {
		got, ok := names.ParseScheme(s.String())
		if !ok || got != s {
			t.Errorf("ParseScheme(%q) = %v, %v", s.String(), got, ok)
		}
	}
	if _, ok := names.ParseScheme("klingon"); ok {
		t.Error("ParseScheme(klingon): want not ok")
	}
}

func TestToCyrillic(t *testing.T) {
	for _, tc := range []struct{ latin, want string }{
		{"Oleksandr", "Олександр"},
		{"Aleksandr", "Александр"},
		{"Iurii", "Юрий"},
		{"Yuriy", "Юрий"},
		{"Yelena", "Елена"},
		{"Mykolaiovych", "Миколайович"},
		{"Kovalenko", "Коваленко"},
		{"Kowalenko", "Коваленко"},
		{"Shcherbakov", "Щербаков"},
		{"Hryhorii", "Григорій"},
		{"Igor", "Игорь"},
		{"Zhukov", "Жуков"},
		{"KOVALENKO", "КОВАЛЕНКО"},
		{"Ûliâ", "Юлия"},
		{"Tsoi", "Цой"},
		{"Natalia", "Наталия"},
	} {
		got := names.ToCyrillic(tc.latin, 3)
		if !slices.Contains(got, tc.want) {
			t.Errorf("ToCyrillic(%q, 3) = %v, want %q among them", tc.latin, got, tc.want)
		}
	}
	if got := names.ToCyrillic("Oleksandr Kovalenko", 1); len(got) != 1 || got[0] != "Олександр Коваленко" {
		t.Errorf("ToCyrillic(full name, 1) = %v", got)
	}
	if got := names.ToCyrillic("x", 0); got != nil {
		t.Errorf("ToCyrillic(n=0) = %v, want nil", got)
	}
}

// TestToCyrillicSpelling: the readings follow Russian and Ukrainian spelling
// where the romanisation leaves it open (soft sign, apostrophe, ё, ъ).
func TestToCyrillicSpelling(t *testing.T) {
	for _, tc := range []struct{ latin, want string }{
		{"Volnyi", "Вольный"},      // ICAO drops ь
		{"Kozelsk", "Козельск"},    // ль before a consonant
		{"Miata", "М’ята"},         // KMU drops the apostrophe after a labial (written ’)
		{"Piatnytsia", "П’ятниця"}, // and after п
		{"Zizd", "З’їзд"},          // after a prefix
		{"Mar'iana", "Мар'яна"},    // an apostrophe the Latin writes is kept as written
		{"Shchetka", "Щётка"},      // ё after щ, which ICAO writes e
		{"Podieem", "Подъем"},      // ICAO writes ъ as ie
		{"Robytsia", "Робиться"},   // -ться
	} {
		got := names.ToCyrillic(tc.latin, 3)
		if !slices.Contains(got, tc.want) {
			t.Errorf("ToCyrillic(%q, 3) = %v, want %q among them", tc.latin, got, tc.want)
		}
	}
}

func TestToCyrillicScheme(t *testing.T) {
	for _, tc := range []struct {
		latin  string
		scheme names.Scheme
		want   string
	}{
		{"Mykola", names.KMU2010, "Микола"},
		{"Iurii", names.ICAO, "Юрий"},
		{"Yuriy", names.BGNPCGN, "Юрий"},
		{"Hryhorii", names.KMU2010, "Григорій"},
	} {
		got := names.ToCyrillicScheme(tc.latin, tc.scheme, 3)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("ToCyrillicScheme(%q, %s, 3) = %v, want %q first", tc.latin, tc.scheme, got, tc.want)
		}
	}
	// KMU 55:2010 is Ukrainian: no Russian-only letter comes back
	for _, c := range names.ToCyrillicScheme("Sergey Yegorov", names.KMU2010, 3) {
		if strings.ContainsAny(c, "ыэъёЫЭЪЁ") {
			t.Errorf("ToCyrillicScheme(KMU2010) = %q: a Russian-only letter", c)
		}
	}
	// the first reading romanises back to the input under the scheme
	for _, sc := range []names.Scheme{names.ICAO, names.BGNPCGN, names.KMU2010, names.GOST779B} {
		in := names.Translit("Олена Шевчук", sc)
		got := names.ToCyrillicScheme(in, sc, 3)
		if len(got) == 0 || names.Translit(got[0], sc) != in {
			t.Errorf("ToCyrillicScheme(%q, %s) = %v: the first does not round-trip", in, sc, got)
		}
	}
}

func TestSkeletonAgreesAcrossSchemes(t *testing.T) {
	groups := [][]string{
		{"Коваленко", "Kovalenko", "Kowalenko", "Ковaленко", "KOVALENKO"},
		{"Юрий", "Юрій", "Yuri", "Yury", "Yuriy", "Yurii", "Iurii", "Juri", "Iouri", "Jurij"},
		{"Хрущёв", "Khrushchev", "Khrouchtchev", "Hruŝëv"},
		{"Шевченко", "Shevchenko", "Schewtschenko", "Ševčenko"},
		{"Зеленський", "Zelensky", "Zelenskyi", "Selenskyj", "Zelenskij"},
		{"Васильев", "Vasilyev", "Vasiliev", "Wassiljew", "Vassiliev", "Vasil'ev"},
		{"Ковальов", "Ковалёв", "Kovalyov", "Kovaliov"},
		{"Наталья", "Наталія", "Natalya", "Nataliia", "Natalia"},
	}
	for _, g := range groups {
		want := names.Skeleton(g[0])
		for _, s := range g[1:] {
			if got := names.Skeleton(s); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q (as %q)", s, got, want, g[0])
			}
		}
	}
	if names.Skeleton("Коваленко") == names.Skeleton("Ковальчук") {
		t.Error("Коваленко and Ковальчук must not share a skeleton")
	}
	if names.PhoneticKey("Kowalenko") != names.PhoneticKey("Коваленко") {
		t.Error("phonetic keys of Kowalenko and Коваленко differ")
	}
}

func TestGivenKeys(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // must be among the keys
		not  []string // must not be among them
	}{
		{"Александр", []string{"aleksandr"}, []string{"aleksandra"}},
		{"Олександр", []string{"aleksandr"}, nil},
		{"Alexander", []string{"aleksandr"}, nil},
		{"Oleksandr", []string{"aleksandr"}, nil},
		{"Саша", []string{"aleksandr", "aleksandra"}, nil},
		{"Sasha", []string{"aleksandr", "aleksandra"}, nil},
		{"Шура", []string{"aleksandr"}, nil},
		{"Женя", []string{"evgeniy", "evgeniya"}, nil},
		{"Вова", []string{"vladimir"}, nil},
		{"Volodymyr", []string{"vladimir"}, nil},
		{"Микола", []string{"nikolay"}, nil},
		{"Mykola", []string{"nikolay"}, nil},
		{"Коля", []string{"nikolay"}, nil},
		{"Григорій", []string{"grigoriy"}, nil},
		{"Hryhorii", []string{"grigoriy"}, nil},
		{"Ганна", []string{"anna"}, nil},
		{"Hanna", []string{"anna"}, nil},
		{"Юхим", []string{"efim"}, nil},
		{"Yukhym", []string{"efim"}, nil},
		{"Павло", []string{"pavel"}, nil},
		{"Федір", []string{"fedor"}, nil},
		{"Fyodor", []string{"fedor"}, nil},
		{"Олена", []string{"elena"}, nil},
		{"Катерина", []string{"ekaterina"}, nil},
		{"Тетяна", []string{"tatyana"}, nil},
		{"Надія", []string{"nadezhda"}, nil},
		{"Иван", []string{"ivan"}, []string{"iona"}},
		// Polish and Czech own forms, which the press uses for a Pole's or a
		// Czech's name and sometimes for a Ukrainian's
		{"Jerzy", []string{"yuriy"}, nil},
		{"Jiří", []string{"yuriy"}, nil},
		{"Szczepan", []string{"stepan"}, nil},
		{"Grzegorz", []string{"grigoriy"}, nil},
		{"Wacław", []string{"vyacheslav"}, nil},
		{"Małgorzata", []string{"margarita"}, nil},
		{"Elżbieta", []string{"elizaveta"}, nil},
		{"Славко", []string{"yaroslav", "vyacheslav"}, nil},
	} {
		got := names.GivenKeys(tc.in)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("GivenKeys(%q) = %v, want %q among them", tc.in, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("GivenKeys(%q) = %v, must not hold %q", tc.in, got, w)
			}
		}
	}
	if got := names.GivenKeys("Коваленко"); got != nil {
		t.Errorf("GivenKeys(Коваленко) = %v, want nil", got)
	}
	if n := len(names.GivenNames()); n < 300 {
		t.Errorf("given-name table has %d names, want several hundred", n)
	}
}

func TestGivenTableConsistent(t *testing.T) {
	for _, g := range names.GivenNames() {
		if len(g.Ru) == 0 {
			t.Errorf("%s: no Russian form", g.ID)
		}
		for _, f := range append(append([]string{}, g.Ru...), g.Uk...) {
			if names.DetectScript(f) != names.ScriptCyrillic {
				t.Errorf("%s: form %q is not Cyrillic", g.ID, f)
			}
			if !slices.Contains(names.GivenKeys(f), g.ID) {
				t.Errorf("%s: its form %q does not find it (%v)", g.ID, f, names.GivenKeys(f))
			}
		}
		for _, f := range g.Dim {
			if names.DetectScript(f) != names.ScriptCyrillic {
				t.Errorf("%s: diminutive %q is not Cyrillic", g.ID, f)
			}
		}
		for _, f := range g.Latin {
			if names.DetectScript(f) != names.ScriptLatin {
				t.Errorf("%s: Latin spelling %q is not Latin", g.ID, f)
			}
		}
	}
}

func TestPatronymic(t *testing.T) {
	for _, tc := range []struct {
		in     string
		father string
		sex    names.Sex
	}{
		{"Миколайович", "nikolay", names.Male},
		{"Николаевич", "nikolay", names.Male},
		{"Mykolaiovych", "nikolay", names.Male},
		{"Nikolajewitsch", "nikolay", names.Male},
		{"Nikolaïevitch", "nikolay", names.Male},
		{"Миколаївна", "nikolay", names.Female},
		{"Nikolaevna", "nikolay", names.Female},
		{"Олександрович", "aleksandr", names.Male},
		{"Oleksandrivna", "aleksandr", names.Female},
		{"Сергійович", "sergey", names.Male},
		{"Сергіївна", "sergey", names.Female},
		{"Юрьевич", "yuriy", names.Male},
		{"Юрійович", "yuriy", names.Male},
		{"Григорович", "grigoriy", names.Male},
		{"Павлович", "pavel", names.Male},
		{"Львович", "lev", names.Male},
		{"Ильич", "ilya", names.Male},
		{"Ильинична", "ilya", names.Female},
		{"Кузьмич", "kuzma", names.Male},
		{"Федорович", "fedor", names.Male},
		{"Яковлевич", "yakov", names.Male},
		{"Васильевна", "vasiliy", names.Female},
		{"Василівна", "vasiliy", names.Female},
		{"Petrovich", "petr", names.Male},
		{"Petrivna", "petr", names.Female},
	} {
		fathers, sex, ok := names.Patronymic(tc.in)
		if !ok || sex != tc.sex || !slices.Contains(fathers, tc.father) {
			t.Errorf("Patronymic(%q) = %v, %s, %v; want %s, %s", tc.in, fathers, sex, ok, tc.father, tc.sex)
		}
	}
	t.Run("UnknownFatherBySuffix", func(t *testing.T) {
		fathers, sex, ok := names.Patronymic("Зурабович")
		if !ok || sex != names.Male {
			t.Errorf("Patronymic(Зурабович) = %v, %s, %v", fathers, sex, ok)
		}
	})
	t.Run("NotAPatronymic", func(t *testing.T) {
		for _, s := range []string{"Иванов", "Коваленко", "Олександр", "Kovalenko", ""} {
			if _, _, ok := names.Patronymic(s); ok {
				t.Errorf("Patronymic(%q): want not ok", s)
			}
		}
	})
	t.Run("PatronymicForRoundTrips", func(t *testing.T) {
		for _, g := range names.GivenNames() {
			if g.Sex != names.Male {
				continue
			}
			for _, lang := range []names.Lang{names.LangRu, names.LangUk} {
				for _, sex := range []names.Sex{names.Male, names.Female} {
					p := names.PatronymicFor(g.ID, sex, lang)
					fathers, s, ok := names.Patronymic(p)
					if !ok || s != sex || !slices.Contains(fathers, g.ID) {
						t.Errorf("PatronymicFor(%s, %s, %d) = %q reads back as %v %s %v", g.ID, sex, lang, p, fathers, s, ok)
					}
				}
			}
		}
	})
}

func TestFamilyForms(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Иванов", "Иванова", true},
		{"Ivanov", "Ivanova", true},
		{"Іванов", "Ivanova", true},
		{"Ковальський", "Ковальська", true},
		{"Kowalski", "Kowalska", true},
		{"Ковальский", "Ковальская", true},
		{"Kovalskyi", "Kovalskaya", true},
		{"Толстой", "Толстая", true},
		{"Ковальов", "Ковальова", true},
		{"Ковалёв", "Kovalyova", true},
		{"Ильин", "Ильина", true},
		{"Коваленко", "Kowalenko", true},
		{"Белый", "Белая", true},
		{"Коваленко", "Ковальчук", false},
		{"Иванов", "Иванченко", false},
		{"Петров", "Петренко", false},
	} {
		got := names.FamilySkeleton(tc.a) == names.FamilySkeleton(tc.b)
		if got != tc.same {
			t.Errorf("FamilySkeleton(%q)=%q, FamilySkeleton(%q)=%q; same=%v, want %v",
				tc.a, names.FamilySkeleton(tc.a), tc.b, names.FamilySkeleton(tc.b), got, tc.same)
		}
	}
	for _, tc := range []struct {
		in   string
		sex  names.Sex
		want string
	}{
		{"Иванов", names.Female, "Иванова"},
		{"Ковальський", names.Female, "Ковальська"},
		{"Ковальский", names.Female, "Ковальская"},
		{"Білий", names.Female, "Біла"},
		{"Толстой", names.Female, "Толстая"},
		{"Коваленко", names.Female, "Коваленко"},
		{"Иванова", names.Male, "Иванов"},
		{"Ковальська", names.Male, "Ковальський"},
		{"Шевчук", names.Male, "Шевчук"},
	} {
		if got := names.FamilyForSex(tc.in, tc.sex); got != tc.want {
			t.Errorf("FamilyForSex(%q, %s) = %q, want %q", tc.in, tc.sex, got, tc.want)
		}
	}
	if s := names.FamilySex("Кузнецова"); s != names.Female {
		t.Errorf("FamilySex(Кузнецова) = %s", s)
	}
	if s := names.FamilySex("Коваленко"); s != names.SexUnknown {
		t.Errorf("FamilySex(Коваленко) = %s", s)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in                          string
		given, patronymic, family   string
		order                       names.Order
		givenInitial, patronymicIni bool
	}{
		{"Олександр Миколайович Коваленко", "Олександр", "Миколайович", "Коваленко", "GPF", false, false},
		{"Коваленко Олександр Миколайович", "Олександр", "Миколайович", "Коваленко", "FGP", false, false},
		{"KOVALENKO Oleksandr Mykolaiovych", "Oleksandr", "Mykolaiovych", "KOVALENKO", "FGP", false, false},
		{"KOVALENKO Oleksandr", "Oleksandr", "", "KOVALENKO", "FG", false, false},
		{"Oleksandr KOVALENKO", "Oleksandr", "", "KOVALENKO", "GF", false, false},
		{"Aleksandr Kovalenko", "Aleksandr", "", "Kovalenko", "GF", false, false},
		{"Kovalenko Aleksandr", "Aleksandr", "", "Kovalenko", "FG", false, false},
		{"Коваленко О.М.", "О", "М", "Коваленко", "FGP", true, true},
		{"Коваленко О. М.", "О", "М", "Коваленко", "FGP", true, true},
		{"О.М. Коваленко", "О", "М", "Коваленко", "GPF", true, true},
		{"Yu. Kovalenko", "Yu", "", "Kovalenko", "GF", true, false},
		{"Саша Коваленко", "Саша", "", "Коваленко", "GF", false, false},
		{"Иванов Иван Иванович", "Иван", "Иванович", "Иванов", "FGP", false, false},
		{"Иван Петров", "Иван", "", "Петров", "GF", false, false},
		{"Петров Иван", "Иван", "", "Петров", "FG", false, false},
		{"Мария Ивановна Петрова", "Мария", "Ивановна", "Петрова", "GPF", false, false},
		{"Коваленко", "", "", "Коваленко", "F", false, false},
		{"Олександр", "Олександр", "", "", "G", false, false},
		{"Коваленко, Олександр", "Олександр", "", "Коваленко", "FG", false, false},
		{"Петренко Миколайович", "", "Миколайович", "Петренко", "FP", false, false},
		{"Коваленко Олександр Миколайович 1985", "Олександр", "Миколайович", "Коваленко", "FGP", false, false},
		{"Коваленко Іван І.", "Іван", "І", "Коваленко", "FGP", false, true},
		{"Коваленко Олександр (Саша) Миколайович", "Олександр", "Миколайович", "Коваленко", "FGP", false, false},
		{"Иванов Иван «Ваня»", "Иван", "", "Иванов", "FG", false, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			p := names.Parse(tc.in)
			if p.Given != tc.given || p.Patronymic != tc.patronymic || p.Family != tc.family || p.Order != tc.order ||
				p.GivenInitial != tc.givenInitial || p.PatronymicInitial != tc.patronymicIni {
				t.Errorf("Parse(%q) = %+v", tc.in, p)
			}
			if p.Confidence < 0 || p.Confidence > 1 {
				t.Errorf("confidence %v out of [0,1]", p.Confidence)
			}
		})
	}
	t.Run("ConfidentWithPatronymic", func(t *testing.T) {
		if c := names.Parse("Коваленко Олександр Миколайович").Confidence; c < 0.9 {
			t.Errorf("confidence %.2f, want ≥ 0.9", c)
		}
	})
	t.Run("UnsureOnTwoGivenNames", func(t *testing.T) {
		if c := names.Parse("Ivan Roman").Confidence; c > 0.8 {
			t.Errorf("confidence %.2f for an ambiguous name, want ≤ 0.8", c)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		if p := names.Parse("  "); p.Given != "" || p.Family != "" || p.Order != "" {
			t.Errorf("Parse(blank) = %+v", p)
		}
	})
}

func TestCompareLevels(t *testing.T) {
	prep := func(s string) *names.Name { n := names.Prepare("", "", "", s); return &n }
	for _, tc := range []struct {
		a, b                      string
		given, patronymic, family names.Level
	}{
		{"Олександр Миколайович Коваленко", "Олександр Миколайович Коваленко", names.LevelExact, names.LevelExact, names.LevelExact},
		{"Олександр Коваленко", "Oleksandr Kovalenko", names.LevelTranslit, names.LevelMissing, names.LevelTranslit},
		{"Олександр Миколайович Коваленко", "Александр Николаевич Коваленко", names.LevelForm, names.LevelForm, names.LevelExact},
		{"Саша Коваленко", "Alexander Kowalenko", names.LevelForm, names.LevelMissing, names.LevelTranslit},
		{"Коваленко О.М.", "Oleksandr Mykolaiovych Kovalenko", names.LevelInitial, names.LevelInitial, names.LevelTranslit},
		{"Коваленко А.Н.", "Oleksandr Mykolaiovych Kovalenko", names.LevelInitial, names.LevelInitial, names.LevelTranslit},
		{"Мария Иванова", "Mariia Ivanova", names.LevelTranslit, names.LevelMissing, names.LevelTranslit},
		{"Иван Иванов", "Иван Иванова", names.LevelExact, names.LevelMissing, names.LevelForm},
		{"Иван Коваленко", "Ivna Kovalneko", names.LevelClose, names.LevelMissing, names.LevelClose},
		{"Иван Петров", "Сергей Петров", names.LevelDifferent, names.LevelMissing, names.LevelExact},
		{"Александр Коваленко", "Александра Коваленко", names.LevelDifferent, names.LevelMissing, names.LevelExact},
		{"Олександр Коваленко", "Олександр Ковальчук", names.LevelExact, names.LevelMissing, names.LevelDifferent},
		{"Юрий Олейник", "Юрій Олійник", names.LevelTranslit, names.LevelMissing, names.LevelForm},
		{"Иван Петров", "Іван Петрів", names.LevelTranslit, names.LevelMissing, names.LevelForm},
		{"Иван Петрович Бойко", "Иван Иванович Бойко", names.LevelExact, names.LevelDifferent, names.LevelExact},
		// family names built on a given name meet through its forms
		{"Иван Ефимов", "Іван Юхимов", names.LevelTranslit, names.LevelMissing, names.LevelForm},
		{"Иван Ефимов", "Иван Ефимин", names.LevelExact, names.LevelMissing, names.LevelDifferent},
		{"Leonid Efimov", "Leonid Juchymow", names.LevelExact, names.LevelMissing, names.LevelForm},
		{"Иван Ванин", "Иван Иванов", names.LevelExact, names.LevelMissing, names.LevelDifferent},
		// the Ukrainian feminine of an adjectival family name
		{"Мария Белая", "Марія Біла", names.LevelTranslit, names.LevelMissing, names.LevelForm},
		// a pet form that is another entry's full name, written as the pet form
		{"Радик Ильин", "Радий Ильин", names.LevelForm, names.LevelMissing, names.LevelExact},
		{"Юля Виленович Козлов", "Ульян Виленович Козлов", names.LevelForm, names.LevelExact, names.LevelExact},
		{"Alla Antonenko", "Alina Antonenko", names.LevelDifferent, names.LevelMissing, names.LevelExact},
		// a typo on a romanised two-letter sound
		{"Григорий Ткаченко", "Grigorij Tkavhenko", names.LevelTranslit, names.LevelMissing, names.LevelClose},
		{"Григорий Ткаченко", "Grigorij Tkachuk", names.LevelTranslit, names.LevelMissing, names.LevelDifferent},
		// a woman's name the table lacks, built on a man's, is his sister's,
		// not his name with a slip; a slip inside it still is one
		{"Руслана Коваленко", "Руслан Коваленко", names.LevelDifferent, names.LevelMissing, names.LevelExact},
		{"Ruslana Kovalenko", "Руслан Коваленко", names.LevelDifferent, names.LevelMissing, names.LevelTranslit},
		{"Руслна Коваленко", "Руслан Коваленко", names.LevelClose, names.LevelMissing, names.LevelExact},
		{"Адриана Шевчук", "Адриан Шевчук", names.LevelDifferent, names.LevelMissing, names.LevelExact},
	} {
		a, b := prep(tc.a), prep(tc.b)
		g, p, f := names.CompareGiven(a, b), names.ComparePatronymic(a, b), names.CompareFamily(a, b)
		if g != tc.given || p != tc.patronymic || f != tc.family {
			t.Errorf("%q ~ %q: given %s patronymic %s family %s; want %s %s %s",
				tc.a, tc.b, g, p, f, tc.given, tc.patronymic, tc.family)
		}
	}
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b    string
		atLeast float64
		below   float64
	}{
		{"Олександр Коваленко", "Aleksandr Kovalenko", names.MatchThreshold, 1.01},
		{"KOVALENKO Oleksandr Mykolaiovych", "Коваленко Александр Николаевич", names.MatchThreshold, 1.01},
		{"Саша Коваленко", "Alexander Kowalenko", names.MatchThreshold, 1.01},
		{"Иван Петров", "Петр Иванов", 0, names.ReviewThreshold},
		{"Иван Иванович Петров", "Иван Петрович Петров", 0, names.MatchThreshold},
		{"Иванов Иван", "Иванова Мария", 0, names.ReviewThreshold},
		{"Коваленко", "Kovalenko", names.ReviewThreshold, names.MatchThreshold},
		// an unknown given name read as a second family name by the parse
		{"Ткачук Кстянтин К.", "Tkaczuk Konstantin Konstantinowicz", names.MatchThreshold, 1.01},
		{"", "", 0, 0.01},
	} {
		s := names.Similarity(tc.a, tc.b)
		if s < tc.atLeast || s >= tc.below || s < 0 || s > 1 {
			t.Errorf("Similarity(%q, %q) = %.3f, want in [%.2f, %.2f)", tc.a, tc.b, s, tc.atLeast, tc.below)
		}
		if r := names.Similarity(tc.b, tc.a); r-s > 0.05 || s-r > 0.05 {
			t.Errorf("Similarity not symmetric enough: %.3f vs %.3f for %q, %q", s, r, tc.a, tc.b)
		}
	}
}

func TestJaroWinklerRunes(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"a", "", 0},
		{"MARTHA", "MARHTA", 0.961},
		{"DIXON", "DICKSONX", 0.813},
		{"Коваленко", "Коваленко", 1},
		{"МАРТА", "МАРАТ", 0.953}, // counted in runes: a byte-based one gets this wrong
	} {
		got := names.JaroWinkler(tc.a, tc.b)
		if d := got - tc.want; d > 0.001 || d < -0.001 {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.3f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"Коваленко", "Коваленко", 0},
		{"Коваленко", "Ковалекно", 1}, // a swap is one edit
		{"Коваленко", "Ковальчук", 4},
		{"Иван", "Ivan", 4},
		{"ёж", "еж", 1},
	} {
		if got := names.DamerauLevenshtein(tc.a, tc.b); got != tc.want {
			t.Errorf("DamerauLevenshtein(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBlockingKeysShared(t *testing.T) {
	pairs := [][2]string{
		{"Олександр Миколайович Коваленко", "KOVALENKO Oleksandr"},
		{"Саша Коваленко", "Alexander Kowalenko"},
		{"Іванова Марія", "Mariya Ivanova"},
		{"Шевченко В.П.", "Volodymyr Shevchenko"},
		{"Чорновол Вячеслав", "Viacheslav Chornovil"},
		{"Хрущёв Никита", "Nikita Chruschtschow"},
	}
	for _, p := range pairs {
		a, b := names.Prepare("", "", "", p[0]), names.Prepare("", "", "", p[1])
		ka, kb := names.BlockingKeys(&a), names.BlockingKeys(&b)
		shared := false
		for _, k := range ka {
			if slices.Contains(kb, k) {
				shared = true
			}
		}
		if !shared {
			t.Errorf("%q %v and %q %v share no blocking key", p[0], ka, p[1], kb)
		}
	}
}

func TestDetectLang(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want names.Lang
	}{
		{"Олександр Миколайович Коваленко", names.LangUk},
		{"Андрій Шевчук", names.LangUk},
		{"Александр Николаевич Коваленко", names.LangRu},
		{"Семён Петров", names.LangRu},
		{"Коваленко", names.LangAuto},
	} {
		if got := names.DetectLang(tc.in); got != tc.want {
			t.Errorf("DetectLang(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestPrepareParts(t *testing.T) {
	t.Run("PartsGiven", func(t *testing.T) {
		n := names.Prepare(" Олександр ", "Миколайович", "Коваленко", "ignored")
		if n.Given != "Олександр" || n.Patronymic != "Миколайович" || n.Family != "Коваленко" || n.Confidence != 1 {
			t.Errorf("Prepare(parts) = %+v", n)
		}
	})
	t.Run("PatronymicInGivenField", func(t *testing.T) {
		n := names.Prepare("Олександр Миколайович", "", "Коваленко", "")
		if n.Given != "Олександр" || n.Patronymic != "Миколайович" {
			t.Errorf("Prepare split %q / %q", n.Given, n.Patronymic)
		}
	})
	t.Run("FullParsedKeepsExplicitPatronymic", func(t *testing.T) {
		n := names.Prepare("", "Миколайович", "", "Коваленко Олександр")
		if n.Given != "Олександр" || n.Family != "Коваленко" || n.Patronymic != "Миколайович" {
			t.Errorf("Prepare = %q %q %q", n.Given, n.Patronymic, n.Family)
		}
	})
	t.Run("PartsInWrongFields", func(t *testing.T) {
		for _, tc := range [][3]string{
			{"Titow", "", "Aleksander"},
			{"BONDARENKO", "", "OLESANDR"},
			{"Novykov", "M.", "K."},
		} {
			n := names.Prepare(tc[0], tc[1], tc[2], "")
			if n.Family != tc[0] {
				t.Errorf("Prepare(%q, %q, %q): family %q, want %q", tc[0], tc[1], tc[2], n.Family, tc[0])
			}
		}
	})
	t.Run("KeysFilled", func(t *testing.T) {
		n := names.Prepare("", "", "", "KOVALENKO Oleksandr Mykolaiovych")
		if n.GivenSkel != "oleksandr" || n.FamilyBase != "kovalenko" || n.FamilyKey != "kvlnk" ||
			!slices.Contains(n.GivenIDs, "aleksandr") || !slices.Contains(n.FatherIDs, "nikolay") || n.Sex != names.Male {
			t.Errorf("Prepare = %+v", n)
		}
	})
	t.Run("AlternativeReadings", func(t *testing.T) {
		n := names.Prepare("", "", "", "Nikita Chruschtschow")
		if len(n.FamilyAlts()) == 0 {
			t.Errorf("Chruschtschow has no alternative reading")
		}
	})
}

func TestScoreBestReadings(t *testing.T) {
	t.Run("OtherReadingReturned", func(t *testing.T) {
		a := names.Prepare("", "", "", "Ткачук Кстянтин К.")
		b := names.Prepare("", "", "", "Tkaczuk Konstantin Konstantinowicz")
		c, ra, rb := names.ScoreBestReadings(&a, &b)
		if !c.Swapped || ra.Family != "Ткачук" || ra.Given != "Кстянтин" || ra.Patronymic != "К" || rb.Family != "Tkaczuk" {
			t.Errorf("readings %+v / %q %q %q, %q; want Ткачук Кстянтин К read as family, given, patronymic",
				c, ra.Family, ra.Given, ra.Patronymic, rb.Family)
		}
		if s := names.ScoreBest(&a, &b); s != c {
			t.Errorf("ScoreBest %+v, ScoreBestReadings %+v", s, c)
		}
	})
	t.Run("SureNamesAllocateNothing", func(t *testing.T) {
		a := names.Prepare("Олександр", "Миколайович", "Коваленко", "")
		b := names.Prepare("Aleksandr", "Nikolaevich", "Kovalenko", "")
		if n := testing.AllocsPerRun(100, func() { names.ScoreBest(&a, &b) }); n != 0 {
			t.Errorf("ScoreBest of two sure names: %.0f allocations, want 0", n)
		}
	})
}
