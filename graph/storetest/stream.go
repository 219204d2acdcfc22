package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// streamed records what a store streams (graph.ProjectionVisitor), each
// edge by its ends' IDs, so that it compares with a projection.
type streamed struct {
	ents  []graph.ProjectedEntity
	lines []string
}

func (s *streamed) Entities(ents []graph.ProjectedEntity) error {
	s.ents = ents
	return nil
}

func (s *streamed) Edge(a, b int32, articles, sentences int) error {
	s.lines = append(s.lines, fmt.Sprintf("%s–%s %d/%d", s.id(a), s.id(b), articles, sentences))
	return nil
}

func (s *streamed) id(i int32) string {
	if i < 0 || int(i) >= len(s.ents) {
		return fmt.Sprintf("#%d", i)
	}
	return s.ents[i].ID
}

// datedStream is a streamed that wants whole edges (graph.DatedVisitor).
type datedStream struct{ streamed }

func (s *datedStream) DatedEdge(a, b int32, e graph.Edge) error {
	s.lines = append(s.lines, fmt.Sprintf("%s–%s %d/%d %s..%s", s.id(a), s.id(b), e.Articles, e.Sentences, date(e.First), date(e.Last)))
	return nil
}

// record runs stream with a streamed, or a datedStream when dated, and
// returns what it recorded, the edges sorted.
func record(dated bool, stream func(graph.ProjectionVisitor) error) (*streamed, error) {
	got := &streamed{}
	var v graph.ProjectionVisitor = got
	if dated {
		d := &datedStream{}
		got, v = &d.streamed, d
	}
	err := stream(v)
	sort.Strings(got.lines)
	return got, err
}

// testStreamProjection: a store that streams its projection
// (graph.ProjectionStreamer) gives exactly Projection's entities and
// edges, with each edge's ends as indexes into those entities (the lesser
// ID first), at every edge level and under every kind of filter, to a
// plain visitor (counts) and to a graph.DatedVisitor (dates too). The
// store holds the edge fixture, a random history's documents and a pair
// that only an undated article names (an edge whose dates are all null),
// so that the stream is read from stored aggregates and from counted facts
// alike.
func testStreamProjection(t *testing.T, o Opener) {
	s := open(t, o)
	ps, ok := s.(graph.ProjectionStreamer)
	if !ok {
		t.Skip("the store does not stream its projection")
	}
	_, history := randomHistory(2)
	apply(t, s, edgeFixture()...)
	apply(t, s, history...)
	// A pair that only an undated article names: an edge without dates,
	// at both levels (the two share sentence 0).
	undatedA := graph.Entity{ID: "undated-a", Type: graph.Person, Name: "Undated A"}
	undatedB := graph.Entity{ID: "undated-b", Type: graph.Location, Name: "Undated B"}
	apply(t, s, doc("u1", "", "en", "src", undatedA, undatedB))
	since := time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []graph.Filter{
		{},
		{Edges: graph.SentenceEdges},
		{Edges: graph.TypedEdges},
		{Types: []graph.EntityType{graph.Person}},
		{Edges: graph.SentenceEdges, Types: []graph.EntityType{graph.Person, graph.Location}},
		{Since: since},
		{Langs: []string{"en"}},
	} {
		want := projection(t, s, f)
		if len(want.Edges) == 0 {
			t.Fatalf("%+v: the projection has no edges; the test compares nothing", f)
		}
		for _, dated := range []bool{false, true} {
			got, err := record(dated, func(v graph.ProjectionVisitor) error { return ps.StreamProjection(context.Background(), f, v) })
			if err != nil {
				t.Fatalf("%+v: stream: %v", f, err)
			}
			// Projection's edges, given to the same visitor.
			wantLines, err := record(dated, func(v graph.ProjectionVisitor) error { return graph.Visit(want, v) })
			if err != nil {
				t.Fatal(err)
			}
			if g, w := entityLines(got.ents), entityLines(want.Entities); g != w {
				t.Errorf("%+v: streamed entities\n%s\nwant\n%s", f, g, w)
			}
			if g, w := strings.Join(got.lines, "\n"), strings.Join(wantLines.lines, "\n"); g != w {
				t.Errorf("%+v, dated %v: streamed edges\n%s\nwant (Projection)\n%s", f, dated, g, w)
			}
		}
	}
}

// entityLines prints entities with their counts and dates, in their order.
func entityLines(ents []graph.ProjectedEntity) string {
	var b strings.Builder
	for _, e := range ents {
		fmt.Fprintf(&b, "%s %s %d/%d %s..%s\n", e.ID, e.Type, e.Articles, e.Mentions, date(e.First), date(e.Last))
	}
	return b.String()
}
