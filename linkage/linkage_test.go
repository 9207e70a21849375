package linkage_test

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/linkage"
)

// rec is a short way to write a record in a table.
type rec struct {
	given, family, patr, full, birth, place, sex, unit, svc, side string
}

func (r rec) record() *lastseen.Record {
	x := &lastseen.Record{GivenName: r.given, FamilyName: r.family, Patronymic: r.patr, FullName: r.full,
		BirthPlace: r.place, Sex: lastseen.Sex(r.sex), Unit: r.unit, ServiceNumber: r.svc, Side: r.side}
	if r.birth != "" {
		x.BirthDate = lastseen.MustParseDate(r.birth)
	}
	return x
}

// prepare prepares records as one batch and sets their frequencies, among
// as many background records of other people, so that the names of a test
// are not all the population has.
func prepare(m *linkage.Model, rs ...rec) []*linkage.Prepared {
	p := linkage.NewPreparer(0)
	out := make([]*linkage.Prepared, len(rs))
	for i, r := range rs {
		out[i] = p.Prepare("", r.record(), nil)
	}
	givens := []string{"Андрій", "Сергій", "Микола", "Віктор", "Юрій", "Олег", "Тарас", "Богдан", "Василь", "Роман"}
	families := []string{"Мельник", "Шевчук", "Бондар", "Ткаченко", "Кравчук", "Олійник", "Лисенко", "Руденко", "Савченко", "Мороз"}
	for i := 0; i < 200; i++ {
		p.Prepare("", &lastseen.Record{GivenName: givens[i%10], FamilyName: families[i/10%10]}, nil)
	}
	p.Finalize(out)
	m.SetFrequencies(out, p.N())
	return out
}

func levels(e linkage.Explanation) map[string]string {
	out := map[string]string{}
	for _, f := range e.Fields {
		out[f.Field] = f.Level
	}
	return out
}

// checkLevel checks the level of field in the explanation of the pair rs[0],
// rs[1], both ways round.
func checkLevel(t *testing.T, m *linkage.Model, rs []*linkage.Prepared, field, want string) {
	t.Helper()
	if got := levels(m.Explain(rs[0], rs[1]))[field]; got != want {
		t.Errorf("%s level %q, want %q", field, got, want)
	}
	if got := levels(m.Explain(rs[1], rs[0]))[field]; got != want {
		t.Errorf("reversed: %s level %q, want %q", field, got, want)
	}
}

// allEdges scores every pair of ps, in order (0–1, 0–2, …, 1–2, …).
func allEdges(m *linkage.Model, ps []*linkage.Prepared) []linkage.Edge {
	var edges []linkage.Edge
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			edges = append(edges, linkage.Edge{A: int32(i), B: int32(j), Score: m.Score(ps[i], ps[j])})
		}
	}
	return edges
}

func TestCompareLevels(t *testing.T) {
	m := linkage.NewModel()
	for _, tc := range []struct {
		name  string
		a, b  rec
		field string
		level string
	}{
		{"GivenExact", rec{given: "Олександр", family: "Коваленко"}, rec{given: "олександр", family: "Коваленко"}, "given_name", "exact"},
		{"GivenTranslit", rec{given: "Олександр", family: "Коваленко"}, rec{given: "Oleksandr", family: "Kovalenko"}, "given_name", "translit"},
		{"FamilyTranslit", rec{given: "Олександр", family: "Коваленко"}, rec{given: "Oleksandr", family: "Kowalenko"}, "family_name", "translit"},
		{"GivenRuUkForm", rec{given: "Олександр", family: "Коваленко"}, rec{given: "Александр", family: "Коваленко"}, "given_name", "form"},
		{"GivenDiminutive", rec{given: "Саша", family: "Коваленко"}, rec{given: "Олександр", family: "Коваленко"}, "given_name", "form"},
		{"FamilyGenderForm", rec{given: "Олена", family: "Іванова"}, rec{given: "Олена", family: "Іванов"}, "family_name", "form"},
		{"FamilyGermanCh", rec{given: "Владимир", family: "Хомяков"}, rec{given: "Wladimir", family: "Chomjakow"}, "family_name", "translit"},
		{"FamilyPolishC", rec{given: "Данил", family: "Царапин"}, rec{given: "Danił", family: "Carapin"}, "family_name", "translit"},
		{"FamilyRuUkForm", rec{given: "Іван", family: "Білоус"}, rec{given: "Иван", family: "Белоус"}, "family_name", "form"},
		{"FamilyRuUkFormLatin", rec{given: "Іван", family: "Білоус"}, rec{given: "Ivan", family: "Belous"}, "family_name", "form"},
		{"FamilyTypo", rec{given: "Іван", family: "Гнатюк"}, rec{given: "Іван", family: "Гнатюкк"}, "family_name", "translit"},
		{"FamilyClose", rec{given: "Іван", family: "Гнатюк"}, rec{given: "Іван", family: "Гнатчук"}, "family_name", "close"},
		{"FamilyShortTypo", rec{given: "Holger", family: "Koch"}, rec{given: "Holger", family: "Kocn"}, "family_name", "close"},
		{"FamilyShortSwap", rec{given: "Hermann", family: "Koch"}, rec{given: "Hermann", family: "Kohc"}, "family_name", "close"},
		{"FamilyTypoVowel", rec{given: "Erich", family: "Meier"}, rec{given: "Erich", family: "Meiar"}, "family_name", "close"},
		{"GivenShortInsertion", rec{given: "Otto", family: "Müller"}, rec{given: "Otwto", family: "Müller"}, "given_name", "close"},
		{"FamilyCyrillicTypo", rec{given: "Іван", family: "Бобер"}, rec{given: "Іван", family: "Бобир"}, "family_name", "close"},
		{"FamilyThreeLettersNoTypo", rec{given: "Іван", family: "Lee"}, rec{given: "Іван", family: "Lex"}, "family_name", "similar"},
		{"GivenInitial", rec{given: "О.", family: "Коваленко"}, rec{given: "Олександр", family: "Коваленко"}, "given_name", "initial"},
		{"GivenConflict", rec{given: "Дмитро", family: "Іщенко"}, rec{given: "Ігор", family: "Іщенко"}, "given_name", "conflict"},
		{"GivenPetFormLaterReading", rec{given: "Слава", family: "Смирнов"}, rec{given: "Ярослав", family: "Смирнов"}, "given_name", "form"},
		{"GivenTypoOfPetForm", rec{given: "Фдя", family: "Яковлев"}, rec{given: "Fedor", family: "Iakovlev"}, "given_name", "close"},
		{"GivenTypoOfPetFormSwap", rec{given: "Tioam", family: "Bondar"}, rec{given: "Артем", family: "Бондар"}, "given_name", "close"},
		{"GivenUnknownNotTypo", rec{given: "Тарх", family: "Бондар"}, rec{given: "Артем", family: "Бондар"}, "given_name", "different"},
		{"FamilyTypoAcrossScripts", rec{given: "Костянтин", family: "Мрроз"}, rec{given: "Kostyantyn", family: "Moroz"}, "family_name", "close"},
		{"FamilyTypoOnTranslit", rec{given: "Олексій", family: "Мохов"}, rec{given: "Aleksej", family: "Mhoov"}, "family_name", "close"},
		{"FamilyTypoNextToFold", rec{given: "Андрій", family: "Фліонець"}, rec{given: "Andriy", family: "Filonets"}, "family_name", "close"},
		{"FamilyTypoOnGermanReading", rec{given: "Дмитрий", family: "Глухов"}, rec{given: "Dmitri", family: "Glychow"}, "family_name", "close"},
		{"GivenMissing", rec{family: "Іщенко"}, rec{given: "Ігор", family: "Іщенко"}, "given_name", "missing"},
		{"NameOrderSwapped", rec{given: "Коваленко", family: "Олександр"}, rec{given: "Олександр", family: "Коваленко"}, "given_name", "exact"},
		{"FullNameParsed", rec{full: "КОВАЛЕНКО Олександр Миколайович"}, rec{given: "Олександр", patr: "Миколайович", family: "Коваленко"}, "patronymic", "exact"},
		{"PatronymicRuUk", rec{given: "Олександр", patr: "Миколайович", family: "Коваленко"}, rec{given: "Александр", patr: "Николаевич", family: "Коваленко"}, "patronymic", "form"},
		{"DateExact", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "07.03.1990"}, "birth_date", "exact"},
		{"DateSwapped", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "1990-07-03"}, "birth_date", "swapped"},
		{"DateSameMonth", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "1990-03-21"}, "birth_date", "same_month"},
		{"DateMonthOnly", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "1990-03"}, "birth_date", "same_month"},
		{"DateTypo", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "1980-03-07"}, "birth_date", "typo"},
		{"DateYearWrong", rec{given: "Іван", birth: "1956-06-04"}, rec{given: "Іван", birth: "1975-06-04"}, "birth_date", "other_year"},
		{"DateMonthWrong", rec{given: "Іван", birth: "1944-09-03"}, rec{given: "Іван", birth: "1944-11-03"}, "birth_date", "other_month"},
		{"DateDayAndMonthWrong", rec{given: "Іван", birth: "2007-02-22"}, rec{given: "Іван", birth: "2007-09-24"}, "birth_date", "mismatch"},
		{"DateSameYear", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "1990"}, "birth_date", "same_year"},
		{"DateMismatch", rec{given: "Іван", birth: "1990-03-07"}, rec{given: "Іван", birth: "1990-11-23"}, "birth_date", "mismatch"},
		{"DateMismatchYears", rec{given: "Іван", birth: "1984-07-05"}, rec{given: "Іван", birth: "1989-04-05"}, "birth_date", "mismatch"},
		{"DateYearApart", rec{given: "Іван", birth: "1990"}, rec{given: "Іван", birth: "1991"}, "birth_date", "year_apart"},
		{"DateDifferent", rec{given: "Іван", birth: "1990"}, rec{given: "Іван", birth: "1994"}, "birth_date", "different"},
		{"DateYearDigitsSwapped", rec{given: "Іван", birth: "1982-05-05"}, rec{given: "Іван", birth: "1928"}, "birth_date", "typo"},
		{"DateYearsFarNotSwapped", rec{given: "Іван", birth: "1982"}, rec{given: "Іван", birth: "1938"}, "birth_date", "far"},
		{"DateFar", rec{given: "Іван", birth: "1990"}, rec{given: "Іван", birth: "1960"}, "birth_date", "far"},
		{"DateMissing", rec{given: "Іван", birth: "1990"}, rec{given: "Іван"}, "birth_date", "missing"},
		{"PlaceAcrossScripts", rec{given: "Іван", place: "Харків"}, rec{given: "Іван", place: "Kharkiv"}, "birth_place", "exact"},
		{"PlaceWithCountryAndPrefix", rec{given: "Іван", place: "м. Дніпро, Україна"}, rec{given: "Іван", place: "Dnipro"}, "birth_place", "exact"},
		{"PlaceOtherLanguage", rec{given: "Іван", place: "Харків"}, rec{given: "Іван", place: "Харьков"}, "birth_place", "close"},
		{"UnitNumber", rec{given: "Іван", unit: "47 ОМБр"}, rec{given: "Іван", unit: "47th Mechanized Brigade"}, "unit", "close"},
		{"UnitDifferent", rec{given: "Іван", unit: "47 ОМБр"}, rec{given: "Іван", unit: "48 ОМБр"}, "unit", "different"},
		{"ServiceNumberFolded", rec{given: "Іван", svc: "АА 123-456"}, rec{given: "Іван", svc: "аа123456"}, "service_number", "exact"},
		{"ServiceNumberOneEdit", rec{given: "Іван", svc: "AA123456"}, rec{given: "Іван", svc: "AA123465"}, "service_number", "close"},
		{"ServiceNumberDifferent", rec{given: "Іван", svc: "AA123456"}, rec{given: "Іван", svc: "BB987654"}, "service_number", "different"},
		{"SexDifferent", rec{given: "Іван", sex: "m"}, rec{given: "Іван", sex: "f"}, "sex", "different"},
		{"SideSame", rec{given: "Іван", side: "ua"}, rec{given: "Іван", side: "UA"}, "side", "same"},
		{"SideDifferent", rec{given: "Іван", side: "ua"}, rec{given: "Іван", side: "ru"}, "side", "different"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkLevel(t, m, prepare(m, tc.a, tc.b), tc.field, tc.level)
		})
	}
}

func TestWeights(t *testing.T) {
	m := linkage.NewModel()
	t.Run("AgreementBeatsDisagreement", func(t *testing.T) {
		for f := range m.Fields {
			levels := m.Fields[f].Levels
			if w := m.Weight(f, 1); w <= 0 {
				t.Errorf("%s: best level %s weighs %.2f, want > 0", m.Fields[f].Name, levels[1].Name, w)
			}
			if w := m.Weight(f, 0); w != 0 {
				t.Errorf("%s: missing weighs %.2f, want 0", m.Fields[f].Name, w)
			}
		}
	})
	t.Run("RareSurnameWeighsMore", func(t *testing.T) {
		var rs []rec
		for i := 0; i < 50; i++ {
			rs = append(rs, rec{given: "Іван", family: "Іванов"})
		}
		rs = append(rs, rec{given: "Іван", family: "Гнатюк"}, rec{given: "Іван", family: "Гнатюк"})
		ps := prepare(m, rs...)
		common := m.Explain(ps[0], ps[1]).Fields[linkage.FieldFamily].Weight
		rare := m.Explain(ps[50], ps[51]).Fields[linkage.FieldFamily].Weight
		if rare <= common {
			t.Errorf("Гнатюк weighs %.2f, Іванов %.2f: the rare name should weigh more", rare, common)
		}
	})
	t.Run("TypoOfCommonNameWeighsNoMoreThanIt", func(t *testing.T) {
		var rs []rec
		for i := 0; i < 50; i++ {
			rs = append(rs, rec{given: "Manfred", family: "Schmidt"})
		}
		rs = append(rs, rec{given: "Manfred", family: "Schmitt"})
		ps := prepare(m, rs...)
		exact := m.Explain(ps[0], ps[1]).Fields[linkage.FieldFamily]
		typo := m.Explain(ps[0], ps[50]).Fields[linkage.FieldFamily]
		if typo.Level != "close" {
			t.Fatalf("Schmidt / Schmitt: level %s, want close", typo.Level)
		}
		if typo.Weight > exact.Weight+1e-9 {
			t.Errorf("Schmidt / Schmitt weighs %.2f, Schmidt / Schmidt %.2f: a typo of a common name should weigh no more than the name", typo.Weight, exact.Weight)
		}
		if typo.Weight >= m.Weight(linkage.FieldFamily, linkage.NameClose) {
			t.Errorf("Schmidt / Schmitt weighs %.2f, the close level %.2f: the commoner name should lower it", typo.Weight, m.Weight(linkage.FieldFamily, linkage.NameClose))
		}
	})
}

func TestExplainSumsToScore(t *testing.T) {
	for _, disagree := range []bool{false, true} {
		t.Run(map[bool]string{false: "Independent", true: "Disagreements"}[disagree], func(t *testing.T) {
			m := linkage.NewModel()
			if disagree {
				m.Disagree = []float64{0.1, 1, 0.05, 0.01, 0.001}
				if err := m.Update(); err != nil {
					t.Fatal(err)
				}
			}
			explainSumsToScore(t, m)
		})
	}
}

func explainSumsToScore(t *testing.T, m *linkage.Model) {
	rng := rand.New(rand.NewPCG(1, 2))
	givens := []string{"Олександр", "Oleksandr", "Саша", "Іван", "Ivan", "О.", ""}
	families := []string{"Коваленко", "Kovalenko", "Іванова", "Ivanov", "Гнатюк", ""}
	dates := []string{"1990-03-07", "1990", "1990-07-03", "1991-03", ""}
	var rs []rec
	for range 40 {
		rs = append(rs, rec{given: givens[rng.IntN(len(givens))], family: families[rng.IntN(len(families))],
			birth: dates[rng.IntN(len(dates))], place: []string{"Харків", "Kharkiv", ""}[rng.IntN(3)],
			sex: []string{"m", "f", ""}[rng.IntN(3)], svc: []string{"AA1", "AA2", ""}[rng.IntN(3)]})
	}
	ps := prepare(m, rs...)
	for i := range ps {
		for j := range ps {
			e := m.Explain(ps[i], ps[j])
			sum := e.Prior
			for _, f := range e.Fields {
				sum += f.Weight
			}
			if s := m.Score(ps[i], ps[j]); math.Abs(sum-s) > 1e-9 || math.Abs(e.Score-s) > 1e-9 {
				t.Fatalf("%v / %v: prior+weights %.6f, explanation %.6f, score %.6f", rs[i], rs[j], sum, e.Score, s)
			}
			if s, r := m.Score(ps[i], ps[j]), m.Score(ps[j], ps[i]); math.Abs(s-r) > 1e-9 {
				t.Fatalf("%v / %v: score %.6f one way, %.6f the other", rs[i], rs[j], s, r)
			}
		}
	}
}

func TestBands(t *testing.T) {
	b := linkage.Bands{Link: 6, Review: 0}
	for _, tc := range []struct {
		score float64
		want  lastseen.MatchAction
	}{{10, lastseen.MatchLink}, {6, lastseen.MatchLink}, {5.9, lastseen.MatchReview}, {0, lastseen.MatchReview}, {-0.1, lastseen.MatchNew}} {
		if got := b.Decide(tc.score); got != tc.want {
			t.Errorf("Decide(%v) = %s, want %s", tc.score, got, tc.want)
		}
	}
	if p := linkage.Probability(linkage.Odds(0.99)); math.Abs(p-0.99) > 1e-12 {
		t.Errorf("Probability(Odds(0.99)) = %v", p)
	}
}

func TestModelSaveLoad(t *testing.T) {
	m := linkage.NewModel("postcode")
	m.Prior = 1.5e-5
	m.Fields[linkage.FieldGiven].Levels[1].M = 0.77
	if err := m.Update(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	saved := buf.String()
	got, err := linkage.LoadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	ps := prepare(m, rec{given: "Іван", family: "Гнатюк", birth: "1990"}, rec{given: "Ivan", family: "Hnatiuk", birth: "1990-05-01"})
	if a, b := m.Score(ps[0], ps[1]), got.Score(ps[0], ps[1]); a != b {
		t.Errorf("score %v before saving, %v after loading", a, b)
	}
	if e := got.Extra(); len(e) != 1 || e[0] != "postcode" {
		t.Errorf("extra columns %v after loading", e)
	}
	t.Run("Disagreements", func(t *testing.T) {
		d := linkage.NewModel("postcode")
		d.Disagree = []float64{0.1, 1, 0.05, 0.01, 0.001}
		if err := d.Update(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := d.Save(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := linkage.LoadModel(&buf)
		if err != nil {
			t.Fatal(err)
		}
		ps := prepare(d, rec{given: "Іван", family: "Гнатюк", birth: "1990-05-02"}, rec{given: "Ivan", family: "Hnatiuk", birth: "1990-05-01"})
		if a, b, c := d.Score(ps[0], ps[1]), got.Score(ps[0], ps[1]), m.Score(ps[0], ps[1]); a != b || a == c {
			t.Errorf("score %v before saving, %v after loading, %v without the disagreement weights", a, b, c)
		}
	})
	t.Run("Version1Loads", func(t *testing.T) {
		// a model saved before the disagreement weights (version 1)
		v1 := strings.Replace(saved, `"version": 3`, `"version": 1`, 1)
		got, err := linkage.LoadModel(strings.NewReader(v1))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := m.Score(ps[0], ps[1]), got.Score(ps[0], ps[1]); a != b {
			t.Errorf("score %v, %v after loading as version 1", a, b)
		}
	})
	t.Run("ErrDisagree", func(t *testing.T) {
		bad := strings.Replace(saved, `"version": 3,`, `"version": 3, "disagree": [1, 0.5],`, 1)
		if _, err := linkage.LoadModel(strings.NewReader(bad)); err == nil {
			t.Error("a model with two disagreement weights loaded")
		}
	})
	t.Run("ErrVersion", func(t *testing.T) {
		if _, err := linkage.LoadModel(bytes.NewBufferString(`{"version": 99}`)); err == nil {
			t.Error("a model of another version loaded")
		}
	})
	t.Run("ErrNotProbability", func(t *testing.T) {
		bad := bytes.Replace([]byte(saved), []byte(`"m": 0.77`), []byte(`"m": 1.77`), 1)
		if _, err := linkage.LoadModel(bytes.NewReader(bad)); err == nil {
			t.Error("a model with m = 1.77 loaded")
		}
	})
	t.Run("ErrLevels", func(t *testing.T) {
		bad := bytes.Replace([]byte(saved), []byte(`"name": "translit"`), []byte(`"name": "bogus"`), 1)
		if _, err := linkage.LoadModel(bytes.NewReader(bad)); err == nil {
			t.Error("a model with a bogus level loaded")
		}
	})
}

// TestTrainEMRecoversM draws comparison vectors from a known model and
// checks that EM, given the true u, finds the m-probabilities again.
func TestTrainEMRecoversM(t *testing.T) {
	truth := linkage.NewModel()
	fields := []int{linkage.FieldGiven, linkage.FieldFamily, linkage.FieldPatronymic, linkage.FieldBirthDate, linkage.FieldBirthPlace}
	// true m and u: matches agree, non-matches mostly differ
	trueM := map[int][]float64{}
	for _, f := range fields {
		n := len(truth.Fields[f].Levels)
		mm, uu := make([]float64, n), make([]float64, n)
		// "different": the levels after it (a name's conflict, a date far
		// or mismatched) have their m capped
		last := map[int]int{linkage.FieldBirthPlace: n - 1, linkage.FieldBirthDate: n - 4}[f]
		if last == 0 {
			last = n - 2
		}
		mm[1], mm[2], mm[last] = 0.75, 0.15, 0.10
		uu[1], uu[2], uu[last] = 0.02, 0.03, 0.95
		for l := 1; l < n; l++ {
			truth.Fields[f].Levels[l].M, truth.Fields[f].Levels[l].U = mm[l], uu[l]
		}
		trueM[f] = mm
	}
	rng := rand.New(rand.NewPCG(7, 7))
	draw := func(p []float64) uint8 {
		x := rng.Float64()
		for l := 1; l < len(p); l++ {
			if x -= p[l]; x < 0 {
				return uint8(l)
			}
		}
		return uint8(len(p) - 1)
	}
	var vs []linkage.Vector
	for i := 0; i < 200000; i++ {
		var v linkage.Vector
		match := rng.Float64() < 0.2
		for _, f := range fields {
			p := make([]float64, len(truth.Fields[f].Levels))
			for l, lv := range truth.Fields[f].Levels {
				if match {
					p[l] = lv.M
				} else {
					p[l] = lv.U
				}
			}
			v[f] = draw(p)
		}
		vs = append(vs, v)
	}
	m := linkage.NewModel()
	for _, f := range fields {
		for l := range m.Fields[f].Levels {
			m.Fields[f].Levels[l].U = truth.Fields[f].Levels[l].U
		}
	}
	rep, err := m.TrainEM([]linkage.Session{{Vectors: vs, Total: float64(len(vs))}}, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		for l := 1; l < len(m.Fields[f].Levels); l++ {
			if got, want := m.Fields[f].Levels[l].M, trueM[f][l]; math.Abs(got-want) > 0.02 && want > 0 {
				t.Errorf("%s %s: m %.3f, want %.3f", m.Fields[f].Name, m.Fields[f].Levels[l].Name, got, want)
			}
		}
	}
	if got := rep.Matches / float64(len(vs)); math.Abs(got-0.2) > 0.02 {
		t.Errorf("share of matches %.3f, want 0.2", got)
	}
}

func TestEvaluate(t *testing.T) {
	pred := []int{1, 1, 1, 2, 2, 3}
	truth := []string{"a", "a", "b", "b", "b", "c"}
	m := linkage.Evaluate(pred, truth)
	// predicted pairs: 3 + 1 = 4; true pairs: 1 + 3 = 4; correct: (0,1) and (3,4)
	if m.Predicted != 4 || m.True != 4 || m.Correct != 2 || m.F1 != 0.5 {
		t.Errorf("got %+v", m)
	}
}

func TestBlockingUnion(t *testing.T) {
	m := linkage.NewModel()
	ps := prepare(m,
		rec{given: "Олександр", family: "Коваленко", birth: "1990-03-07"},
		rec{given: "Kovalenko", family: "Oleksandr"},                      // name in the other order, no date
		rec{given: "Олександр", family: "Коваленко", birth: "1990-03-07"}, // exact duplicate
		rec{given: "Petro", family: "Shevchenko", birth: "1990-03-07"},
		rec{given: "Petro", family: "Shevchenko", birth: "1950"},
		rec{given: "Владимир", family: "Хомяков"},
		rec{given: "Wladimir", family: "Chomjakow"}, // German ch and w
		rec{given: "Слава", family: "Зветришів"},
		rec{given: "Vyacheslav", family: "Zvetrishiv"}, // a pet form's second reading
		rec{given: "Віктор", family: "Клименко"},
		rec{full: "Vitia Klhmenko"}, // a typo in the family name's consonant, a pet form
	)
	seen := map[linkage.Pair]bool{}
	stats := linkage.NewBlocker().Pairs(ps, func(_ int, chunk []linkage.Pair) {
		for _, p := range chunk {
			if p.A >= p.B {
				t.Errorf("pair %v not ordered", p)
			}
			if seen[p] {
				t.Errorf("pair %v emitted twice", p)
			}
			seen[p] = true
		}
	})
	for _, want := range []linkage.Pair{{0, 1}, {0, 2}, {1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}} {
		if !seen[want] {
			t.Errorf("pair %v was not compared", want)
		}
	}
	var n int64
	for _, s := range stats {
		n += s.Comparisons
	}
	if n != int64(len(seen)) {
		t.Errorf("stats count %d comparisons, %d pairs emitted", n, len(seen))
	}
}

// group returns n near-identical records of one person.
func group(given, family, birth string, n int) []rec {
	var out []rec
	for range n {
		out = append(out, rec{given: given, family: family, birth: birth, place: "Харків", sex: "m"})
	}
	return out
}

func TestCluster(t *testing.T) {
	m := linkage.NewModel()
	m.Prior = 1e-4
	link := func(rs []*linkage.Prepared, cons []linkage.Constraint) ([]int32, linkage.ClusterReport) {
		var edges []linkage.Edge
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				edges = append(edges, linkage.Edge{A: int32(i), B: int32(j), Score: m.Score(rs[i], rs[j])})
			}
		}
		c, _, rep := linkage.Cluster(rs, m, edges, cons, linkage.DefaultClusterOptions(linkage.Bands{Link: 5, Review: 0}))
		return c, rep
	}
	t.Run("BridgeDoesNotChain", func(t *testing.T) {
		// two namesakes born 15 years apart, each with several records, and
		// one record with the name only, which agrees with both
		rs := append(group("Олександр", "Коваленко", "1970-05-01", 4), group("Олександр", "Коваленко", "1985-09-12", 4)...)
		rs = append(rs, rec{given: "Oleksandr", family: "Kovalenko", place: "Kharkiv", sex: "m"})
		ps := prepare(m, rs...)
		c, _ := link(ps, nil)
		for i := 0; i < 4; i++ {
			for j := 4; j < 8; j++ {
				if c[i] == c[j] {
					t.Fatalf("records %d and %d of two different people in one cluster: %v", i, j, c)
				}
			}
		}
		if c[0] != c[3] || c[4] != c[7] {
			t.Errorf("a dense group was split: %v", c)
		}
	})
	t.Run("BridgeAcrossBirthYears", func(t *testing.T) {
		// two records of one name born 27 years apart and two with the name
		// only, each of which links to both: a name-only record may join
		// one of them, but the two must not end in one person
		m := linkage.NewModel()
		m.Prior = 0.01 // name-only pairs in the link band
		if err := m.Update(); err != nil {
			t.Fatal(err)
		}
		ps := prepare(m,
			rec{given: "Павел", family: "Виноградов", patr: "Павлович", birth: "1971-12-08", sex: "m"},
			rec{given: "Pavel", family: "Vinogradov", birth: "1944", sex: "m"},
			rec{given: "Павел", family: "Виноградов", sex: "m"},
			rec{given: "Pavel", family: "Vinogradov", sex: "m"})
		edges := allEdges(m, ps)
		if edges[1].Score < 5 || edges[4].Score < 5 || edges[0].Score >= 5 {
			t.Fatalf("the test needs 0–2 and 1–3 in the link band and 0–1 below it: %v", edges)
		}
		c, _, _ := linkage.Cluster(ps, m, edges, nil, linkage.DefaultClusterOptions(linkage.Bands{Link: 5, Review: 0}))
		if c[0] == c[1] {
			t.Errorf("records born 1971 and 1944 merged through name-only records: %v", c)
		}
	})
	t.Run("FragmentsAttach", func(t *testing.T) {
		// one man's three records, every pair below the link band but
		// above the review threshold: each record's candidates lie in two
		// other clusters, which cohere, so they end as one person
		m := linkage.NewModel()
		m.Prior = 0.001
		if err := m.Update(); err != nil {
			t.Fatal(err)
		}
		ps := prepare(m,
			rec{given: "Олександр", family: "Коваленко", birth: "1990-03-07", sex: "m"},
			rec{given: "Oleksandr", family: "Kovalenko", sex: "m"},
			rec{given: "Олександр", family: "Коваленко", sex: "m"})
		edges := allEdges(m, ps)
		for _, e := range edges {
			if e.Score < 0 || e.Score >= 5 {
				t.Fatalf("the test needs every pair between 0 and 5: %v", e)
			}
		}
		c, _, rep := linkage.Cluster(ps, m, edges, nil, linkage.DefaultClusterOptions(linkage.Bands{Link: 5, Review: 0}))
		if c[0] != c[1] || c[0] != c[2] {
			t.Errorf("one man's fragments stayed apart: %v (%+v)", c, rep)
		}
	})
	t.Run("WeakRivalDoesNotHoldBack", func(t *testing.T) {
		// a record born in 1970 (the year only) below the link band with
		// one man of its name born 1970, and far below it with his namesake
		// born 1985: the namesake is no rival, and the record joins the man
		m := linkage.NewModel()
		m.Prior = 0.001
		if err := m.Update(); err != nil {
			t.Fatal(err)
		}
		ps := prepare(m,
			rec{given: "Олександр", family: "Коваленко", birth: "1970-05-01", sex: "m"},
			rec{given: "Олександр", family: "Коваленко", birth: "1985-09-12", sex: "m"},
			rec{given: "Oleksandr", family: "Kovalenko", birth: "1970", sex: "m"})
		edges := allEdges(m, ps)
		if s := edges[1].Score; s < 0 || s >= 5 {
			t.Fatalf("the test needs the 1970 pair between 0 and 5: %v", edges)
		}
		if s := edges[2].Score; s < -6 || s >= edges[1].Score-3 {
			t.Fatalf("the test needs the 1985 pair a candidate, 3 bits or more below the 1970 pair: %v", edges)
		}
		c, _, rep := linkage.Cluster(ps, m, edges, nil, linkage.DefaultClusterOptions(linkage.Bands{Link: 5, Review: 0}))
		if c[2] != c[0] || c[0] == c[1] {
			t.Errorf("clusters %v, want the 1970 records together and the 1985 one apart (%+v)", c, rep)
		}
	})
	t.Run("NotSameNeverMerged", func(t *testing.T) {
		ps := prepare(m, group("Іван", "Гнатюк", "1990-01-02", 4)...)
		c, rep := link(ps, []linkage.Constraint{{A: 0, B: 3}})
		if c[0] == c[3] {
			t.Errorf("records 0 and 3 judged not the same are in one cluster: %v", c)
		}
		if rep.Forbidden == 0 {
			t.Errorf("no merge was forbidden: %+v", rep)
		}
	})
	t.Run("SameNeverSplit", func(t *testing.T) {
		ps := prepare(m, rec{given: "Іван", family: "Гнатюк", birth: "1990-01-02"}, rec{given: "Петро", family: "Шевченко", birth: "1950"})
		c, _ := link(ps, []linkage.Constraint{{A: 0, B: 1, Same: true}})
		if c[0] != c[1] {
			t.Errorf("records judged the same are apart: %v", c)
		}
	})
	t.Run("ConflictingJudgementsReported", func(t *testing.T) {
		ps := prepare(m, group("Іван", "Гнатюк", "1990-01-02", 3)...)
		c, rep := link(ps, []linkage.Constraint{{A: 0, B: 1, Same: true}, {A: 1, B: 2, Same: true}, {A: 0, B: 2}})
		if c[0] == c[2] {
			t.Errorf("the not-same judgement was overridden: %v", c)
		}
		if rep.Conflicts != 1 {
			t.Errorf("conflicts %d, want 1", rep.Conflicts)
		}
	})
	t.Run("TwinsKeptApart", func(t *testing.T) {
		ps := prepare(m,
			rec{given: "Дмитро", family: "Іщенко", patr: "Федорович", birth: "1982-04-28", place: "Суми", sex: "m", unit: "128 ОГШБр"},
			rec{given: "Ігор", family: "Іщенко", patr: "Федорович", birth: "1982-04-28", place: "Суми", sex: "m", unit: "128 ОГШБр"})
		if c, _ := link(ps, nil); c[0] == c[1] {
			t.Errorf("twins with different given names were merged")
		}
	})
}

func TestLinkBatch(t *testing.T) {
	var rs []rec
	rs = append(rs, group("Олександр", "Коваленко", "1970-05-01", 3)...)
	rs = append(rs, rec{given: "Oleksandr", family: "Kovalenko", birth: "01.05.1970", place: "Kharkiv", sex: "m"})
	rs = append(rs, group("Петро", "Шевченко", "1985-09-12", 2)...)
	for i := 0; i < 60; i++ { // others, so that there is something to learn u from
		rs = append(rs, rec{given: []string{"Іван", "Андрій", "Сергій"}[i%3], family: "Прізвище" + string(rune('А'+i%30)),
			birth: lastseen.NewDate(1960+i%30, 1+i%12, 1+i%28).String()})
	}
	p := linkage.NewPreparer(0)
	ps := make([]*linkage.Prepared, len(rs))
	for i, r := range rs {
		ps[i] = p.Prepare("", r.record(), nil)
	}
	p.Finalize(ps)
	res, err := linkage.Link(context.Background(), ps, linkage.Options{Bands: linkage.Bands{Link: 3, Review: 0}, Train: linkage.TrainOptions{RandomPairs: 5000}})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Cluster; c[0] != c[1] || c[0] != c[2] || c[0] != c[3] || c[4] != c[5] || c[0] == c[4] {
		t.Errorf("clusters %v", c[:6])
	}
}
