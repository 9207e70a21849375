package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestSetLinkMemory(t *testing.T) {
	t.Run("LimitIsAShareOfMemory", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("memory is read from /proc and cgroup files on Linux only")
		}
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		total := memoryAvailable()
		if total < 64<<20 {
			t.Fatalf("memoryAvailable() = %d bytes, want the machine's memory", total)
		}
		restore := setLinkMemory()
		got := debug.SetMemoryLimit(-1)
		restore()
		want := int64(float64(total) * linkMemoryShare)
		if got != want {
			t.Errorf("limit %d, want %d (%.1f of %d)", got, want, linkMemoryShare, total)
		}
		if after := debug.SetMemoryLimit(-1); after != math.MaxInt64 {
			t.Errorf("after restore the limit is %d, want none", after)
		}
	})
	t.Run("GOMEMLIMITWins", func(t *testing.T) {
		t.Setenv("GOMEMLIMIT", "1GiB")
		before := debug.SetMemoryLimit(-1)
		restore := setLinkMemory()
		defer restore()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("limit changed to %d with GOMEMLIMIT set", got)
		}
	})
}
