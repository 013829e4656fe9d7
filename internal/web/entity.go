package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/news"
)

// entityArticles bounds the articles an entity page reads and lists.
const entityArticles = 100

type entityPage struct {
	frame
	Entity   news.Entity
	Variants []variant
	Articles []news.Article
	More     bool // more articles name it than are listed
	Months   []month
	Quotes   []quoteView
}

type variant struct {
	Text  string
	Count int
}

// month is one bar of the entity's timeline.
type month struct {
	Month string // YYYY-MM
	Count int
	Width int // percent of the busiest month
}

// entity shows an identity: the spellings it was seen under, the articles
// naming it over time, and what it was quoted saying.
func (s *server) entity(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	e, err := s.findEntity(ctx, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	arts, more, err := s.articlesNaming(ctx, e.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := entityPage{frame: frame{Title: e.Name}, Entity: e, Articles: arts, More: more, Months: months(arts)}
	for text, n := range e.Variants {
		p.Variants = append(p.Variants, variant{Text: text, Count: n})
	}
	slices.SortFunc(p.Variants, func(a, b variant) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Text, b.Text)
	})
	for _, a := range arts {
		if a.DuplicateOf != "" {
			continue
		}
		for _, q := range a.Quotes {
			if q.SpeakerID == e.ID {
				p.Quotes = append(p.Quotes, quoteView{Quote: q, In: []news.Article{a}})
			}
		}
	}
	s.render(w, r, http.StatusOK, "entity", p)
}

// findEntity looks an entity up among all entities; the store has no
// lookup by ID yet.
func (s *server) findEntity(ctx context.Context, id string) (news.Entity, error) {
	all, err := s.store.Entities(ctx)
	if err != nil {
		return news.Entity{}, err
	}
	for _, e := range all {
		if e.ID == id {
			return e, nil
		}
	}
	return news.Entity{}, fmt.Errorf("entity %q: %w", id, news.ErrNotFound)
}

// articlesNaming returns up to entityArticles articles that mention the
// entity, newest first, and whether there are more. It asks the index when
// there is one, and otherwise reads every stored article.
func (s *server) articlesNaming(ctx context.Context, id string) ([]news.Article, bool, error) {
	if s.index != nil {
		res, err := s.index.Search(ctx, search.Query{Text: "entity:" + id, Size: entityArticles})
		if err != nil {
			return nil, false, fmt.Errorf("articles naming %s: %w", id, err)
		}
		arts := make([]news.Article, 0, len(res.Hits))
		for _, h := range res.Hits {
			a, err := s.store.Article(ctx, h.ID)
			if err != nil {
				return nil, false, fmt.Errorf("articles naming %s: %w", id, err)
			}
			arts = append(arts, a)
		}
		return arts, res.Total > len(arts), nil
	}
	var arts []news.Article
	err := s.store.EachArticle(ctx, func(a news.Article) error {
		if slices.ContainsFunc(a.Entities, func(m news.Mention) bool { return m.ID == id }) ||
			slices.ContainsFunc(a.Quotes, func(q news.Quote) bool { return q.SpeakerID == id }) {
			arts = append(arts, a)
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("articles naming %s: %w", id, err)
	}
	slices.SortStableFunc(arts, func(a, b news.Article) int { return cmp.Compare(b.Published, a.Published) })
	return arts[:min(len(arts), entityArticles)], len(arts) > entityArticles, nil
}

// months counts the articles by month of publication, oldest first.
func months(arts []news.Article) []month {
	count := map[string]int{}
	for _, a := range arts {
		if t, ok := a.PublishedTime(); ok {
			count[t.Format("2006-01")]++
		}
	}
	out := make([]month, 0, len(count))
	top := 0
	for m, n := range count {
		out = append(out, month{Month: m, Count: n})
		top = max(top, n)
	}
	slices.SortFunc(out, func(a, b month) int { return cmp.Compare(a.Month, b.Month) })
	for i := range out {
		out[i].Width = max(out[i].Count*100/top, 2)
	}
	return out
}
