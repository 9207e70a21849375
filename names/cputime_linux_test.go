//go:build linux

package names_test

import (
	"runtime"
	"syscall"
	"testing"
)

// threadCPU returns the CPU time of the calling OS thread. Benchmarks lock
// their goroutine to a thread and report CPU ns/op beside wall-clock ns/op:
// on a shared machine the wall clock counts other people's work.
func threadCPU() int64 {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func cpuTimer(b *testing.B) func() {
	runtime.LockOSThread()
	start := threadCPU()
	return func() {
		d := threadCPU() - start
		runtime.UnlockOSThread()
		if d > 0 && b.N > 0 {
			b.ReportMetric(float64(d)/float64(b.N), "cpu-ns/op")
		}
	}
}
