package names

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
