package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/news"
)

// The shared data sits beside the project; tests that need it skip when it
// is absent (it is never committed).
var (
	snnDir    = filepath.Join("..", "..", "..", "..", "shared", "data", "saudinewsnet")
	wojoodDir = filepath.Join("..", "..", "..", "..", "shared", "data", "wojood")
)

func needData(t *testing.T, dir, what string) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found at %s (../shared/data is not part of the repository); skipping", what, dir)
	}
}

var valueForm = regexp.MustCompile(`^\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?$`)

// TestGoldWellFormed checks the shipped gold on its own, without the data:
// enough articles, spans as offsets and hashes with no text, values in the
// contract's forms.
func TestGoldWellFormed(t *testing.T) {
	gold, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 60 {
		t.Fatalf("gold has %d articles; the issue asks for at least 60", len(gold))
	}
	quals := map[string]bool{news.Exact: true, news.About: true, news.MoreThan: true, news.AtLeast: true,
		news.LessThan: true, news.AtMost: true, news.Additional: true, news.Range: true}
	seen := map[string]bool{}
	var nq, nn, nd int
	for _, g := range gold {
		if seen[g.Key()] {
			t.Errorf("%s annotated twice", g.Key())
		}
		seen[g.Key()] = true
		span := func(kind, text string, start, end int, hash string) {
			if start < 0 || end <= start || !validHash(hash) || text != "" {
				t.Errorf("%s: %s at %d..%d: hash %q, text %q", g.Key(), kind, start, end, hash, text)
			}
		}
		for _, q := range g.Quotes {
			span("quote", q.Text, q.Start, q.End, q.Hash)
			if q.Speaker == "" {
				t.Errorf("%s: quote at %d..%d has no speaker", g.Key(), q.Start, q.End)
			}
		}
		for _, q := range g.Quantities {
			span("quantity", q.Text, q.Start, q.End, q.Hash)
			if !quals[q.Qualifier] || q.Min > q.Max {
				t.Errorf("%s: quantity at %d..%d: qualifier %q, %v..%v", g.Key(), q.Start, q.End, q.Qualifier, q.Min, q.Max)
			}
		}
		for _, d := range g.Dates {
			span("date", d.Text, d.Start, d.End, d.Hash)
			if !valueForm.MatchString(d.Value) {
				t.Errorf("%s: date at %d..%d has value %q", g.Key(), d.Start, d.End, d.Value)
			}
		}
		nq, nn, nd = nq+len(g.Quotes), nn+len(g.Quantities), nd+len(g.Dates)
	}
	t.Logf("gold: %d articles, %d quotes, %d quantities, %d dates", len(gold), nq, nn, nd)
}

// TestGoldMatchesData reads every gold article from SaudiNewsNet and checks
// each span is where the gold says: the annotations are only valid on the
// text they were made on.
func TestGoldMatchesData(t *testing.T) {
	needData(t, snnDir, "SaudiNewsNet")
	gold, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Articles(snnDir, gold)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		if a.Text == "" || a.Published != gold[i].Published {
			t.Errorf("%s: text %d bytes, published %q; gold says %q", gold[i].Key(), len(a.Text), a.Published, gold[i].Published)
		}
		// Articles filled in every span text, and it is the text the
		// offsets point at.
		content := []rune(a.Text)
		span := func(kind, text string, start, end int, hash string) {
			if text == "" || text != string(content[start:end]) || SpanHash(text) != hash {
				t.Errorf("%s: %s at %d..%d: text %q not filled from the data", gold[i].Key(), kind, start, end, text)
			}
		}
		for _, q := range gold[i].Quotes {
			span("quote", q.Text, q.Start, q.End, q.Hash)
		}
		for _, q := range gold[i].Quantities {
			span("quantity", q.Text, q.Start, q.End, q.Hash)
		}
		for _, d := range gold[i].Dates {
			span("date", d.Text, d.Start, d.End, d.Hash)
		}
	}
}

// maxVerbatimRunes is the longest span text the gold file may contain
// verbatim: a short quantity or date can occur in it by chance (a speaker
// alias, a URL), a longer one means article text was stored.
const maxVerbatimRunes = 20

// TestGoldStoresNoText checks the licence constraint: no span text longer
// than maxVerbatimRunes appears in the shipped gold file, neither in its
// bytes nor in any of its decoded JSON strings (which would catch escaped
// forms).
func TestGoldStoresNoText(t *testing.T) {
	needData(t, snnDir, "SaudiNewsNet")
	gold, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Articles(snnDir, gold); err != nil {
		t.Fatal(err)
	}
	var strs []string
	for n, line := range bytes.Split(goldJSONL, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var v any
		if err := json.Unmarshal(line, &v); err != nil {
			t.Fatalf("gold line %d: %v", n+1, err)
		}
		strs = appendStrings(strs, v)
	}
	decoded := strings.Join(strs, "\x00")
	long := 0
	span := func(key, kind, text string) {
		if utf8.RuneCountInString(text) <= maxVerbatimRunes {
			return
		}
		long++
		if bytes.Contains(goldJSONL, []byte(text)) || strings.Contains(decoded, text) {
			t.Errorf("%s: %s text of %d runes is stored verbatim in testdata/gold.jsonl", key, kind, utf8.RuneCountInString(text))
		}
	}
	for _, g := range gold {
		for _, q := range g.Quotes {
			span(g.Key(), "quote", q.Text)
		}
		for _, q := range g.Quantities {
			span(g.Key(), "quantity", q.Text)
		}
		for _, d := range g.Dates {
			span(g.Key(), "date", d.Text)
		}
	}
	if long == 0 {
		t.Fatal("no span longer than the limit: the test checked nothing")
	}
	if !t.Failed() {
		t.Logf("%d spans longer than %d runes, none stored", long, maxVerbatimRunes)
	}
}

// appendStrings appends every string in a decoded JSON value, keys
// included.
func appendStrings(out []string, v any) []string {
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, x := range v {
			out = appendStrings(out, x)
		}
	case map[string]any:
		for k, x := range v {
			out = appendStrings(append(out, k), x)
		}
	}
	return out
}

// The gold format has offsets and hashes, no text: a line with a span
// text and no hash (the old format) is refused, and a text field is
// never decoded.
func TestReadGoldFormat(t *testing.T) {
	h := SpanHash("300")
	if len(h) != 16 || !validHash(h) {
		t.Fatalf("SpanHash = %q; want 16 lowercase hex digits", h)
	}
	good := `{"zip": "d.zip", "index": 0, "url": "u", "quantities": [{"start": 0, "end": 3, "hash": "` + h + `", "min": 300, "max": 300, "unit": "جندي", "qualifier": "exact"}]}`
	gs, err := ReadGold(strings.NewReader(good + "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || len(gs[0].Quantities) != 1 || gs[0].Quantities[0].Hash != h || gs[0].Quantities[0].Text != "" {
		t.Fatalf("decoded %+v", gs)
	}
	for name, line := range map[string]string{
		"old format, text and no hash": `{"zip": "d.zip", "dates": [{"text": "أمس", "start": 0, "end": 3, "value": "2015-07-20"}]}`,
		"hash of the wrong form":       `{"zip": "d.zip", "quotes": [{"speaker": "س", "start": 0, "end": 3, "hash": "XYZ"}]}`,
		"empty span":                   `{"zip": "d.zip", "quotes": [{"speaker": "س", "start": 3, "end": 3, "hash": "` + h + `"}]}`,
	} {
		if _, err := ReadGold(strings.NewReader(line)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestGoldSelection checks the gold articles are exactly the ones the
// documented selection rule picks, in order.
func TestGoldSelection(t *testing.T) {
	needData(t, snnDir, "SaudiNewsNet")
	if testing.Short() {
		t.Skip("reads every day archive; skipped in -short mode")
	}
	gold, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	picks, err := Select(snnDir, len(gold))
	if err != nil {
		t.Fatal(err)
	}
	if len(picks) != len(gold) {
		t.Fatalf("Select picked %d articles; gold has %d", len(picks), len(gold))
	}
	for i, p := range picks {
		if p.Zip != gold[i].Zip || p.Index != gold[i].Index || p.URL != gold[i].URL {
			t.Errorf("pick %d = %s#%d; gold has %s", i, p.Zip, p.Index, gold[i].Key())
		}
	}
}

// A moved span is reported, not scored: the check compares the hash of
// the text at the offsets with the annotated one.
func TestCheckSpanMismatch(t *testing.T) {
	g := GoldArticle{Zip: "d.zip", URL: "u", Quantities: []GoldQuantity{{Start: 0, End: 3, Hash: SpanHash("300")}}}
	if err := check(g, "u", []rune("300 جندي")); err != nil {
		t.Fatalf("matching span reported: %v", err)
	}
	err := check(g, "u", []rune("نحو 300 جندي"))
	var se *SpanError
	if !errors.Is(err, ErrSpanMismatch) || !errors.As(err, &se) || se.Kind != "quantity" || se.Got != "نحو" {
		t.Fatalf("moved span: error %v; want a quantity SpanError wrapping ErrSpanMismatch", err)
	}
	if err := check(g, "u", []rune("30")); !errors.Is(err, ErrSpanMismatch) {
		t.Fatalf("span past the end: error %v; want ErrSpanMismatch", err)
	}
	if err := check(g, "other", []rune("300 جندي")); !errors.Is(err, ErrSpanMismatch) {
		t.Fatalf("different URL: error %v; want ErrSpanMismatch", err)
	}
}

func TestArticlesMissingDay(t *testing.T) {
	_, err := Articles(t.TempDir(), []GoldArticle{{Zip: "2015-07-21.zip"}})
	if !errors.Is(err, ErrNoData) {
		t.Fatalf("error %v; want ErrNoData", err)
	}
}
