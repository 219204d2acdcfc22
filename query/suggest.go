package query

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

// Suggest returns up to max entities whose names or aliases are close to
// name — a few edits away, or containing it — closest first.
func Suggest(entities []graph.ProjectedEntity, name string, max int) []graph.ProjectedEntity {
	key := []rune(norm.Key(name))
	if len(key) == 0 {
		return nil
	}
	limit := len(key)/3 + 1
	type cand struct {
		e    graph.ProjectedEntity
		dist int
	}
	var cands []cand
	for _, e := range entities {
		best := -1
		for _, n := range append([]string{e.ID, e.Name, e.NameAr}, e.Aliases...) {
			k := norm.Key(n)
			if k == "" {
				continue
			}
			d := editDistance(key, []rune(k))
			if strings.Contains(k, string(key)) && len(key) >= 3 {
				d = min(d, 1)
			}
			if best < 0 || d < best {
				best = d
			}
		}
		if best >= 0 && best <= limit {
			cands = append(cands, cand{e, best})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		if cands[i].e.Articles != cands[j].e.Articles {
			return cands[i].e.Articles > cands[j].e.Articles
		}
		return cands[i].e.ID < cands[j].e.ID
	})
	out := make([]graph.ProjectedEntity, 0, max)
	for i := 0; i < len(cands) && i < max; i++ {
		out = append(out, cands[i].e)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
