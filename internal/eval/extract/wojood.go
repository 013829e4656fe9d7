package extract

import (
	"fmt"
	"github.com/marsad/marsad/internal/eval/prf"
	"strings"

	"github.com/marsad/marsad/internal/eval/wojood"
	"github.com/marsad/marsad/news"
)

// ErrNoWojood means the directory holds none of the Wojood split files.
var ErrNoWojood = wojood.ErrNoData

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
func (t TypeRecall) Recall() float64 { return prf.Ratio(t.Hit, t.Gold) }

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

// ScoreWojood runs analyze over every Wojood sentence (tokens put back
// together as running text, no publication date) and scores predicted
// quantities against the numeric types and predicted time expressions
// against DATE.
func ScoreWojood(dir string, analyze func(news.Article) news.Article) (WojoodReport, error) {
	var w WojoodReport
	recall := map[string]*TypeRecall{}
	order := append(append([]string{}, NumericTypes...), "numeric", "DATE")
	for _, t := range order {
		recall[t] = &TypeRecall{Type: t}
	}
	sents, err := wojood.Read(dir)
	if err != nil {
		return w, fmt.Errorf("score wojood: %w", err)
	}
	for _, s := range sents {
		w.scoreSentence(s, analyze, recall)
	}
	for _, t := range order {
		w.Types = append(w.Types, *recall[t])
	}
	return w, nil
}

func (w *WojoodReport) scoreSentence(s wojood.Sentence, analyze func(news.Article) news.Article, recall map[string]*TypeRecall) {
	w.Sentences++
	toks := s.Tokens
	j := s.Join(func(k int) bool {
		return spaced(toks[k-1], toks[k], toks[min(k+1, len(toks)-1)], k > 1 && isDigits(toks[max(k-2, 0)]))
	})
	got := analyze(news.Article{ID: s.ID, Text: j.Text, Lang: "ar"})
	toTokens := j.Tokens
	var qty, dates []wojood.Span
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

	dateGold := s.Spans("DATE")
	var numeric []wojood.Span
	for _, t := range NumericTypes {
		gold := s.Spans(t)
		numeric = append(numeric, gold...)
		for _, g := range gold {
			recall[t].Gold++
			if wojood.AnyMeets(g, qty) {
				recall[t].Hit++
			}
		}
	}
	// The union counts each token range once, so an amount tagged both
	// CARDINAL and MONEY is one gold amount.
	union := mergeSpans(numeric)
	for _, g := range union {
		recall["numeric"].Gold++
		if wojood.AnyMeets(g, qty) {
			recall["numeric"].Hit++
		}
	}
	for _, g := range dateGold {
		recall["DATE"].Gold++
		if wojood.AnyMeets(g, dates) {
			recall["DATE"].Hit++
		}
	}
	w.Quantities.Gold += len(union)
	w.Quantities.Predicted += len(qty)
	ordinals := s.Spans("ORDINAL")
	for _, q := range qty {
		switch {
		case wojood.AnyMeets(q, union):
			w.Quantities.Matched++
		case wojood.AnyMeets(q, dateGold):
			w.QuantityOnDate++
		case wojood.AnyMeets(q, ordinals):
			w.QuantityOnOrdinal++
		}
	}
	// A time of day is a time expression too; only predictions meeting
	// neither DATE nor TIME count against precision.
	timeGold := append(append([]wojood.Span{}, dateGold...), s.Spans("TIME")...)
	w.Dates.Gold += len(dateGold)
	w.Dates.Predicted += len(dates)
	for _, d := range dates {
		if wojood.AnyMeets(d, timeGold) {
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
func mergeSpans(spans []wojood.Span) []wojood.Span {
	var out []wojood.Span
	for _, s := range spans {
		merged := false
		for i := range out {
			if out[i].Meets(s) {
				out[i].A, out[i].B = min(out[i].A, s.A), max(out[i].B, s.B)
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
