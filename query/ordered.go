package query

import (
	"sort"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// ordered presents a gonum graph with its nodes and neighbours in ascending
// ID order. gonum's simple graphs iterate maps, so algorithms that sum
// floating-point numbers or break ties in visiting order would give slightly
// different answers from run to run; over ordered iteration they are
// deterministic, and so are the tables built from them.
type ordered struct {
	nodes []gonum.Node
	adj   map[int64][]gonum.Node
}

func newOrdered(g gonum.Graph) *ordered {
	o := &ordered{nodes: gonum.NodesOf(g.Nodes()), adj: make(map[int64][]gonum.Node)}
	sortNodes(o.nodes)
	for _, n := range o.nodes {
		nbrs := gonum.NodesOf(g.From(n.ID()))
		sortNodes(nbrs)
		o.adj[n.ID()] = nbrs
	}
	return o
}

func sortNodes(ns []gonum.Node) {
	sort.Slice(ns, func(i, j int) bool { return ns[i].ID() < ns[j].ID() })
}

func (o *ordered) nodesIter() gonum.Nodes { return iterator.NewOrderedNodes(o.nodes) }

func (o *ordered) fromIter(id int64) gonum.Nodes {
	if nbrs, ok := o.adj[id]; ok {
		return iterator.NewOrderedNodes(nbrs)
	}
	return gonum.Empty
}

// orderedWeightedUndirected is a gonum.WeightedUndirected with ordered
// iteration.
type orderedWeightedUndirected struct {
	gonum.WeightedUndirected
	o *ordered
}

func (g orderedWeightedUndirected) Nodes() gonum.Nodes        { return g.o.nodesIter() }
func (g orderedWeightedUndirected) From(id int64) gonum.Nodes { return g.o.fromIter(id) }
