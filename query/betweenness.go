package query

import (
	"math/bits"
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
	active := connected(g)
	bc, _ := shortestPathSums(g, active, len(active), true, false)
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
	active := connected(g)
	bc, _ := shortestPathSums(g, PivotsOf(active, k, seed), len(active), true, false)
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
	active := connected(g)
	_, h := shortestPathSums(g, active, len(active), false, true)
	return h
}

// HarmonicSampled estimates Harmonic from the searches of k pivots drawn
// as BetweennessSampled draws them, scaled the same way: with the same
// seed, the two use the same pivots. With k ≥ n it is Harmonic.
func HarmonicSampled(g *Graph, k int, seed uint64) []float64 {
	active := connected(g)
	_, h := shortestPathSums(g, PivotsOf(active, k, seed), len(active), false, true)
	return h
}

// Pivots returns k of the nodes 0…n-1 drawn uniformly without replacement
// with the given seed, in ascending order (all n when k ≥ n): the sources
// the sampled metrics search from. The same n, k and seed give the same
// pivots on every machine: math/rand/v2's PCG is specified bit for bit.
func Pivots(n, k int, seed uint64) []int32 { return PivotsOf(allNodes(n), k, seed) }

// PivotsOf returns k of the candidate nodes cands (ascending, distinct)
// drawn as Pivots draws them from 0…n-1, in ascending order (all of cands
// when k ≥ len(cands)): with cands = 0…n-1 it is Pivots. The sampled
// metrics draw from the connected nodes only (see connected).
func PivotsOf(cands []int32, k int, seed uint64) []int32 {
	n := len(cands)
	if k >= n {
		return slices.Clone(cands)
	}
	if k <= 0 {
		return nil
	}
	// A partial Fisher–Yates shuffle: the first k of a random permutation.
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := slices.Clone(cands)
	for i := 0; i < k; i++ {
		j := i + r.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	p := perm[:k:k]
	slices.Sort(p)
	return p
}

// connected returns the nodes of g that have an edge, ascending. A node
// without one lies on no shortest path and reaches no other, so as a
// source it adds nothing to anyone's betweenness or harmonic closeness:
// the searches from the connected nodes alone give the exact values, and
// a sample drawn among them wastes no search. On a typed-edge graph most
// entities have no edge (ar-news-2022: 500 of 16,011).
func connected(g *Graph) []int32 {
	adj := g.adjacency()
	out := make([]int32, 0, g.Len())
	for v := 0; v < g.Len(); v++ {
		if nbr, _ := adj.row(v); len(nbr) > 0 {
			out = append(out, int32(v))
		}
	}
	return out
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
//
// pop is the number of nodes sources were drawn from, all of them
// connected (see connected): the sums are scaled up to pop sources, and
// are exact when sources are all pop.
func shortestPathSums(g *Graph, sources []int32, pop int, wantBC, wantH bool) (bc, h []float64) {
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
	// Chunks of whole batches, as many as there are batches up to
	// pathChunks: their number depends on k alone, not on the cores.
	batches := (k + batch - 1) / batch
	chunks := min(pathChunks, batches)

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
			st := newBrandesState(n, wantBC)
			for c := range work {
				p := get()
				for j := c * batches / chunks; j < (c+1)*batches/chunks; j++ {
					st.run(adj, sources[j*batch:min((j+1)*batch, k)], p.bc, p.h)
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
	if k < pop {
		nonPivot = float64(pop-1) / float64(k)
		if k > 1 {
			pivot = float64(pop-1) / float64(k-1)
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

// batch is the number of sources searched together. A search from one
// source on a large graph is memory-bound: each arc leads to a node whose
// state is anywhere in memory. Searching from batch sources at once, level
// by level, a node's state for all of them shares cache lines, the masks
// that say which searches reached it (2 bytes a node) stay in cache, and
// an arc is followed once per level at which any of the searches is at its
// tail instead of once per search: on random graphs, whose distances
// cluster, two or three times per batch instead of batch times.
const batch = 16

// bmask is a set of the searches of a batch: bit b is source b.
type bmask = uint16

// brandesState is the per-goroutine scratch of a batch of searches,
// allocated once per worker and reset after each batch over the nodes it
// reached.
type brandesState struct {
	n int
	// sigma[v*batch+b] is the number of shortest paths from source b to v,
	// then, once v's dependency δ on b is known, (1+δ)/σ: the only value
	// the backward pass needs of v from then on. One array for both halves
	// the memory a search walks at random.
	sigma  []float64
	seen   []bmask // the searches that reached v at an earlier level
	next   []bmask // the searches that reach v at the level being built
	at     []bmask // in the backward pass, the searches that have v one level below the current one
	nodes  []int32 // the levels, one after another: the nodes at each…
	masks  []bmask // …and the searches that have them at that level
	levels []int   // level d is nodes[levels[d]:levels[d+1]]
}

func newBrandesState(n int, wantBC bool) *brandesState {
	st := &brandesState{n: n, seen: make([]bmask, n), next: make([]bmask, n)}
	if wantBC {
		st.sigma = make([]float64, n*batch)
		st.at = make([]bmask, n)
	}
	return st
}

// run adds the dependencies of the sources (at most batch, distinct) to bc
// and 1/distance from each to h, each when not nil (bc needs st made with
// wantBC). Every sum is made in an order fixed by the graph and the
// sources.
func (st *brandesState) run(adj adjacency, sources []int32, bc, h []float64) {
	start, nbrs := adj.start, adj.nbr
	sigma, seen, next := st.sigma, st.seen, st.next
	wantBC := bc != nil
	st.nodes, st.masks, st.levels = st.nodes[:0], st.masks[:0], append(st.levels[:0], 0)
	for b, s := range sources {
		st.nodes = append(st.nodes, s)
		st.masks = append(st.masks, 1<<b)
		seen[s] = 1 << b
		if wantBC {
			sigma[int(s)*batch+b] = 1
		}
	}
	st.levels = append(st.levels, len(st.nodes))
	// Forward, level by level: which searches reach each node at which
	// level, and along how many shortest paths.
	for d := 0; ; d++ {
		lo, hi := st.levels[d], st.levels[d+1]
		for i := lo; i < hi; i++ {
			v, fm := st.nodes[i], st.masks[i]
			sv := int(v) * batch
			for _, w := range nbrs[start[v]:start[v+1]] {
				m := fm &^ seen[w]
				if m == 0 {
					continue
				}
				if next[w] == 0 {
					st.nodes = append(st.nodes, w)
				}
				next[w] |= m
				if wantBC {
					sw := int(w) * batch
					for ; m != 0; m &= m - 1 {
						b := bits.TrailingZeros64(uint64(m))
						sigma[sw+b] += sigma[sv+b]
					}
				}
			}
		}
		if len(st.nodes) == hi {
			break
		}
		inv := 1 / float64(d+1)
		for _, w := range st.nodes[hi:] {
			m := next[w]
			st.masks = append(st.masks, m)
			seen[w] |= m
			next[w] = 0
			if h != nil {
				h[w] += float64(bits.OnesCount64(uint64(m))) * inv
			}
		}
		st.levels = append(st.levels, len(st.nodes))
	}
	if wantBC {
		st.backward(adj, bc)
	}
	for i, v := range st.nodes {
		seen[v] = 0
		if wantBC {
			sv := int(v) * batch
			for m := st.masks[i]; m != 0; m &= m - 1 {
				sigma[sv+bits.TrailingZeros64(uint64(m))] = 0
			}
		}
	}
}

// backward accumulates the dependencies, from the deepest level up: a
// node's dependency on a source is σ·Σ (1+δ_v)/σ_v over its successors v,
// the neighbours one level further from that source, all of them done by
// then. Each node gathers its own sum, so the pass writes only to itself.
func (st *brandesState) backward(adj adjacency, bc []float64) {
	start, nbrs := adj.start, adj.nbr
	sigma, at := st.sigma, st.at
	last := len(st.levels) - 2 // the deepest level
	for d := last; d >= 1; d-- {
		// at: the searches that have each node at level d+1.
		if d+2 <= last {
			for _, v := range st.nodes[st.levels[d+2]:st.levels[d+3]] {
				at[v] = 0
			}
		}
		if d+1 <= last {
			for i := st.levels[d+1]; i < st.levels[d+2]; i++ {
				at[st.nodes[i]] = st.masks[i]
			}
		}
		for i := st.levels[d]; i < st.levels[d+1]; i++ {
			w, wm := st.nodes[i], st.masks[i]
			var acc [batch]float64
			if d < last {
				for _, v := range nbrs[start[w]:start[w+1]] {
					m := wm & at[v]
					if m == 0 {
						continue
					}
					sv := int(v) * batch
					for ; m != 0; m &= m - 1 {
						b := bits.TrailingZeros64(uint64(m))
						acc[b] += sigma[sv+b] // (1+δ)/σ by now
					}
				}
			}
			sw := int(w) * batch
			for m := wm; m != 0; m &= m - 1 {
				b := bits.TrailingZeros64(uint64(m))
				delta := sigma[sw+b] * acc[b]
				bc[w] += delta
				sigma[sw+b] = (1 + delta) / sigma[sw+b]
			}
		}
	}
	for _, v := range st.nodes[st.levels[1]:] {
		at[v] = 0
	}
}
