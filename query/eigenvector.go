package query

import (
	"errors"
	"math"
)

// ErrNotConverged is returned by Eigenvector when the power iteration has
// not met its tolerance within the allowed rounds.
var ErrNotConverged = errors.New("power iteration did not converge")

// EigenvectorMaxIter and EigenvectorTol are the eigenvector centrality
// parameters of the centrality table. networkx's defaults (100 rounds,
// 1e-6) stop once the L1 change is below n·tol, which on 100,000 entities
// is a change of 0.1 spread over entries of about 0.003: too loose for a
// ranking, so the table asks for 1e-9 and allows the rounds that takes.
const (
	EigenvectorMaxIter = 1000
	EigenvectorTol     = 1e-9
)

// Eigenvector returns the edge-weighted eigenvector centrality of every
// entity of g, indexed like g.Entities, computed exactly as
// networkx.eigenvector_centrality(G, weight="weight", max_iter=maxIter,
// tol=tol) does: power iteration with A+I (the identity keeps bipartite
// graphs from oscillating) from the uniform vector, each round scaled to
// unit Euclidean length, until the L1 change is below n·tol. Weights are
// articles, as for PageRank, so an entity is central when it is mentioned
// often beside entities that are themselves central.
//
// On a disconnected graph the smaller components decay towards zero at a
// rate set by the spectral gap, so their values depend on when the
// iteration stops; like networkx's, they are the values at that round.
//
// If the iteration does not converge within maxIter rounds, Eigenvector
// returns the last round's vector with ErrNotConverged (networkx raises).
// Each round costs O(n+m); the rows are summed in a fixed order, so the
// result is deterministic.
func Eigenvector(g *Graph, maxIter int, tol float64) ([]float64, error) {
	n := g.Len()
	if n == 0 {
		return nil, nil
	}
	adj := g.adjacency()
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for iter := 0; iter < maxIter; iter++ {
		// networkx pushes x[v]·w(v,u) into u; on an undirected graph the
		// pull below sums the same terms.
		norm := 0.0
		for v := 0; v < n; v++ {
			s := x[v]
			nbr, w := adj.row(v)
			for k, u := range nbr {
				s += x[u] * w[k]
			}
			next[v] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1 // as networkx: cannot happen, x stays positive
		}
		diff := 0.0
		for v := range next {
			next[v] /= norm
			diff += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			return x, nil
		}
	}
	return x, ErrNotConverged
}
