package names

import "strings"

// SurnameSpellings exposes the family names of surnametable.go to the
// black-box tests, which say how many of the names they measure it holds.
func SurnameSpellings() []string {
	return strings.Fields(surnameSpellings)
}
