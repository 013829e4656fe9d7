package api

import (
	"errors"
	"net/http"

	"github.com/marsad/marsad/internal/search"
)

// maxFrom bounds how deep a client can page: bleve collects from+size hits
// to answer a page, so deep pages cost memory.
const maxFrom = 10000

// search answers GET /api/search: one page of hits, with facets over all
// matches. The query language is search.Query's: phrases, +/- terms,
// entity:, source:, story:, event: and date: filters.
func (s *server) search(w http.ResponseWriter, r *http.Request) {
	from, err := intParam(r, "from", 0, 0, maxFrom)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	size, err := intParam(r, "size", DefaultLimit, 1, MaxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.index == nil {
		writeError(w, http.StatusServiceUnavailable, "search is not available: no index")
		return
	}
	res, err := s.index.Search(r.Context(), search.Query{Text: r.URL.Query().Get("q"), From: from, Size: size, Facets: true, Spelling: s.st.EntityBySpelling})
	if errors.Is(err, search.ErrBadQuery) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res.Hits = nonNil(res.Hits)
	if res.Facets == nil {
		res.Facets = &search.Facets{}
	}
	f := res.Facets
	f.Sources, f.Entities, f.Events, f.Stories, f.Dates = nonNil(f.Sources), nonNil(f.Entities), nonNil(f.Events), nonNil(f.Stories), nonNil(f.Dates)
	writeJSON(w, http.StatusOK, res)
}
