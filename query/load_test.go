package query

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// loadOf is Load reading p through graph.Visit, as it reads a store that
// streams.
func loadOf(t *testing.T, p *graph.Projection, n Narrowing) *Graph {
	t.Helper()
	l := &loader{narrow: n}
	if err := graph.Visit(p, l); err != nil {
		t.Fatal(err)
	}
	return l.graph()
}

func sameGraph(t *testing.T, got, want *Graph) {
	t.Helper()
	if !slices.EqualFunc(got.Entities, want.Entities, func(a, b graph.ProjectedEntity) bool { return a.ID == b.ID }) {
		t.Fatalf("entities differ: %d, want %d", len(got.Entities), len(want.Entities))
	}
	if !slices.Equal(got.adj.start, want.adj.start) || !slices.Equal(got.adj.nbr, want.adj.nbr) || !slices.Equal(got.adj.w, want.adj.w) {
		t.Fatalf("rows differ:\n%v %v %v\nwant\n%v %v %v", got.adj.start, got.adj.nbr, got.adj.w, want.adj.start, want.adj.nbr, want.adj.w)
	}
}

// TestLoadMatchesNew: Load gives the very graph New(Narrow(p, n)) does —
// same entities, rows, neighbours and weights — for random projections
// and every kind of narrowing.
func TestLoadMatchesNew(t *testing.T) {
	kinds := []string{"country", "armed faction", ""}
	for seed := uint64(1); seed <= 5; seed++ {
		p := randomProjection(300, 6, seed)
		for i := range p.Entities {
			p.Entities[i].Kind = kinds[i%len(kinds)]
		}
		// An edge to an entity the projection lacks, and one without
		// articles: New ignores both.
		p.Edges = append(p.Edges, graph.Edge{A: p.Entities[0].ID, B: "zz-missing", Articles: 3}, graph.Edge{A: p.Entities[1].ID, B: p.Entities[2].ID})
		for _, n := range []Narrowing{{}, {MinWeight: 4}, {Kinds: []string{"Country "}}, {Kinds: []string{"country", "armed faction"}, MinWeight: 8}} {
			t.Run(fmt.Sprintf("seed=%d/%+v", seed, n), func(t *testing.T) {
				g := loadOf(t, p, n)
				sameGraph(t, g, New(Narrow(p, n)))
				if g.Projected() != len(p.Entities) {
					t.Errorf("Projected() = %d, want the %d entities before narrowing", g.Projected(), len(p.Entities))
				}
			})
		}
	}
}

// TestLoadSumsRepeatedPairs: a pair the stream gives twice (two members of
// one cluster linked to one node) weighs the sum of its edges, and
// MinWeight applies to the sum.
func TestLoadSumsRepeatedPairs(t *testing.T) {
	p := &graph.Projection{
		Entities: []graph.ProjectedEntity{{Entity: graph.Entity{ID: "a"}}, {Entity: graph.Entity{ID: "b"}}, {Entity: graph.Entity{ID: "c"}}},
		Edges:    []graph.Edge{{A: "a", B: "b", Articles: 2, Sentences: 1}, {A: "a", B: "c", Articles: 1}, {A: "a", B: "b", Articles: 3}},
	}
	for _, tc := range []struct {
		minWeight int
		want      float64 // a–b: 2 + 3 articles
		wantAC    float64 // a–c: 1 article, below MinWeight 2
	}{{0, 5, 1}, {2, 5, 0}, {6, 0, 0}} {
		g := loadOf(t, p, Narrowing{MinWeight: tc.minWeight})
		if got := g.Weight("a", "b"); got != tc.want {
			t.Errorf("MinWeight %d: a–b weighs %g, want %g", tc.minWeight, got, tc.want)
		}
		if got := g.Weight("b", "a"); got != tc.want {
			t.Errorf("MinWeight %d: b–a weighs %g, want %g", tc.minWeight, got, tc.want)
		}
		if got := g.Weight("a", "c"); got != tc.wantAC {
			t.Errorf("MinWeight %d: a–c weighs %g, want %g", tc.minWeight, got, tc.wantAC)
		}
	}

	var c pairCounter
	if err := graph.Visit(p, &c); err != nil {
		t.Fatal(err)
	}
	// Two pairs, a–b (with a sentence in one of its edges) and a–c.
	if got := c.counts(); got.Pairs != 2 || got.SentencePairs != 1 || len(got.Entities) != 3 {
		t.Errorf("counts %d pairs, %d with sentences, %d entities; want 2, 1, 3", got.Pairs, got.SentencePairs, len(got.Entities))
	}
}
