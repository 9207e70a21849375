package synth

import "strings"

// Query is what someone looking for a person types into search: a name in
// another script or language form than most records of that person, and
// perhaps a partial birth date.
type Query struct {
	Text      string // the name as typed, in any order
	BirthDate string // YYYY-MM-DD, YYYY-MM, YYYY or empty
	TruthID   int64  // the person sought
	Script    string // "latin" or "cyrillic"
	Style     string // how the query was made, e.g. "latin_native", "other_form"
}

// Query styles.
const (
	QueryLatinNative = "latin_native" // informal romanisation of the native form
	QueryOtherForm   = "other_form"   // Cyrillic, the other language's form (Александр for Олександр)
	QueryPress       = "press"        // English press spelling
	QueryDiminutive  = "diminutive"   // native Cyrillic with a diminutive
)

// Queries yields n queries for persons spread evenly over the population of
// cfg (n is capped at the number of persons that have records). Every queried
// person has at least one record in Generate(cfg) output.
func Queries(cfg Config, n int, emit func(Query) error) error {
	cfg.fill()
	if err := cfg.validate(); err != nil {
		return err
	}
	if n <= 0 {
		return nil
	}
	total := cfg.People
	if cfg.Records > 0 {
		// count the persons that get at least one record
		total = 0
		produced := 0
		pop := newPopulation(cfg)
		for produced < cfg.Records {
			m, _ := pop.next()
			if m == nil {
				break
			}
			for i := range m {
				if produced < cfg.Records {
					total++
				}
				produced += m[i].records
			}
		}
	}
	if n > total {
		n = total
	}
	if n == 0 {
		return nil
	}
	step := float64(total) / float64(n)
	g := &generator{cfg: cfg}
	pop := newPopulation(cfg)
	next, done := 0, 0
	idx := 0
	for done < n {
		m, first := pop.next()
		if m == nil {
			break
		}
		for i := range m {
			if idx == next && done < n {
				id := first + int64(i)
				r := newRNG(cfg.Seed, 5, uint64(id))
				if err := emit(g.query(&r, &m[i], id)); err != nil {
					return err
				}
				done++
				next = int(float64(done) * step)
			}
			idx++
		}
	}
	return nil
}

func (g *generator) query(r *rng, p *person, id int64) Query {
	q := Query{TruthID: id}
	gv := &givens[p.given]
	fa := &givens[p.father]
	native := formUK
	if p.side == 1 {
		native = formRU
	}
	pick := func(form int) (given, family, patr string) {
		if form == formUK {
			given, family, patr = gv.uk, p.sur.uk, fa.ukPatM
			if p.female {
				patr = fa.ukPatF
			}
		} else {
			given, family, patr = gv.ru, p.sur.ru, fa.ruPatM
			if p.female {
				patr = fa.ruPatF
			}
		}
		if p.female {
			family = feminine(family, p.sur.possessive, form == formUK)
		}
		return
	}
	var given, family, patr string
	x := r.float()
	switch {
	case x < 0.4:
		q.Style, q.Script = QueryLatinNative, "latin"
		given, family, patr = pick(native)
		if r.chance(0.3) {
			given = diminutive(r, gv, native, given)
		}
		sch := informalUK
		if native == formRU {
			sch = informalRU
		}
		sc := sch[r.intn(len(sch))]
		given, family, patr = g.latin(given, sc, false), g.latin(family, sc, false), g.latin(patr, sc, false)
	case x < 0.65:
		q.Style, q.Script = QueryOtherForm, "cyrillic"
		other := formRU
		if native == formRU {
			other = formUK
		}
		given, family, patr = pick(other)
	case x < 0.8:
		q.Style, q.Script = QueryPress, "latin"
		given, family, _ = pick(native)
		patr = ""
		sc := schENUK
		if native == formRU {
			sc = schEN
		}
		if o, ok := pressGiven[sc][given]; ok {
			given = o
		} else {
			given = g.latin(given, sc, false)
		}
		family = g.latin(family, sc, false)
	default:
		q.Style, q.Script = QueryDiminutive, "cyrillic"
		given, family, _ = pick(native)
		given = diminutive(r, gv, native, given)
		patr = ""
	}
	if r.chance(0.05) {
		family = typo(r, family)
	}
	var parts []string
	switch y := r.float(); {
	case y < 0.55:
		parts = []string{given, family}
	case y < 0.85 || patr == "":
		parts = []string{family, given}
	default:
		parts = []string{family, given, patr}
	}
	q.Text = strings.Join(parts, " ")
	switch y := r.float(); {
	case y < 0.45:
		q.BirthDate = formatDate(dateISO, p.by, p.bm, p.bd, 1)
	case y < 0.65:
		q.BirthDate = formatDate(dateISO, p.by, p.bm, p.bd, 3)
	case y < 0.75:
		q.BirthDate = formatDate(dateISO, p.by, p.bm, p.bd, 2)
	}
	return q
}

func diminutive(r *rng, gv *givenName, form int, given string) string {
	dims := gv.ukDim
	if form == formRU {
		dims = gv.ruDim
	}
	if len(dims) == 0 {
		return given
	}
	return dims[r.intn(len(dims))]
}
