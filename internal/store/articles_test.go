package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

// article is a minimal clustered article for tests that care about ids,
// outlets and grouping rather than annotations.
func article(id, source, event, story string) news.Article {
	return news.Article{
		ID:        id,
		Page:      id + ".txt",
		Origin:    "/data/" + source + "/" + id + ".txt",
		Title:     "عنوان " + id,
		Text:      "نص الخبر " + id,
		Lang:      "ar",
		Published: "2025-12-28",
		Source:    source,
		Event:     event,
		Story:     story,
	}
}

// fullArticle has every field set, annotations included, with Arabic text
// and offsets counted in runes.
func fullArticle() news.Article {
	text := "قال الرئيس الروسي فلاديمير بوتين إن أكثر من 12000 جندي من كوريا الشمالية قاتلوا في كورسك في 18 ديسمبر."
	return news.Article{
		ID:        "sha1:6960cc2f2f376a76",
		Page:      "000_6960cc2f2f376a76.txt",
		Origin:    "/seeds/000_6960cc2f2f376a76.txt",
		Index:     1,
		Title:     "بوتين يشيد بالقوات الكورية الشمالية",
		Text:      text,
		Captions:  []string{"نما كيم وبوتين عن كثب منذ الحرب في أوكرانيا. KCNA/EPA/Shutterstock"},
		Removed:   []news.RemovedLine{{Text: "اقرأ أيضاً", Reason: "furniture"}, {Text: "یادشان همواره در قلب این خاک", Reason: "lang:fa"}},
		Lang:      "ar",
		Published: "2025-12-28T10:15:00+03:00",
		Source:    "الجزيرة",
		Author:    "مراسل الجزيرة",
		URL:       "https://www.aljazeera.net/news/2025/12/28/كيم-بوتين",
		Entities: []news.Mention{
			{Text: "فلاديمير بوتين", Type: news.PER, ID: "e:putin", Name: "فلاديمير بوتين", Start: 18, End: 32},
			{Text: "كوريا الشمالية", Type: news.LOC, ID: "e:dprk", Name: "كوريا الشمالية", Start: 58, End: 72},
			{Text: "كورسك", Type: news.LOC, ID: "e:kursk", Name: "كورسك", Start: 83, End: 88},
		},
		Quotes: []news.Quote{
			{Text: "أكثر من 12000 جندي من كوريا الشمالية قاتلوا في كورسك", Speaker: "فلاديمير بوتين", SpeakerID: "e:putin", Verb: "قال", Direct: false},
		},
		Quantities: []news.Quantity{
			{Text: "أكثر من 12000 جندي", Min: 12000, Max: 12000.5, Unit: "جندي", Qualifier: news.MoreThan, Start: 36, End: 54},
			{Text: "نحو 0.1 بالمئة", Min: 0.1, Max: 1e-7, Unit: "بالمئة", Qualifier: news.About},
		},
		Dates: []news.TimeExpr{
			{Text: "18 ديسمبر", Value: "2025-12-18", Start: 92, End: 101},
			{Text: "1404/10/07", Value: "2025-12-28"},
		},
		DuplicateOf: "sha1:0000000000000000",
		Event:       "ev:kursk-thanks",
		Story:       "st:dprk-russia",
	}
}

func assertArticle(t *testing.T, got, want news.Article) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("article differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestArticleRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		art  news.Article
	}{
		{"every field and annotation", fullArticle()},
		// Nil lists stay nil rather than coming back as empty slices.
		{"bare, no annotations", news.Article{ID: "sha1:bare", Page: "-", Title: "عاجل", Text: "«بوتين» يشكر زعيم كوريا الشمالية"}},
		// Empty lists are not distinguished from absent ones.
		{"empty lists read as nil", news.Article{ID: "sha1:empty", Text: "نص", Captions: []string{}, Entities: []news.Mention{}}},
	}
	ctx := context.Background()
	s := MustOpen(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.PutArticles(ctx, []news.Article{tt.art}); err != nil {
				t.Fatal(err)
			}
			got, err := s.Article(ctx, tt.art.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.art
			if len(want.Captions) == 0 {
				want.Captions = nil
			}
			if len(want.Entities) == 0 {
				want.Entities = nil
			}
			assertArticle(t, got, want)
		})
	}
}

func TestArticleNotFound(t *testing.T) {
	s := MustOpen(t)
	_, err := s.Article(context.Background(), "sha1:absent")
	if !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("Article(absent) error = %v, want news.ErrNotFound", err)
	}
}

func TestPutArticlesIdempotent(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	batch := []news.Article{
		article("a1", "الجزيرة", "", ""),
		article("a2", "العربية", "", ""),
		article("a3", "اليوم السابع", "", ""),
	}

	first, err := s.PutArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if first.Stored != 3 || first.Duplicates != 0 || !reflect.DeepEqual(first.New, []string{"a1", "a2", "a3"}) {
		t.Errorf("first put = %+v, want 3 stored in batch order", first)
	}

	second, err := s.PutArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if second.Stored != 0 || second.Duplicates != 3 || len(second.New) != 0 {
		t.Errorf("second put = %+v, want 0 stored, 3 duplicates", second)
	}
	for _, a := range batch {
		if seen, err := s.Sightings(ctx, a.ID); err != nil || len(seen) != 1 {
			t.Errorf("Sightings(%s) = %v, %v; want exactly one", a.ID, seen, err)
		}
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 3 {
		t.Errorf("CountArticles = %d, %v; want 3", n, err)
	}
}

func TestPutArticlesSameContentTwoOrigins(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	orig := article("copy", "وكالة الأنباء الكورية", "", "")
	orig.Published = "2025-12-18"
	copied := orig
	copied.Origin, copied.Page, copied.Index = "https://www.youm7.com/story/2025/12/19", "youm7.html", 2
	copied.Source, copied.URL, copied.Published = "اليوم السابع", "https://www.youm7.com/story/2025/12/19", "2025-12-19"
	copied.Title = "عنوان مختلف لا يُخزَّن"

	res, err := s.PutArticles(ctx, []news.Article{orig})
	if err != nil || res.Stored != 1 {
		t.Fatalf("first origin: %+v, %v", res, err)
	}
	res, err = s.PutArticles(ctx, []news.Article{copied})
	if err != nil || res.Stored != 0 || res.Duplicates != 1 {
		t.Fatalf("second origin: %+v, %v; want one duplicate", res, err)
	}

	got, err := s.Article(ctx, "copy")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != orig.Title || got.Source != orig.Source {
		t.Errorf("stored article was rewritten by its copy: %q from %q", got.Title, got.Source)
	}
	seen, err := s.Sightings(ctx, "copy")
	if err != nil {
		t.Fatal(err)
	}
	want := []news.Sighting{
		{Article: "copy", Origin: orig.Origin, Index: 0, Source: "وكالة الأنباء الكورية", Published: "2025-12-18"},
		{Article: "copy", Origin: copied.Origin, Index: 2, Source: "اليوم السابع", URL: copied.URL, Published: "2025-12-19"},
	}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("Sightings =\n %+v\nwant\n %+v", seen, want)
	}
}

func TestPutArticlesDuplicateInBatch(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	first := article("dup", "الجزيرة", "", "")
	second := first
	second.Origin, second.Source, second.Title = "/data/العربية/dup.txt", "العربية", "نسخة"

	res, err := s.PutArticles(ctx, []news.Article{first, article("other", "الجزيرة", "", ""), second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stored != 2 || res.Duplicates != 1 || !reflect.DeepEqual(res.New, []string{"dup", "other"}) {
		t.Errorf("PutArticles = %+v, want dup and other stored, one duplicate", res)
	}
	if got, err := s.Article(ctx, "dup"); err != nil || got.Source != "الجزيرة" {
		t.Errorf("Article(dup) = %q, %v; want the first one (الجزيرة)", got.Source, err)
	}
	if seen, err := s.Sightings(ctx, "dup"); err != nil || len(seen) != 2 {
		t.Errorf("Sightings(dup) = %v, %v; want two", seen, err)
	}
}

// flakyCtx turns cancelled after its Err has been asked a few times, which
// cancels an ingest part-way through a batch without racing a timer.
type flakyCtx struct {
	context.Context
	calls, after int
}

func (c *flakyCtx) Err() error {
	c.calls++
	if c.calls > c.after {
		return context.Canceled
	}
	return nil
}

func TestPutArticlesRollback(t *testing.T) {
	batch := func() []news.Article {
		arts := make([]news.Article, 10)
		for i := range arts {
			arts[i] = article(fmt.Sprintf("r%d", i), "الجزيرة", "", "")
		}
		return arts
	}
	tests := []struct {
		name    string
		ctx     func() context.Context
		arts    func() []news.Article
		wantErr error
	}{
		{
			name: "article without an ID mid-batch",
			ctx:  context.Background,
			arts: func() []news.Article {
				arts := batch()
				arts[5].ID = ""
				return arts
			},
		},
		{
			name:    "context cancelled mid-batch",
			ctx:     func() context.Context { return &flakyCtx{Context: context.Background(), after: 4} },
			arts:    batch,
			wantErr: context.Canceled,
		},
		{
			name: "context cancelled before",
			ctx: func() context.Context {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx
			},
			arts:    batch,
			wantErr: context.Canceled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := MustOpen(t)
			// An earlier batch that must survive the failed one.
			if _, err := s.PutArticles(ctx, []news.Article{article("kept", "العربية", "", "")}); err != nil {
				t.Fatal(err)
			}

			res, err := s.PutArticles(tt.ctx(), tt.arts())
			if err == nil {
				t.Fatalf("PutArticles succeeded: %+v", res)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error = %v, want %v", err, tt.wantErr)
			}
			if res.Stored != 0 || len(res.New) != 0 {
				t.Errorf("failed put reported %+v", res)
			}
			if n, err := s.CountArticles(ctx); err != nil || n != 1 {
				t.Errorf("CountArticles = %d, %v; want only the earlier batch", n, err)
			}
			var seen int
			if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM sightings`).Scan(&seen); err != nil || seen != 1 {
				t.Errorf("sightings = %d, %v; want only the earlier batch's", seen, err)
			}
			// The writer is usable again after the rollback.
			if _, err := s.PutArticles(ctx, batch()); err != nil {
				t.Errorf("put after rollback: %v", err)
			}
		})
	}
}

func TestAddSightings(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, []news.Article{article("a1", "الجزيرة", "", "")}); err != nil {
		t.Fatal(err)
	}
	more := []news.Sighting{
		{Article: "a1", Origin: "https://arabic.rt.com/world/1", Source: "روسيا اليوم"},
		{Article: "a1", Origin: "https://arabic.rt.com/world/1", Source: "روسيا اليوم"}, // same place twice
		{Article: "a1", Origin: "https://arabic.rt.com/world/1", Index: 1, Source: "روسيا اليوم"},
	}
	n, err := s.AddSightings(ctx, more)
	if err != nil || n != 2 {
		t.Fatalf("AddSightings = %d, %v; want 2 new", n, err)
	}
	if n, err := s.AddSightings(ctx, more); err != nil || n != 0 {
		t.Errorf("AddSightings again = %d, %v; want 0", n, err)
	}

	// A sighting of an unknown article fails the whole batch.
	bad := []news.Sighting{{Article: "a1", Origin: "o", Index: 7}, {Article: "absent", Origin: "o"}}
	if _, err := s.AddSightings(ctx, bad); err == nil {
		t.Error("AddSightings of an unknown article succeeded")
	}
	if seen, err := s.Sightings(ctx, "a1"); err != nil || len(seen) != 3 {
		t.Errorf("Sightings(a1) = %d, %v; want 3", len(seen), err)
	}
}

func TestKnown(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	// More than one IN-list chunk on each side of the check.
	var stored, asked []string
	for i := range 1200 {
		id := fmt.Sprintf("k%04d", i)
		asked = append(asked, id)
		if i%3 == 0 {
			stored = append(stored, id)
		}
	}
	arts := make([]news.Article, len(stored))
	for i, id := range stored {
		arts[i] = article(id, "الجزيرة", "", "")
	}
	if _, err := s.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}

	known, err := s.Known(ctx, asked)
	if err != nil {
		t.Fatal(err)
	}
	if len(known) != len(stored) {
		t.Errorf("Known found %d, want %d", len(known), len(stored))
	}
	for _, id := range stored {
		if !known[id] {
			t.Errorf("Known missed %s", id)
		}
	}
	if known["k0001"] {
		t.Error("Known reports an unstored id")
	}
	if known, err := s.Known(ctx, nil); err != nil || len(known) != 0 {
		t.Errorf("Known(nil) = %v, %v", known, err)
	}
}

func TestArticlesQuery(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	// Stored out of alphabetical order: listings follow ingest order.
	if _, err := s.PutArticles(ctx, []news.Article{
		article("c", "الجزيرة", "ev1", "st1"),
		article("a", "العربية", "ev1", "st1"),
		article("e", "الجزيرة", "ev2", "st1"),
		article("b", "الجزيرة", "ev3", "st2"),
		article("d", "اليوم السابع", "", ""),
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    news.ArticleQuery
		want []string
	}{
		{"all in ingest order", news.ArticleQuery{}, []string{"c", "a", "e", "b", "d"}},
		{"by source", news.ArticleQuery{Source: "الجزيرة"}, []string{"c", "e", "b"}},
		{"by event", news.ArticleQuery{Event: "ev1"}, []string{"c", "a"}},
		{"by story", news.ArticleQuery{Story: "st1"}, []string{"c", "a", "e"}},
		{"source and story", news.ArticleQuery{Source: "الجزيرة", Story: "st1"}, []string{"c", "e"}},
		{"limit", news.ArticleQuery{Limit: 2}, []string{"c", "a"}},
		{"offset without limit", news.ArticleQuery{Offset: 3}, []string{"b", "d"}},
		{"page two", news.ArticleQuery{Limit: 2, Offset: 2}, []string{"e", "b"}},
		{"past the end", news.ArticleQuery{Limit: 2, Offset: 10}, nil},
		{"unknown source", news.ArticleQuery{Source: "بي بي سي"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := s.Articles(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range arts {
				got = append(got, a.ID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Articles(%+v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func TestEachArticle(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	ids := []string{"ج", "أ", "ب"}
	var arts []news.Article
	for _, id := range ids {
		arts = append(arts, article(id, "الجزيرة", "", ""))
	}
	if _, err := s.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}

	var got []string
	err := s.EachArticle(ctx, func(a news.Article) error {
		got = append(got, a.ID)
		return nil
	})
	if err != nil || !reflect.DeepEqual(got, ids) {
		t.Errorf("EachArticle walked %v, %v; want %v", got, err, ids)
	}

	stop := errors.New("stop")
	calls := 0
	err = s.EachArticle(ctx, func(news.Article) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("EachArticle with a failing fn: %v after %d calls; want stop after 1", err, calls)
	}
}

// benchArticle is about the size of a real news article: ~4 KB of Arabic
// text with a few dozen annotations.
func benchArticle(id string) news.Article {
	para := "أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه الشخصي للزعيم الكوري الشمالي كيم جونج أون لدور جنوده في إخراج القوات الأوكرانية من منطقة كورسك الروسية، وفقًا لما ذكره الكرملين في بيان نُشر اليوم الاثنين. "
	a := news.Article{
		ID: id, Page: id + ".html", Origin: "https://www.youm7.com/" + id, Title: "بوتين يشكر زعيم كوريا الشمالية",
		Text: strings.Repeat(para+"\n", 12), Lang: "ar", Published: "2025-04-28", Source: "اليوم السابع",
		Removed: []news.RemovedLine{{Text: "اقرأ أيضاً", Reason: "furniture"}},
		Event:   "ev:1", Story: "st:1",
	}
	for i := range 12 {
		off := i * 200
		a.Entities = append(a.Entities,
			news.Mention{Text: "فلاديمير بوتين", Type: news.PER, ID: "e:putin", Name: "فلاديمير بوتين", Start: off + 18, End: off + 32},
			news.Mention{Text: "كورسك", Type: news.LOC, ID: "e:kursk", Name: "كورسك", Start: off + 130, End: off + 135})
	}
	a.Quotes = []news.Quote{{Text: "تصرف أصدقاؤنا الكوريون انطلاقًا من روح التضامن", Speaker: "فلاديمير بوتين", SpeakerID: "e:putin", Verb: "قال", Direct: true}}
	a.Quantities = []news.Quantity{{Text: "12000 جندي", Min: 12000, Max: 12000, Unit: "جندي", Qualifier: news.Exact}}
	a.Dates = []news.TimeExpr{{Text: "اليوم الاثنين", Value: "2025-04-28"}}
	return a
}

func BenchmarkPutArticles(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	const batchSize = 100
	batch := make([]news.Article, batchSize)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		for i := range batch {
			batch[i] = benchArticle(fmt.Sprintf("bench-%08d", n))
			n++
		}
		b.StartTimer()
		if _, err := s.PutArticles(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/article")
}
