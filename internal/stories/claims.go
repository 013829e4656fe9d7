package stories

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Claims compares, within each story, the amounts different articles give
// for the same counted thing about the same subject: quantities with the
// same unit whose sentences name a common entity form one claim. Values
// marked "additional" are kept apart from totals; casualty counts (killed,
// wounded) apart from other counts of the same noun. A claim disagrees
// when no single number fits every value's range, its hedge allowed for.
func Claims(arts []news.Article) []news.Claim {
	type item struct {
		v       news.ClaimValue
		unit    string
		story   string
		ents    map[string]string // entity id → canonical name
		extra   bool
		victims bool
	}
	var items []item
	for _, a := range arts {
		if a.Story == "" || a.DuplicateOf != "" {
			continue // a copy repeats its original's figures
		}
		rs := []rune(a.Text)
		sents := arabic.Sentences(a.Text)
		main := mainEntities(a.Entities, 3)
		for _, q := range a.Quantities {
			if q.Unit == "" {
				continue
			}
			sp := sentenceOf(sents, q.Start, len(rs))
			words := strings.TrimSpace(string(rs[sp.Start:sp.End]))
			if q.Caption > 0 && q.Caption <= len(a.Captions) {
				// An amount in a photo caption: the caption is its words,
				// and the text's entities do not stand in that span.
				words, sp = a.Captions[q.Caption-1], arabic.Span{Start: -1, End: -1}
			}
			it := item{
				v: news.ClaimValue{Article: a.ID, Source: first(a.Source, a.Page), Published: a.Published,
					Text: q.Text, Words: words, Min: q.Min, Max: q.Max, Qualifier: q.Qualifier},
				unit: claimUnit(q.Unit), story: a.Story, ents: map[string]string{},
				extra: q.Qualifier == news.Additional, victims: casualty(words),
			}
			for _, m := range a.Entities {
				if m.Start >= sp.Start && m.End <= sp.End && m.ID != "" {
					it.ents[m.ID] = m.Name
				}
			}
			if len(it.ents) < 2 {
				// The sentence names its subject by an adjective or a
				// pronoun ("آلاف الجنود الكوريين الشماليين"): the article's
				// main entities stand in for it.
				for id, name := range main {
					it.ents[id] = name
				}
			}
			items = append(items, it)
		}
	}
	// Union items of one story and unit (and casualty kind) that share an
	// entity, in the order they come.
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			a, b := items[i], items[j]
			if a.story != b.story || a.unit != b.unit || a.victims != b.victims || !shareEntity(a.ents, b.ents) {
				continue
			}
			parent[find(j)] = find(i)
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range items {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []news.Claim
	for _, r := range order {
		g := groups[r]
		articles := map[string]bool{}
		for _, i := range g {
			articles[items[i].v.Article] = true
		}
		if len(articles) < 2 {
			continue // a claim compares what several articles say
		}
		c := news.Claim{Story: items[g[0]].story, Unit: items[g[0]].unit}
		if items[g[0]].victims {
			c.Unit += " (casualties)"
		}
		names := map[string]int{}
		for _, i := range g {
			if items[i].extra {
				c.Additional = append(c.Additional, items[i].v)
			} else {
				c.Values = append(c.Values, items[i].v)
			}
			for _, n := range items[i].ents {
				names[n]++
			}
		}
		c.Subject = topNames(names, 3)
		c.Disagree, c.Why = disagree(c.Values)
		out = append(out, c)
	}
	return out
}

// troopUnits are counted nouns news uses for the same thing when counting
// troops: a claim compares them as one.
var troopUnits = map[string]string{"قوه": "جندي", "عسكري": "جندي", "مقاتل": "جندي", "جنديا": "جندي"}

func claimUnit(u string) string {
	if t, ok := troopUnits[u]; ok {
		return t
	}
	return u
}

// mainEntities are an article's k most mentioned entities.
func mainEntities(ms []news.Mention, k int) map[string]string {
	count := map[string]int{}
	name := map[string]string{}
	for _, m := range ms {
		if m.ID != "" && m.Type != news.MISC {
			count[m.ID]++
			name[m.ID] = m.Name
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	out := map[string]string{}
	for _, id := range ids[:min(k, len(ids))] {
		out[id] = name[id]
	}
	return out
}

// bounds is the range a value allows, its hedge taken at its word: "more
// than 12,000" is above 12,000, "about 15,000" within 15 % of it, "thousands"
// (a vague amount written in words) at least a thousand.
func bounds(v news.ClaimValue) (lo, hi float64) {
	switch v.Qualifier {
	case news.MoreThan, news.AtLeast:
		return v.Min, math.Inf(1)
	case news.LessThan, news.AtMost:
		return 0, v.Max
	case news.About:
		return v.Min * 0.85, v.Max * 1.15
	}
	if vague(v) {
		return v.Min, math.Inf(1)
	}
	return v.Min, v.Max
}

// vague reports an amount in words only whose range spans an order of
// magnitude: آلاف، عشرات، مئات.
func vague(v news.ClaimValue) bool {
	for _, r := range v.Text {
		if r >= '0' && r <= '9' || r >= '٠' && r <= '٩' {
			return false
		}
	}
	return v.Min > 0 && v.Max >= 9*v.Min
}

// disagree reports whether no single number fits every value's bounds,
// and says which two values part.
func disagree(vs []news.ClaimValue) (bool, string) {
	if len(vs) < 2 {
		return false, ""
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	var loV, hiV news.ClaimValue
	for _, v := range vs {
		l, h := bounds(v)
		if l > lo || (l == lo && v.Qualifier == news.MoreThan) {
			lo, loV = l, v
		}
		if h < hi {
			hi, hiV = h, v
		}
	}
	strictLo := loV.Qualifier == news.MoreThan
	if lo < hi || (lo == hi && !strictLo) {
		return false, ""
	}
	// Said in Arabic: it is shown to readers beside the figures.
	return true, fmt.Sprintf("«%s» (%s) لا يستقيم مع «%s» (%s)", loV.Text, loV.Source, hiV.Text, hiV.Source)
}

// casualty reports a sentence counting the killed or wounded.
func casualty(sentence string) bool {
	s := arabic.Search(sentence)
	for _, w := range []string{"قتل", "قتلي", "مقتل", "قتلوا", "حتفهم", "اصيب", "اصابه", "جرحي", "مصرع"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func sentenceOf(sents []arabic.Span, at, n int) arabic.Span {
	for _, s := range sents {
		if at >= s.Start && at < s.End {
			return s
		}
	}
	return arabic.Span{Start: 0, End: n}
}

func shareEntity(a, b map[string]string) bool {
	for id := range a {
		if _, ok := b[id]; ok {
			return true
		}
	}
	return false
}

func topNames(count map[string]int, k int) []string {
	var ns []string
	for n := range count {
		ns = append(ns, n)
	}
	sort.Slice(ns, func(i, j int) bool {
		if count[ns[i]] != count[ns[j]] {
			return count[ns[i]] > count[ns[j]]
		}
		return ns[i] < ns[j]
	})
	if len(ns) > k {
		ns = ns[:k]
	}
	return ns
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
