package names_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// h3Case is one generated pair. When fields is set, b is given as separate
// fields to Prepare (given, patronymic, family, full) instead of one string.
type h3Case struct {
	phen   string
	a, b   string
	fields *[4]string
}

// h3Matches draws per same-person pairs for each phenomenon.
func h3Matches(seed uint64, per int) []h3Case {
	g := newH3Gen(seed)
	var out []h3Case
	add := func(phen string, who func() h3Person, mk func(p h3Person) h3Style) {
		for range per {
			p := who()
			a := g.render(p, g.clean(p))
			out = append(out, h3Case{phen: phen, a: a, b: g.render(p, mk(p))})
		}
	}
	anyone := g.person
	// A Latin habit: the scheme's language, one of the usual orders, the
	// patronymic half the time.
	for _, sc := range h3LatinSchemes {
		add("latin "+sc, anyone, func(p h3Person) h3Style {
			s := g.random(p)
			g.setScheme(&s, sc)
			return s
		})
	}
	add("latin diacritics dropped", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		g.setScheme(&s, []string{"cz", "iso9", "sch", "pl"}[g.pick(4)])
		s.strip = true
		return s
	})
	add("latin all caps", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		g.setScheme(&s, h3LatinSchemes[g.pick(len(h3LatinSchemes))])
		s.caps = "all"
		return s
	})
	// Both records in Latin letters, under two different habits.
	for range per {
		p := g.person()
		sa, sb := g.random(p), g.random(p)
		sa.pat, sa.order = true, "G P F"
		g.setScheme(&sa, h3LatinSchemes[g.pick(len(h3LatinSchemes))])
		g.setScheme(&sb, h3LatinSchemes[g.pick(len(h3LatinSchemes))])
		out = append(out, h3Case{phen: "latin vs latin", a: g.render(p, sa), b: g.render(p, sb)})
	}

	cyr := func(p h3Person) h3Style { s := g.random(p); s.scheme = ""; return s }
	hasYo := func(p h3Person) bool {
		return strings.ContainsRune(p.givenForm("ru")+p.patForm("ru")+p.famForm("ru"), 'ё')
	}
	add("cyr ё written е", func() h3Person { return g.personWhere(hasYo) }, func(p h3Person) h3Style {
		s := cyr(p)
		s.lang, s.cyrHabit = [3]string{"ru", "ru", "ru"}, "yo"
		return s
	})
	add("cyr Latin look-alike letters", anyone, func(p h3Person) h3Style { s := cyr(p); s.cyrHabit = "lookalike"; return s })
	hasUkLetter := func(p h3Person) bool {
		return strings.ContainsAny(p.givenForm("uk")+p.patForm("uk")+p.famForm("uk"), "іїєґ'")
	}
	add("cyr Ukrainian on a Russian keyboard", func() h3Person { return g.personWhere(hasUkLetter) }, func(p h3Person) h3Style {
		s := cyr(p)
		s.lang, s.cyrHabit = [3]string{"uk", "uk", "uk"}, "ukkbd"
		return s
	})
	hasApos := func(p h3Person) bool { return strings.Contains(p.givenForm("uk")+p.patForm("uk")+p.famForm("uk"), "'") }
	add("cyr apostrophe variants", func() h3Person { return g.personWhere(hasApos) }, func(p h3Person) h3Style {
		s := cyr(p)
		s.lang, s.cyrHabit, s.pat = [3]string{"uk", "uk", "uk"}, "apos", true
		return s
	})
	add("cyr і and и confused", func() h3Person { return g.personWhere(hasUkLetter) }, func(p h3Person) h3Style {
		s := cyr(p)
		s.lang, s.cyrHabit = [3]string{"uk", "uk", "uk"}, "iswap"
		return s
	})
	add("cyr all caps", anyone, func(p h3Person) h3Style { s := cyr(p); s.caps = "all"; return s })
	other := func(l string) string {
		if l == "uk" {
			return "ru"
		}
		return "uk"
	}
	add("ru/uk other language", anyone, func(p h3Person) h3Style {
		s := cyr(p)
		l := other(p.lang)
		s.lang, s.pat = [3]string{l, l, l}, true
		return s
	})
	add("ru/uk parts mixed", anyone, func(p h3Person) h3Style {
		s := cyr(p)
		s.lang, s.pat = [3]string{g.lang(), g.lang(), g.lang()}, true
		return s
	})
	add("ru/uk other language latin", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		l := other(p.lang)
		sc := []string{"icao", "mvd1997", "enru", "de", "fr", "pl"}
		if l == "uk" {
			sc = []string{"kmu", "enuk", "ua1996", "de", "fr", "pl"}
		}
		g.setScheme(&s, sc[g.pick(len(sc))])
		s.lang = [3]string{l, l, l}
		return s
	})

	hasDim := func(p h3Person) bool { return len(p.g.dimRu)+len(p.g.dimUk) > 0 }
	add("pet form cyr", func() h3Person { return g.personWhere(hasDim) }, func(p h3Person) h3Style {
		s := cyr(p)
		s.dim, s.pat = true, g.r.IntN(5) == 0
		return s
	})
	add("pet form latin", func() h3Person { return g.personWhere(hasDim) }, func(p h3Person) h3Style {
		s := g.random(p)
		g.setScheme(&s, h3LatinSchemes[g.pick(len(h3LatinSchemes))])
		s.dim, s.pat = true, g.r.IntN(5) == 0
		return s
	})

	for _, noise := range []string{"rank", "birth year"} {
		for range per {
			p := g.person()
			s := g.random(p)
			b := g.render(p, s)
			l := s.lang[2]
			if s.scheme != "" {
				l = "en"
			}
			if noise == "rank" {
				r := h3Ranks[l][g.pick(len(h3Ranks[l]))]
				switch {
				case g.r.IntN(5) == 0:
					b += ", " + r
				case g.r.IntN(4) == 0:
					b = strings.ToUpper(r) + " " + b
				default:
					b = r + " " + b
				}
			} else {
				m := h3YearMarks[l][g.pick(len(h3YearMarks[l]))]
				b += fmt.Sprintf(m, 1960+g.pick(45))
			}
			out = append(out, h3Case{phen: "noise " + noise, a: g.render(p, g.clean(p)), b: b})
		}
	}
	hasIntl := func(p h3Person) bool { return len(h3International[p.g.ru]) > 0 }
	add("given international form", func() h3Person { return g.personWhere(hasIntl) }, func(p h3Person) h3Style {
		s := g.random(p)
		g.setScheme(&s, []string{"enru", "enuk", "de", "fr", "pl", "kmu", "icao"}[g.pick(7)])
		s.intl, s.pat = true, g.r.IntN(5) == 0
		return s
	})
	for _, o := range h3Orders {
		add("order "+o, anyone, func(p h3Person) h3Style {
			s := g.random(p)
			s.order, s.pat = o, !strings.Contains(o, "P") || g.r.IntN(4) != 0
			return s
		})
	}
	add("missing patronymic", anyone, func(p h3Person) h3Style { s := g.random(p); s.pat = false; return s })
	add("missing family", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		s.fam, s.pat, s.order = false, true, "G P F"
		return s
	})
	add("missing given", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		s.given, s.pat, s.order = false, true, "F G P"
		return s
	})
	add("family and initial only", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		s.order = []string{"F G.", "G. F"}[g.pick(2)]
		return s
	})
	woman := func() h3Person { return g.personWhere(func(p h3Person) bool { return p.female() }) }
	add("double family name", woman, func(p h3Person) h3Style {
		s := g.random(p)
		s.second, s.secondAt = g.d.fams[g.pick(len(g.d.fams))], "hyphen"
		return s
	})
	add("maiden name in parentheses", woman, func(p h3Person) h3Style {
		s := g.random(p)
		s.second, s.secondAt = g.d.fams[g.pick(len(g.d.fams))], "paren"
		s.order = []string{"F G P", "FAMILY G P", "F G"}[g.pick(3)]
		return s
	})
	for _, field := range []string{"all in the family field", "all in the given field", "given and family fields swapped", "separate fields"} {
		for range per {
			p := g.person()
			s := g.random(p)
			s.order = "F G P"
			gs, ps, fs := s, s, s
			gs.pat, gs.fam, gs.order = false, false, "G P F"
			ps.given, ps.fam, ps.pat, ps.order = false, false, true, "G P F"
			fs.given, fs.pat, fs.order = false, false, "G P F"
			given, pat, fam := g.render(p, gs), "", g.render(p, fs)
			if s.pat {
				pat = g.render(p, ps)
			}
			c := h3Case{phen: "fields " + field, a: g.render(p, g.clean(p))}
			switch field {
			case "all in the family field":
				c.b = g.render(p, s)
				c.fields = &[4]string{"", "", c.b, ""}
			case "all in the given field":
				c.b = g.render(p, s)
				c.fields = &[4]string{c.b, "", "", ""}
			case "given and family fields swapped":
				c.b = fam + " / " + pat + " / " + given
				c.fields = &[4]string{fam, pat, given, ""}
			default:
				c.b = given + " / " + pat + " / " + fam
				c.fields = &[4]string{given, pat, fam, ""}
			}
			out = append(out, c)
		}
	}
	for _, t := range []string{"substitution", "deletion", "insertion", "transposition", "doubling", "keyboard", "ocr"} {
		for _, fam := range []bool{true, false} {
			part := "given"
			if fam {
				part = "family"
			}
			add("typo "+t+" "+part, anyone, func(p h3Person) h3Style {
				s := g.random(p)
				s.typo, s.typoFam = t, fam
				return s
			})
		}
	}
	add("mixed", anyone, func(p h3Person) h3Style {
		s := g.random(p)
		if g.r.IntN(4) == 0 {
			s.dim = true
		}
		if g.r.IntN(3) == 0 {
			s.order = h3Orders[g.pick(len(h3Orders))]
		}
		if g.r.IntN(4) == 0 {
			s.typo = []string{"substitution", "deletion", "insertion", "transposition", "keyboard"}[g.pick(5)]
			s.typoFam = g.r.IntN(2) == 0
		}
		if s.scheme == "" && g.r.IntN(3) == 0 {
			s.cyrHabit = []string{"yo", "lookalike", "ukkbd", "apos", "iswap"}[g.pick(5)]
			if s.cyrHabit == "ukkbd" || s.cyrHabit == "iswap" || s.cyrHabit == "apos" {
				s.lang = [3]string{"uk", "uk", "uk"}
			}
		}
		if g.r.IntN(6) == 0 {
			s.caps = "all"
		}
		return s
	})
	return out
}

// h3NonMatches draws per pairs of different people for each kind of trap:
// a is clean, b is any writing of the other person.
func h3NonMatches(seed uint64, per int) []h3Case {
	g := newH3Gen(seed)
	d := g.d
	var out []h3Case
	otherMale := func(not *h3Given) *h3Given {
		for {
			if m := d.male[g.pick(len(d.male))]; m != not {
				return m
			}
		}
	}
	otherFemale := func(not *h3Given) *h3Given {
		for {
			if f := d.female[g.pick(len(d.female))]; f != not {
				return f
			}
		}
	}
	man := func() h3Person { return g.personWhere(func(p h3Person) bool { return !p.female() }) }
	add := func(kind string, withPat bool, pair func() (h3Person, h3Person)) {
		for range per {
			p, q := pair()
			s := g.random(q)
			if withPat {
				s.pat = true
				if s.order == "G F" || s.order == "F G" {
					s.order = "G P F"
				}
			}
			out = append(out, h3Case{phen: kind, a: g.render(p, g.clean(p)), b: g.render(q, s)})
		}
	}
	add("father and son", false, func() (h3Person, h3Person) {
		p := man()
		return p, h3Person{g: p.father, father: otherMale(p.g), fam: p.fam, lang: p.lang}
	})
	add("father and son of one name", true, func() (h3Person, h3Person) {
		p := man()
		p.father = p.g
		return p, h3Person{g: p.g, father: otherMale(p.g), fam: p.fam, lang: p.lang}
	})
	add("brothers", false, func() (h3Person, h3Person) {
		p := man()
		return p, h3Person{g: otherMale(p.g), father: p.father, fam: p.fam, lang: p.lang}
	})
	add("brother and sister", false, func() (h3Person, h3Person) {
		p := man()
		return p, h3Person{g: otherFemale(nil), father: p.father, fam: p.fam, lang: p.lang}
	})
	add("sisters", false, func() (h3Person, h3Person) {
		p := man()
		p.g = otherFemale(nil)
		return p, h3Person{g: otherFemale(p.g), father: p.father, fam: p.fam, lang: p.lang}
	})
	add("husband and wife", false, func() (h3Person, h3Person) {
		p := man()
		return p, h3Person{g: otherFemale(nil), father: otherMale(p.father), fam: p.fam, lang: p.lang}
	})
	add("namesake other patronymic", true, func() (h3Person, h3Person) {
		p := g.person()
		return p, h3Person{g: p.g, father: otherMale(p.father), fam: p.fam, lang: p.lang}
	})
	add("same given and patronymic other family", false, func() (h3Person, h3Person) {
		p := g.person()
		q := p
		for q.fam == p.fam {
			q.fam = d.fams[g.pick(len(d.fams))]
		}
		return p, q
	})
	add("family of one stem", false, func() (h3Person, h3Person) {
		p := g.person()
		grp := h3StemGroups[g.pick(len(h3StemGroups))]
		i := g.pick(len(grp))
		j := (i + 1 + g.pick(len(grp)-1)) % len(grp)
		p.fam = d.famNamed(grp[i])
		q := p
		q.fam = d.famNamed(grp[j])
		return p, q
	})
	add("given look-alike", false, func() (h3Person, h3Person) {
		p := g.person()
		pair := h3Lookalikes[g.pick(len(h3Lookalikes))]
		if g.r.IntN(2) == 0 {
			pair[0], pair[1] = pair[1], pair[0]
		}
		p.g = d.givenNamed(pair[0])
		q := p
		q.g = d.givenNamed(pair[1])
		return p, q
	})
	add("given and family crossed", false, func() (h3Person, h3Person) {
		var x, y [2]string
		for x[0] == y[0] {
			x, y = h3GivenSurnames[g.pick(len(h3GivenSurnames))], h3GivenSurnames[g.pick(len(h3GivenSurnames))]
		}
		p := h3Person{g: d.givenNamed(x[0]), father: otherMale(nil), fam: d.famNamed(y[1]), lang: g.lang()}
		q := h3Person{g: d.givenNamed(y[0]), father: otherMale(nil), fam: d.famNamed(x[1]), lang: p.lang}
		return p, q
	})
	add("cousins same family", false, func() (h3Person, h3Person) {
		p := g.person()
		q := g.person()
		q.fam, q.lang = p.fam, p.lang
		for q.g == p.g {
			q.g = otherMale(p.g)
		}
		return p, q
	})
	return out
}

// h3Run scores the cases and groups them by phenomenon (see hoRun); each
// row keeps its first limit pairs, hit or missed, for -v.
func h3Run(cases []h3Case, limit int) map[string]*hoAgg {
	by := map[string]*hoAgg{}
	for _, c := range cases {
		a := by[c.phen]
		if a == nil {
			a = &hoAgg{}
			by[c.phen] = a
		}
		na := names.Prepare("", "", "", c.a)
		var nb names.Name
		if c.fields != nil {
			nb = names.Prepare(c.fields[0], c.fields[1], c.fields[2], c.fields[3])
		} else {
			nb = names.Prepare("", "", "", c.b)
		}
		cmp, hit := a.score(&na, &nb, names.MatchThreshold)
		if len(a.missed) < limit {
			a.missed = append(a.missed, fmt.Sprintf("%v %.3f %s | %s (%s %s %s)", hit, cmp.Score, c.a, c.b, cmp.Family, cmp.Given, cmp.Patronymic))
		}
	}
	return by
}

// TestHeldout3Phenomena measures the comparison on the third-opinion
// generator: same-person recall at MatchThreshold and ReviewThreshold by
// phenomenon, and the false-match rate by kind of trap. -v prints the
// tables; LASTSEEN_HELDOUT3_MISSES=N also N examples of each row's misses
// (false matches for traps).
func TestHeldout3Phenomena(t *testing.T) {
	const per = 150
	limit := 0
	fmt.Sscan(os.Getenv("LASTSEEN_HELDOUT3_MISSES"), &limit)
	matches := h3Matches(31, per)
	non := h3NonMatches(32, 2*per)

	logRecall(t, h3Run(matches, 0), 44, h3Floor, false)
	logFalseMatches(t, h3Run(non, 0), 44, h3Ceiling)

	if limit > 0 {
		shown := map[string]int{}
		for _, c := range matches {
			r := h3Run([]h3Case{c}, 1)[c.phen]
			if r.match == 0 && shown[c.phen] < limit {
				shown[c.phen]++
				t.Logf("missed [%s] %s", c.phen, r.missed[0])
			}
		}
		for _, c := range non {
			r := h3Run([]h3Case{c}, 1)[c.phen]
			if r.match == 1 && shown[c.phen] < limit {
				shown[c.phen]++
				t.Logf("false [%s] %s", c.phen, r.missed[0])
			}
		}
	}
}

// h3Floor is the recall floor of a phenomenon at MatchThreshold, a little
// under what the package reached when it was set (2026-11-27, seed 31, 150
// pairs a row: 0.993 over all rows, from 0.902 before the heldout3 rules;
// see docs/BENCHMARKS.md).
func h3Floor(k string) float64 {
	switch {
	case k == "typo ocr given":
		return 0.89 // rn for m, ri for n: read as other names
	case strings.HasPrefix(k, "typo"):
		return 0.94
	case k == "latin diacritics dropped", k == "mixed", strings.HasPrefix(k, "pet form"), k == "given international form":
		return 0.96
	}
	return 0.97
}

// h3Ceiling is the false-match ceiling of a trap at MatchThreshold.
func h3Ceiling(k string) float64 {
	if k == "family of one stem" {
		return 0.02 // Савенко/Савченко, Іванюк/Іванчук: one letter, as a typo is
	}
	return 0.005
}

// TestHeldout3WriteCSV writes the generator's pairs to the file
// LASTSEEN_HELDOUT3_CSV names (columns a, b, phenomenon, same), for
// `lastseen names compare --pairs`; the pairs given as separate fields are
// left out, since the command reads full names. Without the variable it
// checks only that the rows come out.
func TestHeldout3WriteCSV(t *testing.T) {
	var rows [][]string
	for _, set := range []struct {
		same  string
		cases []h3Case
	}{{"1", h3Matches(31, 150)}, {"0", h3NonMatches(32, 300)}} {
		for _, c := range set.cases {
			if c.fields == nil {
				rows = append(rows, []string{c.a, c.b, c.phen, set.same})
			}
		}
	}
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	path := os.Getenv("LASTSEEN_HELDOUT3_CSV")
	if path == "" {
		return
	}
	writeCSV(t, path, []string{"a", "b", "phenomenon", "same"}, rows)
	t.Logf("wrote %d pairs to %s", len(rows), path)
}

// TestHeldout3Samples prints the first pairs of each phenomenon and trap
// when LASTSEEN_HELDOUT3_SAMPLES=N is set, to read what the generator
// writes; without it, it checks that every pair has two non-empty sides.
func TestHeldout3Samples(t *testing.T) {
	n := 0
	fmt.Sscan(os.Getenv("LASTSEEN_HELDOUT3_SAMPLES"), &n)
	seen := map[string]int{}
	for _, c := range append(h3Matches(31, 20), h3NonMatches(32, 20)...) {
		if strings.TrimSpace(c.a) == "" || strings.Trim(c.b, " /") == "" {
			t.Errorf("[%s] empty side: %q | %q", c.phen, c.a, c.b)
		}
		if seen[c.phen] < n {
			seen[c.phen]++
			t.Logf("[%s] %s | %s", c.phen, c.a, c.b)
		}
	}
}
