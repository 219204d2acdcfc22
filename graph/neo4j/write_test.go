package neo4j_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// TestConcurrentWritersKeepOneCoMentioned has two connections write at
// once batches that create the same new entities and join them to each
// other and to stored ones. A write creates the CO_MENTIONED of a pair
// without MERGE when it created an end (writeAggregates); were that
// decided from a read that another transaction could overtake, both
// writers would create the pair's relationship. Check counts pairs with
// more than one, and recounts every aggregate from the MENTIONS.
func TestConcurrentWritersKeepOneCoMentioned(t *testing.T) {
	first, uri, cfg := openServer(t)
	ctx := context.Background()
	second, err := neo4j.Open(ctx, uri, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	ent := func(id string) graph.Entity { return graph.Entity{ID: id, Type: graph.Organization, Name: id} }
	// Writer w's article of round r mentions the stored hub, the round's
	// two new entities, and the entity the round before created.
	doc := func(w, r int) graph.Document {
		d := graph.Document{Article: graph.Article{ID: fmt.Sprintf("w%d-r%02d", w, r), Hash: fmt.Sprint(w, r)}}
		ids := []string{"hub", fmt.Sprintf("new-%02d-a", r), fmt.Sprintf("new-%02d-b", r)}
		if r > 0 {
			ids = append(ids, fmt.Sprintf("new-%02d-a", r-1))
		}
		for i, id := range ids {
			d.Entities = append(d.Entities, ent(id))
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: id, Count: 1, Sentences: []int{i}})
		}
		return d
	}
	if err := first.Apply(ctx, []graph.Document{{
		Article:  graph.Article{ID: "seed", Hash: "seed"},
		Entities: []graph.Entity{ent("hub")},
		Mentions: []graph.Mention{{EntityID: "hub", Count: 1, Sentences: []int{0}}},
	}}); err != nil {
		t.Fatal(err)
	}
	const rounds = 12
	for r := 0; r < rounds; r++ {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for w, s := range []*neo4j.Store{first, second} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[w] = s.Apply(ctx, []graph.Document{doc(w, r)})
			}()
		}
		wg.Wait()
		for w, err := range errs {
			if err != nil {
				t.Fatalf("round %d, writer %d: %v", r, w, err)
			}
		}
	}
	problems, err := first.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
	p, err := first.Projection(ctx, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// Every pair is joined by both writers' articles of one round, and
	// hub with new-r-a by those of round r+1 as well.
	want := map[string]int{}
	for r := 0; r < rounds; r++ {
		a, b := fmt.Sprintf("new-%02d-a", r), fmt.Sprintf("new-%02d-b", r)
		want["hub "+a], want["hub "+b], want[a+" "+b] = 2, 2, 2
		if r+1 < rounds {
			want["hub "+a] = 4
		}
		if r > 0 {
			prev := fmt.Sprintf("new-%02d-a", r-1)
			want[prev+" "+a], want[prev+" "+b] = 2, 2
		}
	}
	got := map[string]int{}
	for _, e := range p.Edges {
		a, b := e.A, e.B
		if a > b {
			a, b = b, a
		}
		got[a+" "+b] = e.Articles
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("edges (pair: articles):\n got %v\nwant %v", got, want)
	}
	if n := count(t, uri, cfg, `MATCH (e:Entity) WHERE e.createdBy IS NOT NULL RETURN count(e) AS n`); n != 0 {
		t.Errorf("%d entities keep the mark of the write that created them", n)
	}
}

// TestStoredEntityIsNeverCreated: an entity a store holds with a count of
// 0 (a store written before the aggregates, or one Repair recounted to
// none) is not taken for one the write created, whose pairs it writes
// without MERGE: the pair keeps one CO_MENTIONED.
func TestStoredEntityIsNeverCreated(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	doc := func(id string) graph.Document {
		d := graph.Document{Article: graph.Article{ID: id, Hash: id}}
		for i, e := range []string{"x", "y"} {
			d.Entities = append(d.Entities, graph.Entity{ID: e, Type: graph.Person, Name: e})
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: e, Count: 1, Sentences: []int{i}})
		}
		return d
	}
	if err := s.Apply(ctx, []graph.Document{doc("a1")}); err != nil {
		t.Fatal(err)
	}
	count(t, uri, cfg, `MATCH (e:Entity) SET e.articles = 0 RETURN count(e) AS n`)
	if err := s.Apply(ctx, []graph.Document{doc("a2")}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, uri, cfg, `MATCH (:Entity {id: 'x'})-[r:CO_MENTIONED]-(:Entity {id: 'y'}) RETURN count(r) AS n`); n != 1 {
		t.Errorf("%d CO_MENTIONED between x and y, want 1", n)
	}
}

// count runs query, which returns one row with a column n, in the
// server's database of cfg.
func count(t *testing.T, uri string, cfg neo4j.Config, query string) int64 {
	t.Helper()
	recs := records(t, uri, cfg, query)
	if len(recs) != 1 {
		t.Fatalf("%s: %d rows", query, len(recs))
	}
	n, _ := recs[0].Get("n")
	v, _ := n.(int64)
	return v
}
