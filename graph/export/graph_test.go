package export

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// collect is Collect reading p through graph.Visit, as it reads a store
// that does not stream.
func collect(t *testing.T, p *graph.Projection, n Narrowing) Graph {
	t.Helper()
	c := &collector{narrow: n}
	if err := graph.Visit(p, c); err != nil {
		t.Fatal(err)
	}
	return c.graph()
}

// reference is what Collect must give for p under n, computed the plain
// way: the edges of one pair merged (counts summed, dates widened), sorted
// by (A, B), then narrowed as query.Narrow narrows.
func reference(p *graph.Projection, n Narrowing) *graph.Projection {
	kept := map[string]bool{}
	out := &graph.Projection{}
	for _, e := range p.Entities {
		if n.Keep == nil || n.Keep(e) {
			out.Entities = append(out.Entities, e)
			kept[e.ID] = true
		}
	}
	merged := map[[2]string]*graph.Edge{}
	for _, e := range p.Edges {
		if !kept[e.A] || !kept[e.B] {
			continue
		}
		m, ok := merged[[2]string{e.A, e.B}]
		if !ok {
			c := e
			merged[[2]string{e.A, e.B}] = &c
			continue
		}
		m.Articles += e.Articles
		m.Sentences += e.Sentences
		if m.First.IsZero() || !e.First.IsZero() && e.First.Before(m.First) {
			m.First = e.First
		}
		if e.Last.After(m.Last) {
			m.Last = e.Last
		}
	}
	for _, e := range merged {
		if e.Articles >= n.MinWeight {
			out.Edges = append(out.Edges, *e)
		}
	}
	slices.SortFunc(out.Edges, func(x, y graph.Edge) int {
		return strings.Compare(x.A+"\x00"+x.B, y.A+"\x00"+y.B)
	})
	return out
}

// randomDated is a projection of n entities, every other of kind "country",
// and edges between random pairs (A < B), a third of the pairs given twice
// or more as a cluster's members are; dates unknown, before 1970, recent
// or far off.
func randomDated(n, edges int, seed uint64) *graph.Projection {
	r := rand.New(rand.NewPCG(seed, 1))
	p := &graph.Projection{}
	for i := range n {
		kind := ""
		if i%2 == 0 {
			kind = "country"
		}
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: fmt.Sprintf("e%04d", i), Kind: kind}})
	}
	days := []time.Time{{}, time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC), time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)}
	for len(p.Edges) < edges {
		a, b := r.IntN(n), r.IntN(n)
		if a == b {
			continue
		}
		a, b = min(a, b), max(a, b)
		for k := 1 + r.IntN(3)*r.IntN(2); k > 0; k-- {
			first, last := days[r.IntN(len(days))], days[r.IntN(len(days))]
			if last.Before(first) {
				first, last = last, first
			}
			if first.IsZero() {
				last = time.Time{} // undated edges have neither
			}
			p.Edges = append(p.Edges, graph.Edge{A: p.Entities[a].ID, B: p.Entities[b].ID,
				Articles: 1 + r.IntN(5), Sentences: r.IntN(4), First: first, Last: last})
		}
	}
	r.Shuffle(len(p.Edges), func(i, j int) { p.Edges[i], p.Edges[j] = p.Edges[j], p.Edges[i] })
	return p
}

func TestCollect(t *testing.T) {
	country := func(e graph.ProjectedEntity) bool { return e.Kind == "country" }
	for seed := uint64(1); seed <= 4; seed++ {
		// More edges than a block holds, so that the blocks are merged.
		p := randomDated(400, collectBlock+collectBlock/2, seed)
		for _, n := range []Narrowing{{}, {MinWeight: 4}, {Keep: country}, {Keep: country, MinWeight: 6}} {
			t.Run(fmt.Sprintf("seed=%d/keep=%t/min=%d", seed, n.Keep != nil, n.MinWeight), func(t *testing.T) {
				g := collect(t, p, n)
				want := reference(p, n)
				if !slices.EqualFunc(g.Nodes(), want.Entities, func(a, b graph.ProjectedEntity) bool { return a.ID == b.ID }) {
					t.Fatalf("nodes differ: %d, want %d", len(g.Nodes()), len(want.Entities))
				}
				got := slices.Collect(g.Edges())
				if g.EdgeCount() != len(got) || len(got) != len(want.Edges) {
					t.Fatalf("EdgeCount %d, edges %d; want %d", g.EdgeCount(), len(got), len(want.Edges))
				}
				for i := range got {
					if fmt.Sprint(got[i]) != fmt.Sprint(want.Edges[i]) {
						t.Fatalf("edge %d: %+v\nwant %+v", i, got[i], want.Edges[i])
					}
				}
			})
		}
	}
}

// TestCollectWritesAsTheProjection: what each writer writes of a collected
// graph is what it writes of the projection, byte for byte.
func TestCollectWritesAsTheProjection(t *testing.T) {
	p := randomDated(50, 300, 7)
	want := reference(p, Narrowing{})
	for _, w := range []struct {
		name  string
		write func(*strings.Builder, Graph) error
	}{
		{"graphml", func(b *strings.Builder, g Graph) error { return GraphML(b, g, nil) }},
		{"gexf", func(b *strings.Builder, g Graph) error { return GEXF(b, g, nil) }},
	} {
		var got, exp strings.Builder
		if err := w.write(&got, collect(t, p, Narrowing{})); err != nil {
			t.Fatal(err)
		}
		if err := w.write(&exp, Of(want)); err != nil {
			t.Fatal(err)
		}
		if got.String() != exp.String() {
			t.Errorf("%s: the collected graph is written otherwise than the projection", w.name)
		}
	}
}

func TestDays(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 8, 10, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
		// A time of day and another location keep their calendar date.
		time.Date(2021, 7, 11, 23, 30, 0, 0, time.FixedZone("AST", 3*3600)),
	} {
		got := dateOf(dayOf(d))
		if got.Format(time.DateOnly) != d.Format(time.DateOnly) {
			t.Errorf("dateOf(dayOf(%v)) = %v", d, got)
		}
		if dayOf(d) == 0 {
			t.Errorf("dayOf(%v) = 0, the unknown date", d)
		}
	}
	if dayOf(time.Time{}) != 0 || !dateOf(0).IsZero() {
		t.Error("the zero time is not day 0")
	}
	if a, b := dayOf(time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC)), dayOf(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)); a+1 != b {
		t.Errorf("days %d and %d of two days in a row", a, b)
	}
}
