package clean

import (
	"hash/fnv"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Memory is what the cleaner has learned about sites from their earlier
// pages: on how many pages of a site each line appeared. Lines a site
// prints on page after page (its menus, footers, prompts, its own name)
// are furniture there, whatever their wording, which makes a second page
// from a site clean better than the first.
//
// Memory is not safe for concurrent writes: cleaning reads it, and the
// caller calls Learn between batches (the pipeline does, in input order).
type Memory struct {
	sites map[string]*siteLines
}

// siteLines counts, for one site, the pages each line appeared on.
type siteLines struct {
	pages map[uint64]bool // page hashes learned, so a page counts once
	lines map[uint64]int  // line hash → pages holding it
}

// Furniture needs a line on this many other pages of the site, and on this
// share of them: a wire story republished twice is not furniture.
const (
	minRepeats     = 3
	minRepeatShare = 0.3
)

// NewMemory returns an empty memory.
func NewMemory() *Memory { return &Memory{sites: map[string]*siteLines{}} }

// Site is the key pages of one site share: the host of a URL origin, else
// the directory a file was read from (scrapers file each site's pages
// together), else the archive it came from.
func Site(p news.Page) string {
	if u, err := url.Parse(p.Origin); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	o, _, _ := strings.Cut(p.Origin, "!")
	return path.Dir(strings.ReplaceAll(o, "\\", "/"))
}

// Learn records the lines of a text page under its site. Records and
// HTML pages are skipped: their structure already says what is body.
func (m *Memory) Learn(p news.Page) {
	if m == nil || p.Kind != news.KindText {
		return
	}
	site := Site(p)
	s := m.sites[site]
	if s == nil {
		s = &siteLines{pages: map[uint64]bool{}, lines: map[uint64]int{}}
		m.sites[site] = s
	}
	ph := hashBytes(p.Body)
	if s.pages[ph] {
		return
	}
	s.pages[ph] = true
	seen := map[uint64]bool{}
	for _, l := range strings.Split(string(p.Body), "\n") {
		if k, ok := lineKey(l); ok && !seen[k] {
			seen[k] = true
			s.lines[k]++
		}
	}
}

// repeated reports whether a line of page p is one its site prints on many
// other pages. The page's own earlier learning is discounted, so cleaning
// a page again gives the same result.
func (m *Memory) repeated(p news.Page, self uint64, line string) bool {
	if m == nil {
		return false
	}
	s := m.sites[Site(p)]
	if s == nil {
		return false
	}
	k, ok := lineKey(line)
	if !ok {
		return false
	}
	n, pages := s.lines[k], len(s.pages)
	if s.pages[self] {
		n, pages = n-1, pages-1
	}
	return n >= minRepeats && float64(n) >= minRepeatShare*float64(pages)
}

// lineKey hashes a line's search form; blank lines have none.
func lineKey(l string) (uint64, bool) {
	l = strings.TrimFunc(l, unicode.IsSpace)
	if l == "" {
		return 0, false
	}
	h := fnv.New64a()
	h.Write([]byte(arabic.Search(l)))
	return h.Sum64(), true
}

func hashBytes(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}
