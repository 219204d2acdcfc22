package query

import (
	"context"
	"fmt"
	"math"
	"slices"
	"unsafe"

	"github.com/newsgraph/newsgraph/graph"
)

// Load builds the graph of the projection s gives under f, narrowed by n:
// the graph New(Narrow(p, n)) builds from p, s.Projection(ctx, f), but
// read one edge at a time (graph.StreamProjection), so that no
// graph.Projection is ever held. Its memory is the entities, 12 bytes per
// edge while reading (in blocks, so that growing copies nothing), then the
// compressed rows, 16 bytes an edge (8 an arc) while they are sorted and
// 24 once built: at its peak 28 bytes an edge, about 510 MB for the 18.2
// million edges of a million synthetic articles
// (docs/query-performance.md), where the projection and its merged copy
// took over a gigabyte at a tenth of that.
//
// Edges the stream gives more than once between the same two entities (a
// cluster's members, graph/cluster) have their articles summed, as
// cluster.Clustering.Apply sums them; n.MinWeight applies to the sum. The
// pairs of a store's projection are distinct, so for them this is New's
// rule too.
func Load(ctx context.Context, s graph.Store, f graph.Filter, n Narrowing) (*Graph, error) {
	b := &loader{narrow: n}
	if err := graph.StreamProjection(ctx, s, f, b); err != nil {
		return nil, err
	}
	return b.graph(), nil
}

// loader is the graph.ProjectionVisitor Load reads with.
type loader struct {
	narrow Narrowing
	ents   []graph.ProjectedEntity
	all    int     // entities streamed, before narrowing
	keep   []int32 // each streamed entity's index in ents, -1 if narrowed out; nil keeps all
	edges  [][]loadEdge
}

// loadEdge is an edge as Load holds it until the rows are built.
type loadEdge struct{ a, b, w uint32 }

// loadBlock is how many edges a block of loader.edges holds: 768 KiB.
// An append-grown slice would hold its old and new arrays at once each
// time it doubled, half again as much as the edges at the peak.
const loadBlock = 1 << 16

func (l *loader) Entities(ents []graph.ProjectedEntity) error {
	if len(ents) > math.MaxInt32 {
		return fmt.Errorf("load graph: %d entities, more than a graph holds", len(ents))
	}
	l.all = len(ents)
	if len(l.narrow.Kinds) == 0 {
		l.ents = ents
		return nil
	}
	l.keep = make([]int32, len(ents))
	for i, e := range ents {
		l.keep[i] = -1
		if l.narrow.KindMatches(e.Kind) {
			l.keep[i] = int32(len(l.ents))
			l.ents = append(l.ents, e)
		}
	}
	return nil
}

func (l *loader) Edge(a, b int32, articles, _ int) error {
	if a < 0 || b < 0 || articles <= 0 {
		return nil
	}
	if l.keep != nil {
		a, b = l.keep[a], l.keep[b]
		if a < 0 || b < 0 {
			return nil
		}
	}
	if a == b {
		return nil
	}
	if articles > math.MaxUint32 {
		return fmt.Errorf("load graph: edge of %d articles", articles)
	}
	if k := len(l.edges); k == 0 || len(l.edges[k-1]) == loadBlock {
		l.edges = append(l.edges, make([]loadEdge, 0, loadBlock))
	}
	last := &l.edges[len(l.edges)-1]
	*last = append(*last, loadEdge{uint32(a), uint32(b), uint32(articles)})
	return nil
}

// graph builds the compressed rows: each edge is put in both its ends'
// rows as one key, the neighbour above its weight, each block of edges let
// go once placed, so that sorting a row sorts it by neighbour; the arcs of
// a repeated pair, side by side then, are summed, and those under
// MinWeight dropped, compacting the rows in place. The keys' array then
// becomes the weights' (float64sOf): the rows never need more than 16
// bytes an arc beside the edges, or 12 once these are gone.
func (l *loader) graph() *Graph {
	n := len(l.ents)
	g := &Graph{Entities: l.ents, index: make(map[string]int64, n), projected: l.all}
	for i, e := range l.ents {
		g.index[e.ID] = int64(i)
	}
	pos := make([]int32, n+1)
	for _, block := range l.edges {
		for _, e := range block {
			pos[e.a+1]++
			pos[e.b+1]++
		}
	}
	for v := 0; v < n; v++ {
		pos[v+1] += pos[v]
	}
	rowStart := slices.Clone(pos)
	keys := make([]uint64, pos[n])
	for i, block := range l.edges {
		for _, e := range block {
			keys[pos[e.a]] = uint64(e.b)<<32 | uint64(e.w)
			pos[e.a]++
			keys[pos[e.b]] = uint64(e.a)<<32 | uint64(e.w)
			pos[e.b]++
		}
		l.edges[i] = nil // the rows hold it now
	}
	l.edges = nil
	minW := uint64(max(l.narrow.MinWeight, 1))
	adj := adjacency{start: make([]int32, n+1)}
	var arcs int
	// Rows are compacted in place: arc k of the result is written at or
	// before key k, which has been read by then.
	for v := 0; v < n; v++ {
		adj.start[v] = int32(arcs)
		row := keys[rowStart[v]:rowStart[v+1]]
		slices.Sort(row)
		for i := 0; i < len(row); {
			u, sum := row[i]>>32, uint64(0)
			for ; i < len(row) && row[i]>>32 == u; i++ {
				sum += row[i] & math.MaxUint32
			}
			if sum >= minW {
				keys[arcs] = u<<32 | min(sum, math.MaxUint32)
				arcs++
			}
		}
	}
	adj.start[n] = int32(arcs)
	if arcs < len(keys)-len(keys)/8 {
		keys = slices.Clone(keys[:arcs]) // let most of what was dropped go
	}
	keys = keys[:arcs:arcs]
	adj.nbr = make([]int32, arcs)
	adj.w = float64sOf(keys)
	for k, key := range keys {
		adj.nbr[k] = int32(key >> 32)
		adj.w[k] = float64(uint32(key)) // overwrites keys[k], read on the line above
	}
	g.adj = adj
	return g
}

// float64sOf returns the memory of keys as float64s, so that the weights
// of a graph of millions of arcs take the place of its keys instead of
// another 8 bytes an arc beside them (a float64 and a uint64 have one size
// and alignment, and neither holds pointers). keys must not be used again
// but through the result.
func float64sOf(keys []uint64) []float64 {
	if len(keys) == 0 {
		return nil
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(keys))), len(keys))
}

// PairCounts are the sizes of a projection's graph, as stats reports them.
type PairCounts struct {
	// Entities are the projection's entities, sorted by ID.
	Entities []graph.ProjectedEntity
	// Pairs counts the distinct pairs of entities its edges join, and
	// SentencePairs those of them with a sentence naming both (an edge
	// with Sentences above 0).
	Pairs, SentencePairs int
}

// CountPairs returns the entities of the projection s gives under f and
// the pairs its edges join, reading the edges one at a time
// (graph.StreamProjection): 8 bytes per edge are held, not the edge. A
// pair the stream gives more than once (a cluster's members) counts once,
// with a sentence when any of its edges has one; an edge with an end not
// among the entities, or both ends the same, counts for nothing.
func CountPairs(ctx context.Context, s graph.Store, f graph.Filter) (PairCounts, error) {
	var c pairCounter
	if err := graph.StreamProjection(ctx, s, f, &c); err != nil {
		return PairCounts{}, err
	}
	return c.counts(), nil
}

type pairCounter struct {
	ents []graph.ProjectedEntity
	keys []uint64
}

func (c *pairCounter) counts() PairCounts {
	// A key is a pair, then a bit saying the edge has sentences: sorted,
	// a pair's edges are side by side.
	slices.Sort(c.keys)
	out := PairCounts{Entities: c.ents}
	for i := 0; i < len(c.keys); {
		pair, sentences := c.keys[i]>>1, false
		for ; i < len(c.keys) && c.keys[i]>>1 == pair; i++ {
			sentences = sentences || c.keys[i]&1 == 1
		}
		out.Pairs++
		if sentences {
			out.SentencePairs++
		}
	}
	return out
}

func (c *pairCounter) Entities(ents []graph.ProjectedEntity) error {
	c.ents = ents
	return nil
}

func (c *pairCounter) Edge(a, b int32, _, sentences int) error {
	if a < 0 || b < 0 || a == b {
		return nil
	}
	if b < a {
		a, b = b, a
	}
	key := uint64(a)<<32 | uint64(b)<<1
	if sentences > 0 {
		key |= 1
	}
	c.keys = append(c.keys, key)
	return nil
}
