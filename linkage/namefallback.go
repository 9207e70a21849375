package linkage

import (
	"sync"
	"sync/atomic"

	"github.com/lastseen/lastseen/names"
)

// The linkage's own name levels (compareName) are cheap: integer ids and one
// Jaro–Winkler on the skeletons. Package names knows more (the typo rules
// across scripts, the other readings of an ambiguous spelling, the Baltic
// and Italian spellings, pet forms behind an initial, Polish own forms), at a
// cost per pair the linkage cannot pay on every comparison. So where the
// cheap levels call one of the given and family names "similar",
// "different" or "conflict" and the other not — a minority of the pairs —
// the names package has the last word, and its verdict is mapped onto the same levels: the same name in
// another spelling is "translit", another form of it "form", a typo "close",
// an initial that stands for one of its forms "initial". It only ever
// raises a level.

// namesLevel maps a names.Level onto the linkage's name levels; ok is false
// for "different" and "missing", which leave the cheap level as it was.
func namesLevel(l names.Level) (uint8, bool) {
	switch l {
	case names.LevelExact, names.LevelTranslit:
		return NameTranslit, true
	case names.LevelForm:
		return NameForm, true
	case names.LevelClose:
		return NameClose, true
	case names.LevelInitial:
		return NameInitial, true
	}
	return 0, false
}

// weakName says a cheap level is one the names package may raise.
func weakName(lv uint8) bool {
	return lv == NameSimilar || lv == NameDifferent || lv == NameConflict
}

// givenFallback is the given-name level of a and b after package names'
// rules, where the cheap level lv is weak.
func givenFallback(a, b *Prepared, lv uint8) uint8 {
	return fallback(a.givenNm, b.givenNm, a.givenID, b.givenID, &givenVerdicts, names.CompareGiven, lv)
}

// familyFallback is givenFallback for the family names.
func familyFallback(a, b *Prepared, lv uint8) uint8 {
	return fallback(a.familyNm, b.familyNm, a.familyID, b.familyID, &familyVerdicts, names.CompareFamily, lv)
}

// fallback asks compare about the shared names x and y (ids ix, iy) once per
// pair of spellings, remembered in cache, and raises lv to its verdict.
func fallback(x, y *names.Name, ix, iy uint32, cache *verdictCache, compare func(a, b *names.Name) names.Level, lv uint8) uint8 {
	if x == nil || y == nil {
		return lv
	}
	l, ok := cache.get(ix, iy)
	if !ok {
		l = compare(x, y)
		cache.put(ix, iy, l)
	}
	if v, ok := namesLevel(l); ok && v < lv {
		return v
	}
	return lv
}

// A verdictCache remembers package names' verdicts on pairs of spellings
// (by their ids, see shareNames): a list compares the same two given names,
// and often the same two family names, many times over, and a verdict costs
// as much as the rest of the comparison. It is a fixed table of slots, each
// one atomic word: a hash of the pair's ids above, the level plus one in
// the low byte; a slot taken by another pair is a miss, and overwritten. A
// hit gives what the names package would, so the outcome does not depend
// on which worker came first.
type verdictCache struct {
	slots [1 << 16]atomic.Uint64
}

var givenVerdicts, familyVerdicts verdictCache

func verdictKey(x, y uint32) uint64 { return mix(uint64(x)<<32|uint64(y), 0x5bd1e995) }

func (c *verdictCache) get(x, y uint32) (names.Level, bool) {
	h := verdictKey(x, y)
	v := c.slots[h&(uint64(len(c.slots))-1)].Load()
	if v == 0 || v&^0xff != h&^0xff {
		return 0, false
	}
	return names.Level(v&0xff) - 1, true
}

func (c *verdictCache) put(x, y uint32, l names.Level) {
	h := verdictKey(x, y)
	c.slots[h&(uint64(len(c.slots))-1)].Store(h&^0xff | uint64(l+1)&0xff)
}

// nameIDs numbers the shared names, so that an id is one spelling in the
// whole process and the verdict caches may be global.
var nameIDs atomic.Uint32

// sharedName is a names.Name shared by the records that write a part alike.
type sharedName struct {
	nm *names.Name
	id uint32
}

// givenKey and familyKey are the spellings a shared name stands for: the
// written form and its skeleton (which a Baltic ending elsewhere in the name
// changes), with the initial's flag or the gender-folded base.
type givenKey struct {
	given, skel string
	initial     bool
}

type familyKey struct {
	family, skel, base string
}

// sharedGiven and sharedFamily hold one names.Name per spelling for the
// whole process (every Preparer, every batch): names are immutable, and a
// million records write a few hundred thousand family names and some ten
// thousand given names, where a prepared name is half a kilobyte. Typed
// maps under a read-write lock: a sync.Map's boxed keys cost more than
// the two workers' contention.
var (
	shareMu      sync.RWMutex
	sharedGiven  = map[givenKey]sharedName{}
	sharedFamily = map[familyKey]sharedName{}
)

// share returns the shared name of key in m, storing n (copied once into
// *own) when the key is new.
func share[K comparable](m map[K]sharedName, key K, n *names.Name, own **names.Name) sharedName {
	shareMu.RLock()
	x, ok := m[key]
	shareMu.RUnlock()
	if ok {
		return x
	}
	if *own == nil {
		c := *n
		*own = &c
	}
	shareMu.Lock()
	defer shareMu.Unlock()
	if x, ok := m[key]; ok {
		return x
	}
	x = sharedName{*own, nameIDs.Add(1)}
	m[key] = x
	return x
}

// shareNames sets out's given and family names as package names prepared
// them, one copy per distinct spelling. CompareGiven reads only the
// given-name part of a names.Name and CompareFamily only the family part,
// so a record may use another record's Name for a part both wrote alike.
// It is safe for concurrent use; which record's Name is kept for a
// spelling does not change a verdict.
func shareNames(out *Prepared, n *names.Name) {
	var own *names.Name // one copy of n for both parts, made on first need
	if n.Given != "" {
		x := share(sharedGiven, givenKey{n.Given, n.GivenSkel, n.GivenInitial}, n, &own)
		out.givenNm, out.givenID = x.nm, x.id
	}
	if n.Family == "" {
		return
	}
	x := share(sharedFamily, familyKey{n.Family, n.FamilySkel, n.FamilyBase}, n, &own)
	out.familyNm, out.familyID = x.nm, x.id
}
