package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/ner"
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
	c.AddCommand(nerCmd)
	return c
}
