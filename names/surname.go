package names

import "strings"

// FamilySkeleton returns the skeleton of a family name with its gender folded
// to the masculine: Иванов and Иванова, Ivanova; Ковальський, Ковальська,
// Kowalska; Толстой, Толстая; Ковальов, Ковальова and Kovalev all meet.
// Names that do not change with gender (Коваленко, Шевчук) are their skeleton.
func FamilySkeleton(s string) string {
	var buf [64]byte
	b, _ := familyBase(appendSkeleton(buf[:0], s))
	return string(b)
}

// FamilySex returns the sex a family name's ending shows (Иванова: Female;
// Ковальський: Male), or SexUnknown for names that do not change (Коваленко).
func FamilySex(s string) Sex {
	var buf [64]byte
	_, sex := familyBase(appendSkeleton(buf[:0], s))
	return sex
}

// familyBase folds the gender ending of a family-name skeleton in place.
func familyBase(sk []byte) ([]byte, Sex) {
	n := len(sk)
	has := func(suf string) bool { return n > len(suf)+1 && string(sk[n-len(suf):]) == suf }
	switch {
	case has("skaia"), has("ckaia"):
		return append(sk[:n-5+2], 'i'), Female
	case has("ska"), has("cka"):
		return append(sk[:n-1], 'i'), Female
	case has("ski"), has("cki"):
		return sk, Male
	case has("ova"), has("eva"):
		return sk[:n-1], Female
	case has("ov"), has("ev"):
		return sk, Male
	case n > 4 && has("ina"):
		return sk[:n-1], Female
	case n > 3 && has("in"):
		return sk, Male
	case has("aia"):
		return append(sk[:n-3], 'i'), Female
	case has("oi") && !isSkelVowel(sk[n-3]):
		return append(sk[:n-2], 'i'), Male
	}
	return sk, SexUnknown
}

// FamilyForSex returns the form of a Cyrillic family name for a bearer of the
// given sex: ("Иванов", Female) → "Иванова"; ("Ковальська", Male) →
// "Ковальський"; ("Коваленко", Female) → "Коваленко". Names whose ending does
// not change are returned as they are.
func FamilyForSex(family string, sex Sex) string {
	r := []rune(family)
	n := len(r)
	lower := strings.ToLower(family)
	has := func(s string) bool { return strings.HasSuffix(lower, s) && n > len([]rune(s))+1 }
	cut := func(k int, add string) string { return string(r[:n-k]) + add }
	if sex == Female {
		switch {
		case has("ский"), has("цкий"), has("ской"), has("цкой"):
			return cut(2, "ая")
		case has("ський"), has("цький"):
			return cut(2, "а")
		case has("ый"), has("ой"):
			return cut(2, "ая")
		case has("ий") && strings.ContainsRune("гкхжшчщ", r[n-3]):
			return cut(2, "ая") // Russian: Горький, Высокий
		case has("ий"):
			return cut(2, "а") // Ukrainian: Білий, Заболотний
		case has("ій"):
			return cut(2, "я") // Ukrainian: Крайній
		case has("ов"), has("ев"), has("ёв"), has("єв"), has("ин"), has("ын"), has("ін"), has("їн"):
			return family + "а"
		}
		return family
	}
	switch {
	case has("ская"), has("цкая"):
		return cut(2, "ий")
	case has("ська"), has("цька"):
		return cut(1, "ий")
	case has("ова"), has("ева"), has("ёва"), has("єва"), has("ина"), has("ына"), has("іна"), has("їна"):
		return cut(1, "")
	}
	return family
}
