package synth

import (
	"io"
	"testing"
)

func BenchmarkBigCSV(b *testing.B) {
	for b.Loop() {
		WriteCSV(io.Discard, Config{People: 435000, Seed: 1})
	}
}
