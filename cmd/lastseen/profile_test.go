package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLinkProfileFlags(t *testing.T) {
	t.Run("CPUProfileWritten", func(t *testing.T) {
		in := writeLinkFile(t, "list.csv", linkList)
		dir := t.TempDir()
		prof := filepath.Join(dir, "cpu.prof")
		if _, err := runLinkT(t, "--in", in, "--out", filepath.Join(dir, "c.csv"), "--cpuprofile", prof); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
			t.Fatalf("no CPU profile written: %v", err)
		}
	})
	t.Run("HiddenFromUsage", func(t *testing.T) {
		var stderr strings.Builder
		if err := runLink(context.Background(), []string{"--help"}, io.Discard, &stderr); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stderr.String(), "profile") {
			t.Errorf("usage shows a measuring flag:\n%s", stderr.String())
		}
		if !strings.Contains(stderr.String(), "-link-threshold") {
			t.Errorf("usage lacks the ordinary flags:\n%s", stderr.String())
		}
	})
}
