package wojood

import (
	"fmt"
	"github.com/marsad/marsad/internal/eval/prf"
	"time"

	"github.com/marsad/marsad/internal/timex"
)

// DateScore counts how timex.Find's spans meet Wojood's DATE spans, both
// taken as token ranges. Exact counts predictions equal to a gold span; the
// overlap counts accept any shared token, which is fairer to a corpus whose
// DATE spans take in their prepositions and brackets.
type DateScore struct {
	Sentences   int // sentences read
	Gold        int // DATE spans in the data
	Predicted   int // spans Find returned
	Exact       int // predicted spans equal to a gold span
	PredOverlap int // predicted spans sharing a token with some gold span
	GoldOverlap int // gold spans sharing a token with some predicted span
}

// ExactPrecision is Exact over Predicted.
func (s DateScore) ExactPrecision() float64 { return prf.Ratio(s.Exact, s.Predicted) }

// ExactRecall is Exact over Gold.
func (s DateScore) ExactRecall() float64 { return prf.Ratio(s.Exact, s.Gold) }

// ExactF1 is the harmonic mean of ExactPrecision and ExactRecall.
func (s DateScore) ExactF1() float64 { return prf.F1(s.ExactPrecision(), s.ExactRecall()) }

// OverlapPrecision is PredOverlap over Predicted.
func (s DateScore) OverlapPrecision() float64 { return prf.Ratio(s.PredOverlap, s.Predicted) }

// OverlapRecall is GoldOverlap over Gold.
func (s DateScore) OverlapRecall() float64 { return prf.Ratio(s.GoldOverlap, s.Gold) }

// OverlapF1 is the harmonic mean of OverlapPrecision and OverlapRecall.
func (s DateScore) OverlapF1() float64 { return prf.F1(s.OverlapPrecision(), s.OverlapRecall()) }

// String prints the score on one line, as `marsad eval dates` shows it.
func (s DateScore) String() string {
	return fmt.Sprintf("sentences=%d gold=%d predicted=%d exact P=%.3f R=%.3f F1=%.3f overlap P=%.3f R=%.3f F1=%.3f",
		s.Sentences, s.Gold, s.Predicted, s.ExactPrecision(), s.ExactRecall(), s.ExactF1(),
		s.OverlapPrecision(), s.OverlapRecall(), s.OverlapF1())
}

// ScoreDates scores timex.Find against the DATE spans of the Wojood files
// in dir. Each sentence is its tokens joined by spaces, with no reference
// date.
func ScoreDates(dir string) (DateScore, error) {
	var s DateScore
	sents, err := Read(dir)
	if err != nil {
		return s, fmt.Errorf("score dates: %w", err)
	}
	for _, sent := range sents {
		s.Sentences++
		gold := sent.Spans("DATE")
		j := sent.Join(nil)
		var pred []Span
		for _, e := range timex.Find(j.Text, time.Time{}) {
			if sp, ok := j.Tokens(e.Start, e.End); ok {
				pred = append(pred, sp)
			}
		}
		s.Gold += len(gold)
		s.Predicted += len(pred)
		for _, p := range pred {
			exact := false
			for _, g := range gold {
				exact = exact || p == g
			}
			if exact {
				s.Exact++
			}
			if AnyMeets(p, gold) {
				s.PredOverlap++
			}
		}
		for _, g := range gold {
			if AnyMeets(g, pred) {
				s.GoldOverlap++
			}
		}
	}
	return s, nil
}
