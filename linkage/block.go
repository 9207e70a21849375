package linkage

import (
	"slices"
	"sync"
)

// Pass is one blocking pass: records that share its key are compared. A key
// of 0 means the record takes no part in the pass.
type Pass struct {
	Name string
	Key  func(*Prepared) uint64
	// Fields are the fields the key is made of. Pairs found by the pass agree
	// on them by construction, so EM does not learn their m from this pass.
	Fields []int
	// Keys, when set, puts a record in several blocks of the pass: it
	// appends the record's keys to dst (none: the record takes no part), and
	// Key is unused. Two records are compared when they share any key, once.
	// It serves the keys a single one cannot be: every reading of a pet
	// name that stands for several names, every one-letter deletion of a
	// name (a typo meets its original).
	Keys func(p *Prepared, dst []uint64) []uint64
	// Unless, when set, leaves out the pairs of the pass it reports: a
	// pass whose blocks are wide for the sake of a few pairs (a typo
	// meeting its original) compares only pairs nothing else rules out.
	Unless func(a, b *Prepared) bool
	// Distinct, when set, leaves out the pairs of records with one value of
	// it, and the blocks whose records all have one: a pass for the pairs
	// that differ on a field (a typo in it) need not go through the blocks
	// of a common value, which other passes compare.
	Distinct func(p *Prepared) uint64
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
	{Name: "given+family", Key: func(p *Prepared) uint64 {
		if p.nameKey == 0 {
			return 0
		}
		return mix(1, p.nameKey)
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "family+birth_year", Key: func(p *Prepared) uint64 {
		if p.family.stem == 0 || p.bprec == 0 {
			return 0
		}
		return mix(2, uint64(p.family.stem)<<16|uint64(uint16(p.by)))
	}, Fields: []int{FieldFamily, FieldBirthDate}},
	{Name: "given+birth_date", Key: func(p *Prepared) uint64 {
		d := fullDate(p)
		if p.given.stem == 0 || d == 0 {
			return 0
		}
		return mix(3, uint64(p.given.stem)<<32|d)
	}, Fields: []int{FieldGiven, FieldBirthDate}},
	{Name: "given+family_initial+birth_day_month", Key: func(p *Prepared) uint64 {
		// survives a mistyped year together with a mistyped surname (past
		// its first letter), which no pass keyed on the year or the surname
		// does; the initial keeps the blocks of a common given name small
		if p.given.stem == 0 || p.bprec != 3 || p.family.s == "" {
			return 0
		}
		return mix(14, uint64(p.given.stem)<<32|uint64(initialOf(p.family.s[0]))<<16|uint64(p.bm)<<8|uint64(p.bd))
	}, Fields: []int{FieldGiven, FieldBirthDate}},
	{Name: "birth_date+family_initials", Key: func(p *Prepared) uint64 {
		d := fullDate(p)
		if d == 0 || p.family.s == "" {
			return 0
		}
		return mix(4, d<<16|prefix(p.family.s, 2))
	}, Fields: []int{FieldBirthDate, FieldFamily}},
	{Name: "birth_date+given_initials", Key: func(p *Prepared) uint64 {
		d := fullDate(p)
		if d == 0 || p.given.s == "" {
			return 0
		}
		return mix(5, d<<16|prefix(p.given.s, 2))
	}, Fields: []int{FieldBirthDate, FieldGiven}},
	{Name: "birth_date+initials", Key: func(p *Prepared) uint64 {
		d := fullDate(p)
		if d == 0 || p.initials == 0 {
			return 0
		}
		return mix(9, d<<16|uint64(p.initials))
	}, Fields: []int{FieldBirthDate}},
	{Name: "family+patronymic", Key: func(p *Prepared) uint64 {
		if p.family.stem == 0 || p.patr.stem == 0 {
			return 0
		}
		return mix(6, uint64(p.family.stem)<<32|uint64(p.patr.stem))
	}, Fields: []int{FieldFamily, FieldPatronymic}},
	{Name: "given+family_prefix", Key: func(p *Prepared) uint64 {
		if p.given.stem == 0 || len(p.family.s) < 3 {
			return 0
		}
		return mix(7, uint64(p.given.stem)<<32|prefix(p.family.s, 3))
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "phonetic_names", Key: func(p *Prepared) uint64 {
		if p.given.phon == 0 || p.family.phon == 0 {
			return 0
		}
		a, b := p.given.phon, p.family.phon
		if a > b {
			a, b = b, a
		}
		return mix(10, uint64(a)<<32|uint64(b))
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "family_loose+given_initial", Key: func(p *Prepared) uint64 {
		// the loose key (names.LooseKey) rather than the phonetic one:
		// a German or Polish spelling with only an initial (M. Kusnezow,
		// S. Chybyktschuk) has no given name to block on
		if p.famLoose == 0 || p.given.s == "" {
			return 0
		}
		return mix(11, p.famLoose<<8|uint64(initialOf(p.given.s[0])))
	}, Fields: []int{FieldFamily}},
	{Name: "given_form+family_phonetic", Key: func(p *Prepared) uint64 {
		if p.family.phon == 0 || p.given.stem == 0 {
			return 0
		}
		return mix(12, uint64(p.given.stem)<<32|uint64(p.family.phon))
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "family_phonetic+birth_year", Key: func(p *Prepared) uint64 {
		if p.family.phon == 0 || p.bprec == 0 {
			return 0
		}
		return mix(13, uint64(p.family.phon)<<16|uint64(uint16(p.by)))
	}, Fields: []int{FieldFamily, FieldBirthDate}},
	{Name: "given_form+family_loose", Key: func(p *Prepared) uint64 {
		// survives the national habits that put one Cyrillic letter on
		// different skeleton letters (German Chomjakow, Kusnezow; Polish
		// Cwietkow) and so break the phonetic key (names.LooseKey)
		if p.famLoose == 0 || p.given.stem == 0 {
			return 0
		}
		return mix(15, mix(uint64(p.given.stem), p.famLoose))
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "given_form+family_loose_j", Key: func(p *Prepared) uint64 {
		// French j for ж (Joukov, Ryjkov), which every other key reads as й
		if p.famLooseJ == 0 || p.given.stem == 0 {
			return 0
		}
		return mix(16, mix(uint64(p.given.stem), p.famLooseJ))
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "given_reading+family_loose", Keys: func(p *Prepared, dst []uint64) []uint64 {
		// a pet form that stands for several names (Слава: Владислав,
		// Вячеслав, Станислав…) meets the other ones here: the passes
		// above key it on its first reading only
		if p.famLoose == 0 || len(p.givenIDs) == 0 {
			return dst
		}
		for _, id := range p.givenIDs[1:] {
			dst = append(dst, mix(17, mix(strHash(id), p.famLoose)))
		}
		if p.givenOther {
			dst = append(dst, mix(17, mix(strHash(p.givenIDs[0]), p.famLoose)))
		}
		return dst
	}, Fields: []int{FieldGiven, FieldFamily}},
	{Name: "given_form+family_loose_typo", Keys: func(p *Prepared, dst []uint64) []uint64 {
		// a typo in a consonant of the family name (Klhmenko, Мионов,
		// Шилрв) breaks every key of the name; its gender-folded skeleton
		// (familyBase, not the loose key the pass's name speaks of) with
		// each of its letters left out meets the typo's
		base := p.familyBase()
		if len(base) < minDeletion || p.given.stem == 0 {
			return dst
		}
		g := uint64(p.given.stem)
		return appendDeletions(dst, base, func(k uint64) uint64 { return mix(18, mix(g, k)) })
	}, Fields: []int{FieldGiven}, Unless: datesDisagree, Distinct: func(p *Prepared) uint64 {
		// one family name: the passes above compare it (a common name's
		// blocks here are as large as there, and so are its deletions')
		return uint64(p.family.stem)
	}},
	{Name: "service_number", Key: func(p *Prepared) uint64 {
		if p.svc.id == 0 {
			return 0
		}
		return mix(8, uint64(p.svc.id))
	}, Fields: []int{FieldServiceNumber}},
}

// datesDisagree reports two birth dates that say two people: full dates no
// common error explains, or years more than five apart.
func datesDisagree(a, b *Prepared) bool {
	switch compareDate(a, b) {
	case DateMismatch, DateFar:
		return true
	}
	return false
}

// strHash is FNV-1a of s.
func strHash(s string) uint64 { return fnvAdd(fnvOffset, s) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvAdd continues the FNV-1a hash h with the bytes of s.
func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// appendDeletions appends key(h) for the hash h of s and of each string
// that is s with one of its bytes left out: two strings one edit apart (a
// letter mistyped, left out, added or two swapped) share one of these.
func appendDeletions(dst []uint64, s string, key func(uint64) uint64) []uint64 {
	dst = append(dst, key(strHash(s)))
	pre := uint64(fnvOffset) // the hash of s[:i]
	for i := 0; i < len(s); i++ {
		// s[i] equal to s[i-1]: the same string as leaving out s[i-1]
		if i == 0 || s[i] != s[i-1] {
			dst = append(dst, key(fnvAdd(pre, s[i+1:])))
		}
		pre = fnvAdd(pre, s[i:i+1])
	}
	return dst
}

// minDeletion is the shortest family skeleton the typo pass keys by its
// deletions: in a shorter one a letter left out leaves too common a key.
const minDeletion = 4

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

// AllKeys appends a record's keys in pass i to dst: one or none for a pass
// of one key a record, any number for a pass of several (Pass.Keys).
func (b *Blocker) AllKeys(dst []uint64, i int, p *Prepared) []uint64 {
	ps := &b.Passes[i]
	if ps.Keys != nil {
		return ps.Keys(p, dst)
	}
	if k := ps.Key(p); k != 0 {
		dst = append(dst, k)
	}
	return dst
}

// shareKey reports whether x and y share a key in pass i.
func (b *Blocker) shareKey(i int, x, y *Prepared) bool {
	ps := &b.Passes[i]
	if ps.Keys == nil {
		kx := ps.Key(x)
		return kx != 0 && kx == ps.Key(y)
	}
	// buffers from a pool: a buffer passed to a function value escapes,
	// and training asks this of every sampled pair
	bx, by := keyBufs.Get().(*[]uint64), keyBufs.Get().(*[]uint64)
	defer keyBufs.Put(bx)
	defer keyBufs.Put(by)
	*bx, *by = ps.Keys(x, (*bx)[:0]), ps.Keys(y, (*by)[:0])
	for _, a := range *bx {
		if a != 0 && slices.Contains(*by, a) {
			return true
		}
	}
	return false
}

var keyBufs = sync.Pool{New: func() any { b := make([]uint64, 0, 32); return &b }}

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
