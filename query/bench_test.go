package query

import (
	"fmt"
	"testing"
	"unsafe"

	"github.com/newsgraph/newsgraph/graph"
)

// The benchmarks run on random graphs of 1,000, 10,000 and 100,000
// entities of average degree 10 and article weights 1–10, built with a
// fixed seed (randomProjection(n, benchDegree, benchSeed)); compare.py
// runs networkx and igraph on the same graphs.

var benchGraphs = map[int]*Graph{}

// benchGraph builds each size once.
func benchGraph(n int) *Graph {
	if g, ok := benchGraphs[n]; ok {
		return g
	}
	g := New(randomProjection(n, benchDegree, benchSeed))
	benchGraphs[n] = g
	return g
}

// ladder times f on each size's graph. Building the graph is not timed,
// nor is one call of f before the timer starts (a warm-up, so that
// -benchtime 1x times a warm call); cpu-ns/op is the process's CPU time per
// call (every core, GC included), the figure to read on a loaded machine.
func ladder(b *testing.B, sizes []int, f func(g *Graph)) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			timedCalls(b, benchGraph(n), f)
		})
	}
}

// timedCalls calls f(g) once untimed, then b.N times timed, and reports
// cpu-ns/op.
func timedCalls(b *testing.B, g *Graph, f func(g *Graph)) {
	f(g)
	b.ResetTimer()
	began := cpuTime()
	for i := 0; i < b.N; i++ {
		f(g)
	}
	b.ReportMetric(float64((cpuTime()-began).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

var (
	allSizes   = []int{1000, 10000, 100000}
	exactSizes = []int{1000, 10000} // O(n·m): 100,000 entities would take hours
)

// BenchmarkLoad is what the other benchmarks leave out: loading a
// projection as compressed rows, once per graph.
func BenchmarkLoad(b *testing.B) {
	for _, n := range allSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			p := randomProjection(n, benchDegree, benchSeed)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				New(p)
			}
		})
	}
}

// BenchmarkLoadStream is Load's way to the same graph: the projection's
// edges given one at a time by their ends' indexes, as a store streams
// them (graph.ProjectionStreamer), built into compressed rows. B/op is
// what building it allocates, the entities' index included; rows-B is
// what the graph's rows hold once built (4 bytes a neighbour, 8 a weight,
// 4 a row start), and projection-B what the graph.Edge values of the
// projection New reads take (their ID strings not counted), which Load
// never holds.
func BenchmarkLoadStream(b *testing.B) {
	for _, n := range allSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			p := randomProjection(n, benchDegree, benchSeed)
			index := make(map[string]int32, len(p.Entities))
			for i, e := range p.Entities {
				index[e.ID] = int32(i)
			}
			ends := make([][2]int32, len(p.Edges))
			for j, e := range p.Edges {
				ends[j] = [2]int32{index[e.A], index[e.B]}
			}
			b.ReportAllocs()
			b.ResetTimer()
			var g *Graph
			for i := 0; i < b.N; i++ {
				l := &loader{}
				if err := l.Entities(p.Entities); err != nil {
					b.Fatal(err)
				}
				for j, e := range p.Edges {
					if err := l.Edge(ends[j][0], ends[j][1], e.Articles, e.Sentences); err != nil {
						b.Fatal(err)
					}
				}
				g = l.graph()
			}
			a := g.adjacency()
			b.ReportMetric(float64(4*len(a.nbr)+8*len(a.w)+4*len(a.start)), "rows-B")
			b.ReportMetric(float64(len(p.Edges))*float64(unsafe.Sizeof(graph.Edge{})), "projection-B")
		})
	}
}

func BenchmarkPageRank(b *testing.B) {
	ladder(b, allSizes, func(g *Graph) { PageRank(g, Damping, Tolerance) })
}

func BenchmarkBetweenness(b *testing.B) {
	ladder(b, exactSizes, func(g *Graph) { Betweenness(g) })
}

func BenchmarkBetweennessSampled(b *testing.B) {
	ladder(b, allSizes, func(g *Graph) { BetweennessSampled(g, DefaultPivots, 1) })
}

func BenchmarkEigenvector(b *testing.B) {
	ladder(b, allSizes, func(g *Graph) {
		if _, err := Eigenvector(g, EigenvectorMaxIter, EigenvectorTol); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkHarmonic is exact up to SampleAbove entities and sampled from
// DefaultPivots sources past it, as the centrality table computes it.
func BenchmarkHarmonic(b *testing.B) {
	ladder(b, allSizes, func(g *Graph) {
		if g.Len() > SampleAbove {
			HarmonicSampled(g, DefaultPivots, 1)
		} else {
			Harmonic(g)
		}
	})
}

// BenchmarkLouvain reports, beside the time, the modularity of the
// partition (Q, at resolution 1) and its number of communities, which a
// peer's Louvain on the same graph can be held against.
func BenchmarkLouvain(b *testing.B) {
	for _, n := range allSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchLouvain(b, benchGraph(n)) })
	}
}

// benchLouvain times Louvain(g, 1, 1) as timedCalls does and reports Q and
// the number of communities.
func benchLouvain(b *testing.B, g *Graph) {
	var c Communities
	timedCalls(b, g, func(g *Graph) { c = Louvain(g, 1, 1) })
	b.ReportMetric(c.Modularity, "Q")
	b.ReportMetric(float64(len(c.Members)), "communities")
}

// BenchmarkCentrality is the whole table with the default options: exact
// up to SampleAbove entities, sampled from DefaultPivots past it.
func BenchmarkCentrality(b *testing.B) {
	ladder(b, allSizes, func(g *Graph) { Centrality(g) })
}

var benchProjections = map[int]*graph.Projection{}

// benchProjection builds each size's projection once.
func benchProjection(n int) *graph.Projection {
	if p, ok := benchProjections[n]; ok {
		return p
	}
	p := randomProjection(n, benchDegree, benchSeed)
	benchProjections[n] = p
	return p
}

// egoLadder times f on the benchmark graphs from the first entity, 2 and 50
// hops out with the top 10 links per entity, and no budget: at depth 50
// the search reaches most of each graph.
func egoLadder(b *testing.B, sizes []int, f func(p *graph.Projection, id string, depth int)) {
	for _, n := range sizes {
		for _, depth := range []int{2, 50} {
			b.Run(fmt.Sprintf("n=%d/depth=%d", n, depth), func(b *testing.B) {
				p := benchProjection(n)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					f(p, p.Entities[0].ID, depth)
				}
			})
		}
	}
}

// BenchmarkEgo builds the adjacency once per call: O(E log E) at any depth.
func BenchmarkEgo(b *testing.B) {
	egoLadder(b, allSizes, func(p *graph.Projection, id string, depth int) {
		if _, _, err := Ego(p, id, EgoOptions{Depth: depth, Top: 10}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkEgoReference is Ego before it built its adjacency once:
// Neighbors per frontier entity, O(frontier × E). 100,000 entities at
// depth 50 would take hours.
func BenchmarkEgoReference(b *testing.B) {
	egoLadder(b, exactSizes, func(p *graph.Projection, id string, depth int) {
		egoReference(p, id, depth, 10)
	})
}
