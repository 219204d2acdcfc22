package export

import (
	"container/heap"
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Graph is what a writer writes: its nodes, then its edges.
type Graph interface {
	// Nodes are the entities, in the order written (a projection's: by
	// ID).
	Nodes() []graph.ProjectedEntity
	// EdgeCount is the number of edges Edges yields.
	EdgeCount() int
	// Edges yields the edges in the order written (a projection's: by
	// (A, B)), each end the ID of a node.
	Edges() iter.Seq[graph.Edge]
}

// Of returns p as a Graph: its entities and edges, in its order.
func Of(p *graph.Projection) Graph { return projectionGraph{p} }

type projectionGraph struct{ p *graph.Projection }

func (g projectionGraph) Nodes() []graph.ProjectedEntity { return g.p.Entities }
func (g projectionGraph) EdgeCount() int                 { return len(g.p.Edges) }
func (g projectionGraph) Edges() iter.Seq[graph.Edge]    { return slices.Values(g.p.Edges) }

// Narrowing is what Collect keeps of a projection: the entities Keep
// accepts (all when it is nil) and the edges between two of them backed by
// at least MinWeight articles. It is query.Narrowing's rule, which this
// package, below query, cannot import.
type Narrowing struct {
	Keep      func(graph.ProjectedEntity) bool
	MinWeight int
}

// Collect reads the projection s gives under f, narrowed by n, into a
// Graph that holds it compactly: it is streamed one edge at a time
// (graph.StreamProjection, as a graph.DatedVisitor), each edge kept in 24
// bytes (its ends' indexes, counts and dates) in blocks sorted on their
// own, and Edges merges the blocks in (A, B) order, summing the counts and
// widening the dates of a pair given more than once (the members of a
// cluster, as cluster.Clustering.Apply merges them; MinWeight applies to
// the sum). The result is what Of(query.Narrow(s.Projection(ctx, f), n))
// writes — but for edges no store gives, which Collect drops however
// narrow n is: an edge without articles or with an end not among the
// entities — without the projection's Edge values and ID strings: at 100,000
// synthetic articles, 3.6 million edges, 87 MB against over a gigabyte
// (docs/query-performance.md). A confidence is not kept: no format
// writes one.
func Collect(ctx context.Context, s graph.Store, f graph.Filter, n Narrowing) (Graph, error) {
	c := &collector{narrow: n}
	if err := graph.StreamProjection(ctx, s, f, c); err != nil {
		return nil, err
	}
	return c.graph(), nil
}

// graph sorts the last block.
func (c *collector) graph() *compactGraph {
	if len(c.blocks) > 0 {
		slices.SortFunc(c.blocks[len(c.blocks)-1], compactEdge.cmp)
	}
	return &compactGraph{ents: c.ents, blocks: c.blocks, minWeight: c.narrow.MinWeight, count: -1}
}

// compactEdge is an edge as Collect holds it: its ends' indexes among the
// entities, its counts, and its dates as days (dayOf), 0 when unknown.
type compactEdge struct {
	a, b                int32
	articles, sentences uint32
	first, last         int32
}

func (e compactEdge) cmp(o compactEdge) int {
	if e.a != o.a {
		return int(e.a) - int(o.a)
	}
	return int(e.b) - int(o.b)
}

// collectBlock is how many edges a block of the collector holds: 1.5 MiB.
const collectBlock = 1 << 16

// collector is the graph.DatedVisitor Collect reads with.
type collector struct {
	narrow Narrowing
	ents   []graph.ProjectedEntity
	keep   []int32 // each streamed entity's index in ents, -1 if narrowed out; nil keeps all
	blocks [][]compactEdge
}

var _ graph.DatedVisitor = (*collector)(nil)

func (c *collector) Entities(ents []graph.ProjectedEntity) error {
	if len(ents) > math.MaxInt32 {
		return fmt.Errorf("export: %d entities, more than a graph holds", len(ents))
	}
	if c.narrow.Keep == nil {
		c.ents = ents
		return nil
	}
	c.keep = make([]int32, len(ents))
	for i, e := range ents {
		c.keep[i] = -1
		if c.narrow.Keep(e) {
			c.keep[i] = int32(len(c.ents))
			c.ents = append(c.ents, e)
		}
	}
	return nil
}

func (c *collector) Edge(a, b int32, articles, sentences int) error {
	return c.DatedEdge(a, b, graph.Edge{Articles: articles, Sentences: sentences})
}

func (c *collector) DatedEdge(a, b int32, e graph.Edge) error {
	if a < 0 || b < 0 {
		return nil // as Narrow drops an edge whose end is not among the entities
	}
	if c.keep != nil {
		if a, b = c.keep[a], c.keep[b]; a < 0 || b < 0 {
			return nil
		}
	}
	if e.Articles < 0 || e.Articles > math.MaxUint32 || e.Sentences < 0 || e.Sentences > math.MaxUint32 {
		return fmt.Errorf("export: edge of %d articles and %d sentences", e.Articles, e.Sentences)
	}
	k := len(c.blocks)
	if k == 0 || len(c.blocks[k-1]) == collectBlock {
		if k > 0 {
			slices.SortFunc(c.blocks[k-1], compactEdge.cmp)
		}
		c.blocks = append(c.blocks, make([]compactEdge, 0, collectBlock))
		k++
	}
	c.blocks[k-1] = append(c.blocks[k-1], compactEdge{a: a, b: b, articles: uint32(e.Articles), sentences: uint32(e.Sentences),
		first: dayOf(e.First), last: dayOf(e.Last)})
	return nil
}

// dayOf numbers t's calendar date, as t.Format gives it: its days from
// 1970-01-01 plus dayOffset, so that every date from some 2.9 million
// years BC on is positive; 0 for the zero time (unknown). The days of one
// location order as its instants do, and a store's dates are UTC.
func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/secondsPerDay + dayOffset)
}

// dateOf is the date dayOf numbered, at midnight UTC; the zero time for 0.
func dateOf(day int32) time.Time {
	if day == 0 {
		return time.Time{}
	}
	return time.Unix((int64(day)-dayOffset)*secondsPerDay, 0).UTC()
}

const (
	secondsPerDay = 24 * 60 * 60
	dayOffset     = 1 << 30
)

// compactGraph is the Graph Collect returns.
type compactGraph struct {
	ents      []graph.ProjectedEntity
	blocks    [][]compactEdge // each sorted by (a, b)
	minWeight int
	count     int // -1 until EdgeCount has merged the blocks once to count
}

func (g *compactGraph) Nodes() []graph.ProjectedEntity { return g.ents }

// EdgeCount merges the blocks once, on the first call, to count what
// Edges yields (after summing repeated pairs and MinWeight): only a
// progress bar asks.
func (g *compactGraph) EdgeCount() int {
	if g.count < 0 {
		g.count = 0
		for range g.Edges() {
			g.count++
		}
	}
	return g.count
}

// Edges merges the sorted blocks (a heap of each block's next edge),
// merging the edges of one pair as it goes.
func (g *compactGraph) Edges() iter.Seq[graph.Edge] {
	return func(yield func(graph.Edge) bool) {
		h := &blockHeap{}
		for _, b := range g.blocks {
			if len(b) > 0 {
				h.heads = append(h.heads, b)
			}
		}
		heap.Init(h)
		for h.Len() > 0 {
			e := h.heads[0][0]
			h.advance()
			for h.Len() > 0 && h.heads[0][0].cmp(e) == 0 {
				o := h.heads[0][0]
				h.advance()
				e.articles = uint32(min(uint64(e.articles)+uint64(o.articles), math.MaxUint32))
				e.sentences = uint32(min(uint64(e.sentences)+uint64(o.sentences), math.MaxUint32))
				if e.first == 0 || o.first != 0 && o.first < e.first {
					e.first = o.first
				}
				e.last = max(e.last, o.last)
			}
			if int(e.articles) < g.minWeight {
				continue
			}
			out := graph.Edge{A: g.ents[e.a].ID, B: g.ents[e.b].ID, Articles: int(e.articles), Sentences: int(e.sentences),
				First: dateOf(e.first), Last: dateOf(e.last)}
			if !yield(out) {
				return
			}
		}
	}
}

// blockHeap is a min-heap of the unread rest of each sorted block, by its
// first edge.
type blockHeap struct{ heads [][]compactEdge }

func (h *blockHeap) Len() int           { return len(h.heads) }
func (h *blockHeap) Less(i, j int) bool { return h.heads[i][0].cmp(h.heads[j][0]) < 0 }
func (h *blockHeap) Swap(i, j int)      { h.heads[i], h.heads[j] = h.heads[j], h.heads[i] }
func (h *blockHeap) Push(x any)         { h.heads = append(h.heads, x.([]compactEdge)) }
func (h *blockHeap) Pop() any {
	x := h.heads[len(h.heads)-1]
	h.heads = h.heads[:len(h.heads)-1]
	return x
}

// advance drops the least edge: its block moves on, or leaves the heap
// when it has no more.
func (h *blockHeap) advance() {
	if h.heads[0] = h.heads[0][1:]; len(h.heads[0]) == 0 {
		heap.Pop(h)
		return
	}
	heap.Fix(h, 0)
}
