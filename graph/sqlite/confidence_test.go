package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// confidenceDoc is one article whose relations join iran and iraq, with
// the patterns and confidences given (0: not measured).
func confidenceDoc(id string, rels ...graph.Relation) graph.Document {
	d := graph.Document{
		Article:  graph.Article{ID: id, Hash: "h-" + id},
		Entities: []graph.Entity{{ID: "iraq", Type: graph.Location}, {ID: "iran", Type: graph.Location}},
		Mentions: []graph.Mention{{EntityID: "iraq", Count: 1, Sentences: []int{0}}, {EntityID: "iran", Count: 1, Sentences: []int{0}}},
	}
	for i, r := range rels {
		r.Type, r.Subject, r.Object, r.Directed = graph.Attacks, "iran", "iraq", true
		r.Trigger = graph.Offsets{Start: 10 * i, End: 10*i + 5}
		d.Relations = append(d.Relations, r)
	}
	return d
}

// Each relation's pattern and confidence are stored and read back; an
// unmeasured confidence (0) is stored as NULL and read back as 0; typed
// edges sum the confidences, an unmeasured relation counting
// graph.DefaultConfidence (0.5).
func TestRelationConfidence(t *testing.T) {
	for _, tc := range []struct {
		name       string
		rels       []graph.Relation
		wantRead   string  // pattern=confidence per relation, in trigger order
		wantNull   int     // relations stored with a NULL confidence
		wantWeight float64 // the typed edge's Confidence
	}{
		{"measured", []graph.Relation{{Pattern: "svo/en", Confidence: 0.3323}},
			"svo/en=0.3323", 0, 0.3323},
		{"unmeasured", []graph.Relation{{Pattern: "vso/ar"}},
			"vso/ar=0", 1, 0.5},
		{"from elsewhere: no pattern", []graph.Relation{{}},
			"=0", 1, 0.5},
		{"two summed, one unmeasured", []graph.Relation{{Pattern: "svo/en", Confidence: 0.25}, {Pattern: "agent/en"}},
			"svo/en=0.25 agent/en=0", 1, 0.75},
		{"a negated one makes no edge", []graph.Relation{{Pattern: "svo/en", Confidence: 0.25}, {Pattern: "svo/en", Confidence: 0.6, Negated: true}},
			"svo/en=0.25 svo/en=0.6", 0, 0.25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "g.db")
			s, err := sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Apply(ctx, []graph.Document{confidenceDoc("a1", tc.rels...)}); err != nil {
				t.Fatal(err)
			}
			rels, err := s.Relations(ctx, "iran", graph.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rels {
				got = append(got, fmt.Sprintf("%s=%g", r.Pattern, r.Confidence))
			}
			if strings.Join(got, " ") != tc.wantRead {
				t.Errorf("read back %q, want %q", strings.Join(got, " "), tc.wantRead)
			}
			db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var nulls int
			if err := db.QueryRowContext(ctx, "SELECT count(*) FROM relations WHERE confidence IS NULL").Scan(&nulls); err != nil || nulls != tc.wantNull {
				t.Errorf("%d NULL confidences, %v; want %d", nulls, err, tc.wantNull)
			}
			p, err := s.Projection(ctx, graph.Filter{Edges: graph.TypedEdges})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Edges) != 1 || p.Edges[0].Confidence < tc.wantWeight-1e-9 || p.Edges[0].Confidence > tc.wantWeight+1e-9 {
				t.Errorf("typed edges %+v, want one of confidence %v", p.Edges, tc.wantWeight)
			}
		})
	}
}

// A version-8 store (relations without pattern or confidence) is migrated:
// its relations read back unmeasured, and new ones keep theirs.
func TestOpenMigratesVersion8(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v8.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(ctx, []graph.Document{confidenceDoc("a1", graph.Relation{})}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Make it a version-8 file: the relations table as version 8 had it.
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append(downgradeToV9, "ALTER TABLE relations DROP COLUMN confidence", "ALTER TABLE relations DROP COLUMN pattern", "PRAGMA user_version = 8") {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a version-8 store: %v", err)
	}
	defer s.Close()
	read := func() string {
		t.Helper()
		rels, err := s.Relations(ctx, "iraq", graph.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rels {
			out = append(out, fmt.Sprintf("%s=%g", r.Pattern, r.Confidence))
		}
		return strings.Join(out, " ")
	}
	if got := read(); got != "=0" {
		t.Errorf("migrated relation %q, want unmeasured %q", got, "=0")
	}
	if err := s.Apply(ctx, []graph.Document{confidenceDoc("a2", graph.Relation{Pattern: "svo/en", Confidence: 0.6})}); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "=0 svo/en=0.6" && got != "svo/en=0.6 =0" {
		t.Errorf("after writing a2: %q, want the old relation unmeasured and the new one svo/en=0.6", got)
	}
	var version int
	db, err = sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Migrated to the current version, 11, through versions 9 and 10.
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version != 11 {
		t.Errorf("user_version %d, %v; want 11", version, err)
	}
}
