package web

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/marsad/marsad/news"
)

// homeListSize is how many stories each list of the home page shows.
const homeListSize = 12

// latestArticles is how many recently ingested articles the home page lists.
const latestArticles = 15

type homePage struct {
	frame
	Biggest  []news.Story
	Latest   []news.Story
	Articles []news.Article
	Total    int
}

// home lists the biggest stories, the latest ones, and the articles
// ingested last.
func (s *server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	stories, err := s.store.Stories(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	total, err := s.store.CountArticles(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	arts, err := s.store.Articles(ctx, news.ArticleQuery{Limit: latestArticles, Offset: max(total-latestArticles, 0)})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	slices.Reverse(arts) // newest ingested first
	latest := slices.Clone(stories)
	slices.SortStableFunc(latest, func(a, b news.Story) int { return cmp.Compare(b.End, a.End) })
	s.render(w, r, http.StatusOK, "home", homePage{
		frame:    frame{Title: "القصص"},
		Biggest:  stories[:min(len(stories), homeListSize)],
		Latest:   latest[:min(len(latest), homeListSize)],
		Articles: arts,
		Total:    total,
	})
}
