package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

const testToken = "s3cret-token"

// mention marks the first occurrence of text in body, with rune offsets as
// the analysis stage writes them.
func mention(body, text, typ, id, name string) news.Mention {
	i := strings.Index(body, text)
	if i < 0 {
		panic("mention " + text + " not in text")
	}
	start := utf8.RuneCountInString(body[:i])
	return news.Mention{Text: text, Type: typ, ID: id, Name: name, Start: start, End: start + utf8.RuneCountInString(text)}
}

// fixture is one story of two events told by three outlets, and one
// article outside any story.
func fixture() []news.Article {
	t1 := "قال الرئيس الروسي بوتين إن كيم جونغ أون صديق حقيقي لروسيا. وقال بوتين: «نشكر الشعب الكوري»."
	t2 := "شكر الرئيس بوتن الزعيم الكوري كيم جونغ-أون على دعمه. وقال كيم إن المفاوضات مستمرة. (رويترز)"
	t3 := "هنأ كيم جونغ أون الرئيس بوتين بالعام الجديد في رسالة رسمية."
	t4 := "أعلنت وزارة الصحة السعودية عن حملة جديدة للتطعيم في الرياض."
	return []news.Article{
		{ID: "a1", Page: "p1", Origin: "seeds/a1.txt", Title: "بوتين يشكر كيم", Text: t1, Lang: "ar",
			Source: "الجزيرة", Published: "2025-12-19", URL: "https://example.com/a1", Event: "ev:thanks", Story: "st:kursk",
			Entities: []news.Mention{
				mention(t1, "بوتين", news.PER, "per:putin", "فلاديمير بوتين"),
				mention(t1, "كيم جونغ أون", news.PER, "per:kim", "كيم جونغ أون"),
			},
			Quotes: []news.Quote{{Text: "نشكر الشعب الكوري", Speaker: "بوتين", SpeakerID: "per:putin", Verb: "قال", Direct: true}}},
		{ID: "a2", Page: "p2", Origin: "seeds/a2.txt", Title: "الكرملين: بوتن يشكر كيم جونغ-أون", Text: t2, Lang: "ar",
			Source: "العربية", Published: "2025-12-19T01:00:00+03:00", Event: "ev:thanks", Story: "st:kursk", DuplicateOf: "a1",
			Entities: []news.Mention{
				mention(t2, "بوتن", news.PER, "per:putin", "فلاديمير بوتين"),
				mention(t2, "كيم جونغ-أون", news.PER, "per:kim", "كيم جونغ أون"),
			},
			Quotes: []news.Quote{{Text: "المفاوضات مستمرة", Speaker: "كيم", SpeakerID: "per:kim", Verb: "قال"}}},
		{ID: "a3", Page: "p3", Origin: "seeds/a3.txt", Title: "كيم يهنئ بوتين بالعام الجديد", Text: t3, Lang: "ar",
			Source: "اليوم السابع", Published: "2026-01-01", Event: "ev:newyear", Story: "st:kursk",
			Entities: []news.Mention{
				mention(t3, "كيم جونغ أون", news.PER, "per:kim", "كيم جونغ أون"),
				mention(t3, "بوتين", news.PER, "per:putin", "فلاديمير بوتين"),
			}},
		{ID: "a4", Page: "p4", Origin: "seeds/a4.txt", Title: "حملة تطعيم", Text: t4, Lang: "ar",
			Source: "سبق", Published: "2015-07-21",
			Entities: []news.Mention{
				mention(t4, "وزارة الصحة", news.ORG, "org:moh", "وزارة الصحة"),
				mention(t4, "الرياض", news.LOC, "loc:riyadh", "الرياض"),
			}},
	}
}

// fakeIngester records the pages it is given.
type fakeIngester struct {
	mu    sync.Mutex
	pages []news.Page
	err   error
}

func (f *fakeIngester) Ingest(ctx context.Context, pages []news.Page) (Summary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return Summary{}, f.err
	}
	f.pages = append(f.pages, pages...)
	return Summary{Pages: len(pages), Articles: len(pages), Stored: len(pages)}, nil
}

// env is an API over a real store and index holding fixture().
type env struct {
	st     *store.Store
	index  *search.Index
	ingest *fakeIngester
	logs   *bytes.Buffer
	cfg    Config
	h      http.Handler
}

// newEnv opens a store and an index in a temporary directory, fills them
// with fixture() and serves the API over them; edit changes the config.
func newEnv(t *testing.T, edit ...func(*Config)) *env {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, filepath.Join(dir, "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ix, err := search.Open(filepath.Join(dir, "search"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	arts := fixture()
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddSightings(ctx, []news.Sighting{{Article: "a1", Origin: "seeds/copy.txt", Source: "الجزيرة نت", URL: "https://example.org/copy", Published: "2025-12-19"}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	e := &env{st: st, index: ix, ingest: &fakeIngester{}, logs: &bytes.Buffer{}}
	e.cfg = Config{Store: st, Index: ix, Ingester: e.ingest, Token: testToken, MaxBody: 4096,
		Log: slog.New(slog.NewTextHandler(e.logs, nil))}
	for _, f := range edit {
		f(&e.cfg)
	}
	e.h = New(e.cfg)
	return e
}

// do serves one request; header holds "Name: value" lines.
func (e *env) do(t *testing.T, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	for _, h := range header {
		k, v, _ := strings.Cut(h, ": ")
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

// get serves a GET, checks the status and a JSON content type, and decodes
// the body into v (when not nil).
func (e *env) get(t *testing.T, target string, status int, v any) *httptest.ResponseRecorder {
	t.Helper()
	w := e.do(t, "GET", target, nil)
	checkJSON(t, w, status, v)
	return w
}

func checkJSON(t *testing.T, w *httptest.ResponseRecorder, status int, v any) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d; body %s", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if status >= 400 {
		var e apiError
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
			t.Errorf("error body %s is not {\"error\": ...}", w.Body)
		}
	}
	if v != nil {
		if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
			t.Fatalf("decode %s: %v", w.Body, err)
		}
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func TestArticles(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name   string
		query  string
		status int
		total  int
		want   []string
	}{
		{"default page", "", 200, 4, []string{"a1", "a2", "a3", "a4"}},
		{"limit and offset", "?limit=2&offset=1", 200, 4, []string{"a2", "a3"}},
		{"largest limit", "?limit=200", 200, 4, []string{"a1", "a2", "a3", "a4"}},
		{"offset past the end", "?offset=10", 200, 4, []string{}},
		{"by Arabic source", "?source=" + "%D8%B3%D8%A8%D9%82", 200, 1, []string{"a4"}}, // سبق
		{"by story, paged", "?story=st:kursk&limit=1", 200, 3, []string{"a1"}},
		{"by event", "?event=ev:thanks", 200, 2, []string{"a1", "a2"}},
		{"unknown story", "?story=st:none", 200, 0, []string{}},
		{"limit zero", "?limit=0", 400, 0, nil},
		{"limit over max", "?limit=201", 400, 0, nil},
		{"limit not a number", "?limit=عشرون", 400, 0, nil},
		{"negative offset", "?offset=-1", 400, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got list[articleSummary]
			e.get(t, "/api/articles"+tt.query, tt.status, &got)
			if tt.status != 200 {
				return
			}
			if got.Total != tt.total {
				t.Errorf("total %d, want %d", got.Total, tt.total)
			}
			if g := ids(got.Items, func(a articleSummary) string { return a.ID }); strings.Join(g, ",") != strings.Join(tt.want, ",") {
				t.Errorf("items %v, want %v", g, tt.want)
			}
		})
	}
}

func TestArticlesDefaultLimit(t *testing.T) {
	e := newEnv(t)
	var many []news.Article
	for i := range 25 {
		many = append(many, news.Article{ID: news.ContentID("خبر", strings.Repeat("نص ", i+1)), Title: "خبر", Text: strings.Repeat("نص ", i+1), Source: "سبق"})
	}
	if _, err := e.st.PutArticles(context.Background(), many); err != nil {
		t.Fatal(err)
	}
	var got list[articleSummary]
	e.get(t, "/api/articles", 200, &got)
	if got.Total != 29 || len(got.Items) != DefaultLimit || got.Limit != DefaultLimit {
		t.Errorf("total %d, %d items, limit %d; want 29, %d, %d", got.Total, len(got.Items), got.Limit, DefaultLimit, DefaultLimit)
	}
}

func TestArticle(t *testing.T) {
	e := newEnv(t)
	var got articleDetail
	w := e.get(t, "/api/articles/a1", 200, &got)
	if got.Title != "بوتين يشكر كيم" || len(got.Entities) != 2 || len(got.Quotes) != 1 {
		t.Errorf("article %+v", got.Article)
	}
	if len(got.Sightings) != 2 || got.Sightings[1].Origin != "seeds/copy.txt" {
		t.Errorf("sightings %+v, want the article's own and seeds/copy.txt", got.Sightings)
	}
	// Arabic is written as UTF-8, not \u escapes.
	if !strings.Contains(w.Body.String(), "بوتين يشكر كيم") {
		t.Errorf("body does not hold the Arabic title verbatim: %.200s", w.Body)
	}

	// The agency the text credits, computed on read; none, none written.
	if strings.Contains(w.Body.String(), `"wire"`) {
		t.Errorf("a1 credits no agency, yet the body has a wire: %.300s", w.Body)
	}
	e.get(t, "/api/articles/a2", 200, &got)
	if got.Wire != "رويترز" {
		t.Errorf("a2 wire %q, want رويترز", got.Wire)
	}
	var l list[articleSummary]
	e.get(t, "/api/articles", 200, &l)
	for _, a := range l.Items {
		if want := map[string]string{"a2": "رويترز"}[a.ID]; a.Wire != want {
			t.Errorf("listing: %s wire %q, want %q", a.ID, a.Wire, want)
		}
	}

	e.get(t, "/api/articles/nope", 404, nil)
}

func TestEvents(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		query  string
		status int
		want   []string
	}{
		{"", 200, []string{"ev:thanks", "ev:newyear"}},
		{"?story=st:kursk&limit=1&offset=1", 200, []string{"ev:newyear"}},
		{"?story=st:none", 200, []string{}},
		{"?limit=500", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got list[news.Event]
			e.get(t, "/api/events"+tt.query, tt.status, &got)
			if g := ids(got.Items, func(e news.Event) string { return e.ID }); tt.status == 200 && strings.Join(g, ",") != strings.Join(tt.want, ",") {
				t.Errorf("events %v, want %v", g, tt.want)
			}
		})
	}
	var got list[news.Event]
	e.get(t, "/api/events?story=st:kursk", 200, &got)
	if ev := got.Items[0]; ev.FirstReport != "a2" || strings.Join(ev.Sources, ",") != "الجزيرة,العربية" {
		t.Errorf("ev:thanks first report %s, sources %v; want a2 (published first) and both outlets", ev.FirstReport, ev.Sources)
	}
}

func TestStories(t *testing.T) {
	e := newEnv(t)
	var got list[storyView]
	e.get(t, "/api/stories", 200, &got)
	if got.Total != 1 || len(got.Items) != 1 {
		t.Fatalf("stories %+v, want st:kursk alone", got)
	}
	s := got.Items[0]
	if s.ID != "st:kursk" || s.ArticleCount != 3 || len(s.Events) != 2 || len(s.Sources) != 3 {
		t.Errorf("story %+v", s)
	}
	if s.FirstReport != "a2" || s.FirstReportArticle == nil || s.FirstReportArticle.Source != "العربية" {
		t.Errorf("first report %s %+v, want a2 from العربية", s.FirstReport, s.FirstReportArticle)
	}
	e.get(t, "/api/stories?offset=1", 200, &got)
	if len(got.Items) != 0 {
		t.Errorf("offset past the end: %d items", len(got.Items))
	}
	e.get(t, "/api/stories?limit=-3", 400, nil)
}

func TestStory(t *testing.T) {
	e := newEnv(t)
	var got storyDetail
	e.get(t, "/api/stories/st:kursk", 200, &got)
	if g := ids(got.Articles, func(a articleSummary) string { return a.ID }); strings.Join(g, ",") != "a2,a1,a3" {
		t.Errorf("articles %v, want a2,a1,a3 (by publication)", g)
	}
	if len(got.Quotes) != 2 || len(got.Entities) != 2 || got.Entities[0].Articles != 3 {
		t.Errorf("quotes %+v entities %+v", got.Quotes, got.Entities)
	}
	e.get(t, "/api/stories/st:none", 404, nil)

	// A story emptied by a merge of events answers where its articles went.
	mergeStory(t, e)
	var moved storyMoved
	w := e.get(t, "/api/stories/st:summit", 301, &moved)
	if loc := w.Header().Get("Location"); loc != "/api/stories/st:kursk" || moved.MovedTo != "st:kursk" {
		t.Errorf("moved story: Location %q, body %+v; want /api/stories/st:kursk", loc, moved)
	}
}

// mergeStory stores story st:summit, then finds its one event part of
// ev:thanks (story st:kursk), which empties it.
func mergeStory(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	if _, err := e.st.PutArticles(ctx, []news.Article{{ID: "a5", Title: "قمة", Text: "قمة في موسكو.", Event: "ev:summit", Story: "st:summit"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.Revise(ctx, news.Revisions{Merges: []news.EventMerge{{From: "ev:summit", Into: "ev:thanks", Story: "st:kursk"}}}); err != nil {
		t.Fatal(err)
	}
}

func TestEntities(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		query  string
		status int
		want   []string
	}{
		{"", 200, []string{"per:kim", "per:putin", "loc:riyadh", "org:moh"}},
		{"?type=PER", 200, []string{"per:kim", "per:putin"}},
		{"?type=LOC&limit=5", 200, []string{"loc:riyadh"}},
		{"?limit=1&offset=1", 200, []string{"per:putin"}},
		{"?type=شخص", 400, nil},
		{"?limit=1000", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got list[news.Entity]
			e.get(t, "/api/entities"+tt.query, tt.status, &got)
			if g := ids(got.Items, func(e news.Entity) string { return e.ID }); tt.status == 200 && strings.Join(g, ",") != strings.Join(tt.want, ",") {
				t.Errorf("entities %v, want %v", g, tt.want)
			}
		})
	}
}

func TestEntity(t *testing.T) {
	e := newEnv(t)
	var got entityDetail
	e.get(t, "/api/entities/per:putin", 200, &got)
	if got.Name != "فلاديمير بوتين" || got.Mentions != 3 || got.ArticleCount != 3 {
		t.Errorf("entity %+v", got)
	}
	if len(got.Variants) != 2 || got.Variants[0] != (variantCount{"بوتين", 2}) || got.Variants[1] != (variantCount{"بوتن", 1}) {
		t.Errorf("variants %+v", got.Variants)
	}
	if g := ids(got.Articles, func(a articleSummary) string { return a.ID }); strings.Join(g, ",") != "a3,a1,a2" {
		t.Errorf("articles %v, want newest first a3,a1,a2", g)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].Text != "نشكر الشعب الكوري" || got.Quotes[0].Article != "a1" {
		t.Errorf("quotes %+v, want Putin's one quote in a1", got.Quotes)
	}
	if len(got.Timeline) != 2 || got.Timeline[0] != (store.DayCount{Day: "2025-12-19", Count: 2}) {
		t.Errorf("timeline %+v", got.Timeline)
	}

	e.get(t, "/api/entities/per:putin?limit=1&offset=1", 200, &got)
	if len(got.Articles) != 1 || got.Articles[0].ID != "a1" {
		t.Errorf("second page %+v", got.Articles)
	}
	e.get(t, "/api/entities/per:kim", 200, &got)
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker != "كيم" {
		t.Errorf("Kim's quotes %+v", got.Quotes)
	}
	e.get(t, "/api/entities/per:nobody", 404, nil)
	e.get(t, "/api/entities/per:putin?limit=0", 400, nil)
}

func TestSearch(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name   string
		query  string
		status int
		total  int
	}{
		{"definite article and plural", "?q=" + "%D8%A7%D9%84%D9%85%D9%81%D8%A7%D9%88%D8%B6%D8%A7%D8%AA", 200, 1}, // المفاوضات
		{"everything, paged", "?size=1&from=1", 200, 4},
		{"entity filter", "?q=entity:per:kim", 200, 3},
		{"bad date", "?q=date:2015-13-45", 400, 0},
		{"size zero", "?size=0", 400, 0},
		{"size over max", "?size=201", 400, 0},
		{"negative from", "?from=-1", 400, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got search.Result
			e.get(t, "/api/search"+tt.query, tt.status, &got)
			if tt.status != 200 {
				return
			}
			if got.Total != tt.total {
				t.Errorf("total %d, want %d", got.Total, tt.total)
			}
			if got.Facets == nil || len(got.Facets.Sources) == 0 {
				t.Errorf("facets %+v, want outlet counts", got.Facets)
			}
		})
	}
	var got search.Result
	e.get(t, "/api/search?q=entity:per:kim&size=1", 200, &got)
	if len(got.Hits) != 1 {
		t.Errorf("%d hits with size=1", len(got.Hits))
	}

	noIndex := newEnv(t, func(c *Config) { c.Index = nil })
	noIndex.get(t, "/api/search?q=x", 503, nil)
}

func TestMuxErrors(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "DELETE", "/api/articles/a1", nil)
	checkJSON(t, w, 405, nil)
	if allow := w.Header().Get("Allow"); !strings.Contains(allow, "GET") {
		t.Errorf("Allow %q, want GET", allow)
	}
	checkJSON(t, e.do(t, "GET", "/api/pages", nil), 405, nil)
	checkJSON(t, e.do(t, "GET", "/api/nothing", nil), 404, nil)
	checkJSON(t, e.do(t, "GET", "/api/articles/a1/extra", nil), 404, nil)
}

func TestServerErrorLogged(t *testing.T) {
	e := newEnv(t)
	e.st.Close()
	for _, target := range []string{"/api/articles", "/api/articles/a1", "/api/stories", "/api/entities/per:kim"} {
		e.logs.Reset()
		var got apiError
		e.get(t, target, 500, &got)
		if got.Error != "internal error" {
			t.Errorf("%s: error %q leaks detail", target, got.Error)
		}
		if !strings.Contains(e.logs.String(), "request failed") || !strings.Contains(e.logs.String(), target) {
			t.Errorf("%s: log %q", target, e.logs)
		}
	}
}

// TestRequestContext checks handlers pass the request's context to the
// store: a cancelled request reads nothing.
func TestRequestContext(t *testing.T) {
	e := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequestWithContext(ctx, "GET", "/api/articles", nil)
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	if w.Code != 500 || !strings.Contains(e.logs.String(), "context canceled") {
		t.Errorf("status %d, log %q; want 500 with context canceled", w.Code, e.logs)
	}
}
