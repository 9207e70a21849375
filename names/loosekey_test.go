package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

// The loose key must bring together the spellings of one Cyrillic surname
// under the national habits that the skeleton reads differently, and keep
// apart surnames that differ in more than those letters.
func TestLooseKey(t *testing.T) {
	same := [][]string{
		{"Хомяков", "Chomjakow", "Khomyakov", "Khomiakov"},
		{"Кузнецов", "Kusnezow", "Kuznetsov", "Kouznetsov"},
		{"Цветков", "Cwietkow", "Tsvetkov", "Zwetkow"},
		{"Шевченко", "Chevtchenko", "Schewtschenko", "Szewczenko", "Shevchenko"},
		{"Хабибуллин", "Chabibullin", "Khabibullin"},
	}
	for _, group := range same {
		t.Run("Same"+group[1], func(t *testing.T) {
			want := names.LooseKey(group[0])
			for _, s := range group[1:] {
				if got := names.LooseKey(s); got != want {
					t.Errorf("LooseKey(%q) = %q, want %q as for %q", s, got, want, group[0])
				}
			}
		})
	}
	differ := [][2]string{
		{"Коваленко", "Кравченко"},
		{"Хомяков", "Хохлов"},
		{"Петренко", "Бойко"},
	}
	for _, d := range differ {
		t.Run("Differ"+names.Skeleton(d[0]), func(t *testing.T) {
			if a, b := names.LooseKey(d[0]), names.LooseKey(d[1]); a == b {
				t.Errorf("LooseKey(%q) = LooseKey(%q) = %q", d[0], d[1], a)
			}
		})
	}
}
