package neo4j_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// TestCheck checks a sound store, then breaks it as a faulty write or a
// hand edit would — a CO_MENTIONED count changed, a pair's CO_MENTIONED
// deleted, an entity left without mentions, a constraint dropped — and
// checks that each is found (issue 22, item 9).
func TestCheck(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	d := graph.Document{
		Article: graph.Article{ID: "a1", Hash: "h"},
		Entities: []graph.Entity{{ID: "x", Type: graph.Person, Name: "X"}, {ID: "y", Type: graph.Person, Name: "Y"},
			{ID: "z", Type: graph.Person, Name: "Z"}},
		Mentions: []graph.Mention{{EntityID: "x", Count: 1, Sentences: []int{0}}, {EntityID: "y", Count: 1, Sentences: []int{0}},
			{EntityID: "z", Count: 1, Sentences: []int{0}}},
	}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check of a sound store: %q, %v; want none", problems, err)
	}

	dr, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer dr.Close(ctx)
	t.Cleanup(func() {
		// Open creates the dropped constraint again, for the tests after.
		if s, err := neo4j.Open(context.Background(), uri, cfg); err == nil {
			s.Close()
		} else {
			t.Errorf("reopen to restore the schema: %v", err)
		}
	})
	for _, q := range []string{
		`MATCH (:Entity {id: 'x'})-[r:CO_MENTIONED]->(:Entity {id: 'y'}) SET r.articles = 5`,
		`MATCH (:Entity {id: 'x'})-[r:CO_MENTIONED]->(:Entity {id: 'z'}) DELETE r`,
		`CREATE (:Entity {id: 'orphan', name: 'Orphan'})`,
		`DROP CONSTRAINT entity_id`,
	} {
		if _, err := driver.ExecuteQuery(ctx, dr, q, nil, driver.EagerResultTransformer); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(problems, "\n")
	for _, want := range []string{
		"constraint entity_id is missing",
		"1 entities no stored article mentions",
		"1 CO_MENTIONED relationships whose article count differs",
		"1 entity pairs mentioned together without a CO_MENTIONED relationship",
		// The orphan has no stored counts, which a recount makes 0.
		"1 entities whose stored counts differ from a recount",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %q", got, want)
		}
	}
	if len(problems) != 5 {
		t.Errorf("%d problems, want 5:\n%s", len(problems), got)
	}
}

// TestRepairAggregates breaks the stored counts of an entity and the
// sentence-level counts of a CO_MENTIONED, and of a store that had
// articles before its aggregates were kept (no NewsgraphMeta node), and
// expects Check to find the first, Repair to mend both, and the projection
// to read the stored counts again only once they are whole.
func TestRepairAggregates(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	d := graph.Document{
		Article:  graph.Article{ID: "a1", Hash: "h"},
		Entities: []graph.Entity{{ID: "x", Type: graph.Person, Name: "X"}, {ID: "y", Type: graph.Person, Name: "Y"}},
		Mentions: []graph.Mention{{EntityID: "x", Count: 2, Sentences: []int{0, 1}}, {EntityID: "y", Count: 1, Sentences: []int{1}}},
	}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	want, err := s.Projection(ctx, graph.Filter{Edges: graph.SentenceEdges})
	if err != nil {
		t.Fatal(err)
	}
	dr, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer dr.Close(ctx)
	for _, q := range []string{
		`MATCH (e:Entity {id: 'x'}) SET e.articles = 7`,
		`MATCH (:Entity {id: 'x'})-[r:CO_MENTIONED]->(:Entity {id: 'y'}) SET r.sArticles = 9`,
	} {
		if _, err := driver.ExecuteQuery(ctx, dr, q, nil, driver.EagerResultTransformer); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 2 {
		t.Fatalf("Check() = %q, %v; want the entity's and the relationship's counts", problems, err)
	}
	// A store written before the aggregates: no mark, so a new connection
	// counts the MENTIONS rather than read the broken counts.
	if _, err := driver.ExecuteQuery(ctx, dr, `MATCH (m:NewsgraphMeta) DELETE m`, nil, driver.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	old, err := neo4j.Open(ctx, uri, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	got, err := old.Projection(ctx, graph.Filter{Edges: graph.SentenceEdges})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("projection of an unmarked store %+v, want the counted %+v", got, want)
	}
	// Its entities may have no stored counts at all (written before
	// them): Links names the neighbours all the same.
	if _, err := driver.ExecuteQuery(ctx, dr, `MATCH (e:Entity {id: 'y'}) REMOVE e.articles`, nil, driver.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	links, err := old.Links(ctx, []string{"x"}, graph.Filter{Edges: graph.SentenceEdges})
	if err != nil {
		t.Fatal(err)
	}
	if wantLinks := graph.Uncounted(graph.Around(want, []string{"x"}), []string{"x"}); !reflect.DeepEqual(links, wantLinks) {
		t.Errorf("links of an unmarked store %+v, want %+v", links, wantLinks)
	}
	if err := old.Repair(ctx); err != nil {
		t.Fatal(err)
	}
	if problems, err := old.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check() after Repair = %q, %v; want none", problems, err)
	}
	if got, err = old.Projection(ctx, graph.Filter{Edges: graph.SentenceEdges}); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("projection after Repair %+v, %v; want %+v", got, err, want)
	}
}
