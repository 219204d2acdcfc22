package draw

import (
	"math"
	"math/rand/v2"
	"slices"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/spatial/r2"

	"github.com/newsgraph/newsgraph/graph"
)

// laidOut is a projection as a gonum graph whose nodes and neighbours
// iterate in index order (EadesR2 sums forces in that order, so a map's
// order would change the last bits of the layout from run to run).
type laidOut struct {
	n   int
	adj [][]int64             // neighbours by index, ascending
	w   map[[2]int64]float64 // attraction of each edge, both ways round
}

func (g *laidOut) Node(id int64) gg.Node {
	if id < 0 || id >= int64(g.n) {
		return nil
	}
	return simple.Node(id)
}

func (g *laidOut) Nodes() gg.Nodes {
	nodes := make([]gg.Node, g.n)
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *laidOut) From(id int64) gg.Nodes {
	nodes := make([]gg.Node, len(g.adj[id]))
	for i, v := range g.adj[id] {
		nodes[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *laidOut) HasEdgeBetween(x, y int64) bool {
	_, ok := g.w[[2]int64{x, y}]
	return ok
}

func (g *laidOut) Edge(u, v int64) gg.Edge {
	if !g.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.Edge{F: simple.Node(u), T: simple.Node(v)}
}

func (g *laidOut) Weight(x, y int64) (float64, bool) {
	w, ok := g.w[[2]int64{x, y}]
	return w, ok
}

// layoutSeed seeds the initial positions of every layout.
const layoutSeed = 1

// positions lays p out with EadesR2 from a fixed seed and returns each
// entity's position (by index in p.Entities), scaled and moved to fill the
// box [0, width] × [0, height]. Edges attract by 1 + log(articles)/log(max),
// 1 to 2, so that heavy links pull their ends closer without collapsing
// them. One entity sits in the middle.
func positions(p *graph.Projection, width, height float64) []r2.Vec {
	idx := make(map[string]int64, len(p.Entities))
	for i, e := range p.Entities {
		idx[e.ID] = int64(i)
	}
	g := &laidOut{n: len(p.Entities), adj: make([][]int64, len(p.Entities)), w: make(map[[2]int64]float64)}
	max := 1
	for _, e := range p.Edges {
		if e.Articles > max {
			max = e.Articles
		}
	}
	for _, e := range p.Edges { // sorted by (A, B): rows come out ascending once sorted below
		a, okA := idx[e.A]
		b, okB := idx[e.B]
		if !okA || !okB || a == b || e.Articles <= 0 {
			continue
		}
		if _, dup := g.w[[2]int64{a, b}]; dup {
			continue
		}
		w := 1.0
		if max > 1 {
			w += math.Log(float64(e.Articles)) / math.Log(float64(max))
		}
		g.w[[2]int64{a, b}], g.w[[2]int64{b, a}] = w, w
		g.adj[a] = append(g.adj[a], b)
		g.adj[b] = append(g.adj[b], a)
	}
	for _, row := range g.adj {
		slices.Sort(row)
	}
	pos := make([]r2.Vec, g.n)
	switch g.n {
	case 0:
		return pos
	case 1:
		pos[0] = r2.Vec{X: width / 2, Y: height / 2}
		return pos
	}
	eades := layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: 300, Theta: 0.2, Src: rand.NewPCG(layoutSeed, layoutSeed)}
	opt := layout.NewOptimizerR2(g, eades.Update)
	for opt.Update() {
	}
	lo := r2.Vec{X: math.Inf(1), Y: math.Inf(1)}
	hi := r2.Vec{X: math.Inf(-1), Y: math.Inf(-1)}
	for i := range pos {
		pos[i] = opt.Coord2(int64(i))
		lo.X, lo.Y = math.Min(lo.X, pos[i].X), math.Min(lo.Y, pos[i].Y)
		hi.X, hi.Y = math.Max(hi.X, pos[i].X), math.Max(hi.Y, pos[i].Y)
	}
	for i := range pos {
		pos[i] = r2.Vec{X: scale(pos[i].X, lo.X, hi.X, width), Y: scale(pos[i].Y, lo.Y, hi.Y, height)}
	}
	return pos
}

// scale maps v in [lo, hi] to [0, size]; the middle when lo = hi.
func scale(v, lo, hi, size float64) float64 {
	if hi-lo < 1e-12 {
		return size / 2
	}
	return (v - lo) / (hi - lo) * size
}
