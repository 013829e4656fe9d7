package api

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/news"
)

// pageInput is one page as a client posts it.
type pageInput struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Author    string `json:"author"`
	Published string `json:"published"`
}

// defaultName names posted pages when the client gives no ?name=.
const defaultName = "api"

// pages answers POST /api/pages: the body's pages are run through the
// pipeline and the ingest's summary is answered. The bearer token is
// checked before the body is read, so an unauthorized client cannot make
// the server read or parse anything.
func (s *server) pages(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
		writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
		return
	}
	if s.ingester == nil {
		writeError(w, http.StatusServiceUnavailable, "ingest is not available")
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = defaultName
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is larger than %d bytes", tooBig.Limit))
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "read request body: "+err.Error())
		return
	}
	if !utf8.Valid(body) {
		writeError(w, http.StatusBadRequest, "request body is not UTF-8")
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		writeError(w, http.StatusBadRequest, "request body is empty")
		return
	}

	now := time.Now().UTC()
	var pages []news.Page
	media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch media {
	case "application/json":
		pages, err = jsonPages(body, name, now)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	case "text/plain":
		pages = []news.Page{{Origin: "api:" + name, Name: name, Kind: news.KindText, Body: body, Fetched: now}}
	case "text/html":
		pages = []news.Page{{Origin: "api:" + name, Name: name, Kind: news.KindHTML, Body: body, Fetched: now}}
	default:
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q: want application/json, text/plain or text/html", media))
		return
	}

	sum, err := s.ingester.Ingest(r.Context(), pages)
	if err != nil {
		s.fail(w, r, fmt.Errorf("ingest %d pages: %w", len(pages), err))
		return
	}
	writeJSON(w, http.StatusOK, sum)
}

// authorized reports whether r carries the configured bearer token. With no
// token configured nothing is authorized.
func (s *server) authorized(r *http.Request) bool {
	if s.token == "" {
		return false
	}
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.token)) == 1
}

// jsonPages reads one page object or an array of them. Unknown fields are
// refused, so a misspelt "txet" is an error rather than an empty page.
func jsonPages(body []byte, name string, now time.Time) ([]news.Page, error) {
	var in []pageInput
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var err error
	if trimmed := bytes.TrimSpace(body); trimmed[0] == '[' {
		err = dec.Decode(&in)
	} else {
		var one pageInput
		err = dec.Decode(&one)
		in = []pageInput{one}
	}
	if err != nil {
		return nil, fmt.Errorf("request body: %w", err)
	}
	if dec.More() {
		return nil, errors.New("request body: more than one JSON value (send an array)")
	}
	if len(in) == 0 {
		return nil, errors.New("request body: no pages")
	}
	pages := make([]news.Page, len(in))
	for i, p := range in {
		if strings.TrimSpace(p.Text) == "" {
			return nil, fmt.Errorf("page %d: text is required", i)
		}
		if p.Published != "" {
			if _, ok := news.ParseISO(p.Published); !ok {
				return nil, fmt.Errorf("page %d: published %q is not an ISO date", i, p.Published)
			}
		}
		pages[i] = news.Page{
			Origin:  fmt.Sprintf("api:%s#%d", name, i),
			Name:    name,
			Kind:    news.KindRecord,
			Record:  &news.Record{Title: p.Title, Text: p.Text, URL: p.URL, Source: p.Source, Author: p.Author, Published: p.Published},
			Fetched: now,
		}
	}
	return pages, nil
}
