package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/marsad/marsad/news"
)

// knownChunk bounds the ids in one IN list, well under SQLite's limit on
// bound variables, so Known works for any number of ids.
const knownChunk = 500

// articleColumns is the column list every article read selects, in the order
// scanArticle expects.
const articleColumns = `id, page, origin, idx, title, text, lang, published, source, author, url,
	captions, removed, entities, quotes, quantities, dates, duplicate_of, event, story, happened`

// PutArticles stores a batch in one transaction: all of it or, on any error,
// none of it. An article whose ID is already stored, earlier or in this batch,
// is counted as a duplicate and left as it is; every article's sighting is
// recorded either way, once.
func (s *Store) PutArticles(ctx context.Context, arts []news.Article) (news.PutResult, error) {
	var res news.PutResult
	if len(arts) == 0 {
		return res, nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		insArt, err := tx.PrepareContext(ctx, `INSERT INTO articles (`+articleColumns+`, published_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`)
		if err != nil {
			return err
		}
		defer insArt.Close()
		insSeen, err := prepareSighting(ctx, tx)
		if err != nil {
			return err
		}
		defer insSeen.Close()
		ix, err := prepareEntityIndex(ctx, tx)
		if err != nil {
			return err
		}
		defer ix.close()

		for _, a := range arts {
			// Checked per article so a cancelled ingest of a big batch stops
			// promptly instead of writing rows that will be rolled back.
			if err := ctx.Err(); err != nil {
				return err
			}
			args, err := articleArgs(a)
			if err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
			r, err := insArt.ExecContext(ctx, append(args, publishedAt(a.Published))...)
			if err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
			n, err := r.RowsAffected()
			if err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
			if n == 1 {
				res.Stored++
				res.New = append(res.New, a.ID)
				if err := ix.add(ctx, a); err != nil {
					return fmt.Errorf("article %s: index entities: %w", a.ID, err)
				}
			} else {
				res.Duplicates++
			}
			if _, err := execSighting(ctx, insSeen, sightingOf(a)); err != nil {
				return fmt.Errorf("article %s: sighting: %w", a.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return news.PutResult{}, fmt.Errorf("store articles: %w", err)
	}
	return res, nil
}

// AddSightings records places where already stored articles were seen, in
// one transaction, and returns how many were new. A sighting of an article
// that is not stored violates a foreign key and fails the whole batch.
func (s *Store) AddSightings(ctx context.Context, seen []news.Sighting) (int, error) {
	if len(seen) == 0 {
		return 0, nil
	}
	added := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		ins, err := prepareSighting(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, sg := range seen {
			n, err := execSighting(ctx, ins, sg)
			if err != nil {
				return fmt.Errorf("article %s: %w", sg.Article, err)
			}
			added += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store sightings: %w", err)
	}
	return added, nil
}

// write runs fn in a writer transaction, committing when fn returns nil and
// rolling back otherwise.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		// The rollback error is dropped: fn's error says what went wrong,
		// and a failed rollback leaves nothing committed either.
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func prepareSighting(ctx context.Context, tx *sql.Tx) (*sql.Stmt, error) {
	return tx.PrepareContext(ctx, `INSERT OR IGNORE INTO sightings
		(article, origin, idx, source, url, published) VALUES (?, ?, ?, ?, ?, ?)`)
}

func execSighting(ctx context.Context, ins *sql.Stmt, sg news.Sighting) (int64, error) {
	r, err := ins.ExecContext(ctx, sg.Article, sg.Origin, sg.Index, sg.Source, sg.URL, sg.Published)
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

// sightingOf is where a itself was seen. It takes Origin as it is, as the
// pipeline's AddSightings callers do, so a page read twice maps to one row.
func sightingOf(a news.Article) news.Sighting {
	return news.Sighting{
		Article:   a.ID,
		Origin:    a.Origin,
		Index:     a.Index,
		Source:    a.Source,
		URL:       a.URL,
		Published: a.Published,
	}
}

// articleArgs lays a out in articleColumns order.
func articleArgs(a news.Article) ([]any, error) {
	jsons, err := jsonColumns(a.Captions, a.Removed, a.Entities, a.Quotes, a.Quantities, a.Dates)
	if err != nil {
		return nil, err
	}
	return []any{
		a.ID, a.Page, a.Origin, a.Index, a.Title, a.Text, a.Lang, a.Published, a.Source, a.Author, a.URL,
		jsons[0], jsons[1], jsons[2], jsons[3], jsons[4], jsons[5],
		a.DuplicateOf, a.Event, a.Story, a.Happened,
	}, nil
}

// jsonColumns marshals each of vs as its JSON column holds it. A nil slice
// marshals as null; the empty array the column default uses is stored
// instead, so every row reads the same way in SQL.
func jsonColumns(vs ...any) ([]any, error) {
	out := make([]any, len(vs))
	for i, v := range vs {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		if string(b) == "null" {
			b = []byte("[]")
		}
		out[i] = string(b)
	}
	return out, nil
}

// publishedAt is the instant a publication date names, in UTC in a form
// that sorts as text, or "" when it does not parse: published itself, as
// the outlet wrote it, does not sort across time zones.
func publishedAt(published string) string {
	t, ok := news.ParseISO(published)
	if !ok {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// scanArticle reads one row selected with articleColumns.
func scanArticle(row interface{ Scan(...any) error }) (news.Article, error) {
	var a news.Article
	var captions, removed, entities, quotes, quantities, dates string
	err := row.Scan(&a.ID, &a.Page, &a.Origin, &a.Index, &a.Title, &a.Text, &a.Lang, &a.Published,
		&a.Source, &a.Author, &a.URL,
		&captions, &removed, &entities, &quotes, &quantities, &dates,
		&a.DuplicateOf, &a.Event, &a.Story, &a.Happened)
	if err != nil {
		return news.Article{}, err
	}
	for _, f := range []struct {
		col string
		dst any
	}{
		{captions, &a.Captions},
		{removed, &a.Removed},
		{entities, &a.Entities},
		{quotes, &a.Quotes},
		{quantities, &a.Quantities},
		{dates, &a.Dates},
	} {
		// An empty list reads back as nil, as the pipeline left it.
		if f.col == "" || f.col == "[]" {
			continue
		}
		if err := json.Unmarshal([]byte(f.col), f.dst); err != nil {
			return news.Article{}, fmt.Errorf("article %s: %w", a.ID, err)
		}
	}
	return a, nil
}

// Article returns the article with the given ID, or an error wrapping
// news.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (news.Article, error) {
	row := s.reader.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Article{}, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// Articles lists the articles q selects, in ingest order.
func (s *Store) Articles(ctx context.Context, q news.ArticleQuery) ([]news.Article, error) {
	var where []string
	var args []any
	for _, f := range []struct{ col, val string }{
		{"source", q.Source}, {"event", q.Event}, {"story", q.Story},
	} {
		if f.val != "" {
			where = append(where, f.col+" = ?")
			args = append(args, f.val)
		}
	}
	cond := "1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	// SQLite has no OFFSET without LIMIT; a negative limit means none.
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, max(q.Offset, 0))
	out, err := s.articlesWhere(ctx, cond+` ORDER BY seq LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// articlesWhere reads the articles matching a WHERE clause, in its order.
func (s *Store) articlesWhere(ctx context.Context, where string, args ...any) ([]news.Article, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// EachArticle calls fn for every stored article in ingest order, reading one
// row at a time so the whole store never sits in memory. The walk holds a
// reader connection; writes from fn still go through, as WAL lets them.
func (s *Store) EachArticle(ctx context.Context, fn func(news.Article) error) error {
	rows, err := s.reader.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("walk articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("walk articles: %w", err)
		}
		if err := fn(a); err != nil {
			// fn's error is the caller's own: returned as is so they can
			// compare it without unwrapping our words around it.
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("walk articles: %w", err)
	}
	return nil
}

// CountArticles counts the stored articles.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Known reports which of ids are stored; absent ids are absent from the map.
// The pipeline uses it to skip analyzing articles it already has.
func (s *Store) Known(ctx context.Context, ids []string) (map[string]bool, error) {
	known := make(map[string]bool)
	for start := 0; start < len(ids); start += knownChunk {
		chunk := ids[start:min(start+knownChunk, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		marks := strings.Repeat("?,", len(chunk))
		rows, err := s.reader.QueryContext(ctx,
			`SELECT id FROM articles WHERE id IN (`+marks[:len(marks)-1]+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("known articles: %w", err)
		}
		err = collectIDs(rows, known)
		if err != nil {
			return nil, fmt.Errorf("known articles: %w", err)
		}
	}
	return known, nil
}

func collectIDs(rows *sql.Rows, into map[string]bool) error {
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		into[id] = true
	}
	return rows.Err()
}

// Sightings lists where the article's content was seen, in the order the
// sightings were recorded: the article's own first. An unknown ID has none.
func (s *Store) Sightings(ctx context.Context, id string) ([]news.Sighting, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT article, origin, idx, source, url, published
		FROM sightings WHERE article = ? ORDER BY rowid`, id)
	if err != nil {
		return nil, fmt.Errorf("sightings of %s: %w", id, err)
	}
	defer rows.Close()
	var out []news.Sighting
	for rows.Next() {
		var sg news.Sighting
		if err := rows.Scan(&sg.Article, &sg.Origin, &sg.Index, &sg.Source, &sg.URL, &sg.Published); err != nil {
			return nil, fmt.Errorf("sightings of %s: %w", id, err)
		}
		out = append(out, sg)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sightings of %s: %w", id, err)
	}
	return out, nil
}
