package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

// The rules added for what the second-opinion generator (heldout_gen_test.go)
// found: each case is one habit the package did not read before.
func TestHeldoutRules(t *testing.T) {
	match := []rulePair{
		{"LookalikeInitialTakesTheNamesScript", "Коваленко H.", "Надежда Максимовна Коваленко"},
		{"PassportZoneSeparators", "КОВАЛЕНКО<<ОЛЕКСАНДР<МИКОЛАЙОВИЧ", "Олександр Миколайович Коваленко"},
		{"GluedWithACapital", "ОлександрКоваленко", "Коваленко Олександр"},
		{"RunTogetherCapitals", "JEVGENIJLYSENKO", "Лысенко Евгений"},
		{"HyphenatedPatronymicAndFamily", "Олег Вячеславович-Щукин", "Щукин Олег Вячеславович"},
		{"FamilyPatronymicGiven", "Стецюк Николаевич Константин", "Константин Николаевич Стецюк"},
		{"LithuanianEndings", "Oleksandras Kovalenka", "Олександр Коваленко"},
		{"LatvianEndings", "Sergejs Zubkovs", "Сергей Зубков"},
		{"LithuanianPatronymic", "Leonidas Romanovičas Djačenka", "Дьяченко Леонид Романович"},
		{"ItalianPress", "Scevcenko Taras", "Тарас Шевченко"},
		{"ItalianPatronymic", "Vadim Stepanovici Ignatenko", "Игнатенко Вадим Степанович"},
		{"TurkishLetters", "Şevçenko Illya Mıkolayoviç", "Шевченко Ілля Миколайович"},
		{"CzechShcha", "Ščerbina Tetjana", "Щербина Тетяна"},
		{"DoubledIotatedLetter", "Дьяяченко Станислав Богданович", "Дьяченко Станислав Богданович"},
		{"SlipInAShortRomanisedName", "Gutaul Ivan", "Гуцул Иван"},
		{"SlipInsideADigraph", "Matwej Tscuhmak", "Матвей Ильич Чумак"},
		{"FamilyEndingIsNoSex", "Щербина Г.", "Щербина Геннадий Евгеньевич"},
		{"UkrainianIInClosedSyllable", "Чорновол Сергей", "Чорновіл Сергій"},
	}
	testRulePairs(t, match, true)
	non := []rulePair{
		{"GivenNameAndItsFamilyName", "Bogdanov, Yakiv", "Yakov, Bogdan"},
		{"FamilyNameOnAGivenName", "Jakow Stepanowytsch Oleksandr", "Олександров, Яків"},
		{"BrotherAndSisterTheSameFamilyEnding", "Ильин Андрей Петрович", "Ильина Анна Петровна"},
	}
	testRulePairs(t, non, false)
	t.Run("EnglishNamesKeepTheirEndings", func(t *testing.T) {
		for _, g := range []string{"Lewis", "Roberts", "Thomas", "Jenkins"} {
			if n := names.Prepare(g, "", "Carroll", ""); len(n.GivenIDs) > 0 {
				t.Errorf("%s read as %v", g, n.GivenIDs)
			}
		}
	})
	t.Run("FamilyNamesOnGivenNamesStayOneWord", func(t *testing.T) {
		for _, f := range []string{"Романенко", "Ивановский", "Максимович", "Tarasenko", "Петров-Водкин"} {
			if p := names.Parse(f); p.Given != "" {
				t.Errorf("%s parsed as given %q, family %q", f, p.Given, p.Family)
			}
		}
	})
}

// rulePair is a pair of names for the rule tests, named by the habit.
type rulePair struct{ name, a, b string }

// testRulePairs runs one subtest a pair: Similarity at MatchThreshold or
// above when match, under it otherwise.
func testRulePairs(t *testing.T, pairs []rulePair, match bool) {
	t.Helper()
	for _, c := range pairs {
		t.Run(c.name, func(t *testing.T) {
			s := names.Similarity(c.a, c.b)
			if match && s < names.MatchThreshold {
				t.Errorf("%q ~ %q = %.3f, want ≥ %.2f", c.a, c.b, s, names.MatchThreshold)
			}
			if !match && s >= names.MatchThreshold {
				t.Errorf("%q ~ %q = %.3f, want < %.2f", c.a, c.b, s, names.MatchThreshold)
			}
		})
	}
}

// FuzzHeldoutForms: the readings added for the heldout habits (glued and
// hyphenated words, passport-zone separators, Baltic endings, Italian and
// Turkish spellings, cross-script typos) never panic, and a name compared
// with a romanisation of itself or with a Cyrillic name scores in [0,1].
func FuzzHeldoutForms(f *testing.F) {
	for _, s := range []string{
		"JEVGENIJLYSENKO", "ГОНЧАРВАДИМ", "ОлександрКоваленко", "Олег Вячеславович-Щукин", "V.-Hryhorjevas",
		"KOVALENKO<<OLEKSANDR<M.", "<<", "a<<b<", "Oleksandras Kovalenka", "Leonidas Romanovičas Djačenka",
		"ŠAPOVALAS Pavlo", "Jurijs Ščerbina", "Scevcenko Olegovici", "Evghenij Ciumak", "Şevçenko Illya",
		"Коваленко H.", "Cepa", "ČČČČs", "ijus", "enka", "sciiii", "ccccci", "Ьs", "-s-", "Ааааааааааааааааааааааааааааааааааааааааааааааааааа",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := names.Prepare("", "", "", s)
		_ = names.BlockingKeys(&n)
		for _, other := range []string{"Олександр Миколайович Коваленко", "Oleksandr Kovalenko", s} {
			m := names.Prepare("", "", "", other)
			if c := names.ScoreBest(&n, &m); c.Score < 0 || c.Score > 1 {
				t.Fatalf("ScoreBest(%q, %q) = %v", s, other, c.Score)
			}
		}
		p := names.Prepare(s, s, s, "")
		_ = names.Score(&p, &n)
	})
}
