package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/marsad/marsad/news"
)

// storyFixture is two stories and an unclustered article, stored in this
// order. In ev:thanks the later-ingested k2 was published first: just after
// midnight in Moscow, which is still the 18th in UTC. Its day is the 19th,
// as the outlet wrote it.
func storyFixture() []news.Article {
	k1 := article("k1", "الجزيرة", "ev:thanks", "st:kursk")
	k1.Title, k1.Published, k1.DuplicateOf = "بوتين يشكر كيم", "2025-12-19", "k2"
	k2 := article("k2", "العربية", "ev:thanks", "st:kursk")
	k2.Title, k2.Published = "الكرملين: بوتين يشكر كيم جونغ أون", "2025-12-19T01:00:00+03:00"
	k3 := article("k3", "اليوم السابع", "ev:newyear", "st:kursk")
	k3.Title, k3.Published = "كيم يهنئ بوتين بالعام الجديد", "2026-01-01"
	s1 := article("s1", "العربية", "ev:summit", "st:summit")
	s1.Title, s1.Published = "بوتين يقبل دعوة لزيارة كوريا الشمالية", "2023-09-14"
	u1 := article("u1", "الجزيرة", "", "")
	u1.Title = "خبر غير مصنف"
	return []news.Article{k1, k2, k3, s1, u1}
}

var (
	evThanks = news.Event{
		ID: "ev:thanks", Story: "st:kursk", Title: "الكرملين: بوتين يشكر كيم جونغ أون",
		Start: "2025-12-19", End: "2025-12-19",
		Articles: []string{"k2", "k1"}, Sources: []string{"الجزيرة", "العربية"}, FirstReport: "k2",
	}
	evNewYear = news.Event{
		ID: "ev:newyear", Story: "st:kursk", Title: "كيم يهنئ بوتين بالعام الجديد",
		Start: "2026-01-01", End: "2026-01-01",
		Articles: []string{"k3"}, Sources: []string{"اليوم السابع"}, FirstReport: "k3",
	}
	evSummit = news.Event{
		ID: "ev:summit", Story: "st:summit", Title: "بوتين يقبل دعوة لزيارة كوريا الشمالية",
		Start: "2023-09-14", End: "2023-09-14",
		Articles: []string{"s1"}, Sources: []string{"العربية"}, FirstReport: "s1",
	}
)

func TestStories(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, storyFixture()); err != nil {
		t.Fatal(err)
	}
	got, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []news.Story{
		{
			ID: "st:kursk", Title: evThanks.Title, Start: "2025-12-19", End: "2026-01-01",
			Events:  []news.Event{evThanks, evNewYear},
			Sources: []string{"الجزيرة", "العربية", "اليوم السابع"}, Articles: 3, FirstReport: "k2",
		},
		{
			ID: "st:summit", Title: evSummit.Title, Start: "2023-09-14", End: "2023-09-14",
			Events:  []news.Event{evSummit},
			Sources: []string{"العربية"}, Articles: 1, FirstReport: "s1",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stories =\n %+v\nwant\n %+v", got, want)
	}
}

func TestStory(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, storyFixture()); err != nil {
		t.Fatal(err)
	}
	all, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range all {
		got, err := s.Story(ctx, want.ID)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Story(%q) = %+v, %v\nwant the Stories entry %+v", want.ID, got, err, want)
		}
	}
	for _, id := range []string{"st:none", ""} {
		if _, err := s.Story(ctx, id); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Story(%q) error = %v, want ErrNotFound", id, err)
		}
	}
}

func TestEvents(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, storyFixture()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		story string
		want  []news.Event
	}{
		{"st:kursk", []news.Event{evThanks, evNewYear}},
		{"st:summit", []news.Event{evSummit}},
		{"", []news.Event{evSummit, evThanks, evNewYear}}, // all, by start date
		{"st:absent", []news.Event{}},
	}
	for _, tt := range tests {
		t.Run(tt.story, func(t *testing.T) {
			got, err := s.Events(ctx, tt.story)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Events(%q) =\n %+v\nwant\n %+v", tt.story, got, tt.want)
			}
		})
	}
}

// TestStoriesRules covers the tie-breaks and fallbacks one case at a time.
func TestStoriesRules(t *testing.T) {
	at := func(id, event, story, published, title string) news.Article {
		a := article(id, "الجزيرة", event, story)
		a.Published, a.Title = published, title
		return a
	}
	tests := []struct {
		name  string
		arts  []news.Article
		check func(t *testing.T, got []news.Story)
	}{
		{
			name: "undated article is never the first report",
			arts: []news.Article{at("u", "e", "s", "", "بلا تاريخ"), at("d", "e", "s", "2025-01-02", "مؤرخ")},
			check: func(t *testing.T, got []news.Story) {
				e := got[0].Events[0]
				if e.FirstReport != "d" || !reflect.DeepEqual(e.Articles, []string{"d", "u"}) || e.Start != "2025-01-02" {
					t.Errorf("event = %+v", e)
				}
			},
		},
		{
			name: "same date: ingest order decides",
			arts: []news.Article{at("b", "e", "s", "2025-01-02", "الأول"), at("a", "e", "s", "2025-01-02", "الثاني")},
			check: func(t *testing.T, got []news.Story) {
				if e := got[0].Events[0]; e.FirstReport != "b" || e.Title != "الأول" {
					t.Errorf("event = %+v", e)
				}
			},
		},
		{
			name: "first report without a title: the next title stands in",
			arts: []news.Article{at("x", "e", "s", "2025-01-01", ""), at("y", "e", "s", "2025-01-03", "عنوان لاحق")},
			check: func(t *testing.T, got []news.Story) {
				if e := got[0].Events[0]; e.FirstReport != "x" || e.Title != "عنوان لاحق" {
					t.Errorf("event = %+v", e)
				}
			},
		},
		{
			name: "story title from its biggest event, not its first",
			arts: []news.Article{
				at("p", "early", "s", "2025-01-01", "حدث صغير"),
				at("q", "big", "s", "2025-02-01", "حدث كبير"),
				at("r", "big", "s", "2025-02-02", "متابعة"),
			},
			check: func(t *testing.T, got []news.Story) {
				st := got[0]
				if st.Title != "حدث كبير" || st.FirstReport != "p" || st.Events[0].ID != "early" {
					t.Errorf("story = %+v", st)
				}
			},
		},
		{
			name: "equal events: the earliest names the story",
			arts: []news.Article{at("m", "late", "s", "2025-03-01", "متأخر"), at("n", "soon", "s", "2025-01-01", "مبكر")},
			check: func(t *testing.T, got []news.Story) {
				if got[0].Title != "مبكر" {
					t.Errorf("story title = %q", got[0].Title)
				}
			},
		},
		{
			name: "equal size: the latest story first, then by ID",
			arts: []news.Article{
				at("o1", "e1", "old", "2024-01-01", "قديم"),
				at("n1", "e2", "new", "2025-06-01", "جديد"),
				at("z1", "e3", "tie-b", "2024-05-01", "ب"),
				at("a1", "e4", "tie-a", "2024-05-01", "أ"),
			},
			check: func(t *testing.T, got []news.Story) {
				var ids []string
				for _, st := range got {
					ids = append(ids, st.ID)
				}
				if want := []string{"new", "tie-a", "tie-b", "old"}; !reflect.DeepEqual(ids, want) {
					t.Errorf("story order = %v, want %v", ids, want)
				}
			},
		},
		{
			name: "article with a story but no event counts toward the story only",
			arts: []news.Article{at("v", "e", "s", "2025-01-05", "حدث"), at("w", "", "s", "2025-01-01", "بلا حدث")},
			check: func(t *testing.T, got []news.Story) {
				st := got[0]
				if st.Articles != 2 || len(st.Events) != 1 || st.FirstReport != "w" || st.Start != "2025-01-01" || st.Title != "حدث" {
					t.Errorf("story = %+v", st)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := MustOpen(t)
			if _, err := s.PutArticles(ctx, tt.arts); err != nil {
				t.Fatal(err)
			}
			got, err := s.Stories(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 {
				t.Fatal("no stories")
			}
			tt.check(t, got)
		})
	}
}

// TestRevise: a merged event's articles move to the event and story it
// joined, a chain of merges ends where the last one sends them, a copy
// group's old first member and its copies name the new one, and the store
// says which articles moved to another event.
func TestRevise(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, storyFixture()); err != nil {
		t.Fatal(err)
	}
	moved, err := s.Revise(ctx, news.Revisions{
		Merges: []news.EventMerge{
			{From: "ev:newyear", Into: "ev:thanks", Story: "st:kursk"},
			{From: "ev:thanks", Into: "ev:summit", Story: "st:summit"},
		},
		// k1 is a copy of k2; s1 turns out to be the first report.
		Reroots: []news.Reroot{{From: "k2", To: "s1"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"k1", "k2", "k3"}; !reflect.DeepEqual(moved, want) {
		t.Errorf("moved %v, want %v", moved, want)
	}
	got, err := s.Articles(ctx, news.ArticleQuery{Event: "ev:summit"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID+" copy of "+a.DuplicateOf)
		if a.Story != "st:summit" {
			t.Errorf("%s: story %q after the merge, want st:summit", a.ID, a.Story)
		}
	}
	want := []string{"k1 copy of s1", "k2 copy of s1", "k3 copy of ", "s1 copy of "}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("event ev:summit holds %q, want %q", ids, want)
	}
	stories, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || len(stories[0].Events) != 1 {
		t.Errorf("after the merges: %d stories, want one story of one event", len(stories))
	}
	// The merges emptied st:kursk: a link to it leads to st:summit.
	if to, err := s.StoryMovedTo(ctx, "st:kursk"); err != nil || to != "st:summit" {
		t.Errorf("StoryMovedTo(st:kursk) = %q, %v; want st:summit", to, err)
	}
	if _, err := s.StoryMovedTo(ctx, "st:summit"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("StoryMovedTo(st:summit) error = %v, want news.ErrNotFound", err)
	}
	// Moved again: both old links lead to the last story, in one step.
	if _, err := s.PutArticles(ctx, []news.Article{{ID: "z1", Title: "ز", Text: "ز", Event: "ev:third", Story: "st:third"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revise(ctx, news.Revisions{Merges: []news.EventMerge{{From: "ev:summit", Into: "ev:third", Story: "st:third"}}}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"st:kursk", "st:summit"} {
		if to, err := s.StoryMovedTo(ctx, id); err != nil || to != "st:third" {
			t.Errorf("StoryMovedTo(%s) = %q, %v after a second move; want st:third", id, to, err)
		}
	}
	if moved, err := s.Revise(ctx, news.Revisions{}); err != nil || moved != nil {
		t.Errorf("no revisions: moved %v, err %v", moved, err)
	}
}
