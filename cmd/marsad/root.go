package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/source"
	"github.com/marsad/marsad/internal/store"
)

// options are the flags every command shares.
type options struct {
	db        string
	logLevel  string
	logFormat string
	limits    source.Limits
}

func newRoot() *cobra.Command {
	o := &options{limits: source.DefaultLimits()}
	root := &cobra.Command{
		Use:   "marsad",
		Short: "Offline, Arabic-first news intelligence",
		Long: `marsad reads raw Arabic news pages (plain text as scraped, HTML, JSON, JSONL,
zip and tar.gz archives of those) and gives back clean articles, copies folded,
events and stories, entities, quotes, quantities and dates.

Start with:   marsad demo
Your pages:   marsad ingest DIR...   then   marsad articles / marsad stories

Each stage is also a command reading and writing JSON Lines, so stages compose
in a shell:   marsad clean page.txt | marsad analyze | marsad cluster`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&o.db, "db", "", "store file (default $MARSAD_DB, else "+defaultDB()+")")
	pf.StringVar(&o.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	pf.StringVar(&o.logFormat, "log-format", "text", "log format: text or json")
	root.AddCommand(
		newIngest(o), newArticles(o), newStories(o), newEvents(o), newEntities(o), newDemo(o),
		newClean(o), newAnalyze(o), newCluster(o), newReanalyze(o), newBench(o), withEvalSearch(newEval(), o), newText(), newTrain(), newSearch(o), newServe(o), newClaims(o),
	)
	return root
}

// addLimitFlags adds the input limits to commands that read pages.
func addLimitFlags(c *cobra.Command, o *options) {
	f := c.Flags()
	f.Int64Var(&o.limits.MaxPageBytes, "max-page-size", o.limits.MaxPageBytes, "largest page (.txt, .html, one record's text) in bytes")
	f.Int64Var(&o.limits.MaxFileBytes, "max-file-size", o.limits.MaxFileBytes, "largest .json/.jsonl file in bytes")
	f.Int64Var(&o.limits.MaxArchiveBytes, "max-archive-size", o.limits.MaxArchiveBytes, "most bytes expanded from one archive (zip bomb guard)")
	f.IntVar(&o.limits.MaxArchiveFiles, "max-archive-files", o.limits.MaxArchiveFiles, "most members read from one archive")
}

// dbPath is --db, else $MARSAD_DB, else the default under the user's data
// directory.
func (o *options) dbPath() string {
	if o.db != "" {
		return o.db
	}
	if p := os.Getenv("MARSAD_DB"); p != "" {
		return p
	}
	return defaultDB()
}

func defaultDB() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "marsad.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "marsad", "marsad.db")
}

func (o *options) logger(w io.Writer) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(o.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", o.logLevel)
	}
	ho := &slog.HandlerOptions{Level: lvl}
	switch strings.ToLower(o.logFormat) {
	case "json":
		return slog.New(slog.NewJSONHandler(w, ho)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, ho)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", o.logFormat)
}

// openStore opens the store the flags name; a store that cannot be opened
// means nothing can be done (exit status 2).
func (o *options) openStore(ctx context.Context) (*store.Store, error) {
	st, err := store.Open(ctx, o.dbPath())
	if err != nil {
		return nil, &exitError{code: 2, msg: err.Error()}
	}
	return st, nil
}

// openStoreAndIndex opens the store and its search index for a command that
// writes both; closing them is the caller's.
func (o *options) openStoreAndIndex(ctx context.Context) (*store.Store, *search.Index, error) {
	st, err := o.openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	ix, err := search.Open(indexPath(st.Path()))
	if err != nil {
		st.Close()
		return nil, nil, &exitError{code: 2, msg: err.Error()}
	}
	return st, ix, nil
}

// writeList writes xs as JSON Lines, or each through print for a person.
func writeList[T any](w io.Writer, asJSON bool, xs []T, print func(io.Writer, T)) error {
	if asJSON {
		return writeJSONL(w, xs)
	}
	for _, x := range xs {
		print(w, x)
	}
	return nil
}
