package query

import (
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Neighbor is an entity co-mentioned with another, and how strongly.
type Neighbor struct {
	Entity      graph.ProjectedEntity
	Articles    int // articles naming both
	First, Last time.Time
}

// Neighbors returns the entities co-mentioned with id in p, the strongest
// first (most articles, then most recent, then name and ID).
func Neighbors(p *graph.Projection, id string) []Neighbor {
	byID := make(map[string]graph.ProjectedEntity, len(p.Entities))
	for _, e := range p.Entities {
		byID[e.ID] = e
	}
	var out []Neighbor
	for _, e := range p.Edges {
		other := ""
		switch id {
		case e.A:
			other = e.B
		case e.B:
			other = e.A
		default:
			continue
		}
		if ent, ok := byID[other]; ok {
			out = append(out, Neighbor{Entity: ent, Articles: e.Articles, First: e.First, Last: e.Last})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return compareLinks(a.Articles, b.Articles, a.Last.Compare(b.Last), a.Entity.Name, b.Entity.Name, a.Entity.ID, b.Entity.ID) < 0
	})
	return out
}
