package names_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// The petrovich rule set (../shared/data/names/petrovich/rules.json) declines
// Russian names. It is used here only as a source of test vectors: the test
// declines nominative names with its rules and checks that CaseReadings
// reads the declined name back into the nominative. Nothing of it is copied
// into the package.

type petrovichRule struct {
	Gender string   `json:"gender"`
	Test   []string `json:"test"`
	Mods   []string `json:"mods"`
	Tags   []string `json:"tags"`
}

type petrovichGroup struct {
	Exceptions []petrovichRule `json:"exceptions"`
	Suffixes   []petrovichRule `json:"suffixes"`
}

type petrovichRules struct {
	Lastname   petrovichGroup `json:"lastname"`
	Firstname  petrovichGroup `json:"firstname"`
	Middlename petrovichGroup `json:"middlename"`
}

// decline applies the group's rules to word for gender ("male", "female")
// and returns its five oblique forms (genitive, dative, accusative,
// instrumental, prepositional), or false when no rule applies.
func (g *petrovichGroup) decline(word, gender string) ([5]string, bool) {
	var out [5]string
	lower := strings.ToLower(word)
	fits := func(r *petrovichRule) bool {
		return len(r.Tags) == 0 && (r.Gender == gender || r.Gender == "androgynous")
	}
	apply := func(r *petrovichRule) [5]string {
		for i, m := range r.Mods {
			if m == "." {
				out[i] = word
				continue
			}
			cut := len(m) - len(strings.TrimLeft(m, "-"))
			rs := []rune(word)
			out[i] = string(rs[:len(rs)-cut]) + m[cut:]
		}
		return out
	}
	for i := range g.Exceptions {
		r := &g.Exceptions[i]
		if !fits(r) {
			continue
		}
		for _, t := range r.Test {
			if lower == t {
				return apply(r), true
			}
		}
	}
	for i := range g.Suffixes {
		r := &g.Suffixes[i]
		if !fits(r) {
			continue
		}
		for _, t := range r.Test {
			if strings.HasSuffix(lower, t) {
				return apply(r), true
			}
		}
	}
	return out, false
}

// petrovichFamilies are common Russian family names of every kind, the
// masculine form (FamilyForSex makes the feminine).
var petrovichFamilies = strings.Fields(`
Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров
Волков Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов
Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров
Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов Алексеев
Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв Никитин
Медведев Григорьев Фомин Мухин Калинин Лапин Гришин Зимин Щукин Блохин
Толстой Донской Ковальский Вишневский Трубецкой Белый Черных Седых
Коваленко Шевченко Бойко Ткачук Мельник Коваль Кравец Гайдай Сорока Щербина
Бондарь Зозуля Крюк Жук Гончар
`)

func TestCasesPetrovich(t *testing.T) {
	dir := refDir(t, filepath.Join("names", "petrovich"))
	var rules petrovichRules
	readJSON(t, filepath.Join(dir, "rules.json"), &rules)

	fathers := []string{"ivan", "sergey", "nikolay", "andrey", "petr", "aleksey", "mikhail", "ilya"}
	caseNames := [5]string{"genitive", "dative", "accusative", "instrumental", "prepositional"}
	type tally struct{ total, recovered, asWritten, wrong, matched int }
	var byCase [5]tally
	var all, twoParts tally
	var examples []string
	k := 0
	for _, g := range names.GivenNames() {
		if len(g.Ru) == 0 || g.Sex == names.SexUnknown {
			continue
		}
		gender := map[names.Sex]string{names.Male: "male", names.Female: "female"}[g.Sex]
		given := g.Ru[0]
		fam := names.FamilyForSex(petrovichFamilies[k%len(petrovichFamilies)], g.Sex)
		pat := names.PatronymicFor(fathers[k%len(fathers)], g.Sex, names.LangRu)
		k++
		gf, ok1 := rules.Firstname.decline(given, gender)
		pf, ok2 := rules.Middlename.decline(pat, gender)
		ff, ok3 := rules.Lastname.decline(fam, gender)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		for c := 0; c < 5; c++ {
			for _, three := range []bool{true, false} {
				declined := gf[c] + " " + ff[c]
				want := [3]string{given, "", fam}
				if three {
					declined = ff[c] + " " + gf[c] + " " + pf[c]
					want[1] = pat
				}
				if gf[c] == given && ff[c] == fam && (!three || pf[c] == pat) {
					continue // nothing declined
				}
				n := names.Prepare("", "", "", declined)
				outcome := "wrong"
				rs := names.CaseReadings(&n)
				if len(rs) == 0 {
					outcome = "as written"
				}
				for _, r := range rs {
					// the given name may come back in its other language's
					// form (Лазарем: Лазарь or Ukrainian Лазар): one id
					if sameGiven(r.Name.Given, want[0]) && names.Fold(r.Name.Patronymic) == names.Fold(want[1]) &&
						names.Fold(r.Name.Family) == names.Fold(want[2]) {
						outcome = "recovered"
					}
				}
				nominative := strings.Join(strings.Fields(strings.Join(want[:], " ")), " ")
				matched := score(declined, nominative).Score >= names.MatchThreshold
				tl := &twoParts
				if three {
					tl = &byCase[c]
				}
				for _, x := range []*tally{tl, &all} {
					x.total++
					if matched {
						x.matched++
					}
					switch outcome {
					case "recovered":
						x.recovered++
					case "as written":
						x.asWritten++
					default:
						x.wrong++
					}
				}
				if outcome != "recovered" && len(examples) < 40 {
					examples = append(examples, outcome+": "+declined+" ← "+strings.Join(want[:], " "))
				}
			}
		}
	}
	if all.total == 0 {
		t.Fatal("no test vectors: the rule file declined nothing")
	}
	for c := range byCase {
		x := byCase[c]
		t.Logf("%-13s family given patronymic: %4d vectors, recovered %4d (%.3f), read as written %3d, wrong %3d; ScoreBest match %.3f",
			caseNames[c], x.total, x.recovered, float64(x.recovered)/float64(x.total), x.asWritten, x.wrong, float64(x.matched)/float64(x.total))
	}
	t.Logf("given family (no patronymic): %d vectors, recovered %d (%.3f), read as written %d (a nominative as well: Александра Коваленко), wrong %d; ScoreBest match %.3f",
		twoParts.total, twoParts.recovered, float64(twoParts.recovered)/float64(twoParts.total), twoParts.asWritten, twoParts.wrong, float64(twoParts.matched)/float64(twoParts.total))
	t.Logf("all: %d vectors, recovered %d (%.3f), read as written %d, wrong %d; ScoreBest match %.3f",
		all.total, all.recovered, float64(all.recovered)/float64(all.total), all.asWritten, all.wrong, float64(all.matched)/float64(all.total))
	for _, e := range examples {
		t.Log("  " + e)
	}
	three := 0
	rec := 0
	for _, x := range byCase {
		three += x.total
		rec += x.recovered
	}
	// with a patronymic the case and the sex are never in doubt: nearly
	// every declined name must read back
	if r := float64(rec) / float64(three); r < 0.95 {
		t.Errorf("three-part names recovered %.3f, want ≥ 0.95", r)
	}
}

// sameGiven: two spellings of one given name, by the table's ids.
func sameGiven(a, b string) bool {
	if names.Fold(a) == names.Fold(b) {
		return true
	}
	for _, x := range names.GivenKeys(a) {
		for _, y := range names.GivenKeys(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}

// TestCasesPetrovichHandPairs declines the first name of every hand-checked
// pair (pairs_hand_test.go) that is written in Cyrillic with its sex known,
// with the petrovich rules, in the five oblique cases, and compares it with
// the second: the same-person pairs should still match, and the pairs of
// different people must match no more often than as written.
func TestCasesPetrovichHandPairs(t *testing.T) {
	dir := refDir(t, filepath.Join("names", "petrovich"))
	var rules petrovichRules
	readJSON(t, filepath.Join(dir, "rules.json"), &rules)

	decline := func(s string) ([5]string, bool) {
		var out [5]string
		n := names.Prepare("", "", "", s)
		if n.Script != names.ScriptCyrillic || n.Sex == names.SexUnknown {
			return out, false
		}
		gender := map[names.Sex]string{names.Male: "male", names.Female: "female"}[n.Sex]
		type part struct {
			text    string
			initial bool
			g       *petrovichGroup
		}
		parts := []part{{n.Given, n.GivenInitial, &rules.Firstname}, {n.Patronymic, n.PatronymicInitial, &rules.Middlename}, {n.Family, false, &rules.Lastname}}
		declined := false
		for c := range out {
			var words []string
			for _, p := range parts {
				switch {
				case p.text == "":
				case p.initial:
					words = append(words, p.text+".")
				case strings.Contains(p.text, " "):
					return out, false
				default:
					f, ok := p.g.decline(p.text, gender)
					if !ok {
						return out, false
					}
					words = append(words, f[c])
					declined = declined || f[c] != p.text
				}
			}
			out[c] = strings.Join(words, " ")
		}
		return out, declined
	}
	for _, tc := range []struct {
		name  string
		table string
		same  bool
	}{{"SamePerson", handMatches, true}, {"DifferentPeople", handNonMatches, false}} {
		t.Run(tc.name, func(t *testing.T) {
			pairs, asWritten, declinedMatch, throughCase := 0, 0, 0, 0
			for _, p := range parsePairs(t, tc.table) {
				forms, ok := decline(p[0])
				if !ok {
					continue
				}
				plain := score(p[0], p[1]).Score >= names.MatchThreshold
				for _, d := range forms {
					pairs++
					if plain {
						asWritten++
					}
					if c := score(d, p[1]); c.Score >= names.MatchThreshold {
						declinedMatch++
						if c.CaseA != 0 || c.CaseB != 0 {
							throughCase++
						}
					} else if tc.same && plain && testing.Verbose() {
						t.Logf("lost: %q ~ %q (as written %q)", d, p[1], p[0])
					}
					// a match of the declined string may come from the
					// rules for names as written (the man's genitive
					// Олександра Коваленко is the woman's name); a case
					// reading must not make one
					if c := score(d, p[1]); !tc.same && !plain && c.Score >= names.MatchThreshold && (c.CaseA != 0 || c.CaseB != 0) {
						t.Errorf("different people match through a case reading: %q ~ %q", d, p[1])
					}
				}
			}
			t.Logf("%d declined pairs: match as written %d (%.3f), declined %d (%.3f), of which through a case reading %d",
				pairs, asWritten, float64(asWritten)/float64(pairs), declinedMatch, float64(declinedMatch)/float64(pairs), throughCase)
		})
	}
}
