package linkage

import (
	"slices"

	"github.com/lastseen/lastseen/names"
)

// compareGiven is compareName on the given names, with what their readings
// say beyond the two a prepared name keeps (name.forms): a pet form that
// stands for several names is a form of each of them (Слава and Ярослав,
// its fifth reading), not a conflict; and a given name the table does not
// know that is a typo of a form or pet form of the other's name (Фдя and
// Фёдор through Федя, Tioam and Артём through Тёма) is close, where the
// letters alone call the two different.
func compareGiven(a, b *Prepared) uint8 {
	lv := compareName(&a.given, &b.given)
	switch lv {
	case NameConflict:
		if len(a.givenIDs) > len(a.given.forms) || len(b.givenIDs) > len(b.given.forms) {
			for _, id := range a.givenIDs {
				if slices.Contains(b.givenIDs, id) {
					return NameForm
				}
			}
		}
	case NameDifferent, NameSimilar:
		if a.given.initial || b.given.initial {
			break
		}
		if !a.given.known && b.given.known && names.TypoOfReading(a.given.s, b.givenIDs) ||
			!b.given.known && a.given.known && names.TypoOfReading(b.given.s, a.givenIDs) {
			return NameClose
		}
	}
	return lv
}

// familyTypo reports a typo between two family names that the skeletons
// hide: on the light skeletons (a typo next to a folded sequence: Фліонець /
// Filonets, Крвиошенко / Kryvoshenko) or on another reading of an ambiguous
// Latin spelling (German ch: Mhoov / Мохов through Mochow, Glychow / Глухов).
func familyTypo(a, b *Prepared) bool {
	if (a.famLight != "" || b.famLight != "") && typoOf(a.familyLight(), b.familyLight()) {
		return true
	}
	for _, x := range a.famAltS {
		if typoOf(x, b.familyBase()) {
			return true
		}
	}
	for _, y := range b.famAltS {
		if typoOf(a.familyBase(), y) {
			return true
		}
	}
	return false
}

// familyBase is the family skeleton gender-folded (names.Name.FamilyBase).
func (p *Prepared) familyBase() string {
	if p.famBase != "" {
		return p.famBase
	}
	return p.family.s
}

// familyLight is the family name's light skeleton (names.Name.FamilyLight).
func (p *Prepared) familyLight() string {
	if p.famLight != "" {
		return p.famLight
	}
	return p.family.s
}
