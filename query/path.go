package query

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// ErrNoPath is returned when two entities are not connected.
var ErrNoPath = errors.New("no co-mention path")

// tieBreak scales the strength term of a hop's cost: small enough that no
// path of fewer hops ever costs more than one of more hops (paths have far
// fewer than 1/tieBreak hops), large enough to order equal-length paths by
// strength.
const tieBreak = 1e-6

// hopCost weighs a hop for path search: one per hop, plus a little less the
// more articles support it.
type hopCost struct{ csrGraph }

func (c hopCost) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	e := c.WeightedEdge(x, y)
	if e == nil {
		return math.Inf(1), false
	}
	return 1 + tieBreak/e.Weight(), true
}

// ShortestPath returns the entity IDs on the path from a to b with the fewest
// hops, and among those the strongest (the one whose hops are supported by
// the most articles). It returns ErrNoPath when none exists.
func ShortestPath(g *Graph, a, b string) ([]string, error) {
	x, ok := g.index[a]
	if !ok {
		return nil, fmt.Errorf("entity %s: not in the graph", a)
	}
	y, ok := g.index[b]
	if !ok {
		return nil, fmt.Errorf("entity %s: not in the graph", b)
	}
	if x == y {
		return []string{a}, nil
	}
	nodes, _ := path.DijkstraFromTo(simple.Node(x), simple.Node(y), hopCost{csrGraph{g.adjacency()}})
	if len(nodes) == 0 {
		return nil, ErrNoPath
	}
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = g.Entities[n.ID()].ID
	}
	return ids, nil
}
