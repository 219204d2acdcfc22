package query

import (
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// csrGraph presents compressed rows as a gonum weighted undirected graph,
// for the gonum algorithms newsgraph still uses (ShortestPath's Dijkstra).
// Nodes and neighbours come in ascending ID order, so the algorithms are
// deterministic, and weights are looked up by binary search in a row
// rather than in gonum's maps of maps.
type csrGraph struct{ a adjacency }

var _ interface {
	gonum.WeightedUndirected
	gonum.Undirected
} = csrGraph{}

func (g csrGraph) n() int { return len(g.a.start) - 1 }

func (g csrGraph) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(g.n()) {
		return nil
	}
	return simple.Node(id)
}

func (g csrGraph) Nodes() gonum.Nodes {
	return &csrNodes{ids: nil, n: g.n(), i: -1}
}

func (g csrGraph) From(id int64) gonum.Nodes {
	if id < 0 || id >= int64(g.n()) {
		return gonum.Empty
	}
	nbr, _ := g.a.row(int(id))
	if len(nbr) == 0 {
		return gonum.Empty // as gonum's graphs say of a node without edges
	}
	return &csrNodes{ids: nbr, n: len(nbr), i: -1}
}

// Weight returns the weight of the edge x–y; a node's weight to itself is
// 0, there being no self-loops in a co-mention graph.
func (g csrGraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	if x < 0 || x >= int64(g.n()) || y < 0 || y >= int64(g.n()) {
		return 0, false
	}
	nbr, w := g.a.row(int(x))
	if k, ok := slices.BinarySearch(nbr, int32(y)); ok {
		return w[k], true
	}
	return 0, false
}

func (g csrGraph) HasEdgeBetween(x, y int64) bool {
	_, ok := g.Weight(x, y)
	return ok && x != y
}

func (g csrGraph) WeightedEdge(x, y int64) gonum.WeightedEdge {
	if w, ok := g.Weight(x, y); ok && x != y {
		return simple.WeightedEdge{F: simple.Node(x), T: simple.Node(y), W: w}
	}
	return nil
}

func (g csrGraph) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge { return g.WeightedEdge(x, y) }

func (g csrGraph) Edge(x, y int64) gonum.Edge {
	if e := g.WeightedEdge(x, y); e != nil {
		return e
	}
	return nil
}

func (g csrGraph) EdgeBetween(x, y int64) gonum.Edge { return g.Edge(x, y) }

// csrNodes iterates node IDs: ids[0:n], or 0…n-1 when ids is nil.
type csrNodes struct {
	ids  []int32
	n, i int
}

func (it *csrNodes) Next() bool {
	if it.i+1 >= it.n {
		it.i = it.n
		return false
	}
	it.i++
	return true
}

func (it *csrNodes) Len() int { return max(it.n-it.i-1, 0) }

func (it *csrNodes) Reset() { it.i = -1 }

func (it *csrNodes) Node() gonum.Node {
	if it.i < 0 || it.i >= it.n {
		return nil
	}
	if it.ids == nil {
		return simple.Node(it.i)
	}
	return simple.Node(it.ids[it.i])
}
