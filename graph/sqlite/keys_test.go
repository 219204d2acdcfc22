package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// downgradeToV9 turns a current store into what version 9 wrote: the
// co-mention aggregates in the table co_mentions, keyed by entity IDs.
var downgradeToV9 = []string{
	`CREATE TABLE co_mentions_v9 (a TEXT NOT NULL, b TEXT NOT NULL, articles INTEGER NOT NULL, sentences INTEGER NOT NULL,
		s_articles INTEGER NOT NULL, first TEXT, last TEXT, s_first TEXT, s_last TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID`,
	`INSERT INTO co_mentions_v9 SELECT a, b, articles, sentences, s_articles, first, last, s_first, s_last FROM co_mentions`,
	`DROP VIEW co_mentions`,
	`DROP TABLE co_mention_counts`,
	`DROP TABLE entity_keys`,
	`ALTER TABLE co_mentions_v9 RENAME TO co_mentions`,
	`CREATE INDEX co_mentions_b ON co_mentions(b, a)`,
	`PRAGMA user_version = 9`,
}

// A version-9 store opened by this version has its aggregates renumbered,
// not recounted: the projections read the same, Check finds them exact,
// and writes after the migration keep them so.
func TestOpenMigratesVersion9(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v9.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docs := benchDocs(9, 0, 60)
	if err := s.Apply(ctx, docs[:50]); err != nil {
		t.Fatal(err)
	}
	read := func(s *sqlite.Store) string {
		t.Helper()
		var out string
		for _, level := range []graph.EdgeLevel{graph.ArticleEdges, graph.SentenceEdges} {
			p, err := s.Projection(ctx, graph.Filter{Edges: level})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Edges) == 0 {
				t.Fatalf("%s level: no edges; the test reads nothing", level)
			}
			out += fmt.Sprint(p) + "\n"
		}
		return out
	}
	before := read(s)
	s.Close()

	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range downgradeToV9 {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a version-9 store: %v", err)
	}
	defer s.Close()
	if got := read(s); got != before {
		t.Errorf("projections after migration differ:\n%s\nwant\n%s", got, before)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after migration: %q, %v", problems, err)
	}
	// Ten more articles, and one of the first written again changed.
	changed := docs[3]
	changed.Article.Hash = "changed"
	changed.Mentions = changed.Mentions[:len(changed.Mentions)/2]
	if err := s.Apply(ctx, append(docs[50:], changed)); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after writing: %q, %v", problems, err)
	}
}
