package query

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// PathMode chooses what makes one path better than another.
type PathMode int

const (
	// FewestHops ranks paths as ShortestPath does: fewest hops, then the
	// strongest, the one with the smallest sum of 1/articles over its hops.
	FewestHops PathMode = iota
	// Strongest ranks paths by the sum of 1/articles over their hops, then
	// by hops. Inverse weight is the usual distance of tie-strength
	// networks (Newman, 2001): two hops of ten articles each (0.2) make a
	// closer link than one hop of a single article (1), which is what an
	// analyst asking how two actors are really connected means, where
	// FewestHops answers how few intermediaries they need.
	Strongest
)

// Path is a path between two entities.
type Path struct {
	IDs  []string // entity IDs, from the first to the last
	Hops int
	// Cost is the sum of 1/articles over its hops: its strength term in
	// FewestHops mode, its length in Strongest mode.
	Cost float64
}

// KShortestPaths returns up to k simple paths (no entity twice) from a to
// b, the best first as mode ranks them, of at most maxHops hops (no limit
// when maxHops ≤ 0). It returns ErrNoPath when there is none.
//
// Paths that mode ranks equal — costs within a relative 1e-12, closer
// than distinct article counts can make them — come in the order of
// their entity sequences (entity order, which is ID order for stores'
// projections); with that rule the answer is one list, not one of several
// equally good ones, and the k-th path is the same on every run.
//
// It is Yen's algorithm. Each spur search finds, among the cheapest paths
// to b, the first in that order (a search from b, then a walk from the
// spur taking the first neighbour on a cheapest path), so Yen's candidates
// come out in exactly the order above; gonum's YenKShortestPaths sorts
// its candidates by cost alone, so equal paths could come in either order.
// With a hop limit in Strongest mode the spur search is a Bellman–Ford
// over at most maxHops rounds, since the cheapest path may then not be
// the shortest. A search costs O(m log n) (O(maxHops·m) in that case) and
// k paths need about k·(hops of a path) of them: on random graphs of
// degree 10, 10 paths of at most 6 hops take 0.03 s at 1,000 entities,
// 0.2–0.5 s at 10,000 and 3–10 s at 100,000, where a search from b covers
// most of the graph before it reaches the spur (see BenchmarkKShortestPaths;
// a bidirectional search would cut that).
func KShortestPaths(g *Graph, a, b string, k, maxHops int, mode PathMode) ([]Path, error) {
	x, ok := g.index[a]
	if !ok {
		return nil, fmt.Errorf("entity %s: not in the graph", a)
	}
	y, ok := g.index[b]
	if !ok {
		return nil, fmt.Errorf("entity %s: not in the graph", b)
	}
	if k <= 0 {
		return nil, nil
	}
	if x == y {
		return []Path{{IDs: []string{a}}}, nil
	}
	s := newSpurSearch(g, int32(y), mode)
	if maxHops <= 0 {
		maxHops = math.MaxInt32
	}
	first := s.search(int32(x), maxHops)
	if first == nil {
		return nil, ErrNoPath
	}
	found := [][]int32{first}
	seen := map[string]bool{pathKey(first): true}
	var pot []candidate
	for len(found) < k {
		prev := found[len(found)-1]
		for i := 0; i+1 < len(prev) && i < maxHops; i++ {
			root := prev[:i+1]
			// The banned edges all leave the spur: found paths sharing
			// the root go on from it.
			s.spur, s.bannedNext = prev[i], s.bannedNext[:0]
			for _, p := range found {
				if len(p) > i+1 && slices.Equal(p[:i+1], root) {
					s.bannedNext = append(s.bannedNext, p[i+1])
				}
			}
			for _, v := range root[:i] {
				s.banned[v] = true
			}
			suffix := s.search(prev[i], maxHops-i)
			for _, v := range root[:i] {
				s.banned[v] = false
			}
			if suffix == nil {
				continue
			}
			p := append(slices.Clip(root[:i]), suffix...)
			if key := pathKey(p); !seen[key] {
				seen[key] = true
				pot = append(pot, candidate{p, s.pathCost(p)})
			}
		}
		if len(pot) == 0 {
			break
		}
		best := 0
		for j := range pot {
			if pot[j].less(pot[best], mode) {
				best = j
			}
		}
		found = append(found, pot[best].path)
		pot = slices.Delete(pot, best, best+1)
	}
	out := make([]Path, len(found))
	for i, p := range found {
		c := s.pathCost(p)
		ids := make([]string, len(p))
		for j, v := range p {
			ids[j] = g.Entities[v].ID
		}
		out[i] = Path{IDs: ids, Hops: c.hops, Cost: c.inv}
	}
	return out, nil
}

// cost is a path's hops and its sum of 1/articles.
type cost struct {
	hops int
	inv  float64
}

func (c cost) add(d cost) cost { return cost{c.hops + d.hops, c.inv + d.inv} }

// cmp orders costs as mode ranks paths; sums of 1/articles within a
// relative 1e-12 are equal (they differ only by the order of additions).
func (c cost) cmp(d cost, mode PathMode) int {
	byInv := func() int {
		if math.Abs(c.inv-d.inv) <= 1e-12*max(1, math.Abs(c.inv), math.Abs(d.inv)) {
			return 0
		}
		if c.inv < d.inv {
			return -1
		}
		return 1
	}
	if mode == Strongest {
		if r := byInv(); r != 0 || c.hops == d.hops {
			return r
		}
	} else if c.hops == d.hops {
		return byInv()
	}
	if c.hops < d.hops {
		return -1
	}
	return 1
}

var infCost = cost{math.MaxInt32, math.Inf(1)}

type candidate struct {
	path []int32
	cost cost
}

func (c candidate) less(d candidate, mode PathMode) bool {
	if r := c.cost.cmp(d.cost, mode); r != 0 {
		return r < 0
	}
	return slices.Compare(c.path, d.path) < 0
}

func pathKey(p []int32) string {
	var b strings.Builder
	for _, v := range p {
		b.WriteString(strconv.Itoa(int(v)))
		b.WriteByte(',')
	}
	return b.String()
}

// spurSearch finds the first cheapest path from a node to the target t,
// avoiding banned nodes and edges.
type spurSearch struct {
	adj        adjacency
	t          int32
	mode       PathMode
	banned     []bool
	spur       int32
	bannedNext []int32  // spur–bannedNext[i] edges are banned
	bounded    bool     // dist counts hops
	dist       [][]cost // dist[h][v]: cheapest v→t in at most h hops; one row, dist[0], when not bounded
	settled    []bool
}

func newSpurSearch(g *Graph, t int32, mode PathMode) *spurSearch {
	n := g.Len()
	return &spurSearch{adj: g.adjacency(), t: t, mode: mode, spur: -1, banned: make([]bool, n), settled: make([]bool, n)}
}

func (s *spurSearch) hop(u, v int32, w float64) (cost, bool) {
	if s.banned[v] {
		return cost{}, false
	}
	if u == s.spur && slices.Contains(s.bannedNext, v) || v == s.spur && slices.Contains(s.bannedNext, u) {
		return cost{}, false
	}
	return cost{1, 1 / w}, true
}

func (s *spurSearch) pathCost(p []int32) cost {
	var c cost
	for i := 0; i+1 < len(p); i++ {
		nbr, w := s.adj.row(int(p[i]))
		k, _ := slices.BinarySearch(nbr, p[i+1])
		c = c.add(cost{1, 1 / w[k]})
	}
	return c
}

// search returns the first cheapest path from src to t of at most budget
// hops, or nil.
func (s *spurSearch) search(src int32, budget int) []int32 {
	if s.banned[src] {
		return nil
	}
	// Bounded rounds are needed only when the cheapest path may be longer
	// than the budget allows while a dearer one is not: in Strongest mode.
	// In FewestHops mode the cheapest path is also the shortest.
	s.bounded = s.mode == Strongest && budget < len(s.banned)
	bounded := s.bounded
	if bounded {
		s.bellmanFord(budget)
		if s.at(src, budget) == infCost {
			return nil
		}
	} else {
		s.dijkstra(src)
		if d := s.at(src, 0); d == infCost || d.hops > budget {
			return nil
		}
	}
	// Walk from src, always to the first neighbour on a cheapest path.
	p := []int32{src}
	u, r := src, budget
	if !bounded {
		r = 0 // at ignores it
	}
	for u != s.t {
		nbr, w := s.adj.row(int(u))
		next := int32(-1)
		for j, v := range nbr {
			c, ok := s.hop(u, v, w[j])
			if !ok || (bounded && r == 0) {
				continue
			}
			// A cheapest path never comes back (hops cost more than
			// nothing), but the check is cheap and rules out a loop.
			dv := s.at(v, r-1)
			if dv == infCost || slices.Contains(p, v) {
				continue
			}
			if c.add(dv).cmp(s.at(u, r), s.mode) == 0 {
				next = v
				break
			}
		}
		if next < 0 {
			return nil // cannot happen: u is on a cheapest path
		}
		p = append(p, next)
		u = next
		if bounded {
			r--
		}
	}
	return p
}

// at is the cheapest cost from v to t in at most h hops.
func (s *spurSearch) at(v int32, h int) cost {
	if !s.bounded {
		if !s.settled[v] {
			return infCost
		}
		return s.dist[0][v]
	}
	if h < 0 {
		return infCost
	}
	return s.dist[h][v]
}

// dijkstra computes the cheapest costs to t, stopping once src is settled:
// every node on a cheapest src→t path is cheaper than src, so settled.
func (s *spurSearch) dijkstra(src int32) {
	n := len(s.banned)
	if len(s.dist) != 1 {
		s.dist = [][]cost{make([]cost, n)}
	}
	d := s.dist[0]
	for i := range d {
		d[i] = infCost
	}
	clear(s.settled)
	if s.banned[s.t] {
		return
	}
	d[s.t] = cost{}
	q := &costHeap{mode: s.mode}
	heap.Push(q, costItem{s.t, cost{}})
	for q.Len() > 0 {
		it := heap.Pop(q).(costItem)
		u := it.v
		if s.settled[u] {
			continue
		}
		s.settled[u] = true
		if u == src {
			return
		}
		nbr, w := s.adj.row(int(u))
		for j, v := range nbr {
			c, ok := s.hop(u, v, w[j])
			if !ok || s.settled[v] {
				continue
			}
			if nc := d[u].add(c); nc.cmp(d[v], s.mode) < 0 {
				d[v] = nc
				heap.Push(q, costItem{v, nc})
			}
		}
	}
}

// bellmanFord computes the cheapest costs to t in at most h hops for every
// h up to budget.
func (s *spurSearch) bellmanFord(budget int) {
	n := len(s.banned)
	s.dist = s.dist[:0]
	row := make([]cost, n)
	for i := range row {
		row[i] = infCost
	}
	if !s.banned[s.t] {
		row[s.t] = cost{}
	}
	s.dist = append(s.dist, row)
	for h := 1; h <= budget; h++ {
		prev := s.dist[h-1]
		row := slices.Clone(prev)
		changed := false
		for u := range n {
			if s.banned[u] {
				continue
			}
			nbr, w := s.adj.row(u)
			for j, v := range nbr {
				if prev[v] == infCost {
					continue
				}
				c, ok := s.hop(int32(u), v, w[j])
				if !ok {
					continue
				}
				if nc := prev[v].add(c); nc.cmp(row[u], s.mode) < 0 {
					row[u] = nc
					changed = true
				}
			}
		}
		s.dist = append(s.dist, row)
		if !changed {
			// No cheaper path with more hops: the rest are this row.
			for ; h < budget; h++ {
				s.dist = append(s.dist, row)
			}
			break
		}
	}
}

type costItem struct {
	v int32
	c cost
}

type costHeap struct {
	items []costItem
	mode  PathMode
}

func (h *costHeap) Len() int { return len(h.items) }
func (h *costHeap) Less(i, j int) bool {
	if r := h.items[i].c.cmp(h.items[j].c, h.mode); r != 0 {
		return r < 0
	}
	return h.items[i].v < h.items[j].v
}
func (h *costHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *costHeap) Push(x any)    { h.items = append(h.items, x.(costItem)) }
func (h *costHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}
