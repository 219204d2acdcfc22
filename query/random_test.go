package query

import (
	"fmt"
	"math/rand/v2"

	"github.com/newsgraph/newsgraph/graph"
)

// randomProjection returns a projection of n entities with about n·deg/2
// edges of weight 1–10, the same for the same seed.
func randomProjection(n, deg int, seed uint64) *graph.Projection {
	r := rand.New(rand.NewPCG(seed, seed))
	p := &graph.Projection{}
	for i := 0; i < n; i++ {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: fmt.Sprintf("e%07d", i)}})
	}
	seen := make(map[[2]int]bool)
	for len(p.Edges) < n*deg/2 {
		a, b := r.IntN(n), r.IntN(n)
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		p.Edges = append(p.Edges, graph.Edge{A: p.Entities[a].ID, B: p.Entities[b].ID, Articles: 1 + r.IntN(10)})
	}
	return p
}

// The benchmark graphs: average degree 10, seed 1.
const (
	benchDegree = 10
	benchSeed   = 1
)
