package cluster

import (
	"fmt"
	"strconv"
	"strings"
)

// Method is a clustering of a set's articles under a name.
type Method struct {
	Name   string
	Labels Labels
}

// The baselines Compare measures beside the methods it is given.
const (
	SingletonsName = "singletons"
	TFIDFName      = "tfidf-avglink"
)

// Comparison is clusterings of one gold set scored on a tuning part and a
// held-out part, with the thresholds the TF-IDF baseline chose.
type Comparison struct {
	Days     []string // day archives read
	Streamed int      // articles clustered (every article of Days)
	TFIDF    Tuned
	Parts    []PartScores // tuning, then held-out when a day is held out
}

// Tuned is the TF-IDF baseline's cut distances for events and stories,
// each chosen on the tuning part alone, with the BCubed F1 it reached
// there.
type Tuned struct {
	Event, Story     float64
	EventF1, StoryF1 float64
}

// PartScores is every method's scores on one part.
type PartScores struct {
	Part                    Part
	GoldEvents, GoldStories Count
	Methods                 []MethodScores
}

// Count is how many clusters a clustering has, and how many of them hold
// one article.
type Count struct {
	Clusters, Singletons int
}

// MethodScores is one method's events and stories on one part.
type MethodScores struct {
	Name            string
	Events, Stories Level
}

// Compare scores the given methods and two baselines on the tuning part
// and the held-out part of s (see Set.Split), each part scored on its own
// articles only:
//
//   - singletons: every article alone;
//   - tfidf-avglink: TF-IDF cosine over title and body (TFIDF), average
//     linkage (AverageLinkage), cut at one distance for events and
//     another for stories. Each distance is the one of Grid with the best
//     BCubed F1 on the tuning part; the held-out labels are never read.
//
// Every clustering, the baseline's included, runs over all the articles of
// all gold days at once, as marsad's online clusterer does: gold ids are
// global across days, an event's follow-ups on the next day belong to it,
// and clustering day by day could never find them. No time window is
// applied: over two consecutive days marsad's own event window (four days
// by default) does not bind either. The baseline's vocabulary statistics
// come from all these articles, its labels from the tuning part only.
func Compare(s Set, heldout []string, methods ...Method) (Comparison, error) {
	tuning, held, err := s.Split(heldout)
	if err != nil {
		return Comparison{}, fmt.Errorf("compare: %w", err)
	}
	for _, m := range methods {
		if len(m.Labels.Event) != len(s.Articles) || len(m.Labels.Story) != len(s.Articles) {
			return Comparison{}, fmt.Errorf("compare: %s labels %d events and %d stories for %d articles",
				m.Name, len(m.Labels.Event), len(m.Labels.Story), len(s.Articles))
		}
	}
	dg := AverageLinkage(TFIDF(s.Articles))
	var tuned Tuned
	goldEv, goldSt := s.goldLabels(tuning)
	tuned.Event, tuned.EventF1 = Tune(dg, Grid(), func(labels []int) float64 {
		return BCubed(goldEv, s.restrictInts(tuning, labels)).F1
	})
	tuned.Story, tuned.StoryF1 = Tune(dg, Grid(), func(labels []int) float64 {
		return BCubed(goldSt, s.restrictInts(tuning, labels)).F1
	})
	tf := Labels{Event: strLabels(dg.Cut(tuned.Event)), Story: strLabels(dg.Cut(tuned.Story))}

	all := append(methods[:len(methods):len(methods)],
		Method{SingletonsName, Singletons(s.Articles)},
		Method{TFIDFName, tf})
	c := Comparison{Days: s.Days, Streamed: len(s.Articles), TFIDF: tuned}
	for _, p := range []Part{tuning, held} {
		if len(p.Items) == 0 {
			continue
		}
		ps := PartScores{Part: p}
		goldEv, goldSt := s.goldLabels(p)
		ps.GoldEvents.Clusters, ps.GoldEvents.Singletons = clusters(goldEv)
		ps.GoldStories.Clusters, ps.GoldStories.Singletons = clusters(goldSt)
		for _, m := range all {
			ev, st := s.ScorePart(p, m.Labels)
			ps.Methods = append(ps.Methods, MethodScores{Name: m.Name, Events: ev, Stories: st})
		}
		c.Parts = append(c.Parts, ps)
	}
	return c, nil
}

// restrictInts returns the labels of the part's articles from a labelling
// of all the set's articles.
func (s Set) restrictInts(p Part, labels []int) []string {
	out := make([]string, len(p.Items))
	for k, i := range p.Items {
		g := s.Gold[i]
		out[k] = strconv.Itoa(labels[s.pos[articleID(g.Zip, g.Index)]])
	}
	return out
}

func strLabels(labels []int) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = strconv.Itoa(l)
	}
	return out
}

// String renders the comparison as one table per part and level.
func (c Comparison) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles of %s, clustered together in publication order; each part scored on its own articles\n",
		c.Streamed, strings.Join(c.Days, ", "))
	fmt.Fprintf(&b, "%s cut at cosine distance %.2f for events (tuning BCubed F1 %.3f), %.2f for stories (%.3f)\n",
		TFIDFName, c.TFIDF.Event, c.TFIDF.EventF1, c.TFIDF.Story, c.TFIDF.StoryF1)
	for _, p := range c.Parts {
		fmt.Fprintf(&b, "\n%s: %d gold articles of %s\n", p.Part.Name, len(p.Part.Items), strings.Join(p.Part.Days, ", "))
		for _, lv := range []struct {
			name  string
			gold  Count
			level func(MethodScores) Level
		}{
			{"events", p.GoldEvents, func(m MethodScores) Level { return m.Events }},
			{"stories", p.GoldStories, func(m MethodScores) Level { return m.Stories }},
		} {
			fmt.Fprintf(&b, "%-15s %-28s %-28s %-28s %s\n", lv.name, "BCubed", "pairwise", "standard (best-match)", "clusters (singletons)")
			for _, m := range p.Methods {
				l := lv.level(m)
				fmt.Fprintf(&b, "  %-13s %-28s %-28s %-28s %d (%d)\n", m.Name, l.BCubed, l.Pairwise, l.Standard, l.Predicted, l.PredictedSingletons)
			}
			fmt.Fprintf(&b, "  %-13s %-28s %-28s %-28s %d (%d)\n", "gold", "", "", "", lv.gold.Clusters, lv.gold.Singletons)
		}
	}
	return b.String()
}
