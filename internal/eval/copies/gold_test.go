package copies

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

// TestGoldMatchesBruteForce: the prefix filter finds exactly the pairs a
// comparison of every pair finds.
func TestGoldMatchesBruteForce(t *testing.T) {
	vocab := strings.Fields("أعلنت وزارة الداخلية اليوم عن القبض على مطلوب في منطقة الرياض بعد متابعة أمنية دقيقة وقال المتحدث إن التحقيقات مستمرة مع الموقوفين")
	rng := rand.New(rand.NewPCG(7, 7))
	var arts []news.Article
	for i := range 120 {
		var ws []string
		if i%3 > 0 && i > 3 { // an edited copy of an earlier article
			ws = strings.Fields(arts[rng.IntN(len(arts))].Text)
			for k := range rng.IntN(4) {
				ws[(k*7+rng.IntN(len(ws)))%len(ws)] = vocab[rng.IntN(len(vocab))]
			}
		} else {
			for range 20 + rng.IntN(30) {
				ws = append(ws, vocab[rng.IntN(len(vocab))])
			}
		}
		arts = append(arts, news.Article{ID: string(rune('a' + i)), Source: []string{"sabq", "okaz", "alyaum"}[i%3], Text: strings.Join(ws, " ")})
	}
	c := NewCorpus(arts)
	g := c.Gold()
	want := map[[2]int]bool{}
	for j := range arts {
		for i := range j {
			if arts[i].Source != arts[j].Source && c.Jaccard(i, j) >= NearJaccard {
				want[[2]int{i, j}] = true
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the generated corpus holds no near copies")
	}
	got := map[[2]int]bool{}
	for _, p := range g.Near {
		got[[2]int{p.A, p.B}] = true
		if !want[[2]int{p.A, p.B}] {
			t.Errorf("gold holds %v (Jaccard %.3f), not a cross-outlet near copy", p, p.Jaccard)
		}
	}
	for p := range want {
		if !got[p] {
			t.Errorf("gold misses %v (Jaccard %.3f)", p, c.Jaccard(p[0], p[1]))
		}
	}
}

func TestExactAndShort(t *testing.T) {
	body := "أعلنت وزارة الداخلية اليوم عن القبض على مطلوب في منطقة الرياض"
	arts := []news.Article{
		{ID: "a", Source: "sabq", Text: body},
		{ID: "b", Source: "sabq", Text: "أَعلنت وزارة الداخلية اليوم عن القبض على مطلوب في منطقة الرياض"}, // diacritics only
		{ID: "c", Source: "okaz", Text: "د. غازي قهوجي"},
		{ID: "d", Source: "okaz", Text: "د. غازي قهوجي"},
		{ID: "e", Source: "okaz", Text: "  "},
	}
	g := NewCorpus(arts).Gold()
	if len(g.Exact) != 1 || len(g.Exact[0]) != 2 || len(g.Short) != 1 || g.Empty != 1 {
		t.Errorf("exact %v, short %v, empty %d; want [[0 1]], [[2 3]], 1", g.Exact, g.Short, g.Empty)
	}
}
