package linkage

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/lastseen/lastseen"
)

// Level is one comparison level of a field with its Fellegi–Sunter
// probabilities: M = P(level | same person), U = P(level | different people).
// Its weight is log2(M/U).
type Level struct {
	Name string  `json:"name"`
	M    float64 `json:"m"`
	U    float64 `json:"u"`
}

// FieldModel is one compared field.
type FieldModel struct {
	Name   string  `json:"name"`
	Levels []Level `json:"levels"` // Levels[0] is "missing" and weighs nothing
	// TF says whether agreement is adjusted by the value's frequency (a match
	// on Иванов is worth less than one on Гнатюк).
	TF bool `json:"tf"`
}

// Model is a trained Fellegi–Sunter model: the field levels, their m and u
// probabilities, and the prior. A score is log2 odds: the prior's log2 odds
// plus the weight of each field's level.
type Model struct {
	Version int `json:"version"`
	// Prior is the probability that two records drawn at random describe the
	// same person.
	Prior  float64      `json:"prior"`
	Fields []FieldModel `json:"fields"`
	// TFMax caps the term-frequency adjustment in log2 units, either way,
	// so that one rare value (often a typo) cannot decide a pair alone.
	TFMax float64 `json:"tf_max"`
	// Duplication is the number of records of a record's own person, on
	// average over records, as training estimated it (see setDuplication).
	// A value's frequency among other people's records leaves out the
	// records of the person itself: a surname written five times about one
	// man is not a common surname.
	Duplication float64 `json:"duplication"`
	// Disagree are the disagreement weights c(k) of k = 0 … MaxDisagree
	// disagreeing fields among matches (see disagree.go); nil: the fields
	// of a match are independent.
	Disagree []float64 `json:"disagree,omitempty"`

	// compiled weights
	prior   float64
	w       [MaxFields][MaxLevels]float64
	logU    [MaxFields]float64 // log2 of the u of all the agreeing levels together
	tfLevel [MaxFields]uint8   // levels 1..tfLevel get the adjustment
	n       int
	dweight [][MaxDisagree + 1]float32 // by presence mask and disagreements: log2(c(k)/Z(S))
}

// modelVersion 2 added Disagree, 3 the event fields (event_place,
// status_date); older models still load (see upgrade).
const modelVersion = 3

// NewModel returns an untrained model for the core fields and the named extra
// columns, with starting m and u values that training replaces.
func NewModel(extra ...string) *Model {
	m := &Model{Version: modelVersion, Prior: 1e-4, TFMax: 6, Duplication: 1}
	nameM := []float64{0, 0.70, 0.08, 0.06, 0.06, 0.03, 0.02, 0.04, 0.01}
	nameU := []float64{0, 0.01, 0.002, 0.002, 0.005, 0.05, 0.02, 0.41, 0.5}
	for f := 0; f < numCoreFields; f++ {
		fm := FieldModel{Name: coreFieldNames[f]}
		var ls []string
		var mm, uu []float64
		switch f {
		case FieldGiven, FieldFamily, FieldPatronymic:
			ls, mm, uu = nameLevels, nameM, nameU
			fm.TF = true
		case FieldBirthDate:
			ls = dateLevels
			mm = []float64{0, 0.77, 0.02, 0.05, 0.05, 0.02, 0.01, 0.03, 0.02, 0.02, 0.003, 0.005}
			uu = []float64{0, 0.0001, 0.0001, 0.001, 0.002, 0.003, 0.0004, 0.01, 0.02, 0.1, 0.5667, 0.2966}
		case FieldSex:
			ls, mm, uu = sexLevels, []float64{0, 0.98, 0.02}, []float64{0, 0.5, 0.5}
		case FieldSide:
			ls, mm, uu = sexLevels, []float64{0, 0.99, 0.01}, []float64{0, 0.5, 0.5}
		case FieldServiceNumber:
			ls, mm, uu = textLevels, []float64{0, 0.95, 0.03, 0.02}, []float64{0, 1e-6, 1e-4, 0.9999}
		case FieldStatusDate:
			// before training, disagreement is weak evidence: one person
			// may report two events months apart
			ls = eventLevels
			mm = []float64{0, 0.4, 0.2, 0.02, 0.1, 0.28}
			uu = []float64{0, 0.004, 0.012, 0.005, 0.1, 0.879}
		case FieldEventPlace:
			ls, mm, uu = textLevels, []float64{0, 0.6, 0.1, 0.3}, []float64{0, 0.05, 0.02, 0.93}
			fm.TF = true
		default:
			ls, mm, uu = textLevels, []float64{0, 0.8, 0.1, 0.1}, []float64{0, 0.01, 0.01, 0.98}
			fm.TF = true
		}
		for i, l := range ls {
			fm.Levels = append(fm.Levels, Level{Name: l, M: mm[i], U: uu[i]})
		}
		m.Fields = append(m.Fields, fm)
	}
	for _, e := range extra {
		fm := FieldModel{Name: e, TF: true}
		for i, l := range textLevels {
			fm.Levels = append(fm.Levels, Level{Name: l, M: []float64{0, 0.8, 0.1, 0.1}[i], U: []float64{0, 0.01, 0.01, 0.98}[i]})
		}
		m.Fields = append(m.Fields, fm)
	}
	if err := m.compile(); err != nil {
		panic(err) // the tables above are wrong
	}
	return m
}

// Extra returns the names of the model's extra compared columns.
func (m *Model) Extra() []string {
	var out []string
	for _, f := range m.Fields[numCoreFields:] {
		out = append(out, f.Name)
	}
	return out
}

// clampP keeps a probability away from 0 and 1, where a weight would be infinite.
func clampP(p float64) float64 { return min(max(p, 1e-9), 1-1e-9) }

// Update checks the model and recomputes its weights; call it after changing
// the exported fields.
func (m *Model) Update() error { return m.compile() }

// compile checks the model and computes its weight tables.
func (m *Model) compile() error {
	if len(m.Fields) < numCoreFields || len(m.Fields) > MaxFields {
		return fmt.Errorf("model: %d fields, want %d to %d", len(m.Fields), numCoreFields, MaxFields)
	}
	for f := 0; f < numCoreFields; f++ {
		if m.Fields[f].Name != coreFieldNames[f] {
			return fmt.Errorf("model: field %d is %q, want %q", f, m.Fields[f].Name, coreFieldNames[f])
		}
	}
	if !(m.Prior > 0 && m.Prior < 1) {
		return fmt.Errorf("model: prior %v is not a probability strictly between 0 and 1", m.Prior)
	}
	m.n = len(m.Fields)
	m.prior = math.Log2(m.Prior / (1 - m.Prior))
	for f, fm := range m.Fields {
		want := textLevels
		switch f {
		case FieldGiven, FieldFamily, FieldPatronymic:
			want = nameLevels
		case FieldBirthDate:
			want = dateLevels
		case FieldSex, FieldSide:
			want = sexLevels
		case FieldStatusDate:
			want = eventLevels
		}
		if len(fm.Levels) != len(want) {
			return fmt.Errorf("model: field %s has %d levels, want %d", fm.Name, len(fm.Levels), len(want))
		}
		m.tfLevel[f] = 0
		for l, lv := range fm.Levels {
			if lv.Name != want[l] {
				return fmt.Errorf("model: field %s level %d is %q, want %q", fm.Name, l, lv.Name, want[l])
			}
			if l == 0 {
				m.w[f][l] = 0
				continue
			}
			if !(lv.M >= 0 && lv.M <= 1 && lv.U >= 0 && lv.U <= 1) {
				return fmt.Errorf("model: field %s level %s: m=%v u=%v are not probabilities", fm.Name, lv.Name, lv.M, lv.U)
			}
			m.w[f][l] = math.Log2(clampP(lv.M) / clampP(lv.U))
		}
		if fm.TF {
			m.tfLevel[f] = TextExact
			if f <= FieldPatronymic {
				m.tfLevel[f] = NameForm
			}
			agree := 0.0
			for l := 1; l <= int(m.tfLevel[f]); l++ {
				agree += fm.Levels[l].U
			}
			m.logU[f] = math.Log2(clampP(agree))
		}
	}
	return m.compileDisagree()
}

// Weight is the weight of level l of field f, without term-frequency adjustment.
func (m *Model) Weight(f int, l uint8) float64 { return m.w[f][l] }

// PriorWeight is the prior in log2 odds: the score of a pair about which
// nothing is known.
func (m *Model) PriorWeight() float64 { return m.prior }

// SetFrequencies sets the records' term frequencies from their counts among
// n records: the share of other people's records with the same value,
// log2(max(count - Duplication, 0.5) / n). Call it after Preparer.Finalize
// (or Refresh) and whenever the model changes.
func (m *Model) SetFrequencies(rs []*Prepared, n int) {
	for _, r := range rs {
		r.setFrequencies(n, m.Duplication)
	}
}

// setFrequencies sets the record's term frequencies from its counts among n
// records, d of them (on average) the person's own.
func (r *Prepared) setFrequencies(n int, d float64) {
	d = max(d, 1)
	lf := func(c uint32) float32 {
		if c == 0 || n == 0 {
			return 0
		}
		return float32(math.Log2(max(float64(c)-d, 0.5) / float64(n)))
	}
	r.given.tf, r.family.tf, r.patr.tf = lf(r.given.cnt), lf(r.family.cnt), lf(r.patr.cnt)
	r.place.tf, r.unit.tf, r.svc.tf = lf(r.place.cnt), lf(r.unit.cnt), lf(r.svc.cnt)
	r.evPlace.tf = lf(r.evPlace.cnt)
	for i := range r.extra {
		r.extra[i].tf = lf(r.extra[i].cnt)
	}
}

// tfAdjust is the term-frequency adjustment of field f at an agreeing level
// l (exact, translit, form) for a value whose log2 frequency is tf. Two
// records of different people share the value with the probability of its
// frequency, whatever form they write it in; u of the level is the share of
// all agreeing pairs that reach it, so its value-specific u is u_level ×
// frequency / u_agree, and the adjustment log2(u_agree / frequency).
func (m *Model) tfAdjust(f int, l uint8, tf float32) float64 {
	if l == 0 || l > m.tfLevel[f] || tf == 0 {
		return 0
	}
	a := m.logU[f] - float64(tf)
	return min(max(a, -m.TFMax), m.TFMax)
}

func (m *Model) fieldTF(f int, a, b *Prepared) float32 {
	// the commoner value of the two: conservative when they differ in form
	switch f {
	case FieldGiven:
		return max(a.given.tf, b.given.tf)
	case FieldFamily:
		return max(a.family.tf, b.family.tf)
	case FieldPatronymic:
		return max(a.patr.tf, b.patr.tf)
	case FieldBirthPlace:
		return max(a.place.tf, b.place.tf)
	case FieldUnit:
		return max(a.unit.tf, b.unit.tf)
	case FieldServiceNumber:
		return max(a.svc.tf, b.svc.tf)
	case FieldEventPlace:
		return max(a.evPlace.tf, b.evPlace.tf)
	case FieldBirthDate, FieldSex, FieldSide, FieldStatusDate:
		return 0
	}
	i := f - numCoreFields
	if i < len(a.extra) && i < len(b.extra) {
		return max(a.extra[i].tf, b.extra[i].tf)
	}
	return 0
}

// Score returns the match weight of two prepared records in log2 odds.
// It allocates nothing.
func (m *Model) Score(a, b *Prepared) float64 {
	v := Compare(a, b)
	return m.ScoreVector(&v, a, b)
}

// ScoreVector returns the match weight of a comparison vector of a and b.
func (m *Model) ScoreVector(v *Vector, a, b *Prepared) float64 {
	s := m.prior
	var mask uint32
	k := 0
	for f := 0; f < m.n; f++ {
		l := v[f]
		if l != 0 {
			mask |= maskBits[f]
			if l > agreeLevel(f) {
				k++
			}
		}
		switch {
		case l == 0:
		case l <= m.tfLevel[f]:
			s += m.w[f][l] + m.tfAdjust(f, l, m.fieldTF(f, a, b))
		case f <= FieldPatronymic && m.tfLevel[f] > 0 && (l == NameClose || l == NameSimilar):
			s += m.typoWeight(f, l, m.fieldTF(f, a, b))
		default:
			s += m.w[f][l]
		}
	}
	if m.dweight != nil {
		s += float64(m.dweight[mask][min(k, MaxDisagree)])
	}
	return s
}

// typoWeight is the weight of a name that agrees but for a typo (close,
// similar): never more than exact agreement on the commoner of the two
// names would weigh. A typo of Schmidt says no more than Schmidt itself,
// and the level's weight, learnt over all names, is that of a rarer name.
func (m *Model) typoWeight(f int, l uint8, tf float32) float64 {
	w := m.w[f][l]
	if tf == 0 {
		return w
	}
	return min(w, m.w[f][NameExact]+m.tfAdjust(f, NameExact, tf))
}

// Explanation says why a pair scored as it did: Score = Prior + the sum of the
// field weights.
type Explanation struct {
	Score       float64                `json:"score"`
	Probability float64                `json:"probability"`
	Prior       float64                `json:"prior"`
	Fields      []lastseen.FieldWeight `json:"fields"`
}

// DisagreeField names the line of an Explanation that weighs the number of
// disagreeing fields (see Model.Disagree); its level is that number.
const DisagreeField = "disagreements"

// Explain scores a pair and returns each field's level and weight, the
// term-frequency adjustment included in the field's weight, and, when the
// model weighs it, the number of disagreeing fields as a last line.
func (m *Model) Explain(a, b *Prepared) Explanation {
	v := Compare(a, b)
	e := Explanation{Prior: m.prior, Fields: make([]lastseen.FieldWeight, 0, m.n)}
	s := m.prior
	for f := 0; f < m.n; f++ {
		l := v[f]
		w := m.w[f][l] + m.tfAdjust(f, l, m.fieldTF(f, a, b))
		if f <= FieldPatronymic && m.tfLevel[f] > 0 && (l == NameClose || l == NameSimilar) {
			w = m.typoWeight(f, l, m.fieldTF(f, a, b))
		}
		s += w
		va, vb := a.value(f), b.value(f)
		e.Fields = append(e.Fields, lastseen.FieldWeight{
			Field: m.Fields[f].Name, Level: m.Fields[f].Levels[l].Name, Weight: w, A: va, B: vb,
		})
	}
	if w, k := m.disagreeWeight(&v); m.dweight != nil {
		s += w
		level := strconv.Itoa(k)
		if k == MaxDisagree {
			level += "+"
		}
		e.Fields = append(e.Fields, lastseen.FieldWeight{Field: DisagreeField, Level: level, Weight: w})
	}
	e.Score = s
	e.Probability = Probability(s)
	return e
}

// value is field f of the record as the explanation shows it.
func (p *Prepared) value(f int) string {
	switch f {
	case FieldGiven:
		return p.given.f
	case FieldFamily:
		return p.family.f
	case FieldPatronymic:
		return p.patr.f
	case FieldBirthDate:
		return lastseen.PartialDate{Year: int(p.by), Month: int(p.bm), Day: int(p.bd), Precision: p.bprec}.String()
	case FieldBirthPlace:
		return p.place.s
	case FieldSex:
		return [...]string{"", "m", "f"}[p.sex]
	case FieldSide:
		return p.sideName
	case FieldUnit:
		return p.unit.s
	case FieldServiceNumber:
		return p.svc.s
	case FieldEventPlace:
		return p.evPlace.s
	case FieldStatusDate:
		return lastseen.PartialDate{Year: int(p.ey), Month: int(p.em), Day: int(p.ed), Precision: p.eprec}.String()
	}
	if i := f - numCoreFields; i < len(p.extra) {
		return p.extra[i].s
	}
	return ""
}

// upgrade brings a model of an older version to this one. Versions 1 and 2
// have no event fields: they are inserted after the other core fields with
// m = u, so that they weigh nothing and the model scores as it did.
func (m *Model) upgrade() {
	if m.Version >= 3 || len(m.Fields) < FieldEventPlace ||
		len(m.Fields) > FieldEventPlace && m.Fields[FieldEventPlace].Name == coreFieldNames[FieldEventPlace] {
		return
	}
	// a fresh model's event fields, its own to change
	event := NewModel().Fields[FieldEventPlace:numCoreFields]
	for f := range event {
		event[f].TF = false
		for l := range event[f].Levels {
			event[f].Levels[l].M = event[f].Levels[l].U
		}
	}
	m.Fields = slices.Insert(m.Fields, FieldEventPlace, event...)
	m.Version = modelVersion
}

// Probability converts log2 odds to a probability.
func Probability(score float64) float64 { return 1 / (1 + math.Exp2(-score)) }

// Odds converts a probability to log2 odds.
func Odds(p float64) float64 { return math.Log2(p / (1 - p)) }

// Save writes the model as JSON.
func (m *Model) Save(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// LoadModel reads a model written by Save and checks it.
func LoadModel(r io.Reader) (*Model, error) {
	m := &Model{}
	if err := json.NewDecoder(r).Decode(m); err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	if m.Version < 1 || m.Version > modelVersion {
		return nil, fmt.Errorf("load model: version %d, this program reads versions 1 to %d", m.Version, modelVersion)
	}
	m.upgrade()
	if err := m.compile(); err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return m, nil
}
