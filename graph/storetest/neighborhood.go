package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// testNeighborhood: a store that reads neighbourhoods by themselves
// (graph.NeighborhoodReader) gives exactly the part of its projection
// around the IDs (graph.Around), and the projection's entities of those
// IDs, at every edge level and under every kind of filter, whether it
// reads them from stored aggregates or counts them; Links gives the same
// with the counts of those IDs only. The IDs: one, two apart, one
// repeated, two co-mentioned, one the store does not hold, none.
func testNeighborhood(t *testing.T, o Opener) {
	s := open(t, o)
	nr, ok := s.(graph.NeighborhoodReader)
	if !ok {
		t.Skip("the store does not read neighbourhoods")
	}
	_, history := randomHistory(3)
	apply(t, s, edgeFixture()...)
	apply(t, s, history...)
	since := time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []graph.Filter{
		{},
		{Edges: graph.SentenceEdges},
		{Edges: graph.TypedEdges},
		{Types: []graph.EntityType{graph.Person}},
		{Since: since},
		{Langs: []string{"en"}},
		{Sources: []string{"jazeera"}},
		{Until: since, Edges: graph.SentenceEdges},
		{Since: since, Types: []graph.EntityType{graph.Person}},
		{Sources: []string{"jazeera"}, Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Meets}},
		{Sources: []string{"reuters"}, Edges: graph.TypedEdges},
	} {
		whole := projection(t, s, f)
		for _, ids := range [][]string{
			{kadhimi.ID},
			{iraq.ID, raisi.ID},
			{biden.ID, biden.ID},
			{kadhimi.ID, biden.ID},
			{"no-such-entity", pmf.ID},
			{},
		} {
			want := graph.Around(whole, ids)
			got, err := nr.Neighborhood(context.Background(), ids, f)
			if err != nil {
				t.Fatalf("%+v: Neighborhood(%v): %v", f, ids, err)
			}
			if g, w := projectionLines(got), projectionLines(want); g != w {
				t.Errorf("%+v: Neighborhood(%v)\n%s\nwant\n%s", f, ids, g, w)
			}
			// Links: the same, with the counts of ids only.
			got, err = nr.Links(context.Background(), ids, f)
			if err != nil {
				t.Fatalf("%+v: Links(%v): %v", f, ids, err)
			}
			if g, w := projectionLines(got), projectionLines(graph.Uncounted(want, ids)); g != w {
				t.Errorf("%+v: Links(%v)\n%s\nwant\n%s", f, ids, g, w)
			}
			ents, err := nr.EntitiesOf(context.Background(), ids, f)
			if err != nil {
				t.Fatalf("%+v: EntitiesOf(%v): %v", f, ids, err)
			}
			wantEnts := graph.Around(&graph.Projection{Entities: whole.Entities}, ids).Entities
			if g, w := entityLines(ents), entityLines(wantEnts); g != w {
				t.Errorf("%+v: EntitiesOf(%v)\n%s\nwant\n%s", f, ids, g, w)
			}
		}
		if len(graph.Around(whole, []string{kadhimi.ID}).Edges) == 0 {
			t.Fatalf("%+v: Kadhimi has no edges; the test compares nothing", f)
		}
	}
}

// projectionLines prints a projection's entities and edges, one a line.
func projectionLines(p *graph.Projection) string {
	var b strings.Builder
	b.WriteString(entityLines(p.Entities))
	for _, e := range p.Edges {
		fmt.Fprintln(&b, edgeLine(e))
	}
	return b.String()
}
