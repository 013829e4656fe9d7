package searchbench

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgTable holds the articles in PostgreSQL; the name is marsad's own so a
// shared database is not disturbed.
const pgTable = "marsad_searchbench"

// PG is PostgreSQL full-text search over the same articles, configured as
// its documentation suggests: a stored tsvector of title (weight A) and
// text in the `arabic` configuration, a GIN index, websearch_to_tsquery for
// the user's query (phrases, -word and OR, as marsad accepts), ranked by
// ts_rank.
type PG struct {
	conn *pgx.Conn
}

// OpenPG connects to the database at url (a postgres:// URL or a key=value
// connection string).
func OpenPG(ctx context.Context, url string) (*PG, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	return &PG{conn: conn}, nil
}

// Close closes the connection.
func (p *PG) Close(ctx context.Context) error { return p.conn.Close(ctx) }

// Doc is one article as PostgreSQL indexes it.
type Doc struct {
	ID, Title, Text string
}

// LoadStats is what loading PostgreSQL took.
type LoadStats struct {
	Rows                   int64
	Load, Index            time.Duration // COPY with the tsvector computed; GIN index build
	TableBytes, IndexBytes int64         // pg_total_relation_size of the table without / of the index
}

// Load replaces the table with the docs each yields and builds the index.
func (p *PG) Load(ctx context.Context, each func(yield func(Doc) error) error) (LoadStats, error) {
	var st LoadStats
	for _, q := range []string{
		`DROP TABLE IF EXISTS ` + pgTable,
		`CREATE TABLE ` + pgTable + ` (
			id    text PRIMARY KEY,
			title text NOT NULL,
			body  text NOT NULL,
			tsv   tsvector GENERATED ALWAYS AS
			      (setweight(to_tsvector('arabic', title), 'A') || to_tsvector('arabic', body)) STORED
		)`,
	} {
		if _, err := p.conn.Exec(ctx, q); err != nil {
			return st, fmt.Errorf("load PostgreSQL: %w", err)
		}
	}
	var rows [][]any
	err := each(func(d Doc) error {
		rows = append(rows, []any{d.ID, d.Title, d.Text})
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("load PostgreSQL: read articles: %w", err)
	}
	start := time.Now()
	n, err := p.conn.CopyFrom(ctx, pgx.Identifier{pgTable}, []string{"id", "title", "body"}, pgx.CopyFromRows(rows))
	if err != nil {
		return st, fmt.Errorf("load PostgreSQL: copy: %w", err)
	}
	st.Rows, st.Load = n, time.Since(start)
	start = time.Now()
	if _, err := p.conn.Exec(ctx, `CREATE INDEX `+pgTable+`_tsv ON `+pgTable+` USING gin (tsv)`); err != nil {
		return st, fmt.Errorf("load PostgreSQL: index: %w", err)
	}
	if _, err := p.conn.Exec(ctx, `ANALYZE `+pgTable); err != nil {
		return st, fmt.Errorf("load PostgreSQL: analyze: %w", err)
	}
	st.Index = time.Since(start)
	err = p.conn.QueryRow(ctx, `SELECT pg_table_size($1), pg_relation_size($2)`, pgTable, pgTable+"_tsv").
		Scan(&st.TableBytes, &st.IndexBytes)
	if err != nil {
		return st, fmt.Errorf("load PostgreSQL: sizes: %w", err)
	}
	return st, nil
}

// Loaded reports how many articles the table holds, 0 when it is absent.
func (p *PG) Loaded(ctx context.Context) (int64, error) {
	var n int64
	err := p.conn.QueryRow(ctx, `SELECT count(*) FROM `+pgTable).Scan(&n)
	var pgErr interface{ SQLState() string }
	if errors.As(err, &pgErr) && pgErr.SQLState() == "42P01" { // undefined_table
		return 0, nil
	}
	return n, err
}

// Search returns the number of articles matching q, fetching the first page
// of size ranked hits with it, as a search page would.
func (p *PG) Search(ctx context.Context, q string, size int) (int, error) {
	rows, err := p.conn.Query(ctx, `
		SELECT id, count(*) OVER ()
		FROM `+pgTable+`, websearch_to_tsquery('arabic', $1) AS query
		WHERE tsv @@ query
		ORDER BY ts_rank(tsv, query) DESC
		LIMIT $2`, q, size)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	total := 0
	for rows.Next() {
		var id string
		if err := rows.Scan(&id, &total); err != nil {
			return 0, err
		}
	}
	return total, rows.Err()
}
