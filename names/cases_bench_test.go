package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

// benchScoreBest measures ScoreBest of the names a and c.
func benchScoreBest(b *testing.B, a, c string) {
	x := names.Prepare("", "", "", a)
	y := names.Prepare("", "", "", c)
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ScoreBest(&x, &y)
	}
}

// BenchmarkScoreBestDeclined: ScoreBest of a name in the genitive against
// its nominative, the case readings included.
func BenchmarkScoreBestDeclined(b *testing.B) {
	benchScoreBest(b, "Олександра Миколайовича Коваленка", "Олександр Миколайович Коваленко")
}

// BenchmarkScoreBestDifferent: ScoreBest of two different Cyrillic names
// with no word that begins alike: what the fallback costs a pair it leaves
// at once.
func BenchmarkScoreBestDifferent(b *testing.B) {
	benchScoreBest(b, "Анна Сергеевна Петрова", "Мария Ивановна Сидорова")
}

// BenchmarkCaseReadings: the readings of a three-part name in the genitive.
func BenchmarkCaseReadings(b *testing.B) {
	x := names.Prepare("", "", "", "Шевченка Тараса Григоровича")
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.CaseReadings(&x)
	}
}

// BenchmarkScoreBestBrothers: ScoreBest of two brothers' names, different
// but alike enough that the case readings are looked for (and found to be
// none: both names read best as written).
func BenchmarkScoreBestBrothers(b *testing.B) {
	benchScoreBest(b, "Сергей Петрович Иванов", "Андрей Петрович Иванов")
}

// BenchmarkScoreBestUnsureDeclined: ScoreBest of an unsure name (given and
// family fields that both hold given names) against the same name in the
// genitive: the unsure side's swapped reading is scored against each case
// reading of the other.
func BenchmarkScoreBestUnsureDeclined(b *testing.B) {
	x := names.Prepare("Роман", "", "Степан", "")
	y := names.Prepare("", "", "", "Романа Степана")
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ScoreBest(&x, &y)
	}
}
