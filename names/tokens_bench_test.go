package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

var benchWholeNames = [][2]string{
	{"Dr. Khalid bin Walid al-Amin", "Khalid Walid Amin"},
	{"GARCIA MARQUEZ, Gabriel", "Gabriel José García Márquez"},
	{"Annalena Schmidt", "Anna Lena Schmidt"},
	{"Барак Обама", "Barack Hussein Obama"},
}

// BenchmarkCompareTokens: one word-by-word comparison of two full names,
// from the strings (CompareTokens prepares nothing in advance).
func BenchmarkCompareTokens(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for i := 0; b.Loop(); i++ {
		p := benchWholeNames[i%len(benchWholeNames)]
		_ = names.CompareTokens(p[0], p[1])
	}
}

// BenchmarkCompareWhole: CompareWhole on the same pairs (it prepares both
// names to decide whether they read as Slavic).
func BenchmarkCompareWhole(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for i := 0; b.Loop(); i++ {
		p := benchWholeNames[i%len(benchWholeNames)]
		_ = names.CompareWhole(p[0], p[1])
	}
}
