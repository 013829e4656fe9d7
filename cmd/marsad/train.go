package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/eval/snn"
	"github.com/marsad/marsad/internal/ner"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

func newTrain() *cobra.Command {
	c := &cobra.Command{
		Use:   "train MODEL",
		Short: "Train marsad's own models from labelled data (no weights are downloaded)",
	}
	var data, clusters, out string
	var seed uint64
	nerCmd := &cobra.Command{
		Use:   "ner --data TRAIN_FILE [--clusters SNN_DIR] [--out FILE]",
		Short: "Train the entity tagger (averaged perceptron) on ANERcorp's training split",
		Long: `Train ner learns the named-entity tagger marsad embeds: an averaged structured
perceptron over word, clitic, affix, shape, context, trigger, gazetteer,
training-lexicon, word-cluster and context-profile features, in two passes
(document features). From the SaudiNewsNet zips given by --clusters it learns
without labels two clusterings, one by immediate neighbours, one of skip-gram
word vectors (the slow part: several minutes on one core), and each word's
context profile (how often it follows a title, precedes a nationality
adjective, ...). The same data and seed give a
byte-identical model; the shipped one is internal/ner/model/ner.bin.`,
		Example: `  marsad train ner --data ../shared/data/anercorp/ANERcorp-CamelLabSplits-train.txt \
      --clusters ../shared/data/saudinewsnet --out internal/ner/model/ner.bin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			m, err := ner.TrainFromFiles(data, clusters, ner.Config{MinCount: ner.DefaultMinCount, Seed: seed})
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			f, err := os.Create(out)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			n, err := m.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("write %s: %v", out, err)}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d bytes, %d features, in %s\n", out, n, m.Features(), time.Since(start).Round(time.Second))
			return nil
		},
	}
	f := nerCmd.Flags()
	f.StringVar(&data, "data", "../shared/data/anercorp/ANERcorp-CamelLabSplits-train.txt", "CoNLL training file (token TAG, blank line between sentences)")
	f.StringVar(&clusters, "clusters", "../shared/data/saudinewsnet", "SaudiNewsNet zips to learn word clusters and context profiles from (empty: none)")
	f.StringVar(&out, "out", "ner.bin", "model file to write")
	f.Uint64Var(&seed, "seed", 0, "sentence-order seed")
	c.AddCommand(nerCmd, newTrainIDF())
	return c
}

func newTrainIDF() *cobra.Command {
	var data, out string
	var exclude []string
	var minDF int
	c := &cobra.Command{
		Use:   "idf [--data SNN_DIR] [--exclude DAY...] [--out FILE]",
		Short: "Count the document frequencies the clusterer starts from",
		Long: `Train idf counts, over SaudiNewsNet's day archives, how many articles hold
each topic term (stems of title and text words, as the clusterer reads
them), and writes the counts the clusterer embeds as its idf prior. With it
a store that starts empty weighs words as a day of news would, instead of
treating every word as equally rare.

--exclude leaves days out: by default the two days the clustering gold
labels, so the evaluation is not scored on days the prior has read. Terms
held by fewer than --min-df articles are not written. The same archives
give the same bytes; the shipped prior is internal/stories/prior.tsv.gz.`,
		Example: `  marsad train idf --data ../shared/data/saudinewsnet --out internal/stories/prior.tsv.gz`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fail := func(err error) error { return &exitError{code: 2, msg: fmt.Sprintf("train idf: %v", err)} }
			zips, err := snn.Days(data)
			if err != nil {
				return fail(err)
			}
			skip := map[string]bool{}
			for _, d := range exclude {
				skip[strings.TrimSuffix(strings.TrimSpace(d), ".zip")] = true
			}
			pc := stories.NewPriorCounter()
			var days, arts int
			for _, z := range zips {
				if skip[strings.TrimSuffix(filepath.Base(z), ".zip")] {
					continue
				}
				recs, err := snn.ReadDay(z)
				if err != nil {
					return fail(err)
				}
				for _, r := range recs {
					pc.Add(news.Article{Title: r.Title, Text: r.Content})
				}
				days++
				arts += len(recs)
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d articles\n", filepath.Base(z), len(recs))
			}
			f, err := os.Create(out)
			if err != nil {
				return fail(err)
			}
			n, err := pc.WriteTo(f, minDF)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fail(fmt.Errorf("write %s: %w", out, err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d terms from %d articles of %d days\n", out, n, arts, days)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&data, "data", "../shared/data/saudinewsnet", "SaudiNewsNet day archives")
	f.StringSliceVar(&exclude, "exclude", []string{"2015-08-01", "2015-08-02"}, "days to leave out")
	f.IntVar(&minDF, "min-df", 3, "least number of articles a written term is held by")
	f.StringVar(&out, "out", "prior.tsv.gz", "file to write")
	return c
}
