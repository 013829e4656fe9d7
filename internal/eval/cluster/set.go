package cluster

import (
	"fmt"
	"slices"
	"strings"

	"github.com/marsad/marsad/news"
)

// Set is a gold set with the articles it is scored among: every article
// of the days the gold labels, in publication order, so a clusterer sees
// each gold article in the company of its whole day.
type Set struct {
	Gold     []GoldItem
	Articles []news.Article // every article of Days, in publication order
	Days     []string       // day archives the gold draws on, sorted
	pos      map[string]int // article id → index in Articles
}

// LoadSet reads the articles of every day the gold items draw on. It
// checks every gold key and URL against the data, and refuses an article
// labelled twice (as when two gold files overlap).
func LoadSet(dataDir string, gold []GoldItem) (Set, error) {
	if len(gold) == 0 {
		return Set{}, fmt.Errorf("%w: no gold items", ErrGold)
	}
	seen := map[string]bool{}
	daySet := map[string]bool{}
	for _, g := range gold {
		id := articleID(g.Zip, g.Index)
		if seen[id] {
			return Set{}, fmt.Errorf("%w: %s #%d labelled twice", ErrGold, g.Zip, g.Index)
		}
		seen[id] = true
		daySet[g.Zip] = true
	}
	// reading the gold articles checks every key and URL
	if _, err := GoldArticles(dataDir, gold); err != nil {
		return Set{}, err
	}
	days := make([]string, 0, len(daySet))
	for d := range daySet {
		days = append(days, d)
	}
	slices.Sort(days)
	arts, err := dayArticles(dataDir, days)
	if err != nil {
		return Set{}, err
	}
	pos := make(map[string]int, len(arts))
	for i, a := range arts {
		pos[a.ID] = i
	}
	return Set{Gold: gold, Articles: arts, Days: days, pos: pos}, nil
}

// Labels is a clustering of a set's articles: Event[i] and Story[i] label
// Articles[i]. Only which articles share a label matters.
type Labels struct {
	Event, Story []string
}

// FromAssignments turns a clusterer's assignments, one per article in
// order, into labels. An empty event or story means the article stands
// alone, and gets a label of its own.
func FromAssignments(arts []news.Article, as []news.Assignment) (Labels, error) {
	if len(as) != len(arts) {
		return Labels{}, fmt.Errorf("the clusterer returned %d assignments for %d articles", len(as), len(arts))
	}
	l := Labels{Event: make([]string, len(as)), Story: make([]string, len(as))}
	for i, a := range as {
		if a.ID != arts[i].ID {
			return Labels{}, fmt.Errorf("assignment %d is for %q, want %q", i, a.ID, arts[i].ID)
		}
		l.Event[i], l.Story[i] = orSelf(a.Event, a.ID), orSelf(a.Story, a.ID)
	}
	return l, nil
}

// Singletons is the baseline that puts every article alone, in an event
// and a story of its own.
func Singletons(arts []news.Article) Labels {
	l := Labels{Event: make([]string, len(arts)), Story: make([]string, len(arts))}
	for i, a := range arts {
		l.Event[i], l.Story[i] = orSelf("", a.ID), orSelf("", a.ID)
	}
	return l
}

func orSelf(label, id string) string {
	if label == "" {
		return "\x00" + id
	}
	return label
}

// Part is a subset of a gold set, scored on its own: the gold items of
// some of its days.
type Part struct {
	Name  string
	Days  []string // day archives
	Items []int    // indices into Set.Gold
}

// All is the whole gold set as one part.
func (s Set) All() Part {
	p := Part{Name: "all", Days: s.Days, Items: make([]int, len(s.Gold))}
	for i := range s.Gold {
		p.Items[i] = i
	}
	return p
}

// Split divides the gold set by day into a tuning part (the days not held
// out) and a held-out part. Days are named "2015-08-02" or
// "2015-08-02.zip"; a held-out day the gold does not label is an error,
// since a typo would silently tune and score on everything, and so is
// holding out every day. With no day held out the held-out part is empty.
func (s Set) Split(heldout []string) (tuning, held Part, err error) {
	out := map[string]bool{}
	for _, d := range heldout {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		if !strings.HasSuffix(d, ".zip") {
			d += ".zip"
		}
		if !slices.Contains(s.Days, d) {
			return Part{}, Part{}, fmt.Errorf("held-out day %s is not among the gold days (%s)", d, strings.Join(s.Days, ", "))
		}
		out[d] = true
	}
	tuning, held = Part{Name: "tuning"}, Part{Name: "held-out"}
	for _, d := range s.Days {
		if out[d] {
			held.Days = append(held.Days, d)
		} else {
			tuning.Days = append(tuning.Days, d)
		}
	}
	if len(tuning.Days) == 0 {
		return Part{}, Part{}, fmt.Errorf("every gold day is held out, leaving nothing to tune on")
	}
	for i, g := range s.Gold {
		if out[g.Zip] {
			held.Items = append(held.Items, i)
		} else {
			tuning.Items = append(tuning.Items, i)
		}
	}
	return tuning, held, nil
}

// restrict returns the gold events and stories of the part's items, and
// the labels l gives the same articles. A predicted cluster that spans
// parts is cut at the part's border: each part is scored as if only its
// articles existed.
func (s Set) restrict(p Part, l Labels) (goldEv, goldSt, predEv, predSt []string) {
	n := len(p.Items)
	goldEv, goldSt = make([]string, n), make([]string, n)
	predEv, predSt = make([]string, n), make([]string, n)
	for k, i := range p.Items {
		g := s.Gold[i]
		a := s.pos[articleID(g.Zip, g.Index)]
		goldEv[k], goldSt[k] = g.Event, g.Story
		predEv[k], predSt[k] = l.Event[a], l.Story[a]
	}
	return goldEv, goldSt, predEv, predSt
}

// goldLabels returns the gold events and stories of the part's items.
func (s Set) goldLabels(p Part) (events, stories []string) {
	events, stories = make([]string, len(p.Items)), make([]string, len(p.Items))
	for k, i := range p.Items {
		events[k], stories[k] = s.Gold[i].Event, s.Gold[i].Story
	}
	return events, stories
}

// ScorePart scores l's events and stories on the part's articles only.
func (s Set) ScorePart(p Part, l Labels) (events, stories Level) {
	goldEv, goldSt, predEv, predSt := s.restrict(p, l)
	return ScoreLevel(goldEv, predEv), ScoreLevel(goldSt, predSt)
}
