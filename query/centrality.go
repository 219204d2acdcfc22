package query

import (
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Damping and Tolerance are the PageRank parameters, networkx's defaults.
const (
	Damping   = 0.85
	Tolerance = 1e-12
)

// Score is an entity's centrality.
type Score struct {
	Entity         graph.ProjectedEntity
	PageRank       float64 // edge-weighted; sums to 1 over the graph
	Degree         int     // co-mentioned entities
	WeightedDegree float64 // sum of co-mention weights
	// Betweenness is the unweighted (fewest-hops) betweenness, normalised
	// as networkx does by default: by 2/((n-1)(n-2)) for n > 2 entities.
	Betweenness float64
}

// Centrality scores every entity of g, ranked by PageRank, then weighted
// degree, then mentions, then name and ID.
func Centrality(g *Graph) []Score {
	n := g.Len()
	scores := make([]Score, n)
	if n == 0 {
		return scores
	}
	pr := PageRank(g, Damping, Tolerance)
	bc := Betweenness(g)
	for i, e := range g.Entities {
		s := Score{Entity: e, PageRank: pr[i], Betweenness: bc[i]}
		nbrs := g.g.From(int64(i))
		for nbrs.Next() {
			s.Degree++
			s.WeightedDegree += g.g.WeightedEdge(int64(i), nbrs.Node().ID()).Weight()
		}
		scores[i] = s
	}
	sort.SliceStable(scores, func(i, j int) bool {
		a, b := scores[i], scores[j]
		// Rounded: gonum visits nodes in map order, so equal scores can
		// differ in their last bits from run to run.
		if pa, pb := round(a.PageRank), round(b.PageRank); pa != pb {
			return pa > pb
		}
		if a.WeightedDegree != b.WeightedDegree {
			return a.WeightedDegree > b.WeightedDegree
		}
		if a.Entity.Mentions != b.Entity.Mentions {
			return a.Entity.Mentions > b.Entity.Mentions
		}
		if a.Entity.Name != b.Entity.Name {
			return a.Entity.Name < b.Entity.Name
		}
		return a.Entity.ID < b.Entity.ID
	})
	return scores
}

// round keeps 9 decimals: differences below that are convergence noise,
// not rank.
func round(x float64) float64 { return math.Round(x*1e9) / 1e9 }
