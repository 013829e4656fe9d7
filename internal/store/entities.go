package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/marsad/marsad/news"
)

// Entities lists the identities mentioned in stored articles, most
// mentioned first, each with the spellings it was seen under and how many
// articles name it. It aggregates the articles' entity annotations in SQL
// (json_each), so it is always in step with what is stored.
func (s *Store) Entities(ctx context.Context) ([]news.Entity, error) {
	rows, err := s.reader.QueryContext(ctx, `
		SELECT json_extract(m.value, '$.id'), json_extract(m.value, '$.type'),
		       json_extract(m.value, '$.name'), json_extract(m.value, '$.text'),
		       COUNT(*)
		FROM articles a, json_each(a.entities) m
		WHERE json_extract(m.value, '$.id') <> ''
		GROUP BY 1, 2, 3, 4`)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	byID := map[string]*news.Entity{}
	for rows.Next() {
		var id, typ, name, text string
		var n int
		if err := rows.Scan(&id, &typ, &name, &text, &n); err != nil {
			return nil, fmt.Errorf("list entities: %w", err)
		}
		e := byID[id]
		if e == nil {
			e = &news.Entity{ID: id, Name: name, Type: typ, Variants: map[string]int{}}
			byID[id] = e
		}
		e.Variants[text] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	// Articles naming an entity, each once whatever the spellings.
	counts, err := s.reader.QueryContext(ctx, `
		SELECT json_extract(m.value, '$.id'), COUNT(DISTINCT a.id)
		FROM articles a, json_each(a.entities) m
		GROUP BY 1`)
	if err != nil {
		return nil, fmt.Errorf("count entity articles: %w", err)
	}
	defer counts.Close()
	for counts.Next() {
		var id string
		var n int
		if err := counts.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count entity articles: %w", err)
		}
		if e := byID[id]; e != nil {
			e.Articles = n
		}
	}
	if err := counts.Err(); err != nil {
		return nil, fmt.Errorf("count entity articles: %w", err)
	}
	out := make([]news.Entity, 0, len(byID))
	for _, e := range byID {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool {
		mi, mj := mentions(out[i]), mentions(out[j])
		if mi != mj {
			return mi > mj
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func mentions(e news.Entity) int {
	n := 0
	for _, c := range e.Variants {
		n += c
	}
	return n
}
