package source

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/marsad/marsad/news"
)

// FuzzDecode: Decode never panics, succeeds only with valid UTF-8 that is
// not blank, and fails only with its own sentinels.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(arabicTwo), "")
	f.Add([]byte("\xEF\xBB\xBF"+arabicLine), "text/plain")
	f.Add([]byte{0xFF, 0xFE, 0x27, 0x06, 0x44, 0x06}, "")
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00}, "")
	w1256, _ := charmap.Windows1256.NewEncoder().Bytes([]byte(arabicLine))
	f.Add(w1256, "")
	f.Add(append([]byte(`<html><meta charset="windows-1256">`), w1256...), "text/html")
	f.Add([]byte("caf\xe9"), "text/plain; charset=iso-8859-1")
	f.Add([]byte("a\nb\n\xff"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, b []byte, hint string) {
		s, err := Decode(b, hint)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrInvalidEncoding) {
				t.Fatalf("Decode(%q, %q) error %v is neither ErrEmpty nor ErrInvalidEncoding", b, hint, err)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(%q, %q) = %q, not valid UTF-8", b, hint, s)
		}
		if isOnlySpace([]byte(s)) {
			t.Fatalf("Decode(%q, %q) = %q without ErrEmpty", b, hint, s)
		}
	})
}

// fuzzLimits are small, so short inputs reach every limit.
var fuzzLimits = Limits{MaxPageBytes: 64, MaxFileBytes: 4096}

// readRecords runs the JSON readers over b as a stream, lines or not.
func readRecords(t *testing.T, b []byte, lines bool) (pages []news.Page, reports []*InputError) {
	w := &walker{
		limits: fuzzLimits.withDefaults(),
		now:    func() time.Time { return fetched },
		emit:   func(p news.Page) error { pages = append(pages, p); return nil },
		report: func(e *InputError) { reports = append(reports, e) },
	}
	err := w.records(context.Background(), input{origin: "f.jsonl", name: "f.jsonl", size: -1, r: bytes.NewReader(b)}, lines)
	var ie *InputError
	switch {
	case errors.As(err, &ie):
		reports = append(reports, ie)
	case err != nil:
		t.Fatalf("records() = %v, want nil or an *InputError", err)
	}
	return pages, reports
}

// FuzzJSONL: any bytes read as JSON Lines never panic; every page carries a
// record, and every report names a line.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"` + arabicTitle + `","text":"` + arabicLine + `"}` + "\n{bad\n" + `{"content":"نص","id":7}`))
	f.Add([]byte("\n\n{\"title\":null}\r\n[1]\n\"x\"\n{} {}\n"))
	f.Add([]byte("\xEF\xBB\xBF{\"title\":\"أ\"}"))
	f.Add([]byte(`{"title":{"a":1},"text":[1],"id":1e400}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, reports := readRecords(t, b, true)
		for _, p := range pages {
			if p.Record == nil || p.Kind != news.KindRecord {
				t.Fatalf("page %s without a record", p.Origin)
			}
		}
		for _, e := range reports {
			if e.Line < 1 {
				t.Fatalf("report %q has no line", e)
			}
		}
	})
}

// FuzzJSON: any bytes read as a .json file never panic, and every page
// carries a record with a title or text.
func FuzzJSON(f *testing.F) {
	f.Add([]byte(saudiDay))
	f.Add([]byte(`[1, {"title":"أ"}, null, "x", {"title":{"ar":"ب"}}]`))
	f.Add([]byte("{\n\"title\": \"أ\"\n}\n{\"text\":\"ب\"}"))
	f.Add([]byte(`[{"title":"أ"}] trailing`))
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, _ := readRecords(t, b, false)
		for _, p := range pages {
			if p.Record == nil || (p.Record.Title == "" && p.Record.Text == "") {
				t.Fatalf("page %s: record %+v", p.Origin, p.Record)
			}
		}
	})
}
