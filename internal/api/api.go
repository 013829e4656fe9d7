// Package api is marsad's JSON API over HTTP: articles, events, stories,
// entities and search read from the store and the search index, ingest of
// new pages, and the OpenAPI document that describes all of it.
//
// It owns request parsing, status codes and the shape of the JSON answers.
// It must not hold language logic or write to the store itself: reads go to
// the store and the index, and ingest goes through the Ingester the command
// wires in. Every handler passes its request's context down, so a client
// that goes away stops the work it asked for.
package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

// DefaultMaxBody bounds a POST body when Config.MaxBody is not set.
const DefaultMaxBody = 10 << 20

// Ingester runs pages through the pipeline into the store (and the index),
// as `marsad ingest` does.
type Ingester interface {
	Ingest(ctx context.Context, pages []news.Page) (Summary, error)
}

// Summary is what one ingest did, as POST /api/pages reports it.
type Summary struct {
	Pages      int `json:"pages"`                // pages read
	Articles   int `json:"articles"`             // articles found in them
	Stored     int `json:"stored"`               // articles new to the store
	Duplicates int `json:"duplicates"`           // exact copies of stored articles
	Copies     int `json:"copies"`               // near-copies folded into a group
	Merged     int `json:"events_merged"`        // events found to be part of an earlier one
	Rerooted   int `json:"copy_groups_rerooted"` // copy groups given an earlier-published first member
	Errors     int `json:"errors"`               // pages that could not be used
}

// Config is what the API serves from.
type Config struct {
	Store *store.Store
	// Index answers /api/search; without one the route answers 503.
	Index *search.Index
	// Ingester takes POST /api/pages; without one the route answers 503.
	Ingester Ingester
	// Token is the bearer token POST /api/pages requires. Empty refuses
	// every ingest: writing is never open by default.
	Token string
	// MaxBody bounds a request body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Log receives server errors (5xx); nil discards them.
	Log *slog.Logger
}

// server holds the configuration the handlers share; it is read-only once
// built, so handlers run concurrently without locks.
type server struct {
	st       *store.Store
	index    *search.Index
	ingester Ingester
	token    string
	maxBody  int64
	log      *slog.Logger
}

// route is one pattern the API serves. The OpenAPI document must describe
// exactly these, which a test checks.
type route struct {
	method, path string // path in net/http pattern syntax: /api/articles/{id}
	handle       func(*server, http.ResponseWriter, *http.Request)
}

// routes is every route the API serves, in one place.
var routes = []route{
	{"GET", "/api/articles", (*server).articles},
	{"GET", "/api/articles/{id}", (*server).article},
	{"GET", "/api/events", (*server).events},
	{"GET", "/api/stories", (*server).stories},
	{"GET", "/api/stories/{id}", (*server).story},
	{"GET", "/api/entities", (*server).entities},
	{"GET", "/api/entities/{id}", (*server).entity},
	{"GET", "/api/search", (*server).search},
	{"POST", "/api/pages", (*server).pages},
	{"GET", "/api/openapi.json", (*server).openapi},
}

// New returns the API's handler. Mount it at /api/ (it answers only paths
// under /api/); unknown paths and methods answer JSON 404 and 405.
func New(cfg Config) http.Handler {
	s := &server{
		st:       cfg.Store,
		index:    cfg.Index,
		ingester: cfg.Ingester,
		token:    cfg.Token,
		maxBody:  cfg.MaxBody,
		log:      cfg.Log,
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.log = s.log.With("component", "api")

	return s.recover(jsonMuxErrors(s.mux()))
}

// mux registers every route of routes on a new ServeMux.
func (s *server) mux() *http.ServeMux {
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt.pattern(), func(w http.ResponseWriter, r *http.Request) {
			rt.handle(s, w, r)
		})
	}
	return mux
}

// pattern is the route as net/http registers it.
func (rt route) pattern() string { return rt.method + " " + rt.path }
