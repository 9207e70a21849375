package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// linkMemoryShare is the share of the machine's memory (or of the
// container's limit) that link lets its heap grow to before the collector
// works harder to stay below it.
const linkMemoryShare = 0.6

// setLinkMemory sets link's collector: Go's default pace (the heap grows to
// twice what is live before a collection), bounded by a soft limit at a share
// of the memory there is, so that a list too big for that pace is collected
// harder instead of running out of memory. GOGC or GOMEMLIMIT, when set,
// win. It returns a function that restores the settings.
//
// A batch's memory is mostly its prepared records, which live to the end,
// so a lower GOGC saves little peak and costs a collection for every
// quarter of new allocation: at GOGC 25 the collector took a third of
// link's CPU at 1M records (docs/BENCHMARKS.md, Speed).
func setLinkMemory() (restore func()) {
	restore = func() {}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return restore
	}
	total := memoryAvailable()
	if total == 0 {
		return restore
	}
	old := debug.SetMemoryLimit(int64(float64(total) * linkMemoryShare))
	return func() { debug.SetMemoryLimit(old) }
}

// memoryAvailable is the container's memory limit (cgroup v2) when there is
// one, else the machine's memory (MemTotal of /proc/meminfo), in bytes; 0
// when neither can be read (not Linux).
func memoryAvailable() uint64 {
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 {
			return min(n, memTotal())
		}
	}
	return memTotal()
}

func memTotal() uint64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// MemTotal:       24567890 kB
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			n, err := strconv.ParseUint(fields[1], 10, 64)
			if err != nil {
				return 0
			}
			return n * 1024
		}
	}
	return 0
}
