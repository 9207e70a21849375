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
	if a.givenNm == nil || b.givenNm == nil {
		return lv
	}
	if x, ok := namesLevel(names.CompareGiven(a.givenNm, b.givenNm)); ok && x < lv {
		return x
	}
	return lv
}

// familyFallback is givenFallback for the family names.
func familyFallback(a, b *Prepared, lv uint8) uint8 {
	if a.familyNm == nil || b.familyNm == nil {
		return lv
	}
	if x, ok := namesLevel(names.CompareFamily(a.familyNm, b.familyNm)); ok && x < lv {
		return x
	}
	return lv
}

// shareNames sets out's given and family names as package names prepared
// them, one copy per distinct spelling: a million records write a few
// hundred thousand family names and some ten thousand given names, and a
// prepared name is half a kilobyte. CompareGiven reads only the given-name
// part of a names.Name and CompareFamily only the family part, so a record
// may use another record's Name for a part both wrote alike (the written
// form and its skeleton, which a Baltic ending elsewhere in the name
// changes, together with the initial's flag). Called under the lock.
func (p *Preparer) shareNames(out *Prepared, n *names.Name) {
	out.givenNm, out.familyNm = nil, nil
	if n == nil {
		return
	}
	var own *names.Name // one copy of n for both parts, made on first need
	share := func(m map[string]*names.Name, key string) *names.Name {
		if x, ok := m[key]; ok {
			return x
		}
		if own == nil {
			c := *n
			own = &c
		}
		m[key] = own
		return own
	}
	if n.Given != "" {
		init := "\x00"
		if n.GivenInitial {
			init = "\x01"
		}
		out.givenNm = share(p.givenNm, n.Given+init+n.GivenSkel)
	}
	if n.Family != "" {
		out.familyNm = share(p.familyNm, n.Family+"\x00"+n.FamilySkel+"\x00"+n.FamilyBase)
	}
}
