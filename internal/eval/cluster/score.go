package cluster

import (
	"fmt"
	"sort"
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
	if len(gold) == 0 {
		return Report{}, fmt.Errorf("score: %w: no gold items", ErrGold)
	}
	// read the gold articles first: it checks every key and URL
	if _, err := GoldArticles(dataDir, gold); err != nil {
		return Report{}, fmt.Errorf("score: %w", err)
	}
	daySet := map[string]bool{}
	for _, g := range gold {
		daySet[g.Zip] = true
	}
	days := make([]string, 0, len(daySet))
	for d := range daySet {
		days = append(days, d)
	}
	sort.Strings(days)
	arts, err := dayArticles(dataDir, days)
	if err != nil {
		return Report{}, fmt.Errorf("score: %w", err)
	}
	as := assign(arts)
	if len(as) != len(arts) {
		return Report{}, fmt.Errorf("score: the clusterer returned %d assignments for %d articles", len(as), len(arts))
	}
	byID := make(map[string]news.Assignment, len(as))
	for i, a := range as {
		if a.ID != arts[i].ID {
			return Report{}, fmt.Errorf("score: assignment %d is for %q, want %q", i, a.ID, arts[i].ID)
		}
		byID[a.ID] = a
	}
	n := len(gold)
	goldEv, goldSt := make([]string, n), make([]string, n)
	predEv, predSt := make([]string, n), make([]string, n)
	for i, g := range gold {
		a := byID[articleID(g.Zip, g.Index)]
		goldEv[i], goldSt[i] = g.Event, g.Story
		// an empty prediction means "alone": give it a label of its own
		predEv[i], predSt[i] = orSelf(a.Event, a.ID), orSelf(a.Story, a.ID)
	}
	return Report{
		Items:    n,
		Streamed: len(arts),
		Days:     days,
		Events:   ScoreLevel(goldEv, predEv),
		Stories:  ScoreLevel(goldSt, predSt),
	}, nil
}

func orSelf(label, id string) string {
	if label == "" {
		return "\x00" + id
	}
	return label
}

// Online adapts an online clusterer (such as stories.New(cfg)) to Score:
// it places the articles one by one with Assign.
func Online(c news.Clusterer) func([]news.Article) []news.Assignment {
	return func(arts []news.Article) []news.Assignment {
		out := make([]news.Assignment, len(arts))
		for i, a := range arts {
			out[i] = c.Assign(a)
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
