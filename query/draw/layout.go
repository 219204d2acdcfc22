package draw

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/spatial/r2"

	"github.com/newsgraph/newsgraph/graph"
)

// positions lays p out radially around center, the layout of an ego
// network: center in the middle of the box [0, width] × [0, height], the
// entities one hop away on a ring around it, those two hops away on a
// second ring, and so on; entities not linked to center at all on an outer
// ring. The first ring is ordered by the articles linking each entity to
// center, the strongest at the top and the rest clockwise; an outer ring by
// the angle of each entity's strongest link into the ring inside it, then
// by that link's weight and ID. A p without center in it is laid out as if
// its first entity were the center.
//
// Force-directed layouts (gonum's EadesR2 was tried) crowd the dense,
// star-shaped graphs an ego network is into a corner; rings keep every
// label readable, and are deterministic without a seed.
func positions(p *graph.Projection, center string, width, height float64) []r2.Vec {
	n := len(p.Entities)
	pos := make([]r2.Vec, n)
	if n == 0 {
		return pos
	}
	idx := make(map[string]int, n)
	for i, e := range p.Entities {
		idx[e.ID] = i
	}
	c, ok := idx[center]
	if !ok {
		c = 0
	}
	adj := make([]map[int]int, n) // neighbour → articles
	for i := range adj {
		adj[i] = map[int]int{}
	}
	for _, e := range p.Edges {
		a, okA := idx[e.A]
		b, okB := idx[e.B]
		if okA && okB && a != b && e.Articles > adj[a][b] {
			adj[a][b], adj[b][a] = e.Articles, e.Articles
		}
	}
	// Rings by breadth-first distance from c.
	dist := make([]int, n)
	for i := range dist {
		dist[i] = -1
	}
	dist[c] = 0
	rings := [][]int{{c}}
	for len(rings[len(rings)-1]) > 0 {
		var next []int
		for _, u := range rings[len(rings)-1] {
			for v := range adj[u] {
				if dist[v] < 0 {
					dist[v] = len(rings)
					next = append(next, v)
				}
			}
		}
		rings = append(rings, next)
	}
	rings = rings[:len(rings)-1]
	var unlinked []int
	for i := range dist {
		if dist[i] < 0 {
			unlinked = append(unlinked, i)
		}
	}
	if len(unlinked) > 0 {
		rings = append(rings, unlinked)
	}
	angle := make([]float64, n)
	mid := r2.Vec{X: width / 2, Y: height / 2}
	pos[c] = mid
	step := math.Min(width, height) / 2 / float64(max(len(rings)-1, 1))
	for k := 1; k < len(rings); k++ {
		ring := rings[k]
		// key: the angle of the strongest link inward (ring 1: none), its
		// weight, then the ID.
		type key struct {
			angle float64
			w     int
		}
		keys := make(map[int]key, len(ring))
		for _, v := range ring {
			best := key{angle: 0, w: -1}
			for u, w := range adj[v] {
				if dist[u] == k-1 && (w > best.w || w == best.w && angle[u] < best.angle) {
					best = key{angle[u], w}
				}
			}
			keys[v] = best
		}
		slices.SortFunc(ring, func(a, b int) int {
			ka, kb := keys[a], keys[b]
			switch {
			case ka.angle != kb.angle:
				return cmpFloat(ka.angle, kb.angle)
			case ka.w != kb.w:
				return kb.w - ka.w
			}
			return cmpString(p.Entities[a].ID, p.Entities[b].ID)
		})
		rx, ry := step*float64(k)*width/math.Min(width, height), step*float64(k)
		for j, v := range ring {
			// From the top (−π/2), clockwise; an offset of half a slot on
			// outer rings keeps them off the spokes of the ring inside.
			a := 2 * math.Pi * (float64(j) + 0.5*float64((k+1)%2)) / float64(len(ring))
			angle[v] = a
			pos[v] = r2.Vec{X: mid.X + rx*math.Sin(a), Y: mid.Y - ry*math.Cos(a)}
		}
	}
	return pos
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
