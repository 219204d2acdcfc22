package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestDerived: a derived value reads back at the generation it was stored
// at, not after a write, and is not stored when a write came between
// reading the generation and storing.
func TestDerived(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	write := func(id string) {
		t.Helper()
		d := graph.Document{Article: graph.Article{ID: id, Title: id, Published: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}}
		if err := s.Apply(ctx, []graph.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	get := func(key string) (string, bool) {
		t.Helper()
		v, ok, err := s.Derived(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return string(v), ok
	}
	if _, ok := get("k"); ok {
		t.Fatal("a new store holds a derived value")
	}
	gen, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetDerived(ctx, "k", gen, []byte(`{"x":1}`)); err != nil {
		t.Fatal(err)
	}
	if v, ok := get("k"); !ok || v != `{"x":1}` {
		t.Fatalf("Derived = %q, %v; want the value stored", v, ok)
	}
	write("a1")
	if _, ok := get("k"); ok {
		t.Error("a write left the derived value in use")
	}
	// Derived at the old generation, stored after a write: not kept.
	if err := s.SetDerived(ctx, "k", gen, []byte(`{"x":2}`)); err != nil {
		t.Fatal(err)
	}
	if v, ok := get("k"); ok {
		t.Errorf("a value derived before a write was kept: %q", v)
	}
	if err := s.SetDerived(ctx, "k", gen, []byte(`not json`)); err == nil {
		t.Error("SetDerived took a value that is not JSON")
	}
}
