package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// storyClaims is what `marsad claims` reports for one story.
type storyClaims struct {
	Story    string         `json:"story"`
	Title    string         `json:"title"`
	Claims   []news.Claim   `json:"claims"`
	Speakers []speakerQuote `json:"speakers"`
}

// speakerQuote gathers what one speaker was reported saying, across outlets.
type speakerQuote struct {
	Speaker   string        `json:"speaker"`
	SpeakerID string        `json:"speaker_id"`
	Quotes    []quotedWords `json:"quotes"`
}

type quotedWords struct {
	Text    string `json:"text"`
	Direct  bool   `json:"direct"`
	Source  string `json:"source"`
	Article string `json:"article"`
}

func newClaims(o *options) *cobra.Command {
	var (
		asJSON bool
		story  string
	)
	c := &cobra.Command{
		Use:   "claims [--story ID] [--json]",
		Short: "What outlets say about the same amounts, side by side, disagreements flagged; quotes by speaker",
		Long: `Claims lists, for each story, the amounts its articles give for the same counted
thing about the same subject (troops, deaths, money...), each with its outlet,
article, date and words. Values that cannot all be true (ranges that do not
overlap, hedges taken at their word) are flagged; "additional" amounts are
kept apart from totals. Then what each speaker was reported saying, across
outlets, under one identity.`,
		Example: `  marsad claims
  marsad claims --story st-232b0e0797df6f56 --json | jq '.claims[] | select(.disagree)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := o.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			arts, err := st.Articles(cmd.Context(), news.ArticleQuery{Story: story})
			if err != nil {
				return err
			}
			out := byStory(st, cmd, arts)
			return writeList(cmd.OutOrStdout(), asJSON, out, printClaims)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "one JSON object a story: claims and speakers")
	c.Flags().StringVar(&story, "story", "", "only this story")
	return c
}

// byStory groups claims and quotes by story, stories with claims first.
func byStory(st *store.Store, cmd *cobra.Command, arts []news.Article) []storyClaims {
	titles := map[string]string{}
	if ss, err := st.Stories(cmd.Context()); err == nil {
		for _, s := range ss {
			titles[s.ID] = s.Title
		}
	}
	idx := map[string]int{}
	var out []storyClaims
	get := func(id string) *storyClaims {
		i, ok := idx[id]
		if !ok {
			i = len(out)
			idx[id] = i
			out = append(out, storyClaims{Story: id, Title: titles[id]})
		}
		return &out[i]
	}
	for _, c := range stories.Claims(arts) {
		s := get(c.Story)
		s.Claims = append(s.Claims, c)
	}
	speakers := map[string]map[string]*speakerQuote{}
	for _, a := range arts {
		if a.Story == "" || a.DuplicateOf != "" {
			continue
		}
		for _, q := range a.Quotes {
			key := q.SpeakerID
			if key == "" {
				key = q.Speaker
			}
			if key == "" {
				continue
			}
			if speakers[a.Story] == nil {
				speakers[a.Story] = map[string]*speakerQuote{}
			}
			sq := speakers[a.Story][key]
			if sq == nil {
				sq = &speakerQuote{Speaker: q.Speaker, SpeakerID: q.SpeakerID}
				speakers[a.Story][key] = sq
			}
			sq.Quotes = append(sq.Quotes, quotedWords{Text: q.Text, Direct: q.Direct, Source: or(a.Source, a.Page), Article: a.ID})
		}
	}
	for story, m := range speakers {
		s := get(story)
		for _, sq := range m {
			s.Speakers = append(s.Speakers, *sq)
		}
		sort.Slice(s.Speakers, func(i, j int) bool {
			if len(s.Speakers[i].Quotes) != len(s.Speakers[j].Quotes) {
				return len(s.Speakers[i].Quotes) > len(s.Speakers[j].Quotes)
			}
			return s.Speakers[i].Speaker < s.Speakers[j].Speaker
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Claims) > len(out[j].Claims) })
	return out
}

func printClaims(w io.Writer, s storyClaims) {
	if len(s.Claims) == 0 && len(s.Speakers) == 0 {
		return
	}
	fmt.Fprintf(w, "%s  %s\n", s.Story, or(s.Title, "(untitled)"))
	for _, c := range s.Claims {
		flag := "agree"
		if c.Disagree {
			flag = "DISAGREE: " + c.Why
		}
		fmt.Fprintf(w, "  claim: %s (%s) — %s\n", c.Unit, strings.Join(c.Subject, "، "), flag)
		for _, v := range c.Values {
			fmt.Fprintf(w, "    %-14s %-26s %-10s %s\n", clip(v.Source, 14), v.Text, v.Qualifier, or(v.Published, "-"))
		}
		for _, v := range c.Additional {
			fmt.Fprintf(w, "    %-14s %-26s %-10s %s  (additional, not a total)\n", clip(v.Source, 14), v.Text, v.Qualifier, or(v.Published, "-"))
		}
	}
	for _, sq := range s.Speakers {
		if len(sq.Quotes) < 2 {
			continue
		}
		fmt.Fprintf(w, "  %s (%d quotes, %s)\n", sq.Speaker, len(sq.Quotes), or(sq.SpeakerID, "no id"))
		for _, q := range sq.Quotes {
			fmt.Fprintf(w, "    %-14s %s\n", clip(q.Source, 14), clip(q.Text, 90))
		}
	}
	fmt.Fprintln(w)
}
