package query

import "math"

// PageRank returns the edge-weighted PageRank of every entity of g, indexed
// like g.Entities, computed as networkx.pagerank does: damping d, a uniform
// teleport, the rank of entities without links spread uniformly, power
// iteration from the uniform vector until the L1 change is below
// n·tol (at most maxIter rounds).
//
// gonum's network.PageRankSparse computes the same fixed point but starts
// from a random vector, so its last digits change from run to run; tables
// must not, so newsgraph iterates itself, deterministically, over a
// compressed adjacency.
func PageRank(g *Graph, d, tol float64) []float64 {
	const maxIter = 1000
	n := g.Len()
	if n == 0 {
		return nil
	}
	// Compressed rows: for node v, the neighbours u and the share of u's
	// rank that flows to v, w(u,v)/W(u).
	out := make([]float64, n) // W(u): weighted degree
	start := make([]int, n+1)
	var nbr []int32
	var share []float64
	for v := 0; v < n; v++ {
		nodes := g.ord.o.adj[int64(v)]
		for _, u := range nodes {
			w := g.g.WeightedEdge(int64(v), u.ID()).Weight()
			out[v] += w
		}
	}
	for v := 0; v < n; v++ {
		start[v] = len(nbr)
		for _, u := range g.ord.o.adj[int64(v)] {
			w := g.g.WeightedEdge(u.ID(), int64(v)).Weight()
			nbr = append(nbr, int32(u.ID()))
			share = append(share, w/out[u.ID()])
		}
	}
	start[n] = len(nbr)

	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for iter := 0; iter < maxIter; iter++ {
		dangling := 0.0
		for u := 0; u < n; u++ {
			if out[u] == 0 {
				dangling += x[u]
			}
		}
		base := (1-d)/float64(n) + d*dangling/float64(n)
		diff := 0.0
		for v := 0; v < n; v++ {
			s := 0.0
			for k := start[v]; k < start[v+1]; k++ {
				s += x[nbr[k]] * share[k]
			}
			next[v] = base + d*s
			diff += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			break
		}
	}
	return x
}
