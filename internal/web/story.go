package web

import (
	"cmp"
	"errors"
	"net/http"
	"net/url"
	"slices"

	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// storyEntities bounds the entity list of a story page.
const storyEntities = 40

type storyPage struct {
	frame
	Story    news.Story
	Events   []eventView
	Claims   []news.Claim
	Speakers []speakerQuotes
	Entities []entityCount
}

// eventView is one event of the timeline: its articles in order, each copy
// folded under its original.
type eventView struct {
	news.Event
	Items []articleItem
}

type articleItem struct {
	news.Article
	First  bool           // the event's first report
	Copies []news.Article // copies of this article in the same event
	// Wire is the news agency the article or one of its copies credits
	// (stories.Wire), "" if none does.
	Wire string
	// FirstSource is the outlet that published the text first: the
	// earliest-dated of the article and its copies, set when it has copies.
	FirstSource string
}

// speakerQuotes is what one speaker was quoted saying across the story.
type speakerQuotes struct {
	ID, Name string
	Quotes   []quoteView
}

// quoteView is one quote with every article that carried it.
type quoteView struct {
	news.Quote
	In []news.Article
}

// entityCount is an entity with the number of articles naming it here.
type entityCount struct {
	ID, Name, Type string
	Articles       int
}

// story shows one story: the timeline of its events, the claims its
// outlets make, who said what, and who and what it is about.
func (s *server) story(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.store.Story(ctx, r.PathValue("id"))
	if errors.Is(err, news.ErrNotFound) {
		// Its event turned out to be part of another: follow its articles.
		to, merr := s.store.StoryMovedTo(ctx, r.PathValue("id"))
		if merr == nil {
			http.Redirect(w, r, "/stories/"+url.PathEscape(to), http.StatusMovedPermanently)
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
	arts, err := s.store.Articles(ctx, news.ArticleQuery{Story: st.ID})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "story", storyPage{
		frame:    frame{Title: st.Title},
		Story:    st,
		Events:   timeline(st.Events, arts),
		Claims:   stories.Claims(arts),
		Speakers: quotesBySpeaker(arts),
		Entities: entityCounts(arts, storyEntities),
	})
}

// timeline lays each event's articles out in the event's order, with a
// copy folded under its original when both are in the event.
func timeline(events []news.Event, arts []news.Article) []eventView {
	byID := make(map[string]news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := make([]eventView, 0, len(events))
	for _, e := range events {
		in := make(map[string]bool, len(e.Articles))
		for _, id := range e.Articles {
			in[id] = true
		}
		v := eventView{Event: e}
		at := map[string]int{} // original ID → index in Items
		var copies []news.Article
		for _, id := range e.Articles {
			a, ok := byID[id]
			if !ok {
				a = news.Article{ID: id}
			}
			if a.DuplicateOf != "" && in[a.DuplicateOf] {
				copies = append(copies, a)
				continue
			}
			at[id] = len(v.Items)
			v.Items = append(v.Items, articleItem{Article: a, First: id == e.FirstReport})
		}
		for _, c := range copies {
			if i, ok := at[c.DuplicateOf]; ok {
				v.Items[i].Copies = append(v.Items[i].Copies, c)
			} else {
				// A copy of a copy: show it on its own rather than lose it.
				v.Items = append(v.Items, articleItem{Article: c, First: c.ID == e.FirstReport})
			}
		}
		for i := range v.Items {
			v.Items[i].provenance()
		}
		out = append(out, v)
	}
	return out
}

// provenance fills in the wire a copy group credits (the original's
// credit, else the first copy's: outlets often strip the credit) and, when
// the group has copies, the outlet that published first. Both come from
// the text on every read; nothing is stored.
func (it *articleItem) provenance() {
	group := append([]news.Article{it.Article}, it.Copies...)
	for _, a := range group {
		if it.Wire = stories.Wire(a.Text); it.Wire != "" {
			break
		}
	}
	if len(it.Copies) == 0 {
		return
	}
	first := slices.MinFunc(group, func(a, b news.Article) int {
		ta, oka := a.PublishedTime()
		tb, okb := b.PublishedTime()
		switch {
		case oka && okb:
			return ta.Compare(tb)
		case oka:
			return -1 // undated last
		case okb:
			return 1
		}
		return 0
	})
	it.FirstSource = first.Source
}

// quotesBySpeaker groups the quotes of the story's originals by speaker
// (by entity ID when resolved, else by the name as written), the most
// quoted first; the same words from one speaker are listed once with every
// article that carried them.
func quotesBySpeaker(arts []news.Article) []speakerQuotes {
	var groups []speakerQuotes
	at := map[string]int{}
	for _, a := range arts {
		if a.DuplicateOf != "" {
			continue // a copy repeats its original's quotes
		}
		for _, q := range a.Quotes {
			key := q.SpeakerID
			if key == "" {
				key = "name:" + q.Speaker
			}
			i, ok := at[key]
			if !ok {
				i = len(groups)
				at[key] = i
				name := q.Speaker
				if name == "" {
					name = "قائل غير معروف"
				}
				groups = append(groups, speakerQuotes{ID: q.SpeakerID, Name: name})
			}
			g := &groups[i]
			j := slices.IndexFunc(g.Quotes, func(v quoteView) bool { return v.Text == q.Text })
			if j < 0 {
				g.Quotes = append(g.Quotes, quoteView{Quote: q})
				j = len(g.Quotes) - 1
			}
			g.Quotes[j].In = append(g.Quotes[j].In, a)
		}
	}
	slices.SortStableFunc(groups, func(a, b speakerQuotes) int { return cmp.Compare(len(b.Quotes), len(a.Quotes)) })
	return groups
}

// entityCounts lists the entities the articles name, by how many articles
// name each, at most limit of them.
func entityCounts(arts []news.Article, limit int) []entityCount {
	var out []entityCount
	at := map[string]int{}
	for _, a := range arts {
		seen := map[string]bool{}
		for _, m := range a.Entities {
			if m.ID == "" || seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			i, ok := at[m.ID]
			if !ok {
				i = len(out)
				at[m.ID] = i
				name := m.Name
				if name == "" {
					name = m.Text
				}
				out = append(out, entityCount{ID: m.ID, Name: name, Type: m.Type})
			}
			out[i].Articles++
		}
	}
	slices.SortStableFunc(out, func(a, b entityCount) int { return cmp.Compare(b.Articles, a.Articles) })
	return out[:min(len(out), limit)]
}
