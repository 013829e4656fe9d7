package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/source"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/news"
)

func newDemo(o *options) *cobra.Command {
	var (
		keep    bool
		noServe bool
		serve   string
	)
	c := &cobra.Command{
		Use:   "demo",
		Short: "Process the bundled demo pages and serve them in the web UI",
		Long: `Demo runs the whole pipeline on the five raw pages bundled with marsad: five
outlets' pages about North Korean troops in Russia's Kursk region, with page
furniture, machine translation, Persian lines and two articles glued into one
page. It prints the articles, the stories and events, the people, places and
organisations with their spellings, and the numbers each outlet gave; then it
serves the web UI over that store and prints its URL (Ctrl-C stops it).

The store is temporary unless --keep is given. When the --serve address is
the default and already taken, another free port is used.`,
		Example: `  marsad demo                       # report, then browse http://127.0.0.1:8080/
  marsad demo --no-serve            # report only
  marsad demo --keep --serve :9000  # keep the store, serve on every interface`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := o.logger(cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			dir, err := os.MkdirTemp("", "marsad-demo-")
			if err != nil {
				return err
			}
			if !keep {
				defer os.RemoveAll(dir)
			}
			st, err := store.Open(cmd.Context(), filepath.Join(dir, "demo.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			pages, err := seedPages()
			if err != nil {
				return err
			}
			sum, err := ingest(cmd.Context(), st, log, ingestInput{pages: pages, batch: 50})
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "marsad demo: %d pages → %d articles (%d stored, %d near-copies folded)\n\n", sum.Pages, sum.Articles, sum.Stored, sum.Copies)
			if err := report(cmd, st, w); err != nil {
				return err
			}
			if keep {
				fmt.Fprintf(w, "\nThe demo store is kept at %s; try:\n  marsad --db %s articles --json | head -1\n", st.Path(), st.Path())
			}
			if noServe {
				return nil
			}
			ix, err := openIndex(cmd.Context(), st, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer ix.Close()
			h, err := handler(st, ix, "", log)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", serve)
			if err != nil && !cmd.Flags().Changed("serve") {
				// The default port is often taken by another local
				// server; the demo is as good on any port.
				ln, err = net.Listen("tcp", "127.0.0.1:0")
			}
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("listen on %s: %v", serve, err)}
			}
			fmt.Fprintf(w, "\nOpen http://%s/ to browse the demo (Ctrl-C to stop).\n", ln.Addr())
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
			go func() {
				<-cmd.Context().Done()
				srv.Close()
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	c.Flags().BoolVar(&keep, "keep", false, "keep the demo store and print its path")
	c.Flags().StringVar(&serve, "serve", defaultAddr, "address to serve the web UI on")
	c.Flags().BoolVar(&noServe, "no-serve", false, "print the report and exit without serving")
	return c
}

// seedPages reads the bundled pages as plain-text pages.
func seedPages() ([]news.Page, error) {
	names, err := fs.Glob(marsad.Seeds, "testdata/seeds/*.txt")
	if err != nil {
		return nil, err
	}
	var pages []news.Page
	for _, n := range names {
		b, err := marsad.Seeds.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read bundled %s: %w", n, err)
		}
		text, err := source.Decode(b, "text/plain")
		if err != nil {
			return nil, fmt.Errorf("read bundled %s: %w", n, err)
		}
		pages = append(pages, news.Page{Origin: n, Name: path.Base(n), Kind: news.KindText, Body: []byte(text), Fetched: time.Now()})
	}
	return pages, nil
}

// report prints what the store holds after the demo: articles with their
// annotations, then stories, entities and the numbers side by side.
func report(cmd *cobra.Command, st *store.Store, w io.Writer) error {
	ctx := cmd.Context()
	arts, err := st.Articles(ctx, news.ArticleQuery{})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "ARTICLES")
	for _, a := range arts {
		printArticle(w, a)
		fmt.Fprintf(w, "    %d paragraphs, %d captions, %d furniture lines removed", strings.Count(a.Text, "\n")+1, len(a.Captions), len(a.Removed))
		if a.DuplicateOf != "" {
			fmt.Fprintf(w, ", copy of %s", a.DuplicateOf)
		}
		fmt.Fprintln(w)
	}
	ss, err := st.Stories(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nSTORIES")
	for _, s := range ss {
		printStory(w, s)
	}

	es, err := st.Entities(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "ENTITIES (articles; spellings seen)")
	for _, e := range es {
		printEntity(w, e)
	}

	fmt.Fprintln(w, "\nNUMBERS BY OUTLET")
	for _, a := range arts {
		for _, q := range a.Quantities {
			if q.Unit == "" {
				continue
			}
			fmt.Fprintf(w, "  %-12s %-28s %-11s %s\n", clip(or(a.Source, a.Page), 12), q.Text, q.Qualifier, q.Unit)
		}
	}
	fmt.Fprintln(w, "\nQUOTES")
	for _, a := range arts {
		for _, q := range a.Quotes {
			kind := "reported"
			if q.Direct {
				kind = "direct"
			}
			fmt.Fprintf(w, "  %-20s %-8s %s\n", or(q.Speaker, "(unknown)"), kind, clip(q.Text, 90))
		}
	}
	return nil
}
