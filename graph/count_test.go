package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// counterEntities are A, B, C and D, by ID; no article names D.
func counterEntities() []graph.ProjectedEntity {
	var ents []graph.ProjectedEntity
	for _, id := range []string{"a", "b", "c", "d"} {
		ents = append(ents, graph.ProjectedEntity{Entity: graph.Entity{ID: id, Type: graph.Person}, Articles: 99})
	}
	return ents
}

// fillCounter adds two articles: one dated naming A (sentences 0 and 1),
// B (1) and C (2), one undated naming A (0) and B (3, 0, 0: unsorted,
// repeated), and a mention of an index out of range.
func fillCounter(c *graph.Counter) {
	c.Add(time.Date(2022, 1, 2, 10, 0, 0, 0, time.UTC), []graph.CountedMention{
		{Entity: 0, Count: 2, Sentences: []int{0, 1}},
		{Entity: 2, Count: 1, Sentences: []int{2}},
		{Entity: 1, Count: 1, Sentences: []int{1}},
	})
	c.Add(time.Time{}, []graph.CountedMention{
		{Entity: 1, Count: 1, Sentences: []int{3, 0, 0}},
		{Entity: 0, Count: 1, Sentences: []int{0}},
		{Entity: 7, Count: 1},
	})
}

// TestCounter: counts worked by hand from fillCounter's two articles. A
// and B share sentence 1 of the first and sentence 0 of the second: two
// sentences in two articles, dated by the first only. C shares no
// sentence, so it has article-level edges and no sentence-level ones. D
// is named by none and left out.
func TestCounter(t *testing.T) {
	c := graph.NewCounter(counterEntities())
	fillCounter(c)
	for _, tc := range []struct {
		level graph.EdgeLevel
		want  string
	}{
		{graph.ArticleEdges, `a 2/3 2022-01-02..2022-01-02
b 2/2 2022-01-02..2022-01-02
c 1/1 2022-01-02..2022-01-02
a-b 2/2 2022-01-02..2022-01-02
a-c 1/0 2022-01-02..2022-01-02
b-c 1/0 2022-01-02..2022-01-02
`},
		{graph.SentenceEdges, `a 2/3 2022-01-02..2022-01-02
b 2/2 2022-01-02..2022-01-02
c 1/1 2022-01-02..2022-01-02
a-b 2/2 2022-01-02..2022-01-02
`},
	} {
		p := c.Projection(tc.level)
		if got := countedLines(p); got != tc.want {
			t.Errorf("%s: projection\n%s\nwant\n%s", tc.level, got, tc.want)
		}
		// Visit gives the same, its edges in any order.
		var v visited
		if err := c.Visit(tc.level, &v); err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(v.p.Edges, func(x, y graph.Edge) int { return strings.Compare(x.A+" "+x.B, y.A+" "+y.B) })
		if got := countedLines(&v.p); got != tc.want {
			t.Errorf("%s: visited\n%s\nwant\n%s", tc.level, got, tc.want)
		}
	}
}

// visited collects what a Counter visits, dates included.
type visited struct{ p graph.Projection }

func (v *visited) Entities(ents []graph.ProjectedEntity) error { v.p.Entities = ents; return nil }
func (v *visited) Edge(a, b int32, articles, sentences int) error {
	return fmt.Errorf("Edge called on a DatedVisitor")
}
func (v *visited) DatedEdge(a, b int32, e graph.Edge) error {
	e.A, e.B = v.p.Entities[a].ID, v.p.Entities[b].ID
	v.p.Edges = append(v.p.Edges, e)
	return nil
}

// countedLines prints p: entities as "id articles/mentions first..last",
// edges as "a-b articles/sentences first..last".
func countedLines(p *graph.Projection) string {
	var b strings.Builder
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	for _, e := range p.Entities {
		fmt.Fprintf(&b, "%s %d/%d %s..%s\n", e.ID, e.Articles, e.Mentions, day(e.First), day(e.Last))
	}
	for _, e := range p.Edges {
		fmt.Fprintf(&b, "%s-%s %d/%d %s..%s\n", e.A, e.B, e.Articles, e.Sentences, day(e.First), day(e.Last))
	}
	return b.String()
}

// A store counts a filtered projection with a Counter: every entity the
// filter's types keep, then each passing article's mentions.
func ExampleCounter() {
	ents := []graph.ProjectedEntity{
		{Entity: graph.Entity{ID: "biden", Type: graph.Person}},
		{Entity: graph.Entity{ID: "kadhimi", Type: graph.Person}},
		{Entity: graph.Entity{ID: "raisi", Type: graph.Person}},
	}
	c := graph.NewCounter(ents)
	c.Add(time.Date(2021, 7, 26, 0, 0, 0, 0, time.UTC), []graph.CountedMention{
		{Entity: 1, Count: 3, Sentences: []int{0, 2}}, // Kadhimi
		{Entity: 0, Count: 1, Sentences: []int{2}},    // Biden, in sentence 2 with him
	})
	p := c.Projection(graph.SentenceEdges)
	for _, e := range p.Edges {
		fmt.Println(e.A, e.B, e.Articles, e.Sentences, e.First.Format(time.DateOnly))
	}
	fmt.Println(len(p.Entities), "entities named")
	// Output:
	// biden kadhimi 1 1 2021-07-26
	// 2 entities named
}
