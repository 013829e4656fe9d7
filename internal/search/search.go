package search

import (
	"context"
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	htmlhighlight "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/marsad/marsad/internal/arabic"
)

// Query is one search.
type Query struct {
	// Text is the analyst's query:
	//
	//	word                 must appear: plain words are ANDed, as analysts
	//	                     expect; matched after normalization and light
	//	                     stemming (مفاوضات finds والمفاوضات, ٣ finds 3)
	//	"two words"          phrase: adjacent, in order («» and “” work too)
	//	+word  -word         must / must not (+ changes nothing for a word)
	//	a OR b               either (also a | b)
	//	entity:ID            articles naming that entity
	//	entity:"name"        ... by any name or spelling it was seen under,
	//	                     compared as arabic.NameKey
	//	source:X  story:ID  event:ID
	//	date:2015-07-21..2015-07-25   inclusive; also 2015-07, 2015 and
	//	                     open ends (date:2015-07-21..)
	//
	// Filters can be negated (-source:X). Any text parses; a bad date is
	// ErrBadQuery. Text with no words or phrases ranks nothing: hits come
	// newest first, and empty text matches every article.
	Text string
	// From and Size page through the hits; Size 0 means DefaultSize, and
	// Size is capped at MaxSize.
	From, Size int
	// Facets asks for counts by outlet, entity, event, story and day over
	// all matching articles, not only the page of hits.
	Facets bool
	// FacetSize is how many values each facet but the date histogram
	// returns, most frequent first; 0 means DefaultFacetSize.
	FacetSize int
	// Spelling, when set, resolves the spelling in an entity:"..." clause,
	// and a word or phrase, to the identity the store knows it as, so the
	// clause also finds articles that name the entity only under other
	// spellings. Without it a spelling matches the articles that use it
	// (or its name key).
	Spelling func(ctx context.Context, spelling string) (id string, ok bool, err error)
}

// Page sizes.
const (
	DefaultSize      = 20
	MaxSize          = 1000
	DefaultFacetSize = 10
	// maxDays bounds the date histogram: ten years of days.
	maxDays = 3660
)

// titleBoost weighs a match in the title over one in the body: a headline
// names what the article is about.
const titleBoost = 3

// Result is one page of hits and, if asked for, the facets.
type Result struct {
	Total  int     `json:"total"`
	Hits   []Hit   `json:"hits"`
	Facets *Facets `json:"facets,omitempty"`
}

// Hit is one matching article. Title is the original title; TitleHTML and
// Snippet are HTML-escaped original text with <mark> around the matched
// words, safe to put in a page as they are.
type Hit struct {
	ID        string  `json:"id"`
	Score     float64 `json:"score"`
	Title     string  `json:"title"`
	TitleHTML string  `json:"title_html"`
	Snippet   string  `json:"snippet"`
	Source    string  `json:"source,omitempty"`
	Published string  `json:"published,omitempty"`
	Event     string  `json:"event,omitempty"`
	Story     string  `json:"story,omitempty"`
}

// Facets counts the matching articles by value, most frequent first (Dates:
// by day, oldest first).
type Facets struct {
	Sources  []Count      `json:"sources"`
	Entities []Count      `json:"entities"`
	Events   []Count      `json:"events"`
	Stories  []Count      `json:"stories"`
	Dates    []DateBucket `json:"dates"`
}

// Count is one facet value. Label is the display name where it differs
// from Value (an entity's canonical name).
type Count struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// DateBucket is the number of matching articles published on one day.
type DateBucket struct {
	Day   string `json:"day"` // YYYY-MM-DD
	Count int    `json:"count"`
}

// ErrBadQuery wraps errors in the query text (a malformed date), which
// callers show the user rather than log.
var ErrBadQuery = errors.New("bad query")

// Search runs q.
func (x *Index) Search(ctx context.Context, q Query) (Result, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return Result{}, ErrClosed
	}
	cs := parse(q.Text)
	if err := resolveSpellings(ctx, cs, q.Spelling); err != nil {
		return Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	bq, scored, err := x.build(cs)
	if err != nil {
		return Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	size := q.Size
	if size <= 0 {
		size = DefaultSize
	}
	size = min(size, MaxSize)
	req := bleve.NewSearchRequestOptions(bq, size, max(q.From, 0), false)
	req.Fields = []string{fieldTitle, fieldText, fieldSource, fieldPubText, fieldEvent, fieldStory}
	if scored {
		req.SortBy([]string{"-_score", "-" + fieldPublished})
		req.Highlight = bleve.NewHighlightWithStyle(htmlhighlight.Name)
		req.Highlight.AddField(fieldTitle)
		req.Highlight.AddField(fieldText)
	} else {
		// Filters alone rank nothing: newest first is what a browser wants.
		req.SortBy([]string{"-" + fieldPublished, "_id"})
	}
	if q.Facets {
		n := q.FacetSize
		if n <= 0 {
			n = DefaultFacetSize
		}
		req.AddFacet("sources", bleve.NewFacetRequest(fieldSource, n))
		req.AddFacet("entities", bleve.NewFacetRequest(fieldEntityTag, n))
		req.AddFacet("events", bleve.NewFacetRequest(fieldEvent, n))
		req.AddFacet("stories", bleve.NewFacetRequest(fieldStory, n))
		req.AddFacet("dates", bleve.NewFacetRequest(fieldDay, maxDays))
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}

	out := Result{Total: int(res.Total), Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		title, text := str(h.Fields[fieldTitle]), str(h.Fields[fieldText])
		hit := Hit{
			ID:        h.ID,
			Score:     h.Score,
			Title:     title,
			TitleHTML: html.EscapeString(title),
			Snippet:   lead(text),
			Source:    str(h.Fields[fieldSource]),
			Published: str(h.Fields[fieldPubText]),
			Event:     str(h.Fields[fieldEvent]),
			Story:     str(h.Fields[fieldStory]),
		}
		if f := h.Fragments[fieldTitle]; len(f) > 0 && strings.Contains(f[0], "<mark>") {
			hit.TitleHTML = f[0]
		}
		if f := h.Fragments[fieldText]; len(f) > 0 && strings.Contains(f[0], "<mark>") {
			hit.Snippet = f[0]
		}
		out.Hits = append(out.Hits, hit)
	}
	if q.Facets {
		out.Facets = facets(res)
	}
	return out, nil
}

// str reads a stored field, which bleve returns as a string for text.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// leadBytes is about how much of the text a snippet without matches shows:
// as much as bleve's fragmenter gives one with matches.
const leadBytes = 200

// lead is the snippet of a hit with no match in its text: its first words,
// HTML-escaped, cut at a space.
func lead(text string) string {
	if len(text) <= leadBytes {
		return html.EscapeString(text)
	}
	cut := leadBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if sp := strings.LastIndexAny(text[:cut], " \n"); sp > leadBytes/2 {
		cut = sp
	}
	return html.EscapeString(text[:cut]) + "…"
}

// facets converts bleve's facet results.
func facets(res *bleve.SearchResult) *Facets {
	counts := func(name string) []Count {
		out := []Count{}
		if f, ok := res.Facets[name]; ok && f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				out = append(out, Count{Value: t.Term, Count: t.Count})
			}
		}
		return out
	}
	f := &Facets{
		Sources:  counts("sources"),
		Entities: counts("entities"),
		Events:   counts("events"),
		Stories:  counts("stories"),
		Dates:    []DateBucket{},
	}
	for i, c := range f.Entities {
		id, name, _ := strings.Cut(c.Value, tagSep)
		f.Entities[i] = Count{Value: id, Label: name, Count: c.Count}
	}
	for _, c := range counts("dates") {
		f.Dates = append(f.Dates, DateBucket{Day: c.Value, Count: c.Count})
	}
	slices.SortFunc(f.Dates, func(a, b DateBucket) int { return strings.Compare(a.Day, b.Day) })
	return f
}

// build turns parsed clauses into a bleve query. scored reports whether any
// clause ranks articles (words and phrases), as opposed to filtering them.
func (x *Index) build(cs []clause) (q query.Query, scored bool, err error) {
	r := &resolver{idx: x.idx, df: map[[2]string]int{}}
	var must, mustNot []query.Query
	var alts []query.Query // the current run of OR-ed clauses
	flush := func() {
		switch len(alts) {
		case 0:
		case 1:
			must = append(must, alts[0])
		default:
			must = append(must, bleve.NewDisjunctionQuery(alts...))
		}
		alts = nil
	}
	for _, c := range cs {
		cq, err := clauseQuery(c, r)
		if err != nil {
			return nil, false, err
		}
		if cq == nil {
			continue // punctuation only
		}
		if c.Op == '-' {
			mustNot = append(mustNot, cq)
			continue
		}
		if c.Field == "" {
			scored = true
		}
		if !c.Or {
			flush()
		}
		alts = append(alts, cq)
	}
	flush()
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(must...)
	if len(mustNot) > 0 {
		b.AddMustNot(mustNot...)
	}
	return b, scored, nil
}

// entityID is the shape of the ids entity resolution gives.
var entityID = regexp.MustCompile(`^(?:per|loc|org|misc)-[0-9a-f]{8}$`)

// resolveSpellings fills Entity for the entity: clauses that give a
// spelling rather than an id, and for the words and phrases that are a
// spelling of a known entity.
func resolveSpellings(ctx context.Context, cs []clause, spelling func(context.Context, string) (string, bool, error)) error {
	if spelling == nil {
		return nil
	}
	for i, c := range cs {
		switch {
		case c.Field == filterEntity && !entityID.MatchString(c.Value):
		case c.Field == "" && c.Op != '-':
			// A word or phrase that is a name the store knows also finds
			// the articles naming that entity under other spellings:
			// بوتن finds the articles that only write بوتين.
		default:
			continue
		}
		id, ok, err := spelling(ctx, c.Value)
		if err != nil {
			return err
		}
		if ok {
			cs[i].Entity = id
		}
	}
	return nil
}

// clauseQuery is the bleve query for one clause, nil when it has nothing to
// search for.
func clauseQuery(c clause, r *resolver) (query.Query, error) {
	switch c.Field {
	case "":
		if c.Entity != "" {
			return disjunction(textQuery(c.Value, r), keywordQuery(fieldEntity, c.Entity)), nil
		}
		return textQuery(c.Value, r), nil
	case filterEntity:
		// An id, or any name or spelling the entity was seen under: the
		// name key folds hamza, hyphens and spaces as entity resolution does.
		qs := []query.Query{keywordQuery(fieldEntity, c.Value), keywordQuery(fieldEntityKey, arabic.NameKey(c.Value))}
		if c.Entity != "" {
			qs = append(qs, keywordQuery(fieldEntity, c.Entity))
		}
		return disjunction(qs...), nil
	case filterSource:
		return disjunction(keywordQuery(fieldSource, c.Value), keywordQuery(fieldSourceKey, sourceKey(c.Value))), nil
	case filterStory:
		return keywordQuery(fieldStory, c.Value), nil
	case filterEvent:
		return keywordQuery(fieldEvent, c.Value), nil
	case filterDate:
		from, to, err := dateRange(c.Value)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadQuery, err)
		}
		inclusive, exclusive := true, false
		dq := bleve.NewDateRangeInclusiveQuery(from, to, &inclusive, &exclusive)
		dq.SetField(fieldPublished)
		return dq, nil
	}
	return nil, fmt.Errorf("%w: unknown field %q", ErrBadQuery, c.Field)
}

func keywordQuery(field, v string) query.Query {
	t := bleve.NewTermQuery(v)
	t.SetField(field)
	return t
}

func disjunction(qs ...query.Query) query.Query {
	return bleve.NewDisjunctionQuery(qs...)
}

// textQuery matches a word or phrase in the title or the text, analyzed as
// the articles were (see resolver.alternatives). A quoted phrase, or a word
// the tokenizer splits (جونغ-أون, بـKremlin), must match as adjacent terms.
func textQuery(v string, r *resolver) query.Query {
	us := units(v)
	if len(us) == 0 {
		return nil
	}
	alts := make([][]string, len(us))
	for i, u := range us {
		alts[i] = r.alternatives(u)
	}
	if len(alts) == 1 {
		var qs []query.Query
		for _, t := range alts[0] {
			title := keywordQuery(fieldTitle, t).(*query.TermQuery)
			title.SetBoost(titleBoost)
			qs = append(qs, title, keywordQuery(fieldText, t))
		}
		return disjunction(qs...)
	}
	title := query.NewMultiPhraseQuery(alts, fieldTitle)
	title.SetBoost(titleBoost)
	return disjunction(title, query.NewMultiPhraseQuery(alts, fieldText))
}

// resolver decides, for one query, which terms a query word is looked up
// under, caching the document frequencies it reads.
type resolver struct {
	idx bleve.Index
	df  map[[2]string]int // {field, term} → number of articles
}

// alternatives returns the terms a unit of query text matches. Words match
// their light stem, as articles index them, except names that articles
// protected from stemming (see protectedNames): those are indexed
// unstemmed, so the query looks for the unstemmed form too. When the word
// is mostly a name in the index (more articles protected it than hold its
// stem), only the name form is searched: بوتين must not find بوت. When it is
// mostly an ordinary word that a few articles used in a name (وزارة in a
// place name, أمين in a person's), both are searched, so the name's rare
// use does not hide the word's common one.
func (r *resolver) alternatives(u unit) []string {
	if u.Kind != arabic.Word {
		return []string{u.Norm}
	}
	stem := arabic.Stem(u.Norm)
	form, ok := nameForm(u.Norm, func(w string) bool { return r.docFreq(fieldNames, w) > 0 })
	if !ok || form == stem {
		return []string{stem}
	}
	if r.docFreq(fieldNames, form) >= r.docFreq(fieldText, stem) {
		return []string{form}
	}
	return []string{form, stem}
}

// docFreq returns how many articles hold term in field, 0 on any error (a
// lookup that fails only makes the query less clever, not wrong).
func (r *resolver) docFreq(field, term string) int {
	key := [2]string{field, term}
	if n, ok := r.df[key]; ok {
		return n
	}
	n := 0
	if d, err := r.idx.FieldDictRange(field, []byte(term), []byte(term)); err == nil {
		if e, err := d.Next(); err == nil && e != nil && e.Term == term {
			n = int(e.Count)
		}
		d.Close()
	}
	r.df[key] = n
	return n
}
