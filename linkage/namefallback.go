package linkage

import "github.com/lastseen/lastseen/names"

// The linkage's own name levels (compareName) are cheap: integer ids and one
// Jaro–Winkler on the skeletons. Package names knows more (the typo rules
// across scripts, the other readings of an ambiguous spelling, the Baltic
// and Italian spellings, pet forms behind an initial, Polish own forms), at a
// cost per pair the linkage cannot pay on every comparison. So where the
// cheap levels call a given or family name "similar", "different" or
// "conflict" — a small share of the pairs — the names package has the last
// word, and its verdict is mapped onto the same levels: the same name in
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
	if a.nm == nil || b.nm == nil {
		return lv
	}
	if x, ok := namesLevel(names.CompareGiven(a.nm, b.nm)); ok && x < lv {
		return x
	}
	return lv
}

// familyFallback is givenFallback for the family names.
func familyFallback(a, b *Prepared, lv uint8) uint8 {
	if a.nm == nil || b.nm == nil {
		return lv
	}
	if x, ok := namesLevel(names.CompareFamily(a.nm, b.nm)); ok && x < lv {
		return x
	}
	return lv
}
