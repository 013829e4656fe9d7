package cluster

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/news"
)

// Level is the scores of one level of grouping (events or stories).
type Level struct {
	BCubed   Scores
	Pairwise Scores
	Standard Scores // best-match F-measure; see Standard
	// Gold and Predicted count clusters among the gold items; the
	// singletons among them are counted apart.
	Gold, GoldSingletons           int
	Predicted, PredictedSingletons int
}

// Report is the result of scoring a clusterer against the gold set.
type Report struct {
	Items    int      // gold articles scored
	Streamed int      // articles the clusterer was given (all of the gold days)
	Days     []string // day archives read
	Events   Level
	Stories  Level
}

// ScoreLevel scores one level: gold[i] and pred[i] label item i.
func ScoreLevel(gold, pred []string) Level {
	l := Level{BCubed: BCubed(gold, pred), Pairwise: Pairwise(gold, pred), Standard: Standard(gold, pred)}
	l.Gold, l.GoldSingletons = clusters(gold)
	l.Predicted, l.PredictedSingletons = clusters(pred)
	return l
}

func clusters(labels []string) (n, singletons int) {
	size := map[string]int{}
	for _, l := range labels {
		size[l]++
	}
	for _, k := range size {
		if k == 1 {
			singletons++
		}
	}
	return len(size), singletons
}

// Score runs a clusterer over every article of the days the gold set
// draws on, in publication order (date_extracted), and scores its events
// and stories on the gold articles only. When the gold set labels whole
// days, as the evaluation set must, the two sets are the same; a partial
// sample is still clustered in the company of its whole day.
//
// assign receives the articles in order and must return one assignment
// per article, in the same order; an online clusterer is wrapped as a loop
// over its Assign.
func Score(dataDir string, gold []GoldItem, assign func([]news.Article) []news.Assignment) (Report, error) {
	s, err := LoadSet(dataDir, gold)
	if err != nil {
		return Report{}, fmt.Errorf("score: %w", err)
	}
	l, err := FromAssignments(s.Articles, assign(s.Articles))
	if err != nil {
		return Report{}, fmt.Errorf("score: %w", err)
	}
	ev, st := s.ScorePart(s.All(), l)
	return Report{Items: len(gold), Streamed: len(s.Articles), Days: s.Days, Events: ev, Stories: st}, nil
}

// Online adapts an online clusterer (such as stories.New(cfg)) to Score:
// it places the articles one by one with Assign, then applies the
// revisions made on the way (events merged, copy groups re-rooted), as the
// store does: what is scored is the clustering a reader sees at the end.
func Online(c news.Clusterer) func([]news.Article) []news.Assignment {
	return func(arts []news.Article) []news.Assignment {
		out := make([]news.Assignment, len(arts))
		for i, a := range arts {
			out[i] = c.Assign(a)
		}
		r := news.NewRemap(c.Revisions())
		for i := range out {
			out[i] = r.Place(out[i])
		}
		return out
	}
}

// String renders the report as a small table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d gold articles (clustered among %d) from %s\n", r.Items, r.Streamed, strings.Join(r.Days, ", "))
	fmt.Fprintf(&b, "%-8s %-30s %-30s %-30s %s\n", "", "BCubed", "pairwise", "standard (best-match)", "clusters gold/pred (singletons)")
	for _, l := range []struct {
		name string
		l    Level
	}{{"events", r.Events}, {"stories", r.Stories}} {
		fmt.Fprintf(&b, "%-8s %-30s %-30s %-30s %d/%d (%d/%d)\n", l.name, l.l.BCubed, l.l.Pairwise, l.l.Standard,
			l.l.Gold, l.l.Predicted, l.l.GoldSingletons, l.l.PredictedSingletons)
	}
	return b.String()
}
