package neo4j_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestDerived: a value set at the current generation reads back; a write
// makes it stale, and a value derived before that write is not stored.
func TestDerived(t *testing.T) {
	s, _, _ := openServer(t)
	ctx := context.Background()
	gen, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetDerived(ctx, "k", gen, []byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	if v, ok, err := s.Derived(ctx, "k"); err != nil || !ok || string(v) != `{"a":1}` {
		t.Fatalf("Derived(k) = %s, %v, %v; want the value set", v, ok, err)
	}
	d := graph.Document{Article: graph.Article{ID: "a1", Hash: "h"},
		Entities: []graph.Entity{{ID: "x", Type: graph.Person, Name: "X"}},
		Mentions: []graph.Mention{{EntityID: "x", Count: 1, Sentences: []int{0}}}}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Derived(ctx, "k"); err != nil || ok {
		t.Fatalf("Derived(k) after a write: ok=%v, %v; want stale", ok, err)
	}
	if err := s.SetDerived(ctx, "k2", gen, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Derived(ctx, "k2"); ok {
		t.Error("a value derived before the last write was stored")
	}
	now, err := s.Generation(ctx)
	if err != nil || now == gen {
		t.Fatalf("generation %q after a write, was %q (%v)", now, gen, err)
	}
}
