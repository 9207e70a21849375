package names_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// refDir returns the reference data folder, or skips the test saying why.
func refDir(t testing.TB, sub string) string {
	t.Helper()
	dir := os.Getenv("LASTSEEN_REFDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	dir = filepath.Join(dir, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference data %s absent (set LASTSEEN_REFDATA): %v", dir, err)
	}
	return dir
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
