package linkage

import (
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/names"
)

// A name is one prepared name field. The ids are term ids in the field's
// dictionary (0 when the record has no such name); comparisons look only at
// them and at the skeleton string.
type name struct {
	full uint32  // folded form: the same letters, case and diacritics aside
	skel uint32  // transliteration-proof skeleton
	stem uint32  // canonical form: diminutive resolved, gender ending removed
	f    string  // folded form, for explanations
	s    string  // skeleton, for Jaro–Winkler
	cnt  uint32  // records with the same stem, set by Finalize
	tf   float32 // log2 of the stem's frequency among other people, set by Model.SetFrequencies
	// forms are canonical ids (a given name's ru/uk forms and diminutives,
	// the father's name of a patronymic); known says the name is in the
	// table of names, so that two known names with no form in common are
	// different names however alike they look (Александр, Александра).
	forms   [2]uint32
	known   bool
	initial bool   // the name is only an initial
	phon    uint32 // phonetic key, for blocking
}

// A text is one prepared free-text field (place, unit, service number, extra
// columns): its term id, folded string and log2 frequency.
type text struct {
	id  uint32
	s   string
	cnt uint32
	tf  float32
}

// Prepared is a record reduced to what comparisons need. It is built once per
// record (Preparer.Prepare) so that each of the millions of comparisons touches
// only integers and short strings and allocates nothing.
type Prepared struct {
	Key   string // the record's id as the input gave it
	ID    int64  // the record's id in the store, when it has one
	Group int32  // the source's number, for linking across sources only

	given, family, patr name

	by        int16 // birth year
	bm, bd    int8  // birth month and day
	bprec     lastseen.Precision
	sex       uint8  // 0 unknown, 1 male, 2 female
	side      uint16 // term id of the side ("ua", "ru"); 0 unknown
	sideName  string
	place     text
	evPlace   text // the place of the event the record reports (see eventOf)
	unit      text
	unitNo    uint32 // the unit's number (47 in "47 ОМБр", "47th Mechanized Brigade"); 0 for none
	eday      int32  // the event's date as days since 1970, for distances in days (see ey)
	svc       text
	extra     []text
	nameKey   uint64 // order-free hash of given and family stems, for blocking
	famLoose  uint64 // loose key of the family name (names.Name.FamilyLoose), for blocking
	famLooseJ uint64 // the French j = ж loose key (names.Name.FamilyLooseJ), for blocking
	famRuUk   uint64 // the family name with its ru–uk vowel differences folded (names.Name.FamilyRuUk)
	// famAlt are the family stems under other readings of an ambiguous Latin
	// spelling (German and Polish ch is х, German z is ц, Polish c is ц:
	// names.Name.FamilyAlts); 0 where there is none
	famAlt [2]uint32
	// givenIDs are every reading of the given name (names.Name.GivenIDs,
	// shared with the table of names), for blocking and for the readings
	// past the two in given.forms; givenOther says its first is a pet
	// form's other reading (names.OtherReading), for blocking
	givenIDs   []string
	givenOther bool
	// famBase is the family skeleton gender-folded (names.Name.FamilyBase)
	// and famLight its light skeleton (names.Name.FamilyLight), each ""
	// where it is family.s (most names: the garbage collector need not
	// visit a second pointer); famAltS are the strings of famAlt
	// (names.Name.FamilyAlts). For blocking and typos: see familyBase.
	famBase  string
	famLight string
	famAltS  []string
	// givenNm and familyNm are the name as package names prepared it, for
	// the pairs whose cheap name levels see no likeness (namefallback.go):
	// one copy per distinct given and per distinct family name, shared by
	// the records that write it so
	givenNm, familyNm *names.Name
	givenID, familyID uint32 // their ids, for the cache of verdicts
	initials          uint16 // the first letters of the given and family skeletons, in order
	// the date of the event the record reports (see eventOf): year, month,
	// day, precision; last, where they fill the struct's padding
	ey     int16
	em, ed int8
	eprec  lastseen.Precision
}

// terms interns the values of one field and counts them, for equality by id
// and term-frequency adjustment.
type terms struct {
	ids    map[string]uint32
	counts []uint32 // by id; counts[0] is unused
	// values by id: records keep this one copy of a value, not each its
	// own (a million records hold a few hundred thousand distinct names)
	values []string
}

func newTerms() *terms {
	return &terms{ids: map[string]uint32{}, counts: []uint32{0}, values: []string{""}}
}

func (t *terms) intern(s string) uint32 {
	if s == "" {
		return 0
	}
	id, ok := t.ids[s]
	if !ok {
		id = uint32(len(t.counts))
		s = strings.Clone(s)
		t.ids[s] = id
		t.counts = append(t.counts, 0)
		t.values = append(t.values, s)
	}
	t.counts[id]++
	return id
}

// value is the one copy of the value of an id intern returned.
func (t *terms) value(id uint32) string { return t.values[id] }

// count counts an id of another dictionary (the names) in this field.
func (t *terms) count(id uint32) {
	if id == 0 {
		return
	}
	for int(id) >= len(t.counts) {
		t.counts = append(t.counts, 0)
		t.values = append(t.values, "")
	}
	t.counts[id]++
}

// countOf is how many records had the term.
func (t *terms) countOf(id uint32) uint32 {
	if id == 0 || int(id) >= len(t.counts) {
		return 0
	}
	return t.counts[id]
}

// Preparer turns records into Prepared records and keeps the dictionaries and
// term counts they share. One Preparer serves one batch, or one long-lived
// candidate index: Prepare adds a record's values to the counts, Finalize (or
// Refresh for one record) copies the counts into the records and sets their
// frequencies, and Model.SetFrequencies refines the frequencies with the
// model's estimate of records per person.
// It is safe for concurrent use.
type Preparer struct {
	mu     sync.Mutex
	n      int
	fields []*terms // by field; a name field counts ids of the names dictionary
	names  *terms   // every name form of every name field: ids compare across fields
	// sideNames are the sides' names by term id
	sideNames []string
	extraCol  int
}

// NewPreparer returns a Preparer for records with extra compared columns.
func NewPreparer(extraColumns int) *Preparer {
	p := &Preparer{extraCol: extraColumns}
	p.fields = make([]*terms, numCoreFields+extraColumns)
	for i := range p.fields {
		p.fields[i] = newTerms()
	}
	p.names = newTerms()
	p.sideNames = []string{""}
	return p
}

// staged is a record's folded values before interning: computed without the
// lock, so that preparation runs on every core.
type staged struct {
	given, family, patr stagedName
	place, unit, svc    string
	evPlace             string
	unitNo              uint32
	side                string
	extra               []string
}

// Prepare builds the comparison form of r, with extra column values in the
// order the model's extra fields were declared. The record's values are added
// to the frequency counts; call Finalize when every record of a batch is in.
func (p *Preparer) Prepare(key string, r *lastseen.Record, extra []string) *Prepared {
	return p.Add(Stage(key, r, extra))
}

// PrepareName is Prepare for a caller that has already prepared the record's
// name with package names (names.Prepare of its given name, patronymic,
// family name and full name), so that the name is prepared once per record.
func (p *Preparer) PrepareName(key string, r *lastseen.Record, n *names.Name, extra []string) *Prepared {
	return p.Add(StageName(key, r, n, extra))
}

// Staged is a record folded and its names prepared, before its values are
// interned: the costly half of Prepare, which needs no lock. A batch that
// stages on many cores and Adds in input order gets the same term ids, and
// so the same blocks and training samples, on every run.
type Staged struct {
	out *Prepared
	st  *staged
}

// Stage does the costly half of Prepare; it is safe to call concurrently.
func Stage(key string, r *lastseen.Record, extra []string) Staged {
	n := names.Prepare(r.GivenName, r.Patronymic, r.FamilyName, r.FullName)
	return StageName(key, r, &n, extra)
}

// StageName is Stage with the record's name already prepared (see PrepareName).
func StageName(key string, r *lastseen.Record, n *names.Name, extra []string) Staged {
	out := &Prepared{Key: key, ID: r.ID, famLoose: n.FamilyLoose(), famLooseJ: n.FamilyLooseJ(), famRuUk: n.FamilyRuUk(),
		givenIDs: n.GivenIDs}
	if l := n.FamilyLight(); l != n.FamilySkel {
		out.famLight = l
	}
	if n.Family != "" {
		out.famAltS = n.FamilyAlts()
	}
	out.givenOther = len(n.GivenIDs) > 0 && names.OtherReading(n.GivenIDs[0])
	setDate(out, r.BirthDate)
	date, place := eventOf(r)
	setEventDate(out, date)
	switch r.Sex {
	case lastseen.SexMale:
		out.sex = 1
	case lastseen.SexFemale:
		out.sex = 2
	}
	shareNames(out, n)
	return Staged{out, stage(r, n, place, extra)}
}

// Add interns a staged record and counts its values.
func (p *Preparer) Add(s Staged) *Prepared {
	p.mu.Lock()
	p.intern(s.out, s.st)
	p.mu.Unlock()
	return s.out
}

// stage folds the record's values for interning; evPlace is the place of
// the event it reports (eventOf).
func stage(r *lastseen.Record, n *names.Name, evPlace string, extra []string) *staged {
	st := &staged{}
	st.given = stagedName{f: names.Fold(n.Given), s: n.GivenSkel, stem: n.GivenSkel, phon: n.GivenKey, forms: n.GivenIDs, initial: n.GivenInitial}
	if len(n.GivenIDs) > 0 {
		st.given.stem = n.GivenIDs[0]
	}
	st.family = stagedName{f: names.Fold(n.Family), s: n.FamilySkel, stem: n.FamilyBase, phon: n.FamilyKey}
	st.patr = stagedName{f: names.Fold(n.Patronymic), s: n.PatronymicSkel, stem: n.PatronymicSkel, forms: n.FatherIDs, initial: n.PatronymicInitial}
	if len(n.FatherIDs) > 0 {
		st.patr.stem = n.FatherIDs[0]
	}
	st.place = foldPlace(r.BirthPlace, false)
	st.evPlace = foldPlace(evPlace, true)
	st.unit = foldText(r.Unit)
	st.unitNo = unitNumber(r.Unit)
	st.svc = foldID(r.ServiceNumber)
	st.side = strings.ToLower(strings.TrimSpace(r.Side))
	st.extra = make([]string, len(extra))
	for i, v := range extra {
		st.extra[i] = foldText(v)
	}
	return st
}

// stagedName is one name part as package names prepared it.
type stagedName struct {
	f, s, stem, phon string
	forms            []string // canonical ids: given-name forms, the father's name
	initial          bool
}

func (p *Preparer) intern(out *Prepared, st *staged) {
	p.n++
	f := p.fields
	setN := func(n *name, v stagedName, field int) {
		n.f, n.s = v.f, v.s
		if v.f == "" || v.s == "" {
			return
		}
		n.full = p.names.intern(v.f)
		n.skel = p.names.intern(v.s)
		n.f, n.s = p.names.value(n.full), p.names.value(n.skel)
		n.stem = p.names.intern(v.stem)
		n.phon = p.names.intern(v.phon)
		n.initial = v.initial
		for i := 0; i < len(v.forms) && i < len(n.forms); i++ {
			n.forms[i] = p.names.intern(v.forms[i])
		}
		n.known = len(v.forms) > 0
		f[field].count(n.stem)
	}
	setN(&out.given, st.given, FieldGiven)
	setN(&out.family, st.family, FieldFamily)
	if out.family.stem != 0 && out.family.stem != out.family.skel {
		out.famBase = p.names.value(out.family.stem)
	}
	out.famAlt = [2]uint32{}
	if out.family.full != 0 {
		for i, k := 0, 0; i < len(out.famAltS) && k < len(out.famAlt); i++ {
			if a := out.famAltS[i]; a != st.family.stem {
				out.famAlt[k] = p.names.intern(a)
				k++
			}
		}
	}
	setN(&out.patr, st.patr, FieldPatronymic)
	out.place = internText(f[FieldBirthPlace], st.place)
	out.evPlace = internText(f[FieldEventPlace], st.evPlace)
	out.unit = internText(f[FieldUnit], st.unit)
	out.unitNo = st.unitNo
	out.svc = internText(f[FieldServiceNumber], st.svc)
	if id := f[FieldSide].intern(st.side); id < 1<<16 {
		// one copy of each side's name: the record's own is a piece of its
		// input line, which it would keep alive
		if int(id) >= len(p.sideNames) {
			p.sideNames = append(p.sideNames, strings.Clone(st.side))
		}
		out.side, out.sideName = uint16(id), p.sideNames[id]
	}
	if len(st.extra) > 0 {
		out.extra = make([]text, len(st.extra))
		for i, v := range st.extra {
			out.extra[i] = internText(f[numCoreFields+i], v)
		}
	}
	// order-free: a name written family first blocks with its usual form
	a, b := out.given.stem, out.family.stem
	if a > b {
		a, b = b, a
	}
	if a != 0 && b != 0 {
		out.nameKey = uint64(a)<<32 | uint64(b)
	}
	out.initials = 0
	if len(out.given.s) > 0 && len(out.family.s) > 0 {
		x, y := out.given.s[0], out.family.s[0]
		if x > y {
			x, y = y, x
		}
		out.initials = uint16(x)<<8 | uint16(y)
	}
}

func internText(t *terms, s string) text {
	id := t.intern(s)
	return text{id: id, s: t.value(id)}
}

// Finalize sets every record's term frequencies from the counts of all the
// records prepared so far.
func (p *Preparer) Finalize(rs []*Prepared) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range rs {
		p.refresh(r)
	}
}

// Refresh sets one record's term frequencies from the current counts; an
// incremental index calls it on a new record before comparing it.
func (p *Preparer) Refresh(r *Prepared) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refresh(r)
}

func (p *Preparer) refresh(r *Prepared) {
	f := p.fields
	r.given.cnt = f[FieldGiven].countOf(r.given.stem)
	r.family.cnt = f[FieldFamily].countOf(r.family.stem)
	r.patr.cnt = f[FieldPatronymic].countOf(r.patr.stem)
	r.place.cnt = f[FieldBirthPlace].countOf(r.place.id)
	r.evPlace.cnt = f[FieldEventPlace].countOf(r.evPlace.id)
	r.unit.cnt = f[FieldUnit].countOf(r.unit.id)
	r.svc.cnt = f[FieldServiceNumber].countOf(r.svc.id)
	for i := range r.extra {
		r.extra[i].cnt = f[numCoreFields+i].countOf(r.extra[i].id)
	}
	// frequencies as if each person had one record; a trained model's
	// SetFrequencies refines them with its duplication
	r.setFrequencies(p.n, 1)
}

// N is the number of records prepared so far: the denominator of the term
// frequencies.
func (p *Preparer) N() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n
}

func setDate(out *Prepared, d lastseen.PartialDate) {
	out.bprec = d.Precision
	out.by = int16(d.Year)
	out.bm = int8(d.Month)
	out.bd = int8(d.Day)
}

// eventOf is the event a record reports: the date and place of its first
// claim (the status the record states: last seen, captured, wounded, died),
// each where the claim has it, else the record's last-seen date and place.
func eventOf(r *lastseen.Record) (lastseen.PartialDate, string) {
	date, place := r.LastSeenDate, r.LastSeenPlace
	if len(r.Claims) > 0 && r.Claims[0] != nil {
		c := r.Claims[0]
		if !c.Date.IsZero() {
			date = c.Date
		}
		if c.Place != "" {
			place = c.Place
		}
	}
	return date, place
}

func setEventDate(out *Prepared, d lastseen.PartialDate) {
	out.eprec = d.Precision
	out.ey, out.em, out.ed = int16(d.Year), int8(d.Month), int8(d.Day)
	if d.Precision == lastseen.PrecisionDay {
		out.eday = int32(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
}

// foldPlace folds a place name so that its usual variants meet: the part
// before the first comma (the region or country after it is often left
// out), without the м./г./с./смт prefixes, as a names skeleton (Харків,
// Харьков, Kharkiv and Charków come close). An event's place (event set)
// also loses the words that put it near or around a town: біля Бахмута,
// в районі Куп'янська, near Kupiansk, près de Koupiansk.
func foldPlace(s string, event bool) string {
	if i := strings.IndexByte(s, ','); i > 0 {
		s = s[:i]
	}
	words := strings.Fields(foldName(s))
	for len(words) > 1 {
		switch w := words[0]; {
		case placePrefix[w], event && nearPrefix[w]:
			words = words[1:]
			continue
		}
		break
	}
	if len(words) == 0 {
		return ""
	}
	return names.Skeleton(strings.Join(words, " "))
}

// placePrefix are the folded words for a town, village or city that come
// before its name.
var placePrefix = map[string]bool{
	"m": true, "g": true, "s": true, "smt": true, "pgt": true, "p": true, "selo": true,
	"gorod": true, "misto": true, "city": true, "village": true,
}

// nearPrefix are the folded words (uk, ru, en, de, fr, pl) that place an
// event near, around or in the area of a town, before the town's name.
var nearPrefix = map[string]bool{
	"bilya": true, "bilia": true, "pid": true, "poblizu": true, "poblyzu": true, "nepodalik": true,
	"okolo": true, "pod": true, "vozle": true, "vblizi": true, "bliz": true, "nedaleko": true,
	"ot": true, "vid": true, "v": true, "u": true, "na": true, "raiyoni": true, "raiyone": true,
	"raiyon": true, "rayoni": true, "rayone": true, "rayon": true, "raion": true,
	"near": true, "outside": true, "around": true, "in": true, "at": true, "the": true, "area": true,
	"vicinity": true, "of": true, "bei": true, "der": true, "nahe": true, "von": true,
	"pres": true, "de": true, "w": true, "kolo": true, "town": true,
}

// unitNumber is the first number in a unit's name, the part every spelling
// of the unit keeps: 47 in "47 ОМБр", "47th Mechanized Brigade", "в/ч 47".
func unitNumber(s string) uint32 {
	var n uint32
	seen := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			if n < 1e8 {
				n = n*10 + uint32(c-'0')
			}
			seen = true
		} else if seen {
			break
		}
	}
	return n
}

// foldText folds a place, unit or other free text: lower case, Latin letters
// (Cyrillic romanised), digits, single spaces.
func foldText(s string) string { return foldName(s) }

// foldID keeps the letters and digits of an identifier, upper case: "АА 123-456"
// and "aa123456" are the same service number.
func foldID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
