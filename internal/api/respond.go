package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/marsad/marsad/news"
)

// Page sizes for every listing.
const (
	DefaultLimit = 20
	MaxLimit     = 200
)

// apiError is the body of every error answer.
type apiError struct {
	Error string `json:"error"`
}

// writeJSON answers v as JSON. HTML characters are left as they are (no
// \u003c): the content type says JSON and nosniff keeps browsers from
// reading it as anything else; Arabic is written as UTF-8, never escaped.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only a programming error (an unencodable type) gets here.
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"encode response"}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// writeError answers a JSON error with status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

// fail answers err: a bad parameter is 400, news.ErrNotFound is 404, each
// with its message; anything else is a server error, logged with the request
// and answered without detail.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bad *badParam
	if errors.As(err, &bad) {
		writeError(w, http.StatusBadRequest, bad.Error())
		return
	}
	if errors.Is(err, news.ErrNotFound) {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// badParam is a query parameter the client got wrong: 400.
type badParam struct {
	name, msg string
}

func (e *badParam) Error() string { return fmt.Sprintf("parameter %s: %s", e.name, e.msg) }

// intParam reads an integer query parameter in [lo, hi], def when absent.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &badParam{name, fmt.Sprintf("%q is not an integer", v)}
	}
	if n < lo || n > hi {
		return 0, &badParam{name, fmt.Sprintf("%d is out of range [%d, %d]", n, lo, hi)}
	}
	return n, nil
}

// window is one page of a listing.
type window struct {
	limit, offset int
}

// pageParams reads limit and offset.
func pageParams(r *http.Request) (window, error) {
	limit, err := intParam(r, "limit", DefaultLimit, 1, MaxLimit)
	if err != nil {
		return window{}, err
	}
	offset, err := intParam(r, "offset", 0, 0, 1<<31-1)
	if err != nil {
		return window{}, err
	}
	return window{limit: limit, offset: offset}, nil
}

// slice cuts one page out of all; never nil, so it encodes as [].
func slice[T any](all []T, w window) []T {
	start := min(w.offset, len(all))
	end := min(start+w.limit, len(all))
	return append(make([]T, 0, end-start), all[start:end]...)
}

// list is the shape of every listing.
type list[T any] struct {
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	Items  []T `json:"items"`
}

// jsonMuxErrors answers the mux's own 404 and 405 in JSON, keeping the
// Allow header the mux sets on a 405.
func jsonMuxErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		rec := &headerRecorder{header: http.Header{}, code: http.StatusOK}
		h.ServeHTTP(rec, r)
		switch rec.code {
		case http.StatusNotFound:
			writeError(w, http.StatusNotFound, "no such route: "+r.URL.Path)
		case http.StatusMethodNotAllowed:
			allow := rec.header.Get("Allow")
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, allow))
		default:
			// A redirect or anything else the mux decides: let it answer.
			mux.ServeHTTP(w, r)
		}
	})
}

// headerRecorder notes the status and headers the mux's fallback handler
// would send and drops its plain-text body.
type headerRecorder struct {
	header http.Header
	code   int
}

func (h *headerRecorder) Header() http.Header         { return h.header }
func (h *headerRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (h *headerRecorder) WriteHeader(code int)        { h.code = code }

// recover turns a handler's panic into a logged JSON 500, so one bad
// request does not leave the client with a dropped connection.
func (s *server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.ErrorContext(r.Context(), "handler panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// nonNil returns s, or an empty slice for nil, so lists encode as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
