package synth

import (
	"testing"
	"unicode/utf8"
)

func TestTranslit(t *testing.T) {
	for _, tc := range []struct {
		name string
		sc   *scheme
		in   string
		want string
	}{
		{"ICAO", schICAO, "Юрий Щукин", "Iurii Shchukin"},
		{"ICAO", schICAO, "Александр Соловьёв", "Aleksandr Solovev"},
		{"ICAO", schICAO, "Нижний Новгород", "Nizhnii Novgorod"},
		{"KMU", schKMU, "Олександр Шевченко", "Oleksandr Shevchenko"},
		{"KMU", schKMU, "Юрій Згурський", "Yurii Zghurskyi"},
		{"KMU", schKMU, "Євген Київ", "Yevhen Kyiv"},
		{"KMU", schKMU, "В'ячеслав Ковальчук", "Viacheslav Kovalchuk"},
		{"KMU", schKMU, "Їжакевич Олексій", "Yizhakevych Oleksii"},
		{"BGN", schBGN, "Юрий Алексеев", "Yuriy Alekseyev"},
		{"BGN", schBGN, "Соловьёв Егор", "Solov’yëv Yegor"},
		{"GOST", schGOST, "Щукин Юрий Чернышёв", "Ŝukin Ûrij Černyšëv"},
		{"EnglishRussian", schEN, "Дмитрий Сергей Николай Алексей", "Dmitry Sergei Nikolai Alexei"},
		{"EnglishRussian", schEN, "Евгений Фёдоров", "Yevgeny Fyodorov"},
		{"EnglishUkrainian", schENUK, "Сергій Андрій Зеленський", "Serhiy Andriy Zelensky"},
		{"German", schDE, "Шевченко Юрий Алексей", "Schewtschenko Juri Alexej"},
		{"German", schDE, "Кузнецов Васильев Соловьёв", "Kusnezow Wassiljew Solowjow"},
		{"GermanUkrainian", schDEUK, "Володимир Зеленський", "Wolodymyr Selenskyj"},
		{"French", schFR, "Шевченко Юрий Сергей", "Chevtchenko Iouri Sergueï"},
		{"French", schFR, "Кузнецов Михаил", "Kouznetsov Mikhaïl"},
		{"Polish", schPL, "Шевченко Коваленко Николай", "Szewczenko Kowalenko Nikołaj"},
		{"Polish", schPL, "Сергей Кузнецов Иванов", "Siergiej Kuzniecow Iwanow"},
		{"PolishUkrainian", schPLUK, "Микола Ковальчук Коваленко", "Mykoła Kowalczuk Kowalenko"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(appendTranslit(nil, tc.in, tc.sc, false)); got != tc.want {
				t.Errorf("%q = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("CapsWholeWord", func(t *testing.T) {
		if got := string(appendTranslit(nil, "Щукин", schICAO, true)); got != "SHCHUKIN" {
			t.Errorf("got %q", got)
		}
	})
}

func TestForms(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		f              func(string) string
	}{
		{"RuToUk", "Смирнов", "Смірнов", ruToUk},
		{"RuToUk", "Соловьёв", "Соловйов", ruToUk},
		{"RuToUk", "Лебедев", "Лебедєв", ruToUk},
		{"RuToUk", "Ковалёв", "Ковальов", ruToUk},
		{"RuToUk", "Прокофьев", "Прокоф'єв", ruToUk},
		{"RuToUk", "Ильин", "Ільїн", ruToUk},
		{"RuToUk", "Малышев", "Малишев", ruToUk},
		{"RuToUk", "Егоров", "Єгоров", ruToUk},
		{"RuToUk", "Крылов", "Крилов", ruToUk},
		{"RuToUk", "Жуковский", "Жуковський", ruToUk},
		{"UkToRu", "Поліщук", "Полищук", ukToRu},
		{"UkToRu", "Ковальський", "Ковальский", ukToRu},
		{"UkToRu", "Лук'яненко", "Лукьяненко", ukToRu},
		{"UkToRu", "Гордієнко", "Гордиенко", ukToRu},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f(tc.in); got != tc.want {
				t.Errorf("%q = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		in         string
		possessive bool
		uk         bool
		want       string
	}{
		{"Иванов", true, false, "Иванова"},
		{"Коваленко", false, true, "Коваленко"},
		{"Ковальський", false, true, "Ковальська"},
		{"Ковальский", false, false, "Ковальская"},
		{"Чорний", false, true, "Чорна"},
		{"Литвин", false, true, "Литвин"},
		{"Никитин", true, false, "Никитина"},
	} {
		t.Run("Feminine", func(t *testing.T) {
			if got := feminine(tc.in, tc.possessive, tc.uk); got != tc.want {
				t.Errorf("%q = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("Patronymics", func(t *testing.T) {
		want := map[string][4]string{
			"Николай": {"Николаевич", "Николаевна", "Миколайович", "Миколаївна"},
			"Сергей":  {"Сергеевич", "Сергеевна", "Сергійович", "Сергіївна"},
			"Илья":    {"Ильич", "Ильинична", "Ілліч", "Іллівна"},
			"Дмитрий": {"Дмитриевич", "Дмитриевна", "Дмитрович", "Дмитрівна"},
		}
		for _, g := range givens {
			if w, ok := want[g.ru]; ok {
				if got := [4]string{g.ruPatM, g.ruPatF, g.ukPatM, g.ukPatF}; got != w {
					t.Errorf("%s: %v, want %v", g.ru, got, w)
				}
			}
		}
	})
}

func TestSources(t *testing.T) {
	t.Run("EveryKindOfPersonHasASource", func(t *testing.T) {
		for side := 0; side < 2; side++ {
			for fate := 0; fate < 5; fate++ {
				for civ := 0; civ < 2; civ++ {
					if len(sourceChoice[side][fate][civ].idx) == 0 {
						t.Errorf("no source for side %d fate %s civilian %d", side, fateNames[fate], civ)
					}
				}
			}
		}
	})
	t.Run("EveryHabitHasASource", func(t *testing.T) {
		for _, h := range Habits {
			found := false
			for _, s := range sources {
				found = found || s.habit == h
			}
			if !found || habits[h] == nil {
				t.Errorf("habit %s unused or undefined", h)
			}
		}
	})
}

func TestSourcesInfo(t *testing.T) {
	kinds := map[string]bool{"family": true, "comrade": true, "witness": true, "official": true, "prisoner_list": true, "hospital": true, "morgue": true, "media": true, "social": true, "ngo": true, "other": true}
	for _, s := range Sources() {
		if !kinds[s.Kind] || len(s.Reliability) != 1 || s.Reliability < "A" || s.Reliability > "F" {
			t.Errorf("source %q: kind %q, reliability %q", s.Name, s.Kind, s.Reliability)
		}
	}
}

func TestTableSizes(t *testing.T) {
	if len(givens) > maxTableIdx || len(places) > maxTableIdx || len(fronts) > maxTableIdx {
		t.Fatalf("a table outgrew maxTableIdx %d: %d givens, %d places, %d fronts", maxTableIdx, len(givens), len(places), len(fronts))
	}
}

func FuzzTranslit(f *testing.F) {
	for _, s := range []string{"Щукин", "В'ячеслав", "Зеленський", "ЁЖ", "", "a-b c", "Мар’їнка"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, sc := range allSchemes {
			for _, caps := range []bool{false, true} {
				if out := appendTranslit(nil, s, sc, caps); !utf8.Valid(out) {
					t.Fatalf("%q gives invalid UTF-8 %q", s, out)
				}
			}
		}
	})
}
