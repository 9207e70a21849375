package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

// BenchmarkScoreBestDeclined: ScoreBest of a name in the genitive against
// its nominative, the case readings included.
func BenchmarkScoreBestDeclined(b *testing.B) {
	x := names.Prepare("", "", "", "Олександра Миколайовича Коваленка")
	y := names.Prepare("", "", "", "Олександр Миколайович Коваленко")
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ScoreBest(&x, &y)
	}
}

// BenchmarkScoreBestDifferent: ScoreBest of two different Cyrillic names,
// where the case readings are looked for and none is found: what the
// fallback costs a pair it cannot help.
func BenchmarkScoreBestDifferent(b *testing.B) {
	x := names.Prepare("", "", "", "Анна Сергеевна Петрова")
	y := names.Prepare("", "", "", "Мария Ивановна Сидорова")
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ScoreBest(&x, &y)
	}
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
// but alike enough that the case readings are looked for.
func BenchmarkScoreBestBrothers(b *testing.B) {
	x := names.Prepare("", "", "", "Сергей Петрович Иванов")
	y := names.Prepare("", "", "", "Андрей Петрович Иванов")
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ScoreBest(&x, &y)
	}
}
