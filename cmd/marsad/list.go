package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/news"
)

func newArticles(o *options) *cobra.Command {
	var (
		asJSON bool
		q      news.ArticleQuery
	)
	c := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles (title, outlet, date; --json for everything)",
		Example: `  marsad articles
  marsad articles --json --limit 5 | jq .title
  marsad articles --story st-7c6d0e5b1f2a3c4d`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := o.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			arts, err := st.Articles(cmd.Context(), q)
			if err != nil {
				return err
			}
			return writeList(cmd.OutOrStdout(), asJSON, arts, printArticle)
		},
	}
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, "one JSON object a line, with text and annotations")
	f.IntVar(&q.Limit, "limit", 0, "at most this many (0: all)")
	f.IntVar(&q.Offset, "offset", 0, "skip this many first")
	f.StringVar(&q.Source, "source", "", "only this outlet")
	f.StringVar(&q.Event, "event", "", "only this event")
	f.StringVar(&q.Story, "story", "", "only this story")
	return c
}

func printArticle(w io.Writer, a news.Article) {
	title := a.Title
	if title == "" {
		title = "(no headline) " + clip(firstLine(a.Text), 60)
	}
	fmt.Fprintf(w, "%s  %-10s  %-12s  %s\n", a.ID, or(a.Published, "-"), clip(or(a.Source, "-"), 12), title)
}

func newStories(o *options) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "stories",
		Short: "List stories with their events, outlets and first reports",
		Example: `  marsad stories
  marsad stories --json | jq '.events | length'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := o.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			ss, err := st.Stories(cmd.Context())
			if err != nil {
				return err
			}
			return writeList(cmd.OutOrStdout(), asJSON, ss, printStory)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "one JSON object a story")
	return c
}

func printStory(w io.Writer, s news.Story) {
	fmt.Fprintf(w, "%s  %s\n  %d articles, %d events, %s..%s, outlets: %s\n", s.ID, or(s.Title, "(untitled)"),
		s.Articles, len(s.Events), or(s.Start, "?"), or(s.End, "?"), or(strings.Join(s.Sources, "، "), "-"))
	for _, e := range s.Events {
		fmt.Fprintf(w, "  - %s  %-10s  %d articles  %s\n", e.ID, or(e.Start, "-"), len(e.Articles), clip(or(e.Title, "(untitled)"), 80))
	}
	fmt.Fprintln(w)
}

func writeJSONL[T any](w io.Writer, xs []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, x := range xs {
		if err := enc.Encode(x); err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
	}
	return nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func newEntities(o *options) *cobra.Command {
	var (
		asJSON bool
		limit  int
		typ    string
	)
	c := &cobra.Command{
		Use:   "entities",
		Short: "List people, places and organisations with their spellings and counts",
		Example: `  marsad entities --limit 20
  marsad entities --type PER --json | jq -c '{name, variants}'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := o.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			all, err := st.Entities(cmd.Context())
			if err != nil {
				return err
			}
			var es []news.Entity
			for _, e := range all {
				if typ == "" || strings.EqualFold(e.Type, typ) {
					es = append(es, e)
				}
			}
			if limit > 0 && len(es) > limit {
				es = es[:limit]
			}
			return writeList(cmd.OutOrStdout(), asJSON, es, printEntity)
		},
	}
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, "one JSON object an entity: id, name, type, variants, articles")
	f.IntVar(&limit, "limit", 0, "at most this many (0: all)")
	f.StringVar(&typ, "type", "", "only this type: PER, LOC, ORG or MISC")
	return c
}

func newEvents(o *options) *cobra.Command {
	var (
		asJSON bool
		story  string
	)
	c := &cobra.Command{
		Use:   "events",
		Short: "List events (articles on one happening) with outlets and first report",
		Example: `  marsad events --story st-232b0e0797df6f56
  marsad events --json | jq -c '{id, title, articles: (.articles | length)}'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := o.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			es, err := st.Events(cmd.Context(), story)
			if err != nil {
				return err
			}
			return writeList(cmd.OutOrStdout(), asJSON, es, printEvent)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "one JSON object an event")
	c.Flags().StringVar(&story, "story", "", "only the events of this story")
	return c
}

func printEntity(w io.Writer, e news.Entity) {
	vs := make([]string, 0, len(e.Variants))
	for v, n := range e.Variants {
		vs = append(vs, fmt.Sprintf("%s ×%d", v, n))
	}
	sort.Strings(vs)
	fmt.Fprintf(w, "%s  %-4s %-28s %4d articles  %s\n", e.ID, e.Type, e.Name, e.Articles, strings.Join(vs, " | "))
}

func printEvent(w io.Writer, e news.Event) {
	fmt.Fprintf(w, "%s  %-10s  %3d articles  first: %s  outlets: %s\n    %s\n", e.ID, or(e.Start, "-"), len(e.Articles),
		e.FirstReport, or(strings.Join(e.Sources, "، "), "-"), or(e.Title, "(untitled)"))
}
