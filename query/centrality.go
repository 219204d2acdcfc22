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

// SampleAbove is the size past which CentralityTable estimates the
// shortest-path metrics unless told otherwise, and DefaultPivots the
// number of sources it estimates them from. Both come from measurements
// (2-core machine, shared and loaded; random graphs of degree 10, the
// benchmark graphs):
//
//   - a source costs about 0.3 ms at 5,000 entities, 0.75 ms at 10,000 and
//     about 50 ms of CPU at 100,000, where each search is memory-bound:
//     exact, the table takes about 1 s at 5,000 and 7 s at 10,000, while
//     128 sources at 100,000 take 3–6 s. SampleAbove = 5,000 keeps every
//     default table within a few seconds.
//   - the error of K sources, against exact on 10,000 entities (go test
//     ./query -run TestSamplingReport -v -args -sampling-report; seeds
//     1–3): on the random graph, whose betweenness is nearly flat, the
//     mean relative error of betweenness is 0.68, 0.57, 0.46, 0.35, 0.24
//     at K = 64, 128, 256, 512, 1024, its correlation with exact 0.41,
//     0.54, 0.67, 0.79, 0.88 and only 0–5 of the top 10 are found; on a
//     preferential-attachment graph (hubs, as co-mention graphs have) the
//     error is about the same but the correlation is 0.78, 0.87, 0.93,
//     0.97, 0.98 and 4–5, 5–6, 7–9, 8–9, 9–10 of the top 10 are found.
//     Harmonic closeness is far easier: 1.4% mean error at K = 128 (0.5%
//     at 1024), correlation 0.92–0.97.
//
// DefaultPivots = 128 is the largest K that keeps 100,000 entities within
// a few seconds; --sample 512 (four times the time) is the choice when the
// ranking by betweenness matters more than the wait.
const (
	SampleAbove   = 5000
	DefaultPivots = 128
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
	// Eigenvector is the edge-weighted eigenvector centrality, as networkx
	// computes it: unit Euclidean length over the graph.
	Eigenvector float64
	// Harmonic is the harmonic closeness in hops, not normalised, as
	// networkx computes it: the sum of 1/distance to every entity reached,
	// at most n-1.
	Harmonic float64
}

// CentralityOptions choose how CentralityTable computes the shortest-path
// metrics (betweenness and harmonic closeness).
type CentralityOptions struct {
	// Pivots is the number of sources they are estimated from (--sample
	// K): 0 chooses, exact up to SampleAbove entities and DefaultPivots
	// past it; a number ≥ the entities is exact.
	Pivots int
	// Seed draws the pivots (see Pivots): the same seed, the same table.
	Seed uint64
}

// Table is a centrality table and how it was computed.
type Table struct {
	Scores []Score // ranked as Centrality ranks them
	// Estimated says betweenness and harmonic closeness were estimated from
	// Pivots sources, drawn with Seed among the Connected entities (those
	// with an edge: the others add nothing as sources), rather than
	// computed from all of them.
	Estimated bool
	Pivots    int
	Seed      uint64
	Connected int
	// EigenvectorConverged is false when the eigenvector iteration ran out
	// of rounds: its column then holds the last round's values.
	EigenvectorConverged bool
}

// Centrality scores every entity of g, ranked by PageRank, then weighted
// degree, then mentions, then name and ID. It is CentralityTable with the
// default options: past SampleAbove entities its betweenness and harmonic
// closeness are estimates, which only the Table says.
func Centrality(g *Graph) []Score {
	return CentralityTable(g, CentralityOptions{}).Scores
}

// CentralityTable scores every entity of g as Centrality does, and says
// whether the shortest-path metrics were estimated. An empty graph gives an
// empty table.
func CentralityTable(g *Graph, opt CentralityOptions) Table {
	n := g.Len()
	active := connected(g)
	m := len(active)
	t := Table{Scores: make([]Score, n), Pivots: opt.Pivots, Seed: opt.Seed, Connected: m, EigenvectorConverged: true}
	if t.Pivots <= 0 {
		t.Pivots = m
		if m > SampleAbove {
			t.Pivots = DefaultPivots
		}
	}
	t.Pivots = min(t.Pivots, m)
	t.Estimated = t.Pivots < m
	if n == 0 {
		return t
	}
	pr := PageRank(g, Damping, Tolerance)
	ev, err := Eigenvector(g, EigenvectorMaxIter, EigenvectorTol)
	t.EigenvectorConverged = err == nil
	bc, hc := shortestPathSums(g, PivotsOf(active, t.Pivots, t.Seed), m, true, true)
	scores := t.Scores
	adj := g.adjacency()
	for i, e := range g.Entities {
		s := Score{Entity: e, PageRank: pr[i], Betweenness: bc[i], Eigenvector: ev[i], Harmonic: hc[i]}
		nbr, w := adj.row(i)
		s.Degree = len(nbr)
		for _, x := range w {
			s.WeightedDegree += x
		}
		scores[i] = s
	}
	sort.SliceStable(scores, func(i, j int) bool {
		a, b := scores[i], scores[j]
		// Rounded: PageRank converges to 1e-12 only, so entities that are
		// structurally alike may differ in their last bits.
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
	return t
}

// round keeps 9 decimals: differences below that are convergence noise,
// not rank.
func round(x float64) float64 { return math.Round(x*1e9) / 1e9 }
