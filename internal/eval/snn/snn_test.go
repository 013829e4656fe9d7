package snn

import (
	"archive/zip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadDay(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "2015-07-25.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("2015-07-25.json")
	w.Write([]byte(`[{"source":"aawsat","url":"http://a/1","date_extracted":"2015-07-25 01:02:03","title":"عنوان","author":"","content":"نص"},{"source":"sabq","url":"http://s/2","title":"ثان","content":"نص ثان"}]`))
	zw.Create("readme.txt")
	zw.Close()
	f.Close()
	recs, err := ReadDay(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Source != "aawsat" || recs[0].DateExtracted != "2015-07-25 01:02:03" || recs[1].Title != "ثان" {
		t.Errorf("ReadDay = %+v", recs)
	}
	if _, err := ReadDay(filepath.Join(dir, "missing.zip")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing day: err = %v, want fs.ErrNotExist", err)
	}
}

func TestDays(t *testing.T) {
	dir := t.TempDir()
	if _, err := Days(dir); !errors.Is(err, ErrNoDays) {
		t.Errorf("empty dir: %v, want ErrNoDays", err)
	}
	for _, n := range []string{"2015-08-02.zip", "notes.txt", "2015-07-21.zip"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Days(dir)
	if err != nil || len(got) != 2 || filepath.Base(got[0]) != "2015-07-21.zip" || filepath.Base(got[1]) != "2015-08-02.zip" {
		t.Errorf("Days = %v, %v; want the two zips in day order", got, err)
	}
}
