package query

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// adjacency is g as compressed rows: the neighbours of node v are
// nbr[start[v]:start[v+1]], in ascending order, and w[k] is the weight
// (articles) of the edge to nbr[k]. Searches over it touch two flat
// arrays instead of gonum's maps, which is what makes them fast on
// 100,000 entities.
type adjacency struct {
	start []int
	nbr   []int32
	w     []float64
}

// adjacency returns g's compressed rows, built once: Graph is immutable
// after New, and every metric of a centrality table walks the same rows.
func (g *Graph) adjacency() adjacency {
	g.adjOnce.Do(func() {
		n := g.Len()
		a := adjacency{start: make([]int, n+1)}
		for v := 0; v < n; v++ {
			a.start[v] = len(a.nbr)
			for _, u := range g.ord.o.adj[int64(v)] {
				a.nbr = append(a.nbr, int32(u.ID()))
				a.w = append(a.w, g.g.WeightedEdge(int64(v), u.ID()).Weight())
			}
		}
		a.start[n] = len(a.nbr)
		g.adj = a
	})
	return g.adj
}

func (a adjacency) row(v int) (nbr []int32, w []float64) {
	return a.nbr[a.start[v]:a.start[v+1]], a.w[a.start[v]:a.start[v+1]]
}

// pathChunks is the number of source ranges the shortest-path metrics sum
// separately: fixed, so that the floating-point sums, and with them the
// result, do not depend on how many cores ran them.
const pathChunks = 64

// Betweenness returns the unweighted (fewest-hops) betweenness of every
// entity of g, indexed like g.Entities and normalised as networkx does for
// undirected graphs. Brandes counts every pair twice, once from each end;
// networkx counts each once and divides by (n-1)(n-2)/2: together, a
// division by (n-1)(n-2).
//
// It is Brandes' algorithm — one breadth-first search per source — over
// compressed rows, with the sources split into fixed ranges that run on
// every core; gonum's network.Betweenness computes the same over maps and
// took two minutes on a 6,000-entity projection this does in seconds. It
// costs O(n·m) time: past SampleAbove entities, use BetweennessSampled.
func Betweenness(g *Graph) []float64 {
	bc, _ := shortestPathSums(g, allNodes(g.Len()), true, false)
	return bc
}

// BetweennessSampled estimates Betweenness from k sources (pivots) drawn
// uniformly without replacement with the given seed (Brandes and Pich,
// "Centrality estimation in large networks", 2007): the dependencies on
// those sources only, scaled up to all of them. It costs O(k·m) time, and
// with k ≥ n it is Betweenness exactly, bit for bit.
//
// The scale is networkx's (3.5 and later, betweenness_centrality with k):
// (n-1)/k for an entity that is not a pivot and (n-1)/(k-1) for one that
// is, because an entity is never its own source, so only n-1 sources, and
// k-1 of the pivots, can count for it. The plain n/k of the paper
// overestimates by n/(n-1) and is not exact at k = n.
func BetweennessSampled(g *Graph, k int, seed uint64) []float64 {
	bc, _ := shortestPathSums(g, Pivots(g.Len(), k, seed), true, false)
	return bc
}

// Harmonic returns the harmonic closeness of every entity of g, indexed
// like g.Entities: the sum of 1/d(u, v) over the other entities u that
// reach v, d in hops. It is networkx.harmonic_centrality(G) exactly, which
// is not normalised: divide by n-1 for a value in [0, 1] that compares
// across graphs of different sizes. Unlike closeness, it needs no
// connected graph: unreachable entities add 0.
//
// It is one breadth-first search per entity, O(n·m) time, on every core:
// past SampleAbove entities, use HarmonicSampled.
func Harmonic(g *Graph) []float64 {
	_, h := shortestPathSums(g, allNodes(g.Len()), false, true)
	return h
}

// HarmonicSampled estimates Harmonic from the searches of k pivots drawn
// as BetweennessSampled draws them, scaled the same way: with the same
// seed, the two use the same pivots. With k ≥ n it is Harmonic.
func HarmonicSampled(g *Graph, k int, seed uint64) []float64 {
	_, h := shortestPathSums(g, Pivots(g.Len(), k, seed), false, true)
	return h
}

// Pivots returns k of the nodes 0…n-1 drawn uniformly without replacement
// with the given seed, in ascending order (all n when k ≥ n): the sources
// the sampled metrics search from. The same n, k and seed give the same
// pivots on every machine: math/rand/v2's PCG is specified bit for bit.
func Pivots(n, k int, seed uint64) []int32 {
	if k >= n {
		return allNodes(n)
	}
	if k <= 0 {
		return nil
	}
	// A partial Fisher–Yates shuffle: the first k of a random permutation.
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := allNodes(n)
	for i := 0; i < k; i++ {
		j := i + r.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	p := perm[:k:k]
	slices.Sort(p)
	return p
}

func allNodes(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(i)
	}
	return s
}

// shortestPathSums runs a breadth-first search from each of the sources
// (ascending, distinct) and returns, as asked, every node's betweenness and
// harmonic closeness over those sources, normalised and scaled up to all
// sources as Betweenness, Harmonic and their sampled forms document.
// Computing both in one pass is why the centrality table pays for one set
// of searches, not two.
func shortestPathSums(g *Graph, sources []int32, wantBC, wantH bool) (bc, h []float64) {
	n := g.Len()
	if wantBC {
		bc = make([]float64, n)
	}
	if wantH {
		h = make([]float64, n)
	}
	k := len(sources)
	if n == 0 || k == 0 {
		return bc, h
	}
	adj := g.adjacency()
	chunks := min(pathChunks, k)

	// Chunk c's sums are added to the totals in the order of c, whichever
	// core finishes first, and are freed once added: the sums are the same
	// on any number of cores, and at most a few chunks' arrays are alive.
	type partial struct{ bc, h []float64 }
	var (
		mu   sync.Mutex
		done = make([]*partial, chunks)
		next int
		free []*partial
	)
	get := func() *partial {
		mu.Lock()
		defer mu.Unlock()
		if len(free) > 0 {
			p := free[len(free)-1]
			free = free[:len(free)-1]
			clear(p.bc)
			clear(p.h)
			return p
		}
		p := &partial{}
		if wantBC {
			p.bc = make([]float64, n)
		}
		if wantH {
			p.h = make([]float64, n)
		}
		return p
	}
	put := func(c int, p *partial) {
		mu.Lock()
		defer mu.Unlock()
		done[c] = p
		for ; next < chunks && done[next] != nil; next++ {
			q := done[next]
			for v, x := range q.bc {
				bc[v] += x
			}
			for v, x := range q.h {
				h[v] += x
			}
			done[next] = nil
			free = append(free, q)
		}
	}

	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), chunks); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := newBrandesState(n)
			for c := range work {
				p := get()
				for _, s := range sources[c*k/chunks : (c+1)*k/chunks] {
					st.run(adj, int(s), p.bc, p.h)
				}
				put(c, p)
			}
		}()
	}
	for c := 0; c < chunks; c++ {
		work <- c
	}
	close(work)
	wg.Wait()

	// Scale the sums over k sources up to all n-1 sources each entity can
	// have (see BetweennessSampled): 1 when every node was a source.
	nonPivot, pivot := 1.0, 1.0
	if k < n {
		nonPivot = float64(n-1) / float64(k)
		if k > 1 {
			pivot = float64(n-1) / float64(k-1)
		} else {
			pivot = 0 // a lone pivot knows nothing about itself
		}
	}
	isPivot := make([]bool, n)
	for _, s := range sources {
		isPivot[s] = true
	}
	scale := func(x []float64, norm float64) {
		for v := range x {
			if isPivot[v] {
				x[v] *= pivot * norm
			} else {
				x[v] *= nonPivot * norm
			}
		}
	}
	if wantBC {
		if n < 3 {
			clear(bc)
		} else {
			scale(bc, 1/float64((n-1)*(n-2)))
		}
	}
	if wantH {
		scale(h, 1)
	}
	return bc, h
}

// brandesState is the per-goroutine scratch of one search.
type brandesState struct {
	sigma []float64 // shortest paths from the source
	dist  []int32
	delta []float64
	order []int32 // nodes in order of discovery (a BFS queue, then a stack)
}

func newBrandesState(n int) *brandesState {
	st := &brandesState{sigma: make([]float64, n), dist: make([]int32, n), delta: make([]float64, n), order: make([]int32, 0, n)}
	for i := range st.dist {
		st.dist[i] = -1
	}
	return st
}

// run adds source s's dependencies to bc and 1/distance from s to h, each
// when not nil.
func (st *brandesState) run(adj adjacency, s int, bc, h []float64) {
	st.order = st.order[:0]
	st.sigma[s], st.dist[s] = 1, 0
	st.order = append(st.order, int32(s))
	for head := 0; head < len(st.order); head++ {
		v := st.order[head]
		dv := st.dist[v]
		for _, w := range adj.nbr[adj.start[v]:adj.start[v+1]] {
			if st.dist[w] < 0 {
				st.dist[w] = dv + 1
				st.order = append(st.order, w)
			}
			if st.dist[w] == dv+1 {
				st.sigma[w] += st.sigma[v]
			}
		}
	}
	if h != nil {
		for _, w := range st.order[1:] {
			h[w] += 1 / float64(st.dist[w])
		}
	}
	if bc != nil {
		// Predecessors of w are its neighbours one hop closer to s.
		for i := len(st.order) - 1; i >= 0; i-- {
			w := st.order[i]
			dw := st.dist[w]
			coeff := (1 + st.delta[w]) / st.sigma[w]
			for _, v := range adj.nbr[adj.start[w]:adj.start[w+1]] {
				if st.dist[v] == dw-1 {
					st.delta[v] += st.sigma[v] * coeff
				}
			}
			if int(w) != s {
				bc[w] += st.delta[w]
			}
		}
	}
	for _, v := range st.order {
		st.sigma[v], st.dist[v], st.delta[v] = 0, -1, 0
	}
}
