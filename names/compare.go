package names

import (
	"strings"
	"unicode/utf8"
)

// Name is a name prepared once per record for fast comparison: every key the
// comparisons need is computed here, so that CompareGiven, CompareFamily,
// ComparePatronymic and Score allocate nothing.
type Name struct {
	Given, Patronymic, Family string // stored forms (Normalize)
	GivenInitial              bool   // Given is only an initial
	PatronymicInitial         bool
	Script                    Script
	Sex                       Sex     // from given name, patronymic or family ending; SexUnknown when silent or in conflict
	Confidence                float64 // of the parse, 1 when the parts were given separately

	// Skeletons (see Skeleton); FamilyBase has its gender ending folded.
	GivenSkel, PatronymicSkel, FamilySkel, FamilyBase string
	// Phonetic keys (see PhoneticKey) of the given name and of FamilyBase.
	GivenKey, FamilyKey string
	// GivenIDs are the canonical ids the given name may stand for; FatherIDs
	// the ids of the father's name the patronymic encodes. Shared with the
	// table: do not modify.
	GivenIDs, FatherIDs []string

	givenFold, patFold, famFold string
	givenInit, patInit          uint32 // possible initials, a bit per letter
	// other readings of ambiguous spellings (see skelAlternatives)
	givenAlt, famAlt, famAltBase [maxAlts]string
	// light skeletons (see appendLightSkeleton), for typo checks
	givenLight, famLight string
	famLoose             uint64 // loose key of FamilyBase, packed (see FamilyLoose)
	famLooseJ            uint64 // see FamilyLooseJ
	famRuUk              uint64 // hash of FamilyBase with the ru–uk vowel differences folded (see FamilyRuUk)
	// givenPetIDs: the entries the given name is also a pet form of, when it
	// is another entry's full form (see petIDsBySkel); shared with the table
	givenPetIDs []string
	// famGivenIDs: the given-name ids a family name of the form name + -ов,
	// -ев, -ин is built on (Ефимов, Юхимов: Ефим/Юхим), and famGivenSuf its
	// suffix; shared with the table
	famGivenIDs []string
	famGivenSuf byte
	// sexFam: Sex comes from the family name's ending alone, which can
	// mislead (Щербина, Калина are men's names too)
	sexFam bool
	// order: the order of a parsed full name (see Parsed.Order), so that a
	// second reading (respell.go) can write the name as it was written
	order Order
}

// FamilyRuUk returns a hash of the gender-folded family name with the
// vowels that differ between its Russian and Ukrainian forms folded
// (Белоус / Білоус, Ковалев / Ковалів), the test CompareFamily uses for the
// form level, so that a caller that keeps only integers can apply it: two
// names with equal non-zero values are one name in its two languages' forms.
// It is 0 for names shorter than four letters, which the test leaves alone.
// The top bit (RuUkUkrainian) says the name is written with a letter only
// Ukrainian has (і ї є ґ): the fold speaks for a ru–uk form only between a
// Ukrainian spelling and another one (Білоус and Белоус or Belous); between
// two spellings of one language it would merge typos (Бобер, Бобир).
func (n *Name) FamilyRuUk() uint64 { return n.famRuUk }

// RuUkUkrainian is the top bit of FamilyRuUk: the name is written with a
// letter only Ukrainian has.
const RuUkUkrainian = 1 << 63

// hashKey is FNV-1a of a key, never 0 in its low 63 bits.
func hashKey(k []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range k {
		h = (h ^ uint64(c)) * 1099511628211
	}
	if h&^RuUkUkrainian == 0 {
		h = 1
	}
	return h
}

// FamilyLoose returns the loose key (see LooseKey) of the gender-folded
// family name packed into an integer, for blocking: equal keys are equal
// integers, and 0 means no family name.
func (n *Name) FamilyLoose() uint64 { return n.famLoose }

// FamilyLooseJ is a second loose key, for blocking the French spelling of ж
// (Joukov, Ryjkov, Kojoumenko: Жуков, Рыжков, Кожуменко) with the other
// spellings of the name. The skeleton reads a Latin j as й, the way German,
// Polish and Czech write it (Jakowlew), so the French spelling has no loose
// key in common with the Cyrillic one. For a Latin family name with a j it is
// the loose key of the French reading; for a name with ж (Cyrillic, or a
// Latin zh, ž, ż) it is its loose key; otherwise 0 (the name needs no such
// key, and leaving it out keeps the key's blocks small).
func (n *Name) FamilyLooseJ() uint64 { return n.famLooseJ }

// packKey packs a key of at most eight bytes into an integer.
func packKey(k []byte) uint64 {
	var x uint64
	for _, c := range k {
		x = x<<8 | uint64(c)
	}
	return x
}

// Prepare builds the compare-ready form of a name. Pass the parts when the
// source has them; when given and family are both empty, full is parsed (a
// patronymic passed separately is kept when full has none), and so is a
// whole name in the given or the family field alone (a list with one name
// column).
// A patronymic left inside the given field ("Олександр Миколайович") is split off.
func Prepare(given, patronymic, family, full string) Name {
	var n Name
	n.Confidence = 1
	var pre [3]string // skeletons already computed by the parse: given, patronymic, family
	var toks [maxTokens]token
	var p Parsed
	var roles string
	nt, parsed := 0, false
	switch {
	case given == "" && family == "" && full != "":
		roles, nt = parseInto(full, &toks, &p)
		parsed = true
	case full == "" && patronymic == "" && (given == "") != (family == "") &&
		strings.IndexByte(strings.TrimSpace(given+family), ' ') >= 0:
		// a list with one name column, mapped to the family (or given)
		// field: "Kushnir Timofei Olegovich" is read as a full name when
		// its parse finds a whole name in it, else as the field it is in
		roles, nt = parseInto(given+family, &toks, &p)
		parsed = wholeName(&p)
	}
	if parsed {
		explicitPat := Normalize(patronymic)
		given, patronymic, family = p.Given, p.Patronymic, p.Family
		if explicitPat != "" && patronymic == "" {
			patronymic = explicitPat
		}
		n.GivenInitial, n.PatronymicInitial = p.GivenInitial, p.PatronymicInitial
		n.Confidence = p.Confidence
		n.order = p.Order
		// reuse the tokens' skeletons for one-token parts
		var count [3]int
		for i := 0; i < nt; i++ {
			k := strings.IndexByte("GPF", roles[i])
			count[k]++
			pre[k] = toks[i].sk
		}
		for k := range count {
			if count[k] != 1 {
				pre[k] = ""
			}
		}
	} else {
		given, patronymic, family = innerIAsL(Normalize(given)), innerIAsL(Normalize(patronymic)), innerIAsL(Normalize(family))
		if patronymic == "" {
			if i := strings.IndexByte(given, ' '); i > 0 {
				if _, _, ok := Patronymic(given[i+1:]); ok {
					given, patronymic = given[:i], given[i+1:]
				}
			}
		}
		given, n.GivenInitial = trimInitial(given)
		patronymic, n.PatronymicInitial = trimInitial(patronymic)
		// sources put the parts in the wrong fields (given_name "Titow",
		// family_name "Aleksander"): a family field that holds a known given name
		// while the given field does not is read the other way round, and when
		// both hold one the reading is unsure, so ScoreBest tries both
		if f, ok := trimInitial(family); ok && !n.GivenInitial && given != "" {
			// the family field holds an initial: the family name is in the given field
			given, family, n.GivenInitial = f, given, true
			n.Confidence = 0.7
		}
		if !n.GivenInitial && given != "" && family != "" {
			gk, fk := len(lookupGiven(given)) > 0, len(lookupGiven(family)) > 0
			var b1, b2 [64]byte
			switch {
			case fk && !gk:
				given, family = family, given
				n.Confidence = 0.7
			case fk && gk:
				n.Confidence = 0.75
			case !fk && !gk && familyLike(appendSkeleton(b1[:0], given)) == 1 && familyLike(appendSkeleton(b2[:0], family)) == 0:
				// BONDARENKO in the given field, a misspelt OLESANDR in the family field
				given, family = family, given
				n.Confidence = 0.7
			}
		}
	}
	n.Given, n.Patronymic, n.Family = given, patronymic, family
	n.Script = combineScripts(DetectScript(given), DetectScript(patronymic), DetectScript(family))
	// the keys are computed from the parts read without Baltic endings
	// (Kovalenka, Jurijus: see balticForms); the stored forms keep them
	given, patronymic, family = balticForms(given, patronymic, family)

	var buf [64]byte
	var fbuf [96]byte
	// the three folds in one allocation: each is a slice of folds
	fb := appendFold(fbuf[:0], given)
	gEnd := len(fb)
	fb = appendFold(fb, patronymic)
	pEnd := len(fb)
	folds := string(appendFold(fb, family))
	var sexG, sexP, sexF Sex
	if given != "" {
		sk := skel(buf[:0], given, pre[0])
		n.GivenSkel = skelString(sk, pre[0])
		n.givenFold = folds[:gEnd]
		n.givenLight = internIf(appendLightSkeleton(fbuf[:0], given), n.GivenSkel)
		if n.GivenInitial {
			n.givenInit = initialBitsAll(given, sk)
		} else {
			key := n.GivenSkel
			alts, na := altSkeletons(given)
			na = addItalianAlt(given, n.GivenSkel, &alts, na)
			n.givenAlt = alts
			if _, ok := givenIDsBySkel[key]; !ok {
				for i := 0; i < na; i++ {
					if _, ok := givenIDsBySkel[alts[i]]; ok {
						key = alts[i]
						break
					}
				}
			}
			if _, ok := givenIDsBySkel[key]; !ok {
				if k := diminutiveStem(sk); k != "" {
					key = k
				}
			}
			n.GivenIDs = givenIDsBySkel[key]
			n.givenPetIDs = petIDsBySkel[key]
			n.givenInit = initialBits(sk)
			for _, g := range givenBySkel[key] {
				n.givenInit |= g.initBits
			}
			var kb [8]byte
			n.GivenKey = string(phoneticKey(kb[:0], sk))
			sexG = givenSex(givenBySkel[key])
		}
	}
	if patronymic != "" {
		sk := skel(buf[:0], patronymic, pre[1])
		n.PatronymicSkel = skelString(sk, pre[1])
		n.patFold = folds[gEnd:pEnd]
		n.patInit = initialBitsAll(patronymic, sk)
		if !n.PatronymicInitial {
			if ids, ok := fatherIDsBySkel[n.PatronymicSkel]; ok {
				n.FatherIDs = ids
				sexP = fatherBySkel[n.PatronymicSkel][0].sex
			} else if fs, sex, ok := patronymicSkel(sk); ok {
				sexP = sex
				if len(fs) == 0 {
					// the other readings of the letters, then the Italian one
					alts, na := skelAlternatives(patronymic)
					var ab [64]byte
					for i := 0; i < na && len(fs) == 0; i++ {
						fs, _, _ = patronymicSkel(appendSkeletonV(ab[:0], patronymic, alts[i]))
					}
					if it, ok := italianForm(patronymic); ok && len(fs) == 0 {
						fs, _, _ = patronymicSkel(appendSkeleton(ab[:0], it))
					}
				}
				for _, f := range fs {
					n.FatherIDs = append(n.FatherIDs, f.ID)
				}
			}
		}
	}
	if family != "" {
		sk := skel(buf[:0], family, pre[2])
		n.FamilySkel = skelString(sk, pre[2])
		n.famFold = folds[pEnd:]
		n.famLight = internIf(appendLightSkeleton(fbuf[:0], family), n.FamilySkel)
		base, sex := familyBase(sk)
		sexF = sex
		if string(base) == n.FamilySkel {
			n.FamilyBase = n.FamilySkel
		} else {
			n.FamilyBase = string(base)
		}
		n.famGivenIDs, n.famGivenSuf = familyGivenIDs(base)
		var kb [8]byte
		n.FamilyKey = string(phoneticKey(kb[:0], base))
		n.famLoose = packKey(looseKey(kb[:0], base))
		uk, hasJ, hasZh := familyMarks(family)
		if len(n.FamilyBase) >= 4 {
			var rb [64]byte
			n.famRuUk = hashKey(ruUkNorm(rb[:0], n.FamilyBase)) &^ RuUkUkrainian
			if uk {
				n.famRuUk |= RuUkUkrainian
			}
		}
		switch {
		case hasJ:
			fr := appendSkeletonV(buf[:0], family, skelFR)
			b, _ := familyBase(fr)
			n.famLooseJ = packKey(looseKey(kb[:0], b))
		case hasZh:
			n.famLooseJ = n.famLoose
		}
		alts, na := altSkeletons(family)
		na = addItalianAlt(family, n.FamilySkel, &alts, na)
		for i := 0; i < na; i++ {
			n.famAlt[i] = alts[i]
			ab := append(buf[:0], alts[i]...)
			b, _ := familyBase(ab)
			n.famAltBase[i] = string(b)
			if n.famGivenSuf == 0 {
				// Juchymow read as German: Юхимов
				n.famGivenIDs, n.famGivenSuf = familyGivenIDs(b)
			}
		}
	}
	n.Sex = combineSex(sexP, sexG, sexF)
	n.sexFam = sexP == SexUnknown && sexG == SexUnknown && sexF != SexUnknown
	return n
}

// combineSex trusts the patronymic first (its suffix is unambiguous), then the
// given name, then the family ending.
func combineSex(list ...Sex) Sex {
	for _, s := range list {
		if s != SexUnknown {
			return s
		}
	}
	return SexUnknown
}

func givenSex(list []*GivenName) Sex {
	if len(list) == 0 {
		return SexUnknown
	}
	s := list[0].Sex
	for _, g := range list[1:] {
		if g.Sex != s {
			return SexUnknown
		}
	}
	return s
}

// trimInitial recognises "О.", "O", "Yu." as an initial and drops the dot.
func trimInitial(s string) (string, bool) {
	dotted := strings.HasSuffix(s, ".")
	w := strings.TrimRight(s, ".")
	if w != "" && !strings.ContainsAny(w, " .") && isInitialToken(w, dotted) {
		return w, true
	}
	return s, false
}

// initialBits is the set of initials a skeleton may be written with. The
// vowels e and i (Є/Е/Ye/Ю/Я/Y/J) are one class; S, C, Z count as s, c, z.
func initialBits(sk []byte) uint32 {
	if len(sk) == 0 {
		return 0
	}
	c := sk[0]
	switch c {
	case 'S', 'C', 'Z':
		c += 'a' - 'A'
	}
	if c < 'a' || c > 'z' {
		return 0
	}
	b := uint32(1) << (c - 'a')
	switch c {
	case 'e', 'i':
		b |= 1<<('e'-'a') | 1<<('i'-'a')
	case 'a', 'o':
		// Russian А, Ukrainian О: Александр, Олександр; Алексеевич, Олексійович
		b |= 1<<('a'-'a') | 1<<('o'-'a')
	}
	return b
}

// Level is how well one name part of two records agrees, from best to worst.
type Level int8

const (
	LevelMissing   Level = iota // one side has no value: no evidence either way
	LevelDifferent              // different names
	LevelClose                  // a typo or an unusual spelling away (see docs/NAMES.md)
	LevelInitial                // one side is an initial that agrees with the other
	LevelForm                   // same name in another form: ru/uk form, diminutive, gender form of a family name, same father
	LevelTranslit               // same skeleton: the same name in another script or scheme
	LevelExact                  // identical after Fold
)

// CloseThreshold is the Jaro–Winkler similarity of two patronymic skeletons,
// one of them unknown to the table, above which they count as LevelClose.
// Given and family names use edit distance as well (see docs/NAMES.md).
const CloseThreshold = 0.88

var levelNames = [...]string{"missing", "different", "close", "initial", "form", "translit", "exact"}

func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "?"
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// CompareGiven compares the given names of two prepared names.
func CompareGiven(a, b *Name) Level {
	lv, _ := compareGiven(a, b)
	return lv
}

func compareGiven(a, b *Name) (Level, float64) {
	if a.Given == "" || b.Given == "" {
		return LevelMissing, 0
	}
	if a.GivenInitial || b.GivenInitial {
		if a.givenInit&b.givenInit != 0 || a.givenFold == b.givenFold ||
			(a.GivenInitial && b.GivenInitial && expandInitials(a.givenInit)&b.givenInit != 0) {
			return LevelInitial, 0
		}
		return LevelDifferent, 0
	}
	if a.givenFold == b.givenFold {
		return LevelExact, 1
	}
	if a.GivenSkel == b.GivenSkel || altEqual(a.GivenSkel, &a.givenAlt, b.GivenSkel, &b.givenAlt) {
		return LevelTranslit, 1
	}
	if overlap(a.GivenIDs, b.GivenIDs) || petOf(a, b) || petOf(b, a) {
		return LevelForm, 1
	}
	jw := jaroWinklerStr(a.GivenSkel, b.GivenSkel)
	// two known names with no id in common are different names however alike
	// they look (Александр and Александра, Иван and Иона); an unknown one may
	// be a typo of the other
	if len(a.GivenIDs) == 0 || len(b.GivenIDs) == 0 {
		if womansFormOf(a, b) || womansFormOf(b, a) {
			return LevelDifferent, jw
		}
		if jw >= 0.92 || closeEdit(a.GivenSkel, b.GivenSkel) || closeEdit(a.givenLight, b.givenLight) ||
			foldTypo(a.givenFold, b.givenFold) || jw >= 0.75 && nearBound(a.GivenSkel, b.GivenSkel, 3) && crossTypo(a.givenFold, b.givenFold) || typoOfForm(a, b) || typoOfForm(b, a) {
			return LevelClose, jw
		}
	}
	return LevelDifferent, jw
}

// womansFormOf: a's given name, unknown to the table, is longer than b's, a
// man's name, and ends in a where his does not: Руслана, Павлина and Ярина
// are women's names built on Руслан, Павел and Ярослав, his sister's rather
// than his name with a slip.
func womansFormOf(a, b *Name) bool {
	if len(a.GivenIDs) > 0 || len(a.GivenSkel) <= len(b.GivenSkel) ||
		!strings.HasSuffix(a.GivenSkel, "a") || strings.HasSuffix(b.GivenSkel, "a") {
		return false
	}
	// where the table knows neither name, only the same letters and a:
	// Адриана is Адриан's sister (or a case of his name, which the case
	// readings weigh), but Марина is not Марк's
	if len(b.GivenIDs) == 0 {
		return a.GivenSkel == b.GivenSkel+"a"
	}
	for _, id := range b.GivenIDs {
		if g := givenByID[id]; g == nil || g.Sex != Male {
			return false
		}
	}
	return true
}

// petOf: a's given name is some entry's full form and is written as a pet
// form of one of b's names (Юля for Ульян or Юлиана, Радик for Радий). The
// written spelling must be the pet form's own, not only its skeleton: Алла
// and Аля share one, and Алла is not Алина's Аля.
func petOf(a, b *Name) bool {
	for _, id := range a.givenPetIDs {
		if !contains(b.GivenIDs, id) {
			continue
		}
		if g := givenByID[id]; g != nil && contains(g.lights, a.givenLight) {
			return true
		}
	}
	return false
}

// typoOfForm: a's given name, unknown to the table, is one or two edits from
// a full form of one of b's names (Сргей and Сергій through Сергей).
func typoOfForm(a, b *Name) bool {
	if len(a.GivenIDs) > 0 || len(b.GivenIDs) == 0 {
		return false
	}
	for _, id := range b.GivenIDs {
		g := givenByID[id]
		if g == nil {
			continue
		}
		for _, l := range g.lights {
			if closeEdit(a.givenLight, l) {
				return true
			}
			// two slips in a longer name still leave it recognisable (Yevhne)
			if n := min(len(a.givenLight), len(l)); n >= 6 && len(a.givenLight)-len(l) <= 2 && len(l)-len(a.givenLight) <= 2 &&
				osa(unsafeBytes(a.givenLight), unsafeBytes(l)) <= 2 {
				return true
			}
		}
	}
	return false
}

// CompareFamily compares family names, folding gender forms.
func CompareFamily(a, b *Name) Level {
	lv, _ := compareFamily(a, b)
	return lv
}

func compareFamily(a, b *Name) (Level, float64) {
	if a.Family == "" || b.Family == "" {
		return LevelMissing, 0
	}
	if a.famFold == b.famFold {
		return LevelExact, 1
	}
	if a.FamilySkel == b.FamilySkel || altEqual(a.FamilySkel, &a.famAlt, b.FamilySkel, &b.famAlt) {
		return LevelTranslit, 1
	}
	if a.FamilyBase == b.FamilyBase || altEqual(a.FamilyBase, &a.famAltBase, b.FamilyBase, &b.famAltBase) ||
		ruUkSame(a, b) ||
		(a.famGivenSuf != 0 && a.famGivenSuf == b.famGivenSuf && overlap(a.famGivenIDs, b.famGivenIDs)) ||
		ukAdjFeminine(a.FamilyBase, b.FamilyBase) || ukAdjFeminine(b.FamilyBase, a.FamilyBase) {
		return LevelForm, 1
	}
	// Jaro–Winkler rewards a shared beginning, and family names share
	// beginnings all the time (Коваленко, Ковальчук, Ковалёв): a family name
	// is close only when one or two edits away and of the same kind of ending.
	jw := jaroWinklerStr(a.FamilyBase, b.FamilyBase)
	// Иван and Иванов, Bogdan and Bogdanov: a family name built on the other
	// with -ов, -ев or -ин is another name, however few letters it adds
	if derivedOf(a.FamilyBase, b.FamilyBase) || derivedOf(b.FamilyBase, a.FamilyBase) {
		return LevelDifferent, jw
	}
	// bases and skeletons both: a typo in the ending defeats the gender fold
	if (closeEdit(a.FamilyBase, b.FamilyBase) && sameClass(a.FamilyBase, b.FamilyBase)) ||
		((a.FamilySkel != a.FamilyBase || b.FamilySkel != b.FamilyBase) &&
			closeEdit(a.FamilySkel, b.FamilySkel) && sameClass(a.FamilySkel, b.FamilySkel)) ||
		((a.famLight != a.FamilySkel || b.famLight != b.FamilySkel) &&
			closeEdit(a.famLight, b.famLight) && sameClass(a.famLight, b.famLight) && sameClass(a.FamilyBase, b.FamilyBase)) ||
		latinTypo(a, b) || ((foldTypo(a.famFold, b.famFold) || jw >= 0.75 && nearBound(a.FamilySkel, b.FamilySkel, 3) && crossTypo(a.famFold, b.famFold)) && sameClass(a.FamilyBase, b.FamilyBase)) {
		return LevelClose, jw
	}
	if altTypo(a, b) {
		return LevelClose, jw
	}
	return LevelDifferent, jw
}

// latinTypo: a typo on top of a romanisation. One keystroke in a letter
// written with two (Tkachenko typed Tkavhenko, Skvortsov typed Skvortosv)
// is two edits on the skeleton, where ч and ц are one letter each; so a
// Latin family name of six letters or more is close to another spelling
// two edits away on its light skeleton, when the two start alike and keep
// the same kind of ending.
func latinTypo(a, b *Name) bool {
	if !latinFirst(a.Family) && !latinFirst(b.Family) {
		return false
	}
	x, y := a.famLight, b.famLight
	if min(len(x), len(y)) < 6 || len(x)-len(y) > 2 || len(y)-len(x) > 2 || x[0] != y[0] {
		return false
	}
	return osa(unsafeBytes(x), unsafeBytes(y)) <= 2 && sameClass(a.FamilyBase, b.FamilyBase)
}

// altTypo: a typo on top of another reading of an ambiguous spelling
// (Чернисшов against Чернышёв read with ё as o, КИЕСЛЁВ against
// Кисельов, Zaxarchneko against Захарченко read the GOST 7.79 B way): the
// typo rules above count edits on the standard readings only. The readings
// must start alike, as in latinTypo.
func altTypo(a, b *Name) bool {
	if a.famAltBase[0] == "" && b.famAltBase[0] == "" {
		return false
	}
	xs := [maxAlts + 1]string{a.FamilyBase}
	ys := [maxAlts + 1]string{b.FamilyBase}
	copy(xs[1:], a.famAltBase[:])
	copy(ys[1:], b.famAltBase[:])
	for i, x := range xs {
		for j, y := range ys {
			if x == "" || y == "" || i == 0 && j == 0 || x[0] != y[0] {
				continue
			}
			if closeEdit(x, y) && sameClass(x, y) {
				return true
			}
		}
	}
	return false
}

// derivedOf: y is the family name x with one more family-name suffix,
// which makes another family of the same stem, however few letters it adds:
// a possessive (Иван, Иванов: see possessiveOf), or the Ukrainian -ук, -чук,
// -юк, -чак, -енко, -ченко, -ко, -ишин (Гончар, Гончарук; Коваль, Ковальчук,
// Ковальчак; Литвин, Литвиненко; Бондар, Бондарченко), with к before -чук
// and -ченко turned into ч (Мельник, Мельничук, Мельниченко).
func derivedOf(x, y string) bool {
	if possessiveOf(x, y) {
		return true
	}
	if len(x) < 3 || len(y) < len(x)+2 {
		return false
	}
	rest := ""
	switch {
	case y[:len(x)] == x:
		rest = y[len(x):]
	case x[len(x)-1] == 'k' && y[:len(x)-1] == x[:len(x)-1] && y[len(x)-1] == 'C':
		rest = y[len(x)-1:]
		if rest != "Cuk" && rest != "Cenko" {
			return false
		}
	default:
		return false
	}
	switch rest {
	case "uk", "iuk", "Cuk", "enko", "Cenko", "ko", "iSin", "Cak":
		return true
	}
	return false
}

// possessiveOf: y is x with a possessive suffix, -ов, -ев or -ин (Иван,
// Иванов; Леонид, Леонидов).
func possessiveOf(x, y string) bool {
	if len(y) != len(x)+2 || len(x) < 3 || y[:len(x)] != x {
		return false
	}
	switch y[len(x):] {
	case "ov", "ev", "in":
		return true
	}
	return false
}

// foldTypo: two folded spellings in one script one letter apart (two from
// nine letters), counted in letters as written. A slip on a letter the
// skeleton writes with two (я, ю: "ia", "iu") is two edits there
// (Дьяченко, Дьяяченко), one here.
func foldTypo(a, b string) bool {
	if a == "" || b == "" || latinFirst(a) != latinFirst(b) {
		return false
	}
	// a quick bound before counting: one or two edits leave the two alike
	// but for at most eight bytes (two swaps of Cyrillic letters) between a
	// common beginning and a common end
	if !nearBound(a, b, 8) {
		return false
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	n := min(la, lb)
	if n < 4 || la-lb > 2 || lb-la > 2 {
		return false
	}
	return DamerauLevenshtein(a, b) <= typoBudget(n)
}

// latinFirst: s starts with an ASCII letter.
func latinFirst(s string) bool {
	return s != "" && s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z'
}

// ukAdjFeminine: x is the folded base of a Russian adjectival feminine
// family name (Белая → "beli") and y the Ukrainian feminine of the same name,
// which ends in a bare -а (Біла → "bila"), which the gender fold cannot tell
// from a noun (Сова); their stems differ only where ru and uk spelling do.
func ukAdjFeminine(x, y string) bool {
	if len(x) < 4 || len(y) < 4 || x[len(x)-1] != 'i' || y[len(y)-1] != 'a' || isSkelVowel(y[len(y)-2]) {
		return false
	}
	var bx, by [64]byte
	return string(ruUkNorm(bx[:0], x[:len(x)-1])) == string(ruUkNorm(by[:0], y[:len(y)-1]))
}

// familyGivenIDs reads a gender-folded family-name skeleton as a given name
// and a possessive suffix (Ефимов, Юхимов; Фомин): the ids of the given
// name and the suffix's class ('o' for -ов/-ев, 'i' for -ин), so that the
// Russian and Ukrainian forms of a family name built on a given name meet
// through the given name's forms (Ефимов and Юхимов, Емельянов and
// Омельянов), which no letter rule relates. The stem must be a full form of
// at least four letters: pet forms and short stems make family names of
// their own (Ванин is not Иванов).
func familyGivenIDs(base []byte) ([]string, byte) {
	n := len(base)
	if n < 6 {
		return nil, 0
	}
	var suf byte
	switch string(base[n-2:]) {
	case "ov", "ev":
		suf = 'o'
	case "in":
		suf = 'i'
	default:
		return nil, 0
	}
	stem := base[:n-2]
	if !fullBySkel[string(stem)] {
		return nil, 0
	}
	return givenIDsBySkel[string(stem)], suf
}

// sameClass: two family names one edit apart are typos of each other unless
// the edit turns one family-name ending into another (Бойко, Бойков). A swap of
// two letters (Лиснеко) and an ending that is no ending (Соколлв) are typos.
func sameClass(a, b string) bool {
	ca, cb := familyClass(a), familyClass(b)
	if ca == cb || ca == "" || cb == "" {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	var diff []int
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			diff = append(diff, i)
		}
	}
	return len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

// closeEdit: at most one edit (two for names of nine letters or more) between
// two skeletons: what a typist or a careless transliteration does.
func closeEdit(a, b string) bool {
	n := min(len(a), len(b))
	if n < 3 || len(a)-len(b) > 2 || len(b)-len(a) > 2 {
		return false
	}
	return osa(unsafeBytes(a), unsafeBytes(b)) <= typoBudget(n)
}

// typoBudget is how many edits a typo may make in a name of n letters: one,
// two from nine letters (closeEdit, foldTypo, crossTypo).
func typoBudget(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

// familyClass names the kind of ending of a family-name skeleton.
func familyClass(sk string) string {
	for _, suf := range [...]string{"ko", "uk", "ik", "ak", "ov", "ev", "ova", "eva", "in", "ina", "ski", "cki", "ska", "cka", "iC", "ec", "ei", "oi", "ai"} {
		if strings.HasSuffix(sk, suf) {
			switch suf {
			case "uk", "ik", "ak":
				return "k" // Савчук written Savchjk is a typo more often than Савчик
			case "ev", "ova", "eva":
				return "ov" // Ковалёв written Kovalev and Kovalov
			case "cki", "ska", "cka":
				return "ski"
			case "ina":
				return "in"
			}
			return suf
		}
	}
	return ""
}

// ComparePatronymic compares patronymics: LevelForm when they encode the same
// father's name (Миколайович, Николаевич, Mykolaivna).
func ComparePatronymic(a, b *Name) Level {
	lv, _ := comparePatronymic(a, b)
	return lv
}

func comparePatronymic(a, b *Name) (Level, float64) {
	if a.Patronymic == "" || b.Patronymic == "" {
		return LevelMissing, 0
	}
	if a.PatronymicInitial || b.PatronymicInitial {
		pa, pb := a.patInit, b.patInit
		for _, id := range a.FatherIDs {
			if g := givenByID[id]; g != nil {
				pa |= g.initBits
			}
		}
		for _, id := range b.FatherIDs {
			if g := givenByID[id]; g != nil {
				pb |= g.initBits
			}
		}
		if pa&pb != 0 || a.patFold == b.patFold ||
			(a.PatronymicInitial && b.PatronymicInitial && expandInitials(pa)&pb != 0) {
			return LevelInitial, 0
		}
		return LevelDifferent, 0
	}
	if a.patFold == b.patFold {
		return LevelExact, 1
	}
	if a.PatronymicSkel == b.PatronymicSkel {
		return LevelTranslit, 1
	}
	if overlap(a.FatherIDs, b.FatherIDs) {
		return LevelForm, 1
	}
	jw := jaroWinklerStr(a.PatronymicSkel, b.PatronymicSkel)
	if jw >= CloseThreshold && (len(a.FatherIDs) == 0 || len(b.FatherIDs) == 0) {
		return LevelClose, jw
	}
	return LevelDifferent, jw
}

func combineScripts(list ...Script) Script {
	out := ScriptNone
	for _, s := range list {
		switch {
		case s == ScriptNone:
		case out == ScriptNone:
			out = s
		case out != s:
			return ScriptMixed
		}
	}
	return out
}

// skel returns the skeleton of s in dst, or the one the parse computed.
func skel(dst []byte, s, pre string) []byte {
	if pre != "" {
		return append(dst, pre...)
	}
	return appendSkeleton(dst, s)
}

func skelString(sk []byte, pre string) string {
	if pre != "" {
		return pre
	}
	return string(sk)
}

// altEqual: some reading of a equals some reading of b.
func altEqual(a string, aa *[maxAlts]string, b string, ba *[maxAlts]string) bool {
	for _, x := range aa {
		if x == "" {
			continue
		}
		if x == b {
			return true
		}
		for _, y := range ba {
			if x == y {
				return true
			}
		}
	}
	for _, y := range ba {
		if y != "" && y == a {
			return true
		}
	}
	return false
}

// initialBitsAll is initialBits over every reading of a written initial: "Ch."
// is ч in English, х in German and ш in French.
func initialBitsAll(s string, sk []byte) uint32 {
	b := initialBits(sk)
	alts, n := skelAlternatives(s)
	if n == 0 {
		return b
	}
	if c, ok := firstSkelByte(s); ok {
		// every reading starts with c: no need to spell them out
		return b | initialBits([]byte{c})
	}
	var buf [16]byte
	for i := 0; i < n; i++ {
		b |= initialBits(appendSkeletonV(buf[:0], s, alts[i]))
	}
	return b
}

// GivenAlts returns the given name's alternative skeletons (French or German
// reading of a Latin spelling, ё read as o), for callers that index them.
func (n *Name) GivenAlts() []string { return nonEmpty(n.givenAlt) }

// FamilyAlts returns the family name's alternative skeletons, gender-folded
// like FamilyBase.
func (n *Name) FamilyAlts() []string { return nonEmpty(n.famAltBase) }

func nonEmpty(a [maxAlts]string) []string {
	var out []string
	for _, s := range a {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// internIf returns same when b spells it, saving an allocation.
func internIf(b []byte, same string) string {
	if string(b) == same {
		return same
	}
	return string(b)
}

// expandInitials adds to a set of initials those the other language's form of
// a name may start with (initialCompat).
func expandInitials(b uint32) uint32 {
	out := b
	for i := 0; i < 26; i++ {
		if b&(1<<i) != 0 {
			out |= initialCompat[i]
		}
	}
	return out
}

// ruUkSame is ruUkEqual on the prepared family names: Prepare keeps the hash
// of each base's ru–uk fold (famRuUk, 0 when the base is too short for the
// test), so a pair whose hashes differ is told apart without folding both
// again on every comparison; equal hashes are confirmed on the letters.
func ruUkSame(a, b *Name) bool {
	if a.famRuUk == 0 || (a.famRuUk^b.famRuUk)&^RuUkUkrainian != 0 {
		return false
	}
	return ruUkEqual(a.FamilyBase, b.FamilyBase)
}

// ruUkEqual: two family-name skeletons that differ only where Russian and
// Ukrainian spelling differ: е against і (Олейник, Олійник; Белый, Білий),
// о against і in a closed last syllable (Петров, Петрів; Чорновол, Чорновіл)
// and Ukrainian о after a hushing consonant against е (Чорний, Черный).
func ruUkEqual(a, b string) bool {
	if a == b || len(a) < 4 || len(b) < 4 {
		return false
	}
	var ba, bb [64]byte
	return string(ruUkNorm(ba[:0], a)) == string(ruUkNorm(bb[:0], b))
}

func ruUkNorm(dst []byte, s string) []byte {
	n := len(s)
	for i := 0; i < n; i++ {
		c := s[i]
		// о in a closed last syllable is і in Ukrainian (Петров, Петрів;
		// Чорновол, Чорновіл; Сокол, Сокіл)
		// and о after ч, ш, щ, ж is е in Russian (Чорний, Черный; Чорновол,
		// Черновол; Шостак, Шестак)
		if c == 'e' || (c == 'o' && i == n-2 && i > 0 && !isSkelVowel(s[n-1]) && !isSkelVowel(s[i-1])) ||
			c == 'o' && i > 0 && (s[i-1] == 'C' || s[i-1] == 'S') {
			c = 'i'
		}
		if len(dst) > 0 && dst[len(dst)-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// wholeName: the parse of a single name field (of two words or more) found
// a whole name in it, given name and family name at least (Коваленко
// Олександр Миколайович in the family field). A family name of two words
// (Ткаченко (Рабинович), Петров Водкин) is not one: the parse must find a
// known given name, initials or a patronymic in it.
func wholeName(p *Parsed) bool {
	return p.Given != "" && p.Family != "" && (p.GivenInitial || p.Patronymic != "" || len(lookupGiven(p.Given)) > 0)
}
