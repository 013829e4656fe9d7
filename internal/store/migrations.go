package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrSchemaTooNew is returned by Open when the database was last migrated by
// a newer marsad than this one: its schema may hold things this binary would
// misread or destroy, so it refuses to touch it.
var ErrSchemaTooNew = errors.New("database schema is newer than this marsad")

// migrations bring an empty database up to the current schema. Entry i moves
// the schema from version i to version i+1. Append only: a released
// migration is never edited, because databases in the field already ran it.
var migrations = []func(ctx context.Context, tx *sql.Tx) error{
	// v1: articles, where each was seen, and the clustering columns.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx,
			// seq is the ingest order every listing follows. AUTOINCREMENT
			// keeps it from reusing the seq of a deleted last row, so an
			// article's place in that order never changes.
			// The JSON columns default to '[]' so SQL (json_each) can read
			// them without NULL checks.
			`CREATE TABLE articles (
				seq          INTEGER PRIMARY KEY AUTOINCREMENT,
				id           TEXT NOT NULL UNIQUE CHECK (id <> ''),
				page         TEXT NOT NULL DEFAULT '',
				origin       TEXT NOT NULL DEFAULT '',
				idx          INTEGER NOT NULL DEFAULT 0,
				title        TEXT NOT NULL DEFAULT '',
				text         TEXT NOT NULL DEFAULT '',
				lang         TEXT NOT NULL DEFAULT '',
				published    TEXT NOT NULL DEFAULT '',
				source       TEXT NOT NULL DEFAULT '',
				author       TEXT NOT NULL DEFAULT '',
				url          TEXT NOT NULL DEFAULT '',
				captions     TEXT NOT NULL DEFAULT '[]',
				removed      TEXT NOT NULL DEFAULT '[]',
				entities     TEXT NOT NULL DEFAULT '[]',
				quotes       TEXT NOT NULL DEFAULT '[]',
				quantities   TEXT NOT NULL DEFAULT '[]',
				dates        TEXT NOT NULL DEFAULT '[]',
				duplicate_of TEXT NOT NULL DEFAULT '',
				event        TEXT NOT NULL DEFAULT '',
				story        TEXT NOT NULL DEFAULT '',
				ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
			)`,
			// One row per place an article's content was seen; exact copies
			// from several outlets collapse into one article with several
			// sightings. The unique key makes re-ingesting a page a no-op.
			`CREATE TABLE sightings (
				article   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
				origin    TEXT NOT NULL,
				idx       INTEGER NOT NULL,
				source    TEXT NOT NULL DEFAULT '',
				url       TEXT NOT NULL DEFAULT '',
				published TEXT NOT NULL DEFAULT '',
				UNIQUE (article, origin, idx)
			)`,
			`CREATE INDEX articles_event ON articles(event)`,
			`CREATE INDEX articles_story ON articles(story)`,
			`CREATE INDEX articles_source ON articles(source)`,
			`CREATE INDEX articles_published ON articles(published)`,
		)
	},
	// v2: when each article's main happening took place (an estimate).
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx, `ALTER TABLE articles ADD COLUMN happened TEXT NOT NULL DEFAULT ''`)
	},
	// v3: an index of who each article names and quotes, so an entity's
	// page, its spellings and a search by spelling read a few rows instead
	// of every article's JSON; and the publication instant in UTC, so
	// "newest first" sorts across time zones. Filled from the articles
	// already stored.
	func(ctx context.Context, tx *sql.Tx) error {
		err := execAll(ctx, tx,
			`ALTER TABLE articles ADD COLUMN published_at TEXT NOT NULL DEFAULT ''`,
			`CREATE INDEX articles_published_at ON articles(published_at)`,
			// One row per spelling of an entity in an article; n counts its
			// occurrences there. key is the spelling's arabic.NameKey, what
			// a search by spelling looks up.
			`CREATE TABLE mentions (
				article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
				entity  TEXT NOT NULL,
				type    TEXT NOT NULL DEFAULT '',
				name    TEXT NOT NULL DEFAULT '',
				text    TEXT NOT NULL,
				key     TEXT NOT NULL,
				n       INTEGER NOT NULL,
				PRIMARY KEY (entity, article, text)
			) WITHOUT ROWID`,
			`CREATE INDEX mentions_key ON mentions(key)`,
			`CREATE INDEX mentions_article ON mentions(article)`,
			// One row per entity quoted in an article (speaker_id).
			`CREATE TABLE speakers (
				article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
				entity  TEXT NOT NULL,
				n       INTEGER NOT NULL,
				PRIMARY KEY (entity, article)
			) WITHOUT ROWID`,
		)
		if err != nil {
			return err
		}
		return indexStoredEntities(ctx, tx)
	},
	// v4: copies by the article they name, so re-pointing a copy group at
	// an earlier-published first member (Revise) reads its members only.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx, `CREATE INDEX articles_duplicate_of ON articles(duplicate_of)`)
	},
	// v5: stories a merge of events left empty, and the story their
	// articles went to, so a link to the old story still leads somewhere.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx, `CREATE TABLE story_moves (
			id    TEXT PRIMARY KEY,
			story TEXT NOT NULL
		) WITHOUT ROWID`)
	},
}

func execAll(ctx context.Context, tx *sql.Tx, stmts ...string) error {
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// migrate runs the migrations db has not seen yet, each in its own
// transaction so a failure leaves the database at the last good version.
// The version is read inside each transaction, which the writer begins
// IMMEDIATE: two processes opening one new file cannot both run a step.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx,
		`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: create schema_version: %w", err)
	}
	for {
		done, err := migrateOne(ctx, db)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// migrateOne runs the next migration, or reports that there is none.
func migrateOne(ctx context.Context, db *sql.DB) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback() // no-op after Commit

	version, err := schemaVersion(ctx, tx)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	switch {
	case version > len(migrations):
		return false, fmt.Errorf("migrate: %w: database is at version %d, this binary knows up to %d",
			ErrSchemaTooNew, version, len(migrations))
	case version == len(migrations):
		return true, nil
	}

	if err := migrations[version](ctx, tx); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", version+1, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", version+1, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, version+1); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", version+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to version %d: commit: %w", version+1, err)
	}
	return false, nil
}

// schemaVersion reads the version; a table with no row is version 0.
func schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// SchemaVersion reports the schema version of the open database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	return schemaVersion(ctx, s.reader)
}
