package main

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/timex"
	"github.com/marsad/marsad/news"
)

func newText() *cobra.Command {
	c := &cobra.Command{
		Use:   "text",
		Short: "See what marsad's Arabic core makes of text: normalize, tokens, numbers, dates, lang",
		Long: `Text reads lines on standard input and prints JSON Lines, one object per
result, each with "line" (1-based input line) so results can be traced back.`,
		Example: `  echo 'قال بوتين إن ما بين 10 آلاف و12 ألف جندي شاركوا' | marsad text numbers
  echo 'في 18 ديسمبر، وقال كيم يوم السبت' | marsad text dates --published 2025-12-28
  echo 'الرَّئِيسُ الرُّوسِيُّ' | marsad text normalize --layer search`,
	}
	var layer string
	normalize := &cobra.Command{
		Use:   "normalize [--layer display|search|name]",
		Short: `The three layers: display (unchanged), search (folded for matching), name (name keys); prints {"line","text","normalized"}`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var f func(string) string
			switch layer {
			case "display":
				f = func(s string) string { return s }
			case "search":
				f = arabic.Search
			case "name":
				f = arabic.NameKey
			default:
				return &exitError{code: 2, msg: fmt.Sprintf("--layer %q: want display, search or name", layer)}
			}
			return eachLine(cmd, func(n int, s string, emit func(any) error) error {
				return emit(struct {
					Line       int    `json:"line"`
					Text       string `json:"text"`
					Normalized string `json:"normalized"`
				}{n, s, f(s)})
			})
		},
	}
	normalize.Flags().StringVar(&layer, "layer", "search", "display, search or name")

	tokens := &cobra.Command{
		Use:   "tokens",
		Short: `Tokens with rune offsets: {"line","text","norm","kind","start","end"}`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return eachLine(cmd, func(n int, s string, emit func(any) error) error {
				for _, t := range arabic.Tokens(s) {
					if err := emit(tokenOut{n, t.Text, t.Norm, t.Kind.String(), t.Start, t.End}); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}

	numbers := &cobra.Command{
		Use:   "numbers",
		Short: `Numbers in any script or in words, with hedges and ranges: {"line","text","min","max","qualifier","start","end"}`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return eachLine(cmd, func(n int, s string, emit func(any) error) error {
				for _, x := range arabic.Numbers(s) {
					if err := emit(numberOut{n, x.Text, x.Min, x.Max, x.Qualifier, x.Year, x.Start, x.End}); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}

	var published string
	dates := &cobra.Command{
		Use:   "dates [--published YYYY-MM-DD]",
		Short: `Time expressions resolved against a publication date: {"line","text","value","start","end"}`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var ref time.Time
			if published != "" {
				t, ok := news.ParseISO(published)
				if !ok {
					return &exitError{code: 2, msg: fmt.Sprintf("--published %q: want YYYY-MM-DD", published)}
				}
				ref = t
			}
			return eachLine(cmd, func(n int, s string, emit func(any) error) error {
				for _, e := range timex.Find(s, ref) {
					if err := emit(dateOut{n, e.Text, e.Value, e.Kind, e.Start, e.End}); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
	dates.Flags().StringVar(&published, "published", "", "publication date relative expressions resolve against (none: they stay unresolved)")

	lang := &cobra.Command{
		Use:   "lang",
		Short: `Language of each line (ar, fa, ur, en, other; empty for digits and dates only): {"line","text","lang","confidence"}`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return eachLine(cmd, func(n int, s string, emit func(any) error) error {
				code, conf := arabic.Lang(s)
				return emit(langOut{n, s, code, conf})
			})
		},
	}
	c.AddCommand(normalize, tokens, numbers, dates, lang)
	return c
}

// Output lines of `marsad text`, fields in reading order.
type (
	tokenOut struct {
		Line  int    `json:"line"`
		Text  string `json:"text"`
		Norm  string `json:"norm"`
		Kind  string `json:"kind"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}
	numberOut struct {
		Line      int     `json:"line"`
		Text      string  `json:"text"`
		Min       float64 `json:"min"`
		Max       float64 `json:"max"`
		Qualifier string  `json:"qualifier"`
		Year      bool    `json:"year"`
		Start     int     `json:"start"`
		End       int     `json:"end"`
	}
	dateOut struct {
		Line  int    `json:"line"`
		Text  string `json:"text"`
		Value string `json:"value"`
		Kind  string `json:"kind"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}
	langOut struct {
		Line       int     `json:"line"`
		Text       string  `json:"text"`
		Lang       string  `json:"lang"`
		Confidence float64 `json:"confidence"`
	}
)

// eachLine calls fn for every line of standard input, with an emitter
// writing one JSON object a line.
func eachLine(cmd *cobra.Command, fn func(n int, line string, emit func(any) error) error) error {
	enc := newEncoder(cmd.OutOrStdout())
	br := bufio.NewReader(cmd.InOrStdin())
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			if line[len(line)-1] == '\n' {
				line = line[:len(line)-1]
			}
			if ferr := fn(n, line, enc.Encode); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read standard input: %w", err)
		}
	}
}
