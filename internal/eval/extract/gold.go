// Package extract scores marsad's extraction stage (quotes, quantities,
// time expressions) against labelled data written by others or annotated
// by hand: a gold set of SaudiNewsNet articles annotated under
// testdata/GUIDELINES.md, and the numeric and DATE spans of the Wojood
// sample.
//
// It owns the gold format, its loader, the matching rules and the report
// `marsad eval extract` prints. The SaudiNewsNet text is never stored
// here, not even in part (its licence forbids redistribution): the gold
// holds annotations keyed by day archive, array index and URL, and each
// annotated span only as rune offsets and a short hash of its text
// (SpanHash). The article text is read from the data directory at
// evaluation time, every span is checked against its hash, and the span
// texts are filled in from it. The extractor being scored is passed in as
// a function, so any version of it can be scored the same way; this
// package never writes anywhere.
package extract

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// GoldArticle is one annotated article: where its text lives in the
// SaudiNewsNet archives and what a reader found in it.
type GoldArticle struct {
	// Zip is the day archive's file name ("2015-07-21.zip").
	Zip string `json:"zip"`
	// Index is the article's position in the archive's JSON array.
	Index int `json:"index"`
	// URL identifies the article independently of its position, so a
	// reshuffled archive is detected rather than silently mis-scored.
	URL    string `json:"url"`
	Source string `json:"source"`
	// Published is the date part of date_extracted: the reference date
	// relative time expressions were resolved against.
	Published  string         `json:"published"`
	Quotes     []GoldQuote    `json:"quotes"`
	Quantities []GoldQuantity `json:"quantities"`
	Dates      []GoldDate     `json:"dates"`
}

// Key names the article in reports: archive and index.
func (g GoldArticle) Key() string { return fmt.Sprintf("%s#%d", g.Zip, g.Index) }

// Every span (GoldQuote, GoldQuantity, GoldDate) is stored as Start and
// End, half-open rune offsets into the article's content, and Hash, the
// SpanHash of the text between them. Its Text is never stored (the JSON
// has no field for it): Articles and Score fill it in from the data after
// checking it against Hash, and the gold as loaded by Gold, LoadGold or
// ReadGold has it empty.

// GoldQuote is one quote.
type GoldQuote struct {
	// Speaker is the source's canonical name, or the description the text
	// gives when it names no one ("مصدر أمني").
	Speaker string `json:"speaker"`
	// Aliases are other forms the article uses for the same speaker
	// (surname, title); a prediction naming any of them is right.
	Aliases []string `json:"aliases,omitempty"`
	Text    string   `json:"-"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Hash    string   `json:"hash"`
	Direct  bool     `json:"direct"`
}

// GoldQuantity is one counted amount: the number with its hedge words,
// its value range, the counted noun's singular lemma in the search layer,
// and the qualifier.
type GoldQuantity struct {
	Text      string  `json:"-"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Hash      string  `json:"hash"`
	Min       float64 `json:"min"`
	Max       float64 `json:"max"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
}

// GoldDate is one time expression and its resolved value (YYYY-MM-DD,
// YYYY-MM, YYYY, or an interval A/B).
type GoldDate struct {
	Text  string `json:"-"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Hash  string `json:"hash"`
	Value string `json:"value"`
}

// SpanHash is what the gold stores for a span's text: the first 16 hex
// digits of the SHA-256 of its UTF-8 bytes. It identifies the text well
// enough to detect a changed or shifted article without reproducing it.
func SpanHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:8])
}

// validHash says whether h has SpanHash's form.
func validHash(h string) bool {
	if len(h) != 16 {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil && strings.ToLower(h) == h
}

//go:embed testdata/gold.jsonl
var goldJSONL []byte

// Gold returns the gold set shipped with marsad (testdata/gold.jsonl,
// embedded): annotations only, span texts empty; the text comes from the
// data directory (Articles, Score).
func Gold() ([]GoldArticle, error) {
	return ReadGold(bytes.NewReader(goldJSONL))
}

// LoadGold reads a gold file in the same JSON Lines format, for scoring
// against annotations other than the shipped ones.
func LoadGold(path string) ([]GoldArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	defer f.Close()
	gs, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("load gold %s: %w", path, err)
	}
	return gs, nil
}

// ReadGold decodes one GoldArticle per non-empty line. Every span must
// have offsets in order and a hash of SpanHash's form; span texts are left
// empty.
func ReadGold(r io.Reader) ([]GoldArticle, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var out []GoldArticle
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var g GoldArticle
		if err := json.Unmarshal(line, &g); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		if err := g.validSpans(); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}

// validSpans checks the form of g's spans: offsets in order, a hash.
func (g GoldArticle) validSpans() error {
	var errs []error
	at := func(kind string, i, start, end int, hash string) {
		if start < 0 || end <= start || !validHash(hash) {
			errs = append(errs, fmt.Errorf("%s: %s %d: span %d..%d, hash %q (want offsets start < end and %d hex digits)", g.Key(), kind, i, start, end, hash, 16))
		}
	}
	for i, q := range g.Quotes {
		at("quote", i, q.Start, q.End, q.Hash)
	}
	for i, q := range g.Quantities {
		at("quantity", i, q.Start, q.End, q.Hash)
	}
	for i, d := range g.Dates {
		at("date", i, d.Start, d.End, d.Hash)
	}
	return errors.Join(errs...)
}

// fillTexts sets the Text of every span of g to the content between its
// offsets (empty when they fall outside the content). g's span slices are
// modified in place.
func (g GoldArticle) fillTexts(content []rune) {
	text := func(start, end int) string {
		if start < 0 || start > end || end > len(content) {
			return ""
		}
		return string(content[start:end])
	}
	for i := range g.Quotes {
		g.Quotes[i].Text = text(g.Quotes[i].Start, g.Quotes[i].End)
	}
	for i := range g.Quantities {
		g.Quantities[i].Text = text(g.Quantities[i].Start, g.Quantities[i].End)
	}
	for i := range g.Dates {
		g.Dates[i].Text = text(g.Dates[i].Start, g.Dates[i].End)
	}
}

// hasTexts says whether every span of g has its Text.
func (g GoldArticle) hasTexts() bool {
	for _, q := range g.Quotes {
		if q.Text == "" {
			return false
		}
	}
	for _, q := range g.Quantities {
		if q.Text == "" {
			return false
		}
	}
	for _, d := range g.Dates {
		if d.Text == "" {
			return false
		}
	}
	return true
}

// withTexts is g with its span texts filled from content, on copies of
// its span slices, so the caller's gold is left as it was.
func (g GoldArticle) withTexts(content []rune) GoldArticle {
	g.Quotes = append([]GoldQuote(nil), g.Quotes...)
	g.Quantities = append([]GoldQuantity(nil), g.Quantities...)
	g.Dates = append([]GoldDate(nil), g.Dates...)
	g.fillTexts(content)
	return g
}

// ErrSpanMismatch means an annotated span is not where the gold says in
// the article text read from the data directory (the text between its
// offsets does not have its hash): the data differs from the copy the
// gold was annotated on.
var ErrSpanMismatch = errors.New("extract eval: gold span does not match the article text")

// SpanError says which span failed to match and what the text holds there.
type SpanError struct {
	Article string // GoldArticle.Key
	Kind    string // "quote", "quantity", "date", "url" or "index"
	// Start and End are the span's offsets (spans only).
	Start, End int
	// Want is what the gold says: the span's hash, or the URL.
	Want string
	// Got is what the data has: the text at the offsets (empty when they
	// fall outside the content), or the URL.
	Got string
}

func (e *SpanError) Error() string {
	switch e.Kind {
	case "url", "index":
		return fmt.Sprintf("%s: %s: gold has %q, data has %q", e.Article, e.Kind, e.Want, e.Got)
	}
	return fmt.Sprintf("%s: %s span %d..%d: gold hash %s, text there %q has hash %s", e.Article, e.Kind, e.Start, e.End, e.Want, e.Got, SpanHash(e.Got))
}

// Unwrap lets callers test for ErrSpanMismatch.
func (e *SpanError) Unwrap() error { return ErrSpanMismatch }

// check verifies every span of g against content (runes) and url: the
// text between the offsets must have the span's hash.
func check(g GoldArticle, url string, content []rune) error {
	if url != g.URL {
		return &SpanError{Article: g.Key(), Kind: "url", Want: g.URL, Got: url}
	}
	at := func(kind, hash string, start, end int) error {
		got := ""
		if start >= 0 && start <= end && end <= len(content) {
			got = string(content[start:end])
		}
		if got == "" || SpanHash(got) != hash {
			return &SpanError{Article: g.Key(), Kind: kind, Start: start, End: end, Want: hash, Got: got}
		}
		return nil
	}
	var errs []error
	for _, q := range g.Quotes {
		errs = append(errs, at("quote", q.Hash, q.Start, q.End))
	}
	for _, q := range g.Quantities {
		errs = append(errs, at("quantity", q.Hash, q.Start, q.End))
	}
	for _, d := range g.Dates {
		errs = append(errs, at("date", d.Hash, d.Start, d.End))
	}
	return errors.Join(errs...)
}

// dayOf is the date part of SaudiNewsNet's date_extracted
// ("2015-07-21 02:51:32" → "2015-07-21").
func dayOf(dateExtracted string) string {
	day, _, _ := strings.Cut(strings.TrimSpace(dateExtracted), " ")
	return day
}
