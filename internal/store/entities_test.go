package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/marsad/marsad/news"
)

func TestEntities(t *testing.T) {
	s := MustOpen(t)
	putin := func(text string, start int) news.Mention {
		return news.Mention{Text: text, Type: news.PER, ID: "per-1", Name: "فلاديمير بوتين", Start: start, End: start + len([]rune(text))}
	}
	arts := []news.Article{
		{ID: "a", Text: "قال بوتين وبوتين", Entities: []news.Mention{putin("بوتين", 4), putin("بوتين", 11)}},
		{ID: "b", Text: "فلاديمير بوتن", Entities: []news.Mention{putin("فلاديمير بوتن", 0),
			{Text: "موسكو", Type: news.LOC, ID: "loc-2", Name: "موسكو"}}},
		{ID: "c", Text: "لا أسماء"},
	}
	if _, err := s.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Entities = %+v, want 2", got)
	}
	p := got[0]
	if p.ID != "per-1" || p.Name != "فلاديمير بوتين" || p.Type != news.PER || p.Articles != 2 ||
		p.Variants["بوتين"] != 2 || p.Variants["فلاديمير بوتن"] != 1 {
		t.Errorf("Putin = %+v, want 3 mentions in 2 articles under 2 spellings", p)
	}
	if got[1].ID != "loc-2" || got[1].Articles != 1 {
		t.Errorf("Moscow = %+v", got[1])
	}
}

// TestCanonicalName: the listed name of an identity, from the names its
// mentions carry, one rule per case.
func TestCanonicalName(t *testing.T) {
	tests := []struct {
		name  string
		typ   string
		names map[string]int
		want  string
	}{
		// A known entity: every mention carries the gazetteer's name.
		{"gazetteer name", news.PER, map[string]int{"فلاديمير بوتين": 40}, "فلاديمير بوتين"},
		// Tatweel and diacritics are layout, not spelling.
		{"tatweel", news.LOC, map[string]int{"آسـيا": 1}, "آسيا"},
		{"long tatweel", news.ORG, map[string]int{"الســويس": 1}, "السويس"},
		{"diacritics", news.LOC, map[string]int{"مِصْر": 1}, "مصر"},
		// Spellings differing only in marks add up.
		{"marks add up", news.ORG, map[string]int{"أوبـك": 2, "أوبك": 1, "اوبك": 2}, "أوبك"},
		// The most mentioned spelling, not the first seen.
		{"most common", news.LOC, map[string]int{"دبى": 1, "دبي": 1064}, "دبي"},
		// A proclitic form never, when the bare form is there, however
		// often it is written.
		{"lam-alef-lam", news.ORG, map[string]int{"للأمم المتحدة": 376, "الأمم المتحدة": 20}, "الأمم المتحدة"},
		{"preposition and article", news.ORG, map[string]int{"بالكرملين": 9, "الكرملين": 3}, "الكرملين"},
		{"conjunction", news.PER, map[string]int{"وبوتين": 5, "بوتين": 1}, "بوتين"},
		// A name that starts like a clitic is a name when it stands alone.
		{"lam-initial name", news.LOC, map[string]int{"لندن": 3}, "لندن"},
		// Only clitic forms: the most mentioned of them.
		{"only clitic forms", news.ORG, map[string]int{"للآمم المتحدة": 1, "للأمم المتحدة": 376}, "للأمم المتحدة"},
		// A person's full name before a lone word, however often the
		// lone word is written.
		{"full name", news.PER, map[string]int{"هنية": 30, "إسماعيل هنية": 4}, "إسماعيل هنية"},
		// Ties go the same way whatever the map order.
		{"tie", news.LOC, map[string]int{"كييف": 2, "كيف": 2}, "كييف"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canonicalName(tt.typ, tt.names); got != tt.want {
				t.Errorf("canonicalName(%v) = %q, want %q", tt.names, got, tt.want)
			}
		})
	}
}

// TestEntitiesCanonicalName: the listing names an identity by its most
// mentioned bare spelling, whatever order the rows come in.
func TestEntitiesCanonicalName(t *testing.T) {
	s := MustOpen(t)
	geneva := func(text string) news.Mention {
		return news.Mention{Text: text, Type: news.LOC, ID: "loc-9", Name: text}
	}
	arts := []news.Article{
		{ID: "a", Entities: []news.Mention{geneva("جنيــف")}},
		{ID: "b", Entities: []news.Mention{geneva("جنيف"), geneva("بجنيف")}},
		{ID: "c", Entities: []news.Mention{geneva("بجنيف"), geneva("بجنيف")}},
	}
	if _, err := s.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entity(context.Background(), "loc-9")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "جنيف" {
		t.Errorf("Entity name %q, want جنيف", got.Name)
	}
}

// entityFixture names Putin under three spellings in three articles, quotes
// him in one that does not name him, and names Moscow once.
func entityFixture() []news.Article {
	putin := func(text string) news.Mention {
		return news.Mention{Text: text, Type: news.PER, ID: "per-1", Name: "فلاديمير بوتين"}
	}
	return []news.Article{
		{ID: "a", Published: "2025-12-18T10:00:00+03:00", Entities: []news.Mention{putin("بوتين"), putin("بوتين")}},
		{ID: "b", Published: "2025-12-19", Entities: []news.Mention{putin("بوتن"),
			{Text: "موسكو", Type: news.LOC, ID: "loc-2", Name: "موسكو"}}},
		{ID: "c", Published: "2025-12-19T23:30:00+03:00", Entities: []news.Mention{putin("فلاديمير بوتين")}},
		{ID: "d", Published: "أمس", Quotes: []news.Quote{{Speaker: "الرئيس الروسي", SpeakerID: "per-1", Text: "شكرا"}}},
		{ID: "e", Published: "2025-12-20", Entities: []news.Mention{{Text: "اسم بلا هوية", Type: news.PER}}},
	}
}

func TestEntityLookups(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, entityFixture()); err != nil {
		t.Fatal(err)
	}

	e, err := s.Entity(ctx, "per-1")
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "فلاديمير بوتين" || e.Type != news.PER || e.Articles != 3 ||
		e.Variants["بوتين"] != 2 || e.Variants["بوتن"] != 1 || e.Variants["فلاديمير بوتين"] != 1 {
		t.Errorf("Entity(per-1) = %+v, want 4 mentions under 3 spellings in 3 articles", e)
	}
	if _, err := s.Entity(ctx, "per-404"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Entity(per-404) error = %v, want ErrNotFound", err)
	}

	for _, tc := range []struct {
		spelling, want string
	}{
		{"بوتن", "per-1"},
		{"بوتِين", "per-1"}, // diacritics fold
		{"موسكو", "loc-2"},
		{"كيم", ""},
		{"اسم بلا هوية", ""}, // mentions without an identity are not indexed
		{"  ", ""},
	} {
		id, ok, err := s.EntityBySpelling(ctx, tc.spelling)
		if err != nil || id != tc.want || ok != (tc.want != "") {
			t.Errorf("EntityBySpelling(%q) = %q, %v, %v; want %q", tc.spelling, id, ok, err, tc.want)
		}
	}

	arts, total, err := s.ArticlesNaming(ctx, "per-1", 2, 0)
	if err != nil || total != 4 || len(arts) != 2 || arts[0].ID != "c" || arts[1].ID != "b" {
		t.Errorf("ArticlesNaming(per-1, 2, 0) = %v, %d, %v; want c, b of 4 (newest instant first: c's evening in Moscow is after b's midnight UTC)", ids(arts), total, err)
	}
	// The undated article that only quotes him comes last.
	if arts, _, _ := s.ArticlesNaming(ctx, "per-1", 0, 2); len(arts) != 2 || arts[0].ID != "a" || arts[1].ID != "d" {
		t.Errorf("ArticlesNaming(per-1, all, from 2) = %v, want a, d", ids(arts))
	}
	if arts, err := s.ArticlesQuoting(ctx, "per-1"); err != nil || len(arts) != 1 || arts[0].Quotes[0].Text != "شكرا" {
		t.Errorf("ArticlesQuoting(per-1) = %v, %v; want d with its quote", ids(arts), err)
	}

	tl, err := s.EntityTimeline(ctx, "per-1")
	want := []DayCount{{"2025-12-18", 1}, {"2025-12-19", 2}}
	if err != nil || !reflect.DeepEqual(tl, want) {
		t.Errorf("EntityTimeline(per-1) = %v, %v; want %v (the undated article left out)", tl, err, want)
	}
}

// TestReannotate checks that new annotations replace the old ones and the
// entity index follows: the old identity is gone, the new one answers.
func TestReannotate(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.PutArticles(ctx, entityFixture()); err != nil {
		t.Fatal(err)
	}
	// Putin's mentions in b and his quote in d resolve to per-9 now.
	b := news.Article{ID: "b", Entities: []news.Mention{{Text: "بوتن", Type: news.PER, ID: "per-9", Name: "فلاديمير بوتين"}}}
	d := news.Article{ID: "d", Quotes: []news.Quote{{Speaker: "الرئيس الروسي", SpeakerID: "per-9", Text: "شكرا"}}}
	n, err := s.Reannotate(ctx, []news.Article{b, d, {ID: "not-stored"}})
	if err != nil || n != 2 {
		t.Fatalf("Reannotate = %d, %v; want 2", n, err)
	}
	got, err := s.Article(ctx, "b")
	if err != nil || len(got.Entities) != 1 || got.Entities[0].ID != "per-9" || got.Published != "2025-12-19" {
		t.Errorf("b after Reannotate: %+v, %v", got.Entities, err)
	}
	if e, err := s.Entity(ctx, "per-1"); err != nil || e.Articles != 2 || e.Variants["بوتن"] != 0 {
		t.Errorf("per-1 after Reannotate: %+v, %v; want a and c only", e, err)
	}
	if _, err := s.Entity(ctx, "loc-2"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("loc-2 after b lost it: %v, want ErrNotFound", err)
	}
	if arts, err := s.ArticlesQuoting(ctx, "per-1"); err != nil || len(arts) != 0 {
		t.Errorf("ArticlesQuoting(per-1) = %v, %v; want none", ids(arts), err)
	}
	if arts, err := s.ArticlesQuoting(ctx, "per-9"); err != nil || len(arts) != 1 || arts[0].ID != "d" {
		t.Errorf("ArticlesQuoting(per-9) = %v, %v; want d", ids(arts), err)
	}
}

// TestMigrationIndexesStoredEntities checks that a store written before the
// entity index (schema v2) gets it filled from its articles on upgrade.
func TestMigrationIndexesStoredEntities(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutArticles(ctx, entityFixture()); err != nil {
		t.Fatal(err)
	}
	// Back to v2: as if the articles had been stored by an older marsad.
	if _, err := s.writer.ExecContext(ctx, `DROP TABLE story_moves; DROP INDEX articles_duplicate_of; DROP TABLE mentions; DROP TABLE speakers; DROP INDEX articles_published_at;
		ALTER TABLE articles DROP COLUMN published_at; UPDATE schema_version SET version = 2`); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpenAt(t, path)
	e, err := s.Entity(ctx, "per-1")
	if err != nil || e.Articles != 3 || len(e.Variants) != 3 {
		t.Errorf("after upgrade Entity(per-1) = %+v, %v; want 3 articles, 3 spellings", e, err)
	}
	if arts, total, err := s.ArticlesNaming(ctx, "per-1", 0, 0); err != nil || total != 4 || ids(arts)[0] != "c" {
		t.Errorf("after upgrade ArticlesNaming = %v of %d, %v; want 4, c first", ids(arts), total, err)
	}
}

func ids(arts []news.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}
