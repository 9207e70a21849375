package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

func TestOtherReading(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"vyacheslav", true}, // Слава's second reading
		{"stanislav", true},
		{"aleksandra", true}, // Саша's
		{"vladislav", false}, // Слава's first: it is Слава's own id
		{"ivan", false},      // no pet form of Иван stands for another name
		{"nosuchname", false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			if got := names.OtherReading(tc.id); got != tc.want {
				t.Errorf("OtherReading(%q) = %v, want %v", tc.id, got, tc.want)
			}
		})
	}
}

func TestTypoOfReading(t *testing.T) {
	for _, tc := range []struct {
		name, typo, of string
		want           bool
	}{
		{"PetFormLetterLeftOut", "Фдя", "Федор", true},
		{"PetFormSwapAcrossScripts", "Tioam", "Артем", true},
		{"FullFormLetterWrong", "Сергнй", "Sergei", true},
		{"OtherName", "Тарх", "Артем", false},
		{"TwoEditsShortName", "Пшк", "Павел", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := names.Prepare(tc.typo, "", "", "")
			if got := names.TypoOfReading(n.GivenSkel, names.GivenKeys(tc.of)); got != tc.want {
				t.Errorf("TypoOfReading(%q (%s), %v) = %v, want %v", tc.typo, n.GivenSkel, names.GivenKeys(tc.of), got, tc.want)
			}
		})
	}
}
