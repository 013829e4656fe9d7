package extract

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/marsad/marsad/news"
)

// ErrNoWojood means the directory holds none of the Wojood split files.
var ErrNoWojood = errors.New("extract eval: no Wojood files (train.txt, val.txt, test.txt)")

// wojoodFiles are the splits of the Wojood public sample, scored together:
// nothing in marsad's extraction is trained on them.
var wojoodFiles = []string{"train.txt", "val.txt", "test.txt"}

// NumericTypes are the Wojood types a predicted quantity should cover.
// ORDINAL is left out on purpose: ordinals are not amounts under the
// annotation guidelines.
var NumericTypes = []string{"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}

// TypeRecall is how many gold spans of one Wojood type a prediction
// overlaps.
type TypeRecall struct {
	Type string
	Gold int // spans of the type
	Hit  int // spans sharing a token with some predicted span
}

// Recall is Hit over Gold.
func (t TypeRecall) Recall() float64 { return ratio(t.Hit, t.Gold) }

// WojoodReport is detection on Wojood: recall per type, and precision of
// predicted quantities and time expressions against the spans that could
// justify them. Wojood sentences carry no publication date, so values are
// not compared, only spans (as token ranges; a shared token is a hit).
type WojoodReport struct {
	Sentences int
	// Types holds CARDINAL, MONEY, PERCENT, QUANTITY, their union
	// ("numeric"), then DATE.
	Types []TypeRecall
	// Quantities counts predicted quantities (Predicted) and those
	// overlapping a numeric gold span (Matched); Gold is the numeric
	// union. A quantity over an unannotated number counts against
	// precision, which is why precision here is a floor.
	Quantities Counts
	// QuantityOnDate and QuantityOnOrdinal count the predicted quantities
	// that meet no numeric span but a DATE or an ORDINAL one: years, days
	// and ordinals read as amounts, which the guidelines rule out. The
	// rest of the unmatched ones fall on unannotated numbers (list
	// numbers, ids, article numbers) or on nothing numeric.
	QuantityOnDate, QuantityOnOrdinal int
	// Dates counts predicted time expressions against DATE and TIME spans.
	Dates Counts
}

// String prints the Wojood scores as a small table.
func (w WojoodReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Wojood detection (%d sentences; spans as tokens, overlap)\n", w.Sentences)
	fmt.Fprintf(&b, "%-10s %5s %5s %7s\n", "type", "gold", "hit", "recall")
	for _, t := range w.Types {
		fmt.Fprintf(&b, "%-10s %5d %5d %7.3f\n", t.Type, t.Gold, t.Hit, t.Recall())
	}
	fmt.Fprintf(&b, "quantity precision vs numeric spans: %d/%d (%.3f)\n", w.Quantities.Matched, w.Quantities.Predicted, w.Quantities.Precision())
	fmt.Fprintf(&b, "  unmatched quantities on DATE spans: %d, on ORDINAL spans: %d, elsewhere: %d\n", w.QuantityOnDate, w.QuantityOnOrdinal,
		w.Quantities.Predicted-w.Quantities.Matched-w.QuantityOnDate-w.QuantityOnOrdinal)
	fmt.Fprintf(&b, "date precision vs DATE/TIME spans:   %d/%d (%.3f)\n", w.Dates.Matched, w.Dates.Predicted, w.Dates.Precision())
	return b.String()
}

// wojoodSentence is one sentence: its tokens and, per token, the set of
// tags on it (nested annotation puts several on one token).
type wojoodSentence struct {
	toks []string
	tags []map[string]bool
}

// ScoreWojood runs analyze over every Wojood sentence (tokens joined by
// spaces, no publication date) and scores predicted quantities against
// the numeric types and predicted time expressions against DATE.
func ScoreWojood(dir string, analyze func(news.Article) news.Article) (WojoodReport, error) {
	var w WojoodReport
	recall := map[string]*TypeRecall{}
	order := append(append([]string{}, NumericTypes...), "numeric", "DATE")
	for _, t := range order {
		recall[t] = &TypeRecall{Type: t}
	}
	found := false
	for _, name := range wojoodFiles {
		path := filepath.Join(dir, name)
		sents, err := readWojood(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return w, fmt.Errorf("score wojood: %w", err)
		}
		found = true
		for i, s := range sents {
			w.scoreSentence(fmt.Sprintf("%s:%d", name, i), s, analyze, recall)
		}
	}
	if !found {
		return w, fmt.Errorf("score wojood in %s: %w", dir, ErrNoWojood)
	}
	for _, t := range order {
		w.Types = append(w.Types, *recall[t])
	}
	return w, nil
}

// readWojood reads `token TAG [TAG...]` lines, blank line between
// sentences.
func readWojood(path string) ([]wojoodSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []wojoodSentence
	var cur wojoodSentence
	flush := func() {
		if len(cur.toks) > 0 {
			out = append(out, cur)
		}
		cur = wojoodSentence{}
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		tags := map[string]bool{}
		for _, t := range fields[1:] {
			tags[t] = true
		}
		cur.toks = append(cur.toks, fields[0])
		cur.tags = append(cur.tags, tags)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// spansOf returns the token spans of one type. Nested spans of the same
// type merge into the outer one: for detection they are one amount.
func (s wojoodSentence) spansOf(typ string) []tokSpan {
	var out []tokSpan
	for k, tags := range s.tags {
		switch {
		case tags["B-"+typ] || tags["I-"+typ] && (k == 0 || !inType(s.tags[k-1], typ)):
			out = append(out, tokSpan{k, k + 1})
		case tags["I-"+typ]:
			out[len(out)-1].b = k + 1
		}
	}
	return out
}

func inType(tags map[string]bool, typ string) bool { return tags["B-"+typ] || tags["I-"+typ] }

// tokSpan is a half-open range of token indexes.
type tokSpan struct{ a, b int }

func (x tokSpan) meets(y tokSpan) bool { return x.a < y.b && y.a < x.b }

func anyMeets(x tokSpan, ys []tokSpan) bool {
	for _, y := range ys {
		if x.meets(y) {
			return true
		}
	}
	return false
}

func (w *WojoodReport) scoreSentence(id string, s wojoodSentence, analyze func(news.Article) news.Article, recall map[string]*TypeRecall) {
	w.Sentences++
	starts := make([]int, len(s.toks))
	ends := make([]int, len(s.toks))
	var b strings.Builder
	off := 0
	for k, t := range s.toks {
		if k > 0 && spaced(s.toks[k-1], t, s.toks[min(k+1, len(s.toks)-1)], k > 1 && isDigits(s.toks[max(k-2, 0)])) {
			b.WriteByte(' ')
			off++
		}
		b.WriteString(t)
		starts[k] = off
		off += len([]rune(t))
		ends[k] = off
	}
	got := analyze(news.Article{ID: id, Text: b.String(), Lang: "ar"})
	toTokens := func(start, end int) (tokSpan, bool) {
		sp := tokSpan{-1, -1}
		for k := range s.toks {
			if ends[k] > start && starts[k] < end {
				if sp.a < 0 {
					sp.a = k
				}
				sp.b = k + 1
			}
		}
		return sp, sp.a >= 0
	}
	var qty, dates []tokSpan
	for _, q := range got.Quantities {
		if sp, ok := toTokens(q.Start, q.End); ok {
			qty = append(qty, sp)
		}
	}
	for _, d := range got.Dates {
		if sp, ok := toTokens(d.Start, d.End); ok {
			dates = append(dates, sp)
		}
	}

	dateGold := s.spansOf("DATE")
	var numeric []tokSpan
	for _, t := range NumericTypes {
		gold := s.spansOf(t)
		numeric = append(numeric, gold...)
		for _, g := range gold {
			recall[t].Gold++
			if anyMeets(g, qty) {
				recall[t].Hit++
			}
		}
	}
	// The union counts each token range once, so an amount tagged both
	// CARDINAL and MONEY is one gold amount.
	union := mergeSpans(numeric)
	for _, g := range union {
		recall["numeric"].Gold++
		if anyMeets(g, qty) {
			recall["numeric"].Hit++
		}
	}
	for _, g := range dateGold {
		recall["DATE"].Gold++
		if anyMeets(g, dates) {
			recall["DATE"].Hit++
		}
	}
	w.Quantities.Gold += len(union)
	w.Quantities.Predicted += len(qty)
	ordinals := s.spansOf("ORDINAL")
	for _, q := range qty {
		switch {
		case anyMeets(q, union):
			w.Quantities.Matched++
		case anyMeets(q, dateGold):
			w.QuantityOnDate++
		case anyMeets(q, ordinals):
			w.QuantityOnOrdinal++
		}
	}
	// A time of day is a time expression too; only predictions meeting
	// neither DATE nor TIME count against precision.
	timeGold := append(append([]tokSpan{}, dateGold...), s.spansOf("TIME")...)
	w.Dates.Gold += len(dateGold)
	w.Dates.Predicted += len(dates)
	for _, d := range dates {
		if anyMeets(d, timeGold) {
			w.Dates.Matched++
		}
	}
}

// spaced says whether a space goes between tokens prev and cur when a
// Wojood sentence is put back together. Wojood splits punctuation off
// ("15 / 1 / 1959", "( 1948 )", "2 , 0"); rejoined with spaces, a date
// would read as three counts and a decimal as two numbers, which is the
// tokenisation's doing, not the extractor's. So brackets, trailing
// punctuation and separators between digits are written against their
// neighbours, as running text has them. next is the token after cur;
// digitsBefore says whether the token before prev is digits.
func spaced(prev, cur, next string, digitsBefore bool) bool {
	switch {
	case prev == "(" || prev == "[":
		return false
	case cur == ")" || cur == "]" || cur == "،" || cur == "؛" || cur == "؟" || cur == "!" || cur == ":" || cur == "%" || cur == "٪":
		return false
	case (cur == "/" || cur == "," || cur == ".") && isDigits(prev) && isDigits(next):
		return false
	case (prev == "/" || prev == "," || prev == ".") && isDigits(cur) && digitsBefore:
		return false
	case cur == "," || cur == ".":
		return false
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= '٠' && r <= '٩') {
			return false
		}
	}
	return true
}

// mergeSpans returns the spans with overlapping ones merged.
func mergeSpans(spans []tokSpan) []tokSpan {
	var out []tokSpan
	for _, s := range spans {
		merged := false
		for i := range out {
			if out[i].meets(s) {
				out[i].a, out[i].b = min(out[i].a, s.a), max(out[i].b, s.b)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, s)
		}
	}
	return out
}
