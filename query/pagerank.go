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
	// For node v, its neighbours u and the share of u's rank that flows to
	// v, w(u,v)/W(u), over g's compressed rows: building them from gonum's
	// maps took most of the time on 100,000 entities.
	adj := g.adjacency()
	out := make([]float64, n) // W(u): weighted degree
	for v := 0; v < n; v++ {
		_, w := adj.row(v)
		for _, x := range w {
			out[v] += x
		}
	}
	start, nbr := adj.start, adj.nbr
	share := make([]float64, len(nbr))
	for v := 0; v < n; v++ {
		for k := start[v]; k < start[v+1]; k++ {
			share[k] = adj.w[k] / out[nbr[k]]
		}
	}

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
