package source

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	textunicode "golang.org/x/text/encoding/unicode"

	"github.com/marsad/marsad/news"
)

// TestWalkPage reads one file of each kind and encoding and checks the page.
func TestWalkPage(t *testing.T) {
	utf16LE := textunicode.UTF16(textunicode.LittleEndian, textunicode.UseBOM)
	utf16BE := textunicode.UTF16(textunicode.BigEndian, textunicode.UseBOM)
	html := "<!DOCTYPE html><html><head><meta charset=\"windows-1256\"><title>" + arabicTitle +
		"</title></head><body><p>" + arabicLine + "</p></body></html>"
	tests := []struct {
		name     string
		file     string
		content  []byte
		wantKind news.PageKind
		wantBody string
	}{
		{"txt utf-8", "a.txt", []byte(arabicTwo), news.KindText, arabicTwo},
		{"txt utf-8 with BOM", "a.txt", append([]byte("\xEF\xBB\xBF"), arabicTwo...), news.KindText, arabicTwo},
		{"txt utf-16le with BOM", "a.txt", encode(t, utf16LE, arabicTwo), news.KindText, arabicTwo},
		{"txt utf-16be with BOM", "a.txt", encode(t, utf16BE, arabicTwo), news.KindText, arabicTwo},
		{"txt windows-1256", "a.txt", encode(t, charmap.Windows1256, arabicTwo), news.KindText, arabicTwo},
		{"html meta charset windows-1256", "a.html", encode(t, charmap.Windows1256, html), news.KindHTML, html},
		{"htm upper-case extension", "A.HTM", []byte(html), news.KindHTML, html},
		// The extension wins: a .txt holding markup is text.
		{"txt holding html", "a.txt", []byte(html), news.KindText, html},
		// No extension: sniffed after decoding.
		{"sniffed html", "page", []byte("\n  <html><body>" + arabicLine + "</body></html>"), news.KindHTML, "\n  <html><body>" + arabicLine + "</body></html>"},
		{"sniffed html windows-1256", "page.asp", encode(t, charmap.Windows1256, html), news.KindHTML, html},
		{"sniffed text", "README", []byte(arabicLine + "\n<p> is not a document"), news.KindText, arabicLine + "\n<p> is not a document"},
		{"sniffed utf-16 text", "notes", encode(t, utf16LE, arabicTwo), news.KindText, arabicTwo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.content)
			res := walk(t, &Reader{}, p)
			res.wantClean(t)
			if len(res.pages) != 1 {
				t.Fatalf("got %d pages, want 1", len(res.pages))
			}
			got := res.pages[0]
			if got.Kind != tt.wantKind {
				t.Errorf("Kind = %v, want %v", got.Kind, tt.wantKind)
			}
			if string(got.Body) != tt.wantBody {
				t.Errorf("Body = %q, want %q", got.Body, tt.wantBody)
			}
			if got.Origin != p || got.Name != tt.file || !got.Fetched.Equal(fetched) || got.Record != nil {
				t.Errorf("page = {Origin %q Name %q Fetched %v Record %v}, want {%q %q %v nil}",
					got.Origin, got.Name, got.Fetched, got.Record, p, tt.file, fetched)
			}
		})
	}
}

// TestWalkBadPage checks each kind of bad file is reported, with the path,
// and the walk goes on to the next file.
func TestWalkBadPage(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	tests := []struct {
		name    string
		file    string
		content []byte
		want    error
		message string
	}{
		{"empty file", "empty.txt", nil, ErrEmpty, "empty.txt: no text"},
		{"only white space", "blank.html", []byte("  \n\t\n"), ErrEmpty, "blank.html: no text"},
		{"binary png", "image.txt", png, ErrBinary, "image.txt: binary data"},
		{"binary sniffed", "image", png, ErrBinary, "image: binary data"},
		{"mostly control bytes", "ctl", []byte(strings.Repeat("\x01\x02\x03a", 50)), ErrBinary, "ctl: binary data"},
		{"invalid utf-8, not windows-1256", "latin.txt", []byte("title\n\nla premi\xe8re ligne\n"), ErrInvalidEncoding,
			"latin.txt: invalid UTF-8 at line 3, byte 16; not windows-1256 either"},
		{"empty json", "day.json", []byte(" \n"), ErrEmpty, "day.json:2: no JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			bad := writeFile(t, dir, tt.file, tt.content)
			good := writeFile(t, dir, "good.txt", []byte(arabicLine))
			res := walk(t, &Reader{}, bad, good)
			if res.err != nil {
				t.Fatalf("Walk: %v", res.err)
			}
			if len(res.errs) != 1 {
				t.Fatalf("got reports %v, want one", res.errs)
			}
			e := res.errs[0]
			if !errors.Is(e, tt.want) || e.Path != bad {
				t.Errorf("report = %#v (%v), want %v for %s", e, e, tt.want, bad)
			}
			if rel := strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)); !strings.HasPrefix(rel, tt.message) {
				t.Errorf("report = %q, want it to start %q", rel, tt.message)
			}
			if !slices.Equal(origins(res.pages), []string{good}) {
				t.Errorf("pages = %v, want only %s", origins(res.pages), good)
			}
		})
	}
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a/z.txt", "a/y.html", "a/sub/x.txt", "c.txt",
		".hidden.txt", ".git/HEAD.txt", "a/.cache/x.txt",
	} {
		writeFile(t, dir, name, []byte(arabicLine+" ("+name+")"))
	}
	res := walk(t, &Reader{}, dir)
	res.wantClean(t)
	sep := string(filepath.Separator)
	want := []string{
		dir + sep + "a" + sep + "sub" + sep + "x.txt",
		dir + sep + "a" + sep + "y.html",
		dir + sep + "a" + sep + "z.txt",
		dir + sep + "b.txt",
		dir + sep + "c.txt",
	}
	if got := origins(res.pages); !slices.Equal(got, want) {
		t.Errorf("origins = %q, want %q", got, want)
	}
	if res.pages[1].Name != "y.html" || res.pages[1].Kind != news.KindHTML {
		t.Errorf("page 1 = %q %v, want y.html html", res.pages[1].Name, res.pages[1].Kind)
	}
}

func TestWalkSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/x.txt", []byte(arabicLine))
	if err := os.Symlink("..", filepath.Join(dir, "a", "up")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	res := walk(t, &Reader{}, dir)
	if len(res.pages) != 1 || len(res.errs) != 1 || !errors.Is(res.errs[0], ErrUnsupported) {
		t.Errorf("pages %v, reports %v; want one page and one loop report", origins(res.pages), res.errs)
	}
}

func TestWalkMissingPath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such.txt")
	good := writeFile(t, dir, "good.txt", []byte(arabicLine))
	res := walk(t, &Reader{}, missing, good)
	if res.err != nil {
		t.Fatalf("Walk: %v", res.err)
	}
	if len(res.errs) != 1 || !errors.Is(res.errs[0], fs.ErrNotExist) || res.errs[0].Path != missing {
		t.Fatalf("reports = %v, want one not-exist for %s", res.errs, missing)
	}
	if !strings.Contains(res.errs[0].Error(), "no-such.txt: stat: ") {
		t.Errorf("report = %q, want it to say what failed", res.errs[0])
	}
	if len(res.pages) != 1 {
		t.Errorf("pages = %v, want the good file still read", origins(res.pages))
	}
}

func TestWalkUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads a chmod 000 file anyway; TestWalkMissingPath covers the open failure path")
	}
	dir := t.TempDir()
	locked := writeFile(t, dir, "locked.txt", []byte(arabicLine))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	good := writeFile(t, dir, "good.txt", []byte(arabicLine))
	res := walk(t, &Reader{}, locked, good)
	if len(res.errs) != 1 || !errors.Is(res.errs[0], fs.ErrPermission) {
		t.Fatalf("reports = %v, want one permission error", res.errs)
	}
	if len(res.pages) != 1 {
		t.Errorf("pages = %v, want the good file still read", origins(res.pages))
	}
}

// TestWalkTooLargeFile checks a 100 MB page is refused from its size, not
// by reading it: well under 100 MB may be allocated.
func TestWalkTooLargeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	const size = 100 << 20
	if err := os.Truncate(p, size); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := walk(t, &Reader{}, p)
	runtime.ReadMemStats(&after)
	if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrTooLarge) {
		t.Fatalf("reports = %v, want ErrTooLarge", res.errs)
	}
	want := p + ": page is 104857600 bytes, over the 16777216-byte limit (raise --max-page-size)"
	if res.errs[0].Error() != want {
		t.Errorf("report = %q, want %q", res.errs[0], want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("allocated %d bytes to refuse a %d-byte file", alloc, size)
	}
}

// TestWalkTooLargeStream checks a stream with no size to check is read only
// to the limit.
func TestWalkTooLargeStream(t *testing.T) {
	const limit = 1 << 20
	stdin := io.LimitReader(repeatReader("خبر "), 100<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := walk(t, &Reader{Stdin: stdin, Limits: Limits{MaxPageBytes: limit}}, "-")
	runtime.ReadMemStats(&after)
	if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrTooLarge) {
		t.Fatalf("reports = %v, want ErrTooLarge", res.errs)
	}
	if got, want := res.errs[0].Error(), "-: page is over the 1048576-byte limit (raise --max-page-size)"; got != want {
		t.Errorf("report = %q, want %q", got, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*limit {
		t.Errorf("allocated %d bytes to refuse a stream over a %d-byte limit", alloc, limit)
	}
}

// repeatReader repeats s forever.
type repeatReader string

func (r repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], r)
	}
	return n, nil
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		wantOrigins []string
		wantKind    news.PageKind
	}{
		{"text", arabicTwo, []string{"-"}, news.KindText},
		{"html", "<html><body>" + arabicLine + "</body></html>", []string{"-"}, news.KindHTML},
		{"jsonl", `{"title":"` + arabicTitle + `"}` + "\n" + `{"text":"` + arabicLine + `"}` + "\n", []string{"-:1", "-:2"}, news.KindRecord},
		{"json array", `[{"title":"` + arabicTitle + `"}]`, []string{"-#0"}, news.KindRecord},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := walk(t, &Reader{Stdin: strings.NewReader(tt.in)}, "-")
			res.wantClean(t)
			if got := origins(res.pages); !slices.Equal(got, tt.wantOrigins) {
				t.Fatalf("origins = %q, want %q", got, tt.wantOrigins)
			}
			for _, p := range res.pages {
				if p.Name != "-" || p.Kind != tt.wantKind {
					t.Errorf("page %s: Name %q Kind %v, want - %v", p.Origin, p.Name, p.Kind, tt.wantKind)
				}
			}
			if tt.wantKind != news.KindRecord && string(res.pages[0].Body) != tt.in {
				t.Errorf("Body = %q, want %q", res.pages[0].Body, tt.in)
			}
		})
	}
}

func TestWalkCancel(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"1.txt", "2.txt", "3.txt"} {
		writeFile(t, dir, name, []byte(arabicLine))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pages []news.Page
	err := (&Reader{}).Walk(ctx, []string{dir, dir}, func(p news.Page) error {
		pages = append(pages, p)
		cancel() // as a signal handler would, mid-walk
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Walk() = %v, want context.Canceled", err)
	}
	if len(pages) != 1 {
		t.Errorf("emitted %d pages after cancel, want 1", len(pages))
	}
}

func TestWalkEmitError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", []byte(`{"title":"أ"}`+"\n"+`{"title":"ب"}`+"\n"))
	writeFile(t, dir, "b.txt", []byte(arabicLine))
	errFull := errors.New("disk full")
	n := 0
	err := (&Reader{}).Walk(context.Background(), []string{dir}, func(news.Page) error {
		n++
		return errFull
	}, func(e *InputError) { t.Errorf("unexpected report: %v", e) })
	if !errors.Is(err, errFull) || !strings.Contains(err.Error(), "a.jsonl:1") {
		t.Errorf("Walk() = %v, want the emit error, naming the page", err)
	}
	if n != 1 {
		t.Errorf("emit called %d times, want 1: the walk must stop", n)
	}
}
