package names

import "strings"

// Patronymics that no suffix rule produces.
var (
	ruIrregularPatronymic = map[string][]string{
		"павел":   {"павлович", "павловна"},
		"лев":     {"львович", "львовна"},
		"яков":    {"яковлевич", "яковлевна", "яковович", "яковна"},
		"михаил":  {"михайлович", "михайловна"},
		"гавриил": {"гаврилович", "гавриловна"},
		"даниил":  {"данилович", "даниловна"},
		"илья":    {"ильич", "ильинична"},
		"кузьма":  {"кузьмич", "кузьминична"},
		"фома":    {"фомич", "фоминична"},
		"лука":    {"лукич", "лукинична"},
		"савва":   {"саввич", "саввична"},
		"иона":    {"ионович", "ионовна"},
	}
	ukIrregularPatronymic = map[string][]string{
		"григорій": {"григорович", "григорівна", "григорійович", "григоріївна"},
		"федір":    {"федорович", "федорівна"},
		"яків":     {"якович", "яківна"},
		"ілля":     {"ілліч", "іллівна", "ілліча"},
		"микола":   {"миколайович", "миколаївна"},
		"лев":      {"левович", "львович", "левівна"},
		"антін":    {"антонович", "антонівна"},
		"прокіп":   {"прокопович", "прокопівна"},
		"кузьма":   {"кузьмич", "кузьмівна"},
		"хома":     {"хомич", "хомівна"},
		"лука":     {"лукич", "луківна"},
		"сава":     {"савич", "савівна"},
		"олекса":   {"олексович", "олексівна"},
	}
)

// bySex splits an irregular patronymic table entry into its male forms (the
// ones ending in -ч, -ович/-ич/-ліч) and its female ones.
func bySex(forms []string) (male, female []string) {
	for _, s := range forms {
		if strings.HasSuffix(s, "ч") {
			male = append(male, s)
		} else {
			female = append(female, s)
		}
	}
	return male, female
}

// ruPatronymics returns the Russian patronymics (male and female) of a Russian
// given name, in lower case.
func ruPatronymics(f string) (male, female []string) {
	if p, ok := ruIrregularPatronymic[f]; ok {
		return bySex(p)
	}
	r := []rune(f)
	n := len(r)
	last := r[n-1]
	switch {
	case strings.HasSuffix(f, "ий"):
		st := string(r[:n-2])
		return []string{st + "ьевич", st + "иевич"}, []string{st + "ьевна", st + "иевна"}
	case last == 'й':
		st := string(r[:n-1])
		return []string{st + "евич"}, []string{st + "евна"}
	case last == 'ь':
		st := string(r[:n-1])
		return []string{st + "евич"}, []string{st + "евна"}
	case last == 'а' || last == 'я':
		st := string(r[:n-1])
		return []string{st + "ич", st + "ович"}, []string{st + "ична", st + "инична", st + "овна"}
	case strings.ContainsRune("жшчщц", last):
		return []string{f + "евич"}, []string{f + "евна"}
	}
	return []string{f + "ович"}, []string{f + "овна"}
}

// ukPatronymics returns the Ukrainian patronymics of a Ukrainian given name.
func ukPatronymics(f string) (male, female []string) {
	if p, ok := ukIrregularPatronymic[f]; ok {
		return bySex(p)
	}
	r := []rune(f)
	n := len(r)
	last := r[n-1]
	switch {
	case last == 'й':
		return []string{f + "ович"}, []string{string(r[:n-1]) + "ївна"}
	case last == 'ь':
		return []string{f + "ович"}, []string{string(r[:n-1]) + "івна"}
	case last == 'о':
		st := string(r[:n-1])
		return []string{st + "ович"}, []string{st + "івна"}
	case last == 'а' || last == 'я':
		st := string(r[:n-1])
		return []string{st + "ич", st + "ович"}, []string{st + "івна"}
	}
	return []string{f + "ович"}, []string{f + "івна"}
}

// knownPatronymics holds every generated patronymic, lower-case Cyrillic.
var knownPatronymics = map[string]bool{}

func addPatronymics(g *GivenName) {
	add := func(forms []string, sex Sex) {
		for _, p := range forms {
			knownPatronymics[p] = true
			k := Skeleton(p)
			for _, e := range fatherBySkel[k] {
				if e.father == g && e.sex == sex {
					goto next
				}
			}
			fatherBySkel[k] = append(fatherBySkel[k], patronymicOf{g, sex})
		next:
		}
	}
	for _, f := range g.Ru {
		m, w := ruPatronymics(strings.ToLower(f))
		add(m, Male)
		add(w, Female)
		for _, p := range append(m, w...) {
			ruForms[p] = true
		}
	}
	for _, f := range g.Uk {
		m, w := ukPatronymics(strings.ToLower(f))
		add(m, Male)
		add(w, Female)
		for _, p := range append(m, w...) {
			ukForms[p] = true
		}
	}
}

// Patronymic recognises a patronymic in any script (Миколайович, Николаевич,
// Mykolaiovych, Nikolajewitsch, Ivanovna, Іванівна). It returns the canonical
// ids of the father's given name (empty when the father's name is not in the
// table but the suffix is unmistakable), the sex of the bearer, and whether s
// looks like a patronymic at all.
func Patronymic(s string) (fatherIDs []string, sex Sex, ok bool) {
	var buf [64]byte
	sk := appendSkeleton(buf[:0], s)
	list, sex, ok := patronymicSkel(sk)
	for _, g := range list {
		fatherIDs = append(fatherIDs, g.ID)
	}
	return fatherIDs, sex, ok
}

// patronymicSkel is Patronymic on a skeleton. Known fathers come from the
// generated table; otherwise the suffix decides and the stem is looked up as a
// given name.
func patronymicSkel(sk []byte) (fathers []*GivenName, sex Sex, ok bool) {
	if list := fatherBySkel[string(sk)]; len(list) > 0 {
		sex = list[0].sex
		for _, e := range list {
			fathers = appendUniqueGiven(fathers, e.father)
			if e.sex != sex {
				sex = SexUnknown
			}
		}
		return fathers, sex, true
	}
	n := len(sk)
	switch {
	case n > 5 && string(sk[n-3:]) == "viC":
		sex = Male
	case n > 5 && string(sk[n-3:]) == "vna":
		sex = Female
	case n > 5 && string(sk[n-4:]) == "iCna":
		sex = Female
	default:
		return nil, SexUnknown, false
	}
	// the father's stem: drop [oei]viC / [oei]vna / (in)iCna
	stem := sk[:n-3]
	if sex == Female && string(sk[n-4:]) == "iCna" {
		stem = sk[:n-4]
	}
	if len(stem) > 1 && isSkelVowel(stem[len(stem)-1]) {
		stem = stem[:len(stem)-1]
	}
	if len(stem) > 2 {
		for _, g := range givenBySkel[string(stem)] {
			if g.Sex == Male && fullBySkel[string(stem)] {
				fathers = appendUniqueGiven(fathers, g)
			}
		}
	}
	return fathers, sex, true
}

func appendUniqueGiven(list []*GivenName, g *GivenName) []*GivenName {
	for _, e := range list {
		if e == g {
			return list
		}
	}
	return append(list, g)
}

// PatronymicFor returns the standard patronymic of a bearer of sex sex whose
// father's canonical given id is fatherID, in Russian (LangRu, the default)
// or Ukrainian (LangUk): ("nikolay", Male, LangUk) → "Миколайович". It returns
// "" for an unknown id or a woman's name.
func PatronymicFor(fatherID string, sex Sex, lang Lang) string {
	g := givenByID[fatherID]
	if g == nil || g.Sex != Male {
		return ""
	}
	var m, f []string
	if lang == LangUk && len(g.Uk) > 0 {
		m, f = ukPatronymics(strings.ToLower(g.Uk[0]))
	} else {
		m, f = ruPatronymics(strings.ToLower(g.Ru[0]))
	}
	out := m
	if sex == Female {
		out = f
	}
	if len(out) == 0 {
		return ""
	}
	return titleCase(out[0])
}

func titleCase(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
