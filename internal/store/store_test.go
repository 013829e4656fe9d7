package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/marsad/marsad/news"
)

// MustOpen opens a fresh store in a temporary directory, closed when the
// test ends.
func MustOpen(tb testing.TB) *Store {
	tb.Helper()
	return mustOpenAt(tb, filepath.Join(tb.TempDir(), "marsad.db"))
}

func mustOpenAt(tb testing.TB, path string) *Store {
	tb.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("Open(%q): %v", path, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestOpenMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dirs", "marsad.db")
	s := mustOpenAt(t, path)
	if got, err := s.SchemaVersion(ctx); err != nil || got != len(migrations) {
		t.Fatalf("fresh SchemaVersion = %d, %v; want %d", got, err, len(migrations))
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	var mode string
	if err := s.reader.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopening runs nothing and leaves one version row.
	s2 := mustOpenAt(t, path)
	if got, err := s2.SchemaVersion(ctx); err != nil || got != len(migrations) {
		t.Fatalf("reopened SchemaVersion = %d, %v; want %d", got, err, len(migrations))
	}
	var rows int
	if err := s2.reader.QueryRowContext(ctx, `SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("schema_version rows = %d, %v; want 1", rows, err)
	}
}

func TestOpenSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	s := mustOpenAt(t, path)
	if _, err := s.writer.ExecContext(ctx, `UPDATE schema_version SET version = ?`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := Open(ctx, path)
	if err == nil {
		s2.Close()
		t.Fatal("Open of a newer database succeeded")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Open error = %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenUnusualPath(t *testing.T) {
	// SQLite reads the path as a URI: '?', '#' and '%' must not cut it short.
	path := filepath.Join(t.TempDir(), "أخبار ?#%20", "مرصد.db")
	s := mustOpenAt(t, path)
	if _, err := s.PutArticles(context.Background(), []news.Article{article("a1", "وكالة", "", "")}); err != nil {
		t.Fatal(err)
	}
	if fi, err := filepath.Glob(filepath.Join(filepath.Dir(path), "*.db")); err != nil || len(fi) != 1 || fi[0] != path {
		t.Errorf("database files = %q, %v; want [%q]", fi, err, path)
	}
}

func TestCloseTwice(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("first Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := s.CountArticles(context.Background()); err == nil {
		t.Error("CountArticles after Close succeeded")
	}
}

func TestReopenPersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	want := fullArticle()
	s := mustOpenAt(t, path)
	if _, err := s.PutArticles(ctx, []news.Article{want}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := mustOpenAt(t, path)
	got, err := s2.Article(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertArticle(t, got, want)
	if seen, err := s2.Sightings(ctx, want.ID); err != nil || len(seen) != 1 {
		t.Errorf("Sightings after reopen = %v, %v; want 1", seen, err)
	}
}

// TestConcurrentReadersAndWriter is for -race and for SQLITE_BUSY: readers
// on the pool must never fail while the writer commits.
func TestConcurrentReadersAndWriter(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	const batches, perBatch, readers = 20, 10, 4

	done := make(chan struct{})
	errs := make(chan error, readers+1)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(done)
		for b := range batches {
			batch := make([]news.Article, perBatch)
			for i := range batch {
				batch[i] = article(fmt.Sprintf("b%02d-%02d", b, i), "الجزيرة", "", "")
			}
			if _, err := s.PutArticles(ctx, batch); err != nil {
				errs <- fmt.Errorf("batch %d: %w", b, err)
				return
			}
		}
	})
	for range readers {
		wg.Go(func() {
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				arts, err := s.Articles(ctx, news.ArticleQuery{Source: "الجزيرة"})
				if err != nil {
					errs <- err
					return
				}
				// Whole batches only: a reader never sees half a commit,
				// and never goes back in time.
				if len(arts)%perBatch != 0 || len(arts) < last {
					errs <- fmt.Errorf("reader saw %d articles after %d", len(arts), last)
					return
				}
				last = len(arts)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, err := s.CountArticles(ctx); err != nil || n != batches*perBatch {
		t.Errorf("CountArticles = %d, %v; want %d", n, err, batches*perBatch)
	}
}
