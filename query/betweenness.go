package query

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

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
			st := newBrandesState(n, len(adj.nbr), wantBC)
			for c := range work {
				p := get()
				for _, s := range sources[c*k/chunks : (c+1)*k/chunks] {
					st.run(adj, s, p.bc, p.h)
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

// brandesState is the per-goroutine scratch of one search, allocated once
// per worker and reset after each source over the nodes it reached.
type brandesState struct {
	node  []bfsNode
	succ  []bool  // succ[k]: arc k leads one hop further from the source
	order []int32 // nodes in order of discovery: a BFS queue, then a stack
}

// bfsNode is a node's state in one search. The fields a search reads
// together sit together: a random graph's neighbours are scattered over
// memory, and one cache line per neighbour instead of three is what the
// searches of large graphs, which are memory-bound, gain most from.
type bfsNode struct {
	sigma float64 // shortest paths from the source
	coeff float64 // (1+δ)/σ, once the node's dependency δ is known
	dist  int32   // hops from the source; -1 before it is reached
}

func newBrandesState(n, arcs int, wantBC bool) *brandesState {
	st := &brandesState{node: make([]bfsNode, n), order: make([]int32, 0, n)}
	if wantBC {
		st.succ = make([]bool, arcs)
	}
	for i := range st.node {
		st.node[i].dist = -1
	}
	return st
}

// run adds source s's dependencies to bc and 1/distance from s to h, each
// when not nil (bc needs st made with wantBC).
func (st *brandesState) run(adj adjacency, s int32, bc, h []float64) {
	if bc == nil {
		st.runDist(adj, s, h)
		return
	}
	nd, succ, start, nbrs := st.node, st.succ, adj.start, adj.nbr
	order := append(st.order[:0], s)
	nd[s].sigma, nd[s].dist = 1, 0
	// Forward: distances and path counts, and which arcs lead away from s
	// (the arcs of the shortest-path DAG), so the backward pass reads only
	// the nodes it needs.
	for head := 0; head < len(order); head++ {
		v := order[head]
		d1, sv := nd[v].dist+1, nd[v].sigma
		lo, hi := start[v], start[v+1]
		row, fl := nbrs[lo:hi], succ[lo:hi]
		for j, w := range row {
			p := &nd[w]
			switch p.dist {
			case -1:
				p.dist, p.sigma = d1, sv
				order = append(order, w)
				fl[j] = true
			case d1:
				p.sigma += sv
				fl[j] = true
			default:
				fl[j] = false
			}
		}
	}
	if h != nil {
		for _, w := range order[1:] {
			h[w] += 1 / float64(nd[w].dist)
		}
	}
	// Backward, in reverse order of discovery: a node's dependency is
	// σ_w·Σ (1+δ_v)/σ_v over its successors v, all of them already done.
	// Each node gathers its own sum, so the pass writes only to itself.
	for i := len(order) - 1; i > 0; i-- {
		w := order[i]
		lo, hi := start[w], start[w+1]
		row, fl := nbrs[lo:hi], succ[lo:hi]
		sum := 0.0
		for j, v := range row {
			if fl[j] {
				sum += nd[v].coeff
			}
		}
		p := &nd[w]
		delta := p.sigma * sum
		bc[w] += delta
		p.coeff = (1 + delta) / p.sigma
	}
	for _, v := range order {
		nd[v] = bfsNode{dist: -1}
	}
	st.order = order
}

// runDist adds 1/distance from s to h: a plain breadth-first search, for
// harmonic closeness alone.
func (st *brandesState) runDist(adj adjacency, s int32, h []float64) {
	nd, start, nbrs := st.node, adj.start, adj.nbr
	order := append(st.order[:0], s)
	nd[s].dist = 0
	for head := 0; head < len(order); head++ {
		v := order[head]
		d1 := nd[v].dist + 1
		for _, w := range nbrs[start[v]:start[v+1]] {
			if nd[w].dist < 0 {
				nd[w].dist = d1
				order = append(order, w)
			}
		}
	}
	for _, w := range order[1:] {
		h[w] += 1 / float64(nd[w].dist)
	}
	for _, v := range order {
		nd[v].dist = -1
	}
	st.order = order
}
