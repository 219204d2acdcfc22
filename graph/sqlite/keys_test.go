package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// downgradeToV10 turns a current store into what version 10 wrote: the
// dates of co_mention_counts as text, as the view gives them.
var downgradeToV10 = []string{
	`CREATE TABLE co_mention_counts_v10 (x INTEGER NOT NULL, y INTEGER NOT NULL, articles INTEGER NOT NULL,
		sentences INTEGER NOT NULL, s_articles INTEGER NOT NULL, first TEXT, last TEXT, s_first TEXT, s_last TEXT,
		PRIMARY KEY (x, y)) WITHOUT ROWID`,
	`INSERT INTO co_mention_counts_v10 SELECT ka.n, kb.n, v.articles, v.sentences, v.s_articles, v.first, v.last, v.s_first, v.s_last
		FROM co_mentions v JOIN entity_keys ka ON ka.id = v.a JOIN entity_keys kb ON kb.id = v.b`,
	`DROP VIEW co_mentions`,
	`DROP TABLE co_mention_counts`,
	`ALTER TABLE co_mention_counts_v10 RENAME TO co_mention_counts`,
	`CREATE INDEX co_mention_counts_y ON co_mention_counts(y, x)`,
	`CREATE VIEW co_mentions AS SELECT ka.id AS a, kb.id AS b, c.articles AS articles, c.sentences AS sentences,
		c.s_articles AS s_articles, c.first AS first, c.last AS last, c.s_first AS s_first, c.s_last AS s_last
		FROM co_mention_counts c JOIN entity_keys ka ON ka.n = c.x JOIN entity_keys kb ON kb.n = c.y`,
	`PRAGMA user_version = 10`,
}

// A version-9 store opened by this version has its aggregates renumbered,
// and a version-10 store its dates converted, not recounted: the
// projections (dates included) read the same, Check finds them exact, and
// writes after the migration keep them so.
func TestOpenMigratesAggregates(t *testing.T) {
	for _, tc := range []struct {
		name      string
		downgrade []string
	}{
		{"version 9", downgradeToV9},
		{"version 10", downgradeToV10},
	} {
		t.Run(tc.name, func(t *testing.T) { testOpenMigrates(t, tc.downgrade) })
	}
}

func testOpenMigrates(t *testing.T, downgrade []string) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docs := benchDocs(9, 0, 60)
	for i := 0; i < len(docs); i += 7 {
		docs[i].Article.Published = time.Time{} // undated: pairs whose dates are NULL
	}
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
	for _, q := range downgrade {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("open the older store: %v", err)
	}
	defer s.Close()
	if got := read(s); got != before {
		t.Errorf("projections after migration differ:\n%s\nwant\n%s", got, before)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after migration: %q, %v", problems, err)
	}
	// The dates are integers now, and the undated pairs still NULL.
	db, err = sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var integers, nulls, other int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE typeof(first_unix) = 'integer'),
		count(*) FILTER (WHERE first_unix IS NULL), count(*) FILTER (WHERE typeof(first_unix) NOT IN ('integer', 'null'))
		FROM co_mention_counts`).Scan(&integers, &nulls, &other); err != nil {
		t.Fatal(err)
	}
	// What version 10 ran to add to a pair: a process of that version still
	// running when this one converted the file must fail, not write text.
	_, oldWrite := db.ExecContext(ctx, `INSERT INTO co_mention_counts (x, y, articles, sentences, s_articles, first, last, s_first, s_last)
		VALUES (1, 2, 1, 0, 0, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z', NULL, NULL)
		ON CONFLICT (x, y) DO UPDATE SET articles = articles + excluded.articles, first = coalesce(min(first, excluded.first), first, excluded.first)`)
	db.Close()
	if integers == 0 || nulls == 0 || other > 0 {
		t.Errorf("co_mention_counts.first_unix after migration: %d integers, %d NULL, %d else; want both of the first, none else", integers, nulls, other)
	}
	if oldWrite == nil || !strings.Contains(oldWrite.Error(), "first") {
		t.Errorf("version 10's upsert of a pair after migration: %v, want an error naming its column", oldWrite)
	} else {
		t.Logf("version 10's upsert after migration: %v", oldWrite)
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
