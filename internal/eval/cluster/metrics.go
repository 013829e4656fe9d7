package cluster

import (
	"fmt"
	"github.com/marsad/marsad/internal/eval/prf"
)

// Scores is a precision, recall and their harmonic mean.
type Scores struct {
	Precision, Recall, F1 float64
}

func (s Scores) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f", s.Precision, s.Recall, s.F1)
}

// contingency counts items per (gold, predicted) label pair and per label.
type contingency struct {
	n     int
	cells map[[2]string]int
	gold  map[string]int
	pred  map[string]int
}

func count(gold, pred []string) contingency {
	if len(gold) != len(pred) {
		panic(fmt.Sprintf("cluster: %d gold labels but %d predicted", len(gold), len(pred)))
	}
	c := contingency{n: len(gold), cells: map[[2]string]int{}, gold: map[string]int{}, pred: map[string]int{}}
	for i := range gold {
		c.cells[[2]string{gold[i], pred[i]}]++
		c.gold[gold[i]]++
		c.pred[pred[i]]++
	}
	return c
}

// BCubed scores item by item (Bagga and Baldwin 1998; Amigó et al. 2009):
// an item's precision is the share of its predicted cluster (itself
// included) that shares its gold cluster, its recall the share of its gold
// cluster that shares its predicted cluster; both are averaged over items.
// A singleton placed alone scores 1 on both, so a day where most articles
// stand alone rewards the all-singletons baseline.
//
// gold[i] and pred[i] label item i; the labels' spelling does not matter,
// only which items share one. Empty input scores zero.
func BCubed(gold, pred []string) Scores {
	c := count(gold, pred)
	if c.n == 0 {
		return Scores{}
	}
	var p, r float64
	for cell, k := range c.cells {
		// each of the k items in this cell has k same-cell partners
		kk := float64(k) * float64(k)
		p += kk / float64(c.pred[cell[1]])
		r += kk / float64(c.gold[cell[0]])
	}
	p /= float64(c.n)
	r /= float64(c.n)
	return Scores{p, r, prf.F1(p, r)}
}

// Pairwise scores unordered pairs of distinct items: a pair is a true
// positive when both clusterings put its two items together. Precision is
// TP over predicted same-cluster pairs, recall TP over gold same-cluster
// pairs. Singletons form no pairs, so they cannot inflate it. With no
// predicted pairs precision is taken as 1 (nothing wrongly joined), and
// with no gold pairs recall is 1 (nothing to find).
//
// This is what Miranda et al.'s released evaluation code reports as F1
// (Priberam/news-clustering, eval_lib.py ScoreSet: tp, fp and fn from
// C(n,2) sums over the gold×predicted co-occurrence matrix).
func Pairwise(gold, pred []string) Scores {
	c := count(gold, pred)
	var tp, predPairs, goldPairs float64
	for _, k := range c.cells {
		tp += pairs(k)
	}
	for _, k := range c.pred {
		predPairs += pairs(k)
	}
	for _, k := range c.gold {
		goldPairs += pairs(k)
	}
	p, r := 1.0, 1.0
	if predPairs > 0 {
		p = tp / predPairs
	}
	if goldPairs > 0 {
		r = tp / goldPairs
	}
	if c.n == 0 {
		return Scores{}
	}
	return Scores{p, r, prf.F1(p, r)}
}

func pairs(k int) float64 { return float64(k) * float64(k-1) / 2 }

// Standard is the class-based clustering F-measure (Larsen and Aone 1999;
// Steinbach, Karypis and Kumar 2000): for each gold cluster G, the F1 of
// the predicted cluster that matches it best, where a predicted cluster C
// has precision |G∩C|/|C| and recall |G∩C|/|G| against G; these are
// averaged over gold clusters weighted by |G|/n. Its precision and recall
// are the same size-weighted averages of the best match's precision and
// recall (the F1 is not their harmonic mean).
//
// A gold singleton scores 1 only when the article is alone in its
// predicted cluster too; a predicted cluster may be the best match of
// several gold clusters, so merges cost less than in BCubed.
func Standard(gold, pred []string) Scores {
	c := count(gold, pred)
	if c.n == 0 {
		return Scores{}
	}
	type best struct{ p, r, f float64 }
	bests := map[string]best{}
	for cell, k := range c.cells {
		g, p := cell[0], cell[1]
		prec := float64(k) / float64(c.pred[p])
		rec := float64(k) / float64(c.gold[g])
		f := prf.F1(prec, rec)
		// ties go to the higher precision, then recall, so the result does
		// not depend on map order
		if b, ok := bests[g]; !ok || f > b.f || f == b.f && (prec > b.p || prec == b.p && rec > b.r) {
			bests[g] = best{prec, rec, f}
		}
	}
	var s Scores
	for g, b := range bests {
		w := float64(c.gold[g]) / float64(c.n)
		s.Precision += w * b.p
		s.Recall += w * b.r
		s.F1 += w * b.f
	}
	return s
}
