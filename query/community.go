package query

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/community"

	"github.com/newsgraph/newsgraph/graph"
)

// Communities is a partition of a graph's entities.
type Communities struct {
	// Members are the communities, the largest first, ties by their
	// smallest member ID; members are in ID order. An entity without
	// co-mentions is a community of its own.
	Members    [][]graph.ProjectedEntity
	Modularity float64 // at Resolution; see Modularity
	Resolution float64
}

// Louvain partitions g into communities with the Louvain method, gonum's
// community.Modularize, over article weights at the given resolution (1 is
// plain modularity; higher gives more, smaller communities). The method
// visits nodes in random order: seed fixes it, and with it the partition,
// for a given graph.
//
// Louvain is greedy: another seed can give another partition of a similar
// modularity. gonum's local mover sums a node's weight to every member of
// each neighbouring community, so a pass costs O(m·c) for communities of
// about c entities: a tenth of a second on 1,000 random entities of degree 10, half a
// minute on 10,000, too slow for 100,000 (see BenchmarkLouvain).
func Louvain(g *Graph, resolution float64, seed uint64) Communities {
	c := Communities{Resolution: resolution}
	if g.Len() == 0 {
		return c
	}
	var parts [][]int32
	if len(g.adjacency().nbr) == 0 {
		// gonum would divide by the zero total weight; with no edges every
		// entity is alone.
		for v := range g.Len() {
			parts = append(parts, []int32{int32(v)})
		}
	} else {
		// csrGraph iterates nodes and neighbours in ID order, so the moves,
		// and the float sums that decide them, are the same on every run.
		r := community.Modularize(csrGraph{g.adjacency()}, resolution, rand.NewPCG(seed, seed))
		for _, comm := range r.Communities() {
			p := make([]int32, len(comm))
			for i, n := range comm {
				p[i] = int32(n.ID())
			}
			parts = append(parts, p)
		}
	}
	for _, p := range parts {
		// Node order is ID order: g.Entities come sorted by ID from every
		// store, and sorting by index keeps to it for those that do not.
		slices.SortFunc(p, func(a, b int32) int { return cmpEntity(g, a, b) })
	}
	slices.SortFunc(parts, func(a, b []int32) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return cmpEntity(g, a[0], b[0])
	})
	c.Modularity = modularity(g, parts, resolution)
	for _, p := range parts {
		m := make([]graph.ProjectedEntity, len(p))
		for i, v := range p {
			m[i] = g.Entities[v]
		}
		c.Members = append(c.Members, m)
	}
	return c
}

func cmpEntity(g *Graph, a, b int32) int {
	if x, y := g.Entities[a].ID, g.Entities[b].ID; x != y {
		if x < y {
			return -1
		}
		return 1
	}
	return int(a - b)
}

// Modularity returns the modularity of a partition of g, given as entity
// IDs, at the given resolution γ, over article weights:
//
//	Q = Σ_c [ L_c/m − γ (d_c/2m)² ]
//
// where m is the total weight, L_c the weight inside community c and d_c
// the weighted degree of its members. It is networkx's
// community.modularity(G, communities, weight="weight", resolution=γ) and
// gonum's community.Q; it is computed here in O(n+m) because community.Q
// sums over every pair inside each community, which is quadratic in their
// sizes. Entities in no community count for nothing (as in community.Q);
// unknown IDs are ignored. A graph without edges has modularity 0.
func Modularity(g *Graph, communities [][]string, resolution float64) float64 {
	parts := make([][]int32, 0, len(communities))
	for _, c := range communities {
		var p []int32
		for _, id := range c {
			if v, ok := g.index[id]; ok {
				p = append(p, int32(v))
			}
		}
		parts = append(parts, p)
	}
	return modularity(g, parts, resolution)
}

func modularity(g *Graph, parts [][]int32, resolution float64) float64 {
	adj := g.adjacency()
	of := make([]int, g.Len())
	for i := range of {
		of[i] = -1
	}
	for c, p := range parts {
		for _, v := range p {
			of[v] = c
		}
	}
	var m2 float64                     // twice the total weight: each edge is in two rows
	in := make([]float64, len(parts))  // twice the weight inside each
	deg := make([]float64, len(parts)) // summed weighted degrees
	for v := range g.Len() {
		nbr, w := adj.row(v)
		c := of[v]
		for k, u := range nbr {
			m2 += w[k]
			if c >= 0 {
				deg[c] += w[k]
				if of[u] == c {
					in[c] += w[k]
				}
			}
		}
	}
	if m2 == 0 {
		return 0
	}
	q := 0.0
	for c := range parts {
		q += in[c]/m2 - resolution*(deg[c]/m2)*(deg[c]/m2)
	}
	return q
}
