package web

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/marsad/marsad/internal/store"
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
	e, err := s.store.Entity(ctx, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	arts, total, err := s.store.ArticlesNaming(ctx, e.ID, entityArticles, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	days, err := s.store.EntityTimeline(ctx, e.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	quoting, err := s.store.ArticlesQuoting(ctx, e.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := entityPage{frame: frame{Title: e.Name}, Entity: e, Articles: arts, More: total > len(arts), Months: months(days)}
	for text, n := range e.Variants {
		p.Variants = append(p.Variants, variant{Text: text, Count: n})
	}
	slices.SortFunc(p.Variants, func(a, b variant) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Text, b.Text)
	})
	for _, a := range quoting {
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

// months sums a day-by-day timeline by month, oldest first.
func months(days []store.DayCount) []month {
	count := map[string]int{}
	for _, d := range days {
		count[d.Day[:min(len(d.Day), len("2006-01"))]] += d.Count
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
