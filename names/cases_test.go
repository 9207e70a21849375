package names_test

import (
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// casesSame are one person's name written in an oblique case (as a letter,
// an inquiry or a news report writes it) and in the nominative (as a record
// keeps it): Russian and Ukrainian, both sexes, every case, given names,
// patronymics and the kinds of family name; in another language's form, in
// Latin letters, with initials and family name first.
const casesSame = `
Сергея Иванова | Сергей Иванов
Сергею Иванову | Сергей Иванов
Сергеем Ивановым | Сергей Иванов
Сергее Иванове | Сергей Иванов
Иванова Сергея Петровича | Иванов Сергей Петрович
Иванову Сергею Петровичу | Иванов Сергей Петрович
Ивановым Сергеем Петровичем | Иванов Сергей Петрович
Иванове Сергее Петровиче | Иванов Сергей Петрович
Петрова Ивана Сергеевича | Петров Иван Сергеевич
Петрове Иване Сергеевиче | Петров Иван Сергеевич
Александра Николаевича Коваленко | Александр Николаевич Коваленко
Дмитрия Юрьевича Соколова | Дмитрий Юрьевич Соколов
Дмитрию Юрьевичу Соколову | Дмитрий Юрьевич Соколов
Андрею Смирнову | Андрей Смирнов
Павла Волкова | Павел Волков
Льва Морозова | Лев Морозов
Никиты Кузнецова | Никита Кузнецов
Никитой Кузнецовым | Никита Кузнецов
Ильи Новикова | Илья Новиков
Игоря Ковальского | Игорь Ковальский
Игорем Ковальским | Игорь Ковальский
Игорю Ковальскому | Игорь Ковальский
Юрия Толстого | Юрий Толстой
Николая Белого | Николай Белый
Алексея Ткачука | Алексей Ткачук
Виктору Мельнику | Виктор Мельник
Олегом Кравцом | Олег Кравец
Евгению Черных | Евгений Черных
Максима Коваля | Максим Коваль
Анны Петровой | Анна Петрова
Анне Петровой | Анна Петрова
Анну Петрову | Анна Петрова
Анной Петровой | Анна Петрова
Марии Ивановны Сидоровой | Мария Ивановна Сидорова
Марию Ивановну Сидорову | Мария Ивановна Сидорова
Марией Ивановной Сидоровой | Мария Ивановна Сидорова
Натальи Ковальской | Наталья Ковальская
Наталью Ковальскую | Наталья Ковальская
Ольги Ткачук | Ольга Ткачук
Елены Коваленко | Елена Коваленко
Татьяне Толстой | Татьяна Толстая
Светлану Ильину | Светлана Ильина
Екатерины Сергеевны Волковой | Екатерина Сергеевна Волкова
Любови Смирновой | Любовь Смирнова
Олександра Коваленка | Олександр Коваленко
Олександрові Коваленкові | Олександр Коваленко
Олександру Коваленку | Олександр Коваленко
Олександром Коваленком | Олександр Коваленко
Олександре Коваленку | Олександр Коваленко
Шевченка Тараса Григоровича | Шевченко Тарас Григорович
Шевченкові Тарасові Григоровичу | Шевченко Тарас Григорович
Шевченком Тарасом Григоровичем | Шевченко Тарас Григорович
Тарасе Григоровичу | Тарас Григорович Шевченко
Миколи Бойка | Микола Бойко
Миколо Бойку | Микола Бойко
Миколою Бойком | Микола Бойко
Миколі Бойкові | Микола Бойко
Ярослава Бойка | Ярослав Бойко
Андрія Мельника | Андрій Мельник
Андрієві Мельникові | Андрій Мельник
Андрієм Мельником | Андрій Мельник
Сергія Ковальчука | Сергій Ковальчук
Петра Савчука | Петро Савчук
Петре Савчуку | Петро Савчук
Павлові Кравцеві | Павло Кравець
Павла Кравця | Павло Кравець
Ігоря Коваля | Ігор Коваль
Ігореві Ковалю | Ігор Коваль
Василя Бондаря | Василь Бондар
Дмитра Ковальського | Дмитро Ковальський
Дмитрові Ковальському | Дмитро Ковальський
Дмитром Ковальським | Дмитро Ковальський
Юрія Чорного | Юрій Чорний
Володимира Олександровича Шевчука | Володимир Олександрович Шевчук
Євгена Гайдая | Євген Гайдай
Олени Коваленко | Олена Коваленко
Олені Коваленко | Олена Коваленко
Олену Коваленко | Олена Коваленко
Оленою Коваленко | Олена Коваленко
Марії Іванівни Шевчук | Марія Іванівна Шевчук
Марію Іванівну Шевчук | Марія Іванівна Шевчук
Ганни Петрової | Ганна Петрова
Ганні Петровій | Ганна Петрова
Ганною Петровою | Ганна Петрова
Ольги Ковальської | Ольга Ковальська
Ользі Ковальській | Ольга Ковальська
Наталії Бондар | Наталія Бондар
Тетяною Мельник | Тетяна Мельник
Олександра Миколайовича Коваленка | Александр Николаевич Коваленко
Сергея Иванова | Сергій Іванов
Миколи Шевченка | Николай Шевченко
Сергея Иванова | Sergey Ivanov
Олександра Коваленка | Oleksandr Kovalenko
Коваленка Олександра | Олександр Коваленко
Коваленка О.М. | Коваленко О.М.
Сергея Иванова | Сергею Иванову
Олександра Коваленка | Олександрові Коваленку
Анны Петровой | Анну Петрову
Иванову С.П. | Иванов С.П.
Евгении Сергеевне Савченко | Евгения Сергеевна Савченко
Степана Вовка | Степан Вовк
Степанові Вовку | Степан Вовк
Віктора Олійника | Віктор Олійник
Богданові Гуменюку | Богдан Гуменюк
Владимира Ильина | Владимир Ильин
Максима Иванова | Максим Иванов
Олега Сидорова | Олег Сидоров
Івана Петріва | Іван Петрів
Людмили Ковальової | Людмила Ковальова
Юлії Кузьміної | Юлія Кузьміна
Кирилом Мазуром | Кирило Мазур
Максима Ковалишина | Максим Ковалишин
Анатолия Ковалёва | Анатолий Ковалёв
Геннадия Седых | Геннадий Седых
Оксані Лук'яненко | Оксана Лук'яненко
Любові Гончаренко | Любов Гончаренко
`

// casesTraps must not match: an oblique reading must not turn two people
// into one. A name that is also a nominative (a woman's Олександра,
// Ярослава, Богдана; a woman's Коваленко does not decline) is read as
// written; relatives and namesakes stay apart in any case.
const casesTraps = `
Олександра Коваленко | Олександр Коваленко
Ярослава Бойко | Ярослав Бойко
Ярослава Чайка | Ярослав Чайка
Александра Иванова | Александр Иванов
Александра Коваленко | Александр Коваленко
Богдана Петрова | Богдан Петров
Владислава Ковальчук | Владислав Ковальчук
Станіслава Мельник | Станіслав Мельник
Мирослава Петрова | Мирослав Петров
Валентина Ковальчук | Валентин Ковальчук
Евгения Черных | Евгений Черных
Ярослава Сорока | Ярослав Сорока
Олександра Чайка | Олександр Чайко
Євгенія Шевчук | Євгеній Шевчук
Олександра Бондар | Олександр Бондар
Сергея Иванова | Андрей Иванов
Сергея Петровича Иванова | Пётр Сергеевич Иванов
Ивана Сергеевича Петрова | Иван Андреевич Петров
Анны Петровой | Анатолий Петров
Анну Петрову | Антон Петров
Олександра Коваленка | Олександр Ковальчук
Миколи Бойка | Микола Бойків
Тараса Шевченка | Тарас Шевчук
Миколи Шевченка | Михайло Шевченко
Сергея Иванова | Сергей Иванович Петров
Олександра Коваленка | Олена Коваленко
Петра Коваля | Петро Ковальов
Ивана Петрова | Иван Петровский
Ивана Петрова | Иван Петров
Андрія Мельника | Андрій Мельниченко
`

// casesReview are readings that are right more often than not but may be
// another person: the name as written is also a woman's (Петра Петрова,
// Ивана Петрова). They score at review level, not as a match.
const casesReview = `
Петра Лебедева | Пётр Лебедев
Петра Петрова | Петр Петров
Руслана Петрова | Руслан Петров
Романа Мороза | Роман Мороз
Святослава Іванова | Святослав Іванов
Петрова Ростислава | Петров Ростислав
Любомира Петрова | Любомир Петров
Бронислава Кузьмина | Бронислав Кузьмин
Еріка Петрова | Ерік Петров
`

// TestCasesGolden: names in oblique cases match their nominative; the traps
// do not. The figures are logged (docs/BENCHMARKS.md, Round 4: cases).
func TestCasesGolden(t *testing.T) {
	same := parsePairs(t, casesSame)
	traps := parsePairs(t, casesTraps)
	matched, review := 0, 0
	for _, p := range same {
		c := score(p[0], p[1])
		if c.Score >= names.MatchThreshold {
			matched++
		} else {
			t.Errorf("same person: %q ~ %q scores %.3f (given %s, patronymic %s, family %s), want ≥ %.2f",
				p[0], p[1], c.Score, c.Given, c.Patronymic, c.Family, names.MatchThreshold)
		}
	}
	for _, p := range parsePairs(t, casesReview) {
		c := score(p[0], p[1])
		if c.Score < names.ReviewThreshold || c.Score >= names.MatchThreshold || !c.CaseAmbiguous {
			t.Errorf("ambiguous: %q ~ %q scores %.3f (ambiguous %v), want review level", p[0], p[1], c.Score, c.CaseAmbiguous)
		}
	}
	falseMatch := 0
	for _, p := range traps {
		c := score(p[0], p[1])
		switch {
		case c.Score >= names.MatchThreshold:
			falseMatch++
			t.Errorf("trap: %q ~ %q scores %.3f (cases %s / %s), want < %.2f",
				p[0], p[1], c.Score, c.CaseA, c.CaseB, names.MatchThreshold)
		case c.Score >= names.ReviewThreshold:
			review++
			t.Logf("trap at review level: %q ~ %q scores %.3f", p[0], p[1], c.Score)
		}
	}
	t.Logf("cases golden: same-person %d/%d matched (recall %.3f); traps %d: %d matched, %d at review level",
		matched, len(same), float64(matched)/float64(len(same)), len(traps), falseMatch, review)
}

// TestCaseReadings checks the readings themselves: the nominative, the
// cases and the sex, and that a nominative name has none.
func TestCaseReadings(t *testing.T) {
	for _, tc := range []struct {
		in, want string // want: "nominative/case/sex", readings joined by "; "; "" for none
	}{
		{"Олександра Коваленка", "Олександр Коваленко/genitive or accusative/male"},
		{"Сергею Иванову", "Сергей Иванов/dative/male"},
		{"Анну Петрову", "Анна Петрова/accusative/female"},
		{"Иванову С.П.", "С. П. Иванов/dative or locative/male; С. П. Иванова/accusative/female"},
		{"Миколо", "Микола/vocative/male"},
		{"Олександре Коваленку", "Олександр Коваленко/locative or vocative/male"},
		{"Тарасе", "Тарас/locative or vocative/male"},
		{"Олександра Коваленко", ""},
		{"Ярослава Бойко", ""},
		{"Петрова", ""},
		{"Анна Петрова", ""},
		{"Сергей Иванов", ""},
		{"Sergeya Ivanova", ""},
		{"Коваленко Олександр Миколайович", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			n := names.Prepare("", "", "", tc.in)
			var got []string
			for _, r := range names.CaseReadings(&n) {
				got = append(got, r.Nominative+"/"+r.Case.String()+"/"+r.Sex.String())
			}
			if s := strings.Join(got, "; "); s != tc.want {
				t.Errorf("CaseReadings(%q) = %q, want %q", tc.in, s, tc.want)
			}
		})
	}
}

// TestCompareExplainsCase: the reasons name the case reading.
func TestCompareExplainsCase(t *testing.T) {
	na, nb := names.Prepare("", "", "", "Олександра Коваленка"), names.Prepare("", "", "", "Олександр Коваленко")
	c, ra, rb := names.ScoreBestReadings(&na, &nb)
	want := "first name read as the genitive or accusative of Олександр Коваленко"
	if r := strings.Join(c.Reasons(&ra, &rb), "\n"); !strings.Contains(r, want) {
		t.Errorf("reasons lack %q:\n%s", want, r)
	}
}

// TestCaseReadingsApostropheAlone: a part that is an apostrophe alone (a
// record's family name "’") has no reading and does not stop ScoreBest
// (it read the word folded to "" and panicked: index out of range [-1]).
func TestCaseReadingsApostropheAlone(t *testing.T) {
	other := names.Prepare("", "", "", "Сергей Иванов")
	for _, p := range [][3]string{
		{"Сергея", "", "’"},
		{"Івана", "", "'"},
		{"", "", "Ивана ''"},
		{"ʼ", "", "Коваля"},
	} {
		t.Run(strings.Join(p[:], "|"), func(t *testing.T) {
			n := names.Prepare(p[0], p[1], p[2], "")
			if rs := names.CaseReadings(&n); len(rs) > 0 {
				t.Errorf("CaseReadings(%q) = %+v, want none", p, rs)
			}
			if c := names.ScoreBest(&n, &other); c.CaseA != 0 {
				t.Errorf("ScoreBest read %q as the %s", p, c.CaseA)
			}
		})
	}
}

// FuzzCaseReadings: any text reads without a panic, and every reading is an
// oblique case of a name with a nominative.
func FuzzCaseReadings(f *testing.F) {
	for _, s := range []string{
		"Олександра Коваленка", "Иванову С.П.", "Ии Кравец", "Шевченка Тараса Григоровича",
		"а", "ов", "Ия", "-а", "Петрова-Водкина Кузьмы", "ЁЖИКОВА", "Л'вова", "ьа ъя йу",
		"Kovalenka Oleksandra", "Ковалёва Анна Ивановна", "Ивана Ивана Ивана Ивана",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := names.Prepare("", "", "", s)
		for _, r := range names.CaseReadings(&n) {
			if r.Case == 0 || r.Nominative == "" {
				t.Errorf("%q: reading %+v has no case or no nominative", s, r)
			}
		}
		a, b := names.Prepare("", "", "", s), names.Prepare("", "", "", "Олександр Коваленко")
		if c := names.ScoreBest(&a, &b); c.Score < 0 || c.Score > 1 {
			t.Errorf("%q: score %v", s, c.Score)
		}
	})
}

// nominativeFamilies are family names in the nominative of every kind,
// Ukrainian and Russian, including nouns in -а (Чайка, Сорока) and -ко
// names a woman keeps undeclined.
var nominativeFamilies = strings.Fields(`
Иванов Смирнов Соловьёв Ильин Никитин Толстой Донской Ковальский Белый Черных
Коваленко Шевченко Бойко Ткачук Мельник Коваль Кравец Гайдай Сорока Щербина
Бондарь Зозуля Жук Ковальчук Бондаренко Олійник Шевчук Поліщук Марченко
Лисенко Кравчук Гончаренко Мороз Вовк Гуменюк Мазур Ковалишин Білоус
Гаврилюк Лук'яненко Ковальський Чорний Білий Гайдамака Чайка Щербак Рибак
Приймак Дяченко Кучер Гордієнко Копейка Ткач Бровко Лойко Мирошниченко
`)

// TestCaseReadingsLeaveNominativesAlone: no name in the nominative gets a
// case reading: every full form, Russian and Ukrainian, and every pet form
// of the given-name table, alone, with a family name and with family name
// and patronymic.
func TestCaseReadingsLeaveNominativesAlone(t *testing.T) {
	fathers := []string{"ivan", "sergey", "nikolay", "andrey", "petr", "ilya", "mikhail"}
	total, read := 0, 0
	k := 0
	for _, g := range names.GivenNames() {
		if g.Sex == names.SexUnknown {
			continue
		}
		for li, forms := range [][]string{g.Ru, g.Uk, g.Dim} {
			lang := names.LangRu
			if li == 1 {
				lang = names.LangUk
			}
			for _, given := range forms {
				k++
				fam := names.FamilyForSex(nominativeFamilies[k%len(nominativeFamilies)], g.Sex)
				pat := names.PatronymicFor(fathers[k%len(fathers)], g.Sex, lang)
				for _, s := range []string{given, given + " " + fam, fam + " " + given + " " + pat} {
					n := names.Prepare("", "", "", s)
					total++
					if rs := names.CaseReadings(&n); len(rs) > 0 {
						read++
						t.Errorf("%q (nominative) read as the %s of %s", s, rs[0].Case, rs[0].Nominative)
					}
				}
			}
		}
	}
	t.Logf("%d names in the nominative, %d given a case reading", total, read)
}
