// Package stories folds copies, groups articles into events and events
// into stories, online: each article is placed on arrival against what is
// already known, with no batch rebuild.
//
// It holds its state in memory and does no I/O: the pipeline warms it with
// the stored articles before a run.
package stories

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Config holds the decision thresholds.
type Config struct {
	// Copy is the exact Jaccard similarity of word 3-shingles from which
	// an edited text can be a copy of an earlier one (it must also share
	// what is distinctive in it, within the copy window); texts at 0.8 and
	// above, and excerpts, are copies whatever Copy is (copies.go).
	Copy float64
	// Event is the cosine similarity of titles and leads (see LeadMix)
	// needed to join an event; Story the cosine of whole texts needed to
	// join a story.
	Event, Story float64
	// Merge is the cosine of two events' title-and-lead centroids from
	// which they are one event, checked each time an article joins one:
	// a happening first reported in two wordings opens two events, and the
	// reports that follow can show they are one. 0 never merges.
	Merge float64
	// EventWindow and StoryWindow bound how far apart in publication time
	// an article and the event or story it joins may be.
	EventWindow, StoryWindow time.Duration
	// TitleWeight is how many times a title word counts against a body
	// word: the title names the happening. EntityWeight is how much a
	// mention of an entity counts, as a feature of its own.
	TitleWeight, EntityWeight float64
	// LeadMix is the share of the similarity to an event that comes from
	// the title and the first LeadWords words of the text (the rest from
	// the whole text).
	LeadMix   float64
	LeadWords int
	// Prior holds document frequencies from a reference corpus, counted
	// with the clusterer's own, so a young store weighs words as a day of
	// news would; nil starts from nothing.
	Prior *Prior
}

// DefaultConfig holds the thresholds chosen on the hand-labelled crawl day
// 2015-08-01 of SaudiNewsNet (docs/QUALITY.md; 2015-08-02 is held out),
// with the idf prior marsad ships: a store that starts empty weighs words
// as the tuning day did. An event is joined on the similarity of titles
// and leads alone (LeadMix 1): reports of different happenings in one
// story share most of their background paragraphs, and only the lead
// tells them apart (the seeds' five events are such a case).
func DefaultConfig() Config {
	return Config{
		Copy:         0.5,
		Event:        0.42,
		Story:        0.28,
		Merge:        0.60,
		EventWindow:  4 * 24 * time.Hour,
		StoryWindow:  120 * 24 * time.Hour,
		TitleWeight:  4,
		EntityWeight: 1,
		LeadMix:      1,
		LeadWords:    120,
		Prior:        DefaultPrior(),
	}
}

// Clusterer is the online clustering stage. It is not safe for concurrent
// use: articles must be placed one at a time, in order.
type Clusterer struct {
	cfg    Config
	docs   []doc
	byID   map[string]int
	copies *copyIndex
	seen   int            // articles learned from, prior included
	df     map[string]int // document frequency of each feature, prior included
	// logN and logDF hold log(n+1) and log(df+1), n counting the prior's
	// articles too: idf is read for every term of every comparison, so it
	// must be one map lookup.
	logN   float64
	logDF  map[string]float64
	events *index
	story  *index
	// revised holds the merges and re-rootings not yet handed out.
	revised news.Revisions
	// waiting holds, by id, the stored copies Add was given before the
	// group's first member they name (stored later, published earlier).
	waiting map[string][]int32
}

var _ news.Clusterer = (*Clusterer)(nil)

// doc is what the clusterer remembers of one article (its copy group is
// in the copy index).
type doc struct {
	id    string
	event string
}

// New returns an empty clusterer.
func New(cfg Config) *Clusterer {
	c := &Clusterer{
		cfg:     cfg,
		byID:    map[string]int{},
		copies:  newCopyIndex(),
		df:      map[string]int{},
		logDF:   map[string]float64{},
		events:  newEventIndex(),
		story:   newIndex("st-"),
		waiting: map[string][]int32{},
	}
	if p := cfg.Prior; p != nil {
		c.seen = p.Docs
		for t, n := range p.DF {
			c.df[t] = n
			c.logDF[t] = math.Log(float64(n + 1))
		}
	}
	c.logN = math.Log(float64(c.seen + 1))
	return c
}

// Assign places a new article: a copy joins its original's group, event
// and story; otherwise the article joins the most similar recent event,
// or opens one and joins (or opens) a story. An article that joins one
// event while close to another can show the two are one: the younger is
// then merged into the older, and Revisions hands the merge out; an
// article published before the first member of the copy group it joins
// becomes the member the others name.
func (c *Clusterer) Assign(a news.Article) news.Assignment {
	f := c.extract(a)
	as := news.Assignment{ID: a.ID}
	if i, ok := c.byID[a.ID]; ok { // already placed: answer the same
		ev := c.eventOf(c.docs[i].event)
		as.DuplicateOf, as.Event, as.Story = c.copyOf(i), ev.id, ev.parent
		return as
	}
	first := -1 // the first member of a copy group a is published before
	if orig := c.nearCopy(&f.print, f.when); orig >= 0 {
		as.DuplicateOf, as.Event = c.docs[orig].id, c.eventOf(c.docs[orig].event).id
		if was := c.copies.when[orig]; !f.when.IsZero() && !was.IsZero() && f.when.Before(was) {
			first, as.DuplicateOf = orig, ""
		}
	}
	c.learn(f)
	q := query{v: c.weigh(f.terms), lead: c.weigh(f.lead), when: f.when}
	var near []scored // the events compared, most like the article first
	joined := -1
	if as.Event == "" {
		near = c.events.ranked(q, c.idf, c.cfg.EventWindow, c.cfg.LeadMix)
		if len(near) > 0 && near[0].sim >= c.cfg.Event {
			as.Event, joined = c.events.clusters[near[0].i].id, near[0].i
		}
	}
	if as.Event != "" {
		as.Story = c.eventOf(as.Event).parent
	} else {
		as.Event = "ev-" + a.ID
		if s, sim := c.story.best(q, c.idf, c.cfg.StoryWindow, 0); s >= 0 && sim >= c.cfg.Story {
			as.Story = c.story.clusters[s].id
		} else {
			as.Story = "st-" + a.ID
		}
	}
	c.remember(a.ID, as, f)
	if first >= 0 {
		// Published before the group's first member: a becomes the member
		// every copy names, as duplicate_of promises the earliest.
		c.copies.reroot(first, len(c.docs)-1)
		c.revised.Reroots = append(c.revised.Reroots, news.Reroot{From: c.docs[first].id, To: a.ID})
	}
	if joined >= 0 && c.cfg.Merge > 0 {
		if into, ok := c.mergeEvent(joined, near[1:]); ok {
			as.Event, as.Story = into.id, into.parent
		}
	}
	return as
}

// Revisions hands out the events merged and the copy groups re-rooted
// since the last call, in the order they were made.
func (c *Clusterer) Revisions() news.Revisions {
	r := c.revised
	c.revised = news.Revisions{}
	return r
}

// copyOf is the id of the first member of doc i's copy group, "" when
// that is i itself.
func (c *Clusterer) copyOf(i int) string {
	if r := c.copies.rootOf(i); r != i {
		return c.docs[r].id
	}
	return ""
}

// eventOf is the event an article placed in event belongs to now: the
// one it was merged into, if it was.
func (c *Clusterer) eventOf(event string) *cluster {
	e := c.events.clusters[c.events.byID[event]]
	for e.into != nil {
		e = e.into
	}
	return e
}

// mergeEvent merges event e, which an article has just joined, with the
// event among others (the other events the article was compared with,
// most like it first) whose title-and-lead centroid is most like e's own
// now, when the two reach cfg.Merge. Only events the article itself was
// close to (cfg.Event × bridgeShare) are looked at: an article that fits
// two events is what shows they may be one, and looking no further keeps
// the check to a few cosines. The older event survives: its id is the one
// readers have seen longest, and its story keeps both. It returns the
// surviving event.
//
// Only the events' centroids move. The story centroids keep the terms the
// merged event brought them, which only makes that story a little more
// likely to take a later report of the same happening.
func (c *Clusterer) mergeEvent(e int, others []scored) (*cluster, bool) {
	x := c.events
	var lead map[string]float64
	o, best := -1, c.cfg.Merge
	for _, s := range others {
		if s.sim < bridgeShare*c.cfg.Event {
			break
		}
		if lead == nil {
			lead = c.centroid(x.clusters[e].lead)
		}
		if sim := cosine(lead, x.clusters[s.i].lead, c.idf); sim >= best {
			o, best = s.i, sim
		}
	}
	if o < 0 {
		return nil, false
	}
	older, younger := min(e, o), max(e, o)
	x.absorb(older, younger)
	into, from := x.clusters[older], x.clusters[younger]
	c.revised.Merges = append(c.revised.Merges, news.EventMerge{From: from.id, Into: into.id, Story: into.parent})
	return into, true
}

// centroid turns a cluster's summed counts into a unit TF-IDF vector, as
// cosine weighs them.
func (c *Clusterer) centroid(sum map[string]float64) map[string]float64 {
	return c.unit(sum, func(x float64) float64 { return x })
}

// Add remembers articles that were placed before (read from a store), in
// order. Their features are read on all cores first: warming a clusterer
// from a large store is mostly reading texts, and only what is learned
// from them must go one article at a time.
func (c *Clusterer) Add(arts ...news.Article) {
	wanted := func(a news.Article) bool {
		_, known := c.byID[a.ID]
		return !known && a.Event != ""
	}
	fs := make([]features, len(arts))
	workers := min(runtime.GOMAXPROCS(0), (len(arts)+minPerWorker-1)/minPerWorker)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(arts); i += workers {
				if wanted(arts[i]) {
					fs[i] = c.extract(arts[i])
				}
			}
		})
	}
	wg.Wait()
	for i, a := range arts {
		if !wanted(a) { // a repeat within the batch is known by now
			continue
		}
		c.learn(fs[i])
		c.remember(a.ID, news.Assignment{ID: a.ID, DuplicateOf: a.DuplicateOf, Event: a.Event, Story: a.Story}, fs[i])
	}
}

// bridgeShare × Config.Event is how like an article must be to an event
// besides the one it joins for the two events to be checked for a merge.
const bridgeShare = 0.75

// minPerWorker is the fewest articles worth a goroutine of their own.
const minPerWorker = 64

func (c *Clusterer) remember(id string, as news.Assignment, f features) {
	n := len(c.docs)
	c.byID[id] = n
	c.docs = append(c.docs, doc{id: id, event: as.Event})
	root := n
	if r, ok := c.byID[as.DuplicateOf]; ok {
		root = r
	} else if as.DuplicateOf != "" { // stored before the member it names
		c.waiting[as.DuplicateOf] = append(c.waiting[as.DuplicateOf], int32(n))
	}
	c.copies.add(&f.print, n, root, f.when)
	for _, w := range c.waiting[id] {
		c.copies.reroot(int(w), n)
	}
	delete(c.waiting, id)
	if !f.when.IsZero() {
		// Twice the window: articles arrive roughly, not strictly, in order.
		c.events.closeBefore(f.when.Add(-2 * c.cfg.EventWindow))
	}
	c.events.add(as.Event, as.Story, f.terms, f.lead, f.when)
	c.story.add(as.Story, "", f.terms, nil, f.when)
}

// nearCopy returns the first member of the copy group whose first member
// p, published at when, copies most closely, or -1 (copies.go says what a
// copy is).
func (c *Clusterer) nearCopy(p *fingerprint, when time.Time) int {
	return c.copies.nearest(p, when, c.cfg.Copy)
}

func (c *Clusterer) learn(f features) {
	c.seen++
	c.logN = math.Log(float64(c.seen + 1))
	for t := range f.terms {
		c.df[t]++
		c.logDF[t] = math.Log(float64(c.df[t] + 1))
	}
}

// idf is a feature's inverse document frequency over the articles seen,
// added to the prior's counts when there is one.
func (c *Clusterer) idf(t string) float64 {
	return c.logN - c.logDF[t] + 1
}

// weigh turns term counts into a unit TF-IDF vector with the document
// frequencies known so far.
func (c *Clusterer) weigh(tf map[string]float64) map[string]float64 {
	return c.unit(tf, func(x float64) float64 { return 1 + math.Log(x) })
}

// unit weighs each term's count, as tf turns it into a term frequency,
// by its idf, and scales the vector to length 1.
func (c *Clusterer) unit(counts map[string]float64, tf func(float64) float64) map[string]float64 {
	v := make(map[string]float64, len(counts))
	var norm float64
	for t, x := range counts {
		w := tf(x) * c.idf(t)
		v[t] = w
		norm += w * w
	}
	if norm == 0 {
		return v
	}
	norm = math.Sqrt(norm)
	for t := range v {
		v[t] /= norm
	}
	return v
}

// features are what clustering reads from an article.
type features struct {
	print fingerprint
	terms map[string]float64 // topic stems and entity ids, counted
	lead  map[string]float64 // topic stems of the title and the first LeadWords words
	when  time.Time
}

func (c *Clusterer) extract(a news.Article) features {
	var f features
	body := wordsOf(a.Text)
	title := wordsOf(a.Title)
	f.print = sketch(body, title)
	f.terms = map[string]float64{}
	f.lead = map[string]float64{}
	addTerms := func(ws []string, w float64, lead int) {
		for i, x := range ws {
			if t, ok := topicTerm(x); ok {
				f.terms[t] += w
				if i < lead {
					f.lead[t] += w
				}
			}
		}
	}
	addTerms(title, c.cfg.TitleWeight, len(title))
	addTerms(body, 1, c.cfg.LeadWords)
	for _, m := range a.Entities {
		if m.ID != "" {
			f.terms["@"+m.ID] += c.cfg.EntityWeight
		}
	}
	f.when, _ = a.PublishedTime()
	return f
}

// topicTerm is the term a search-layer word counts as for topic
// similarity: its stem, unless it is too short, a stopword or a number.
func topicTerm(w string) (string, bool) {
	if len([]rune(w)) < 2 || arabic.IsStopword(w) || isNumber(w) {
		return "", false
	}
	return arabic.Stem(w), true
}

// wordsOf splits the search layer of s into words.
func wordsOf(s string) []string {
	return strings.FieldsFunc(arabic.Search(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// sortedTop returns the k heaviest terms of v, heaviest first, ties by
// term so the result does not depend on map order.
func sortedTop(v map[string]float64, k int) []string {
	type tw struct {
		t string
		w float64
	}
	if k <= 0 {
		return nil
	}
	heavier := func(a, b tw) bool { return a.w > b.w || (a.w == b.w && a.t < b.t) }
	// Keep the k heaviest in a small min-heap (top[0] is the lightest).
	top := make([]tw, 0, k)
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(top) && heavier(top[m], top[l]) {
				m = l
			}
			if r := l + 1; r < len(top) && heavier(top[m], top[r]) {
				m = r
			}
			if m == i {
				return
			}
			top[i], top[m] = top[m], top[i]
			i = m
		}
	}
	for t, w := range v {
		x := tw{t, w}
		switch {
		case len(top) < k:
			top = append(top, x)
			for i := len(top) - 1; i > 0; {
				p := (i - 1) / 2
				if !heavier(top[p], top[i]) {
					break
				}
				top[i], top[p] = top[p], top[i]
				i = p
			}
		case heavier(x, top[0]):
			top[0] = x
			down(0)
		}
	}
	sort.Slice(top, func(i, j int) bool { return heavier(top[i], top[j]) })
	out := make([]string, len(top))
	for i, x := range top {
		out[i] = x.t
	}
	return out
}
