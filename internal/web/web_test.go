package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

// at returns the rune offsets of the first occurrence of part in text.
func at(text, part string) (start, end int) {
	i := strings.Index(text, part)
	if i < 0 {
		panic(part + " not in text")
	}
	start = utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(part)
}

func mention(text, part, typ, id, name string) news.Mention {
	s, e := at(text, part)
	return news.Mention{Text: part, Type: typ, ID: id, Name: name, Start: s, End: e}
}

const (
	zelText = "أعلن الرئيس الأوكراني زيلينسكي أن كوريا الشمالية أرسلت 11 ألف جندي إلى روسيا.\nوقال زيلينسكي في كييف يوم 1 نوفمبر: «لن نسمح بذلك»."
	intText = "قالت الاستخبارات الكورية الجنوبية إن كوريا الشمالية أرسلت 12 ألف جندي إلى روسيا لدعم قواتها."
	// hostileText holds markup and a right-to-left override, which must
	// reach the page as inert text.
	hostileText = "نص فيه <script>alert(1)</script> و<b>وسم</b> ثم \u202Eمعكوس\u202C انتهى."
)

// fixture is a story of two events (one with a copy), and an article with
// hostile text outside any story.
func fixture() []news.Article {
	a1 := news.Article{
		ID: "a1", Page: "a1.html", Title: "زيلينسكي: 11 ألف جندي كوري شمالي في روسيا", Text: zelText,
		Captions: []string{"جنود كوريون شماليون في تدريب مع 3 دبابات"},
		Removed: []news.RemovedLine{
			{Text: "اقرأ أيضاً: آخر أخبار الحرب", Reason: "related"},
			{Text: "شارك على فيسبوك", Reason: "share"},
		},
		Lang: "ar", Published: "2024-11-01T09:30:00", Source: "الجزيرة", URL: "https://www.aljazeera.net/news/a1",
		Entities: []news.Mention{
			mention(zelText, "زيلينسكي", news.PER, "per-zel", "فولوديمير زيلينسكي"),
			mention(zelText, "كوريا الشمالية", news.LOC, "loc-nk", "كوريا الشمالية"),
			mention(zelText, "روسيا", news.LOC, "loc-ru", "روسيا"),
			mention(zelText, "كييف", news.LOC, "loc-kyiv", "كييف"),
		},
		Quotes: []news.Quote{{Text: "لن نسمح بذلك", Speaker: "زيلينسكي", SpeakerID: "per-zel", Verb: "قال", Direct: true}},
		Quantities: []news.Quantity{
			{Text: "11 ألف جندي", Min: 11000, Max: 11000, Unit: "جندي", Qualifier: news.Exact},
			{Text: "3 دبابات", Min: 3, Max: 3, Unit: "دبابة", Qualifier: news.Exact, Caption: 1},
		},
		Dates: []news.TimeExpr{{Text: "1 نوفمبر", Value: "2024-11-01"}},
		Event: "ev-send", Story: "st-troops",
	}
	// The second mention of زيلينسكي, in the second line.
	second := strings.Index(zelText, "وقال زيلينسكي") + len("وقال ")
	s2 := utf8.RuneCountInString(zelText[:second])
	a1.Entities = append(a1.Entities, news.Mention{Text: "زيلينسكي", Type: news.PER, ID: "per-zel", Name: "فولوديمير زيلينسكي", Start: s2, End: s2 + utf8.RuneCountInString("زيلينسكي")})
	a1.Quantities[0].Start, a1.Quantities[0].End = at(zelText, "11 ألف جندي")
	a1.Quantities[1].Start, a1.Quantities[1].End = at(a1.Captions[0], "3 دبابات")
	a1.Dates[0].Start, a1.Dates[0].End = at(zelText, "1 نوفمبر")

	cp := a1
	cp.ID, cp.Page, cp.Source, cp.URL, cp.DuplicateOf = "a1c", "a1c.html", "اليوم السابع", "https://www.youm7.com/a1c", "a1"
	cp.Published = "2024-11-01T11:00:00"

	a2 := news.Article{
		ID: "a2", Page: "a2.html", Title: "سيول: 12 ألف جندي من كوريا الشمالية في روسيا", Text: intText,
		Lang: "ar", Published: "2024-11-02", Source: "العربية",
		Entities: []news.Mention{
			mention(intText, "كوريا الشمالية", news.LOC, "loc-nk", "كوريا الشمالية"),
			mention(intText, "روسيا", news.LOC, "loc-ru", "روسيا"),
		},
		Quantities: []news.Quantity{{Text: "12 ألف جندي", Min: 12000, Max: 12000, Unit: "جندي", Qualifier: news.Exact}},
		Event:      "ev-intel", Story: "st-troops",
	}
	a2.Quantities[0].Start, a2.Quantities[0].End = at(intText, "12 ألف جندي")

	h := news.Article{
		ID: "h1", Page: "h1.html", Title: "عنوان <script>alert(2)</script>", Text: hostileText,
		Removed: []news.RemovedLine{{Text: "<img src=x onerror=alert(3)>", Reason: "markup"}},
		Lang:    "ar", Published: "2024-11-03", Source: "مصدر", URL: "javascript:alert(4)",
	}
	return []news.Article{a1, cp, a2, h}
}

// newServer serves the fixture from a real store and, if withIndex, a real
// search index, both in temporary directories.
func newServer(t *testing.T, withIndex bool) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	arts := fixture()
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: st}
	if withIndex {
		x, err := search.Open(filepath.Join(t.TempDir(), "search"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { x.Close() })
		if err := x.Put(ctx, arts); err != nil {
			t.Fatal(err)
		}
		cfg.Index = x
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path and returns the status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestPages(t *testing.T) {
	srv := newServer(t, true)
	tests := []struct {
		name, path string
		status     int
		want       []string
	}{
		{"home lists the story with its outlets", "/", 200, []string{
			`href="/stories/st-troops"`, "زيلينسكي: 11 ألف جندي كوري شمالي في روسيا", "3 مصادر", "الجزيرة", "اليوم السابع",
		}},
		{"story: timeline with first report and the copy folded", "/stories/st-troops", 200, []string{
			"الخط الزمني", `href="/articles/a1"`, "أول من نشر", `<details class="copies">`, `href="/articles/a1c"`,
			"سيول: 12 ألف جندي من كوريا الشمالية في روسيا",
		}},
		{"story: claims table with the disagreement marked", "/stories/st-troops", 200, []string{
			`class="claim disagree"`, "تعارض", "11 ألف جندي", "12 ألف جندي",
		}},
		{"story: quotes by speaker and entities", "/stories/st-troops", 200, []string{
			`<a href="/entities/per-zel"><bdi>زيلينسكي</bdi></a>`, "لن نسمح بذلك", `href="/entities/loc-nk"`,
		}},
		{"article", "/articles/a1", 200, []string{
			"<h1>زيلينسكي: 11 ألف جندي كوري شمالي في روسيا</h1>", `href="https://www.aljazeera.net/news/a1"`,
			"جنود كوريون شماليون في تدريب مع <mark class=\"quantity\"", `href="/stories/st-troops"`,
		}},
		{"entity: variants, quotes, articles", "/entities/per-zel", 200, []string{
			"فولوديمير زيلينسكي", "<td><bdi>زيلينسكي</bdi></td><td>4</td>", "لن نسمح بذلك", `href="/articles/a1"`, "2024-11",
		}},
		{"search: hits, snippets and facets", "/search?q=" + "جندي", 200, []string{
			"<mark>", `href="/articles/a2"`, "المصادر", "/search?q=%D8%AC%D9%86%D8%AF%D9%8A&#43;source%3A%D8%A7%D9%84%D8%AC%D8%B2%D9%8A%D8%B1%D8%A9",
			"/search?q=%D8%AC%D9%86%D8%AF%D9%8A&#43;entity%3Aloc-nk", `source%3A%22%D8%A7%D9%84%D9%8A%D9%88%D9%85&#43;%D8%A7%D9%84%D8%B3%D8%A7%D8%A8%D8%B9%22`,
		}},
		{"search: a facet's filter narrows the hits", "/search?q=" + url.QueryEscape(`جندي source:"اليوم السابع"`), 200, []string{
			"نتيجة واحدة", `href="/articles/a1c"`,
		}},
		{"search: a bad date is the user's to fix", "/search?q=" + url.QueryEscape("date:2024-99"), 400, []string{"تعذّر فهم الاستعلام"}},
		{"search: empty query shows help", "/search", 200, []string{"كيف تبحث"}},
		{"unknown story", "/stories/st-none", 404, []string{"غير موجود"}},
		{"unknown article", "/articles/none", 404, []string{"غير موجود"}},
		{"unknown entity", "/entities/per-none", 404, []string{"غير موجود"}},
		{"unknown page", "/nowhere", 404, []string{"غير موجود"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := get(t, srv, tt.path)
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if !strings.Contains(body, `<html lang="ar" dir="rtl">`) {
				t.Error(`page lacks <html lang="ar" dir="rtl">`)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if t.Failed() {
				t.Log(body)
			}
		})
	}
}

func TestWithoutIndex(t *testing.T) {
	srv := newServer(t, false)
	status, body := get(t, srv, "/search?q=جندي")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "البحث غير متاح") {
		t.Errorf("search without an index: %d, want 503 saying so", status)
	}
	// The entity page reads the store instead.
	status, body = get(t, srv, "/entities/loc-nk")
	if status != 200 || !strings.Contains(body, `href="/articles/a2"`) || !strings.Contains(body, `href="/articles/a1"`) {
		t.Errorf("entity page without an index: %d\n%s", status, body)
	}
}

// markRE matches one mark with no mark nested inside it.
var markRE = regexp.MustCompile(`<mark class="([^"]+)"(?: title="[^"]*")?>([^<]*)</mark>`)

func TestArticleMarks(t *testing.T) {
	srv := newServer(t, true)
	_, body := get(t, srv, "/articles/a1")
	text := section(t, body, `<div class="text" dir="auto">`, `</div>`)
	got := map[string][]string{}
	for _, m := range markRE.FindAllStringSubmatch(text, -1) {
		got[m[1]] = append(got[m[1]], m[2])
	}
	want := map[string][]string{
		"entity per": {"زيلينسكي", "زيلينسكي"},
		"entity loc": {"كوريا الشمالية", "روسيا", "كييف"},
		"quantity":   {"11 ألف جندي"},
		"date":       {"1 نوفمبر"},
		"quote":      {"لن نسمح بذلك"},
	}
	for class, texts := range want {
		if strings.Join(got[class], "|") != strings.Join(texts, "|") {
			t.Errorf("marks %q wrap %q, want %q", class, got[class], texts)
		}
	}
	// With the tags taken out, the text is the article's, unchanged.
	if plainText := regexp.MustCompile(`</?mark[^>]*>`).ReplaceAllString(text, ""); plainText != zelText {
		t.Errorf("text with marks removed:\n%s\nwant\n%s", plainText, zelText)
	}
}

func TestArticleEscapesHostileText(t *testing.T) {
	srv := newServer(t, true)
	status, body := get(t, srv, "/articles/h1")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	for _, bad := range []string{"<script>alert", "<b>وسم", "<img src=x", "javascript:alert", "\u202E"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q live", bad)
		}
	}
	for _, w := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;وسم&lt;/b&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(3)&gt;", `<span class="ctl" title="محرف تحكم في اتجاه النص">U+202E</span>معكوس`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestArticleRemovedInDetails(t *testing.T) {
	srv := newServer(t, true)
	_, body := get(t, srv, "/articles/a1")
	details := section(t, body, `<details class="removed">`, `</details>`)
	for _, line := range []string{"اقرأ أيضاً: آخر أخبار الحرب", "شارك على فيسبوك"} {
		if !strings.Contains(details, line) {
			t.Errorf("removed line %q not inside <details>", line)
		}
	}
	if !strings.Contains(details, "<summary>") {
		t.Error("removed lines have no <summary> to open them by")
	}
}

func TestStaticAssets(t *testing.T) {
	srv := newServer(t, false)
	for _, path := range []string{"/static/style.css", "/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2"} {
		if status, _ := get(t, srv, path); status != 200 {
			t.Errorf("%s: status %d", path, status)
		}
	}
}

// section returns the part of body from the first open to the next close.
func section(t *testing.T, body, open, close string) string {
	t.Helper()
	i := strings.Index(body, open)
	if i < 0 {
		t.Fatalf("page lacks %q:\n%s", open, body)
	}
	rest := body[i+len(open):]
	j := strings.Index(rest, close)
	if j < 0 {
		t.Fatalf("no %q after %q", close, open)
	}
	return rest[:j]
}

// TestMovedStory checks that a link to a story a merge of events emptied
// leads to the story its articles went to.
func TestMovedStory(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	arts := append(fixture(), news.Article{ID: "m1", Title: "وصول جنود", Text: "وصل جنود إلى كورسك.", Event: "ev-arrive", Story: "st-arrive"})
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Revise(ctx, news.Revisions{Merges: []news.EventMerge{{From: "ev-arrive", Into: "ev-send", Story: "st-troops"}}}); err != nil {
		t.Fatal(err)
	}
	h, err := New(Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(srv.URL + "/stories/st-arrive")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/stories/st-troops" {
		t.Errorf("moved story: %d to %q, want 301 to /stories/st-troops", resp.StatusCode, resp.Header.Get("Location"))
	}
	if status, body := get(t, srv, "/stories/st-arrive"); status != 200 || !strings.Contains(body, `href="/articles/m1"`) {
		t.Errorf("following the move: %d, want the story holding m1", status)
	}
	if status, _ := get(t, srv, "/stories/st-never"); status != http.StatusNotFound {
		t.Errorf("unknown story: %d, want 404", status)
	}
}
