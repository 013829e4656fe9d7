package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// perfect reads the answer from the fake titles ("حريق|ev1|st1").
func perfect(s Set) Labels {
	var order []string
	l, err := FromAssignments(s.Articles, byTitle(&order)(s.Articles))
	if err != nil {
		panic(err)
	}
	return l
}

func TestCompare(t *testing.T) {
	s := twoDays(t)
	c, err := Compare(s, []string{"2015-07-26"}, Method{"perfect", perfect(s)})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Parts) != 2 || c.Parts[0].Part.Name != "tuning" || c.Parts[1].Part.Name != "held-out" {
		t.Fatalf("parts = %+v", c.Parts)
	}
	if c.Streamed != 8 || len(c.Parts[0].Part.Items) != 5 || len(c.Parts[1].Part.Items) != 3 {
		t.Errorf("streamed %d, parts of %d and %d", c.Streamed, len(c.Parts[0].Part.Items), len(c.Parts[1].Part.Items))
	}
	if !slices.Contains(Grid(), c.TFIDF.Event) || !slices.Contains(Grid(), c.TFIDF.Story) {
		t.Errorf("thresholds %+v not from the grid", c.TFIDF)
	}
	for _, p := range c.Parts {
		var names []string
		for _, m := range p.Methods {
			names = append(names, m.Name)
		}
		if got := strings.Join(names, " "); got != "perfect singletons tfidf-avglink" {
			t.Errorf("%s: methods %s", p.Part.Name, got)
		}
		if m := p.Methods[0]; m.Events.BCubed.F1 != 1 || m.Stories.BCubed.F1 != 1 {
			t.Errorf("%s: the perfect method scored %+v", p.Part.Name, m)
		}
		if m := p.Methods[1]; m.Events.BCubed.Precision != 1 || m.Events.Predicted != len(p.Part.Items) {
			t.Errorf("%s: singletons scored %+v", p.Part.Name, m.Events)
		}
	}
	if g := c.Parts[0].GoldEvents; g.Clusters != 4 || g.Singletons != 3 {
		t.Errorf("tuning gold events %+v, want 4 (3 singletons)", g)
	}
	if g := c.Parts[0].GoldStories; g.Clusters != 3 || g.Singletons != 2 {
		t.Errorf("tuning gold stories %+v, want 3 (2 singletons)", g)
	}
	out := c.String()
	for _, want := range []string{"tuning: 5 gold articles of 2015-07-25.zip", "held-out: 3 gold articles of 2015-07-26.zip", "  perfect ", "tfidf-avglink cut at cosine distance"} {
		if !strings.Contains(out, want) {
			t.Errorf("String() lacks %q:\n%s", want, out)
		}
	}

	if _, err := Compare(s, []string{"2015-07-25", "2015-07-26"}); err == nil {
		t.Error("every day held out: no error")
	}
	if _, err := Compare(s, nil, Method{"short", Labels{Event: []string{"x"}}}); err == nil {
		t.Error("labels of the wrong length: no error")
	}
	if c, err := Compare(s, nil); err != nil || len(c.Parts) != 1 {
		t.Errorf("no day held out: %d parts, err %v; want the tuning part alone", len(c.Parts), err)
	}
}

// TestCompareTunesOnTuningOnly: the baseline's thresholds depend on the
// tuning part's gold alone; relabelling the held-out day changes nothing.
func TestCompareTunesOnTuningOnly(t *testing.T) {
	s := twoDays(t)
	a, err := Compare(s, []string{"2015-07-26"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.Gold {
		if s.Gold[i].Zip == "2015-07-26.zip" {
			s.Gold[i].Event, s.Gold[i].Story = "e-all", "s-all"
		}
	}
	b, err := Compare(s, []string{"2015-07-26"})
	if err != nil {
		t.Fatal(err)
	}
	if a.TFIDF != b.TFIDF {
		t.Errorf("held-out labels changed the tuning: %+v then %+v", a.TFIDF, b.TFIDF)
	}
}

// TestGoldDays runs the comparison over the two labelled days, tuning on
// 2015-08-01 and holding out 2015-08-02, with marsad's clusterer reading
// no entities (the command adds them), and logs the tables.
func TestGoldDays(t *testing.T) {
	needSNN(t)
	var gold []GoldItem
	for _, p := range []string{"testdata/gold-2015-08-01.jsonl", "testdata/gold-2015-08-02.jsonl"} {
		g, err := LoadGold(p)
		if err != nil {
			t.Fatal(err)
		}
		gold = append(gold, g...)
	}
	s, err := LoadSet(snnDir, gold)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Articles) != len(gold) {
		t.Errorf("%d articles on the gold days but %d labelled: the gold labels whole days", len(s.Articles), len(gold))
	}
	cl := stories.New(stories.DefaultConfig())
	as := make([]news.Assignment, len(s.Articles))
	for i, a := range s.Articles {
		as[i] = cl.Assign(a)
	}
	l, err := FromAssignments(s.Articles, as)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compare(s, []string{"2015-08-02"}, Method{"marsad", l})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Parts) != 2 || len(c.Parts[0].Part.Items) != 1285 || len(c.Parts[1].Part.Items) != 1314 {
		t.Fatalf("parts: %+v", c.Parts)
	}
	// on real news the tuned baseline beats leaving every article alone
	// on the day it is tuned on; when it does not, the vectors or the
	// tuning are broken
	tune := c.Parts[0].Methods
	if tune[2].Events.BCubed.F1 <= tune[1].Events.BCubed.F1 || tune[2].Stories.BCubed.F1 <= tune[1].Stories.BCubed.F1 {
		t.Errorf("tuned TF-IDF does not beat singletons on its own tuning day:\n%s", c)
	}
	t.Logf("\n%s", c)
}
