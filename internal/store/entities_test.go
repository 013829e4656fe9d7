package store

import (
	"context"
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
