package api

import (
	"cmp"
	"errors"
	"net/http"
	"net/url"
	"slices"

	"github.com/marsad/marsad/news"
)

// events answers GET /api/events: events in date order, of one story when
// story is given.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	win, err := pageParams(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	evs, err := s.st.Events(r.Context(), r.URL.Query().Get("story"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[news.Event]{Total: len(evs), Limit: win.limit, Offset: win.offset, Items: slice(evs, win)})
}

// storyView is a story as listed: its timeline of events, its outlets and
// its first report.
type storyView struct {
	ID                 string          `json:"id"`
	Title              string          `json:"title"`
	Start              string          `json:"start"`
	End                string          `json:"end"`
	ArticleCount       int             `json:"article_count"`
	Sources            []string        `json:"sources"`
	FirstReport        string          `json:"first_report"`
	FirstReportArticle *articleSummary `json:"first_report_article,omitempty"`
	Events             []news.Event    `json:"events"`
}

// storyDetail is one story with its articles, quotes and entities.
type storyDetail struct {
	storyView
	Articles []articleSummary `json:"articles"`
	Quotes   []quoteView      `json:"quotes"`
	Entities []entityCount    `json:"entities"`
}

// quoteView is a quote with the article it was read in.
type quoteView struct {
	news.Quote
	Article   string `json:"article"`
	Source    string `json:"source"`
	Published string `json:"published"`
}

// entityCount is an entity and how many articles of a set name it.
type entityCount struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
}

// view fills in a story's first report from the store.
func (s *server) view(r *http.Request, st news.Story) (storyView, error) {
	v := storyView{
		ID: st.ID, Title: st.Title, Start: st.Start, End: st.End, ArticleCount: st.Articles,
		Sources: nonNil(st.Sources), FirstReport: st.FirstReport, Events: nonNil(st.Events),
	}
	if st.FirstReport != "" {
		a, err := s.st.Article(r.Context(), st.FirstReport)
		switch {
		case err == nil:
			sum := summarize(a)
			v.FirstReportArticle = &sum
		case !errors.Is(err, news.ErrNotFound):
			return storyView{}, err
		}
	}
	return v, nil
}

// stories answers GET /api/stories: biggest first.
func (s *server) stories(w http.ResponseWriter, r *http.Request) {
	win, err := pageParams(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	all, err := s.st.Stories(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := slice(all, win)
	items := make([]storyView, len(page))
	for i, st := range page {
		if items[i], err = s.view(r, st); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, list[storyView]{Total: len(all), Limit: win.limit, Offset: win.offset, Items: items})
}

// storyMoved answers a link to a story that a merge of events emptied.
type storyMoved struct {
	ID      string `json:"id"`
	MovedTo string `json:"moved_to"`
}

// story answers GET /api/stories/{id}. A story emptied when its event
// turned out to be part of another answers 301 to the story its articles
// went to, so saved links keep working.
func (s *server) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := s.st.Story(r.Context(), id)
	if errors.Is(err, news.ErrNotFound) {
		to, merr := s.st.StoryMovedTo(r.Context(), id)
		if merr == nil {
			w.Header().Set("Location", "/api/stories/"+url.PathEscape(to))
			writeJSON(w, http.StatusMovedPermanently, storyMoved{ID: id, MovedTo: to})
			return
		}
		if !errors.Is(merr, news.ErrNotFound) {
			err = merr
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.view(r, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	arts, err := s.st.Articles(r.Context(), news.ArticleQuery{Story: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byPublished(arts)
	d := storyDetail{storyView: v, Articles: []articleSummary{}, Quotes: []quoteView{}, Entities: []entityCount{}}
	ents := map[string]*entityCount{}
	for _, a := range arts {
		d.Articles = append(d.Articles, summarize(a))
		for _, q := range a.Quotes {
			d.Quotes = append(d.Quotes, quoteView{Quote: q, Article: a.ID, Source: a.Source, Published: a.Published})
		}
		seen := map[string]bool{}
		for _, m := range a.Entities {
			if m.ID == "" || seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			e := ents[m.ID]
			if e == nil {
				e = &entityCount{ID: m.ID, Name: m.Name, Type: m.Type}
				ents[m.ID] = e
			}
			e.Articles++
		}
	}
	for _, e := range ents {
		d.Entities = append(d.Entities, *e)
	}
	slices.SortFunc(d.Entities, func(a, b entityCount) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.ID, b.ID))
	})
	writeJSON(w, http.StatusOK, d)
}
