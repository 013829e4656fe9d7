// Package store owns marsad's on-disk state in one SQLite file: the articles
// with their annotations, every place each one was seen, and where the
// clustering stage put them. It implements news.Store.
//
// It speaks plain SQL and holds no language logic: text goes in and comes out
// exactly as the pipeline produced it, and grouping into events and stories
// only reads the ids the clustering stage wrote.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/marsad/marsad/news"

	// The pure-Go SQLite driver registers itself as "sqlite".
	_ "modernc.org/sqlite"
)

var _ news.Store = (*Store)(nil)

// Store is an open marsad database. It is safe for concurrent use: one
// writer connection serializes writes while a small pool of read-only
// connections serves readers, which WAL lets run beside the writer.
type Store struct {
	path   string
	writer *sql.DB
	reader *sql.DB

	closeOnce sync.Once
	closeErr  error
}

const (
	// Writes go through one connection because SQLite allows one writer at
	// a time anyway, and queueing in database/sql is cheaper than
	// SQLITE_BUSY retries. Readers are few because each connection carries
	// its own page cache.
	maxReaders  = 4
	busyTimeout = 10000 // milliseconds a connection waits on a lock
	dirPerm     = 0o755
)

// Open opens the database at path, creating it and its parent directories if
// needed, and brings its schema up to date. A database written by a newer
// marsad fails with ErrSchemaTooNew.
func Open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), dirPerm); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}

	s := &Store{path: abs}
	// The writer is opened and migrated first so the file is already in WAL
	// mode when the read-only connections attach to it.
	// IMMEDIATE transactions take the write lock at BEGIN, so a transaction
	// that reads before it writes cannot fail half-way with SQLITE_BUSY when
	// another process holds the lock.
	s.writer, err = openDB(ctx, dsn(abs, "_txlock=immediate"), 1)
	if err != nil {
		return nil, fmt.Errorf("open store %s: writer: %w", path, err)
	}
	if err := migrate(ctx, s.writer); err != nil {
		s.writer.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.reader, err = openDB(ctx, dsn(abs, "_pragma=query_only(1)"), maxReaders)
	if err != nil {
		s.writer.Close()
		return nil, fmt.Errorf("open store %s: reader: %w", path, err)
	}
	return s, nil
}

// dsn builds a modernc file: URI. The path is escaped because SQLite decodes
// %XX in URIs and would cut a path at a literal '?' or '#'.
func dsn(path string, extra ...string) string {
	params := []string{
		"_pragma=busy_timeout(" + fmt.Sprint(busyTimeout) + ")",
		"_pragma=journal_mode(WAL)",
		"_pragma=foreign_keys(1)",
		// NORMAL is durable across application crashes in WAL mode; only a
		// power loss can drop the last commits, which a re-ingest restores.
		"_pragma=synchronous(NORMAL)",
	}
	params = append(params, extra...)
	return "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() + "?" + strings.Join(params, "&")
}

func openDB(ctx context.Context, dsn string, conns int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	// sql.Open is lazy: ping so a bad path or DSN fails here, not at the
	// first query somewhere deep in the pipeline.
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database. Closing an already closed Store does nothing and
// returns the first call's result, so deferred and explicit closes can mix.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		// Readers first: the last connection to close checkpoints the WAL
		// into the main file, and that should be the writer.
		err := errors.Join(s.reader.Close(), s.writer.Close())
		if err != nil {
			s.closeErr = fmt.Errorf("close store %s: %w", s.path, err)
		}
	})
	return s.closeErr
}
