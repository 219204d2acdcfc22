package graph_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
)

// names is a ProjectionVisitor that prints each edge by its ends' IDs.
type names struct{ ents []graph.ProjectedEntity }

func (n *names) Entities(ents []graph.ProjectedEntity) error { n.ents = ents; return nil }

func (n *names) Edge(a, b int32, articles, sentences int) error {
	end := func(i int32) string {
		if i < 0 {
			return "(not an entity)"
		}
		return n.ents[i].ID
	}
	fmt.Printf("%s–%s %d/%d\n", end(a), end(b), articles, sentences)
	return nil
}

// A store that streams its projection gives the visitor the entities
// first, then each edge by its ends' indexes among them, as graph.Visit
// does for a projection held whole.
func ExampleVisitEntities() {
	ents := []graph.ProjectedEntity{
		{Entity: graph.Entity{ID: "joe-biden"}},
		{Entity: graph.Entity{ID: "mustafa-al-kadhimi"}},
	}
	v := &names{}
	index, err := graph.VisitEntities(v, ents)
	if err != nil {
		panic(err)
	}
	for _, e := range []graph.Edge{{A: "joe-biden", B: "mustafa-al-kadhimi", Articles: 3, Sentences: 2}, {A: "joe-biden", B: "iraq", Articles: 1}} {
		_ = v.Edge(index.At(e.A), index.At(e.B), e.Articles, e.Sentences)
	}
	// Output:
	// joe-biden–mustafa-al-kadhimi 3/2
	// joe-biden–(not an entity) 1/0
}
