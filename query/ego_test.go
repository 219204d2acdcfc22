package query

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// egoIDs lists the IDs of p's entities and the ends of its edges, "ab" for
// an edge between a and b.
func egoIDs(p *graph.Projection) (nodes []string, edges []string) {
	for _, e := range p.Entities {
		nodes = append(nodes, e.ID)
	}
	for _, e := range p.Edges {
		edges = append(edges, e.A+e.B)
	}
	return nodes, edges
}

// TestEgo keeps the top neighbours per hop of a hand-drawn graph: c's
// neighbours are a (5 articles), b (3) and d (1); a's are c (5), e (4),
// f (2) and b (1); b's are g (7), c (3) and a (1); d's are e (8) and c (1);
// e's are d (8) and a (4). h has no links.
func TestEgo(t *testing.T) {
	p := &graph.Projection{}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: id, Name: id}})
	}
	p.Edges = []graph.Edge{
		{A: "a", B: "b", Articles: 1}, {A: "a", B: "c", Articles: 5}, {A: "a", B: "e", Articles: 4},
		{A: "a", B: "f", Articles: 2}, {A: "b", B: "c", Articles: 3}, {A: "b", B: "g", Articles: 7},
		{A: "c", B: "d", Articles: 1}, {A: "d", B: "e", Articles: 8},
	}
	for _, tc := range []struct {
		name    string
		opts    EgoOptions
		nodes   []string
		edges   []string
		reached int
	}{
		{"depth 0", EgoOptions{Depth: 0, Top: 2}, []string{"c"}, nil, 1},
		// a and b; each one's 2 strongest links to kept entities hold ab.
		{"one hop", EgoOptions{Depth: 1, Top: 2}, []string{"a", "b", "c"}, []string{"ab", "ac", "bc"}, 3},
		{"one hop, top 0", EgoOptions{Depth: 1}, []string{"a", "b", "c", "d"}, []string{"ab", "ac", "bc", "cd"}, 4},
		// a adds e (c is kept already), b adds g; f (a's third) is cut. ab is
		// neither a's 2 strongest kept links (c 5, e 4) nor b's (g 7, c 3).
		{"two hops", EgoOptions{Depth: 2, Top: 2}, []string{"a", "b", "c", "e", "g"}, []string{"ac", "ae", "bc", "bg"}, 5},
		{"two hops, all links", EgoOptions{Depth: 2, Top: 2, AllLinks: true}, []string{"a", "b", "c", "e", "g"}, []string{"ab", "ac", "ae", "bc", "bg"}, 5},
		// a's one strongest link is c, kept already: the second hop adds no one.
		{"top 1", EgoOptions{Depth: 2, Top: 1}, []string{"a", "c"}, []string{"ac"}, 2},
		{"every hop", EgoOptions{Depth: 5}, []string{"a", "b", "c", "d", "e", "f", "g"}, []string{"ab", "ac", "ae", "af", "bc", "bg", "cd", "de"}, 7},
		// Admitted c; a (5), b (3); then g (7), e (4): the budget of 4 cuts e.
		{"budget", EgoOptions{Depth: 2, Top: 2, MaxNodes: 4}, []string{"a", "b", "c", "g"}, []string{"ab", "ac", "bc", "bg"}, 5},
		{"budget in the first hop", EgoOptions{Depth: 1, Top: 2, MaxNodes: 2}, []string{"a", "c"}, []string{"ac"}, 3},
		{"budget of the ego alone", EgoOptions{Depth: 1, Top: 2, MaxNodes: 1}, []string{"c"}, nil, 3},
		// Admitted c; a (5), b (3), d (1); then e (8 through d, not 4 through
		// a), g (7), f (2): e comes before g, and the budget of 5 keeps it.
		{"reached twice", EgoOptions{Depth: 2, MaxNodes: 5}, []string{"a", "b", "c", "d", "e"}, []string{"ab", "ac", "ae", "bc", "cd", "de"}, 7},
		{"budget past the reach", EgoOptions{Depth: 1, Top: 2, MaxNodes: 10}, []string{"a", "b", "c"}, []string{"ab", "ac", "bc"}, 3},
	} {
		got, st, err := Ego(p, "c", tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		nodes, edges := egoIDs(got)
		if !slices.Equal(nodes, tc.nodes) || !slices.Equal(edges, tc.edges) {
			t.Errorf("%s: Ego(c, %+v) = %v %v, want %v %v", tc.name, tc.opts, nodes, edges, tc.nodes, tc.edges)
		}
		if st.Reached != tc.reached || st.Kept != len(tc.nodes) {
			t.Errorf("%s: Ego(c, %+v) stats %+v, want reached %d, kept %d", tc.name, tc.opts, st, tc.reached, len(tc.nodes))
		}
	}
	// h has no links: it is its ego network alone.
	if got, _, err := Ego(p, "h", EgoOptions{Depth: 3, Top: 2}); err != nil || len(got.Entities) != 1 || len(got.Edges) != 0 {
		t.Errorf("Ego(h) = %v, %v; want h alone", got, err)
	}
	if _, _, err := Ego(p, "zz", EgoOptions{Depth: 1, Top: 1}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Ego of an unknown ID: %v, want ErrNotFound", err)
	}
	for _, opts := range []EgoOptions{{Depth: -1}, {Top: -1}, {MaxNodes: -1}} {
		if _, _, err := Ego(p, "c", opts); err == nil {
			t.Errorf("Ego with %+v: no error", opts)
		}
	}
}

// egoReference is the ego network as Ego computed it before it built its
// adjacency once: Neighbors per frontier entity, O(frontier × E) per hop,
// and every edge between kept entities. It is the oracle TestEgoRandom
// checks Ego against, and what BenchmarkEgoReference times.
func egoReference(p *graph.Projection, id string, depth, top int) *graph.Projection {
	kept := map[string]bool{id: true}
	frontier := []string{id}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, v := range frontier {
			ns := Neighbors(p, v)
			if top > 0 && len(ns) > top {
				ns = ns[:top]
			}
			for _, n := range ns {
				if !kept[n.Entity.ID] {
					kept[n.Entity.ID] = true
					next = append(next, n.Entity.ID)
				}
			}
		}
		frontier = next
	}
	out := &graph.Projection{}
	for _, e := range p.Entities {
		if kept[e.ID] {
			out.Entities = append(out.Entities, e)
		}
	}
	for _, e := range p.Edges {
		if kept[e.A] && kept[e.B] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// TestEgoRandom checks Ego on random graphs: with every link and no budget
// it is the reference search; by default its edges are a subset of those
// in which no entity but the ego is isolated; a budget keeps a prefix of
// what the search reaches.
func TestEgoRandom(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		p := randomProjection(300, 4, seed)
		for _, depth := range []int{1, 2, 3, 6} {
			for _, top := range []int{0, 1, 2, 5} {
				name := fmt.Sprintf("seed %d, depth %d, top %d", seed, depth, top)
				id := p.Entities[int(seed)*7].ID
				want := egoReference(p, id, depth, top)
				all, st, err := Ego(p, id, EgoOptions{Depth: depth, Top: top, AllLinks: true})
				if err != nil {
					t.Fatal(err)
				}
				wn, we := egoIDs(want)
				gn, ge := egoIDs(all)
				if !slices.Equal(gn, wn) || !slices.Equal(ge, we) {
					t.Errorf("%s: all links: %d entities and %d edges, want %d and %d", name, len(gn), len(ge), len(wn), len(we))
				}
				if st.Reached != len(wn) || st.Kept != len(wn) {
					t.Errorf("%s: stats %+v, want %d reached and kept", name, st, len(wn))
				}

				def, _, err := Ego(p, id, EgoOptions{Depth: depth, Top: top})
				if err != nil {
					t.Fatal(err)
				}
				dn, _ := egoIDs(def)
				if !slices.Equal(dn, wn) {
					t.Errorf("%s: the edge rule changed the entities", name)
				}
				checkEgoEdges(t, name, p, def, id, top)

				budget := len(wn)/2 + 1
				cut, st, err := Ego(p, id, EgoOptions{Depth: depth, Top: top, MaxNodes: budget})
				if err != nil {
					t.Fatal(err)
				}
				cn, _ := egoIDs(cut)
				if len(cn) != min(budget, len(wn)) || st.Kept != len(cn) || st.Reached != len(wn) {
					t.Errorf("%s: budget %d kept %d entities (stats %+v), want %d of %d", name, budget, len(cn), st, min(budget, len(wn)), len(wn))
				}
				for _, n := range cn {
					if !slices.Contains(wn, n) {
						t.Errorf("%s: budget %d kept %s, which the search does not reach", name, budget, n)
					}
				}
				checkEgoEdges(t, name+", budget", p, cut, id, top)
			}
		}
	}
}

// checkEgoEdges checks that ego's edges are edges of p between its
// entities, that every entity but id has one, and that each has at least
// min(top, its neighbours in ego's entities) of them.
func checkEgoEdges(t *testing.T, name string, p, ego *graph.Projection, id string, top int) {
	t.Helper()
	kept := map[string]bool{}
	for _, e := range ego.Entities {
		kept[e.ID] = true
	}
	among := map[string]int{} // neighbours among the kept entities
	for _, e := range p.Edges {
		if kept[e.A] && kept[e.B] && e.A != e.B {
			among[e.A]++
			among[e.B]++
		}
	}
	deg := map[string]int{}
	for _, e := range ego.Edges {
		if !kept[e.A] || !kept[e.B] || !slices.Contains(p.Edges, e) {
			t.Errorf("%s: edge %s-%s is not an edge of p between kept entities", name, e.A, e.B)
		}
		deg[e.A]++
		deg[e.B]++
	}
	for _, e := range ego.Entities {
		if e.ID != id && deg[e.ID] == 0 {
			t.Errorf("%s: %s is isolated", name, e.ID)
		}
		if want := min(top, among[e.ID]); deg[e.ID] < want {
			t.Errorf("%s: %s has %d edges, want at least %d", name, e.ID, deg[e.ID], want)
		}
	}
}

// TestLocalEgoEqualsWhole: LocalEgo, reading neighbourhoods, gives what Ego
// gives on the whole graph, for every option, and reads less of it.
func TestLocalEgoEqualsWhole(t *testing.T) {
	read, whole := 0, 0
	for _, c := range []struct{ n, deg int }{{40, 2}, {300, 4}, {600, 10}} {
		for seed := uint64(1); seed <= 4; seed++ {
			p := randomProjection(c.n, c.deg, seed)
			p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: "z-isolated"}})
			// In a store's order, as LocalEgo gives its result: by (A, B).
			slices.SortFunc(p.Edges, func(x, y graph.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
			expand := func(ids []string) (*graph.Projection, error) { return graph.Around(p, ids), nil }
			for _, id := range []string{p.Entities[int(seed)*3].ID, "z-isolated", "not-there"} {
				for _, o := range []EgoOptions{{Depth: 1, Top: 10}, {Depth: 2, Top: 3}, {Depth: 3, Top: 2, MaxNodes: 20},
					{Depth: 2, Top: 0, MaxNodes: 50}, {Depth: 0, Top: 5}, {Depth: 4, Top: 1, AllLinks: true}, {Depth: 2, Top: 4, MaxNodes: 1}} {
					name := fmt.Sprintf("n=%d deg=%d seed=%d %s %+v", c.n, c.deg, seed, id, o)
					want, wantSt, wantErr := Ego(p, id, o)
					got, st, n, err := LocalEgo(id, o, expand)
					if !errors.Is(err, graph.ErrNotFound) && (err != nil || wantErr != nil) || errors.Is(err, graph.ErrNotFound) != errors.Is(wantErr, graph.ErrNotFound) {
						t.Fatalf("%s: error %v, want %v", name, err, wantErr)
					}
					if !reflect.DeepEqual(got, want) || st != wantSt {
						t.Fatalf("%s:\n got %+v %+v\nwant %+v %+v", name, st, got, wantSt, want)
					}
					read += n
					whole += len(p.Edges)
				}
			}
		}
	}
	if _, _, _, err := LocalEgo("x", EgoOptions{Depth: -1}, nil); err == nil {
		t.Error("a negative depth: no error")
	}
	t.Logf("local ego networks read %d edges where whole-graph ones read %d (%.0f%%)", read, whole, 100*float64(read)/float64(whole))
}
