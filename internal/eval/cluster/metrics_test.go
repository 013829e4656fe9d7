package cluster

import (
	"math"
	"strings"
	"testing"
)

// labels splits "a a b" into per-item labels.
func labels(s string) []string { return strings.Fields(s) }

func TestMetrics(t *testing.T) {
	cases := []struct {
		name                       string
		gold, pred                 string
		bcubed, pairwise, standard Scores
	}{
		{
			name: "perfect, label names differ", gold: "أ أ أ ب ب ج", pred: "x x x y y z",
			bcubed: Scores{1, 1, 1}, pairwise: Scores{1, 1, 1}, standard: Scores{1, 1, 1},
		},
		{
			// BCubed P = (3·3/6 + 2·2/6 + 1·1/6)/6 = 14/36; 4 of 15 predicted pairs
			// are gold pairs; each gold cluster's best match is the one cluster
			name: "all in one", gold: "a a a b b c", pred: "x x x x x x",
			bcubed:   Scores{14.0 / 36, 1, 2 * (14.0 / 36) / (1 + 14.0/36)},
			pairwise: Scores{4.0 / 15, 1, 8.0 / 19},
			standard: Scores{14.0 / 36, 1, 23.0 / 42},
		},
		{
			// BCubed R = (3·1/3 + 2·1/2 + 1)/6 = 1/2; no predicted pairs: P = 1, R = 0
			name: "all singletons", gold: "a a a b b c", pred: "1 2 3 4 5 6",
			bcubed:   Scores{1, 0.5, 2.0 / 3},
			pairwise: Scores{1, 0, 0},
			standard: Scores{1, 0.5, 23.0 / 36},
		},
		{
			// gold singletons placed alone score fully, and form no pairs
			name: "singletons kept alone", gold: "a b c d", pred: "w x y z",
			bcubed: Scores{1, 1, 1}, pairwise: Scores{1, 1, 1}, standard: Scores{1, 1, 1},
		},
		{
			// two gold singletons wrongly joined: the one predicted pair is false
			name: "singletons joined", gold: "a b c d", pred: "x x y z",
			bcubed:   Scores{0.75, 1, 6.0 / 7},
			pairwise: Scores{0, 1, 0},
			standard: Scores{0.75, 1, 5.0 / 6},
		},
		{
			// a gold cluster of four split in two halves
			name: "one split", gold: "a a a a b", pred: "x x y y z",
			bcubed:   Scores{1, 0.6, 0.75},
			pairwise: Scores{1, 1.0 / 3, 0.5},
			standard: Scores{1, 0.6, 11.0 / 15},
		},
		{
			// two gold pairs merged into one predicted cluster
			name: "one merge", gold: "a a b b c", pred: "x x x x z",
			bcubed:   Scores{0.6, 1, 0.75},
			pairwise: Scores{1.0 / 3, 1, 0.5},
			standard: Scores{0.6, 1, 11.0 / 15},
		},
		{
			name: "empty", gold: "", pred: "",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, p := labels(c.gold), labels(c.pred)
			check(t, "BCubed", BCubed(g, p), c.bcubed)
			check(t, "Pairwise", Pairwise(g, p), c.pairwise)
			check(t, "Standard", Standard(g, p), c.standard)
		})
	}
}

func check(t *testing.T, name string, got, want Scores) {
	t.Helper()
	const eps = 1e-9
	if math.Abs(got.Precision-want.Precision) > eps || math.Abs(got.Recall-want.Recall) > eps || math.Abs(got.F1-want.F1) > eps {
		t.Errorf("%s = %+v, want %+v", name, got, want)
	}
}

// TestMetricsSymmetry: swapping gold and prediction swaps precision and
// recall for BCubed and pairwise scores.
func TestMetricsSymmetry(t *testing.T) {
	g, p := labels("a a b b b c d d"), labels("x y y y z z z w")
	for _, f := range []struct {
		name string
		fn   func(g, p []string) Scores
	}{{"BCubed", BCubed}, {"Pairwise", Pairwise}} {
		ab, ba := f.fn(g, p), f.fn(p, g)
		if math.Abs(ab.Precision-ba.Recall) > 1e-12 || math.Abs(ab.Recall-ba.Precision) > 1e-12 {
			t.Errorf("%s not symmetric: %+v vs %+v", f.name, ab, ba)
		}
	}
}

func TestScoreLevelCountsClusters(t *testing.T) {
	l := ScoreLevel(labels("a a b c"), labels("x y y z"))
	if l.Gold != 3 || l.GoldSingletons != 2 || l.Predicted != 3 || l.PredictedSingletons != 2 {
		t.Errorf("counts = %d/%d gold, %d/%d predicted; want 3/2, 3/2", l.Gold, l.GoldSingletons, l.Predicted, l.PredictedSingletons)
	}
}

func BenchmarkBCubed(b *testing.B) {
	g, p := make([]string, 3000), make([]string, 3000)
	for i := range g {
		g[i] = string(rune('a' + i%500))
		p[i] = string(rune('a' + i%450))
	}
	for b.Loop() {
		BCubed(g, p)
	}
}
