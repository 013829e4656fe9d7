package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

// indexPath is where a store's search index lives: beside it.
func indexPath(db string) string { return db + ".search" }

func newSearch(o *options) *cobra.Command {
	var (
		asJSON bool
		q      search.Query
	)
	c := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search stored articles: Arabic-aware words and phrases, filters, facets",
		Long: `Search finds stored articles. Words are matched through marsad's Arabic
normalization and light stemming (مفاوضات finds المفاوضات, أعلن finds اعلن,
٢٠١٥ finds 2015); names are not stemmed. All words must match.

  "كوريا الشمالية"      a phrase            -word      must not match
  a OR b                either word         +word      must match
  entity:"بوتين"        an entity, by any spelling or by its id
  source:الجزيرة        an outlet           story:ID, event:ID
  date:2015-07-21..2015-07-25               a day, month or year range

The index is kept in step by ingest and rebuilt from the store when it lags.`,
		Example: `  marsad search 'مفاوضات'
  marsad search '"كوريا الشمالية" entity:"بوتين" -أوكرانيا' --json | jq .total`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := o.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			ix, err := openIndex(ctx, st, cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			defer ix.Close()
			q.Text, q.Spelling = strings.Join(args, " "), st.EntityBySpelling
			q.Facets = asJSON
			res, err := ix.Search(ctx, q)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			if asJSON {
				enc := newEncoder(cmd.OutOrStdout())
				return enc.Encode(res)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%d articles\n", res.Total)
			for _, h := range res.Hits {
				fmt.Fprintf(w, "\n%s  %-10s  %s\n  %s\n  %s\n", h.ID, or(h.Published, "-"), or(h.Source, "-"), plain(or(h.TitleHTML, h.Title)), plain(h.Snippet))
			}
			return nil
		},
	}
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, `{"total", "hits", "facets"} as JSON, snippets with <mark>`)
	f.IntVar(&q.Size, "limit", 10, "hits to show")
	f.IntVar(&q.From, "offset", 0, "hits to skip")
	return c
}

// openIndex opens the store's search index, rebuilding it from the store
// when it holds fewer articles (a store ingested before the index
// existed, or an index lost or of an older schema).
func openIndex(ctx context.Context, st *store.Store, progress io.Writer) (*search.Index, error) {
	ix, err := search.Open(indexPath(st.Path()))
	if err != nil {
		return nil, err
	}
	have, err := ix.Count()
	if err != nil {
		ix.Close()
		return nil, err
	}
	want, err := st.CountArticles(ctx)
	if err != nil {
		ix.Close()
		return nil, err
	}
	if have < want {
		fmt.Fprintf(progress, "building the search index from %d stored articles...\n", want)
		err := ix.Rebuild(ctx, func(fn func(news.Article) error) error { return st.EachArticle(ctx, fn) })
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("rebuild search index: %w", err)
		}
	}
	return ix, nil
}

var markTags = regexp.MustCompile(`</?mark>`)

// plain turns a highlighted HTML snippet into terminal text, matches in
// brackets.
func plain(s string) string {
	s = markTags.ReplaceAllStringFunc(s, func(t string) string {
		if t == "<mark>" {
			return "["
		}
		return "]"
	})
	return html.UnescapeString(s)
}
