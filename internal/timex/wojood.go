package timex

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoWojood is returned by ScoreWojood when the directory holds none of
// the Wojood split files.
var ErrNoWojood = errors.New("timex: no Wojood files (train.txt, val.txt, test.txt)")

// wojoodFiles are the splits of the Wojood public sample, scored together:
// Find is not trained on them.
var wojoodFiles = []string{"train.txt", "val.txt", "test.txt"}

// Score counts how Find's spans meet the DATE spans of an annotated corpus,
// both taken as token ranges. Exact counts predictions equal to a gold span;
// the overlap counts accept any shared token, which is fairer to a corpus
// whose DATE spans take in their prepositions and brackets.
type Score struct {
	Sentences   int // sentences read
	Gold        int // DATE spans in the data
	Predicted   int // spans Find returned
	Exact       int // predicted spans equal to a gold span
	PredOverlap int // predicted spans sharing a token with some gold span
	GoldOverlap int // gold spans sharing a token with some predicted span
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ExactPrecision is Exact over Predicted.
func (s Score) ExactPrecision() float64 { return ratio(s.Exact, s.Predicted) }

// ExactRecall is Exact over Gold.
func (s Score) ExactRecall() float64 { return ratio(s.Exact, s.Gold) }

// ExactF1 is the harmonic mean of ExactPrecision and ExactRecall.
func (s Score) ExactF1() float64 { return f1(s.ExactPrecision(), s.ExactRecall()) }

// OverlapPrecision is PredOverlap over Predicted.
func (s Score) OverlapPrecision() float64 { return ratio(s.PredOverlap, s.Predicted) }

// OverlapRecall is GoldOverlap over Gold.
func (s Score) OverlapRecall() float64 { return ratio(s.GoldOverlap, s.Gold) }

// OverlapF1 is the harmonic mean of OverlapPrecision and OverlapRecall.
func (s Score) OverlapF1() float64 { return f1(s.OverlapPrecision(), s.OverlapRecall()) }

// String prints the score on one line, as `marsad eval dates` shows it.
func (s Score) String() string {
	return fmt.Sprintf("sentences=%d gold=%d predicted=%d exact P=%.3f R=%.3f F1=%.3f overlap P=%.3f R=%.3f F1=%.3f",
		s.Sentences, s.Gold, s.Predicted, s.ExactPrecision(), s.ExactRecall(), s.ExactF1(),
		s.OverlapPrecision(), s.OverlapRecall(), s.OverlapF1())
}

// tokSpan is a half-open range of token indexes.
type tokSpan struct{ a, b int }

// ScoreWojood scores Find against the DATE spans of the Wojood files in dir
// (`token TAG [TAG...]` per line, blank line between sentences, nested BIO
// tags). Wojood sentences carry no publication date, so Find runs without a
// reference; only spans are compared, not values.
func ScoreWojood(dir string) (Score, error) {
	var s Score
	found := false
	for _, name := range wojoodFiles {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return s, fmt.Errorf("score wojood: %w", err)
		}
		found = true
		err = scoreWojoodFile(f, &s)
		f.Close()
		if err != nil {
			return s, fmt.Errorf("score wojood %s: %w", path, err)
		}
	}
	if !found {
		return s, fmt.Errorf("score wojood in %s: %w", dir, ErrNoWojood)
	}
	return s, nil
}

// scoreWojoodFile adds one file's sentences to s.
func scoreWojoodFile(f *os.File, s *Score) error {
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var toks []string
	var tags []string // "B", "I" or "" for DATE per token
	flush := func() {
		if len(toks) > 0 {
			scoreSentence(toks, tags, s)
		}
		toks, tags = toks[:0], tags[:0]
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		tag := ""
		for _, t := range fields[1:] {
			if t == "B-DATE" || t == "I-DATE" {
				tag = t[:1]
				break
			}
		}
		toks = append(toks, fields[0])
		tags = append(tags, tag)
	}
	flush()
	return sc.Err()
}

// scoreSentence runs Find over one sentence and counts its spans.
func scoreSentence(toks, tags []string, s *Score) {
	s.Sentences++
	var gold []tokSpan
	for k, t := range tags {
		switch {
		case t == "B" || t == "I" && (k == 0 || tags[k-1] == ""):
			gold = append(gold, tokSpan{k, k + 1})
		case t == "I":
			gold[len(gold)-1].b = k + 1
		}
	}
	starts := make([]int, len(toks))
	ends := make([]int, len(toks))
	var b strings.Builder
	off := 0
	for k, t := range toks {
		if k > 0 {
			b.WriteByte(' ')
			off++
		}
		b.WriteString(t)
		starts[k] = off
		off += len([]rune(t))
		ends[k] = off
	}
	var pred []tokSpan
	for _, e := range Find(b.String(), time.Time{}) {
		sp := tokSpan{-1, -1}
		for k := range toks {
			if ends[k] > e.Start && starts[k] < e.End {
				if sp.a < 0 {
					sp.a = k
				}
				sp.b = k + 1
			}
		}
		if sp.a >= 0 {
			pred = append(pred, sp)
		}
	}
	s.Gold += len(gold)
	s.Predicted += len(pred)
	overlaps := func(x, y tokSpan) bool { return x.a < y.b && y.a < x.b }
	for _, p := range pred {
		exact, over := false, false
		for _, g := range gold {
			exact = exact || p == g
			over = over || overlaps(p, g)
		}
		if exact {
			s.Exact++
		}
		if over {
			s.PredOverlap++
		}
	}
	for _, g := range gold {
		for _, p := range pred {
			if overlaps(p, g) {
				s.GoldOverlap++
				break
			}
		}
	}
}
