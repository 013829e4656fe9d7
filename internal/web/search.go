package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/search"
)

// searchPageSize is how many hits one page of results shows.
const searchPageSize = 20

type searchPage struct {
	frame
	Unavailable bool   // no index was configured
	Problem     string // what is wrong with the query, for the user
	Searched    bool
	Total       int
	From, To    int
	Hits        []search.Hit
	StoryTitles map[string]string
	Facets      []facetGroup
	Days        []facetLink
	Prev, Next  string
}

// facetGroup is one facet as links that narrow the search.
type facetGroup struct {
	Name  string
	Links []facetLink
}

type facetLink struct {
	Label string
	Count int
	URL   string
}

// search runs the analyst's query and shows the hits with their snippets
// and facets, each facet value a link that adds it to the query.
func (s *server) search(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	from, _ := strconv.Atoi(r.URL.Query().Get("from"))
	from = max(from, 0)
	p := searchPage{frame: frame{Title: "بحث", Q: q}}
	if q != "" {
		p.Title = "بحث: " + q
	}
	if s.index == nil {
		p.Unavailable = true
		s.render(w, r, http.StatusServiceUnavailable, "search", p)
		return
	}
	if q == "" {
		s.render(w, r, http.StatusOK, "search", p)
		return
	}
	res, err := s.index.Search(ctx, search.Query{Text: q, From: from, Size: searchPageSize, Facets: true, Spelling: s.store.EntityBySpelling})
	if errors.Is(err, search.ErrBadQuery) {
		p.Problem = err.Error()
		s.render(w, r, http.StatusBadRequest, "search", p)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Searched, p.Total, p.Hits = true, res.Total, res.Hits
	p.From, p.To = from+1, from+len(res.Hits)
	if from > 0 {
		p.Prev = searchURL(q, max(from-searchPageSize, 0))
	}
	if from+len(res.Hits) < res.Total {
		p.Next = searchURL(q, from+searchPageSize)
	}
	stories, err := s.store.Stories(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.StoryTitles = map[string]string{}
	events := map[string]string{}
	for _, st := range stories {
		p.StoryTitles[st.ID] = st.Title
		for _, e := range st.Events {
			events[e.ID] = e.Title
		}
	}
	if f := res.Facets; f != nil {
		p.Facets = []facetGroup{
			{Name: "المصادر", Links: facetLinks(q, "source", f.Sources, nil)},
			{Name: "الكيانات", Links: facetLinks(q, "entity", f.Entities, nil)},
			{Name: "القصص", Links: facetLinks(q, "story", f.Stories, p.StoryTitles)},
			{Name: "الأحداث", Links: facetLinks(q, "event", f.Events, events)},
		}
		for _, d := range f.Dates {
			p.Days = append(p.Days, facetLink{Label: d.Day, Count: d.Count, URL: searchURL(q+" date:"+d.Day, 0)})
		}
	}
	s.render(w, r, http.StatusOK, "search", p)
}

// facetLinks turns facet counts into links adding field:value to q. The
// label is the count's own, else the one labels gives the value, else the
// value itself.
func facetLinks(q, field string, counts []search.Count, labels map[string]string) []facetLink {
	out := make([]facetLink, 0, len(counts))
	for _, c := range counts {
		label := c.Label
		if label == "" {
			label = labels[c.Value]
		}
		if label == "" {
			label = c.Value
		}
		out = append(out, facetLink{Label: label, Count: c.Count, URL: searchURL(q+" "+filter(field, c.Value), 0)})
	}
	return out
}

// filter spells field:value in the query language, quoting a value with
// spaces.
func filter(field, value string) string {
	value = strings.ReplaceAll(value, `"`, "")
	if strings.ContainsAny(value, " \t") {
		value = `"` + value + `"`
	}
	return field + ":" + value
}
