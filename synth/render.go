package synth

import (
	"strings"
	"time"
	"unicode"
)

// kinds of table strings for latinIdx
const (
	kindGiven = iota
	kindPatronymic
	kindPlace
	kindFront
	numKinds
	maxTableIdx = 128 // more than the entries of any of these tables
)

// latinIdx romanises the table string s, which is entry idx of a kind in
// one of its variants (form, sex), from an array rather than a map.
func (g *generator) latinIdx(kind, idx, variant int, s string, sc *scheme, caps bool) string {
	slot := sc.id * 2
	if caps {
		slot++
	}
	arr := g.icache[slot]
	if arr == nil {
		arr = make([]string, numKinds*maxTableIdx*8)
		g.icache[slot] = arr
	}
	k := (kind*maxTableIdx+idx)*8 + variant
	if v := arr[k]; v != "" {
		return v
	}
	g.buf = appendTranslit(g.buf[:0], s, sc, caps)
	v := string(g.buf)
	arr[k] = v
	return v
}

type generator struct {
	icache [2 * numSchemes][]string
	cfg    Config
	lines  bool // encode CSV bodies too
	buf    []byte
	srcs   []int
	cache  [2 * numSchemes]map[string]string
}

// pickSources chooses the sources that saw a person. A source rarely lists
// the same person twice, so repeats are drawn again (twice at most).
func (g *generator) pickSources(p *person, cl uint64, member int) []int {
	r := newRNG(g.cfg.Seed, 4, cl, uint64(member))
	civ := 0
	if p.civilian {
		civ = 1
	}
	ch := &sourceChoice[p.side][p.fate][civ]
	g.srcs = g.srcs[:0]
	for k := 0; k < p.records; k++ {
		s := ch.idx[ch.w.pick(&r)]
		for try := 0; try < 2 && contains(g.srcs, s); try++ {
			s = ch.idx[ch.w.pick(&r)]
		}
		g.srcs = append(g.srcs, s)
	}
	return g.srcs
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (g *generator) render(r *rng, p *person, id int64, si int, rec *Record) {
	cfg := &g.cfg
	*rec = Record{TruthID: id, Side: p.native()}
	src := &sources[si]
	h := src.h
	rec.Source = src.name
	rec.Habit = h.id

	form := h.form
	if form == formNative {
		form = formUK
		if p.side == 1 {
			form = formRU
		}
	}
	given, family, patr, sc, apos := g.names(r, p, src, form, rec)
	latin := sc != nil

	// errors in the names
	if r.chance(cfg.TypoRate) {
		if r.chance(0.6) {
			family = typo(r, family)
		} else {
			given = typo(r, given)
		}
		rec.Phenomena |= PTypo
	}
	if src.scanned && r.chance(cfg.OCRRate) {
		var ok bool
		if r.chance(0.5) {
			family, ok = ocr(r, family)
		} else {
			given, ok = ocr(r, given)
		}
		if ok {
			rec.Phenomena |= POCR
		}
	}
	if !latin && r.chance(cfg.HomoglyphRate) {
		var ok bool
		family, ok = homoglyph(r, family)
		if ok {
			rec.Phenomena |= PHomoglyph
		}
	}

	// layout
	initials := r.chance(cfg.InitialsRate) && !rec.Phenomena.has(PDiminutive)
	if initials {
		rec.Phenomena |= PInitials
		given = initial(given)
		if patr != "" {
			patr = initial(patr)
		}
	}
	if r.chance(src.full) {
		order := src.order
		if r.chance(cfg.OrderVariantRate) {
			order = (order + 1 + r.intn(numOrders-1)) % numOrders
			rec.Phenomena |= POrderVariant
		}
		if h.id == HabitPOWList && !latin {
			if order == orderFcGP || r.chance(0.3) {
				family = strings.ToUpper(family)
				if r.chance(0.3) {
					given, patr = strings.ToUpper(given), strings.ToUpper(patr)
				}
			}
		}
		rec.FullName = joinName(order, given, family, patr, initials)
	} else {
		if r.chance(cfg.FieldSwapRate) {
			given, family = family, given
			rec.Phenomena |= PFieldSwap
		}
		rec.GivenName, rec.FamilyName, rec.Patronymic = given, family, patr
	}

	g.birthDate(r, p, src, rec)
	if r.chance(src.bplace) {
		pi := p.place
		if p.home != p.place && r.chance(cfg.ResidenceRate) {
			pi = p.home
			rec.Phenomena |= PResidence
		}
		rec.BirthPlace = g.placeName(r, h, sc, form, pi, p.by, &rec.Phenomena)
		rec.BirthPlace = withApostrophe(rec.BirthPlace, apos)
	}
	if r.chance(src.sex) {
		rec.Sex = "m"
		if p.female {
			rec.Sex = "f"
		}
	}
	if p.unit >= 0 && r.chance(src.unit) {
		u := unitUA
		if p.side == 1 {
			u = unitRU
		}
		ui := p.unit
		if p.unit2 >= 0 && r.chance(0.5) {
			ui = p.unit2 // sources from after the transfer
		}
		if latin {
			rec.Unit = u[ui][1]
		} else {
			rec.Unit = u[ui][0]
		}
	}
	if p.svc != "" && r.chance(src.svc) {
		if latin {
			rec.ServiceNumber = g.latin(p.svc, sc, true)
		} else {
			rec.ServiceNumber = p.svc
		}
	}
	rec.Status = src.status
	if rec.Status == "" {
		rec.Status = fateNames[p.fate]
		if (p.fate == 2 || p.fate == 4) && r.chance(0.2) {
			rec.Status = FateMissing // the source knew only the first stage
		}
	}
	if r.chance(src.sdate) {
		f := src.date
		if f == dateYear {
			f = dateISO
		}
		y, m, d := p.fy, p.fm, p.fd
		if r.chance(0.3) {
			// sources disagree by a few days on when contact was lost
			t := time.Date(y, time.Month(m), d+r.between(-5, 5), 0, 0, 0, 0, time.UTC)
			y, m, d = t.Year(), int(t.Month()), t.Day()
		}
		rec.StatusDate = formatDate(f, y, m, d, 3)
	}
	if r.chance(src.place) {
		rec.Place = withApostrophe(frontName(h, sc, form, p.front, g), apos)
	}
	if r.chance(src.notes) {
		rec.Notes = withApostrophe(note(r, h, sc, form, p.front, g), apos)
	}
}

// names gives the name parts as the source writes them, the romanisation it
// used (nil for Cyrillic) and the apostrophe of its Ukrainian text.
func (g *generator) names(r *rng, p *person, src *source, form int, rec *Record) (given, family, patr string, sc *scheme, apos string) {
	cfg := &g.cfg
	h := src.h
	g1 := &givens[p.given]
	fa := &givens[p.father]

	// names in the Cyrillic form of the source's language
	if form == formUK {
		given, family = g1.uk, p.sur.uk
		patr = fa.ukPatM
		if p.female {
			patr = fa.ukPatF
		}
	} else {
		given, family = g1.ru, p.sur.ru
		patr = fa.ruPatM
		if p.female {
			patr = fa.ruPatF
		}
	}
	if p.female {
		if r.chance(cfg.MasculineFormRate) {
			rec.Phenomena |= PMasculineForm
		} else {
			family = feminine(family, p.sur.possessive, form == formUK)
		}
	}
	d := h.dim + src.dim
	if p.by < 1965 {
		d *= 0.3 // an old man's children rarely write Коля
	}
	if d > 0 && r.chance(cfg.DiminutiveRate*d) {
		dims := g1.ukDim
		if form == formRU {
			dims = g1.ruDim
		}
		if len(dims) > 0 {
			given = dims[r.intn(len(dims))]
			rec.Phenomena |= PDiminutive
			patr = ""
		}
	}
	if patr != "" && !r.chance(src.patr) {
		patr = ""
	}
	if patr != "" && r.chance(cfg.NoPatronymicRate) {
		patr = ""
		rec.Phenomena |= PNoPatronymic
	}
	if form == formRU && r.chance(cfg.YoAsYeRate) {
		if strings.Contains(given, "ё") || strings.Contains(family, "ё") || strings.Contains(patr, "ё") {
			given = strings.ReplaceAll(given, "ё", "е")
			family = strings.ReplaceAll(family, "ё", "е")
			patr = strings.ReplaceAll(patr, "ё", "е")
			rec.Phenomena |= PYoAsYe
		}
	}

	// Ukrainian text writes the apostrophe three ways
	apos = "'"
	if form == formUK {
		switch x := r.float(); {
		case x < 0.45:
			apos = "’"
		case x < 0.55:
			apos = "ʼ"
		}
	}

	// script
	if h.schUK != nil {
		sc = h.schRU
		if form == formUK {
			sc = h.schUK
		}
		if h.informal {
			if form == formUK {
				sc = informalUK[r.intn(len(informalUK))]
			} else {
				sc = informalRU[r.intn(len(informalRU))]
			}
		}
		if o, ok := pressGiven[sc][given]; ok {
			given = o
		} else if given == g1.uk {
			given = g.latinIdx(kindGiven, p.given, formUK, given, sc, h.caps)
		} else if given == g1.ru {
			given = g.latinIdx(kindGiven, p.given, formRU, given, sc, h.caps)
		} else {
			given = g.latin(given, sc, h.caps)
		}
		if h.caps {
			given = strings.ToUpper(given)
		}
		if p.sur.tail || p.female {
			g.buf = appendTranslit(g.buf[:0], family, sc, h.caps)
			family = string(g.buf)
		} else {
			family = g.latin(family, sc, h.caps)
		}
		if patr != "" {
			v := 0
			switch patr {
			case fa.ukPatM:
				v = 1
			case fa.ruPatM:
				v = 2
			case fa.ukPatF:
				v = 3
			case fa.ruPatF:
				v = 4
			}
			if v > 0 {
				patr = g.latinIdx(kindPatronymic, p.father, v, patr, sc, h.caps)
			} else {
				patr = g.latin(patr, sc, h.caps)
			}
		}
	}
	if sc != nil {
		apos = "'" // romanisations drop it
	}
	if apos != "'" {
		given, family, patr = withApostrophe(given, apos), withApostrophe(family, apos), withApostrophe(patr, apos)
	}
	return given, family, patr, sc, apos
}

// birthDate writes the birth date as the source knows it, with the phenomena
// that touch dates.
func (g *generator) birthDate(r *rng, p *person, src *source, rec *Record) {
	cfg := &g.cfg
	if r.chance(src.birth) {
		if r.chance(cfg.NoBirthDateRate) {
			rec.Phenomena |= PNoBirthDate
		} else {
			y, m, d := p.by, p.bm, p.bd
			prec := 3
			switch {
			case src.date == dateYear:
				// the press gives an age; the year is worked out from it, so
				// it is a year late when the birthday came later in the year
				prec = 1
				age := p.fy - p.by
				if p.fm < p.bm || p.fm == p.bm && p.fd < p.bd {
					age--
				}
				y = p.fy - age
			case r.chance(src.yearish):
				prec = 1
			case r.chance(cfg.YearOnlyRate):
				prec = 1
				rec.Phenomena |= PYearOnly
			case r.chance(cfg.MonthOnlyRate):
				prec = 2
				rec.Phenomena |= PMonthOnly
			}
			if r.chance(cfg.DateTypoRate) {
				y, m, d = dateTypo(r, y, m, d, prec)
				rec.Phenomena |= PDateTypo
			}
			if prec == 3 && d <= 12 && d != m && r.chance(cfg.DateSwapRate) {
				d, m = m, d
				rec.Phenomena |= PDateSwap
			}
			rec.BirthDate = formatDate(src.date, y, m, d, prec)
		}
	}
}

func (p Phenomenon) has(q Phenomenon) bool { return p&q != 0 }

func withApostrophe(s, apos string) string {
	if apos == "'" || strings.IndexByte(s, '\'') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "'", apos)
}

// dateTypo changes a valid date into another valid one the way a clerk
// mistypes it: the year off by one, the last two digits of the year swapped,
// or another day (a neighbouring key or a dropped digit).
func dateTypo(r *rng, y, m, d, prec int) (int, int, int) {
	sw := y/100*100 + y%10*10 + y/10%10 // 1987 → 1978
	switch k := r.intn(3); {
	case k == 1 && sw != y && sw >= 1925 && sw <= 2008:
		y = sw
	case k == 0 || prec < 3:
		if r.chance(0.5) {
			y++
		} else {
			y--
		}
	default:
		nd := d%10 + 1 // 23 → 4: one digit dropped and one mistyped
		if d < 10 {
			nd = d + 10
		}
		if nd > monthDays(y, m) || nd == d {
			nd = (d % 28) + 1
		}
		d = nd
	}
	if d > monthDays(y, m) {
		d = monthDays(y, m)
	}
	return y, m, d
}

// latin romanises s, from a cache: names repeat a lot, so most calls are a
// lookup. Long-tail surnames do not go through it: a large map is slower
// than romanising again.
func (g *generator) latin(s string, sc *scheme, caps bool) string {
	slot := sc.id * 2
	if caps {
		slot++
	}
	c := g.cache[slot]
	if v, ok := c[s]; ok {
		return v
	}
	g.buf = appendTranslit(g.buf[:0], s, sc, caps)
	v := string(g.buf)
	if c == nil || len(c) > 1<<13 {
		c = make(map[string]string, 1<<10)
		g.cache[slot] = c
	}
	c[s] = v
	return v
}

func initial(s string) string {
	for _, r := range s {
		return string(unicode.ToUpper(r)) + "."
	}
	return s
}

func joinName(order int, given, family, patr string, initials bool) string {
	var parts [3]string
	n := 0
	add := func(s string) {
		if s != "" {
			parts[n] = s
			n++
		}
	}
	if initials {
		// Коваленко О.М. or О.М. Коваленко
		ini := given + patr
		if order == orderGF || order == orderGPF {
			return ini + " " + family
		}
		return family + " " + ini
	}
	switch order {
	case orderGF:
		add(given)
		add(family)
	case orderFG:
		add(family)
		add(given)
	case orderFGP:
		add(family)
		add(given)
		add(patr)
	case orderGPF:
		add(given)
		add(patr)
		add(family)
	case orderFcGP:
		add(strings.ToUpper(family))
		add(given)
		add(patr)
	}
	return strings.Join(parts[:n], " ")
}

// formatDate writes a date at a precision (1 year, 2 month, 3 day) in a
// layout. Year and month precision use YYYY and YYYY-MM whatever the layout.
func formatDate(layout, y, m, d, prec int) string {
	var b [10]byte
	s := b[:0]
	pad := func(s []byte, v, w int) []byte {
		if w == 4 {
			s = append(s, byte('0'+v/1000%10), byte('0'+v/100%10))
		}
		return append(s, byte('0'+v/10%10), byte('0'+v%10))
	}
	switch {
	case prec == 1 || layout == dateYear:
		s = pad(s, y, 4)
	case prec == 2:
		s = pad(s, y, 4)
		s = append(s, '-')
		s = pad(s, m, 2)
	case layout == dateDMY:
		s = pad(s, d, 2)
		s = append(s, '.')
		s = pad(s, m, 2)
		s = append(s, '.')
		s = pad(s, y, 4)
	case layout == dateYMD:
		s = pad(s, y, 4)
		s = pad(s, m, 2)
		s = pad(s, d, 2)
	default:
		s = pad(s, y, 4)
		s = append(s, '-')
		s = pad(s, m, 2)
		s = append(s, '-')
		s = pad(s, d, 2)
	}
	return string(s)
}

// placeName writes a birth place as the source would, sometimes in a mixed-up
// spelling: the other language's form, the Soviet-era name, a type prefix.
func (g *generator) placeName(r *rng, h *habit, sc *scheme, form, i, by int, ph *Phenomenon) string {
	pl := &places[i]
	name := pl.uk
	if form == formRU {
		name = pl.ru
	}
	prefix := ""
	if r.chance(g.cfg.PlaceVariantRate) {
		*ph |= PPlaceVariant
		switch r.intn(4) {
		case 0:
			if form == formRU {
				name = pl.uk
			} else {
				name = pl.ru
			}
		case 1:
			if pl.oldUK != "" && by < 2016 {
				name = pl.oldUK
				if form == formRU {
					name = pl.oldRU
				}
			} else if form == formRU {
				prefix = "г. "
			} else {
				prefix = "м. "
			}
		case 2:
			if form == formRU {
				prefix = "г. "
			} else {
				prefix = "м. "
			}
		default:
			if sc == nil && r.chance(0.3) {
				return pl.latin // copied from an English form
			}
			name = name + ", " + regionOf(pl, form)
			if sc != nil {
				return g.latin(name, sc, h.caps)
			}
			return name
		}
	}
	if sc == nil {
		return prefix + name
	}
	if h.press && name == pl.uk || h.press && name == pl.ru {
		return pl.latin
	}
	switch name {
	case pl.uk:
		return g.latinIdx(kindPlace, i, 0, name, sc, h.caps)
	case pl.ru:
		return g.latinIdx(kindPlace, i, 1, name, sc, h.caps)
	}
	return g.latin(name, sc, h.caps)
}

func regionOf(pl *place, form int) string {
	if pl.side == "ru" {
		if form == formRU {
			return "Россия"
		}
		return "Росія"
	}
	if form == formRU {
		return "Украина"
	}
	return "Україна"
}

func frontName(h *habit, sc *scheme, form, i int, g *generator) string {
	f := fronts[i]
	switch {
	case sc == nil && form == formRU:
		return f[1]
	case sc == nil:
		return f[0]
	case h.press:
		return f[2]
	case form == formRU:
		return g.latinIdx(kindFront, i, 1, f[1], sc, false)
	}
	return g.latinIdx(kindFront, i, 0, f[0], sc, false)
}

func note(r *rng, h *habit, sc *scheme, form, front int, g *generator) string {
	var pool []string
	switch {
	case sc == nil && form == formRU:
		pool = notesRU
	case sc == nil:
		pool = notesUK
	case h.id == HabitDePress:
		pool = notesDE
	case h.id == HabitFrPress:
		pool = notesFR
	case h.id == HabitPlPress:
		pool = notesPL
	default:
		pool = notesEN
	}
	t := pool[r.intn(len(pool))]
	if before, after, ok := strings.Cut(t, "%s"); ok {
		return before + frontName(h, sc, form, front, g) + after
	}
	return t
}
