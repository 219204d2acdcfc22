package query

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/newsgraph/newsgraph/graph"
)

// ids names the members of c's communities by entity ID.
func ids(c Communities) [][]string {
	var out [][]string
	for _, m := range c.Members {
		var s []string
		for _, e := range m {
			s = append(s, e.ID)
		}
		out = append(out, s)
	}
	return out
}

// Modularity of the partitions stored in testdata (hand-made ones, and
// networkx's own Louvain partitions) against networkx's
// community.modularity of the same partitions, at three resolutions.
func TestModularityMatchesNetworkx(t *testing.T) {
	for _, fx := range fixtures(t) {
		byName := make(map[string]string)
		for i, e := range fx.g.Entities {
			byName[fx.node(i)] = e.ID
		}
		for i, p := range fx.f.Partitions {
			var comms [][]string
			for _, c := range p.Communities {
				var ids []string
				for _, n := range c {
					ids = append(ids, byName[n])
				}
				comms = append(comms, ids)
			}
			for res, want := range p.Modularity {
				r, _ := strconv.ParseFloat(res, 64)
				if got := Modularity(fx.g, comms, r); math.Abs(got-want) > 1e-12 {
					t.Errorf("%s partition %d at resolution %s: modularity %.15g, networkx %.15g", fx.name, i, res, got, want)
				}
			}
		}
	}
}

// Louvain's partitions: a partition of every entity, ordered as documented,
// whose modularity is gonum's community.Q of it and close to what
// networkx's Louvain (another implementation, another random order) finds.
func TestLouvain(t *testing.T) {
	for _, fx := range fixtures(t) {
		g := fx.g
		for i, res := range []float64{1, 0.5, 2} {
			c := Louvain(g, res, 1)
			name := fmt.Sprintf("%s at resolution %g", fx.name, res)
			seen := make(map[string]bool)
			for j, m := range c.Members {
				if !slices.IsSortedFunc(m, func(a, b graphEntity) int { return cmpString(a.ID, b.ID) }) {
					t.Errorf("%s: community %d not in ID order", name, j)
				}
				if j > 0 {
					prev := c.Members[j-1]
					if len(prev) < len(m) || len(prev) == len(m) && prev[0].ID > m[0].ID {
						t.Errorf("%s: community %d (%d members from %s) after %d from %s", name, j, len(m), m[0].ID, len(prev), prev[0].ID)
					}
				}
				for _, e := range m {
					if seen[e.ID] {
						t.Errorf("%s: %s in two communities", name, e.ID)
					}
					seen[e.ID] = true
				}
			}
			if len(seen) != g.Len() {
				t.Errorf("%s: %d entities in communities, want %d", name, len(seen), g.Len())
			}
			if q := gonumQ(g, c, res); math.Abs(c.Modularity-q) > 1e-12 {
				t.Errorf("%s: modularity %.15g, community.Q %.15g", name, c.Modularity, q)
			}
			// The networkx Louvain partitions are the last three stored.
			nx := fx.f.Partitions[len(fx.f.Partitions)-3+i].Modularity[strconv.FormatFloat(res, 'f', 1, 64)]
			t.Logf("%s: %d communities, modularity %.4f; networkx's Louvain %.4f", name, len(c.Members), c.Modularity, nx)
			if c.Modularity < nx-0.02 {
				t.Errorf("%s: modularity %.4f, well below networkx's Louvain %.4f", name, c.Modularity, nx)
			}
			if again := Louvain(g, res, 1); fmt.Sprint(ids(again)) != fmt.Sprint(ids(c)) || again.Modularity != c.Modularity {
				t.Errorf("%s: a second run differs", name)
			}
		}
	}
	// On the hand-made graph the partitions are networkx's own, so the
	// modularity is networkx's of the same partition.
	f, g := loadFixture(t)
	for i, res := range []float64{1, 0.5, 2} {
		got := ids(Louvain(g, res, 1))
		slices.SortFunc(got, func(a, b []string) int { return cmpString(a[0], b[0]) })
		if want := f.Partitions[len(f.Partitions)-3+i].Communities; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("hand fixture at resolution %g: communities %v, networkx's Louvain %v", res, got, want)
		}
	}
}

// gonumQ is community.Q of c's partition of g, over a plain gonum graph
// built from g's rows.
func gonumQ(g *Graph, c Communities, res float64) float64 {
	gg := simple.NewWeightedUndirectedGraph(0, 0)
	for v := range g.Len() {
		gg.AddNode(simple.Node(v))
	}
	for v := range g.Len() {
		nbr, w := g.adjacency().row(v)
		for k, u := range nbr {
			if int(u) > v {
				gg.SetWeightedEdge(gg.NewWeightedEdge(simple.Node(v), simple.Node(u), w[k]))
			}
		}
	}
	var comms [][]gonum.Node
	for _, m := range c.Members {
		var ns []gonum.Node
		for _, e := range m {
			ns = append(ns, simple.Node(g.index[e.ID]))
		}
		comms = append(comms, ns)
	}
	return community.Q(gg, comms, res)
}

type graphEntity = graph.ProjectedEntity

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
