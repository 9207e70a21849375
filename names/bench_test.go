package names_test

import (
	"testing"

	"github.com/lastseen/lastseen/names"
)

var benchNames = []string{
	"Олександр Миколайович Коваленко",
	"KOVALENKO Oleksandr Mykolaiovych",
	"Александр Николаевич Коваленко",
	"Коваленко О.М.",
	"Alexander Kowalenko",
	"Сергій Олексійович Мельник",
	"Yevhen Olehovych Savchenko",
	"Иванова Мария Петровна",
}

// BenchmarkPrepare: normalise, parse and compute every key of a full name.
func BenchmarkPrepare(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for i := 0; b.Loop(); i++ {
		_ = names.Prepare("", "", "", benchNames[i%len(benchNames)])
	}
}

// BenchmarkPrepareParts: the same with the parts given separately.
func BenchmarkPrepareParts(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.Prepare("Олександр", "Миколайович", "Коваленко", "")
	}
}

// BenchmarkScore: one comparison of two prepared names.
func BenchmarkScore(b *testing.B) {
	prepared := make([]names.Name, len(benchNames))
	for i, s := range benchNames {
		prepared[i] = names.Prepare("", "", "", s)
	}
	b.ReportAllocs()
	defer cpuTimer(b)()
	for i := 0; b.Loop(); i++ {
		_ = names.Score(&prepared[i%len(prepared)], &prepared[(i+3)%len(prepared)])
	}
}

func BenchmarkCompareGiven(b *testing.B) {
	x, y := names.Prepare("", "", "", benchNames[0]), names.Prepare("", "", "", benchNames[4])
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.CompareGiven(&x, &y)
	}
}

func BenchmarkJaroWinkler(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.JaroWinkler("Коваленко", "Kovalenko")
	}
}

func BenchmarkTranslit(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.Translit("Олександр Миколайович Коваленко", names.KMU2010)
	}
}

func BenchmarkToCyrillic(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ToCyrillic("Oleksandr Kovalenko", 3)
	}
}

func BenchmarkToCyrillicScheme(b *testing.B) {
	b.ReportAllocs()
	defer cpuTimer(b)()
	for b.Loop() {
		_ = names.ToCyrillicScheme("Oleksandr Kovalenko", names.KMU2010, 3)
	}
}
