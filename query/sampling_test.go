package query

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

var samplingReport = flag.Bool("sampling-report", false, "report the error of sampled betweenness and harmonic closeness against exact on the 10,000-entity benchmark graph (a minute or two)")

// TestSamplingReport measures what DefaultPivots costs in accuracy: on the
// 10,000-entity benchmark graph, exact betweenness and harmonic closeness
// against their estimates from K pivots, for several K and seeds. The mean
// relative error is Σ|estimate−exact| / Σ exact; the top-10 overlap is how
// many of the 10 highest by exact value are among the 10 highest by
// estimate. Run with
//
//	go test ./query -run TestSamplingReport -v -args -sampling-report
func TestSamplingReport(t *testing.T) {
	if !*samplingReport {
		t.Skip("no -sampling-report")
	}
	for _, tc := range []struct {
		name string
		g    *Graph
	}{
		{"random (benchmark graph)", benchGraph(10000)},
		{"preferential attachment", New(attachmentProjection(10000, 5, 1))},
	} {
		g := tc.g
		active := connected(g)
		bc, h := shortestPathSums(g, active, len(active), true, true)
		for _, k := range []int{64, 128, 256, 512, 1024} {
			for seed := uint64(1); seed <= 3; seed++ {
				abc, ah := shortestPathSums(g, PivotsOf(active, k, seed), len(active), true, true)
				t.Logf("%s, K=%4d seed %d: betweenness mean relative error %.3f, top-10 overlap %d, correlation %.3f; harmonic %.4f, %d, %.3f",
					tc.name, k, seed, meanRelErr(abc, bc), topOverlap(abc, bc, 10), correlation(abc, bc),
					meanRelErr(ah, h), topOverlap(ah, h, 10), correlation(ah, h))
			}
		}
	}
}

// attachmentProjection is a graph of n entities grown by preferential
// attachment, each new entity linked to deg earlier ones chosen in
// proportion to their degree (Barabási–Albert): hubs and a heavy-tailed
// degree, as co-mention graphs have, where randomProjection's degrees are
// all alike.
func attachmentProjection(n, deg int, seed uint64) *graph.Projection {
	r := rand.New(rand.NewPCG(seed, seed))
	p := &graph.Projection{}
	for i := 0; i < n; i++ {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: fmt.Sprintf("e%07d", i)}})
	}
	var ends []int // every edge's ends: a node appears once per edge
	for v := 1; v < n; v++ {
		seen := map[int]bool{}
		for j := 0; j < min(deg, v); j++ {
			u := r.IntN(v)
			if len(ends) > 0 && r.IntN(2) == 0 {
				u = ends[r.IntN(len(ends))]
			}
			if seen[u] {
				continue
			}
			seen[u] = true
			p.Edges = append(p.Edges, graph.Edge{A: p.Entities[u].ID, B: p.Entities[v].ID, Articles: 1 + r.IntN(10)})
			ends = append(ends, u, v)
		}
	}
	return p
}

// correlation is Pearson's correlation of x and y.
func correlation(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func meanRelErr(approx, exact []float64) float64 {
	var e, s float64
	for v := range exact {
		e += math.Abs(approx[v] - exact[v])
		s += exact[v]
	}
	return e / s
}

// topOverlap is how many of the k highest of exact are among the k highest
// of approx.
func topOverlap(approx, exact []float64, k int) int {
	top := func(x []float64) []int {
		idx := make([]int, len(x))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case x[a] > x[b]:
				return -1
			case x[a] < x[b]:
				return 1
			}
			return a - b
		})
		return idx[:min(k, len(idx))]
	}
	a, e := top(approx), top(exact)
	n := 0
	for _, v := range e {
		if slices.Contains(a, v) {
			n++
		}
	}
	return n
}
