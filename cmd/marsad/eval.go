package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/eval"
	clustereval "github.com/marsad/marsad/internal/eval/cluster"
	extracteval "github.com/marsad/marsad/internal/eval/extract"
	"github.com/marsad/marsad/internal/eval/pages"
	"github.com/marsad/marsad/internal/eval/wojood"
	"github.com/marsad/marsad/internal/ner"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/stories"
)

func newEval() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval STAGE --data PATH",
		Short: "Score a stage against labelled data written by others",
		Long: `Eval prints the quality figures docs/QUALITY.md quotes, reproducibly. The data
sets are not part of marsad; ../shared/data/README.md says where each comes from.`,
	}
	var data string
	dates := &cobra.Command{
		Use:     "dates --data DIR",
		Short:   "Date detection against Wojood's DATE spans (train, val and test files)",
		Example: `  marsad eval dates --data ../shared/data/wojood`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := wojood.ScoreDates(data)
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("eval dates: %v", err)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), s.String())
			return nil
		},
	}
	dates.Flags().StringVar(&data, "data", "../shared/data/wojood", "directory holding Wojood's train.txt, val.txt, test.txt")
	c.AddCommand(dates, newEvalClean(), newEvalNER(), newEvalExtract(), newEvalCluster(), newEvalCopies())
	return c
}

func newEvalExtract() *cobra.Command {
	var (
		snn, wojood string
		examples    int
	)
	c := &cobra.Command{
		Use:   "extract [--data SNN_DIR] [--wojood DIR] [--examples N]",
		Short: "Quotes, quantities and dates against marsad's annotated SaudiNewsNet articles, and Wojood's numeric and DATE spans",
		Long: `Extract scores the analysis stage on 60 SaudiNewsNet articles annotated by hand
(internal/eval/extract/testdata/GUIDELINES.md): quote F1 (speaker right and
text overlapping ≥ 0.8), quantity F1 (value and unit right), date F1 (resolved
value right), each with span-only detection and the errors by kind, with
--examples examples of each. The annotations hold offsets only; the text is
read from --data. With --wojood it also reports detection recall of Wojood's
CARDINAL, MONEY, PERCENT, QUANTITY and DATE spans.`,
		Example: `  marsad eval extract --data ../shared/data/saudinewsnet --wojood ../shared/data/wojood
  marsad eval extract --wojood "" --examples -1   # every error, not six of each kind`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			an, err := pipeline.DefaultAnalyzer()
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if snn != "" {
				gold, err := extracteval.Gold()
				if err != nil {
					return &exitError{code: 2, msg: fmt.Sprintf("eval extract: %v", err)}
				}
				r, err := extracteval.Score(snn, gold, an.Analyze)
				if err != nil {
					return &exitError{code: 2, msg: fmt.Sprintf("eval extract: %v", err)}
				}
				fmt.Fprintln(w, r.Format(examples))
			}
			if wojood != "" {
				r, err := extracteval.ScoreWojood(wojood, an.Analyze)
				if err != nil {
					return &exitError{code: 2, msg: fmt.Sprintf("eval extract: %v", err)}
				}
				fmt.Fprintln(w, r.String())
			}
			return nil
		},
	}
	c.Flags().StringVar(&snn, "data", "../shared/data/saudinewsnet", "SaudiNewsNet zips the annotations point into (empty: skip)")
	c.Flags().StringVar(&wojood, "wojood", "../shared/data/wojood", "Wojood directory (empty: skip)")
	c.Flags().IntVar(&examples, "examples", extracteval.DefaultExamples, "examples listed per error kind (-1: all)")
	return c
}

func newEvalCluster() *cobra.Command {
	var (
		gold, heldout         []string
		snn, cache, overrides string
	)
	c := &cobra.Command{
		Use:   "cluster [--gold FILE...] [--heldout DAY...] [--data SNN_DIR] [--cache FILE] [--config key=value,...]",
		Short: "Events and stories against labelled SaudiNewsNet days, beside two baselines, on tuning and held-out days",
		Long: `Cluster runs marsad's online clusterer over every article of the days the gold
files label, all days together in publication order, and scores events and
stories: BCubed, pairwise (the F1 Miranda et al.'s released evaluation code
computes) and the best-match clustering F1, with cluster counts.

The gold days are split: the --heldout days' articles are scored apart from
the other (tuning) days' articles, each part on its own articles only. Two
baselines are measured in the same run on the same parts: every article
alone, and TF-IDF cosine over title and body with average-linkage
agglomerative clustering over all the articles, cut at the distance with
the best BCubed F1 on the tuning part (separately for events and stories;
the chosen distances are printed).

--config overrides fields of the clusterer's stories.Config by name (copy,
event, story, event-window, story-window, title-weight, entity-weight,
lead-mix, lead-words, and any field added later; durations as 96h or 4d), so a sweep needs no
rebuild; the configuration used heads the report. --cache keeps each
article's analyzed entity mentions in a file, written when absent or
incomplete, so the next run only re-clusters; delete it when the entity
model or gazetteer changes.

The gold files hold keys into the data, never text;
internal/eval/cluster/testdata/GUIDELINES.md says how to label.`,
		Example: `  marsad eval cluster --data ../shared/data/saudinewsnet --cache /tmp/marsad-mentions.json
  marsad eval cluster --cache /tmp/marsad-mentions.json --config event=0.42,story=0.28,title-weight=4
  marsad eval cluster --gold internal/eval/cluster/testdata/sample.jsonl --heldout ""`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fail := func(err error) error { return &exitError{code: 2, msg: fmt.Sprintf("eval cluster: %v", err)} }
			cfg := stories.DefaultConfig()
			if err := clustereval.Override(&cfg, overrides); err != nil {
				return fail(err)
			}
			var g []clustereval.GoldItem
			for _, path := range gold {
				items, err := clustereval.LoadGold(path)
				if err != nil {
					return fail(err)
				}
				g = append(g, items...)
			}
			set, err := clustereval.LoadSet(snn, g)
			if err != nil {
				return fail(err)
			}
			if _, _, err := set.Split(heldout); err != nil { // before the long analysis
				return fail(err)
			}
			an, err := pipeline.DefaultAnalyzer()
			if err != nil {
				return err
			}
			start := time.Now()
			arts, st, err := clustereval.WithMentions(set.Articles, cache, runtime.GOMAXPROCS(0), an.Mentions)
			if err != nil {
				return fail(err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "entities: %d articles from the cache, %d analyzed, in %s\n",
				st.Cached, st.Analyzed, time.Since(start).Round(time.Millisecond))
			start = time.Now()
			as := clustereval.Online(stories.New(cfg))(arts)
			labels, err := clustereval.FromAssignments(arts, as)
			if err != nil {
				return fail(err)
			}
			r, err := clustereval.Compare(set, heldout, clustereval.Method{Name: "marsad", Labels: labels})
			if err != nil {
				return fail(err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "clustering and scoring: %s\n", time.Since(start).Round(time.Millisecond))
			fmt.Fprintf(cmd.OutOrStdout(), "marsad: stories.Config%+v\n%s", cfg, r)
			return nil
		},
	}
	f := c.Flags()
	f.StringSliceVar(&gold, "gold", []string{
		"internal/eval/cluster/testdata/gold-2015-08-01.jsonl",
		"internal/eval/cluster/testdata/gold-2015-08-02.jsonl",
	}, "gold JSONL files (zip, index, url, event, story); repeat or separate by commas")
	f.StringSliceVar(&heldout, "heldout", []string{"2015-08-02"}, `days scored apart from the tuning days ("" for none)`)
	f.StringVar(&snn, "data", "../shared/data/saudinewsnet", "SaudiNewsNet zips the gold points into")
	f.StringVar(&cache, "cache", "", "file keeping each article's entity mentions between runs (JSON)")
	f.StringVar(&overrides, "config", "", "stories.Config fields to override, key=value,... (event=0.42,story=0.28,title-weight=4,event-window=2d)")
	return c
}

func newEvalNER() *cobra.Command {
	var model string
	c := &cobra.Command{
		Use:   "ner --data FILE [--model FILE]",
		Short: "Entity tagging: exact-match precision, recall and F1 per type and micro (conlleval rules)",
		Example: `  marsad eval ner --data ../shared/data/anercorp/ANERcorp-CamelLabSplits-test.txt
  marsad eval ner --data ../shared/data/aqmar/articles   # out of domain`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, _ := cmd.Flags().GetString("data")
			m, err := loadNER(model)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			sents, err := readTagged(data)
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("eval ner: %v", err)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), ner.Evaluate(m, sents).String())
			return nil
		},
	}
	c.Flags().String("data", "../shared/data/anercorp/ANERcorp-CamelLabSplits-test.txt", "CoNLL file, or a directory of them")
	c.Flags().StringVar(&model, "model", "", "model file (default: the embedded one)")
	return c
}

// loadNER loads a model file, or the embedded model when path is empty.
func loadNER(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Load(f)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return m, nil
}

// readTagged reads one CoNLL file, or every file in a directory.
func readTagged(path string) ([]ner.Sentence, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return ner.ReadCoNLL(path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var all []ner.Sentence
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		s, err := ner.ReadCoNLL(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

func newEvalClean() *cobra.Command {
	var (
		snn, html, write string
		n                int
		seed             int64
	)
	c := &cobra.Command{
		Use:   "clean [--data SNN_DIR] [--html BENCH_DIR]",
		Short: "Cleaning: generated scraped pages (body lines, articles, titles) and the HTML extraction benchmark",
		Long: `Clean scores marsad's cleaner two ways:

  plain text: pages generated from SaudiNewsNet articles wrapped in the
  furniture of 17 site templates, each with its gold title, body lines and
  captions (the same data and seed give the same pages); prints body-line
  precision/recall/F1, articles and titles right, per template, and which
  furniture is kept or which body lines are lost most;

  HTML: the Scrapinghub article-extraction benchmark (181 English pages),
  4-gram shingle precision/recall/F1 as its evaluate.py computes them, for
  marsad and for go-trafilatura alone in the same run.`,
		Example: `  marsad eval clean --data ../shared/data/saudinewsnet --html ../shared/data/article-extraction-benchmark
  marsad eval clean --data ../shared/data/saudinewsnet --html "" --write /tmp/pages   # read the pages`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			if snn != "" {
				ps, err := pages.Generate(snn, n, seed)
				if err != nil {
					return &exitError{code: 2, msg: fmt.Sprintf("eval clean: %v", err)}
				}
				if write != "" {
					if err := pages.WriteDir(write, ps); err != nil {
						return &exitError{code: 2, msg: fmt.Sprintf("eval clean: %v", err)}
					}
				}
				r := eval.ScorePages(ps, eval.MarsadText)
				fmt.Fprintf(w, "generated pages (seed %d), each page alone\n%s\nspeed: %.0f pages/s (one goroutine)\n\n", seed, r.String(), r.PagesPerSecond())
				r = eval.ScorePages(ps, eval.MarsadSites())
				fmt.Fprintf(w, "the same pages with site memory (each site's earlier pages learned, as ingest does)\n%s\n\n", r.Summary())
			}
			if html != "" {
				for _, x := range eval.HTMLExtractors() {
					r, err := eval.ScoreHTML(html, x.Extract)
					if err != nil {
						return &exitError{code: 2, msg: fmt.Sprintf("eval clean: %v", err)}
					}
					fmt.Fprintf(w, "HTML benchmark, %-15s %s\n", x.Name+":", r.String())
				}
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&snn, "data", "../shared/data/saudinewsnet", "SaudiNewsNet zips to generate pages from (empty: skip)")
	f.StringVar(&html, "html", "../shared/data/article-extraction-benchmark", "article-extraction benchmark directory (empty: skip)")
	f.StringVar(&write, "write", "", "also write the generated pages and their gold here")
	f.IntVar(&n, "pages", 150, "how many pages to generate")
	f.Int64Var(&seed, "seed", 1, "generator seed")
	return c
}
