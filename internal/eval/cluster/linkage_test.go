package cluster

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/marsad/marsad/news"
)

// fiveItems: 0 and 1 are close, 2 and 3 close, the two pairs far, and 4
// far from all. Between the pairs the single-link distance is 0.6, the
// complete-link 0.9 and the average 0.75, so each cut tells the linkages
// apart.
func fiveItems() *Distances {
	m := NewDistances(5)
	m.Set(0, 1, 0.1)
	m.Set(2, 3, 0.2)
	m.Set(0, 2, 0.6)
	m.Set(0, 3, 0.8)
	m.Set(1, 2, 0.7)
	m.Set(1, 3, 0.9)
	for i := range 4 {
		m.Set(i, 4, 1)
	}
	return m
}

func TestAverageLinkageKnownMerges(t *testing.T) {
	m := fiveItems()
	dg := AverageLinkage(m)
	want := []Merge{{0, 1, 0.1}, {2, 3, 0.2}, {0, 2, 0.75}, {0, 4, 1}}
	if len(dg.Merges) != len(want) {
		t.Fatalf("merges = %v, want %v", dg.Merges, want)
	}
	for i, w := range want {
		g := dg.Merges[i]
		if g.A != w.A || g.B != w.B || math.Abs(g.Height-w.Height) > 1e-12 {
			t.Errorf("merge %d = %+v, want %+v", i, g, w)
		}
	}
	if m.At(0, 1) != 0.1 || m.At(0, 2) != 0.6 {
		t.Error("AverageLinkage changed its input")
	}
	cuts := []struct {
		threshold float64
		want      []int
		why       string
	}{
		{0.05, []int{0, 1, 2, 3, 4}, "below every merge: all alone"},
		{0.15, []int{0, 0, 1, 2, 3}, "only the closest pair"},
		{0.65, []int{0, 0, 1, 1, 2}, "single linkage would join the pairs at 0.6; average must not"},
		{0.8, []int{0, 0, 0, 0, 1}, "complete linkage would wait for 0.9; average joins at 0.75"},
		{1, []int{0, 0, 0, 0, 0}, "a merge exactly at the threshold is made"},
	}
	for _, c := range cuts {
		if got := dg.Cut(c.threshold); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Cut(%v) = %v, want %v (%s)", c.threshold, got, c.want, c.why)
		}
	}
}

// TestAverageLinkageTies: with every distance equal the chain must still
// end (ties go to the chain's previous link) and join everything at once.
func TestAverageLinkageTies(t *testing.T) {
	m := NewDistances(6)
	for i := range 6 {
		for j := range i {
			m.Set(i, j, 0.5)
		}
	}
	dg := AverageLinkage(m)
	if len(dg.Merges) != 5 {
		t.Fatalf("merges = %v", dg.Merges)
	}
	if got := dg.Cut(0.49); !reflect.DeepEqual(got, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("Cut(0.49) = %v, want all alone", got)
	}
	if got := dg.Cut(0.5); !reflect.DeepEqual(got, []int{0, 0, 0, 0, 0, 0}) {
		t.Errorf("Cut(0.5) = %v, want one cluster", got)
	}
}

func TestAverageLinkageEdgeSizes(t *testing.T) {
	for _, n := range []int{0, 1} {
		dg := AverageLinkage(NewDistances(n))
		if len(dg.Merges) != 0 || len(dg.Cut(0.5)) != n {
			t.Errorf("n=%d: %+v", n, dg)
		}
	}
}

// greedyAverage is the textbook loop: join the two clusters with the
// smallest mean distance between their members until that exceeds the
// threshold. It is O(n³) and obviously right.
func greedyAverage(m *Distances, threshold float64) []int {
	var cl [][]int
	for i := range m.Len() {
		cl = append(cl, []int{i})
	}
	for len(cl) > 1 {
		bi, bj, best := -1, -1, math.Inf(1)
		for i := range cl {
			for j := i + 1; j < len(cl); j++ {
				var s float64
				for _, a := range cl[i] {
					for _, b := range cl[j] {
						s += m.At(a, b)
					}
				}
				if s /= float64(len(cl[i]) * len(cl[j])); s < best {
					bi, bj, best = i, j, s
				}
			}
		}
		if best > threshold {
			break
		}
		cl[bi] = append(cl[bi], cl[bj]...)
		cl = append(cl[:bj], cl[bj+1:]...)
	}
	of := make([]int, m.Len())
	for k, c := range cl {
		for _, i := range c {
			of[i] = k
		}
	}
	// number clusters by first item, as Cut does
	number := map[int]int{}
	out := make([]int, len(of))
	for i, k := range of {
		if _, ok := number[k]; !ok {
			number[k] = len(number)
		}
		out[i] = number[k]
	}
	return out
}

func TestAverageLinkageMatchesGreedy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 20 {
		n := 5 + rng.IntN(30)
		m := NewDistances(n)
		for i := range n {
			for j := range i {
				m.Set(i, j, rng.Float64())
			}
		}
		dg := AverageLinkage(m)
		if len(dg.Merges) != n-1 {
			t.Fatalf("trial %d: %d merges for %d items", trial, len(dg.Merges), n)
		}
		for k := 1; k < len(dg.Merges); k++ {
			if dg.Merges[k].Height < dg.Merges[k-1].Height {
				t.Fatalf("trial %d: merges not in height order: %v", trial, dg.Merges)
			}
		}
		for _, th := range []float64{0.1, 0.3, 0.45, 0.5, 0.55, 0.7, 0.9} {
			if got, want := dg.Cut(th), greedyAverage(m, th); !reflect.DeepEqual(got, want) {
				t.Errorf("trial %d (n=%d), threshold %v: Cut = %v, greedy = %v", trial, n, th, got, want)
			}
		}
	}
}

func TestTune(t *testing.T) {
	dg := AverageLinkage(fiveItems())
	grid := []float64{0.05, 0.5, 0.8, 0.9, 1}
	cases := []struct {
		clusters int
		want     float64
	}{
		{5, 0.05}, // nothing joined
		{3, 0.5},  // the two pairs
		{2, 0.8},  // 0.8 and 0.9 tie: the first wins
		{1, 1},    // the last
	}
	for _, c := range cases {
		// best when the cut has exactly c.clusters clusters
		got, score := Tune(dg, grid, func(labels []int) float64 {
			k := 0
			for _, l := range labels {
				k = max(k, l+1)
			}
			return -math.Abs(float64(k - c.clusters))
		})
		if got != c.want || score != 0 {
			t.Errorf("tuning for %d clusters chose %v (score %v), want %v", c.clusters, got, score, c.want)
		}
	}
}

func TestTFIDF(t *testing.T) {
	arts := []news.Article{
		{Title: "اندلاع حريق في مستودع بجدة", Text: "اندلع حريق كبير في مستودع بمدينة جدة صباح اليوم"},
		{Title: "حريق ضخم في مستودع بجدة", Text: "أندلع حريقٌ كبير في مستودع بمدينة جدة"},
		{Title: "الهلال يفوز على النصر", Text: "فاز الهلال على النصر بهدفين في الدوري"},
		{Title: "في من على", Text: "هذا ذلك التي"}, // stopwords only
		{Title: "عام 2015", Text: "في 2015"}, // shares with the next a number only
		{Title: "موسم 2015", Text: "من 2015"},
	}
	m := TFIDF(arts)
	if d := m.At(0, 1); d <= 0 || d >= 0.5 {
		t.Errorf("two reports of one fire (hamza and diacritics folded) at distance %v, want in (0, 0.5)", d)
	}
	for _, p := range [][2]int{{0, 2}, {1, 2}, {3, 0}, {3, 2}, {4, 5}} {
		if d := m.At(p[0], p[1]); d != 1 {
			t.Errorf("articles %d and %d share no content word but are at distance %v, want 1", p[0], p[1], d)
		}
	}
	if m.At(2, 2) != 0 || m.At(1, 0) != m.At(0, 1) {
		t.Error("distances not zero on the diagonal or not symmetric")
	}
	same := TFIDF([]news.Article{arts[0], arts[0]})
	if d := same.At(0, 1); d > 1e-12 {
		t.Errorf("an article and its copy at distance %v, want 0", d)
	}
}
