package query

import (
	"sync"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/newsgraph/newsgraph/graph"
)

// Graph is a projection loaded into gonum: node i is Entities[i].
type Graph struct {
	Entities []graph.ProjectedEntity
	index    map[string]int64
	g        *simple.WeightedUndirectedGraph
	ord      orderedWeightedUndirected // g with deterministic iteration

	adjOnce sync.Once
	adj     adjacency // g as compressed rows, built on first use
}

// New loads p. Edges whose ends are not among p's entities are ignored.
func New(p *graph.Projection) *Graph {
	g := &Graph{
		Entities: p.Entities,
		index:    make(map[string]int64, len(p.Entities)),
		g:        simple.NewWeightedUndirectedGraph(0, 0),
	}
	for i, e := range p.Entities {
		g.index[e.ID] = int64(i)
		g.g.AddNode(simple.Node(i))
	}
	for _, e := range p.Edges {
		a, okA := g.index[e.A]
		b, okB := g.index[e.B]
		if !okA || !okB || a == b || e.Articles <= 0 {
			continue
		}
		g.g.SetWeightedEdge(g.g.NewWeightedEdge(simple.Node(a), simple.Node(b), float64(e.Articles)))
	}
	g.ord = orderedWeightedUndirected{g.g, newOrdered(g.g)}
	return g
}

// Len returns the number of entities.
func (g *Graph) Len() int { return len(g.Entities) }

// Weight returns the co-mention weight between two entities by ID, 0 when
// they are not connected.
func (g *Graph) Weight(a, b string) float64 {
	x, okA := g.index[a]
	y, okB := g.index[b]
	if !okA || !okB {
		return 0
	}
	if e := g.g.WeightedEdge(x, y); e != nil {
		return e.Weight()
	}
	return 0
}
