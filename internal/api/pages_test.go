package api

import (
	"errors"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

func TestPagesAuth(t *testing.T) {
	body := `{"text": "قال بوتين إن العلاقات قوية."}`
	tests := []struct {
		name   string
		token  string // configured
		header string // Authorization
		status int
	}{
		{"no token configured", "", "Bearer ", 401},
		{"no token configured, any sent", "", "Bearer anything", 401},
		{"no header", testToken, "", 401},
		{"wrong token", testToken, "Bearer wrong", 401},
		{"right token, wrong scheme", testToken, "Basic " + testToken, 401},
		{"token as a prefix", testToken, "Bearer " + testToken + "x", 401},
		{"right token", testToken, "Bearer " + testToken, 200},
		{"scheme in any case", testToken, "bearer " + testToken, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, func(c *Config) { c.Token = tt.token })
			h := []string{"Content-Type: application/json"}
			if tt.header != "" {
				h = append(h, "Authorization: "+tt.header)
			}
			w := e.do(t, "POST", "/api/pages", strings.NewReader(body), h...)
			checkJSON(t, w, tt.status, nil)
			if tt.status == 401 {
				if len(e.ingest.pages) != 0 {
					t.Errorf("refused request ingested %d pages", len(e.ingest.pages))
				}
				if w.Header().Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			}
		})
	}
}

func TestPages(t *testing.T) {
	auth := "Authorization: Bearer " + testToken
	tests := []struct {
		name   string
		target string
		ctype  string
		body   string
		status int
		want   []news.Page // Kind, Name, Origin and Record or Body compared
	}{
		{"array of objects", "/api/pages", "application/json",
			`[{"title": "بوتين يشكر كيم", "text": "شكر بوتين كيم.", "source": "الجزيرة", "url": "https://example.com/1", "published": "2025-12-19"},
			  {"text": "نص ثان"}]`, 200,
			[]news.Page{
				{Kind: news.KindRecord, Name: "api", Origin: "api:api#0", Record: &news.Record{Title: "بوتين يشكر كيم", Text: "شكر بوتين كيم.", Source: "الجزيرة", URL: "https://example.com/1", Published: "2025-12-19"}},
				{Kind: news.KindRecord, Name: "api", Origin: "api:api#1", Record: &news.Record{Text: "نص ثان"}},
			}},
		{"one object, named", "/api/pages?name=feed", "application/json; charset=utf-8", `{"text": "نص واحد"}`, 200,
			[]news.Page{{Kind: news.KindRecord, Name: "feed", Origin: "api:feed#0", Record: &news.Record{Text: "نص واحد"}}}},
		{"plain text", "/api/pages?name=page.txt", "text/plain; charset=utf-8", "بوتين يشكر كيم\nالرئيسية | أخبار\nنص الخبر.", 200,
			[]news.Page{{Kind: news.KindText, Name: "page.txt", Origin: "api:page.txt", Body: []byte("بوتين يشكر كيم\nالرئيسية | أخبار\nنص الخبر.")}}},
		{"html", "/api/pages?name=page.html", "text/html", "<html><body><p>نص</p></body></html>", 200,
			[]news.Page{{Kind: news.KindHTML, Name: "page.html", Origin: "api:page.html", Body: []byte("<html><body><p>نص</p></body></html>")}}},
		{"unknown field", "/api/pages", "application/json", `{"txet": "نص"}`, 400, nil},
		{"no text", "/api/pages", "application/json", `[{"title": "عنوان"}]`, 400, nil},
		{"empty array", "/api/pages", "application/json", `[]`, 400, nil},
		{"malformed JSON", "/api/pages", "application/json", `[{"text": "نص"`, 400, nil},
		{"two values", "/api/pages", "application/json", `{"text": "أ"} {"text": "ب"}`, 400, nil},
		{"bad date", "/api/pages", "application/json", `{"text": "نص", "published": "أمس"}`, 400, nil},
		{"empty body", "/api/pages", "text/plain", "  \n", 400, nil},
		{"not UTF-8", "/api/pages", "text/plain", "\xff\xfe\x00", 400, nil},
		{"unsupported type", "/api/pages", "application/xml", "<a/>", 415, nil},
		{"no type", "/api/pages", "", "نص", 415, nil},
		{"too large", "/api/pages", "text/plain", strings.Repeat("ن", 4096), 413, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			h := []string{auth}
			if tt.ctype != "" {
				h = append(h, "Content-Type: "+tt.ctype)
			}
			var sum Summary
			checkJSON(t, e.do(t, "POST", tt.target, strings.NewReader(tt.body), h...), tt.status, &sum)
			if tt.status != 200 {
				if len(e.ingest.pages) != 0 {
					t.Errorf("ingested %d pages from a refused request", len(e.ingest.pages))
				}
				return
			}
			if sum.Pages != len(tt.want) {
				t.Errorf("summary %+v, want %d pages", sum, len(tt.want))
			}
			if len(e.ingest.pages) != len(tt.want) {
				t.Fatalf("ingested %d pages, want %d", len(e.ingest.pages), len(tt.want))
			}
			for i, got := range e.ingest.pages {
				want := tt.want[i]
				if got.Kind != want.Kind || got.Name != want.Name || got.Origin != want.Origin || string(got.Body) != string(want.Body) || got.Fetched.IsZero() {
					t.Errorf("page %d = %+v, want %+v", i, got, want)
				}
				if (got.Record == nil) != (want.Record == nil) || got.Record != nil && *got.Record != *want.Record {
					t.Errorf("page %d record %+v, want %+v", i, got.Record, want.Record)
				}
			}
		})
	}
}

func TestPagesIngestError(t *testing.T) {
	e := newEnv(t)
	e.ingest.err = errors.New("disk full")
	w := e.do(t, "POST", "/api/pages", strings.NewReader(`{"text": "نص"}`), "Authorization: Bearer "+testToken, "Content-Type: application/json")
	checkJSON(t, w, 500, nil)
	if strings.Contains(w.Body.String(), "disk full") || !strings.Contains(e.logs.String(), "disk full") {
		t.Errorf("body %s, log %s: want the cause logged, not answered", w.Body, e.logs)
	}

	noIngest := newEnv(t, func(c *Config) { c.Ingester = nil })
	checkJSON(t, noIngest.do(t, "POST", "/api/pages", strings.NewReader(`{"text": "نص"}`), "Authorization: Bearer "+testToken, "Content-Type: application/json"), 503, nil)
}
