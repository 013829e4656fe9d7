package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// entityIndex writes the mentions and speakers rows of newly stored
// articles, inside the transaction that stores them, so the index is never
// out of step with the articles.
type entityIndex struct {
	mention, speaker *sql.Stmt
}

func prepareEntityIndex(ctx context.Context, tx *sql.Tx) (*entityIndex, error) {
	m, err := tx.PrepareContext(ctx, `INSERT INTO mentions (article, entity, type, name, text, key, n)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (entity, article, text) DO UPDATE SET n = n + excluded.n`)
	if err != nil {
		return nil, err
	}
	sp, err := tx.PrepareContext(ctx, `INSERT INTO speakers (article, entity, n) VALUES (?, ?, 1)
		ON CONFLICT (entity, article) DO UPDATE SET n = n + 1`)
	if err != nil {
		m.Close()
		return nil, err
	}
	return &entityIndex{mention: m, speaker: sp}, nil
}

// add indexes the entities a names and quotes. Mentions without an identity
// are left out: there is nothing to look them up by.
func (ix *entityIndex) add(ctx context.Context, a news.Article) error {
	for _, m := range a.Entities {
		if m.ID == "" {
			continue
		}
		if _, err := ix.mention.ExecContext(ctx, a.ID, m.ID, m.Type, m.Name, m.Text, arabic.NameKey(m.Text), 1); err != nil {
			return err
		}
	}
	for _, q := range a.Quotes {
		if q.SpeakerID == "" {
			continue
		}
		if _, err := ix.speaker.ExecContext(ctx, a.ID, q.SpeakerID); err != nil {
			return err
		}
	}
	return nil
}

func (ix *entityIndex) close() {
	ix.mention.Close()
	ix.speaker.Close()
}

// indexStoredEntities fills the entity index and published_at for the
// articles stored before they existed (migration v3).
func indexStoredEntities(ctx context.Context, tx *sql.Tx) error {
	ix, err := prepareEntityIndex(ctx, tx)
	if err != nil {
		return err
	}
	defer ix.close()
	rows, err := tx.QueryContext(ctx, `SELECT id, published, entities, quotes FROM articles ORDER BY seq`)
	if err != nil {
		return err
	}
	// Rows are collected first: SQLite cannot be written through the same
	// transaction while a query on it is still being read.
	var arts []news.Article
	for rows.Next() {
		var a news.Article
		var ents, quotes string
		if err := rows.Scan(&a.ID, &a.Published, &ents, &quotes); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal([]byte(ents), &a.Entities); err != nil {
			rows.Close()
			return fmt.Errorf("article %s entities: %w", a.ID, err)
		}
		if err := json.Unmarshal([]byte(quotes), &a.Quotes); err != nil {
			rows.Close()
			return fmt.Errorf("article %s quotes: %w", a.ID, err)
		}
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	setAt, err := tx.PrepareContext(ctx, `UPDATE articles SET published_at = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer setAt.Close()
	for _, a := range arts {
		if err := ix.add(ctx, a); err != nil {
			return fmt.Errorf("article %s: %w", a.ID, err)
		}
		if _, err := setAt.ExecContext(ctx, publishedAt(a.Published), a.ID); err != nil {
			return fmt.Errorf("article %s: %w", a.ID, err)
		}
	}
	return nil
}

// Entities lists the identities named in stored articles, most mentioned
// first, each with the spellings it was seen under and how many articles
// name it.
func (s *Store) Entities(ctx context.Context) ([]news.Entity, error) {
	es, err := s.entities(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	return es, nil
}

// Entity returns one identity by ID, or an error wrapping news.ErrNotFound
// when no stored article names it.
func (s *Store) Entity(ctx context.Context, id string) (news.Entity, error) {
	es, err := s.entities(ctx, id)
	if err != nil {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(es) == 0 {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, news.ErrNotFound)
	}
	return es[0], nil
}

// entities aggregates the mentions index, of one entity when id is set.
func (s *Store) entities(ctx context.Context, id string) ([]news.Entity, error) {
	where, args := "", []any(nil)
	if id != "" {
		where, args = "WHERE entity = ?", []any{id}
	}
	rows, err := s.reader.QueryContext(ctx, `
		SELECT entity, type, name, text, SUM(n), COUNT(*) FROM mentions `+where+`
		GROUP BY entity, type, name, text`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[string]*news.Entity{}
	names := map[string]map[string]int{} // entity → display name → mentions
	for rows.Next() {
		var eid, typ, name, text string
		var n, articles int
		if err := rows.Scan(&eid, &typ, &name, &text, &n, &articles); err != nil {
			return nil, err
		}
		e := byID[eid]
		if e == nil {
			e = &news.Entity{ID: eid, Type: typ, Variants: map[string]int{}}
			byID[eid] = e
			names[eid] = map[string]int{}
		}
		e.Variants[text] += n
		names[eid][name] += n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for eid, e := range byID {
		e.Name = canonicalName(e.Type, names[eid])
	}
	// Articles naming an entity, each once whatever the spellings.
	counts, err := s.reader.QueryContext(ctx, `
		SELECT entity, COUNT(DISTINCT article) FROM mentions `+where+` GROUP BY entity`, args...)
	if err != nil {
		return nil, err
	}
	defer counts.Close()
	for counts.Next() {
		var eid string
		var n int
		if err := counts.Scan(&eid, &n); err != nil {
			return nil, err
		}
		if e := byID[eid]; e != nil {
			e.Articles = n
		}
	}
	if err := counts.Err(); err != nil {
		return nil, err
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

// canonicalName picks an entity's display name from the names its
// mentions carry (each already the gazetteer's name for a known entity, so
// that one wins), weighted by mentions, tatweel and diacritics removed: never a form with a proclitic
// (للأمم المتحدة، وبوتين) when the bare form is among them; for a person,
// a full name before a lone word; then the most mentioned, the longer, and
// the first in order, so the choice never depends on row order.
func canonicalName(typ string, marked map[string]int) string {
	// Spellings differing only in tatweel, diacritics or invisible marks
	// are one spelling, listed without them (آسـيا is آسيا).
	names := map[string]int{}
	for n, c := range marked {
		names[arabic.Unmarked(n)] += c
	}
	keys := map[string]bool{}
	for n := range names {
		keys[arabic.NameKey(n)] = true
	}
	best, bestN, bestWords := "", 0, 0
	for n, c := range names {
		if n == "" || hasBareForm(arabic.NameKey(n), keys) {
			continue
		}
		words := 1
		if typ == news.PER && len(strings.Fields(n)) > 1 {
			words = 2
		}
		better := best == "" || words > bestWords ||
			words == bestWords && (c > bestN || c == bestN && (len(n) > len(best) || len(n) == len(best) && n < best))
		if better {
			best, bestN, bestWords = n, c, words
		}
	}
	if best == "" {
		// Only clitic forms were seen: the most mentioned of them.
		for n, c := range names {
			if c > bestN || c == bestN && n < best {
				best, bestN = n, c
			}
		}
	}
	return best
}

// proclitics are the prefixes a name takes in running text: conjunctions
// and prepositions, alone or stacked.
var proclitics = []string{"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"}

// hasBareForm reports whether key is a proclitic plus another name key in
// keys: وبوتين beside بوتين, بالكرملين beside الكرملين, or للأمم المتحدة
// beside الأمم المتحدة (ل + ال with the alef elided).
func hasBareForm(key string, keys map[string]bool) bool {
	for _, p := range proclitics {
		rest, ok := strings.CutPrefix(key, p)
		if !ok || len([]rune(rest)) < 2 {
			continue
		}
		if keys[rest] {
			return true
		}
		if strings.HasPrefix(rest, "ل") && keys["ا"+rest] && strings.HasSuffix(p, "ل") {
			return true
		}
	}
	return false
}

func mentions(e news.Entity) int {
	n := 0
	for _, c := range e.Variants {
		n += c
	}
	return n
}

// EntityBySpelling returns the identity stored articles name under a
// spelling, compared by arabic.NameKey so that spellings differing only in
// hamza, alef, taa marbuta or diacritics meet; the most mentioned one when
// several share the key. ok is false when no stored article uses the
// spelling.
func (s *Store) EntityBySpelling(ctx context.Context, spelling string) (id string, ok bool, err error) {
	key := arabic.NameKey(spelling)
	if strings.TrimSpace(key) == "" {
		return "", false, nil
	}
	err = s.reader.QueryRowContext(ctx, `
		SELECT entity FROM mentions WHERE key = ?
		GROUP BY entity ORDER BY SUM(n) DESC, entity LIMIT 1`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("entity spelled %q: %w", spelling, err)
	}
	return id, true, nil
}

// naming selects the articles that name an entity or quote it.
const naming = `SELECT article FROM mentions WHERE entity = ?1
	UNION SELECT article FROM speakers WHERE entity = ?1`

// ArticlesNaming returns the articles that name or quote an entity, newest
// publication first (undated last), limit of them from offset (limit ≤ 0: all), and how
// many there are in all.
func (s *Store) ArticlesNaming(ctx context.Context, id string, limit, offset int) ([]news.Article, int, error) {
	var total int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM (`+naming+`)`, id).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("articles naming %s: %w", id, err)
	}
	if limit <= 0 {
		limit = -1
	}
	arts, err := s.articlesWhere(ctx, `id IN (`+naming+`) ORDER BY published_at = '', published_at DESC, seq DESC LIMIT ?2 OFFSET ?3`,
		id, limit, max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("articles naming %s: %w", id, err)
	}
	return arts, total, nil
}

// ArticlesQuoting returns every article with a quote attributed to the
// entity, newest publication first (undated last).
func (s *Store) ArticlesQuoting(ctx context.Context, id string) ([]news.Article, error) {
	arts, err := s.articlesWhere(ctx,
		`id IN (SELECT article FROM speakers WHERE entity = ?) ORDER BY published_at = '', published_at DESC, seq DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("articles quoting %s: %w", id, err)
	}
	return arts, nil
}

// DayCount is how many articles did something on one day.
type DayCount struct {
	Day   string `json:"day"`
	Count int    `json:"count"`
}

// EntityTimeline counts, per publication day, the articles that name or
// quote an entity, oldest day first. Articles whose publication date does
// not parse are left out.
func (s *Store) EntityTimeline(ctx context.Context, id string) ([]DayCount, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT published FROM articles WHERE id IN (`+naming+`)`, id)
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", id, err)
	}
	defer rows.Close()
	count := map[string]int{}
	for rows.Next() {
		var published string
		if err := rows.Scan(&published); err != nil {
			return nil, fmt.Errorf("timeline of %s: %w", id, err)
		}
		// The date as the outlet wrote it: converting to UTC would move a
		// late-evening article to the previous day.
		if _, ok := news.ParseISO(published); ok {
			count[published[:min(len(published), len("2006-01-02"))]]++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", id, err)
	}
	out := make([]DayCount, 0, len(count))
	for d, n := range count {
		out = append(out, DayCount{Day: d, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day < out[j].Day })
	return out, nil
}

// Reannotate replaces the annotations of stored articles (entities,
// quotes, quantities, dates, when it happened) with those of arts, and the
// entity index with them, in one transaction; the text, the sightings and
// the clustering are left as they are. It returns how many of arts were
// stored; the others are skipped.
func (s *Store) Reannotate(ctx context.Context, arts []news.Article) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		sel, err := tx.PrepareContext(ctx, `SELECT quotes FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer sel.Close()
		upd, err := tx.PrepareContext(ctx, `UPDATE articles SET entities = ?, quotes = ?, quantities = ?, dates = ?, happened = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer upd.Close()
		ix, err := prepareEntityIndex(ctx, tx)
		if err != nil {
			return err
		}
		defer ix.close()
		for _, a := range arts {
			if err := ctx.Err(); err != nil {
				return err
			}
			args, err := jsonColumns(a.Entities, a.Quotes, a.Quantities, a.Dates)
			if err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
			var oldQuotes string
			err = sel.QueryRowContext(ctx, a.ID).Scan(&oldQuotes)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err == nil {
				_, err = upd.ExecContext(ctx, append(args, a.Happened, a.ID)...)
			}
			if err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
			if err := unindex(ctx, tx, a.ID, oldQuotes); err != nil {
				return fmt.Errorf("article %s: unindex entities: %w", a.ID, err)
			}
			if err := ix.add(ctx, a); err != nil {
				return fmt.Errorf("article %s: index entities: %w", a.ID, err)
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("reannotate articles: %w", err)
	}
	return n, nil
}

// unindex takes article id out of the entity index: its mentions, and the
// speakers of the quotes in quotes (its quotes column as it was stored).
func unindex(ctx context.Context, tx *sql.Tx, id, quotes string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article = ?`, id); err != nil {
		return err
	}
	var qs []news.Quote
	if err := json.Unmarshal([]byte(quotes), &qs); err != nil {
		return err
	}
	for _, q := range qs {
		// By primary key: speakers has no index on article alone.
		if _, err := tx.ExecContext(ctx, `DELETE FROM speakers WHERE entity = ? AND article = ?`, q.SpeakerID, id); err != nil {
			return err
		}
	}
	return nil
}
