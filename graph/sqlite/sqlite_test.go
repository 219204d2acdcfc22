package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// schemaV1 is the DDL of schema version 1, before mentions kept spans.
const schemaV1 = `
CREATE TABLE articles (
	id        TEXT PRIMARY KEY,
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	published TEXT,
	lang      TEXT NOT NULL DEFAULT '',
	hash      TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE entities (
	id       TEXT PRIMARY KEY,
	type     TEXT NOT NULL,
	kind     TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL DEFAULT '',
	name_ar  TEXT NOT NULL DEFAULT '',
	aliases  TEXT NOT NULL DEFAULT '[]',
	wikidata TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE aliases (
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX aliases_entity ON aliases(entity_id);
CREATE TABLE mentions (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity_id  TEXT NOT NULL REFERENCES entities(id),
	count      INTEGER NOT NULL,
	surfaces   TEXT NOT NULL DEFAULT '[]',
	sentences  TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
INSERT INTO articles VALUES ('a1', 'https://example.org/a1', 'src', 'Title', '2021-07-11T00:00:00Z', 'ar', 'h1');
INSERT INTO entities VALUES ('iraq', 'location', 'country', 'Iraq', 'العراق', '[]', 'Q796');
INSERT INTO entities VALUES ('baghdad', 'location', 'city', 'Baghdad', 'بغداد', '[]', 'Q1530');
INSERT INTO aliases VALUES ('iraq', 'iraq'), ('العراق', 'iraq');
INSERT INTO mentions VALUES ('a1', 'iraq', 2, '["العراق"]', '[0]');
INSERT INTO mentions VALUES ('a1', 'baghdad', 1, '["بغداد"]', '[0, 2]');
PRAGMA user_version = 1;
`

func TestOpenMigratesVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, schemaV1); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a version-1 store: %v", err)
	}
	// Version 8: the aggregates, counted from the migrated facts (Check
	// recounts them), which the projection reads.
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after migration: %q, %v", problems, err)
	}
	proj, err := s.Projection(ctx, graph.Filter{Edges: graph.SentenceEdges})
	if err != nil {
		t.Fatal(err)
	}
	if len(proj.Entities) != 2 || proj.Entities[1].ID != "iraq" || proj.Entities[1].Mentions != 2 ||
		len(proj.Edges) != 1 || proj.Edges[0].A != "baghdad" || proj.Edges[0].Articles != 1 || proj.Edges[0].Sentences != 1 ||
		!proj.Edges[0].First.Equal(time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("migrated projection %+v, want baghdad and iraq (2 mentions), one edge of 1 article, 1 sentence, 2021-07-11", proj)
	}
	// The old mention is kept, without spans.
	p, err := s.Entity(ctx, "iraq", graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles != 1 || p.Mentions != 2 || len(p.Methods) != 0 || len(p.Surfaces) != 0 || p.Wikidata != "Q796" {
		t.Errorf("migrated profile %+v, want 1 article, 2 mentions, no spans", p)
	}
	// Rewritten, it keeps them.
	d := graph.Document{
		Article:  graph.Article{ID: "a1", Hash: "h2", Published: p.First},
		Entities: []graph.Entity{p.Entity},
		Mentions: []graph.Mention{{EntityID: "iraq", Count: 1, Surfaces: []string{"العراقي"}, Sentences: []int{0},
			Spans: []graph.Span{{Start: 3, End: 17, Sentence: 0, Surface: "العراقي", Method: "adjective"}}}},
		Sentences: []graph.SentenceText{{Index: 0, Text: "في العراقي"}},
	}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	p, err = s.Entity(ctx, "iraq", graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Mentions != 1 || p.Methods["adjective"] != 1 || len(p.Surfaces) != 1 || p.Surfaces[0] != (graph.SurfaceCount{Surface: "العراقي", Count: 1}) {
		t.Errorf("profile after rewriting %+v", p)
	}
	s.Close()

	db, err = sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var version int
	var spans string
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version != 11 {
		t.Errorf("user_version after migration = %d, %v; want 11", version, err)
	}
	// Version 7: the sentence texts, kept once the article is written again.
	var sentence string
	if err := db.QueryRowContext(ctx, "SELECT text FROM sentences WHERE article_id = 'a1' AND sentence = 0").Scan(&sentence); err != nil || sentence != "في العراقي" {
		t.Errorf("stored sentence %q, %v; want في العراقي", sentence, err)
	}
	// Version 6: the text fingerprint, unknown for articles written before.
	var text string
	if err := db.QueryRowContext(ctx, "SELECT text FROM articles WHERE id = 'a1'").Scan(&text); err != nil || text != "" {
		t.Errorf("migrated text fingerprint %q, %v; want empty", text, err)
	}
	// Version 5: the article's input, recorded when it is written again.
	var input string
	if err := db.QueryRowContext(ctx, "SELECT input FROM articles WHERE id = 'a1'").Scan(&input); err != nil || input != "" {
		t.Errorf("migrated input %q, %v; want empty", input, err)
	}
	if err := db.QueryRowContext(ctx, "SELECT spans FROM mentions WHERE article_id = 'a1'").Scan(&spans); err != nil ||
		spans != `[{"start":3,"end":17,"sentence":0,"surface":"العراقي","method":"adjective"}]` {
		t.Errorf("stored spans %s, %v", spans, err)
	}
	// A second open finds the current version and changes nothing.
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

func TestOpenRefusesNewerVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v11.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (x); PRAGMA user_version = 12"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := sqlite.Open(ctx, path)
	if err == nil {
		s.Close()
		t.Fatal("opened a store of a newer schema version")
	}
	if !strings.Contains(err.Error(), "schema version 12") {
		t.Errorf("error %v, want one naming the version", err)
	}
}

// schemaV3 is the DDL of schema version 3, before relations and the
// mention_sentences rows.
const schemaV3 = `
CREATE TABLE articles (
	id        TEXT PRIMARY KEY,
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	published TEXT,
	lang      TEXT NOT NULL DEFAULT '',
	hash      TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE entities (
	id       TEXT PRIMARY KEY,
	type     TEXT NOT NULL,
	kind     TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL DEFAULT '',
	name_ar  TEXT NOT NULL DEFAULT '',
	aliases  TEXT NOT NULL DEFAULT '[]',
	wikidata TEXT NOT NULL DEFAULT '',
	parent   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE aliases (
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX aliases_entity ON aliases(entity_id);
CREATE TABLE mentions (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity_id  TEXT NOT NULL REFERENCES entities(id),
	count      INTEGER NOT NULL,
	surfaces   TEXT NOT NULL DEFAULT '[]',
	sentences  TEXT NOT NULL DEFAULT '[]',
	spans      TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
INSERT INTO articles VALUES ('a1', '', 'src', 'Title', '2021-07-11T00:00:00Z', 'ar', 'h1');
INSERT INTO entities VALUES ('iraq', 'location', '', 'Iraq', '', '[]', '', ''),
	('iran', 'location', '', 'Iran', '', '[]', '', ''),
	('syria', 'location', '', 'Syria', '', '[]', '', '');
INSERT INTO mentions VALUES ('a1', 'iraq', 3, '[]', '[0,2,5]', '[]'),
	('a1', 'iran', 2, '[]', '[2,5]', '[]'),
	('a1', 'syria', 1, '[]', '[1]', '[]');
PRAGMA user_version = 3;
`

// TestOpenMigratesVersion3 checks that the migration to version 4 fills the
// sentence rows from the mentions' JSON, so that sentence-level edges of an
// old store are right without a re-ingest, and that relations can then be
// written.
func TestOpenMigratesVersion3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, schemaV3); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a version-3 store: %v", err)
	}
	defer s.Close()
	edges := func(level graph.EdgeLevel) string {
		t.Helper()
		p, err := s.Projection(ctx, graph.Filter{Edges: level})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range p.Edges {
			out = append(out, fmt.Sprintf("%s–%s %d/%d", e.A, e.B, e.Articles, e.Sentences))
		}
		return strings.Join(out, " ")
	}
	// Iran and Iraq share sentences 2 and 5; Syria, alone in sentence 1,
	// shares the article only.
	if got, want := edges(graph.ArticleEdges), "iran–iraq 1/2 iran–syria 1/0 iraq–syria 1/0"; got != want {
		t.Errorf("article edges after migration %q, want %q", got, want)
	}
	if got, want := edges(graph.SentenceEdges), "iran–iraq 1/2"; got != want {
		t.Errorf("sentence edges after migration %q, want %q", got, want)
	}
	z, err := s.Size(ctx)
	if err != nil || z.Relations != 0 {
		t.Errorf("Size after migration = %+v, %v; want no relations", z, err)
	}
	d := graph.Document{
		Article:   graph.Article{ID: "a1", Hash: "h2"},
		Entities:  []graph.Entity{{ID: "iraq", Type: graph.Location}, {ID: "iran", Type: graph.Location}},
		Mentions:  []graph.Mention{{EntityID: "iraq", Count: 1, Sentences: []int{0}}, {EntityID: "iran", Count: 1, Sentences: []int{0}}},
		Relations: []graph.Relation{{Type: graph.Attacks, Subject: "iran", Object: "iraq", Directed: true}},
	}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatalf("write a relation to a migrated store: %v", err)
	}
	if got, want := edges(graph.TypedEdges), "iran–iraq 1/1"; got != want {
		t.Errorf("typed edges after rewriting %q, want %q", got, want)
	}
}

// TestConcurrentCreate opens one new store path from several handles at
// once, as a query started beside the first ingest does. Each handle is its
// own sql.DB, so they contend through SQLite's file locks just as two
// processes would. Every open must succeed: none may see the tables another
// is creating before its schema version is set and take the file for a
// foreign one.
func TestConcurrentCreate(t *testing.T) {
	ctx := context.Background()
	for round := range 20 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("g%d.db", round))
		const handles = 6
		errs := make(chan error, handles)
		for range handles {
			go func() {
				s, err := sqlite.Open(ctx, path)
				if err == nil {
					err = s.Close()
				}
				errs <- err
			}()
		}
		for range handles {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}
