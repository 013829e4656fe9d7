package resolve

import (
	"fmt"
	"sort"
	"strings"
)

// String prints the figures, then every failure: near-miss merges, false
// merges, entities split across ids, spellings not found, wrong types.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "identity resolution: %d entities, %d spellings", r.Entities, r.Spellings)
	if r.Fallback {
		b.WriteString("; spans the recogniser missed resolved by Resolve")
	}
	b.WriteByte('\n')
	fmt.Fprintf(&b, "coverage %d/%d = %.3f\n", r.Found, r.Spellings, r.Coverage())
	row := func(name string, p Pairs) {
		fmt.Fprintf(&b, "%-26s gold %5d pred %5d true %5d  P %.3f R %.3f F1 %.3f\n", name, p.Gold, p.Predicted, p.True, p.Precision(), p.Recall(), p.F1())
	}
	row("pairwise, all spellings", r.Pairs)
	row("pairwise, found spellings", r.FoundPairs)
	fmt.Fprintf(&b, "near-miss merges %d/%d\n", len(r.Merged), r.NearMisses)
	for _, m := range r.Merged {
		where := "apart"
		if m.Together {
			where = "in one text"
		}
		fmt.Fprintf(&b, "  %s = %s (%s, %s): %s\n", m.Pair.A.Text, m.Pair.B.Text, m.ID, where, m.Pair.Why)
	}
	if len(r.FalseMerges) > 0 {
		fmt.Fprintf(&b, "false merges %d:\n", len(r.FalseMerges))
	}
	for _, f := range r.FalseMerges {
		fmt.Fprintf(&b, "  %s:", f.ID)
		for _, e := range sortedKeys(f.Entities) {
			fmt.Fprintf(&b, " %s {%s}", e, strings.Join(f.Entities[e], ", "))
		}
		b.WriteByte('\n')
	}
	if len(r.Splits) > 0 {
		fmt.Fprintf(&b, "split entities %d:\n", len(r.Splits))
	}
	for _, s := range r.Splits {
		fmt.Fprintf(&b, "  %s:", s.Entity)
		for _, id := range sortedKeys(s.Groups) {
			name := id
			if name == "" {
				name = "(none)"
			}
			fmt.Fprintf(&b, " %s {%s}", name, strings.Join(s.Groups[id], ", "))
		}
		b.WriteByte('\n')
	}
	if len(r.Missed) > 0 {
		fmt.Fprintf(&b, "not found %d:\n", len(r.Missed))
	}
	for _, m := range r.Missed {
		fmt.Fprintf(&b, "  %s: %s  in «%s»\n", m.Entity, m.Spelling.Text, m.Spelling.Sentence)
	}
	if len(r.WrongTypes) > 0 {
		fmt.Fprintf(&b, "wrong type %d:\n", len(r.WrongTypes))
	}
	for _, w := range r.WrongTypes {
		fmt.Fprintf(&b, "  %s: %s is %s, want %s\n", w.Entity, w.Spelling, w.Got, w.Want)
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
