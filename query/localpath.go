package query

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Expander returns the neighbourhood of ids in the whole graph: every edge
// with an end in ids and the entities those edges join, in projection
// order (graph.NeighborhoodReader's Neighborhood, graph.Around).
type Expander func(ids []string) (*graph.Projection, error)

// LocalPaths returns what KShortestPaths(New(whole), a, b, k, maxHops,
// FewestHops) returns on the whole graph, reading only the neighbourhoods
// it needs through expand, and the part of the graph it read, in which the
// paths lie.
//
// It is a bidirectional breadth-first search: it grows a ball of radius ra
// around a and one of radius rb around b, a level at a time on the side
// whose frontier is smaller, loading the edges of each frontier. Once it
// has loaded the edges of every entity less than ra hops from a and less
// than rb hops from b, every path of at most ra+rb hops lies whole in what
// it read (a hop from the first ra entities of a path is an edge of an
// entity less than ra hops from a; any later hop ends less than rb hops
// from b). So when the union holds k paths of at most ra+rb hops, those
// are the k best of the whole graph, FewestHops ranking by hops first;
// ties come in entity-ID order, as in a store's projection. It stops there,
// when ra+rb reaches maxHops (> 0), or when a side runs out of entities.
//
// Strongest mode ranks by a sum of weights that no radius bounds, so it
// has no local equivalent: callers use KShortestPaths on the whole graph.
//
// It returns ErrNoPath when there is none, a or b included when either is
// not in the graph (callers that must tell that apart look it up first),
// and expand's errors as they come.
func LocalPaths(a, b string, k, maxHops int, expand Expander) ([]Path, *graph.Projection, error) {
	var u union
	add, union := u.add, u.projection
	// side is one ball: the distance of each entity reached, and the
	// entities at its rim whose edges are not loaded yet.
	type side struct {
		dist     map[string]int
		frontier []string
		radius   int
	}
	sides := [2]*side{{dist: map[string]int{a: 0}, frontier: []string{a}}, {dist: map[string]int{b: 0}, frontier: []string{b}}}
	for {
		// Grow the side with the smaller rim (fewer edges to read).
		s := sides[0]
		if len(sides[1].frontier) < len(s.frontier) && len(sides[1].frontier) > 0 || len(s.frontier) == 0 {
			s = sides[1]
		}
		if len(s.frontier) > 0 {
			p, err := expand(s.frontier)
			if err != nil {
				return nil, nil, err
			}
			add(p)
			var next []string
			for _, e := range p.Edges {
				for _, pair := range [2][2]string{{e.A, e.B}, {e.B, e.A}} {
					if _, ok := s.dist[pair[0]]; !ok {
						continue
					}
					if d := s.dist[pair[0]]; d == s.radius {
						if _, seen := s.dist[pair[1]]; !seen {
							s.dist[pair[1]] = d + 1
							next = append(next, pair[1])
						}
					}
				}
			}
			sort.Strings(next)
			s.frontier = next
			s.radius++
		}
		reach := sides[0].radius + sides[1].radius
		done := len(sides[0].frontier) == 0 || len(sides[1].frontier) == 0 || maxHops > 0 && reach >= maxHops
		_, okA := u.ents[a]
		_, okB := u.ents[b]
		if !okA || !okB {
			if done {
				return nil, union(), ErrNoPath
			}
			continue
		}
		limit := reach
		if maxHops > 0 && (limit > maxHops || done) {
			limit = maxHops
		}
		if done && maxHops <= 0 {
			limit = 0 // a whole component is loaded: any length
		}
		u := union()
		paths, err := KShortestPaths(New(u), a, b, k, limit, FewestHops)
		if err == nil && len(paths) == k || done {
			return paths, u, err
		}
		if err != nil && err != ErrNoPath {
			return nil, nil, err
		}
	}
}

// union gathers the neighbourhoods a local search reads.
type union struct {
	ents  map[string]graph.ProjectedEntity
	edges map[[2]string]graph.Edge
}

func (u *union) add(p *graph.Projection) {
	if u.ents == nil {
		u.ents, u.edges = map[string]graph.ProjectedEntity{}, map[[2]string]graph.Edge{}
	}
	for _, e := range p.Entities {
		u.ents[e.ID] = e
	}
	for _, e := range p.Edges {
		u.edges[[2]string{e.A, e.B}] = e
	}
}

// projection returns what u gathered in projection order: entities by ID,
// edges by (A, B).
func (u *union) projection() *graph.Projection {
	p := &graph.Projection{Entities: make([]graph.ProjectedEntity, 0, len(u.ents)), Edges: make([]graph.Edge, 0, len(u.edges))}
	for _, e := range u.ents {
		p.Entities = append(p.Entities, e)
	}
	for _, e := range u.edges {
		p.Edges = append(p.Edges, e)
	}
	sort.Slice(p.Entities, func(i, j int) bool { return p.Entities[i].ID < p.Entities[j].ID })
	sort.Slice(p.Edges, func(i, j int) bool {
		if p.Edges[i].A != p.Edges[j].A {
			return p.Edges[i].A < p.Edges[j].A
		}
		return p.Edges[i].B < p.Edges[j].B
	})
	return p
}
