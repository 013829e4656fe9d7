package api

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// doc is the part of an OpenAPI document the tests read.
type doc struct {
	OpenAPI string                          `json:"openapi"`
	Info    struct{ Title, Version string } `json:"info"`
	Paths   map[string]map[string]operation `json:"paths"`
	Comps   struct {
		Schemas map[string]any `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	} `json:"parameters"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema map[string]any `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

func loadDoc(t *testing.T) doc {
	t.Helper()
	var d doc
	if err := json.Unmarshal(openapiDoc, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return d
}

// TestOpenAPIRoutes checks the document lists exactly the routes the mux
// serves, and that the mux answers each documented route with its pattern.
func TestOpenAPIRoutes(t *testing.T) {
	d := loadDoc(t)
	var documented, served []string
	for path, ops := range d.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	for _, rt := range routes {
		served = append(served, rt.pattern())
	}
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Errorf("documented routes\n\t%v\nserved routes\n\t%v", documented, served)
	}

	// The patterns in routes are what the mux really matches.
	mux := (&server{}).mux()
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, p := range documented {
		method, path, _ := strings.Cut(p, " ")
		r := httptest.NewRequest(method, param.ReplaceAllString(path, "x"), nil)
		if _, pattern := mux.Handler(r); pattern != p {
			t.Errorf("%s is served by pattern %q", p, pattern)
		}
	}
}

// TestOpenAPIValid checks the document's structure: version, every $ref
// resolves, every path parameter is declared, every operation documents
// its success answer with a schema.
func TestOpenAPIValid(t *testing.T) {
	d := loadDoc(t)
	if !strings.HasPrefix(d.OpenAPI, "3.0.") || d.Info.Title == "" || d.Info.Version == "" {
		t.Errorf("openapi %q, info %+v", d.OpenAPI, d.Info)
	}
	var raw any
	if err := json.Unmarshal(openapiDoc, &raw); err != nil {
		t.Fatal(err)
	}
	walk(raw, func(m map[string]any) {
		if ref, ok := m["$ref"].(string); ok {
			name, found := strings.CutPrefix(ref, "#/components/schemas/")
			if _, ok := d.Comps.Schemas[name]; !found || !ok {
				t.Errorf("$ref %s does not resolve", ref)
			}
		}
	})
	param := regexp.MustCompile(`\{([^}]+)\}`)
	for path, ops := range d.Paths {
		for method, op := range ops {
			for _, m := range param.FindAllStringSubmatch(path, -1) {
				if !slices.ContainsFunc(op.Parameters, func(p struct {
					Name     string `json:"name"`
					In       string `json:"in"`
					Required bool   `json:"required"`
				}) bool {
					return p.Name == m[1] && p.In == "path" && p.Required
				}) {
					t.Errorf("%s %s: path parameter %s not declared as required", method, path, m[1])
				}
			}
			ok, found := op.Responses["200"]
			if !found || ok.Content["application/json"].Schema == nil {
				t.Errorf("%s %s: no 200 answer with a JSON schema", method, path)
			}
		}
	}
}

func walk(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(v)
		for _, c := range v {
			walk(c, fn)
		}
	case []any:
		for _, c := range v {
			walk(c, fn)
		}
	}
}

// TestOpenAPIResponses exercises every documented answer of every route
// and checks the real body against the documented schema: each required
// field present, each type as documented, no null where none is allowed.
func TestOpenAPIResponses(t *testing.T) {
	d := loadDoc(t)
	auth := "Authorization: Bearer " + testToken
	ctJSON := "Content-Type: application/json"
	type request struct {
		route  string // as documented: "GET /api/articles/{id}"
		target string
		body   string
		header []string
		status int
		env    string // "", "closed store", "closed index", "no index", "no ingester", "failing ingester"
		method string // the route's when empty
	}
	reqs := []request{
		{route: "GET /api/articles", target: "/api/articles?limit=2", status: 200},
		{route: "GET /api/articles", target: "/api/articles?limit=x", status: 400},
		{route: "GET /api/articles", target: "/api/articles", status: 500, env: "closed store"},
		{route: "GET /api/articles/{id}", target: "/api/articles/a1", status: 200},
		{route: "GET /api/articles/{id}", target: "/api/articles/a4", status: 200},
		{route: "GET /api/articles/{id}", target: "/api/articles/zz", status: 404},
		{route: "GET /api/articles/{id}", target: "/api/articles/a1", status: 500, env: "closed store"},
		{route: "GET /api/events", target: "/api/events", status: 200},
		{route: "GET /api/events", target: "/api/events?offset=-2", status: 400},
		{route: "GET /api/events", target: "/api/events", status: 500, env: "closed store"},
		{route: "GET /api/stories", target: "/api/stories", status: 200},
		{route: "GET /api/stories", target: "/api/stories?limit=0", status: 400},
		{route: "GET /api/stories", target: "/api/stories", status: 500, env: "closed store"},
		{route: "GET /api/stories/{id}", target: "/api/stories/st:kursk", status: 200},
		{route: "GET /api/stories/{id}", target: "/api/stories/st:summit", status: 301, env: "merged story"},
		{route: "GET /api/stories/{id}", target: "/api/stories/st:zz", status: 404},
		{route: "GET /api/stories/{id}", target: "/api/stories/st:kursk", status: 500, env: "closed store"},
		{route: "GET /api/entities", target: "/api/entities", status: 200},
		{route: "GET /api/entities", target: "/api/entities?type=X", status: 400},
		{route: "GET /api/entities", target: "/api/entities", status: 500, env: "closed store"},
		{route: "GET /api/entities/{id}", target: "/api/entities/per:putin", status: 200},
		{route: "GET /api/entities/{id}", target: "/api/entities/org:moh", status: 200},
		{route: "GET /api/entities/{id}", target: "/api/entities/per:putin?offset=x", status: 400},
		{route: "GET /api/entities/{id}", target: "/api/entities/zz", status: 404},
		{route: "GET /api/entities/{id}", target: "/api/entities/per:putin", status: 500, env: "closed store"},
		{route: "GET /api/search", target: "/api/search?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86", status: 200}, // بوتين
		{route: "GET /api/search", target: "/api/search?q=nothingmatches", status: 200},
		{route: "GET /api/search", target: "/api/search?q=date:2015-99", status: 400},
		{route: "GET /api/search", target: "/api/search?q=x", status: 500, env: "closed index"},
		{route: "GET /api/search", target: "/api/search?q=x", status: 503, env: "no index"},
		{route: "POST /api/pages", target: "/api/pages", body: `[{"text": "نص"}]`, header: []string{auth, ctJSON}, status: 200},
		{route: "POST /api/pages", target: "/api/pages", body: `[{"text": ""}]`, header: []string{auth, ctJSON}, status: 400},
		{route: "POST /api/pages", target: "/api/pages", body: `[{"text": "نص"}]`, header: []string{ctJSON}, status: 401},
		{route: "POST /api/pages", target: "/api/pages", body: strings.Repeat("x", 5000), header: []string{auth, "Content-Type: text/plain"}, status: 413},
		{route: "POST /api/pages", target: "/api/pages", body: "x", header: []string{auth, "Content-Type: image/png"}, status: 415},
		{route: "POST /api/pages", target: "/api/pages", body: `{"text": "نص"}`, header: []string{auth, ctJSON}, status: 500, env: "failing ingester"},
		{route: "POST /api/pages", target: "/api/pages", body: `{"text": "نص"}`, header: []string{auth, ctJSON}, status: 503, env: "no ingester"},
		{route: "GET /api/openapi.json", target: "/api/openapi.json", status: 200},
	}
	// Every route answers 405 to a method it does not serve.
	for _, rt := range routes {
		target := regexp.MustCompile(`\{[^}]+\}`).ReplaceAllString(rt.path, "x")
		reqs = append(reqs, request{route: rt.pattern(), target: target, status: 405, method: "DELETE"})
	}

	envs := map[string]func(*testing.T) *env{
		"":             func(t *testing.T) *env { return newEnv(t) },
		"closed store": func(t *testing.T) *env { e := newEnv(t); e.st.Close(); return e },
		"merged story": func(t *testing.T) *env { e := newEnv(t); mergeStory(t, e); return e },
		"closed index": func(t *testing.T) *env { e := newEnv(t); e.index.Close(); return e },
		"no index":     func(t *testing.T) *env { return newEnv(t, func(c *Config) { c.Index = nil }) },
		"no ingester":  func(t *testing.T) *env { return newEnv(t, func(c *Config) { c.Ingester = nil }) },
		"failing ingester": func(t *testing.T) *env {
			e := newEnv(t)
			e.ingest.err = fmt.Errorf("disk full")
			return e
		},
	}
	exercised := map[string]bool{}
	for _, rq := range reqs {
		docMethod, path, _ := strings.Cut(rq.route, " ")
		method := cmpOr(rq.method, docMethod)
		t.Run(fmt.Sprintf("%s %s %d %s", method, rq.target, rq.status, rq.env), func(t *testing.T) {
			e := envs[rq.env](t)
			var body io.Reader
			if rq.body != "" {
				body = strings.NewReader(rq.body)
			}
			w := e.do(t, method, rq.target, body, rq.header...)
			if w.Code != rq.status {
				t.Fatalf("status %d, want %d: %s", w.Code, rq.status, w.Body)
			}
			op := d.Paths[path][strings.ToLower(docMethod)]
			resp, ok := op.Responses[strconv.Itoa(w.Code)]
			if !ok {
				t.Fatalf("answer %d is not documented for %s", w.Code, rq.route)
			}
			schema := resp.Content["application/json"].Schema
			if schema == nil {
				t.Fatalf("answer %d of %s has no JSON schema", w.Code, rq.route)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			var got any
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
				t.Fatalf("body is not JSON: %v", err)
			}
			for _, err := range check(d, schema, got, "$") {
				t.Error(err)
			}
			exercised[rq.route+" "+strconv.Itoa(rq.status)] = true
		})
	}
	// Every documented answer of every route was exercised above.
	for path, ops := range d.Paths {
		for method, op := range ops {
			for status := range op.Responses {
				if k := strings.ToUpper(method) + " " + path + " " + status; !exercised[k] {
					t.Errorf("documented answer %s is not exercised", k)
				}
			}
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// check validates v against an OpenAPI schema (the subset the document
// uses: $ref, allOf, oneOf, type, required, properties, items,
// additionalProperties, enum, nullable) and returns what does not hold.
func check(d doc, schema map[string]any, v any, at string) []error {
	if ref, ok := schema["$ref"].(string); ok {
		s, _ := d.Comps.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
		if s == nil {
			return []error{fmt.Errorf("%s: $ref %s does not resolve", at, ref)}
		}
		return check(d, s, v, at)
	}
	if all, ok := schema["allOf"].([]any); ok {
		// The parts are objects: merged, so each part's fields are known.
		merged := map[string]any{"type": "object"}
		props, req := map[string]any{}, []any{}
		for _, part := range all {
			ps := part.(map[string]any)
			if ref, ok := ps["$ref"].(string); ok {
				ps, _ = d.Comps.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
			}
			for k, v := range ps["properties"].(map[string]any) {
				props[k] = v
			}
			r, _ := ps["required"].([]any)
			req = append(req, r...)
		}
		merged["properties"], merged["required"] = props, req
		return check(d, merged, v, at)
	}
	var errs []error
	if one, ok := schema["oneOf"].([]any); ok {
		for _, s := range one {
			if len(check(d, s.(map[string]any), v, at)) == 0 {
				return nil
			}
		}
		return []error{fmt.Errorf("%s: matches none of oneOf", at)}
	}
	if v == nil {
		if schema["nullable"] == true {
			return nil
		}
		return []error{fmt.Errorf("%s: null", at)}
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		errs = append(errs, fmt.Errorf("%s: %v is not one of %v", at, v, enum))
	}
	typ, _ := schema["type"].(string)
	switch typ {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return append(errs, fmt.Errorf("%s: %T, want object", at, v))
		}
		req, _ := schema["required"].([]any)
		for _, name := range req {
			if _, ok := obj[name.(string)]; !ok {
				errs = append(errs, fmt.Errorf("%s: required field %s missing", at, name))
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for name, val := range obj {
			if ps, ok := props[name].(map[string]any); ok {
				errs = append(errs, check(d, ps, val, at+"."+name)...)
			} else if ap, ok := schema["additionalProperties"].(map[string]any); ok {
				errs = append(errs, check(d, ap, val, at+"."+name)...)
			} else if props != nil {
				errs = append(errs, fmt.Errorf("%s: field %s is not documented", at, name))
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return append(errs, fmt.Errorf("%s: %T, want array", at, v))
		}
		items, _ := schema["items"].(map[string]any)
		for i, it := range arr {
			errs = append(errs, check(d, items, it, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		if _, ok := v.(string); !ok {
			errs = append(errs, fmt.Errorf("%s: %T, want string", at, v))
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			errs = append(errs, fmt.Errorf("%s: %v, want integer", at, v))
		}
	case "number":
		if _, ok := v.(float64); !ok {
			errs = append(errs, fmt.Errorf("%s: %T, want number", at, v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			errs = append(errs, fmt.Errorf("%s: %T, want boolean", at, v))
		}
	}
	return errs
}

// TestCheck makes sure the schema check used above can fail.
func TestCheck(t *testing.T) {
	d := loadDoc(t)
	ref := map[string]any{"$ref": "#/components/schemas/ArticleList"}
	tests := []struct {
		name string
		body string
		ok   bool
	}{
		{"valid", `{"total": 1, "limit": 20, "offset": 0, "items": [{"id": "a", "title": "عنوان", "source": "", "published": "", "lang": "ar"}]}`, true},
		{"required field missing", `{"total": 1, "limit": 20, "offset": 0, "items": [{"id": "a", "source": "", "published": "", "lang": "ar"}]}`, false},
		{"null list", `{"total": 0, "limit": 20, "offset": 0, "items": null}`, false},
		{"wrong type", `{"total": "1", "limit": 20, "offset": 0, "items": []}`, false},
		{"undocumented field", `{"total": 0, "limit": 20, "offset": 0, "items": [], "extra": 1}`, false},
	}
	for _, tt := range tests {
		var v any
		if err := json.Unmarshal([]byte(tt.body), &v); err != nil {
			t.Fatal(err)
		}
		if errs := check(d, ref, v, "$"); (len(errs) == 0) != tt.ok {
			t.Errorf("%s: errors %v, want ok=%v", tt.name, errs, tt.ok)
		}
	}
}
