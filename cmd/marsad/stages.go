package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/source"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// cleaned is one line of `marsad clean` output, as the contract fixes it.
type cleaned struct {
	Page      string             `json:"page"`
	Index     int                `json:"index"`
	Title     string             `json:"title"`
	Text      string             `json:"text"`
	Lang      string             `json:"lang"`
	Published string             `json:"published"`
	Source    string             `json:"source"`
	Author    string             `json:"author"`
	Captions  []string           `json:"captions"`
	Removed   []news.RemovedLine `json:"removed"`
}

func newClean(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "clean [PATH...]",
		Short: "Pages in, clean articles out (JSON Lines); no store",
		Long: `Clean reads pages (files, directories, archives; standard input when no path
is given) and prints one JSON object per article found, in page order:
page, index, title, text (the kept body lines, original characters, joined
by \n), lang, published, source, author, captions, and removed: every line
dropped as page furniture with the reason, so the cleaning can be audited.`,
		Example: `  marsad clean ../shared/seeds/003_17b01c5e88c50eb0.txt
  marsad clean page.html | jq -r .text`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			enc := newEncoder(cmd.OutOrStdout())
			mem := clean.NewMemory()
			cl := clean.Cleaner{Memory: mem}
			failed, ok := 0, 0
			r := source.Reader{Limits: o.limits, Stdin: cmd.InOrStdin()}
			err := r.Walk(cmd.Context(), args, func(p news.Page) error {
				mem.Learn(p) // each site's earlier pages teach its later ones
				arts, err := cl.Clean(p)
				if err != nil {
					failed++
					fmt.Fprintln(cmd.ErrOrStderr(), "marsad:", err)
					return nil
				}
				ok++
				for _, a := range arts {
					out := cleaned{Page: a.Page, Index: a.Index, Title: a.Title, Text: a.Text, Lang: a.Lang,
						Published: a.Published, Source: a.Source, Author: a.Author, Captions: a.Captions, Removed: a.Removed}
					if err := enc.Encode(out); err != nil {
						return err
					}
				}
				return nil
			}, func(e *source.InputError) {
				failed++
				fmt.Fprintln(cmd.ErrOrStderr(), "marsad:", e)
			})
			return stageStatus(err, ok, failed)
		},
	}
	addLimitFlags(c, o)
	return c
}

func newAnalyze(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "analyze [PATH...]",
		Short: "Articles in (JSON Lines), the same objects out with entities, quotes, quantities, dates",
		Long: `Analyze reads JSON Lines articles (fields id, title, text, optional published
and source; other fields are kept as they are) and writes each object back with
entities [{text,type,id,name,start,end}] (offsets in runes of text), quotes
[{text,speaker,speaker_id,verb,direct}], quantities [{text,min,max,unit,
qualifier}] and dates [{text,value}] (resolved against published), and
happened: an estimate of when the main happening took place.`,
		Example: `  marsad clean ../shared/seeds | marsad analyze | jq '.entities[].name'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return jsonlStage(cmd, o, args, func(an pipeline.Analyzer) stage {
				return stage{line: func(obj map[string]json.RawMessage, a news.Article) any {
					a = an.Analyze(a)
					obj["entities"] = mustJSON(nonNil(a.Entities))
					obj["quotes"] = mustJSON(nonNil(a.Quotes))
					obj["quantities"] = mustJSON(nonNil(a.Quantities))
					obj["dates"] = mustJSON(nonNil(a.Dates))
					obj["happened"] = mustJSON(a.Happened)
					return obj
				}}
			})
		},
	}
	addLimitFlags(c, o)
	return c
}

func newCluster(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "cluster [PATH...]",
		Short: "Articles in (JSON Lines), one {id, duplicate_of, event, story} out per article",
		Long: `Cluster reads JSON Lines articles (id, title, text, published, source) and
places each, in input order, as an online stream: a near-copy gets
duplicate_of (the earliest-published member of its copy group); every
article gets an event and a story. Articles without an id get the content
hash marsad uses. Entities are recognized when the input has none, since they
sharpen events.

When later articles show that two events are one, the younger is merged
into the older, and a copy published before its group's first member
becomes the member the others name; so the lines are printed once the input
ends, each with where its article ended up.`,
		Example: `  marsad clean ../shared/seeds | marsad cluster`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return jsonlStage(cmd, o, args, func(an pipeline.Analyzer) stage {
				cl := stories.New(stories.DefaultConfig())
				var placed []*news.Assignment
				return stage{
					line: func(obj map[string]json.RawMessage, a news.Article) any {
						if _, has := obj["entities"]; !has {
							a.Entities = an.Mentions(a.Text)
						}
						as := cl.Assign(a)
						placed = append(placed, &as)
						return &as
					},
					hold: func() {
						r := news.NewRemap(cl.Revisions())
						for _, as := range placed {
							*as = r.Place(*as)
						}
					},
				}
			})
		},
	}
	addLimitFlags(c, o)
	return c
}

// stage is what a JSON Lines stage command does with its input.
type stage struct {
	// line turns one input article (and its raw object) into the value to
	// print for it.
	line func(obj map[string]json.RawMessage, a news.Article) any
	// hold, when set, keeps every line until the input ends (or the run
	// stops), and is called then, before they are printed: a line made
	// early may still change.
	hold func()
}

// jsonlStage runs a JSON Lines stage command: read articles, print one
// line each, report bad lines with file and line, exit as ingest does.
func jsonlStage(cmd *cobra.Command, o *options, args []string, build func(pipeline.Analyzer) stage) error {
	an, err := pipeline.DefaultAnalyzer()
	if err != nil {
		return err
	}
	st := build(an)
	enc := newEncoder(cmd.OutOrStdout())
	ok, failed := 0, 0
	var held []any
	err = eachJSONL(cmd.Context(), args, cmd.InOrStdin(), o.limits.MaxPageBytes, func(obj map[string]json.RawMessage, a news.Article) error {
		ok++
		if st.hold != nil {
			held = append(held, st.line(obj, a))
			return nil
		}
		return enc.Encode(st.line(obj, a))
	}, func(err error) {
		failed++
		fmt.Fprintln(cmd.ErrOrStderr(), "marsad:", err)
	})
	if st.hold != nil {
		st.hold()
		for _, l := range held {
			if werr := enc.Encode(l); werr != nil && err == nil {
				err = werr
			}
		}
	}
	return stageStatus(err, ok, failed)
}

// stageStatus gives stage commands the same exit statuses as ingest.
func stageStatus(err error, ok, failed int) error {
	switch {
	case err != nil && errors.Is(err, context.Canceled):
		return &exitError{code: 1, msg: "interrupted"}
	case err != nil:
		return &exitError{code: 2, msg: err.Error()}
	case failed > 0 && ok == 0:
		return &exitError{code: 2, msg: fmt.Sprintf("nothing done: %d inputs failed", failed)}
	case failed > 0:
		return &exitError{code: 1, msg: fmt.Sprintf("%d inputs failed", failed)}
	}
	return nil
}

// eachJSONL reads JSON Lines articles from paths (standard input when none
// or "-"), calling fn with the raw object, to pass unknown fields through,
// and the article read from it. A bad line is reported with its file and
// line, and reading goes on.
func eachJSONL(ctx context.Context, paths []string, stdin io.Reader, maxLine int64, fn func(map[string]json.RawMessage, news.Article) error, report func(error)) error {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		var r io.Reader = stdin
		if p != "-" {
			f, err := os.Open(p)
			if err != nil {
				report(err)
				continue
			}
			defer f.Close()
			r = f
		}
		br := bufio.NewReaderSize(r, 1<<16)
		for n := 1; ; n++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			line, err := readLine(br, maxLine)
			if len(bytes.TrimSpace(line)) > 0 {
				if a, obj, perr := parseArticle(line); perr != nil {
					report(fmt.Errorf("%s:%d: %w", p, n, perr))
				} else if ferr := fn(obj, a); ferr != nil {
					return ferr
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if errors.Is(err, errLineTooLong) {
				report(fmt.Errorf("%s:%d: %w", p, n, err))
				continue
			}
			if err != nil {
				report(fmt.Errorf("%s:%d: %w", p, n, err))
				break
			}
		}
	}
	return nil
}

// errLineTooLong is a JSONL line over the page limit; the line is skipped.
var errLineTooLong = errors.New("line too long (raise --max-page-size)")

// readLine reads one line of at most max bytes. A longer line is consumed
// whole and reported with errLineTooLong, so reading can go on after it.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && int64(len(buf)+len(chunk)) > max {
			tooLong, buf = true, nil
		}
		if !tooLong {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			return nil, errLineTooLong
		}
		return buf, err
	}
}

func parseArticle(line []byte) (news.Article, map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return news.Article{}, nil, fmt.Errorf("not a JSON object: %w", err)
	}
	var f struct {
		ID        string         `json:"id"`
		Title     string         `json:"title"`
		Text      string         `json:"text"`
		Content   string         `json:"content"`
		Published string         `json:"published"`
		Date      string         `json:"date"`
		Source    string         `json:"source"`
		Entities  []news.Mention `json:"entities"`
	}
	if err := json.Unmarshal(line, &f); err != nil {
		return news.Article{}, nil, fmt.Errorf("article fields: %w", err)
	}
	a := news.Article{ID: f.ID, Title: f.Title, Text: or(f.Text, f.Content), Published: or(f.Published, f.Date), Source: f.Source, Entities: f.Entities}
	if a.Title == "" && a.Text == "" {
		return a, nil, errors.New("article has neither title nor text")
	}
	if a.ID == "" {
		a.ID = news.ContentID(a.Title, a.Text)
	}
	return a, obj, nil
}

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // annotation types always marshal
	}
	return b
}

// nonNil makes an empty annotation list print as [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
