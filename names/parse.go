package names

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Order is the order in which a full name's parts were written, one letter a
// part: G given, P patronymic, F family. "GPF" is Олександр Миколайович
// Коваленко; "FGP" is Коваленко Олександр Миколайович (and Коваленко О.М.);
// "FG" is KOVALENKO Oleksandr.
type Order string

// Parsed is a full name split into its parts.
type Parsed struct {
	Given, Patronymic, Family string // as written, normalised; "" when absent
	GivenInitial              bool   // Given is only an initial (О. or O)
	PatronymicInitial         bool
	Order                     Order
	Script                    Script
	// Confidence in [0,1] that the parts are assigned right: high when the
	// evidence (a patronymic suffix, a known given name, a capitalised or
	// typical family name) leaves one reading, 0.5 when two readings tie.
	Confidence float64
}

const maxTokens = 8

type token struct {
	text     string // normalised, without trailing dots or commas
	sk       string // skeleton
	initial  bool
	caps     bool // all capitals, two letters or more
	given    []*GivenName
	fullForm bool // the skeleton is a full form of some given name
	pat      bool
	patWeak  bool // only the table's -ич forms (Кузьмич, Гаврилич), which are also family names
	patSex   Sex
	fathers  []*GivenName
	famLike  float64 // how typical of a family name its ending is: 0, weak 0.5, strong 1
	baltic   bool    // read without a Lithuanian or Latvian ending (see balticWord)
}

// Parse splits a full name into given name, patronymic and family name. It
// reads the orders people write (Given Patronymic Family, Family Given
// Patronymic, FAMILY Given, initials as in Коваленко О.М. or O. M. Kovalenko)
// in any script, using patronymic suffixes, the given-name table, family-name
// endings and capitals as evidence.
func Parse(full string) Parsed {
	var toks [maxTokens]token
	var p Parsed
	parseInto(full, &toks, &p)
	return p
}

// parseInto fills p and returns the tokens with roles (for Prepare, which
// reuses their skeletons).
func parseInto(full string, toks *[maxTokens]token, p *Parsed) (roles string, n int) {
	s, script := normalizeScript(full)
	p.Script = script
	n = tokenize(s, toks)
	if n == 0 {
		return "", 0
	}
	n = dropRanks(toks[:], n)
	ts := toks[:n]
	balticName(ts)
	var lower bool // does any token have lower case? then ALL CAPS marks a family name
	for i := range ts {
		if !ts[i].caps && !ts[i].initial {
			lower = true
		}
	}
	best, second := math.Inf(-1), math.Inf(-1)
	for _, pat := range patterns(n) {
		if pat == "FPG" && !ts[1].pat && !ts[1].initial {
			continue // read only on a patronymic's evidence
		}
		sc := scorePattern(ts, pat, lower)
		if sc > best {
			best, second, roles = sc, best, pat
		} else if sc > second {
			second = sc
		}
	}
	margin := best - second
	if math.IsInf(second, -1) {
		margin = 3
	}
	conf := 0.5 + 0.5*math.Tanh(margin/2)
	if best < 1 {
		conf *= 0.5 + 0.5*math.Max(0, best)/1
	}
	p.Confidence = math.Round(conf*100) / 100
	var order []byte
	var fam []string
	for i, r := range roles {
		t := &ts[i]
		switch r {
		case 'G':
			p.Given, p.GivenInitial = t.text, t.initial
		case 'P':
			p.Patronymic, p.PatronymicInitial = t.text, t.initial
		case 'F':
			fam = append(fam, t.text)
		}
		if len(order) == 0 || order[len(order)-1] != byte(r) {
			order = append(order, byte(r))
		}
	}
	p.Family = strings.Join(fam, " ")
	p.Order = Order(order)
	return roles, n
}

// patterns lists the readings tried for n tokens. Extra tokens beyond three are
// read as parts of a double family name.
func patterns(n int) []string {
	switch n {
	case 1:
		return patterns1
	case 2:
		return patterns2
	case 3:
		return patterns3
	}
	f := strings.Repeat("F", n-2)
	return []string{"GP" + f, f + "GP", "G" + strings.Repeat("F", n-1), strings.Repeat("F", n-1) + "G"}
}

// the readings of one, two and three words, shared so that a parse does not
// allocate them
var (
	patterns1 = []string{"G", "F"}
	patterns2 = []string{"GF", "FG", "GP", "FP", "PF"}
	patterns3 = []string{"GPF", "FGP", "GFF", "FFG", "GFP", "FPG"}
)

func scorePattern(ts []token, pat string, lower bool) float64 {
	sc := 0.0
	givenInitial := false
	for i := range ts {
		if pat[i] == 'G' && ts[i].initial {
			givenInitial = true
		}
	}
	for i := range ts {
		t := &ts[i]
		switch pat[i] {
		case 'G':
			switch {
			case t.initial:
				sc += 1
			case t.pat:
				sc -= 3
			case len(t.given) > 0 && t.fullForm:
				sc += 2
			case len(t.given) > 0:
				sc += 1.5
			case t.famLike > 0:
				sc -= t.famLike
			default:
				sc -= 0.5 // a word the table does not know is more often a family name
			}
			if t.caps && lower {
				sc -= 1.5
			}
		case 'P':
			switch {
			case t.initial && givenInitial:
				sc += 0.8
			case t.initial:
				sc -= 0.3 // Иванов Иван И. is a common way of writing
			case givenInitial:
				sc -= 2 // lists write both initials or neither: О. Миколайович is odd
			case t.pat && t.patWeak:
				sc += 1.5
			case t.pat && len(t.fathers) > 0:
				sc += 3.5
			case t.pat:
				sc += 3
			default:
				sc -= 3
			}
			if t.caps && lower {
				sc -= 1.5
			}
		case 'F':
			switch {
			case t.initial:
				sc -= 4
			case t.pat && t.patWeak:
				sc -= 0.5
			case t.pat && len(t.fathers) == 0:
				sc -= 0.5 // Рабинович, Шостакович: -вич family names on no given name
			case t.pat:
				sc -= 2.5
			case len(t.given) > 0 && t.fullForm && t.famLike > 0:
				// Руслан, Мартин: both readings possible
			case len(t.given) > 0 && t.fullForm:
				sc -= 1.5
			case t.famLike > 0:
				sc += 1.5 * t.famLike
			case len(t.given) > 0:
				sc -= 0.5
			default:
				sc += 0.5
			}
			if t.caps && lower {
				sc += 1.5
			}
			if i > 0 && pat[i-1] == 'F' { // a double family name without a hyphen is rare
				sc -= 1.5
			}
		}
	}
	switch pat {
	case "GPF", "FGP", "GF":
		sc += 0.2
	case "FP", "PF":
		sc -= 0.5 // a name without its given name is rare
		sc -= unknownFather(ts, pat)
	case "GP":
		sc -= unknownFather(ts, pat)
	case "FPG":
		sc -= 0.5 // Коваленко Миколайович Олександр: rare, read only on a patronymic's evidence
	}
	return sc
}

// unknownFather is the penalty of a two-word reading with a patronymic on
// no known given name: a name without its family or given name is rare,
// and such a word is then mostly a family name (Rabinovich Ira).
func unknownFather(ts []token, pat string) float64 {
	for i := range ts {
		if pat[i] == 'P' && ts[i].pat && !ts[i].patWeak && len(ts[i].fathers) == 0 {
			return 4
		}
	}
	return 0
}

// tokenize splits a normalised name into tokens, splitting run-together
// initials (О.М. → О., М.) and classifying each token.
func tokenize(s string, toks *[maxTokens]token) int {
	n := tokenizeSkip(s, toks, true)
	if n == 0 {
		n = tokenizeSkip(s, toks, false) // the whole name was in brackets
	}
	if n == 1 && !toks[0].initial && len(toks[0].given) == 0 {
		if a, b, ok := splitRunTogether(toks[0].text); ok {
			classify(&toks[0], a)
			classify(&toks[1], b)
			n = 2
		}
	}
	return n
}

// suffixStart: a skeleton starts the way family-name suffixes do
// (Иван-овский, Роман-ишин), so it is no family name by itself.
func suffixStart(sk []byte) bool {
	if len(sk) < 2 {
		return true
	}
	switch string(sk[:2]) {
	case "ov", "ev", "en", "in", "ic", "iC", "iu", "uk", "ak", "ik", "ec", "is", "iS", "ko", "os", "es", "an":
		return true
	}
	return false
}

// splitRunTogether splits a one-word name that is a given name and a family
// name run together with no capital to show the seam (IVANPETROV,
// ВАСИЛЬБІЛИЙ: a list that lost its spaces): at the longest known full
// given name at its start, or else at its end, leaving three letters or
// more on the other side.
func splitRunTogether(w string) (string, string, bool) {
	if utf8.RuneCountInString(w) < 7 || strings.ContainsAny(w, "-'") {
		return "", "", false
	}
	var idx [48]int
	k := 0
	for i := range w {
		if k == len(idx) {
			return "", "", false
		}
		idx[k] = i
		k++
	}
	var buf [64]byte
	known := func(x string) bool { return fullBySkel[string(appendSkeleton(buf[:0], x))] }
	// A word with a family ending is mostly a family name built on a given
	// name (Романенко, Максимович, Степанишин, Иванченко): it is split only
	// when what follows the given name is a family name of five letters or
	// more by itself (JEVGENIJLYSENKO, ІРИНАЗУБКОВА), and never at its end.
	famLike := familyLike(appendSkeleton(buf[:0], w)) > 0
	for c := k - 3; c >= 3; c-- {
		if !known(w[:idx[c]]) {
			continue
		}
		if famLike {
			rest := appendSkeleton(buf[:0], w[idx[c]:])
			if k-c < 5 || familyLike(rest) == 0 || suffixStart(rest) {
				continue
			}
		}
		return w[:idx[c]], w[idx[c]:], true
	}
	if famLike {
		return "", "", false
	}
	for c := 3; c <= k-3; c++ {
		if known(w[idx[c]:]) {
			return w[:idx[c]], w[idx[c]:], true
		}
	}
	return "", "", false
}

// indexWordSep is strings.IndexAny(s, " ,;") as a byte loop: the three are
// ASCII, and an ASCII byte in a string is always that character.
func indexWordSep(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == ',' || c == ';' {
			return i
		}
	}
	return -1
}

// trimMarks is strings.Trim(w, ".-'()«»\"“”"), the quotes and brackets
// around a word, without the rune-by-rune search of a cutset that is not
// all ASCII: the ASCII marks are single bytes, and «, », “ and ” are
// matched on their bytes, which start with a lead byte and so are found
// exactly where the decoder would read the rune.
func trimMarks(w string) string {
	for w != "" {
		n := 0
		switch c := w[0]; {
		case c < utf8.RuneSelf:
			if isTrimMark(c) {
				n = 1
			}
		case c == 0xC2 && len(w) >= 2 && (w[1] == 0xAB || w[1] == 0xBB): // « »
			n = 2
		case c == 0xE2 && len(w) >= 3 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x9D): // “ ”
			n = 3
		}
		if n == 0 {
			break
		}
		w = w[n:]
	}
	for w != "" {
		n, k := 0, len(w)
		switch c := w[k-1]; {
		case c < utf8.RuneSelf:
			if isTrimMark(c) {
				n = 1
			}
		case (c == 0xAB || c == 0xBB) && k >= 2 && w[k-2] == 0xC2: // « »
			n = 2
		case (c == 0x9C || c == 0x9D) && k >= 3 && w[k-2] == 0x80 && w[k-3] == 0xE2: // “ ”
			n = 3
		}
		if n == 0 {
			break
		}
		w = w[:k-n]
	}
	return w
}

func isTrimMark(c byte) bool {
	switch c {
	case '.', '-', '\'', '(', ')', '"':
		return true
	}
	return false
}

func tokenizeSkip(s string, toks *[maxTokens]token, skipAliases bool) int {
	n := 0
	afterNumber := false // a number was read: a birth year's mark may follow
	depth := 0           // inside (…) or «…»: a nickname or an alias, not a part of the name
	for rest := s; rest != "" && n < maxTokens; {
		i := indexWordSep(rest)
		f := rest
		if i >= 0 {
			f, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if strings.HasPrefix(f, "(") || strings.HasPrefix(f, "«") || strings.HasPrefix(f, "\"") || strings.HasPrefix(f, "“") {
			depth++
		}
		if depth > 0 && skipAliases {
			if strings.HasSuffix(f, ")") || strings.HasSuffix(f, "»") || strings.HasSuffix(f, "\"") || strings.HasSuffix(f, "”") {
				depth--
			}
			continue
		}
		for f != "" && n < maxTokens {
			// split "О.М." and "O.M.Kovalenko"
			part := f
			if i := strings.IndexByte(f, '.'); i >= 0 && i < len(f)-1 {
				part, f = f[:i+1], f[i+1:]
			} else {
				f = ""
			}
			part = trimMarks(part)
			if !strings.ContainsFunc(part, isLetter) {
				afterNumber = afterNumber || strings.ContainsAny(part, "0123456789")
				continue // a date, a number, a stray mark: not a name
			}
			if len(part) <= 4 && yearMark(part, afterNumber, rest) {
				continue
			}
			// the two checks below are for rare habits: a quick look first
			if len(part) > 2 && strings.IndexByte(part[1:], 'I') >= 0 {
				part = innerIAsL(part)
			}
			if len(part) >= 2 && len(part) <= 4 && n > 0 && n+1 < maxTokens && len(toks[n-1].given) == 0 {
				if a, b, ok := splitInitialPair(part, s); ok {
					classify(&toks[n], a)
					classify(&toks[n+1], b)
					n += 2
					continue
				}
			}
			if a, b, ok := splitGlued(part); ok && n+1 < maxTokens {
				classify(&toks[n], a)
				classify(&toks[n+1], b)
				n += 2
				continue
			}
			classify(&toks[n], part)
			n++
		}
	}
	return n
}

// initialLen reports whether a token is an initial: one letter, or the two or
// three Latin letters a transliterated initial takes (Yu, Zh, Sh, Ch, Kh, Ya,
// Ye, Shch) when written with a dot or in capitals.
func isInitialToken(w string, dotted bool) bool {
	// the runes up to five: a longer word is no initial (RuneCountInString
	// would count a long name to the end)
	c := 0
	for i := 0; i < len(w) && c < 5; c++ {
		_, n := decodeRune(w, i)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(w[i:])
		}
		i += n
	}
	if c == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	if !dotted || c > 4 {
		return false
	}
	lower := ""
	if len(w) == c {
		// ASCII: lowered in a buffer, where strings.ToLower allocates
		var b [4]byte
		for i := 0; i < c; i++ {
			b[i] = w[i]
			if 'A' <= b[i] && b[i] <= 'Z' {
				b[i] += 'a' - 'A'
			}
		}
		lower = string(b[:c])
	} else {
		lower = strings.ToLower(w)
	}
	switch lower {
	case "yu", "ya", "ye", "yo", "zh", "sh", "ch", "kh", "ts", "shch", "iu", "ia", "ie", "ju", "ja", "je",
		"tch", "tsch", "sch", "dj", "dzh", "ou", "iou", "you", "jou":
		return true
	}
	return false
}

// unread: the token is neither a given name nor a patronymic whose father
// is known.
func (t *token) unread() bool { return len(t.given) == 0 && (!t.pat || len(t.fathers) == 0) }

func classify(t *token, w string) {
	*t = token{text: w}
	t.initial = isInitialToken(w, true)
	letters, upper := 0, 0
	for i := 0; i < len(w); {
		r, n := decodeRune(w, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(w[i:])
		}
		i += n
		if isLetter(r) {
			letters++
			if isUpper(r) {
				upper++
			}
		}
	}
	t.caps = letters >= 2 && upper == letters && !t.initial
	var buf [64]byte
	sk := appendSkeleton(buf[:0], w)
	t.sk = string(sk)
	if t.initial || len(sk) == 0 {
		return
	}
	t.given = givenBySkel[t.sk]
	t.fullForm = fullBySkel[t.sk]
	if len(t.given) == 0 {
		if k := diminutiveStem(sk); k != "" {
			t.given = givenBySkel[k]
		}
	}
	t.fathers, t.patSex, t.pat = patronymicSkel(sk)
	if len(t.given) == 0 || (t.pat && len(t.fathers) == 0) {
		// the other readings: French, German, ё as o
		alts, n := skelAlternatives(w)
		var ab [64]byte
		for i := 0; i < n; i++ {
			ask := appendSkeletonV(ab[:0], w, alts[i])
			if len(t.given) == 0 {
				if g := givenBySkel[string(ask)]; len(g) > 0 {
					t.given, t.fullForm = g, fullBySkel[string(ask)]
				}
			}
			if !t.pat || len(t.fathers) == 0 {
				if f, sex, ok := patronymicSkel(ask); ok && len(f) > 0 {
					t.fathers, t.patSex, t.pat = f, sex, true
				}
			}
		}
	}
	if t.pat && len(t.fathers) == 0 && len(t.given) > 0 {
		t.pat = false // a given name that happens to end like a patronymic
	}
	// still neither a given name nor a patronymic with its father: the
	// spellings of other languages, Baltic endings first, then Italian
	if t.unread() {
		balticToken(t, w)
		sk = unsafeBytes(t.sk)
	}
	if t.unread() {
		if it, ok := italianForm(w); ok {
			// the Italian reading: Sciapoval, Olegovici, Evghenij
			var ib [64]byte
			isk := appendSkeleton(ib[:0], it)
			if g := givenBySkel[string(isk)]; len(g) > 0 {
				t.given, t.fullForm = g, fullBySkel[string(isk)]
			} else if f, sex, ok := patronymicSkel(isk); ok && len(f) > 0 {
				t.fathers, t.patSex, t.pat = f, sex, true
				t.sk = string(isk)
				sk = unsafeBytes(t.sk)
			}
		}
	}
	t.famLike = familyLike(sk)
	if t.pat {
		n := len(sk)
		strong := n > 3 && (string(sk[n-3:]) == "viC" || string(sk[n-3:]) == "vna" || string(sk[n-3:]) == "Cna")
		t.patWeak = !strong
	}
}

// familyLike: how typical the skeleton's ending is of Russian and Ukrainian
// family names: 1 for -енко -ук -ов -ев -ский -ська…, 0.5 for endings that
// given names share (-ин, -ак, -ик, -ко, -ич), 0 otherwise.
func familyLike(sk []byte) float64 {
	n := len(sk)
	if n < 4 {
		return 0
	}
	// only the endings with sk's last letter can match
	e := &familyEndingsByLast[sk[n-1]]
	for _, suf := range e.strong {
		if n > len(suf)+1 && string(sk[n-len(suf):]) == suf {
			return 1
		}
	}
	for _, suf := range e.weak {
		if n > len(suf)+1 && string(sk[n-len(suf):]) == suf {
			return 0.5
		}
	}
	return 0
}

// familyEndingsByLast holds strongFamilyEndings and weakFamilyEndings by
// their last byte, in their order, so that familyLike compares a skeleton
// with the two or three endings that may match instead of all of them.
var familyEndingsByLast = func() (t [256]struct{ strong, weak []string }) {
	for _, suf := range strongFamilyEndings {
		c := suf[len(suf)-1]
		t[c].strong = append(t[c].strong, suf)
	}
	for _, suf := range weakFamilyEndings {
		c := suf[len(suf)-1]
		t[c].weak = append(t[c].weak, suf)
	}
	return t
}()

var (
	strongFamilyEndings = []string{"enko", "uk", "ov", "ova", "ev", "eva", "ski", "ska", "skaia", "cki", "cka", "ina", "ih", "niak", "Sin"}
	weakFamilyEndings   = []string{"in", "iC", "iCh", "ak", "ik", "ec", "ko"}
)

// isLetter and isUpper are unicode.IsLetter and unicode.IsUpper with a fast
// path for the ASCII and basic Cyrillic letters names are made of.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	case r >= 0x400 && r < 0x460:
		return true
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'A' && r <= 'Z'
	case r >= 0x400 && r < 0x430:
		return true
	case r >= 0x430 && r < 0x460:
		return false
	}
	return unicode.IsUpper(r)
}

// splitGlued splits a word that holds two parts of a name: glued with a
// capital inside (ОлександрКоваленко, RomanKorolov), or hyphenated where
// one side is a given name, a patronymic or an initial and the other is
// not a given name (Олег-Щукин, Вячеславович-Щукин, V.-Hryhorjev). A
// hyphenated family name (Римский-Корсаков) or given name (Анна-Мария)
// stays one word.
func splitGlued(w string) (string, string, bool) {
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 && strings.Count(w, "-") == 1 {
		a, b := strings.TrimRight(w[:i], "."), w[i+1:]
		var ta, tb token
		classify(&ta, a)
		classify(&tb, b)
		aName := ta.initial || ta.pat && len(ta.fathers) > 0 || len(ta.given) > 0 && ta.fullForm && ta.famLike == 0
		bName := len(tb.given) > 0 || tb.pat
		if aName && !bName && !tb.initial {
			return a, b, true
		}
		return "", "", false
	}
	// a capital after a small letter, both halves two letters or more;
	// first a quick look for a capital (ASCII, or Cyrillic Ѐ–Я) after the
	// first letter
	caps := false
	for i := 1; i < len(w) && !caps; i++ {
		c := w[i]
		caps = c >= 'A' && c <= 'Z' || c == 0xD0 && i+1 < len(w) && w[i+1] >= 0x80 && w[i+1] <= 0xAF
	}
	if !caps {
		return "", "", false
	}
	prevLower, start := false, 0
	for i, r := range w {
		if prevLower && isUpper(r) && utf8.RuneCountInString(w[start:i]) >= 2 && utf8.RuneCountInString(w[i:]) >= 2 {
			return w[:i], w[i:], true
		}
		prevLower = isLetter(r) && !isUpper(r)
	}
	return "", "", false
}

// splitInitialPair splits two capitals written without dots after a family
// name (Коваленко ОМ, Ivanov AP: lists and spreadsheets drop the dots) into
// the initials of the given name and the patronymic. It does so only when
// the name has other words and either some small letters (so the capitals
// are no ALL CAPS word) or the pair is no given name (ЯН, ЛИ stay words),
// and never for a digraph initial (YU, ZH: see isInitialToken). The caller
// does not ask after a known given name: there two capitals are a family
// name written in capitals (Иван ЛИ, Сергей ЮН, Oleg AN).
func splitInitialPair(part, full string) (string, string, bool) {
	if len(part) > 4 || len(part) < 2 {
		return "", "", false
	}
	r1, n1 := utf8.DecodeRuneInString(part)
	if n1 == len(part) {
		return "", "", false
	}
	r2, n2 := utf8.DecodeRuneInString(part[n1:])
	if n1+n2 != len(part) || !isUpper(r1) || !isUpper(r2) || !isLetter(r1) || !isLetter(r2) || isInitialToken(part, true) || !strings.ContainsAny(full, " ,") {
		return "", "", false
	}
	if !strings.ContainsFunc(full, func(r rune) bool { return isLetter(r) && !isUpper(r) }) && len(lookupGiven(part)) > 0 {
		return "", "", false
	}
	return part[:n1], part[n1:], true
}

// mcBefore: w[:i] ends in the prefix Mc or Mac at the start of a word, whose
// next capital begins the name (McIntosh, McIlroy, MacIver): there a capital
// I is an I.
func mcBefore(w string, i int) bool {
	for _, p := range [...]string{"Mc", "Mac"} {
		if j := i - len(p); j >= 0 && w[j:i] == p && (j == 0 || w[j-1] == ' ' || w[j-1] == '-') {
			return true
		}
	}
	return false
}

// innerIAsL reads a capital I inside a Latin word as the l it stands for
// (VaIentin, StanisIav, SeIeznëv, IIia): the two are one glyph in
// sans-serif type, and OCR and people copying a name off a screen confuse
// them. A capital I after a small letter is a seam instead (PetrovIgor,
// OlegIvanov: see splitGlued) when one side of it is a known given name, and
// the capital of the name after Mc or Mac (McIntosh).
func innerIAsL(w string) string {
	if len(w) < 3 || strings.IndexByte(w[1:], 'I') < 0 {
		return w
	}
	at := -1
	for i := 1; i < len(w); i++ {
		if w[i] == 'I' && (w[i-1] >= 'a' && w[i-1] <= 'z' || i == 1 && w[0] == 'I' && len(w) > 2 && w[2] >= 'a' && w[2] <= 'z') {
			at = i
			break
		}
	}
	if at < 0 || mcBefore(w, at) {
		return w
	}
	if at > 1 && (len(lookupGiven(w[:at])) > 0 || len(lookupGiven(w[at:])) > 0) {
		return w
	}
	b := []byte(w)
	for i := at; i < len(b); i++ {
		if b[i] == 'I' && (b[i-1] >= 'a' && b[i-1] <= 'z' || i == 1) {
			b[i] = 'l'
		}
	}
	return string(b)
}
