package query

import (
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// Ego returns the ego network of the entity id in p: id, its top neighbours
// by edge weight (the order of Neighbors: most articles, then most recent,
// then name and ID), their top neighbours, and so on to depth hops, with
// every edge of p between two kept entities. top 0 keeps every neighbour;
// depth 0 keeps id alone. The result lists entities and edges in p's order
// and shares nothing with p that p's callers change.
//
// Only entities reached by a kept hop are in it, so an export of the result
// has no isolated nodes but id itself when it has no neighbours.
//
// Ego returns graph.ErrNotFound (wrapped) when id is not in p, and an error
// when depth or top is negative.
func Ego(p *graph.Projection, id string, depth, top int) (*graph.Projection, error) {
	if depth < 0 || top < 0 {
		return nil, fmt.Errorf("ego network of %s: depth %d and top %d must not be negative", id, depth, top)
	}
	if !slices.ContainsFunc(p.Entities, func(e graph.ProjectedEntity) bool { return e.ID == id }) {
		return nil, fmt.Errorf("ego network of %s: %w", id, graph.ErrNotFound)
	}
	kept := map[string]bool{id: true}
	frontier := []string{id}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, v := range frontier {
			ns := Neighbors(p, v)
			if top > 0 && len(ns) > top {
				ns = ns[:top]
			}
			for _, n := range ns {
				if !kept[n.Entity.ID] {
					kept[n.Entity.ID] = true
					next = append(next, n.Entity.ID)
				}
			}
		}
		frontier = next
	}
	out := &graph.Projection{}
	for _, e := range p.Entities {
		if kept[e.ID] {
			out.Entities = append(out.Entities, e)
		}
	}
	for _, e := range p.Edges {
		if kept[e.A] && kept[e.B] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out, nil
}
