package cluster

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
)

// Candidate is one article as a labeller sees it in a candidate group.
type Candidate struct {
	Zip       string
	Index     int
	URL       string
	Source    string
	Published string // date_extracted
	Title     string
	Lead      string // the first words of the content
}

// Group is a set of a day's articles that a simple similarity proposes as
// one event. It is a proposal to read, never a label.
type Group struct {
	Articles []Candidate
}

// leadWords is how much of the content, after the title, goes into the
// word set and into Candidate.Lead: the lead names the happening.
const leadWords = 40

// Candidates groups the articles of one day ("2015-07-25") by the Jaccard
// similarity of their title-and-lead word sets on the search layer
// (arabic.Search; stopwords, numbers and one-letter words dropped). Two
// articles at or above threshold are linked, and groups are the connected
// components (single linkage), so a chain can join articles that share
// little: the labeller splits what reading shows apart. Every article of
// the day is in exactly one group, singletons included, so labelling from
// the groups covers the day. Groups come largest first, then in data
// order; articles within a group in data order.
func Candidates(dataDir, day string, threshold float64) ([]Group, error) {
	zipName := day + ".zip"
	recs, err := ReadDay(dataDir, zipName)
	if err != nil {
		return nil, fmt.Errorf("candidates for %s: %w", day, err)
	}
	sets := make([][]string, len(recs))
	for i, r := range recs {
		sets[i] = wordSet(r.Title + " " + firstWords(r.Content, leadWords))
	}
	parent := linkSimilar(sets, threshold)
	members := map[int][]int{}
	for i := range recs {
		root := find(parent, i)
		members[root] = append(members[root], i)
	}
	groups := make([][]int, 0, len(members))
	for _, m := range members {
		groups = append(groups, m) // members are in data order already
	}
	sort.Slice(groups, func(a, b int) bool {
		if len(groups[a]) != len(groups[b]) {
			return len(groups[a]) > len(groups[b])
		}
		return groups[a][0] < groups[b][0]
	})
	out := make([]Group, len(groups))
	for gi, m := range groups {
		for _, i := range m {
			r := recs[i]
			out[gi].Articles = append(out[gi].Articles, Candidate{
				Zip: zipName, Index: i, URL: r.URL, Source: r.Source, Published: r.DateExtracted,
				Title: strings.TrimSpace(r.Title), Lead: firstWords(r.Content, leadWords),
			})
		}
	}
	return out, nil
}

// linkSimilar links every pair of sets whose Jaccard similarity reaches
// threshold and returns the union-find forest. Pairs are found through an
// inverted index, so only sets sharing a word are compared.
func linkSimilar(sets [][]string, threshold float64) []int {
	parent := make([]int, len(sets))
	for i := range parent {
		parent[i] = i
	}
	postings := map[string][]int{}
	shared := make([]int, len(sets))
	for i, s := range sets {
		var touched []int
		for _, w := range s {
			for _, j := range postings[w] {
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		for _, j := range touched {
			inter := shared[j]
			shared[j] = 0
			union := len(s) + len(sets[j]) - inter
			if union > 0 && float64(inter)/float64(union) >= threshold {
				union2(parent, i, j)
			}
		}
		for _, w := range s {
			postings[w] = append(postings[w], i)
		}
	}
	return parent
}

func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

// union2 joins the sets of a and b under the smaller root, so a group's
// root is its first article.
func union2(parent []int, a, b int) {
	ra, rb := find(parent, a), find(parent, b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	parent[rb] = ra
}

// wordSet returns the distinct content words of s on the search layer,
// sorted.
func wordSet(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(arabic.Search(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len([]rune(w)) < 2 || arabic.IsStopword(w) || isDigits(w) || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// firstWords returns the first n space-separated words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// WriteGroups writes groups for a person to read and label: each group
// numbered with its size, each article with its gold key (zip and index),
// outlet, time, title, URL and first line of text. Singletons are listed
// after the groups under their own heading.
func WriteGroups(w io.Writer, groups []Group) error {
	var b strings.Builder
	singles := false
	for gi, g := range groups {
		if len(g.Articles) == 1 && !singles {
			singles = true
			fmt.Fprintf(&b, "==== singletons (%d) ====\n\n", len(groups)-gi)
		}
		if !singles {
			fmt.Fprintf(&b, "==== group %d: %d articles ====\n", gi+1, len(g.Articles))
		}
		for _, a := range g.Articles {
			fmt.Fprintf(&b, "[%s #%d] %s  %s\n  %s\n  %s\n  %s\n", a.Zip, a.Index, a.Source, a.Published, a.Title, a.URL, a.Lead)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write candidate groups: %w", err)
	}
	return nil
}
