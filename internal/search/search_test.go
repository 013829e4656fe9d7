package search

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/news"
)

// MustOpen opens an index in a temporary directory, closed at the end of the
// test.
func MustOpen(tb testing.TB) *Index {
	tb.Helper()
	x, err := Open(filepath.Join(tb.TempDir(), "search"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	return x
}

// mention returns a mention of the first occurrence of text in body, with
// rune offsets as the analyze stage writes them.
func mention(body, text, typ, id, name string) news.Mention {
	i := strings.Index(body, text)
	if i < 0 {
		panic("mention " + text + " not in text")
	}
	start := utf8.RuneCountInString(body[:i])
	return news.Mention{Text: text, Type: typ, ID: id, Name: name, Start: start, End: start + utf8.RuneCountInString(text)}
}

// corpus is a small set of articles, each written to test one behaviour.
func corpus() []news.Article {
	putin := "قال الرئيس الروسي بوتين إن العلاقات مع كيم جونغ-أون قوية، وأشاد بوتين بالمفاوضات."
	kim := "وصل كيم جونغ أون إلى موسكو لإجراء والمفاوضات مع الجانب الروسي."
	return []news.Article{
		{ID: "putin", Title: "بوتين يشيد بالعلاقات مع بيونغ يانغ", Text: putin,
			Source: "الجزيرة", Published: "2015-07-21T08:00:00", Event: "ev1", Story: "st1",
			Entities: []news.Mention{
				mention(putin, "بوتين", news.PER, "per-putin", "فلاديمير بوتين"),
				mention(putin, "كيم جونغ-أون", news.PER, "per-kim", "كيم جونغ أون"),
			}},
		{ID: "kim", Title: "زيارة إلى موسكو", Text: kim,
			Source: "العربية", Published: "2015-07-21T10:00:00", Event: "ev1", Story: "st1",
			Entities: []news.Mention{mention(kim, "كيم جونغ أون", news.PER, "per-kim", "كيم جونغ أون")}},
		{ID: "bot", Title: "تقنية", Text: "أطلقت الشركة بوت دردشة جديدا يجيب عن أسئلة المستخدمين.",
			Source: "Sabq", Published: "2015-07-22"},
		{ID: "visit", Title: "زيارة رسمية", Text: "زار الرئيس المصري الرياض أمس.",
			Source: "العربية", Published: "2015-07-22T09:00:00"},
		{ID: "ministry", Title: "بيان رسمي", Text: "أعلنَ الوزيرُ أن وزارة الخارجية تتابع الملف.",
			Source: "الجزيرة", Published: "2015-07-23"},
		{ID: "north", Title: "قوات", Text: "أرسلت كوريا الشمالية ١٢٬٠٠٠ جندي في عام ٢٠١٥ إلى الجبهة.",
			Source: "الجزيرة", Published: "2015-07-23T12:00:00", Event: "ev2", Story: "st1"},
		{ID: "south", Title: "مناورات", Text: "زارت كوريا الجنوبية المنطقة الشمالية في عام 2015.",
			Source: "Sabq", Published: "2015-07-25", Event: "ev3", Story: "st2"},
	}
}

// openCorpus opens an index holding corpus().
func openCorpus(t *testing.T) *Index {
	t.Helper()
	x := MustOpen(t)
	if err := x.Put(context.Background(), corpus()); err != nil {
		t.Fatal(err)
	}
	return x
}

// ids runs q and returns the hit IDs, sorted.
func ids(t *testing.T, x *Index, q string) []string {
	t.Helper()
	res, err := x.Search(context.Background(), Query{Text: q, Size: 100})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	if res.Total != len(out) {
		t.Errorf("Search(%q): total %d, %d hits", q, res.Total, len(out))
	}
	return out
}

func TestSearch(t *testing.T) {
	x := openCorpus(t)
	tests := []struct {
		name, q string
		want    []string
	}{
		// Light stemming: the bare word finds it with article and clitics.
		{"stem", "مفاوضات", []string{"kim", "putin"}},
		{"stem with article", "المفاوضات", []string{"kim", "putin"}},
		// Hamza and diacritics: اعلن finds أعلنَ.
		{"hamza", "اعلن", []string{"ministry"}},
		{"hamza query", "أعلن", []string{"ministry"}},
		// Digits in any script.
		{"western finds eastern", "2015", []string{"north", "south"}},
		{"eastern finds western", "٢٠١٥", []string{"north", "south"}},
		{"grouped number", "12000", []string{"north"}},
		// Over-stemming guards: وزارة is not زار, بوتين is not بوت.
		{"wizara", "وزارة", []string{"ministry"}},
		{"zar", "زار", []string{"visit"}},
		{"putin", "بوتين", []string{"putin"}},
		{"putin with clitic", "وبوتين", []string{"putin"}},
		{"bot", "بوت", []string{"bot"}},
		// Words are ANDed.
		{"and", "كوريا 2015", []string{"north", "south"}},
		{"and narrows", "كوريا الشمالية", []string{"north", "south"}},
		// Phrases need adjacency, on the normalized text.
		{"phrase", `"كوريا الشمالية"`, []string{"north"}},
		{"phrase guillemets", `«كوريا الشمالية»`, []string{"north"}},
		{"phrase across hyphen", `"كيم جونغ أون"`, []string{"kim", "putin"}},
		{"hyphenated word", "جونغ-أون", []string{"kim", "putin"}},
		// Must and must not.
		{"must not", "كوريا -الجنوبية", []string{"north"}},
		{"must not phrase", `كوريا -"كوريا الشمالية"`, []string{"south"}},
		{"must", "+كوريا +الجنوبية", []string{"south"}},
		{"or", "بوت OR زار", []string{"bot", "visit"}},
		// Filters.
		{"entity id", "entity:per-kim", []string{"kim", "putin"}},
		{"entity canonical name", `entity:"فلاديمير بوتين"`, []string{"putin"}},
		{"entity mention spelling", "entity:بوتين", []string{"putin"}},
		{"entity hyphen spelling", `entity:"كيم جونغ-أون"`, []string{"kim", "putin"}},
		{"entity and word", "entity:per-kim موسكو", []string{"kim"}},
		{"source", "source:الجزيرة", []string{"ministry", "north", "putin"}},
		{"source folded", "source:sabq", []string{"bot", "south"}},
		{"source quoted", `source:"العربية" زيارة`, []string{"kim", "visit"}},
		{"not source", "كوريا -source:Sabq", []string{"north"}},
		{"story", "story:st1", []string{"kim", "north", "putin"}},
		{"event", "event:ev1", []string{"kim", "putin"}},
		{"date range", "date:2015-07-22..2015-07-23", []string{"bot", "ministry", "north", "visit"}},
		{"date day", "date:2015-07-21", []string{"kim", "putin"}},
		{"date open end", "date:2015-07-24..", []string{"south"}},
		{"date eastern digits", "date:٢٠١٥-٠٧-٢٥", []string{"south"}},
		{"date and word", "كوريا date:..2015-07-24", []string{"north"}},
		// Nothing to find.
		{"no match", "طائرة", nil},
		{"punctuation only", "،", []string{"bot", "kim", "ministry", "north", "putin", "south", "visit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(t, x, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

// A word some article protected as part of a name still finds its ordinary
// uses when those are the commoner ones; a word that is mostly a name finds
// only the name.
func TestSearchNameOrWord(t *testing.T) {
	x := MustOpen(t)
	name := "استقبل الرئيس محمد أمين الوفد."
	arts := []news.Article{
		{ID: "name", Text: name, Entities: []news.Mention{mention(name, "محمد أمين", news.PER, "per-amin", "محمد أمين")}},
		{ID: "word1", Text: "قال الأمين العام للأمم المتحدة إن الوضع خطير."},
		{ID: "word2", Text: "زار الأمين العام المنطقة."},
	}
	if err := x.Put(context.Background(), append(arts, corpus()...)); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(t, x, "أمين"), []string{"name", "word1", "word2"}; !slices.Equal(got, want) {
		t.Errorf("أمين = %v, want %v", got, want)
	}
	if got, want := ids(t, x, `"محمد أمين"`), []string{"name"}; !slices.Equal(got, want) {
		t.Errorf(`"محمد أمين" = %v, want %v`, got, want)
	}
	if got, want := ids(t, x, "بوتين"), []string{"putin"}; !slices.Equal(got, want) {
		t.Errorf("بوتين = %v, want %v", got, want)
	}
}

func TestSearchBadDate(t *testing.T) {
	x := openCorpus(t)
	_, err := x.Search(context.Background(), Query{Text: "date:yesterday"})
	if !errors.Is(err, ErrBadQuery) {
		t.Fatalf("err = %v, want ErrBadQuery", err)
	}
}

func TestSnippet(t *testing.T) {
	x := openCorpus(t)
	res, err := x.Search(context.Background(), Query{Text: "اعلن"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %v", res.Hits)
	}
	// The original, diacritized word is marked, not its normalized form.
	if s := res.Hits[0].Snippet; !strings.Contains(s, "<mark>أعلنَ</mark>") {
		t.Errorf("snippet %q lacks <mark>أعلنَ</mark>", s)
	}

	res, err = x.Search(context.Background(), Query{Text: "بوتين"})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Hits[0]
	if !strings.Contains(h.TitleHTML, "<mark>بوتين</mark>") || !strings.Contains(h.Snippet, "<mark>بوتين</mark>") {
		t.Errorf("title %q, snippet %q: want بوتين marked in both", h.TitleHTML, h.Snippet)
	}
	if h.Title != "بوتين يشيد بالعلاقات مع بيونغ يانغ" || h.Source != "الجزيرة" || h.Published != "2015-07-21T08:00:00" {
		t.Errorf("hit fields %+v", h)
	}
}

// Hostile text stays inert in snippets: escaped, with only our marks.
func TestSnippetEscapes(t *testing.T) {
	x := MustOpen(t)
	a := news.Article{ID: "evil", Title: "<b>عنوان</b>", Text: `نص <script>alert("x")</script> خبيث` + "\u202e"}
	if err := x.Put(context.Background(), []news.Article{a}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"خبيث", "source:none -x", ""} {
		res, err := x.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			for _, s := range []string{h.Snippet, h.TitleHTML} {
				clean := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
				if strings.ContainsAny(clean, "<>") {
					t.Errorf("query %q: unescaped markup in %q", q, s)
				}
			}
		}
	}
}

func TestFacets(t *testing.T) {
	x := openCorpus(t)
	res, err := x.Search(context.Background(), Query{Text: "-bot", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Facets
	if f == nil {
		t.Fatal("no facets")
	}
	wantSources := []Count{{Value: "الجزيرة", Count: 3}, {Value: "Sabq", Count: 2}, {Value: "العربية", Count: 2}}
	if !slices.Equal(f.Sources, wantSources) {
		t.Errorf("sources = %v, want %v", f.Sources, wantSources)
	}
	wantEntities := []Count{{Value: "per-kim", Label: "كيم جونغ أون", Count: 2}, {Value: "per-putin", Label: "فلاديمير بوتين", Count: 1}}
	if !slices.Equal(f.Entities, wantEntities) {
		t.Errorf("entities = %v, want %v", f.Entities, wantEntities)
	}
	wantStories := []Count{{Value: "st1", Count: 3}, {Value: "st2", Count: 1}}
	if !slices.Equal(f.Stories, wantStories) {
		t.Errorf("stories = %v, want %v", f.Stories, wantStories)
	}
	if len(f.Events) != 3 || f.Events[0] != (Count{Value: "ev1", Count: 2}) {
		t.Errorf("events = %v", f.Events)
	}
	wantDates := []DateBucket{{"2015-07-21", 2}, {"2015-07-22", 2}, {"2015-07-23", 2}, {"2015-07-25", 1}}
	if !slices.Equal(f.Dates, wantDates) {
		t.Errorf("dates = %v, want %v", f.Dates, wantDates)
	}

	// Facets count what the query matched, not the whole index.
	res, err = x.Search(context.Background(), Query{Text: "كوريا", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := []DateBucket{{"2015-07-23", 1}, {"2015-07-25", 1}}; !slices.Equal(res.Facets.Dates, want) {
		t.Errorf("dates for كوريا = %v, want %v", res.Facets.Dates, want)
	}
}

func TestRankingAndPaging(t *testing.T) {
	x := openCorpus(t)
	ctx := context.Background()
	// A title match outranks a match in the text alone.
	y := MustOpen(t)
	err := y.Put(ctx, []news.Article{
		{ID: "body", Title: "أخبار اليوم", Text: "عقدت الحكومة اجتماعا وبحثت المفاوضات مع الوفد."},
		{ID: "headline", Title: "المفاوضات", Text: "عقدت الحكومة اجتماعا وبحثت الملفات مع الوفد."},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := y.Search(ctx, Query{Text: "مفاوضات"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "headline" {
		t.Errorf("title match not first: %+v", res.Hits)
	}
	// Browsing with filters only: newest first, paged.
	res, err = x.Search(ctx, Query{Text: "story:st1", Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || len(res.Hits) != 2 || res.Hits[0].ID != "north" || res.Hits[1].ID != "kim" {
		t.Errorf("page 1 = %+v", res)
	}
	res, err = x.Search(ctx, Query{Text: "story:st1", From: 2, Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "putin" {
		t.Errorf("page 2 = %+v", res.Hits)
	}
}

func TestPutIdempotent(t *testing.T) {
	x := openCorpus(t)
	ctx := context.Background()
	if err := x.Put(ctx, corpus()); err != nil {
		t.Fatal(err)
	}
	if n, err := x.Count(); err != nil || n != len(corpus()) {
		t.Fatalf("Count = %d, %v; want %d", n, err, len(corpus()))
	}
	// Putting a changed article replaces it.
	a := corpus()[3]
	a.Text = "غادر الرئيس المصري الرياض أمس."
	if err := x.Put(ctx, []news.Article{a}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, x, "زار"); got != nil {
		t.Errorf("زار after update = %v", got)
	}
	if got := ids(t, x, "غادر"); !slices.Equal(got, []string{"visit"}) {
		t.Errorf("غادر after update = %v", got)
	}
	if err := x.Put(ctx, []news.Article{{Title: "بلا معرف"}}); err == nil {
		t.Error("article without id accepted")
	}
}

func TestDelete(t *testing.T) {
	x := openCorpus(t)
	if err := x.Delete(context.Background(), "putin", "absent"); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, x, "مفاوضات"); !slices.Equal(got, []string{"kim"}) {
		t.Errorf("after delete: %v", got)
	}
}

func TestCloseTwiceAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "search")
	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(context.Background(), corpus()); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := x.Search(context.Background(), Query{Text: "بوتين"}); !errors.Is(err, ErrClosed) {
		t.Errorf("Search after Close: %v", err)
	}
	if err := x.Put(context.Background(), corpus()); !errors.Is(err, ErrClosed) {
		t.Errorf("Put after Close: %v", err)
	}

	// The index persists, names and all.
	x, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if n, _ := x.Count(); n != len(corpus()) {
		t.Errorf("reopened Count = %d", n)
	}
	if got := ids(t, x, "بوتين"); !slices.Equal(got, []string{"putin"}) {
		t.Errorf("reopened بوتين = %v", got)
	}
}

func TestRebuild(t *testing.T) {
	x := openCorpus(t)
	ctx := context.Background()
	store := corpus()[:2]
	store[1].Text += " طائرة"
	err := x.Rebuild(ctx, func(fn func(news.Article) error) error {
		for _, a := range store {
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Count(); n != 2 {
		t.Errorf("Count after rebuild = %d, want 2", n)
	}
	if got := ids(t, x, "طائرة"); !slices.Equal(got, []string{"kim"}) {
		t.Errorf("طائرة after rebuild = %v", got)
	}
	if got := ids(t, x, "بوتين"); !slices.Equal(got, []string{"putin"}) {
		t.Errorf("بوتين after rebuild = %v", got)
	}

	// A failed rebuild leaves the index as it was.
	boom := errors.New("store failed")
	err = x.Rebuild(ctx, func(fn func(news.Article) error) error {
		fn(corpus()[2])
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if n, _ := x.Count(); n != 2 {
		t.Errorf("Count after failed rebuild = %d, want 2", n)
	}
}

// An index of another schema version is discarded on Open.
func TestOpenStaleSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "search")
	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	x.Put(context.Background(), corpus())
	x.mu.RLock()
	x.idx.SetInternal([]byte(schemaKey), []byte("marsad-search-0"))
	x.mu.RUnlock()
	x.Close()
	x, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if n, _ := x.Count(); n != 0 {
		t.Errorf("stale index kept %d articles", n)
	}
}

// Searches run while articles are put and the index is rebuilt; run with
// -race.
func TestConcurrent(t *testing.T) {
	x := openCorpus(t)
	ctx := context.Background()
	done := make(chan error, 3)
	go func() {
		for range 20 {
			if _, err := x.Search(ctx, Query{Text: "كوريا", Facets: true}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	go func() { done <- x.Put(ctx, corpus()) }()
	go func() {
		done <- x.Rebuild(ctx, func(fn func(news.Article) error) error {
			for _, a := range corpus() {
				if err := fn(a); err != nil {
					return err
				}
			}
			return nil
		})
	}()
	for range 3 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := x.Count(); n != len(corpus()) {
		t.Errorf("Count = %d, want %d", n, len(corpus()))
	}
}

// An entity:"spelling" clause finds the articles that name the entity
// under other spellings when Query.Spelling resolves it, as the store does
// for the spellings it has seen; without a resolver it finds only the
// articles that use the spelling.
func TestSearchEntitySpellingResolved(t *testing.T) {
	x := openCorpus(t)
	ctx := context.Background()
	known := map[string]string{"بوتن": "per-putin", "بيوتن": "per-putin"}
	spelling := func(_ context.Context, s string) (string, bool, error) {
		id, ok := known[s]
		return id, ok, nil
	}
	for _, tt := range []struct {
		q        string
		resolver bool
		want     int
	}{
		{`entity:"بوتن"`, false, 0},
		{`entity:"بوتن"`, true, 1},
		{`entity:بيوتن -entity:per-kim`, true, 0},
		{`entity:"لافروف"`, true, 0},
		// A plain word that is a known spelling finds the entity too;
		// negated, it excludes only what it matches as a word.
		{`بوتن`, false, 0},
		{`بوتن`, true, 1},
		{`زيارة بيوتن`, true, 0},
		{`زيارة -بوتن`, true, 2},
	} {
		q := Query{Text: tt.q}
		if tt.resolver {
			q.Spelling = spelling
		}
		res, err := x.Search(ctx, q)
		if err != nil || res.Total != tt.want {
			t.Errorf("Search(%q, resolver %v) = %d hits, %v; want %d", tt.q, tt.resolver, res.Total, err, tt.want)
		}
	}
	failing := Query{Text: `entity:"بوتن"`, Spelling: func(context.Context, string) (string, bool, error) {
		return "", false, errors.New("store closed")
	}}
	if _, err := x.Search(ctx, failing); err == nil || !strings.Contains(err.Error(), "store closed") {
		t.Errorf("a failing resolver: error %v, want it passed on", err)
	}
}
