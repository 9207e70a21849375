package names

import (
	"sort"
	"strings"
)

// Sex of a name form. Many diminutives (Саша, Женя, Валя) are both.
type Sex int8

const (
	SexUnknown Sex = iota
	Male
	Female
)

func (s Sex) String() string {
	switch s {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "unknown"
}

// GivenName is one entry of the given-name table: the same name in Russian and
// Ukrainian, its diminutives and the Latin spellings that transliteration
// does not reach by itself.
type GivenName struct {
	ID    string // canonical identifier, the Russian form in simple Latin: "aleksandr"
	Sex   Sex
	Ru    []string // Russian forms; the first is the standard one
	Uk    []string // Ukrainian forms; the first is the standard one
	Dim   []string // diminutives and pet forms, Russian and Ukrainian
	Latin []string // further Latin spellings (Alexander, Alexandre)

	initBits uint32   // the initials its full forms start with (see initialBits)
	lights   []string // light skeletons of its forms and pet forms, for typo checks
	skels    []string // skeletons of its forms and pet forms (see TypoOfReading)
}

var (
	givenByID map[string]*GivenName
	// givenBySkel maps the skeleton of every form, diminutive and spelling to
	// the entries it may stand for; formBySkel only full forms (no diminutives).
	givenBySkel map[string][]*GivenName
	fullBySkel  map[string]bool
	// fatherBySkel maps a patronymic's skeleton to the father's name and the
	// patronymic's sex.
	fatherBySkel map[string][]patronymicOf
	// the same as id lists, shared by every prepared Name
	givenIDsBySkel  map[string][]string
	fatherIDsBySkel map[string][]string
	// petIDsBySkel maps a skeleton that is some entry's full form to the
	// other entries it is also a pet form of (Юля: Юлия's full form, and
	// Ульян's and Юлиан's pet form). givenIDsBySkel reads such a name as the
	// full form only, so that Юля and Юлия's namesake Ульян stay apart as ids;
	// the comparison still accepts Юля against a record of Ульян.
	petIDsBySkel map[string][]string
	// otherReading: the ids that a pet form standing for several names
	// gives after its first (see OtherReading)
	otherReading map[string]bool
	// initialCompat[i]: the initials a Ukrainian or Russian form of a name
	// starting with letter i may have
	initialCompat [26]uint32
	// lower-case full forms by language, for DetectLang
	ruForms = map[string]bool{}
	ukForms = map[string]bool{}
)

type patronymicOf struct {
	father *GivenName
	sex    Sex
}

func init() { buildForms() }

func buildForms() {
	givenByID = map[string]*GivenName{}
	givenBySkel = map[string][]*GivenName{}
	fullBySkel = map[string]bool{}
	fatherBySkel = map[string][]patronymicOf{}
	for _, line := range strings.Split(givenTable, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		for len(f) < 5 {
			f = append(f, "")
		}
		head := strings.Fields(f[0])
		g := &GivenName{ID: head[0], Sex: Male,
			Ru: strings.Fields(f[1]), Uk: strings.Fields(f[2]), Dim: strings.Fields(f[3]), Latin: strings.Fields(f[4])}
		if head[1] == "f" {
			g.Sex = Female
		}
		if givenByID[g.ID] != nil {
			panic("names: given-name table: duplicate id " + g.ID)
		}
		givenByID[g.ID] = g
		var add func(form string, full bool)
		addKey := func(k string, full bool) {
			if k == "" {
				return
			}
			for _, e := range givenBySkel[k] {
				if e == g {
					goto done
				}
			}
			givenBySkel[k] = append(givenBySkel[k], g)
		done:
			if full {
				fullBySkel[k] = true
			}
		}
		add = func(form string, full bool) {
			addKey(Skeleton(form), full)
			if DetectScript(form) == ScriptCyrillic {
				alts, n := altSkeletons(form)
				for i := 0; i < n; i++ {
					addKey(alts[i], full)
				}
			}
		}
		add(g.ID, true)
		for _, s := range g.Ru {
			add(s, true)
		}
		for _, s := range g.Uk {
			add(s, true)
		}
		for _, s := range g.Latin {
			add(s, true)
		}
		for _, s := range g.Dim {
			add(s, false)
		}
		if g.Sex == Male {
			addPatronymics(g)
		}
		for _, f := range g.Ru {
			ruForms[strings.ToLower(f)] = true
		}
		for _, f := range g.Uk {
			ukForms[strings.ToLower(f)] = true
		}
	}
	// A form that is some name's full form is not also read as another's
	// diminutive first: order each list by full-form entries.
	givenIDsBySkel = make(map[string][]string, len(givenBySkel))
	petIDsBySkel = map[string][]string{}
	for k, list := range givenBySkel {
		// a name that is some entry's full form is that name, not also another's
		// pet form (Алла, not Аля for Алина)
		if fullBySkel[k] {
			var full []*GivenName
			var pet []string
			for _, g := range list {
				if isFull(g, k) {
					full = append(full, g)
				} else {
					pet = append(pet, g.ID)
				}
			}
			if len(full) > 0 {
				if len(pet) > 0 {
					petIDsBySkel[k] = pet
				}
				list = full
				givenBySkel[k] = list
			}
		}
		sort.SliceStable(list, func(i, j int) bool { return isFull(list[i], k) && !isFull(list[j], k) })
		ids := make([]string, len(list))
		for i, g := range list {
			ids[i] = g.ID
		}
		givenIDsBySkel[k] = ids
	}
	otherReading = map[string]bool{}
	for _, ids := range givenIDsBySkel {
		for _, id := range ids[min(1, len(ids)):] {
			otherReading[id] = true
		}
	}
	fatherIDsBySkel = make(map[string][]string, len(fatherBySkel))
	for k, list := range fatherBySkel {
		var ids []string
		for _, e := range list {
			if !contains(ids, e.father.ID) {
				ids = append(ids, e.father.ID)
			}
		}
		fatherIDsBySkel[k] = ids
	}
	// initials that the Russian and the Ukrainian form of one name start with
	// (А and Г for Анна/Ганна, Н and М for Николай/Микола): two initials that
	// differ this way may still be one name
	for _, g := range givenByID {
		var ru, uk uint32
		var buf [64]byte
		for _, f := range g.Ru {
			ru |= initialBits(appendSkeleton(buf[:0], f))
		}
		for _, f := range g.Uk {
			uk |= initialBits(appendSkeleton(buf[:0], f))
		}
		for i := 0; i < 26; i++ {
			if ru&(1<<i) != 0 {
				initialCompat[i] |= uk
			}
			if uk&(1<<i) != 0 {
				initialCompat[i] |= ru
			}
		}
	}
	for _, g := range givenByID {
		for _, set := range [][]string{{g.ID}, g.Ru, g.Uk, g.Latin} {
			for _, f := range set {
				var buf [64]byte
				g.initBits |= initialBits(appendSkeleton(buf[:0], f))
			}
		}
		// every form a typo may start from, pet forms included (Воа for Вова)
		for _, set := range [][]string{{g.ID}, g.Ru, g.Uk, g.Latin, g.Dim} {
			for _, f := range set {
				var buf [64]byte
				if l := string(appendLightSkeleton(buf[:0], f)); !contains(g.lights, l) {
					g.lights = append(g.lights, l)
				}
				if k := string(appendSkeleton(buf[:0], f)); !contains(g.skels, k) {
					g.skels = append(g.skels, k)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func isFull(g *GivenName, skel string) bool {
	if Skeleton(g.ID) == skel {
		return true
	}
	for _, set := range [][]string{g.Ru, g.Uk, g.Latin} {
		for _, s := range set {
			if Skeleton(s) == skel {
				return true
			}
		}
	}
	return false
}

// Given returns the table entry of a canonical id, or nil.
func Given(id string) *GivenName { return givenByID[id] }

// GivenNames returns every table entry, ordered by id.
func GivenNames() []*GivenName {
	out := make([]*GivenName, 0, len(givenByID))
	for _, g := range givenByID {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// GivenKeys returns the canonical ids a given name may stand for, in any script
// and form: Саша, Александр, Олександр, Alexander, Oleksandr and Sasha all give
// "aleksandr"; Саша also gives "aleksandra", Женя "evgeniy" and "evgeniya".
// A name that is some entry's full form gives only the entries it is the full
// form of.
// It returns nil for a name the table does not know.
func GivenKeys(name string) []string {
	list := lookupGiven(name)
	if len(list) == 0 {
		return nil
	}
	out := make([]string, len(list))
	for i, g := range list {
		out[i] = g.ID
	}
	return out
}

func lookupGiven(name string) []*GivenName {
	var buf [64]byte
	sk := appendSkeleton(buf[:0], name)
	if list := givenBySkel[string(sk)]; len(list) > 0 {
		return list
	}
	if k := diminutiveStem(sk); k != "" {
		return givenBySkel[k]
	}
	alts, n := skelAlternatives(name)
	for i := 0; i < n; i++ {
		if list := givenBySkel[string(appendSkeletonV(buf[:0], name, alts[i]))]; len(list) > 0 {
			return list
		}
	}
	return nil
}

// OtherReading reports whether a pet form that stands for several names
// reads as the name of canonical id only after its first reading: Слава is
// first Владислав (Name.GivenIDs[0]), then Вячеслав, Станислав, Ярослав…
// A blocking key on the first reading alone never brings Слава and
// Вячеслав together; a key on the other readings of a pet form needs, on
// the full name's side, only the names this reports.
func OtherReading(id string) bool { return otherReading[id] }

// TypoOfReading reports whether skel, the skeleton of a given name the table
// does not know, is a typo of a form or pet form of one of the names ids: one
// edit from its skeleton (Фдя and Федя, so Фёдор; Tioam and Тёма, so Артём;
// Пша and Паша), or two in a name of nine letters or more, the first letter
// the same. The skeleton, not
// the written form, so that a typo meets the other script's spelling of the
// name. It is for callers that keep only the ids of a name; CompareGiven
// does the same on prepared names.
func TypoOfReading(skel string, ids []string) bool {
	if len(skel) < 4 {
		return false
	}
	for _, id := range ids {
		g := givenByID[id]
		if g == nil {
			continue
		}
		for _, k := range g.skels {
			// the first letter alike: a name one letter from a short pet
			// form is otherwise too often another name (Fiona, Гена)
			if skel[0] == k[0] && closeEdit(skel, k) {
				return true
			}
		}
	}
	return false
}

// GivenForm returns the standard form of a canonical id in a language: "ru" or
// "uk" (Cyrillic). It returns "" for an unknown id.
func GivenForm(id, lang string) string {
	g := givenByID[id]
	if g == nil {
		return ""
	}
	if lang == "uk" && len(g.Uk) > 0 {
		return g.Uk[0]
	}
	if len(g.Ru) > 0 {
		return g.Ru[0]
	}
	return ""
}

// diminutiveSuffixes are skeletons of the pet-name endings that attach to a
// full name unchanged (Айдарчик, Назарка, Дениско, Тарасик).
var diminutiveSuffixes = []string{"Cik", "uSka", "oCka", "eCka", "enka", "iuSa", "uSa", "ik", "ka", "ko"}

// diminutiveStem returns the skeleton of the full name a pet form is built on,
// when the table has it, or "".
func diminutiveStem(sk []byte) string {
	for _, suf := range diminutiveSuffixes {
		n := len(sk) - len(suf)
		if n >= 3 && string(sk[n:]) == suf && fullBySkel[string(sk[:n])] {
			return string(sk[:n])
		}
	}
	return ""
}
