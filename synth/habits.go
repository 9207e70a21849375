package synth

// Habit is a source's way of writing names: script, name forms, order, case.
type Habit string

const (
	HabitUkCyr    Habit = "uk_cyr"     // Ukrainian Cyrillic, Ukrainian name forms
	HabitRuCyr    Habit = "ru_cyr"     // Russian Cyrillic, Russian name forms (Олександр → Александр)
	HabitICAO     Habit = "icao_ru"    // Russian passport, ICAO Doc 9303, of the Russian forms, capitals
	HabitKMU      Habit = "kmu_uk"     // Ukrainian passport, KMU 55:2010, of the Ukrainian forms, capitals
	HabitBGN      Habit = "bgn_ru"     // BGN/PCGN of the Russian forms
	HabitGOST     Habit = "gost_ru"    // GOST 7.79 system A of the Russian forms
	HabitEnPress  Habit = "en_press"   // English press: Alexander, Yuri; Oleksandr, Serhiy
	HabitDePress  Habit = "de_press"   // German press: Juri, Alexej, Schewtschenko
	HabitFrPress  Habit = "fr_press"   // French press: Iouri, Alexandre, Chevtchenko
	HabitPlPress  Habit = "pl_press"   // Polish: Kowalenko, Szewczenko, Ołeksandr
	HabitPOWList  Habit = "pow_list"   // prisoner lists: FAMILY Given Patronymic, Russian forms
	HabitFamilyUk Habit = "family_uk"  // family inquiry in Ukrainian: diminutives, year of birth
	HabitFamilyRu Habit = "family_ru"  // family inquiry in Russian
	HabitFamilyLt Habit = "family_lat" // family inquiry typed in Latin, informal romanisation
)

// Habits lists every writing habit.
var Habits = []Habit{HabitUkCyr, HabitRuCyr, HabitICAO, HabitKMU, HabitBGN, HabitGOST, HabitEnPress, HabitDePress, HabitFrPress, HabitPlPress, HabitPOWList, HabitFamilyUk, HabitFamilyRu, HabitFamilyLt}

const (
	formNative = iota
	formUK
	formRU
)

type habit struct {
	id    Habit
	form  int
	schUK *scheme // romanisation of Ukrainian forms; nil with schRU nil: Cyrillic
	schRU *scheme
	caps  bool
	dim   float64 // share of DiminutiveRate that applies
	// informal: the romanisation is drawn per record from several schemes
	informal bool
	press    bool // writes conventional Latin place names
}

var habits = map[Habit]*habit{
	HabitUkCyr:    {id: HabitUkCyr, form: formUK},
	HabitRuCyr:    {id: HabitRuCyr, form: formRU},
	HabitICAO:     {id: HabitICAO, form: formRU, schRU: schICAO, schUK: schICAO, caps: true},
	HabitKMU:      {id: HabitKMU, form: formUK, schUK: schKMU, schRU: schKMU, caps: true},
	HabitBGN:      {id: HabitBGN, form: formRU, schRU: schBGN, schUK: schBGN},
	HabitGOST:     {id: HabitGOST, form: formRU, schRU: schGOST, schUK: schGOST},
	HabitEnPress:  {id: HabitEnPress, form: formNative, schUK: schENUK, schRU: schEN, press: true},
	HabitDePress:  {id: HabitDePress, form: formNative, schUK: schDEUK, schRU: schDE, press: true},
	HabitFrPress:  {id: HabitFrPress, form: formNative, schUK: schFRUK, schRU: schFR, press: true},
	HabitPlPress:  {id: HabitPlPress, form: formNative, schUK: schPLUK, schRU: schPL, press: true},
	HabitPOWList:  {id: HabitPOWList, form: formRU},
	HabitFamilyUk: {id: HabitFamilyUk, form: formUK, dim: 1},
	HabitFamilyRu: {id: HabitFamilyRu, form: formRU, dim: 1},
	HabitFamilyLt: {id: HabitFamilyLt, form: formNative, dim: 0.7, informal: true, schUK: schENUK, schRU: schEN},
}

// informal romanisations a family member may use, by form.
var informalUK = []*scheme{schENUK, schENUK, schKMU, schICAO, schDEUK, schPLUK}
var informalRU = []*scheme{schEN, schEN, schICAO, schBGN, schDE, schKMU}

// conventional press spellings of given names where the rules of a scheme
// would give something no newspaper prints.
var pressGiven = map[*scheme]map[string]string{
	schEN:   {"Александр": "Alexander", "Юрий": "Yuri", "Наталья": "Natalia", "Мария": "Maria", "Юлия": "Yulia", "Виктория": "Victoria"},
	schDE:   {"Александр": "Alexander", "Пётр": "Pjotr", "Мария": "Maria", "Юлия": "Julia", "Виктория": "Viktoria"},
	schFR:   {"Александр": "Alexandre", "Пётр": "Piotr", "Мария": "Maria", "Виктория": "Victoria", "Михаил": "Mikhaïl"},
	schPLUK: {"Олександр": "Ołeksandr", "Олексій": "Ołeksij", "Олена": "Ołena", "Олег": "Ołeh"},
	schPL:   {"Александр": "Aleksander", "Пётр": "Piotr", "Павел": "Paweł", "Мария": "Maria", "Юлия": "Julia"},
}

// date layouts
const (
	dateISO  = iota // 2006-01-02
	dateDMY         // 02.01.2006
	dateYMD         // 20060102
	dateYear        // 2006 (the source only ever knows the year)
)

// full-name orders
const (
	orderGF   = iota // Given Family
	orderFG          // Family Given
	orderFGP         // Family Given Patronymic
	orderGPF         // Given Patronymic Family
	orderFcGP        // FAMILY Given Patronymic
	numOrders
)

type fateMask uint8

const (
	mAlive fateMask = 1 << iota
	mMissing
	mCaptured
	mWounded
	mDead
	mAll = mAlive | mMissing | mCaptured | mWounded | mDead
)

// source is a list, a publication or a channel that writes records. The
// names are generic on purpose: fictional records must not be attributed to
// real organisations.
type source struct {
	name    string
	habit   Habit
	side    string // "ua", "ru" or "" for both: whose people it writes about
	fates   fateMask
	civ     bool // writes about civilians too
	weight  float64
	full    float64 // share of records with the name in full_name only
	order   int
	patr    float64 // share with a patronymic
	birth   float64 // share with a birth date
	yearish float64 // share of those that know only the year
	date    int
	bplace  float64
	unit    float64
	svc     float64
	sex     float64
	sdate   float64 // share with a status date
	place   float64 // share with the place of the event
	notes   float64
	status  string  // fixed status, or "" for the fate (sometimes an earlier stage)
	scanned bool    // OCR errors can occur
	dim     float64 // share of DiminutiveRate on top of the habit's
	h       *habit  // habits[habit], set at init
}

var sources = []source{
	{name: "UA MoD list", habit: HabitUkCyr, side: "ua", fates: mMissing | mCaptured | mDead | mWounded, weight: 10, order: orderFGP, patr: 0.95, birth: 0.95, date: dateDMY, bplace: 0.7, unit: 0.85, svc: 0.7, sex: 1, sdate: 0.9, place: 0.6, scanned: true},
	{name: "UA missing-persons register", habit: HabitUkCyr, side: "ua", fates: mMissing | mCaptured, civ: true, weight: 6, full: 1, order: orderFGP, patr: 0.9, birth: 0.9, date: dateDMY, bplace: 0.5, unit: 0.3, sex: 0.5, sdate: 0.7, place: 0.5},
	{name: "UA POW list", habit: HabitPOWList, side: "ru", fates: mCaptured, weight: 6, full: 1, order: orderFcGP, patr: 0.95, birth: 0.9, date: dateDMY, bplace: 0.5, unit: 0.6, svc: 0.2, sex: 0, sdate: 0.5, place: 0.4, status: "captured", scanned: true},
	{name: "RU exchange list", habit: HabitPOWList, side: "ua", fates: mCaptured | mAlive, civ: true, weight: 6, full: 1, order: orderFcGP, patr: 0.95, birth: 0.9, date: dateDMY, bplace: 0.3, unit: 0.4, sex: 0, sdate: 0.3, status: "captured", scanned: true},
	{name: "RU media death list", habit: HabitRuCyr, side: "ru", fates: mDead, weight: 10, full: 1, order: orderFGP, patr: 0.6, birth: 0.8, date: dateDMY, bplace: 0.8, unit: 0.6, sex: 0.2, sdate: 0.7, place: 0.3, status: "dead"},
	{name: "RU regional obituaries", habit: HabitRuCyr, side: "ru", fates: mDead, weight: 5, full: 0.7, order: orderGF, patr: 0.3, birth: 0.4, yearish: 0.5, date: dateDMY, bplace: 0.6, unit: 0.3, sex: 0.3, sdate: 0.4, notes: 0.3, status: "dead"},
	{name: "UA media on POWs", habit: HabitUkCyr, side: "ru", fates: mCaptured | mDead, weight: 3, full: 1, order: orderGF, patr: 0.2, birth: 0.4, yearish: 0.5, date: dateDMY, bplace: 0.5, unit: 0.5, sdate: 0.5, place: 0.6, notes: 0.2},
	{name: "RU social media", habit: HabitRuCyr, side: "ua", fates: mCaptured | mDead, weight: 2, full: 1, order: orderFG, patr: 0.3, birth: 0.3, yearish: 0.5, date: dateDMY, bplace: 0.4, unit: 0.3, sdate: 0.3, place: 0.5},
	{name: "UA social media", habit: HabitUkCyr, side: "ua", fates: mDead | mMissing | mCaptured, civ: true, weight: 5, dim: 0.1, full: 1, order: orderGF, patr: 0.1, birth: 0.3, yearish: 0.6, date: dateDMY, bplace: 0.4, unit: 0.4, sdate: 0.5, place: 0.5, notes: 0.4},
	{name: "tracing agency (UA)", habit: HabitKMU, side: "ua", fates: mCaptured | mMissing | mAlive, civ: true, weight: 4, patr: 0.5, birth: 0.95, date: dateISO, bplace: 0.4, sex: 1, sdate: 0.8},
	{name: "tracing agency (RU)", habit: HabitICAO, side: "ru", fates: mCaptured | mMissing | mAlive, civ: true, weight: 4, patr: 0.5, birth: 0.95, date: dateISO, bplace: 0.4, sex: 1, sdate: 0.8},
	{name: "UA registry extract", habit: HabitKMU, side: "ua", fates: mAll, civ: true, weight: 3, patr: 0, birth: 1, date: dateYMD, bplace: 0.8, svc: 0.3, sex: 1},
	{name: "RU registry extract", habit: HabitICAO, side: "ru", fates: mAll, civ: true, weight: 3, patr: 0, birth: 1, date: dateYMD, bplace: 0.8, svc: 0.3, sex: 1},
	{name: "OSINT volunteers", habit: HabitBGN, fates: mDead | mCaptured, weight: 4, full: 0.6, order: orderGF, patr: 0.2, birth: 0.5, yearish: 0.3, date: dateISO, bplace: 0.3, unit: 0.7, sdate: 0.8, place: 0.7},
	{name: "memorial book index", habit: HabitGOST, fates: mDead, weight: 2, full: 1, order: orderFGP, patr: 0.8, birth: 0.9, date: dateDMY, bplace: 0.6, sdate: 0.8, status: "dead"},
	{name: "English-language press", habit: HabitEnPress, fates: mDead | mCaptured | mMissing, civ: true, weight: 3, full: 1, order: orderGF, birth: 0.6, date: dateYear, bplace: 0.5, unit: 0.5, sdate: 0.6, place: 0.6, notes: 0.4},
	{name: "news agency wire", habit: HabitEnPress, fates: mDead | mCaptured, civ: true, weight: 2, full: 1, order: orderGF, birth: 0.5, date: dateYear, bplace: 0.3, unit: 0.3, sdate: 0.5, place: 0.6, notes: 0.3},
	{name: "German press", habit: HabitDePress, fates: mDead | mCaptured | mMissing, civ: true, weight: 1.5, full: 1, order: orderGF, birth: 0.5, date: dateYear, bplace: 0.4, sdate: 0.4, place: 0.6, notes: 0.4},
	{name: "French press", habit: HabitFrPress, fates: mDead | mCaptured | mMissing, civ: true, weight: 1.5, full: 1, order: orderGF, birth: 0.5, date: dateYear, bplace: 0.4, sdate: 0.4, place: 0.6, notes: 0.4},
	{name: "Polish press", habit: HabitPlPress, fates: mDead | mCaptured | mMissing, civ: true, weight: 1.5, full: 1, order: orderGF, birth: 0.5, date: dateYear, bplace: 0.4, sdate: 0.4, place: 0.6, notes: 0.4},
	{name: "Polish volunteers list", habit: HabitPlPress, fates: mMissing | mCaptured, civ: true, weight: 1, full: 0, order: orderFG, birth: 0.7, date: dateDMY, bplace: 0.4, sex: 0.5},
	{name: "family inquiry (uk)", habit: HabitFamilyUk, side: "ua", fates: mAll, civ: true, weight: 14, full: 0.3, order: orderFG, patr: 0.6, birth: 0.95, yearish: 0.3, date: dateDMY, bplace: 0.5, unit: 0.5, sex: 0.7, sdate: 0.7, place: 0.6, notes: 0.3, status: "sought"},
	{name: "family inquiry (ru)", habit: HabitFamilyRu, side: "ru", fates: mAll, civ: true, weight: 9, full: 0.3, order: orderFG, patr: 0.6, birth: 0.95, yearish: 0.3, date: dateDMY, bplace: 0.5, unit: 0.5, sex: 0.7, sdate: 0.7, place: 0.6, notes: 0.3, status: "sought"},
	{name: "family inquiry (web)", habit: HabitFamilyLt, fates: mAll, civ: true, weight: 3, full: 0.6, order: orderGF, patr: 0.1, birth: 0.9, yearish: 0.4, date: dateISO, bplace: 0.3, sex: 0.8, sdate: 0.5, place: 0.4, notes: 0.2, status: "sought"},
	{name: "comrade report (UA)", habit: HabitUkCyr, side: "ua", fates: mMissing | mWounded | mDead | mCaptured, weight: 5, dim: 0.2, full: 0.8, order: orderFG, patr: 0.3, birth: 0.15, yearish: 0.6, date: dateDMY, unit: 0.9, sdate: 0.8, place: 0.9, notes: 0.5},
	{name: "comrade report (RU)", habit: HabitRuCyr, side: "ru", fates: mMissing | mWounded | mDead | mCaptured, weight: 3, dim: 0.2, full: 0.8, order: orderFG, patr: 0.3, birth: 0.15, yearish: 0.6, date: dateDMY, unit: 0.9, sdate: 0.8, place: 0.9, notes: 0.5},
	{name: "UA hospital list", habit: HabitUkCyr, side: "ua", fates: mWounded, civ: true, weight: 4, order: orderFGP, patr: 0.9, birth: 0.95, date: dateISO, unit: 0.5, sex: 1, sdate: 0.9, status: "wounded"},
	{name: "RU hospital list", habit: HabitRuCyr, side: "ru", fates: mWounded, civ: true, weight: 3, order: orderFGP, patr: 0.9, birth: 0.95, date: dateYMD, unit: 0.5, sex: 1, sdate: 0.9, status: "wounded"},
}

// sourceChoice[side][fate][civilian] is the weighted list of sources that
// write about such a person.
var sourceChoice [2][5][2]struct {
	idx []int
	w   weighted
}

func init() {
	for i := range sources {
		sources[i].h = habits[sources[i].habit]
	}
	for side := 0; side < 2; side++ {
		for fate := 0; fate < 5; fate++ {
			for civ := 0; civ < 2; civ++ {
				var idx []int
				var ws []float64
				for i, s := range sources {
					if s.side == "ua" && side != 0 || s.side == "ru" && side != 1 {
						continue
					}
					if s.fates&(1<<fate) == 0 || civ == 1 && !s.civ {
						continue
					}
					idx, ws = append(idx, i), append(ws, s.weight)
				}
				sourceChoice[side][fate][civ].idx = idx
				sourceChoice[side][fate][civ].w = cumulate(ws)
			}
		}
	}
}

// SourceInfo describes a source for an importer that registers sources. Kind
// and Reliability use the domain's words (lastseen.SourceKind, Admiralty
// grades A–F).
type SourceInfo struct {
	Name        string
	Kind        string
	Reliability string
	Habit       Habit
}

var sourceKinds = map[string][2]string{
	"UA MoD list": {"official", "B"}, "UA missing-persons register": {"official", "B"},
	"UA POW list": {"prisoner_list", "B"}, "RU exchange list": {"prisoner_list", "C"},
	"RU media death list": {"media", "B"}, "RU regional obituaries": {"media", "C"},
	"UA social media": {"social", "E"}, "UA media on POWs": {"media", "C"}, "RU social media": {"social", "E"}, "tracing agency (UA)": {"ngo", "A"}, "tracing agency (RU)": {"ngo", "A"},
	"UA registry extract": {"official", "A"}, "RU registry extract": {"official", "A"},
	"OSINT volunteers": {"witness", "C"}, "memorial book index": {"ngo", "C"},
	"English-language press": {"media", "C"}, "news agency wire": {"media", "B"}, "German press": {"media", "C"},
	"French press": {"media", "C"}, "Polish press": {"media", "C"}, "Polish volunteers list": {"ngo", "D"},
	"family inquiry (uk)": {"family", "C"}, "family inquiry (ru)": {"family", "C"}, "family inquiry (web)": {"family", "D"},
	"comrade report (UA)": {"comrade", "C"}, "comrade report (RU)": {"comrade", "C"},
	"UA hospital list": {"hospital", "B"}, "RU hospital list": {"hospital", "B"},
}

// Sources lists every source Generate writes records for, in a fixed order.
func Sources() []SourceInfo {
	out := make([]SourceInfo, len(sources))
	for i, s := range sources {
		k := sourceKinds[s.name]
		out[i] = SourceInfo{Name: s.name, Kind: k[0], Reliability: k[1], Habit: s.habit}
	}
	return out
}
