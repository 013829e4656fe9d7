package cluster

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// fakeDay is a day of five articles whose titles say where a perfect
// clusterer puts them; the third is crawled first.
var fakeDay = []Record{
	{Source: "okaz", URL: "u0", DateExtracted: "2015-07-25 10:00:00", Title: "حريق|ev1|st1", Content: "اندلع حريق في جدة"},
	{Source: "alriyadh", URL: "u1", DateExtracted: "2015-07-25 11:00:00", Title: "حريق|ev1|st1", Content: "حريق جدة"},
	{Source: "sabq", URL: "u2", DateExtracted: "2015-07-25 09:00:00", Title: "مباراة|ev2|st2", Content: "فاز الهلال"},
	{Source: "okaz", URL: "u3", DateExtracted: "2015-07-25 12:00:00", Title: "تحقيق|ev3|st1", Content: "تحقيق في الحريق"},
	{Source: "aawsat", URL: "u4", DateExtracted: "2015-07-25 13:00:00", Title: "مقال|ev4|st4", Content: "رأي"},
}

var fakeGold = []GoldItem{
	{Zip: "2015-07-25.zip", Index: 0, URL: "u0", Event: "e-fire", Story: "s-fire"},
	{Zip: "2015-07-25.zip", Index: 1, URL: "u1", Event: "e-fire", Story: "s-fire"},
	{Zip: "2015-07-25.zip", Index: 2, URL: "u2", Event: "e-match", Story: "s-match"},
	{Zip: "2015-07-25.zip", Index: 3, URL: "u3", Event: "e-inquiry", Story: "s-fire"},
	{Zip: "2015-07-25.zip", Index: 4, URL: "u4", Event: "e-column", Story: "s-column"},
}

// byTitle is a clusterer that reads the answer from the title, recording
// the order it was given the articles in.
func byTitle(order *[]string) func([]news.Article) []news.Assignment {
	return func(arts []news.Article) []news.Assignment {
		out := make([]news.Assignment, len(arts))
		for i, a := range arts {
			*order = append(*order, a.URL)
			f := strings.Split(a.Title, "|")
			out[i] = news.Assignment{ID: a.ID, Event: f[1], Story: f[2]}
		}
		return out
	}
}

func TestScoreOnFakeDay(t *testing.T) {
	dir := t.TempDir()
	writeDay(t, dir, "2015-07-25", fakeDay)
	var order []string
	r, err := Score(dir, fakeGold, byTitle(&order))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(order, " "); got != "u2 u0 u1 u3 u4" {
		t.Errorf("articles given in order %s, want publication order u2 u0 u1 u3 u4", got)
	}
	for _, l := range []Level{r.Events, r.Stories} {
		if l.BCubed.F1 != 1 || l.Pairwise.F1 != 1 || l.Standard.F1 != 1 {
			t.Errorf("perfect clusterer scored %+v", l)
		}
	}
	if r.Items != 5 || r.Events.Gold != 4 || r.Events.GoldSingletons != 3 || r.Stories.Gold != 3 {
		t.Errorf("report counts wrong: %+v", r)
	}
	if !strings.Contains(r.String(), "events") {
		t.Errorf("String() = %q", r)
	}

	// all-singletons through Score agrees with the metrics
	r, err = Score(dir, fakeGold, func(arts []news.Article) []news.Assignment {
		out := make([]news.Assignment, len(arts))
		for i, a := range arts {
			out[i] = news.Assignment{ID: a.ID} // empty labels mean alone
		}
		return out
	})
	if err != nil {
		t.Fatal(err)
	}
	// events: gold sizes 2,1,1,1 → BCubed recall (2·½+3)/5 = 0.8
	if math.Abs(r.Events.BCubed.Recall-0.8) > 1e-9 || r.Events.BCubed.Precision != 1 || r.Events.Pairwise.F1 != 0 {
		t.Errorf("all-singletons events = %+v", r.Events)
	}
}

func TestScoreErrors(t *testing.T) {
	dir := t.TempDir()
	writeDay(t, dir, "2015-07-25", fakeDay)
	var order []string

	wrongURL := append([]GoldItem(nil), fakeGold...)
	wrongURL[2].URL = "elsewhere"
	if _, err := Score(dir, wrongURL, byTitle(&order)); !errors.Is(err, ErrURLMismatch) {
		t.Errorf("wrong url: err = %v, want ErrURLMismatch", err)
	}

	pastEnd := []GoldItem{{Zip: "2015-07-25.zip", Index: 5, URL: "u5", Event: "e-x", Story: "s-x"}}
	if _, err := Score(dir, pastEnd, byTitle(&order)); err == nil {
		t.Error("index past the day's end: no error")
	}

	missingDay := []GoldItem{{Zip: "2015-07-26.zip", Index: 0, URL: "u0", Event: "e-x", Story: "s-x"}}
	if _, err := Score(dir, missingDay, byTitle(&order)); err == nil {
		t.Error("missing day archive: no error")
	}

	short := func(arts []news.Article) []news.Assignment { return nil }
	if _, err := Score(dir, fakeGold, short); err == nil {
		t.Error("too few assignments: no error")
	}
	if _, err := Score(dir, nil, short); !errors.Is(err, ErrGold) {
		t.Errorf("no gold: err = %v, want ErrGold", err)
	}
}

// TestSampleSmoke runs marsad's clusterer over the hand-labelled sample
// (the first 40 articles of 2015-07-25, clustered among the whole day) and
// logs its scores beside the all-singletons baseline. It asserts only that
// the evaluation ran: the sample is a smoke test of the pipeline, not the
// evaluation set, and scores on it mean little.
func TestSampleSmoke(t *testing.T) {
	needSNN(t)
	gold, err := LoadGold("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Score(snnDir, gold, Online(stories.New(stories.DefaultConfig())))
	if err != nil {
		t.Fatal(err)
	}
	if r.Items != len(gold) || r.Streamed < len(gold) {
		t.Fatalf("scored %d items of %d, streamed %d", r.Items, len(gold), r.Streamed)
	}
	t.Logf("marsad (stories.DefaultConfig):\n%s", r)

	alone, err := Score(snnDir, gold, func(arts []news.Article) []news.Assignment {
		out := make([]news.Assignment, len(arts))
		for i, a := range arts {
			out[i] = news.Assignment{ID: a.ID}
		}
		return out
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("all-singletons baseline:\n%s", alone)
}
