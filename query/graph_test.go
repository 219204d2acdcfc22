package query

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/newsgraph/newsgraph/graph"
)

// New builds the rows gonum's graph held when New loaded one: every valid
// edge, the last of a repeated pair (either way round) counting, no
// self-loops, no edges to unknown entities or without articles.
func TestNewMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	p := &graph.Projection{}
	const n = 60
	for i := range n {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: fmt.Sprintf("e%02d", i)}})
	}
	for range 400 {
		a, b := fmt.Sprintf("e%02d", r.IntN(n+3)), fmt.Sprintf("e%02d", r.IntN(n+3)) // some unknown
		p.Edges = append(p.Edges, graph.Edge{A: a, B: b, Articles: r.IntN(6) - 1})   // some ≤ 0
	}
	g := New(p)
	ref := simple.NewWeightedUndirectedGraph(0, 0)
	idx := map[string]int64{}
	for i, e := range p.Entities {
		idx[e.ID] = int64(i)
		ref.AddNode(simple.Node(i))
	}
	for _, e := range p.Edges {
		a, okA := idx[e.A]
		b, okB := idx[e.B]
		if !okA || !okB || a == b || e.Articles <= 0 {
			continue
		}
		ref.SetWeightedEdge(ref.NewWeightedEdge(simple.Node(a), simple.Node(b), float64(e.Articles)))
	}
	for v := range n {
		nbr, w := g.adjacency().row(v)
		if !slices.IsSorted(nbr) {
			t.Errorf("row %d not sorted: %v", v, nbr)
		}
		if len(nbr) != ref.From(int64(v)).Len() {
			t.Errorf("row %d: %d neighbours, gonum %d", v, len(nbr), ref.From(int64(v)).Len())
		}
		for k, u := range nbr {
			e := ref.WeightedEdge(int64(v), int64(u))
			if e == nil || e.Weight() != w[k] {
				t.Errorf("edge %d–%d: weight %g, gonum %v", v, u, w[k], e)
			}
			if got := g.Weight(p.Entities[v].ID, p.Entities[u].ID); got != w[k] {
				t.Errorf("Weight(%d, %d) = %g, want %g", v, u, got, w[k])
			}
		}
	}
}
