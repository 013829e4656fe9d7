package cluster

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sync/errgroup"

	"github.com/marsad/marsad/news"
)

// mentionCache is the file WithMentions keeps: each article's entity
// mentions under its id, with a checksum of the text they were found in,
// so an entry outlives neither a change to the article nor a re-packed
// archive that moves another article under the id.
type mentionCache struct {
	Format   string                   `json:"format"`
	Articles map[string]cachedArticle `json:"articles"`
}

type cachedArticle struct {
	Text     string         `json:"text"` // checksum of the analyzed text
	Mentions []news.Mention `json:"mentions"`
}

const mentionCacheFormat = "marsad-mentions-1"

// MentionStats says where WithMentions found each article's mentions.
type MentionStats struct {
	Cached, Analyzed int
}

// WithMentions returns a copy of arts with each article's entity mentions
// filled in, as the clusterer reads them. They come from the cache file at
// path when it holds an entry for the article's id and text, and from
// mentions(text) otherwise, run on up to workers goroutines (mentions must
// be safe for concurrent use). Entries for other articles are ignored, and
// kept. When path is not empty and anything was analyzed, the file is
// written afresh with every entry, so the next run analyzes nothing.
//
// The cache does not know which analyzer filled it: delete the file when
// the entity model or gazetteer changes.
func WithMentions(arts []news.Article, path string, workers int, mentions func(text string) []news.Mention) ([]news.Article, MentionStats, error) {
	cache := mentionCache{Format: mentionCacheFormat, Articles: map[string]cachedArticle{}}
	if path != "" {
		var err error
		if cache, err = readMentionCache(path); err != nil {
			return nil, MentionStats{}, err
		}
	}
	out := make([]news.Article, len(arts))
	copy(out, arts)
	sums := make([]string, len(out))
	var todo []int
	for i, a := range out {
		sums[i] = checksum(a.Text)
		if c, ok := cache.Articles[a.ID]; ok && c.Text == sums[i] {
			out[i].Entities = c.Mentions
			continue
		}
		todo = append(todo, i)
	}
	var g errgroup.Group
	g.SetLimit(max(workers, 1))
	for _, i := range todo {
		g.Go(func() error {
			out[i].Entities = mentions(out[i].Text)
			return nil
		})
	}
	_ = g.Wait() // the workers return no errors
	stats := MentionStats{Cached: len(out) - len(todo), Analyzed: len(todo)}
	if path == "" || len(todo) == 0 {
		return out, stats, nil
	}
	for _, i := range todo {
		cache.Articles[out[i].ID] = cachedArticle{Text: sums[i], Mentions: out[i].Entities}
	}
	if err := writeMentionCache(path, cache); err != nil {
		return nil, stats, err
	}
	return out, stats, nil
}

func checksum(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return strconv.FormatUint(h.Sum64(), 16)
}

// readMentionCache reads the cache at path; a missing file is an empty
// cache.
func readMentionCache(path string) (mentionCache, error) {
	empty := mentionCache{Format: mentionCacheFormat, Articles: map[string]cachedArticle{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return empty, fmt.Errorf("read mention cache: %w", err)
	}
	var c mentionCache
	if err := json.Unmarshal(b, &c); err != nil {
		return empty, fmt.Errorf("read mention cache %s: %w", path, err)
	}
	if c.Format != mentionCacheFormat {
		return empty, fmt.Errorf("read mention cache %s: format %q, want %q (delete the file to rebuild it)", path, c.Format, mentionCacheFormat)
	}
	if c.Articles == nil {
		c.Articles = map[string]cachedArticle{}
	}
	return c, nil
}

// writeMentionCache writes the cache beside path and renames it into
// place, so an interrupted run never leaves half a file.
func writeMentionCache(path string, c mentionCache) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("write mention cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write mention cache: %w", err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes it private; it holds no secret
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write mention cache: %w", err)
	}
	return nil
}
