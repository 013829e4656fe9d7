package api

import (
	"net/http"
	"slices"

	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// articleSummary is an article in a listing: enough to show and link it.
type articleSummary struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Source      string `json:"source"`
	Published   string `json:"published"`
	Lang        string `json:"lang"`
	URL         string `json:"url,omitempty"`
	Event       string `json:"event,omitempty"`
	Story       string `json:"story,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Wire is the news agency the text credits (stories.Wire), computed on
	// every read rather than stored.
	Wire string `json:"wire,omitempty"`
}

func summarize(a news.Article) articleSummary {
	return articleSummary{
		ID: a.ID, Title: a.Title, Source: a.Source, Published: a.Published, Lang: a.Lang,
		URL: a.URL, Event: a.Event, Story: a.Story, DuplicateOf: a.DuplicateOf, Wire: stories.Wire(a.Text),
	}
}

// byPublished orders articles oldest first, undated last, keeping the given
// (ingest) order among equals.
func byPublished(as []news.Article) {
	slices.SortStableFunc(as, func(a, b news.Article) int { return comparePublished(a, b, false) })
}

// newestFirst orders articles newest first, undated last.
func newestFirst(a, b news.Article) int { return comparePublished(a, b, true) }

// comparePublished orders by publication time, undated always last.
func comparePublished(a, b news.Article, newest bool) int {
	ta, oka := a.PublishedTime()
	tb, okb := b.PublishedTime()
	switch {
	case oka != okb && oka:
		return -1
	case oka != okb:
		return 1
	case !oka:
		return 0
	case newest:
		return tb.Compare(ta)
	}
	return ta.Compare(tb)
}

// articles answers GET /api/articles: one page of articles in ingest order,
// filtered by source, event and story.
func (s *server) articles(w http.ResponseWriter, r *http.Request) {
	win, err := pageParams(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	filter := news.ArticleQuery{Source: q.Get("source"), Event: q.Get("event"), Story: q.Get("story")}
	ctx := r.Context()

	var total int
	if filter == (news.ArticleQuery{}) {
		total, err = s.st.CountArticles(ctx)
	} else {
		// The store counts only everything; a filtered total is the length
		// of the filtered list. Filters select a source, event or story,
		// which is small beside the store.
		var all []news.Article
		all, err = s.st.Articles(ctx, filter)
		total = len(all)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	filter.Limit, filter.Offset = win.limit, win.offset
	arts, err := s.st.Articles(ctx, filter)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]articleSummary, len(arts))
	for i, a := range arts {
		items[i] = summarize(a)
	}
	writeJSON(w, http.StatusOK, list[articleSummary]{Total: total, Limit: win.limit, Offset: win.offset, Items: items})
}

// articleDetail is one article with everything known about it.
type articleDetail struct {
	news.Article
	Wire      string          `json:"wire,omitempty"` // as in articleSummary
	Sightings []news.Sighting `json:"sightings"`
}

// article answers GET /api/articles/{id}.
func (s *server) article(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.st.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seen, err := s.st.Sightings(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, articleDetail{Article: a, Wire: stories.Wire(a.Text), Sightings: nonNil(seen)})
}
