package cluster

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// nextDay follows fakeDay: a follow-up of the fire (the same gold event,
// across days), another match, another column.
var nextDay = []Record{
	{Source: "okaz", URL: "v0", DateExtracted: "2015-07-26 08:00:00", Title: "حريق|ev1|st1", Content: "ارتفاع ضحايا حريق جدة"},
	{Source: "sabq", URL: "v1", DateExtracted: "2015-07-26 09:00:00", Title: "مباراة|ev5|st5", Content: "تعادل الاتحاد والأهلي"},
	{Source: "aawsat", URL: "v2", DateExtracted: "2015-07-26 10:00:00", Title: "مقال|ev6|st6", Content: "رأي آخر"},
}

var nextGold = []GoldItem{
	{Zip: "2015-07-26.zip", Index: 0, URL: "v0", Event: "e-fire", Story: "s-fire"},
	{Zip: "2015-07-26.zip", Index: 1, URL: "v1", Event: "e-match2", Story: "s-match2"},
	{Zip: "2015-07-26.zip", Index: 2, URL: "v2", Event: "e-column2", Story: "s-column2"},
}

// twoDays writes fakeDay and nextDay and loads them with their gold.
func twoDays(t *testing.T) Set {
	t.Helper()
	dir := t.TempDir()
	writeDay(t, dir, "2015-07-25", fakeDay)
	writeDay(t, dir, "2015-07-26", nextDay)
	s, err := LoadSet(dir, append(append([]GoldItem(nil), fakeGold...), nextGold...))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// oneCluster puts every article of s in one event and one story.
func oneCluster(s Set) Labels {
	l := Labels{Event: make([]string, len(s.Articles)), Story: make([]string, len(s.Articles))}
	for i := range l.Event {
		l.Event[i], l.Story[i] = "x", "y"
	}
	return l
}

func TestLoadSet(t *testing.T) {
	s := twoDays(t)
	if len(s.Articles) != 8 || !reflect.DeepEqual(s.Days, []string{"2015-07-25.zip", "2015-07-26.zip"}) {
		t.Fatalf("loaded %d articles of %v", len(s.Articles), s.Days)
	}
	// publication order across days
	var urls []string
	for _, a := range s.Articles {
		urls = append(urls, a.URL)
	}
	if got := strings.Join(urls, " "); got != "u2 u0 u1 u3 u4 v0 v1 v2" {
		t.Errorf("articles in order %s", got)
	}
	dir := t.TempDir()
	writeDay(t, dir, "2015-07-25", fakeDay)
	if _, err := LoadSet(dir, append(append([]GoldItem(nil), fakeGold...), fakeGold[1])); !errors.Is(err, ErrGold) {
		t.Errorf("an article in two gold files: err = %v, want ErrGold", err)
	}
}

func TestSplit(t *testing.T) {
	s := twoDays(t)
	cases := []struct {
		heldout          []string
		tuning, held     int
		tuneDay, heldDay string
	}{
		{[]string{"2015-07-26"}, 5, 3, "2015-07-25.zip", "2015-07-26.zip"},
		{[]string{"2015-07-25.zip"}, 3, 5, "2015-07-26.zip", "2015-07-25.zip"},
		{[]string{""}, 8, 0, "2015-07-25.zip", ""},
		{nil, 8, 0, "2015-07-25.zip", ""},
	}
	for _, c := range cases {
		tu, he, err := s.Split(c.heldout)
		if err != nil {
			t.Fatalf("Split(%q): %v", c.heldout, err)
		}
		if len(tu.Items) != c.tuning || len(he.Items) != c.held {
			t.Errorf("Split(%q): %d tuning and %d held-out items, want %d and %d", c.heldout, len(tu.Items), len(he.Items), c.tuning, c.held)
		}
		if tu.Days[0] != c.tuneDay || c.heldDay != "" && he.Days[0] != c.heldDay {
			t.Errorf("Split(%q): days %v and %v", c.heldout, tu.Days, he.Days)
		}
		for _, i := range he.Items {
			if !strings.HasPrefix(s.Gold[i].Zip, strings.TrimSuffix(c.heldDay, ".zip")) {
				t.Errorf("Split(%q): held-out item %v", c.heldout, s.Gold[i])
			}
		}
	}
	if _, _, err := s.Split([]string{"2015-07-27"}); err == nil {
		t.Error("a held-out day the gold does not label: no error")
	}
	if _, _, err := s.Split([]string{"2015-07-25", "2015-07-26"}); err == nil {
		t.Error("every day held out: no error")
	}
}

// TestScorePartRestricts: a part is scored as if only its articles
// existed, so a predicted cluster spanning both days counts only its
// members in the part.
func TestScorePartRestricts(t *testing.T) {
	s := twoDays(t)
	tuning, held, err := s.Split([]string{"2015-07-26"})
	if err != nil {
		t.Fatal(err)
	}
	ev, st := s.ScorePart(tuning, oneCluster(s))
	// day 1 gold events fire×2, match, inquiry, column; all five in one
	// predicted cluster: BCubed precision (2·2/5 + 3·1/5)/5 = 0.28. Over
	// all eight articles it would be lower.
	if math.Abs(ev.BCubed.Precision-0.28) > 1e-9 || ev.BCubed.Recall != 1 {
		t.Errorf("tuning events BCubed = %v, want P 0.28 R 1", ev.BCubed)
	}
	if ev.Predicted != 1 || ev.Gold != 4 || st.Gold != 3 {
		t.Errorf("tuning counts: %+v %+v", ev, st)
	}
	// day 2 alone: three different events, the fire's follow-up among them
	// (its event is cut at the day's border too)
	ev, _ = s.ScorePart(held, oneCluster(s))
	if math.Abs(ev.BCubed.Precision-1.0/3) > 1e-9 || ev.Gold != 3 || ev.GoldSingletons != 3 {
		t.Errorf("held-out events = %+v, want P 1/3 and 3 gold singletons", ev)
	}
	ev, _ = s.ScorePart(held, Singletons(s.Articles))
	if ev.BCubed.F1 != 1 {
		t.Errorf("held-out singletons = %v, want perfect: every held-out gold event is one article", ev.BCubed)
	}
	// the whole set: the fire now has three members across days
	ev, _ = s.ScorePart(s.All(), Singletons(s.Articles))
	if want := (3*(1.0/3) + 5) / 8; math.Abs(ev.BCubed.Recall-want) > 1e-9 {
		t.Errorf("all singletons recall = %v, want %v", ev.BCubed.Recall, want)
	}
}
