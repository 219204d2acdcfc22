package query

import (
	"errors"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestEgo keeps the top neighbours per hop of a hand-drawn graph: c's
// neighbours are a (5 articles), b (3) and d (1); a's are c (5), e (4),
// f (2) and b (1); b's are g (7), c (3) and a (1).
func TestEgo(t *testing.T) {
	p := &graph.Projection{}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: id, Name: id}})
	}
	p.Edges = []graph.Edge{
		{A: "a", B: "b", Articles: 1}, {A: "a", B: "c", Articles: 5}, {A: "a", B: "e", Articles: 4},
		{A: "a", B: "f", Articles: 2}, {A: "b", B: "c", Articles: 3}, {A: "b", B: "g", Articles: 7},
		{A: "c", B: "d", Articles: 1},
	}
	ids := func(p *graph.Projection) (nodes []string, edges []string) {
		for _, e := range p.Entities {
			nodes = append(nodes, e.ID)
		}
		for _, e := range p.Edges {
			edges = append(edges, e.A+e.B)
		}
		return nodes, edges
	}
	for _, tc := range []struct {
		depth, top int
		nodes      []string
		edges      []string
	}{
		{0, 2, []string{"c"}, nil},
		// a and b, and the edge between them although neither hop is it.
		{1, 2, []string{"a", "b", "c"}, []string{"ab", "ac", "bc"}},
		{1, 0, []string{"a", "b", "c", "d"}, []string{"ab", "ac", "bc", "cd"}},
		// a adds e (c is kept already), b adds g; f (a's third) is cut.
		{2, 2, []string{"a", "b", "c", "e", "g"}, []string{"ab", "ac", "ae", "bc", "bg"}},
		{5, 0, []string{"a", "b", "c", "d", "e", "f", "g"}, []string{"ab", "ac", "ae", "af", "bc", "bg", "cd"}},
	} {
		got, err := Ego(p, "c", tc.depth, tc.top)
		if err != nil {
			t.Fatal(err)
		}
		nodes, edges := ids(got)
		if !slices.Equal(nodes, tc.nodes) || !slices.Equal(edges, tc.edges) {
			t.Errorf("Ego(c, depth %d, top %d) = %v %v, want %v %v", tc.depth, tc.top, nodes, edges, tc.nodes, tc.edges)
		}
	}
	if _, err := Ego(p, "zz", 1, 1); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Ego of an unknown ID: %v, want ErrNotFound", err)
	}
	if _, err := Ego(p, "c", -1, 1); err == nil {
		t.Error("Ego with depth -1: no error")
	}
}
