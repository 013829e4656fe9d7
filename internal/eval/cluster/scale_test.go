package cluster

import (
	"testing"

	"github.com/marsad/marsad/news"
)

func TestReplay(t *testing.T) {
	arts := []news.Article{
		{ID: "b", Published: "2015-08-02T10:00:00"},
		{ID: "u"}, // undated: last in every copy
		{ID: "a", Published: "2015-08-01T09:00:00"},
		{ID: "c", Published: "2015-08-03T08:00:00"},
	}
	got := Replay(arts, 3)
	want := []struct{ id, published string }{
		{"a", "2015-08-01T09:00:00"}, {"b", "2015-08-02T10:00:00"}, {"c", "2015-08-03T08:00:00"}, {"u", ""},
		// the span is 47 h; each copy moves 47 h + a day later
		{"a~1", "2015-08-04T08:00:00Z"}, {"b~1", "2015-08-05T09:00:00Z"}, {"c~1", "2015-08-06T07:00:00Z"}, {"u~1", ""},
		{"a~2", "2015-08-07T07:00:00Z"}, {"b~2", "2015-08-08T08:00:00Z"}, {"c~2", "2015-08-09T06:00:00Z"}, {"u~2", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].ID != w.id || got[i].Published != w.published {
			t.Errorf("article %d = %s %s, want %s %s", i, got[i].ID, got[i].Published, w.id, w.published)
		}
	}
	if got[4].Text != "" || marked("قال بوتين، 12 ألفا.", "r1") != "قالr1 بوتينr1، 12r1 ألفاr1." {
		t.Errorf("marked words: %q", marked("قال بوتين، 12 ألفا.", "r1"))
	}
	if arts[0].ID != "b" {
		t.Error("Replay reordered its input")
	}
}

type countingClusterer struct{ n int }

func (c *countingClusterer) Assign(a news.Article) news.Assignment {
	c.n++
	return news.Assignment{ID: a.ID, Event: "ev-" + a.ID[:1], Story: "st"}
}
func (c *countingClusterer) Add(...news.Article)       {}
func (c *countingClusterer) Revisions() news.Revisions { return news.Revisions{} }

func TestScaleReportsEveryBlock(t *testing.T) {
	arts := Replay([]news.Article{{ID: "a", Published: "2015-08-01"}, {ID: "b", Published: "2015-08-01"}}, 5)
	c := &countingClusterer{}
	var steps []ScaleStep
	Scale(c, arts, 4, func(s ScaleStep) { steps = append(steps, s) })
	if c.n != 10 {
		t.Fatalf("placed %d articles, want 10", c.n)
	}
	var placed []int
	for _, s := range steps {
		placed = append(placed, s.Placed)
		if s.Block < 0 || s.PerArticle > s.Block {
			t.Errorf("step %+v", s)
		}
	}
	if len(placed) != 3 || placed[0] != 4 || placed[1] != 8 || placed[2] != 10 {
		t.Errorf("reported after %v articles, want [4 8 10]", placed)
	}
	if last := steps[len(steps)-1]; last.Events != 2 || last.Story != 1 {
		t.Errorf("counted %d events and %d stories, want 2 and 1", last.Events, last.Story)
	}
}
