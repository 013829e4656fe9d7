package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/api"
	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/web"
	"github.com/marsad/marsad/news"
)

// defaultAddr is where serve and demo listen unless told otherwise: this
// machine only, since the UI has no login.
const defaultAddr = "127.0.0.1:8080"

func newServe(o *options) *cobra.Command {
	var addr, token string
	c := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--token TOKEN]",
		Short: "Serve the store over HTTP: the Arabic web UI at /, the JSON API under /api/",
		Long: `Serve answers JSON for articles, events, stories, entities and search under
/api/, documented at /api/openapi.json. POST /api/pages ingests pages and needs
"Authorization: Bearer TOKEN" with the token given by --token or $MARSAD_TOKEN;
without one, ingesting over HTTP is refused. Stops cleanly on Ctrl-C.`,
		Example: `  marsad serve --db news.db
  MARSAD_TOKEN=s3cret marsad serve --addr 127.0.0.1:9000
  curl -s 'http://127.0.0.1:8080/api/search?q=كورسك' | jq .total`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := o.logger(cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			if token == "" {
				token = os.Getenv("MARSAD_TOKEN")
			}
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
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("listen on %s: %v", addr, err)}
			}
			mux, err := handler(st, ix, token, log)
			if err != nil {
				return err
			}
			srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
			fmt.Fprintf(cmd.OutOrStdout(), "marsad serving http://%s/ (API under /api/, store %s)\n", ln.Addr(), st.Path())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("shut down: %w", err)
			}
			return nil
		},
	}
	c.Flags().StringVar(&addr, "addr", defaultAddr, "address to listen on")
	c.Flags().StringVar(&token, "token", "", "token POST /api/pages requires (default $MARSAD_TOKEN; none: ingest refused)")
	return c
}

// handler serves the web UI at / and the JSON API under /api/.
func handler(st *store.Store, ix *search.Index, token string, log *slog.Logger) (http.Handler, error) {
	ui, err := web.New(web.Config{Store: st, Index: ix, Log: log})
	if err != nil {
		return nil, fmt.Errorf("web UI: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(api.Config{Store: st, Index: ix, Ingester: &storeIngester{st: st, ix: ix, log: log}, Token: token, Log: log}))
	mux.Handle("/", ui)
	return mux, nil
}

// storeIngester runs pages posted to the API through the pipeline into
// the store and the index, one request at a time: the store has one
// writer and the clusterer places articles in order.
type storeIngester struct {
	mu  sync.Mutex
	st  *store.Store
	ix  *search.Index
	log *slog.Logger
}

var _ api.Ingester = (*storeIngester)(nil)

// Ingest stores the pages and reports what it did.
func (si *storeIngester) Ingest(ctx context.Context, pages []news.Page) (api.Summary, error) {
	si.mu.Lock()
	defer si.mu.Unlock()
	sum, err := ingest(ctx, si.st, si.log, ingestInput{pages: pages, index: si.ix, batch: 200})
	s := sum.Stats
	return api.Summary{Pages: s.Pages, Articles: s.Articles, Stored: s.Stored, Duplicates: s.Duplicates, Copies: s.Copies, Merged: s.Merged, Rerooted: s.Rerooted, Errors: s.Errors}, err
}
