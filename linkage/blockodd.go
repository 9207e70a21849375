package linkage

// oddNamePass blocks on the full birth date alone, for the pairs in which
// one record's name is written so oddly that no name key of the other
// passes survives it: a record with only a family name or only a given
// name ("Kozakas", "Григорев"), a given name cut to an initial in another
// script (Ж. Жук / J. Žuk, А. Зубков / Szura Zubkow), a name the parser was
// unsure of (glued or reordered: ДмитрийОстапчук, LJASCNKO<<ANDREJ). A
// birth date is as rare as a family name; the names then decide. Two
// records whose names both parse cleanly into full given and family names
// are left to the name passes (Pass.Unless), so that the pass adds few
// comparisons where lists are clean.
var oddNamePass = Pass{Name: "birth_date+odd_name", Key: func(p *Prepared) uint64 {
	if d := fullDate(p); d != 0 {
		return mix(19, d)
	}
	return 0
}, Fields: []int{FieldBirthDate}, Unless: func(a, b *Prepared) bool {
	return !oddName(a) && !oddName(b)
}}

// oddName reports a record whose name the name keys may miss: no given or
// no family name, a given initial, or a parse of low confidence.
func oddName(p *Prepared) bool {
	return p.given.full == 0 || p.family.full == 0 || p.given.initial || p.unsure
}
