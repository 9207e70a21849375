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

// The French spelling of ж (j) meets the other spellings of the name in
// FamilyLooseJ; names without j or ж have no such key.
func TestFamilyLooseJ(t *testing.T) {
	key := func(family string) uint64 {
		n := names.Prepare("Ivan", "", family, "")
		return n.FamilyLooseJ()
	}
	same := [][]string{
		{"Жуков", "Joukov", "Zhukov", "Żukow"},
		{"Рыжков", "Ryjkov", "Ryzhkov"},
		{"Кожуменко", "Kojoumenko", "Kozhumenko"},
	}
	for _, group := range same {
		t.Run("Same"+group[1], func(t *testing.T) {
			want := key(group[0])
			if want == 0 {
				t.Fatalf("FamilyLooseJ(%q) = 0", group[0])
			}
			for _, s := range group[1:] {
				if got := key(s); got != want {
					t.Errorf("FamilyLooseJ(%q) = %x, want %x as for %q", s, got, want, group[0])
				}
			}
		})
	}
	t.Run("NoneWithoutJOrZh", func(t *testing.T) {
		for _, s := range []string{"Коваленко", "Kovalenko", "Шевченко", "Chevtchenko"} {
			if got := key(s); got != 0 {
				t.Errorf("FamilyLooseJ(%q) = %x, want 0", s, got)
			}
		}
	})
}
