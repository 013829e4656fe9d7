package cluster

import (
	"archive/zip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// snnDir is SaudiNewsNet beside the project. It is never committed: tests
// that need it skip without it.
var snnDir = filepath.Join("..", "..", "..", "..", "shared", "data", "saudinewsnet")

func needSNN(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(snnDir, "2015-07-25.zip")); err != nil {
		t.Skipf("SaudiNewsNet not found at %s (../shared/data is not part of the repository); skipping", snnDir)
	}
}

// writeDay writes a day archive in SaudiNewsNet's layout into dir.
func writeDay(t *testing.T, dir, day string, recs []Record) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, day+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	w, err := zw.Create(day + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.NewEncoder(w).Encode(recs); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}
