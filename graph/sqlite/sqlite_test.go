package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := graph.Document{Article: graph.Article{ID: "a1", Hash: "h1"}}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fps, err := s.Fingerprints(ctx)
	if err != nil || fps["a1"] != "h1" {
		t.Errorf("after reopening: fingerprints %v, %v; want a1 → h1", fps, err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database, just some text that is long enough to have a header page"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{dir, "is a directory"},
		{text, "not a readable SQLite file"},
		{filepath.Join(dir, "missing", "g.db"), "open store"},
	} {
		s, err := sqlite.Open(ctx, tc.path)
		if err == nil {
			s.Close()
			t.Errorf("Open(%s) succeeded, want an error containing %q", tc.path, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%s) = %v, want an error containing %q", tc.path, err, tc.want)
		}
	}
}

func TestApplyRejectsMentionWithoutEntity(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bad := graph.Document{Article: graph.Article{ID: "a1", Hash: "h"}, Mentions: []graph.Mention{{EntityID: "ghost", Count: 1}}}
	good := graph.Document{Article: graph.Article{ID: "a0", Hash: "h"}}
	if err := s.Apply(ctx, []graph.Document{good, bad}); err == nil {
		t.Fatal("Apply accepted a mention of an entity the document does not carry")
	}
	// The batch is one transaction: the good document was not written either.
	fps, _ := s.Fingerprints(ctx)
	if len(fps) != 0 {
		t.Errorf("a failed batch left %v behind", fps)
	}
}
