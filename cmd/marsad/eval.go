package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/timex"
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
			s, err := timex.ScoreWojood(data)
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("eval dates: %v", err)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), s.String())
			return nil
		},
	}
	dates.Flags().StringVar(&data, "data", "../shared/data/wojood", "directory holding Wojood's train.txt, val.txt, test.txt")
	c.AddCommand(dates)
	return c
}
