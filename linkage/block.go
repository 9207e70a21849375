package linkage

// Pass is one blocking pass: records that share its key are compared. A key
// of 0 means the record takes no part in the pass.
type Pass struct {
	Name string
	Key  func(*Prepared) uint64
	// Fields are the fields the key is made of. Pairs found by the pass agree
	// on them by construction, so EM does not learn their m from this pass.
	Fields []int
}

func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ (b + 0x632BE59BD9B4E019 + a<<6 + a>>2)
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	if h == 0 {
		h = 1
	}
	return h
}

func fullDate(p *Prepared) uint64 {
	if p.bprec != 3 {
		return 0
	}
	return uint64(p.by)<<16 | uint64(p.bm)<<8 | uint64(p.bd)
}

func prefix(s string, n int) uint64 {
	var k uint64
	for i := 0; i < n && i < len(s); i++ {
		k = k<<8 | uint64(s[i])
	}
	return k
}

// DefaultPasses are the blocking passes of the batch and incremental modes.
// Their union is meant to hold nearly every true pair: each pass survives an
// error that defeats another (a mistyped surname, a missing birth date, a name
// written in the other order or script).
var DefaultPasses = []Pass{
	{"given+family", func(p *Prepared) uint64 {
		if p.nameKey == 0 {
			return 0
		}
		return mix(1, p.nameKey)
	}, []int{FieldGiven, FieldFamily}},
	{"family+birth_year", func(p *Prepared) uint64 {
		if p.family.stem == 0 || p.bprec == 0 {
			return 0
		}
		return mix(2, uint64(p.family.stem)<<16|uint64(uint16(p.by)))
	}, []int{FieldFamily, FieldBirthDate}},
	{"given+birth_date", func(p *Prepared) uint64 {
		d := fullDate(p)
		if p.given.stem == 0 || d == 0 {
			return 0
		}
		return mix(3, uint64(p.given.stem)<<32|d)
	}, []int{FieldGiven, FieldBirthDate}},
	{"given+family_initial+birth_day_month", func(p *Prepared) uint64 {
		// survives a mistyped year together with a mistyped surname (past
		// its first letter), which no pass keyed on the year or the surname
		// does; the initial keeps the blocks of a common given name small
		if p.given.stem == 0 || p.bprec != 3 || p.family.s == "" {
			return 0
		}
		return mix(14, uint64(p.given.stem)<<32|uint64(initialOf(p.family.s[0]))<<16|uint64(p.bm)<<8|uint64(p.bd))
	}, []int{FieldGiven, FieldBirthDate}},
	{"birth_date+family_initials", func(p *Prepared) uint64 {
		d := fullDate(p)
		if d == 0 || p.family.s == "" {
			return 0
		}
		return mix(4, d<<16|prefix(p.family.s, 2))
	}, []int{FieldBirthDate, FieldFamily}},
	{"birth_date+given_initials", func(p *Prepared) uint64 {
		d := fullDate(p)
		if d == 0 || p.given.s == "" {
			return 0
		}
		return mix(5, d<<16|prefix(p.given.s, 2))
	}, []int{FieldBirthDate, FieldGiven}},
	{"birth_date+initials", func(p *Prepared) uint64 {
		d := fullDate(p)
		if d == 0 || p.initials == 0 {
			return 0
		}
		return mix(9, d<<16|uint64(p.initials))
	}, []int{FieldBirthDate}},
	{"family+patronymic", func(p *Prepared) uint64 {
		if p.family.stem == 0 || p.patr.stem == 0 {
			return 0
		}
		return mix(6, uint64(p.family.stem)<<32|uint64(p.patr.stem))
	}, []int{FieldFamily, FieldPatronymic}},
	{"given+family_prefix", func(p *Prepared) uint64 {
		if p.given.stem == 0 || len(p.family.s) < 3 {
			return 0
		}
		return mix(7, uint64(p.given.stem)<<32|prefix(p.family.s, 3))
	}, []int{FieldGiven, FieldFamily}},
	{"phonetic_names", func(p *Prepared) uint64 {
		if p.given.phon == 0 || p.family.phon == 0 {
			return 0
		}
		a, b := p.given.phon, p.family.phon
		if a > b {
			a, b = b, a
		}
		return mix(10, uint64(a)<<32|uint64(b))
	}, []int{FieldGiven, FieldFamily}},
	{"family_loose+given_initial", func(p *Prepared) uint64 {
		// the loose key (names.LooseKey) rather than the phonetic one:
		// a German or Polish spelling with only an initial (M. Kusnezow,
		// S. Chybyktschuk) has no given name to block on
		if p.famLoose == 0 || p.given.s == "" {
			return 0
		}
		return mix(11, p.famLoose<<8|uint64(initialOf(p.given.s[0])))
	}, []int{FieldFamily}},
	{"given_form+family_phonetic", func(p *Prepared) uint64 {
		if p.family.phon == 0 || p.given.stem == 0 {
			return 0
		}
		return mix(12, uint64(p.given.stem)<<32|uint64(p.family.phon))
	}, []int{FieldGiven, FieldFamily}},
	{"family_phonetic+birth_year", func(p *Prepared) uint64 {
		if p.family.phon == 0 || p.bprec == 0 {
			return 0
		}
		return mix(13, uint64(p.family.phon)<<16|uint64(uint16(p.by)))
	}, []int{FieldFamily, FieldBirthDate}},
	{"given_form+family_loose", func(p *Prepared) uint64 {
		// survives the national habits that put one Cyrillic letter on
		// different skeleton letters (German Chomjakow, Kusnezow; Polish
		// Cwietkow) and so break the phonetic key (names.LooseKey)
		if p.famLoose == 0 || p.given.stem == 0 {
			return 0
		}
		return mix(15, mix(uint64(p.given.stem), p.famLoose))
	}, []int{FieldGiven, FieldFamily}},
	{"given_form+family_loose_j", func(p *Prepared) uint64 {
		// French j for ж (Joukov, Ryjkov), which every other key reads as й
		if p.famLooseJ == 0 || p.given.stem == 0 {
			return 0
		}
		return mix(16, mix(uint64(p.given.stem), p.famLooseJ))
	}, []int{FieldGiven, FieldFamily}},
	{"service_number", func(p *Prepared) uint64 {
		if p.svc.id == 0 {
			return 0
		}
		return mix(8, uint64(p.svc.id))
	}, []int{FieldServiceNumber}},
}

// Blocker generates candidate pairs: the union of its passes, each pair once.
type Blocker struct {
	Passes []Pass
	// MaxBlock is the largest block compared in full. A larger block (a common
	// surname and year) is sorted by name and birth date and each record is
	// compared with its Window neighbours only.
	MaxBlock int
	Window   int
	// Across, when set, compares only records of different groups (linking
	// two lists rather than deduplicating one).
	Across bool
}

// NewBlocker returns a Blocker with the default passes and limits.
func NewBlocker() *Blocker {
	return &Blocker{Passes: DefaultPasses, MaxBlock: 100, Window: 10}
}

// Pair is two records by their index in the batch, A < B.
type Pair struct{ A, B int32 }

// PassStats counts one pass's work.
type PassStats struct {
	Name        string `json:"name"`
	Blocks      int    `json:"blocks"`
	Oversize    int    `json:"oversize"`    // blocks compared by window
	Comparisons int64  `json:"comparisons"` // new pairs, not found by an earlier pass
}

// Keys returns a record's key in each pass (0 where it takes no part), for an
// index that looks candidates up record by record.
func (b *Blocker) Keys(p *Prepared) []uint64 {
	k := make([]uint64, len(b.Passes))
	for i, ps := range b.Passes {
		k[i] = ps.Key(p)
	}
	return k
}

// sortOrder orders a large block so that likely matches are neighbours:
// by family skeleton, given skeleton, then birth date.
func sortOrder(a, b *Prepared) int {
	if c := cmpStr(a.family.s, b.family.s); c != 0 {
		return c
	}
	if c := cmpStr(a.given.s, b.given.s); c != 0 {
		return c
	}
	return int(fullDate(a)) - int(fullDate(b))
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
