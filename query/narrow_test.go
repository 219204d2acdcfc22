package query

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestNarrow(t *testing.T) {
	ent := func(id, kind string) graph.ProjectedEntity {
		return graph.ProjectedEntity{Entity: graph.Entity{ID: id, Kind: kind}}
	}
	p := &graph.Projection{
		Entities: []graph.ProjectedEntity{ent("iraq", "country"), ent("kataib", "armed faction"), ent("kadhimi", "politician"), ent("pmf", "Armed Faction"), ent("x", "")},
		Edges: []graph.Edge{
			{A: "iraq", B: "kadhimi", Articles: 5}, {A: "iraq", B: "kataib", Articles: 1}, {A: "iraq", B: "pmf", Articles: 3},
			{A: "kadhimi", B: "pmf", Articles: 2}, {A: "kataib", B: "pmf", Articles: 4}, {A: "pmf", B: "x", Articles: 9},
		},
	}
	for _, tc := range []struct {
		name            string
		n               Narrowing
		entities, edges string
	}{
		{"nothing", Narrowing{}, "iraq kataib kadhimi pmf x", "iraq-kadhimi iraq-kataib iraq-pmf kadhimi-pmf kataib-pmf pmf-x"},
		{"min weight 1 is nothing", Narrowing{MinWeight: 1}, "iraq kataib kadhimi pmf x", "iraq-kadhimi iraq-kataib iraq-pmf kadhimi-pmf kataib-pmf pmf-x"},
		{"kind ignores case and space", Narrowing{Kinds: []string{" ARMED faction"}}, "kataib pmf", "kataib-pmf"},
		{"kinds", Narrowing{Kinds: []string{"country", "armed faction"}}, "iraq kataib pmf", "iraq-kataib iraq-pmf kataib-pmf"},
		{"min weight keeps entities", Narrowing{MinWeight: 4}, "iraq kataib kadhimi pmf x", "iraq-kadhimi kataib-pmf pmf-x"},
		{"both", Narrowing{Kinds: []string{"country", "armed faction"}, MinWeight: 3}, "iraq kataib pmf", "iraq-pmf kataib-pmf"},
		{"unknown kind", Narrowing{Kinds: []string{"planet"}}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(p.Edges)
			got := Narrow(p, tc.n)
			var ents, edges []string
			for _, e := range got.Entities {
				ents = append(ents, e.ID)
			}
			for _, e := range got.Edges {
				edges = append(edges, e.A+"-"+e.B)
			}
			if s := strings.Join(ents, " "); s != tc.entities {
				t.Errorf("entities %q, want %q", s, tc.entities)
			}
			if s := strings.Join(edges, " "); s != tc.edges {
				t.Errorf("edges %q, want %q", s, tc.edges)
			}
			if len(p.Edges) != before {
				t.Errorf("Narrow changed its input")
			}
		})
	}
}
