package api

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

// entityTypes are the values GET /api/entities?type= accepts.
var entityTypes = []string{news.PER, news.LOC, news.ORG, news.MISC}

// entities answers GET /api/entities: most mentioned first, of one type
// when type is given.
func (s *server) entities(w http.ResponseWriter, r *http.Request) {
	win, err := pageParams(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	typ := r.URL.Query().Get("type")
	if typ != "" && !slices.Contains(entityTypes, typ) {
		s.fail(w, r, &badParam{"type", fmt.Sprintf("%q is not one of %v", typ, entityTypes)})
		return
	}
	all, err := s.st.Entities(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if typ != "" {
		all = slices.DeleteFunc(all, func(e news.Entity) bool { return e.Type != typ })
	}
	writeJSON(w, http.StatusOK, list[news.Entity]{Total: len(all), Limit: win.limit, Offset: win.offset, Items: slice(all, win)})
}

// entityDetail is one entity: its spellings, when it was in the news, the
// articles naming it and what it said.
type entityDetail struct {
	ID           string           `json:"id"`
	Name         string           `json:"name"`
	Type         string           `json:"type"`
	Variants     []variantCount   `json:"variants"`
	Mentions     int              `json:"mentions"`
	ArticleCount int              `json:"article_count"`
	Timeline     []store.DayCount `json:"timeline"`
	Articles     []articleSummary `json:"articles"`
	Quotes       []quoteView      `json:"quotes"`
}

// variantCount is one spelling of an entity and how often it was seen.
type variantCount struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// entity answers GET /api/entities/{id}. Articles are the newest limit
// naming or quoting it, read through the store's entity index; quotes are every quote attributed to it (speaker_id), newest
// first.
func (s *server) entity(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	win, err := pageParams(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := entityDetail{
		ID: e.ID, Name: e.Name, Type: e.Type, ArticleCount: e.Articles,
		Variants: []variantCount{}, Timeline: []store.DayCount{}, Quotes: []quoteView{},
	}
	for text, n := range e.Variants {
		d.Variants = append(d.Variants, variantCount{text, n})
		d.Mentions += n
	}
	slices.SortFunc(d.Variants, func(a, b variantCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Text, b.Text))
	})

	days, err := s.st.EntityTimeline(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Timeline = append(d.Timeline, days...)
	naming, _, err := s.st.ArticlesNaming(ctx, id, win.limit, win.offset)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Articles = make([]articleSummary, len(naming))
	for i, a := range naming {
		d.Articles[i] = summarize(a)
	}
	quoting, err := s.st.ArticlesQuoting(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, a := range quoting {
		for _, q := range a.Quotes {
			if q.SpeakerID == id {
				d.Quotes = append(d.Quotes, quoteView{Quote: q, Article: a.ID, Source: a.Source, Published: a.Published})
			}
		}
	}
	slices.SortStableFunc(d.Quotes, func(a, b quoteView) int { return cmp.Compare(dayOf(b.Published), dayOf(a.Published)) })
	writeJSON(w, http.StatusOK, d)
}

// dayOf is the date part of a publication date as the outlet wrote it, or
// "" when it does not parse.
func dayOf(published string) string {
	if _, ok := news.ParseISO(published); !ok {
		return ""
	}
	return published[:min(len(published), len("2006-01-02"))]
}
