package names

import "strings"

// Words that lists write next to a name but are no part of it: military
// ranks and their abbreviations (prisoner, casualty and unit lists write
// "рядовой Иванов Иван Иванович", "ст. лейтенант Коваленко О.М.",
// "Sgt. Kovalenko Oleksandr") and forms of address (гражданин, громадянин,
// Mr; not пан, which is a family name too). They are keyed by skeleton, so
// that every script and spelling of one is found (молодший, младший,
// mladshiy).
var rankSkels = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		// Russian
		"рядовой", "ефрейтор", "сержант", "старшина", "прапорщик", "лейтенант", "капитан", "майор",
		"подполковник", "полковник", "генерал", "матрос", "мичман", "младший", "старший", "главный",
		"курсант", "солдат", "военнослужащий", "доброволец", "гвардии", "гражданин", "гражданка",
		"ряд", "ефр", "серж", "ст", "мл", "гв", "гр", "лейт", "кап", "к-н", "л-т", "с-т", "м-р", "п-к",
		"п-п-к", "пп-к", "ст-на", "гр-н", "гр-ка",
		// Ukrainian
		"рядовий", "молодший", "головний", "капітан", "підполковник", "мічман", "штаб-сержант",
		"майстер-сержант", "військовослужбовець", "доброволець", "гвардії", "громадянин", "громадянка",
		// English
		"private", "pvt", "pfc", "corporal", "cpl", "sergeant", "sgt", "ssgt", "lieutenant", "lt",
		"captain", "capt", "major", "maj", "colonel", "col", "general", "gen", "soldier", "mr", "mrs", "ms",
	} {
		m[Skeleton(w)] = true
	}
	return m
}()

// dropRanks removes rank and address words from the start and the end of
// the n tokens (ts[:n]) and returns the number left, leaving two at least.
// A rank with the ending of a family name (старшина, like Щербина) is
// dropped only when written in small letters: Старшина Иван Петрович keeps
// its family name. So is a rank written with a capital when the words left
// hold no family name: Майор, Капитан and Генерал are family names too, and
// Майор Иван Петрович read without it would match every Иван Петрович.
func dropRanks(ts []token, n int) int {
	if n < 3 || !mayBeRank(&ts[0]) && !mayBeRank(&ts[n-1]) {
		return n
	}
	start := 0
	for start < n-2 && isRank(&ts[start]) {
		start++
	}
	end := n
	for end-start > 2 && isRank(&ts[end-1]) {
		end--
	}
	if (start > 0 || end < n) && !hasFamilyWord(ts[start:end]) {
		switch {
		case start > 0 && !isLowerStart(ts[start-1].text):
			start--
		case end < n && !isLowerStart(ts[end].text):
			end++
		}
	}
	if start == 0 {
		return end
	}
	copy(ts, ts[start:end])
	return end - start
}

// mayBeRank is the quick look before the map: a rank is no initial, no
// known given name, no patronymic, and has no family ending unless it is
// written in small letters (старшина; Старшина is read as the family name
// it may be).
func mayBeRank(t *token) bool {
	return !t.initial && len(t.given) == 0 && !t.pat && (t.famLike < 1 || isLowerStart(t.text))
}

func isRank(t *token) bool { return mayBeRank(t) && rankSkels[t.sk] }

// hasFamilyWord: some token may be a family name: a word that is no initial
// and neither a known given name nor a patronymic on a known one, a word
// with a strong family ending, or a second known given name (Xenia Kim: Ким
// is a given name too).
func hasFamilyWord(ts []token) bool {
	given := 0
	for i := range ts {
		t := &ts[i]
		if t.initial {
			continue
		}
		if t.famLike >= 1 || t.unread() {
			return true
		}
		if len(t.given) > 0 {
			given++
		}
	}
	return given > 1
}

// isLowerStart: s starts with a small letter.
func isLowerStart(s string) bool {
	for _, r := range s {
		return isLetter(r) && !isUpper(r)
	}
	return false
}

// yearMark: a word of one or two small letters next to a number, the way
// lists mark a birth year (1985 р.н., 1985 г.р., 1985 г., b. 1976, 34 y.o.):
// no part of the name. Initials are capitals, and stay. Before the number
// only the marks lists write there count (b., р., г., р.н., г.р.): there
// small letters are otherwise initials written small (коваленко о.м. 1985).
// rest is what follows the word.
func yearMark(part string, afterNumber bool, rest string) bool {
	if !afterNumber {
		rest = strings.TrimLeft(rest, " ")
		if rest == "" || rest[0] < '0' || rest[0] > '9' {
			return false
		}
		switch strings.ReplaceAll(part, ".", "") {
		case "b", "г", "р", "гр", "рн":
		default:
			return false
		}
	}
	letters := 0
	for _, r := range part {
		if !isLetter(r) {
			continue
		}
		if isUpper(r) {
			return false
		}
		letters++
	}
	return letters <= 2
}
