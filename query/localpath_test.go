package query

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestLocalPathsEqualsWhole compares LocalPaths with KShortestPaths on the
// whole graph over random graphs of several densities — sparse ones with
// several components, so that no path and exhausted sides come up —
// random ends, k and hop limits, and counts what the local search read.
func TestLocalPathsEqualsWhole(t *testing.T) {
	read, whole := 0, 0
	for _, c := range []struct{ n, deg int }{{30, 1}, {60, 2}, {200, 3}, {500, 6}} {
		for seed := uint64(1); seed <= 8; seed++ {
			p := randomProjection(c.n, c.deg, seed)
			// An isolated entity, in the graph with no edge.
			p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: "z-isolated"}})
			g := New(p)
			r := rand.New(rand.NewPCG(seed, 99))
			for trial := 0; trial < 10; trial++ {
				a, b := p.Entities[r.IntN(len(p.Entities))].ID, p.Entities[r.IntN(len(p.Entities))].ID
				if trial == 0 {
					b = "z-isolated"
				}
				if a == b {
					continue
				}
				k, maxHops := 1+r.IntN(4), r.IntN(5)
				name := fmt.Sprintf("n=%d deg=%d seed=%d %s→%s k=%d max=%d", c.n, c.deg, seed, a, b, k, maxHops)
				want, wantErr := KShortestPaths(g, a, b, k, maxHops, FewestHops)
				got, part, gotErr := LocalPaths(a, b, k, maxHops, func(ids []string) (*graph.Projection, error) {
					return graph.Around(p, ids), nil
				})
				if !errors.Is(gotErr, wantErr) || wantErr == nil && gotErr != nil {
					t.Fatalf("%s: error %v, want %v", name, gotErr, wantErr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s:\n got %+v\nwant %+v", name, got, want)
				}
				if part != nil {
					read += len(part.Edges)
				}
				whole += len(p.Edges)
			}
		}
	}
	// How much less than the whole graph the searches read: a figure, not
	// a bound (t.Log under -v).
	t.Logf("local searches read %d edges where whole-graph ones read %d (%.0f%%)", read, whole, 100*float64(read)/float64(whole))
}
