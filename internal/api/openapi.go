package api

import (
	_ "embed"
	"net/http"
	"strconv"
)

// openapiDoc is the OpenAPI 3 document describing every route in routes;
// a test holds the two together.
//
//go:embed openapi.json
var openapiDoc []byte

// openapi answers GET /api/openapi.json.
func (s *server) openapi(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(openapiDoc)))
	_, _ = w.Write(openapiDoc)
}
