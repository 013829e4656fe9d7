// Package web is marsad's analyst UI: server-rendered, Arabic and
// right-to-left pages over the store and the search index (home, story,
// article, entity, search), with their templates, stylesheet and font
// embedded in the binary.
//
// It only reads: it never writes to the store or the index, and it holds no
// state of its own beyond the parsed templates. Every piece of article text
// reaches the page through html/template escaping or through markup, which
// escapes it too; nothing from an article is ever trusted as HTML.
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Config is what the UI needs, built by the caller.
type Config struct {
	Store *store.Store
	// Index may be nil: the search page then says search is unavailable,
	// and entity pages read the store instead.
	Index *search.Index
	// Log receives errors that end a request with a 500; nil discards.
	Log *slog.Logger
}

// server holds the handlers' dependencies.
type server struct {
	store *store.Store
	index *search.Index
	log   *slog.Logger
	pages map[string]*template.Template
}

// New parses every template and returns the UI's handler. A template that
// does not parse is an error here, at start-up, never on a request.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := parseTemplates(templateFiles)
	if err != nil {
		return nil, err
	}
	s := &server{store: cfg.Store, index: cfg.Index, log: log.With("component", "web"), pages: pages}

	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /stories/{id}", s.story)
	mux.HandleFunc("GET /articles/{id}", s.article)
	mux.HandleFunc("GET /entities/{id}", s.entity)
	mux.HandleFunc("GET /search", s.search)
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(http.FileServerFS(static))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.notFound(w, r)
	})
	return secure(mux), nil
}

// secure sets the headers every page carries. The content security policy
// is a second wall behind escaping: even if article text slipped through as
// markup, no inline script or foreign resource would run.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy",
			"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// cacheFor lets browsers keep the embedded assets for a day: they change
// only with the binary.
func cacheFor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}

// frame is what the layout reads from every page's data.
type frame struct {
	Title string // the document title, before " — مرصد"
	Q     string // the search box's value
}

// errorPage is the data of the error template.
type errorPage struct {
	frame
	Status  int
	Message string
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	t, ok := s.pages[page]
	if !ok {
		s.fail(w, r, fmt.Errorf("no template %q", page))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.fail(w, r, fmt.Errorf("render %s: %w", page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// fail logs err and answers 500, or 404 when err is a not-found.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, news.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if r.Context().Err() != nil {
		return // the client went away; nothing to tell it
	}
	s.log.Error("request failed", "path", r.URL.Path, "err", err)
	s.showError(w, r, http.StatusInternalServerError, "حدث خطأ داخلي أثناء إعداد الصفحة.")
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.showError(w, r, http.StatusNotFound, "الصفحة المطلوبة غير موجودة.")
}

// showError renders the error page; if even that fails, plain text.
func (s *server) showError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	var buf bytes.Buffer
	data := errorPage{frame: frame{Title: "خطأ", Q: r.URL.Query().Get("q")}, Status: status, Message: msg}
	if err := s.pages["error"].ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}
