package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	clustereval "github.com/marsad/marsad/internal/eval/cluster"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

func newBench(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "bench STAGE",
		Short: "Speed figures on your own data (docs/PERFORMANCE.md quotes them)",
	}
	var replay, step int
	cl := &cobra.Command{
		Use:   "cluster [--replay N] [--step K] [PATH...]",
		Short: "Time per article of the online clusterer as the archive grows",
		Long: `Bench cluster reads JSON Lines articles (as 'marsad articles --json' or
'marsad analyze' write them), puts them in publication order, and places
them one at a time with the clusterer's defaults, as ingest would. After
every --step articles it prints the time per article of that block, the
heap the clusterer holds, and the events and stories so far, so a cost per
article that grows with the archive shows as a rising column.

--replay N streams the corpus N times, each copy with new ids and its dates
moved past the end of the copy before: an archive N times as long, to show
the cost per article stays flat. Articles without entities are analyzed
first; that time is printed apart and not counted.`,
		Example: `  marsad --db snn.db articles --json > snn.jsonl
  marsad bench cluster --replay 4 --step 10000 snn.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var arts []news.Article
			var analyze []int
			err := eachJSONL(cmd.Context(), args, cmd.InOrStdin(), o.limits.MaxPageBytes, func(obj map[string]json.RawMessage, a news.Article) error {
				if _, has := obj["entities"]; !has {
					analyze = append(analyze, len(arts))
				}
				arts = append(arts, a)
				return nil
			}, func(err error) { fmt.Fprintln(cmd.ErrOrStderr(), "marsad:", err) })
			if err != nil {
				return stageStatus(err, len(arts), 0)
			}
			if len(arts) == 0 {
				return &exitError{code: 2, msg: "bench cluster: no articles read"}
			}
			if len(analyze) > 0 {
				an, err := pipeline.DefaultAnalyzer()
				if err != nil {
					return err
				}
				start := time.Now()
				for _, i := range analyze {
					arts[i].Entities = an.Mentions(arts[i].Text)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "entities recognized in %d articles in %s (not counted)\n", len(analyze), time.Since(start).Round(time.Millisecond))
			}
			stream := clustereval.Replay(arts, replay)
			arts = nil
			runtime.GC()
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%d articles (%d × %d), step %d\n", len(stream), len(stream)/max(replay, 1), max(replay, 1), step)
			fmt.Fprintf(w, "%10s %10s %12s %10s %9s %9s\n", "placed", "block", "per article", "held MiB", "events", "stories")
			start := time.Now()
			clustereval.Scale(stories.New(stories.DefaultConfig()), stream, step, func(s clustereval.ScaleStep) {
				fmt.Fprintf(w, "%10d %10s %12s %10.0f %9d %9d\n", s.Placed, s.Block.Round(time.Millisecond), s.PerArticle.Round(time.Microsecond), s.HeapMiB, s.Events, s.Story)
			})
			fmt.Fprintf(w, "total %s (including a collection after each step)\n", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	f := cl.Flags()
	f.IntVar(&replay, "replay", 1, "stream the corpus this many times, dates shifted")
	f.IntVar(&step, "step", 10000, "report after every this many articles")
	addLimitFlags(cl, o)
	c.AddCommand(cl)
	return c
}
