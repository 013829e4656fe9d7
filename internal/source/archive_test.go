package source

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/news"
)

// member is one archive entry for a fixture; a name ending in "/" is a directory.
type member struct {
	name string
	body []byte
}

// writeZip writes members, deflated, to dir/name.
func writeZip(t testing.TB, dir, name string, members []member) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, buf.Bytes())
}

// writeTarGz writes members to dir/name, gzipped unless name ends in .tar.
func writeTarGz(t testing.TB, dir, name string, members []member) string {
	t.Helper()
	var buf bytes.Buffer
	var out io.Writer = &buf
	var zw *gzip.Writer
	if !strings.HasSuffix(name, ".tar") {
		zw = gzip.NewWriter(&buf)
		out = zw
	}
	tw := tar.NewWriter(out)
	for _, m := range members {
		hdr := &tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.body)), ModTime: fetched, Typeflag: tar.TypeReg}
		if strings.HasSuffix(m.name, "/") {
			hdr.Typeflag, hdr.Mode = tar.TypeDir, 0o755
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(m.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return writeFile(t, dir, name, buf.Bytes())
}

// archiveMembers is a typical archive: content in a folder, HTML, JSON
// Lines, and what archivers and users leave beside it.
var archiveMembers = []member{
	{"news/", nil},
	{"news/a.txt", []byte(arabicTwo)},
	{"news/b.html", []byte("<html><body>" + arabicLine + "</body></html>")},
	{"__MACOSX/news/._a.txt", []byte("\x00\x05\x16\x07")},
	{".DS_Store", []byte("\x00\x00\x00\x01Bud1")},
	{"news/.hidden/x.txt", []byte(arabicLine)},
	{"inner.zip", []byte("PK\x03\x04")},
	{"feed.jsonl", []byte(`{"title":"` + arabicTitle + `","source":"العربية"}` + "\n")},
}

func TestArchive(t *testing.T) {
	tests := []struct {
		name  string
		write func(testing.TB, string, string, []member) string
	}{
		{"pages.zip", writeZip},
		{"pages.tar.gz", writeTarGz},
		{"pages.tgz", writeTarGz},
		{"pages.tar", writeTarGz},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.write(t, t.TempDir(), tt.name, archiveMembers)
			res := walk(t, &Reader{}, p)
			if res.err != nil {
				t.Fatal(res.err)
			}
			want := []string{p + "!news/a.txt", p + "!news/b.html", p + "!feed.jsonl:1"}
			if got := origins(res.pages); !slices.Equal(got, want) {
				t.Fatalf("origins = %q, want %q", got, want)
			}
			if pg := res.pages[0]; pg.Name != "a.txt" || pg.Kind != news.KindText || string(pg.Body) != arabicTwo {
				t.Errorf("page 0 = %q %v %q", pg.Name, pg.Kind, pg.Body)
			}
			if pg := res.pages[1]; pg.Name != "b.html" || pg.Kind != news.KindHTML {
				t.Errorf("page 1 = %q %v", pg.Name, pg.Kind)
			}
			if pg := res.pages[2]; pg.Name != "feed.jsonl" || pg.Record == nil || pg.Record.Source != "العربية" {
				t.Errorf("page 2 = %q %+v", pg.Name, pg.Record)
			}
			if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrUnsupported) || res.errs[0].Path != p+"!inner.zip" {
				t.Errorf("reports = %v, want only the nested archive", res.errs)
			}
		})
	}
}

// TestArchiveMemberTooLarge checks a member over the page limit is skipped
// and the members after it are still read.
func TestArchiveMemberTooLarge(t *testing.T) {
	members := []member{
		{"big.txt", []byte(strings.Repeat("خبر ", 1000))},
		{"small.txt", []byte(arabicLine)},
	}
	for _, name := range []string{"a.zip", "a.tar.gz"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			var p string
			if name == "a.zip" {
				p = writeZip(t, dir, name, members)
			} else {
				p = writeTarGz(t, dir, name, members)
			}
			res := walk(t, &Reader{Limits: Limits{MaxPageBytes: 1024}}, p)
			if got := origins(res.pages); !slices.Equal(got, []string{p + "!small.txt"}) {
				t.Errorf("origins = %q, want only small.txt", got)
			}
			if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrTooLarge) || res.errs[0].Path != p+"!big.txt" {
				t.Errorf("reports = %v, want ErrTooLarge for big.txt", res.errs)
			}
		})
	}
}

// TestArchiveBomb: a small archive whose member expands to 64 MiB of zeros
// is stopped at MaxArchiveBytes, counted as it decompresses; what came
// before it stands, what comes after is not read.
func TestArchiveBomb(t *testing.T) {
	zeros := make([]byte, 64<<20)
	members := []member{
		{"a.txt", []byte(arabicLine)},
		{"bomb.txt", zeros},
		{"z.txt", []byte(arabicLine)},
	}
	for _, name := range []string{"bomb.zip", "bomb.tar.gz"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			var p string
			if name == "bomb.zip" {
				p = writeZip(t, dir, name, members)
			} else {
				p = writeTarGz(t, dir, name, members)
			}
			if info, err := os.Stat(p); err != nil || info.Size() > 256<<10 {
				t.Fatalf("fixture %s is %v bytes (%v), want a small archive", p, info.Size(), err)
			}
			const limit = 8 << 20
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res := walk(t, &Reader{Limits: Limits{MaxArchiveBytes: limit}}, p)
			runtime.ReadMemStats(&after)
			if res.err != nil {
				t.Fatal(res.err)
			}
			if got := origins(res.pages); !slices.Equal(got, []string{p + "!a.txt"}) {
				t.Errorf("origins = %q, want only a.txt", got)
			}
			if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrArchiveLimit) || res.errs[0].Path != p ||
				!strings.Contains(res.errs[0].Error(), "bomb.txt") {
				t.Fatalf("reports = %v, want ErrArchiveLimit for %s naming bomb.txt", res.errs, p)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*limit {
				t.Errorf("allocated %d bytes reading a bomb under an %d-byte limit", alloc, limit)
			}
		})
	}
}

func TestArchiveTooManyMembers(t *testing.T) {
	p := writeZip(t, t.TempDir(), "many.zip", []member{
		{"1.txt", []byte("أ")}, {"2.txt", []byte("ب")}, {"3.txt", []byte("ج")},
	})
	res := walk(t, &Reader{Limits: Limits{MaxArchiveFiles: 2}}, p)
	if got := len(res.pages); got != 2 {
		t.Errorf("got %d pages, want the first 2", got)
	}
	if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrArchiveLimit) {
		t.Errorf("reports = %v, want ErrArchiveLimit", res.errs)
	}
}

func TestArchiveCorrupt(t *testing.T) {
	dir := t.TempDir()
	zipPath := writeFile(t, dir, "bad.zip", []byte("PK\x03\x04 this is not a zip"))
	gzPath := writeFile(t, dir, "bad.tar.gz", []byte("not gzip"))
	good := writeFile(t, dir, "good.txt", []byte(arabicLine))
	res := walk(t, &Reader{}, zipPath, gzPath, good)
	if len(res.errs) != 2 || res.errs[0].Path != zipPath || res.errs[1].Path != gzPath {
		t.Errorf("reports = %v, want one per corrupt archive", res.errs)
	}
	if got := origins(res.pages); !slices.Equal(got, []string{good}) {
		t.Errorf("origins = %q, want the good file still read", got)
	}
}

// TestSaudiNewsNet reads a real SaudiNewsNet day when the data is present.
func TestSaudiNewsNet(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "saudinewsnet")
	p := filepath.Join(dir, "2015-07-21.zip")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("SaudiNewsNet not found at %s; skipping", p)
	}
	start := time.Now()
	res := walk(t, &Reader{}, p)
	if res.err != nil {
		t.Fatal(res.err)
	}
	// The crawl kept a few pages with neither title nor text (19 of 2,972
	// on this day); those, and only those, are reported.
	for _, e := range res.errs {
		if !errors.Is(e, ErrEmpty) {
			t.Errorf("unexpected report: %v", e)
		}
	}
	if len(res.errs) > len(res.pages)/50 {
		t.Errorf("%d empty records reported, want a handful", len(res.errs))
	}
	if len(res.pages) <= 1000 {
		t.Fatalf("read %d records, want more than 1000", len(res.pages))
	}
	first := res.pages[0]
	if first.Origin != p+"!2015-07-21.json#0" || first.Name != "2015-07-21.json" {
		t.Errorf("first page Origin %q Name %q", first.Origin, first.Name)
	}
	r := first.Record
	if r.Source != "aawsat" || r.Title == "" || r.Text == "" || r.Published == "" {
		t.Errorf("first record = %+v, want source aawsat and title, text, published", r)
	}
	if _, ok := news.ParseISO(r.Published); !ok {
		t.Errorf("first record published %q does not parse as ISO", r.Published)
	}
	t.Logf("%d records, %d empty, in %v", len(res.pages), len(res.errs), time.Since(start))
}

// BenchmarkSaudiNewsNetDay reads one SaudiNewsNet day (12.6 MB of JSON in a
// 3.4 MB zip), the unit the throughput numbers are quoted in.
func BenchmarkSaudiNewsNetDay(b *testing.B) {
	p := filepath.Join("..", "..", "..", "shared", "data", "saudinewsnet", "2015-07-21.zip")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("SaudiNewsNet not found at %s; skipping", p)
	}
	b.ReportAllocs()
	for b.Loop() {
		walk(b, &Reader{}, p)
	}
}
