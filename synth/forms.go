package synth

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parsed tables.
type givenName struct {
	ru, uk       string
	female       bool
	ruDim, ukDim []string
	// Patronymics a child of a man with this name carries.
	ruPatM, ukPatM, ruPatF, ukPatF string
}

type surname struct {
	uk, ru     string
	possessive bool // Russian-type -ов/-ев/-ин: the feminine adds -а
	tail       bool // made from a pattern: too many to cache their romanisation
}

type place struct {
	uk, ru, latin string
	side          string
	oldUK, oldRU  string
}

var (
	givens                 []givenName
	maleUA, maleRU         weighted // over givens, zero weight for women
	femaleUA, femaleRU     weighted
	surUA, surRU           []surname
	surUAw, surRUw         weighted
	uaStemList, ruStemList []string
	places                 []place
	placeUAw, placeRUw     weighted
	fronts                 [][3]string
	unitUA, unitRU         [][2]string
	uaSuffixes, ruSuffixes []string
	uaSuffixW, ruSuffixW   weighted
)

func init() {
	var mu, mr, fu, fr []float64
	for _, l := range fields(givenTable, "\n") {
		f := strings.Split(l, "|")
		g := givenName{ru: f[0], uk: f[1], female: f[2] == "f", ruDim: fields(f[5], ","), ukDim: fields(f[6], ",")}
		wu, _ := strconv.ParseFloat(f[3], 64)
		wr, _ := strconv.ParseFloat(f[4], 64)
		if g.female {
			mu, mr, fu, fr = append(mu, 0), append(mr, 0), append(fu, wu), append(fr, wr)
		} else {
			g.ruPatM, g.ukPatM = f[7], f[8]
			g.ruPatF, g.ukPatF = ruFemPatronymic(f[7]), ukFemPatronymic(f[8])
			mu, mr, fu, fr = append(mu, wu), append(mr, wr), append(fu, 0), append(fr, 0)
		}
		givens = append(givens, g)
	}
	maleUA, maleRU, femaleUA, femaleRU = cumulate(mu), cumulate(mr), cumulate(fu), cumulate(fr)

	var ws []float64
	for _, e := range strings.Fields(surnameUA) {
		f := strings.Split(e, "|")
		s := surname{uk: f[0], ru: ukToRu(f[0])}
		if len(f) > 2 {
			s.ru = f[2]
		}
		w, _ := strconv.ParseFloat(f[1], 64)
		surUA, ws = append(surUA, s), append(ws, w)
	}
	surUAw = cumulate(ws)
	ws = nil
	for _, e := range strings.Fields(surnameRU) {
		f := strings.Split(e, "|")
		s := surname{ru: f[0], uk: ruToUk(f[0]), possessive: true}
		if len(f) > 2 {
			s.uk = f[2]
		}
		w, _ := strconv.ParseFloat(f[1], 64)
		surRU, ws = append(surRU, s), append(ws, w)
	}
	surRUw = cumulate(ws)
	uaStemList = strings.Fields(uaStems)
	ruStemList = strings.Fields(ruStems)
	uaSuffixes = []string{"енко", "чук", "ук", "юк", "ко", "ак", "ець", "ишин", "ський", "ич", "", "ів", "ик"}
	uaSuffixW = cumulate([]float64{34, 10, 8, 5, 6, 4, 4, 3, 9, 3, 6, 2, 4})
	ruSuffixes = []string{"ов", "ин", "ский", "ых", "ев"}
	ruSuffixW = cumulate([]float64{55, 22, 12, 3, 8})

	var pu, pr []float64
	for _, l := range fields(placeTable, "\n") {
		f := strings.Split(l, "|")
		p := place{uk: f[0], ru: f[1], latin: f[2], side: f[3], oldUK: f[5], oldRU: f[6]}
		w, _ := strconv.ParseFloat(f[4], 64)
		places = append(places, p)
		if p.side == "ua" {
			ru := w * 0.03
			switch p.uk {
			case "Донецьк", "Луганськ", "Горлівка", "Сімферополь", "Севастополь":
				ru = w * 0.6 // mobilised in the occupied territories
			}
			pu, pr = append(pu, w), append(pr, ru)
		} else {
			pu, pr = append(pu, w*0.02), append(pr, w)
		}
	}
	placeUAw, placeRUw = cumulate(pu), cumulate(pr)
	for _, l := range fields(frontTable, "\n") {
		f := strings.Split(l, "|")
		fronts = append(fronts, [3]string{f[0], f[1], f[2]})
	}
	for _, l := range fields(unitsUA, "\n") {
		f := strings.Split(l, "|")
		unitUA = append(unitUA, [2]string{f[0], f[1]})
	}
	for _, l := range fields(unitsRU, "\n") {
		f := strings.Split(l, "|")
		unitRU = append(unitRU, [2]string{f[0], f[1]})
	}
}

func ruFemPatronymic(m string) string {
	switch {
	case m == "Ильич":
		return "Ильинична"
	case strings.HasSuffix(m, "ич") && !strings.HasSuffix(m, "вич"):
		return m + "на" // Никитич → Никитична
	}
	return strings.TrimSuffix(m, "ич") + "на"
}

func ukFemPatronymic(m string) string {
	switch {
	case m == "Ілліч":
		return "Іллівна"
	case strings.HasSuffix(m, "йович"):
		return strings.TrimSuffix(m, "йович") + "ївна"
	}
	return strings.TrimSuffix(m, "ович") + "івна"
}

// feminine gives the surname a woman carries.
func feminine(s string, possessive bool, ukrainian bool) string {
	switch {
	case strings.HasSuffix(s, "ский"):
		return strings.TrimSuffix(s, "ий") + "ая"
	case strings.HasSuffix(s, "цкий"):
		return strings.TrimSuffix(s, "ий") + "ая"
	case strings.HasSuffix(s, "ський"), strings.HasSuffix(s, "цький"):
		return strings.TrimSuffix(s, "ий") + "а"
	case strings.HasSuffix(s, "ий"), strings.HasSuffix(s, "ый"):
		if ukrainian {
			return strings.TrimSuffix(s, "ий") + "а"
		}
		return s[:len(s)-len("ий")] + "ая"
	}
	if possessive {
		for _, suf := range []string{"ов", "ев", "ёв", "єв", "ин", "ын", "ін", "їн", "ьов", "йов"} {
			if strings.HasSuffix(s, suf) {
				return s + "а"
			}
		}
	}
	return s
}

// ukToRu writes a Ukrainian surname the way Russian lists spell it.
func ukToRu(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	for _, r := range s {
		switch r {
		case 'і', 'ї':
			r = 'и'
		case 'І', 'Ї':
			r = 'И'
		case 'є':
			r = 'е'
		case 'Є':
			r = 'Е'
		case 'ґ':
			r = 'г'
		case 'Ґ':
			r = 'Г'
		case '\'', '’', 'ʼ':
			r = 'ь'
		}
		b.WriteRune(r)
	}
	t := b.String()
	switch {
	case strings.HasSuffix(t, "ський"):
		t = strings.TrimSuffix(t, "ський") + "ский"
	case strings.HasSuffix(t, "цький"):
		t = strings.TrimSuffix(t, "цький") + "цкий"
	case strings.HasSuffix(t, "ів"):
		t = strings.TrimSuffix(t, "ів") + "ив"
	}
	return t
}

// ruToUk writes a Russian surname the way Ukrainian lists spell it.
func ruToUk(s string) string {
	var buf [48]rune
	rs := buf[:0]
	for _, r := range s {
		rs = append(rs, unicode.ToLower(r))
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	soft := func(r rune) bool { return strings.ContainsRune("лсзтдныц", r) }
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case 'ь':
			switch next {
			case 'ё':
				b.WriteString("йо")
				i++
			case 'е', 'ю', 'я', 'и':
				if soft(prev) {
					b.WriteString("ь")
				} else {
					b.WriteString("'")
				}
				switch next {
				case 'е':
					b.WriteString("є")
				case 'и':
					b.WriteString("ї")
				default:
					b.WriteRune(next)
				}
				i++
			default:
				b.WriteString("ь")
			}
		case 'ё':
			switch {
			case prev == 0 || isCyrVowel(prev):
				b.WriteString("йо")
			case strings.ContainsRune("жчшщ", prev):
				b.WriteString("о")
			default:
				b.WriteString("ьо")
			}
		case 'е':
			switch {
			case prev == 0 || isCyrVowel(prev):
				b.WriteString("є")
			case next == 'в' && i+2 == len(rs) && !strings.ContainsRune("жчшщц", prev):
				b.WriteString("є")
			default:
				b.WriteString("е")
			}
		case 'и':
			if strings.ContainsRune("жчшщц", prev) || (next == 'й' && i+2 == len(rs)) {
				b.WriteString("и")
			} else {
				b.WriteString("і")
			}
		case 'ы':
			b.WriteString("и")
		case 'э':
			b.WriteString("е")
		case 'ъ':
			b.WriteString("'")
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if strings.HasSuffix(t, "ский") {
		t = t[:len(t)-len("ский")] + "ський"
	} else if strings.HasSuffix(t, "цкий") {
		t = t[:len(t)-len("цкий")] + "цький"
	}
	return capitalize(t)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteRune(unicode.ToUpper(r))
	up := false
	for _, c := range s[n:] {
		if up {
			c = unicode.ToUpper(c)
		}
		up = c == '-' || c == ' '
		b.WriteRune(c)
	}
	return b.String()
}

// tailSurname makes a surname nobody in the tables has, from a stem and a
// productive suffix.
func tailSurname(r *rng, russian bool) surname {
	if !russian {
		var stem string
		if r.chance(0.5) {
			stem = uaStemList[r.intn(len(uaStemList))]
		} else {
			stem = capitalize(syllableStem(r, false))
		}
		suf := uaSuffixes[uaSuffixW.pick(r)]
		s := attachUA(stem, suf)
		return surname{uk: s, ru: ukToRu(s), tail: true}
	}
	var stem string
	if r.chance(0.5) {
		stem = ruStemList[r.intn(len(ruStemList))]
	} else {
		stem = capitalize(syllableStem(r, true))
	}
	s := attachRU(stem, ruSuffixes[ruSuffixW.pick(r)])
	return surname{ru: s, uk: ruToUk(s), possessive: true, tail: true}
}

func syllableStem(r *rng, russian bool) string {
	var b strings.Builder
	n := 2
	if r.chance(0.3) {
		n = 1
	}
	for i := 0; i < n; i++ {
		b.WriteString(sylOnsets[r.intn(len(sylOnsets))])
		v := sylVowels[r.intn(len(sylVowels))]
		if russian && v == "і" {
			v = "и"
		}
		if i == 0 && v == "я" {
			v = "а"
		}
		b.WriteString(v)
	}
	c := sylCodas[r.intn(len(sylCodas))]
	if c == "" {
		c = sylOnsets[r.intn(19)] // a single consonant
	}
	b.WriteString(c)
	return b.String()
}

func attachUA(stem, suf string) string {
	last, _ := utf8.DecodeLastRuneInString(stem)
	switch {
	case last == 'й':
		base := strings.TrimSuffix(stem, "й")
		switch suf {
		case "енко":
			return base + "єнко"
		case "ук", "юк":
			return base + "юк"
		case "ак":
			return base + "як"
		case "ський", "ець", "ишин", "ич", "ів", "ик":
			return stem + "ко"
		}
		return stem + suf
	case suf == "ський":
		switch last {
		case 'ч', 'ш', 'щ', 'ж', 'ц':
			return stem + "енко"
		case 'л', 'н':
			return stem + "ьський"
		case 'к':
			return strings.TrimSuffix(stem, "к") + "цький"
		}
	case suf == "чук" && last == 'л':
		return stem + "ьчук"
	case suf == "юк":
		switch last {
		case 'ч', 'ш', 'щ', 'ж', 'ц', 'к', 'г', 'х':
			return stem + "ук"
		}
	}
	return stem + suf
}

func attachRU(stem, suf string) string {
	last, _ := utf8.DecodeLastRuneInString(stem)
	if strings.HasSuffix(stem, "ов") || strings.HasSuffix(stem, "ев") || strings.HasSuffix(stem, "ин") || strings.HasSuffix(stem, "ын") {
		return stem
	}
	if isCyrVowel(last) {
		return stem + "в"
	}
	switch suf {
	case "ов":
		if strings.ContainsRune("жчшщцй", last) {
			return stem + "ев"
		}
		if last == 'ь' {
			return strings.TrimSuffix(stem, "ь") + "ев"
		}
	case "ин", "ских", "ых":
		if last == 'ь' {
			stem = strings.TrimSuffix(stem, "ь")
		}
	case "ский":
		switch last {
		case 'к', 'ц':
			return stem[:len(stem)-len("к")] + "цкий"
		case 'ь', 'й':
			return stem[:len(stem)-len("ь")] + "ский"
		case 'ч', 'ш', 'щ', 'ж':
			return stem + "ев"
		}
	case "ев":
		if last == 'ь' {
			return strings.TrimSuffix(stem, "ь") + "ьев"
		}
		if !strings.ContainsRune("жчшщцй", last) {
			return stem + "ов"
		}
	}
	return stem + suf
}
