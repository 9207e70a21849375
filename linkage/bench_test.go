package linkage_test

import (
	"context"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/lastseen/lastseen/linkage"
)

// BenchmarkCompare scores the candidate pairs blocking finds in a generated
// population, one core, and reports scored comparisons per second.
func BenchmarkCompare(b *testing.B) {
	rs := linkage.Generated(b, 20000, 1)
	m := linkage.NewModel()
	m.SetFrequencies(rs, len(rs))
	var pairs []linkage.Pair
	linkage.NewBlocker().Pairs(rs, func(_ int, ps []linkage.Pair) { pairs = append(pairs, ps...) })
	// the thread's own CPU time too: on a shared machine the wall clock
	// counts the time other processes held the core
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	b.ResetTimer()
	sum := 0.0
	n := 0
	for i := 0; i < b.N; i++ {
		p := pairs[i%len(pairs)]
		sum += m.Score(rs[p.A], rs[p.B])
		n++
	}
	b.StopTimer()
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "comparisons/s")
	b.ReportMetric(float64(n)/(threadCPU()-cpu0).Seconds(), "comparisons/cpu-s")
	if sum == 0 {
		b.Log(sum)
	}
}

// BenchmarkCompareRandom is BenchmarkCompare on random pairs, mostly of
// different people, where the name comparison reaches Jaro–Winkler.
func BenchmarkCompareRandom(b *testing.B) {
	rs := linkage.Generated(b, 20000, 1)
	m := linkage.NewModel()
	m.SetFrequencies(rs, len(rs))
	b.ResetTimer()
	sum := 0.0
	for i := 0; i < b.N; i++ {
		a, c := (i*7919)%len(rs), (i*104729+13)%len(rs)
		sum += m.Score(rs[a], rs[c])
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comparisons/s")
	if sum == 0 {
		b.Log(sum)
	}
}

// BenchmarkLink100k links about 100,000 generated records end to end after
// preparation: training, blocking, scoring and clustering.
func BenchmarkLink100k(b *testing.B) {
	rs := linkage.Generated(b, 43500, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := linkage.Link(context.Background(), rs, linkage.Options{Bands: linkage.DefaultBands()})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(rs)), "records")
		b.ReportMetric(float64(res.Comparisons), "comparisons")
	}
}

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD on Linux
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
