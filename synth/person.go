package synth

// Relation says how a person is tied to the other members of a hard-negative
// group. Members of a group are different people that look alike.
type Relation string

const (
	RelNone     Relation = ""
	RelFather   Relation = "father"   // has a son in the group
	RelSon      Relation = "son"      // patronymic from the father's given name
	RelBrother  Relation = "brother"  // same surname, patronymic, close birth years
	RelTwin     Relation = "twin"     // same birth date, different given names
	RelNamesake Relation = "namesake" // same given name, surname (and often patronymic), different birth date
)

// Fates a person can have. A record's status is what its source said, which
// may be an earlier stage (missing, then captured) or "sought".
const (
	FateAlive    = "alive"
	FateMissing  = "missing"
	FateCaptured = "captured"
	FateWounded  = "wounded"
	FateDead     = "dead"
)

var fateNames = []string{FateAlive, FateMissing, FateCaptured, FateWounded, FateDead}

// Person is the ground truth about one generated human. Names are given in
// both the Ukrainian and the Russian form; the native one is the form of the
// person's side.
type Person struct {
	TruthID  int64
	Side     string // "ua" or "ru"
	Sex      string // "m" or "f"
	Civilian bool

	GivenUK, GivenRU           string
	FamilyUK, FamilyRU         string // in the person's sex form
	PatronymicUK, PatronymicRU string

	BirthYear, BirthMonth, BirthDay int
	BirthPlaceUK, BirthPlaceRU      string
	HomeUK                          string // where the person lived; sources give it as the birth place at times
	Unit, ServiceNumber             string
	OtherUnit                       string // the unit the person was transferred to, if any

	Fate                         string
	FateYear, FateMonth, FateDay int
	FatePlaceUK                  string

	Group    int64    // TruthID of the first member of the hard-negative group, or 0
	Relation Relation // role in the group
	FatherID int64    // for RelSon: the father's TruthID
	Records  int      // how many records describe this person (before a Records cap)
}

// person is the compact form used while generating.
type person struct {
	side     uint8 // 0 ua, 1 ru
	female   bool
	civilian bool
	given    int // index into givens
	father   int // given index of the father (patronymic)
	sur      surname
	by, bm   int
	bd       int
	place    int
	unit     int // -1 none
	unit2    int // the unit he was transferred to, or -1
	home     int // where he lived: the birth place for most
	svc      string
	fate     int
	fy, fm   int
	fd       int
	front    int
	rel      Relation
	fatherAt int // index of the father in the cluster, or -1
	records  int
}

func (p *person) native() string {
	if p.side == 0 {
		return "ua"
	}
	return "ru"
}

// recordsPerPerson: how many sources saw a person, 1..8.
var recordsPerPerson = cumulate([]float64{46, 21, 13, 8, 5, 3.5, 2, 1.5})

// fate weights, for soldiers and civilians.
var (
	fateSoldier  = cumulate([]float64{12, 30, 20, 8, 30})
	fateCivilian = cumulate([]float64{25, 40, 20, 5, 10})
)

var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func monthDays(y, m int) int {
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return 29
	}
	return daysIn[m]
}

func randDate(r *rng, y0, y1 int) (int, int, int) {
	y := r.between(y0, y1)
	m := r.between(1, 12)
	return y, m, r.between(1, monthDays(y, m))
}

// soldierBirthYear: ages at 2022 between 18 and 62, most 25–45.
func soldierBirthYear(r *rng) int {
	age := 20 + int(r.float()*12+r.float()*12+r.float()*10) // roughly bell shaped 20..54
	if r.chance(0.08) {
		age = r.between(18, 62)
	}
	return 2022 - age
}

func (c *cluster) newBase(r *rng) person {
	var p person
	if r.chance(c.cfg.SideRU) {
		p.side = 1
	}
	p.civilian = r.chance(c.cfg.CivilianRate)
	if p.civilian {
		p.female = r.chance(0.5)
	} else {
		p.female = r.chance(c.cfg.WomenRate)
	}
	p.given = c.pickGiven(r, p.side, p.female)
	p.father = c.pickGiven(r, p.side, false)
	p.sur = c.pickSurname(r, p.side)
	if p.civilian {
		p.by, p.bm, p.bd = randDate(r, 1940, 2008)
	} else {
		p.by = soldierBirthYear(r)
		p.bm = r.between(1, 12)
		p.bd = r.between(1, monthDays(p.by, p.bm))
	}
	if p.side == 0 {
		p.place = placeUAw.pick(r)
	} else {
		p.place = placeRUw.pick(r)
	}
	p.home = p.place
	if r.chance(0.3) { // moved away from where he was born
		if p.side == 0 {
			p.home = placeUAw.pick(r)
		} else {
			p.home = placeRUw.pick(r)
		}
	}
	c.fillService(r, &p)
	return p
}

func (c *cluster) fillService(r *rng, p *person) {
	p.unit, p.unit2 = -1, -1
	p.svc = ""
	if !p.civilian {
		n := len(unitUA)
		if p.side == 1 {
			n = len(unitRU)
		}
		p.unit = r.intn(n)
		if r.chance(0.15) {
			p.unit2 = (p.unit + 1 + r.intn(n-1)) % n
		}
		if r.chance(0.6) {
			p.svc = serviceNumber(r, p.side)
		}
	}
	if p.civilian {
		p.fate = fateCivilian.pick(r)
	} else {
		p.fate = fateSoldier.pick(r)
	}
	// event between 2022-02-24 and 2025-10-31
	day := r.intn(1345)
	p.fy, p.fm, p.fd = addDays(2022, 2, 24, day)
	p.front = r.intn(len(fronts))
	p.records = recordsPerPerson.pick(r) + 1
}

func addDays(y, m, d, n int) (int, int, int) {
	d += n
	for d > monthDays(y, m) {
		d -= monthDays(y, m)
		m++
		if m > 12 {
			m, y = 1, y+1
		}
	}
	return y, m, d
}

var svcLettersUA = []rune("ФВКМСТАЕ")
var svcLettersRU = []rune("АБВГДЕЖКМНОПРСТУХ")

func serviceNumber(r *rng, side uint8) string {
	var b [16]byte
	s := b[:0]
	if side == 0 {
		s = append(s, string(svcLettersUA[r.intn(len(svcLettersUA))])...)
	} else {
		s = append(s, string(svcLettersRU[r.intn(len(svcLettersRU))])...)
		s = append(s, string(svcLettersRU[r.intn(len(svcLettersRU))])...)
	}
	s = append(s, '-')
	n := r.intn(1000000)
	for i := 100000; i > 0; i /= 10 {
		s = append(s, byte('0'+n/i%10))
	}
	return string(s)
}

func (c *cluster) pickGiven(r *rng, side uint8, female bool) int {
	switch {
	case female && side == 0:
		return femaleUA.pick(r)
	case female:
		return femaleRU.pick(r)
	case side == 0:
		return maleUA.pick(r)
	}
	return maleRU.pick(r)
}

// pickSurname: the head of the distribution comes from the frequency tables,
// the tail from productive patterns. Some Ukrainians carry Russian-type
// surnames and many Russians Ukrainian-type ones.
func (c *cluster) pickSurname(r *rng, side uint8) surname {
	russianType := side == 1
	if side == 0 && r.chance(0.15) {
		russianType = true
	} else if side == 1 && r.chance(0.12) {
		russianType = false
	}
	if r.chance(c.cfg.SurnameTailRate) {
		return tailSurname(r, russianType)
	}
	if russianType {
		return surRU[surRUw.pick(r)]
	}
	return surUA[surUAw.pick(r)]
}

// cluster generates one hard-negative group (or a single person).
type cluster struct {
	cfg     *Config
	members []person
}

// kinds of clusters
const (
	clSingle = iota
	clFatherSon
	clBrothers
	clTwins
	clNamesakes
)

func (c *cluster) generate(r *rng) {
	c.members = c.members[:0]
	x := r.float()
	kind := clSingle
	switch {
	case x < c.cfg.FatherSonRate:
		kind = clFatherSon
	case x < c.cfg.FatherSonRate+c.cfg.BrothersRate:
		kind = clBrothers
	case x < c.cfg.FatherSonRate+c.cfg.BrothersRate+c.cfg.TwinsRate:
		kind = clTwins
	case x < c.cfg.FatherSonRate+c.cfg.BrothersRate+c.cfg.TwinsRate+c.cfg.NamesakeRate:
		kind = clNamesakes
	}
	base := c.newBase(r)
	base.fatherAt = -1
	if kind == clSingle {
		c.members = append(c.members, base)
		return
	}
	if !base.civilian || kind != clNamesakes {
		base.female = false
		base.given = c.pickGiven(r, base.side, false)
	}
	switch kind {
	case clFatherSon:
		father := base
		father.civilian = r.chance(0.3)
		father.by = base.by - r.between(20, 30)
		if father.by < 1935 {
			father.by = 1935 + r.intn(10)
			base.by = father.by + r.between(20, 30)
		}
		father.bm = r.between(1, 12)
		father.bd = r.between(1, monthDays(father.by, father.bm))
		father.rel = RelFather
		c.fillService(r, &father)
		son := base
		son.rel = RelSon
		son.fatherAt = 0
		son.father = father.given
		son.given = c.pickGiven(r, base.side, false)
		if r.chance(0.25) {
			son.given = father.given // named after his father
		}
		if r.chance(0.7) {
			son.place = father.place
		}
		son.civilian = false
		c.fillService(r, &son)
		c.members = append(c.members, father, son)
	case clBrothers:
		n := 2
		if r.chance(0.2) {
			n = 3
		}
		for i := 0; i < n; i++ {
			b := base
			b.rel = RelBrother
			if i > 0 {
				b.given = c.pickGiven(r, base.side, false)
				for b.given == base.given {
					b.given = c.pickGiven(r, base.side, false)
				}
				b.by = base.by + r.between(-8, 8)
				b.bm = r.between(1, 12)
				b.bd = r.between(1, monthDays(b.by, b.bm))
				if !r.chance(0.6) {
					b.place = (b.place + 1 + r.intn(5)) % len(places)
				}
				c.fillService(r, &b)
				if r.chance(0.3) {
					b.unit = base.unit // brothers often serve together
				}
			}
			c.members = append(c.members, b)
		}
	case clTwins:
		b := base
		b.rel = RelTwin
		b.given = c.pickGiven(r, base.side, false)
		for b.given == base.given {
			b.given = c.pickGiven(r, base.side, false)
		}
		base.rel = RelTwin
		c.fillService(r, &b)
		if r.chance(0.5) {
			b.unit = base.unit
		}
		c.members = append(c.members, base, b)
	case clNamesakes:
		// the name is a common one, so the draw is repeated from the head
		base.sur = c.pickHeadSurname(r, base.side)
		base.rel = RelNamesake
		n := 2 + r.intn(2)
		for i := 0; i < n; i++ {
			b := base
			if i > 0 {
				b.by = soldierBirthYear(r)
				b.bm = r.between(1, 12)
				b.bd = r.between(1, monthDays(b.by, b.bm))
				if b.by == base.by && b.bm == base.bm {
					b.by++
				}
				if !r.chance(0.6) {
					b.father = c.pickGiven(r, base.side, false)
				}
				if base.side == 0 {
					b.place = placeUAw.pick(r)
				} else {
					b.place = placeRUw.pick(r)
				}
				c.fillService(r, &b)
			}
			c.members = append(c.members, b)
		}
	}
}

func (c *cluster) pickHeadSurname(r *rng, side uint8) surname {
	if side == 1 {
		return surRU[surRUw.pick(r)]
	}
	return surUA[surUAw.pick(r)]
}

// exported builds the ground-truth view of a person.
func (p *person) exported(id, group, father int64) Person {
	g := givens[p.given]
	f := givens[p.father]
	out := Person{
		TruthID: id, Side: p.native(), Sex: "m", Civilian: p.civilian,
		GivenUK: g.uk, GivenRU: g.ru,
		FamilyUK: p.sur.uk, FamilyRU: p.sur.ru,
		PatronymicUK: f.ukPatM, PatronymicRU: f.ruPatM,
		BirthYear: p.by, BirthMonth: p.bm, BirthDay: p.bd,
		BirthPlaceUK: places[p.place].uk, BirthPlaceRU: places[p.place].ru,
		ServiceNumber: p.svc,
		Fate:          fateNames[p.fate], FateYear: p.fy, FateMonth: p.fm, FateDay: p.fd,
		FatePlaceUK: fronts[p.front][0],
		Group:       group, Relation: p.rel, FatherID: father, Records: p.records,
	}
	if p.female {
		out.Sex = "f"
		out.FamilyUK = feminine(p.sur.uk, p.sur.possessive, true)
		out.FamilyRU = feminine(p.sur.ru, p.sur.possessive, false)
		out.PatronymicUK, out.PatronymicRU = f.ukPatF, f.ruPatF
	}
	out.HomeUK = places[p.home].uk
	u := unitUA
	if p.side == 1 {
		u = unitRU
	}
	if p.unit >= 0 {
		out.Unit = u[p.unit][0]
	}
	if p.unit2 >= 0 {
		out.OtherUnit = u[p.unit2][0]
	}
	return out
}
