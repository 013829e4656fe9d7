package web

import (
	"html/template"
	"net/http"
	"net/url"

	"github.com/marsad/marsad/news"
)

type articlePage struct {
	frame
	Article   news.Article
	Body      template.HTML // the text, escaped, with its marks
	Captions  []template.HTML
	Original  string // the source URL when it is http(s), else ""
	Sightings []news.Sighting
	Entities  []entityCount
	Story     string // the story's title, when the article has one
}

// article shows one article's clean text with its annotations marked, its
// captions, what the cleaner removed (on demand) and where it came from.
func (s *server) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.store.Article(ctx, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seen, err := s.store.Sightings(ctx, a.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := articlePage{
		frame:     frame{Title: a.Title},
		Article:   a,
		Body:      markup(a.Text, articleSpans(a)),
		Original:  webURL(a.URL),
		Sightings: others(seen, a),
		Entities:  entityCounts([]news.Article{a}, len(a.Entities)),
	}
	for i, c := range a.Captions {
		p.Captions = append(p.Captions, markup(c, captionSpans(a, i+1)))
	}
	if a.Story != "" {
		if st, err := s.store.Story(ctx, a.Story); err == nil {
			p.Story = st.Title
		}
	}
	s.render(w, r, http.StatusOK, "article", p)
}

// webURL returns u if it is an absolute http or https URL: the only kind
// the page links to.
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// others drops the sighting that is the article's own source and URL,
// leaving the other places its content was seen.
func others(seen []news.Sighting, a news.Article) []news.Sighting {
	var out []news.Sighting
	for _, sg := range seen {
		if sg.Source == a.Source && sg.URL == a.URL {
			continue
		}
		out = append(out, sg)
	}
	return out
}
