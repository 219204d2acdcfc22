package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/norm"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// schemaVersion is stored in PRAGMA user_version. Older versions are
// migrated when opened (see migrations); a newer one is refused rather than
// misread.
const schemaVersion = 3

const schema = `
CREATE TABLE IF NOT EXISTS articles (
	id        TEXT PRIMARY KEY,
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	published TEXT,              -- RFC 3339 UTC, NULL when unknown
	lang      TEXT NOT NULL DEFAULT '',
	hash      TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
	id       TEXT PRIMARY KEY,
	type     TEXT NOT NULL,
	kind     TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL DEFAULT '',
	name_ar  TEXT NOT NULL DEFAULT '',
	aliases  TEXT NOT NULL DEFAULT '[]', -- JSON array
	wikidata TEXT NOT NULL DEFAULT '',
	parent   TEXT NOT NULL DEFAULT ''    -- the ID of the entity it belongs to
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS aliases (
	key       TEXT NOT NULL,     -- norm.Key of a name or alias
	entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_entity ON aliases(entity_id);
CREATE TABLE IF NOT EXISTS mentions (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity_id  TEXT NOT NULL REFERENCES entities(id),
	count      INTEGER NOT NULL,
	surfaces   TEXT NOT NULL DEFAULT '[]', -- JSON array
	sentences  TEXT NOT NULL DEFAULT '[]', -- JSON array
	spans      TEXT NOT NULL DEFAULT '[]', -- JSON array of {start, end, sentence, surface, method}
	PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, article_id);
`

// Store is a graph.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
}

var _ graph.Store = (*Store)(nil)

// Backend serves plain file paths.
func Backend() graph.Backend {
	return graph.Backend{
		Name: "sqlite",
		Open: func(ctx context.Context, location string) (graph.Store, error) { return Open(ctx, location) },
	}
}

// Open opens or creates the store file at path.
func Open(ctx context.Context, path string) (*Store, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("open store %s: is a directory, want a file path", path)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One connection: the store is used by one goroutine, and it keeps
	// transactions and pragmas on a single SQLite handle.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("not a readable SQLite file: %w", err)
	}
	switch {
	case version == schemaVersion:
		return nil
	case version > 0 && version < schemaVersion:
		return s.upgrade(ctx, version)
	case version == 0:
		var tables int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables); err != nil {
			return err
		}
		if tables > 0 {
			return errors.New("an SQLite file that is not a newsgraph store; choose another --store path")
		}
	default:
		return fmt.Errorf("store schema version %d, this newsgraph reads versions up to %d", version, schemaVersion)
	}
	if _, err := s.db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	_, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion))
	return err
}

// migrations[v] takes a version-v store to version v+1.
var migrations = map[int][]string{
	// Version 2 keeps every occurrence's span and method. Mentions written
	// before have none until their articles are written again.
	1: {`ALTER TABLE mentions ADD COLUMN spans TEXT NOT NULL DEFAULT '[]'`},
	// Version 3 links an entity to the one it belongs to.
	2: {`ALTER TABLE entities ADD COLUMN parent TEXT NOT NULL DEFAULT ''`},
}

// upgrade migrates a store from version to schemaVersion, one version at a
// time, each in a transaction with its user_version.
func (s *Store) upgrade(ctx context.Context, version int) error {
	for v := version; v < schemaVersion; v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for _, q := range migrations[v] {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrate schema version %d to %d: %w", v, v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate schema version %d to %d: %w", v, v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate schema version %d to %d: %w", v, v+1, err)
		}
	}
	return nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Apply implements graph.Store.
func (s *Store) Apply(ctx context.Context, docs []graph.Document) error {
	if len(docs) == 0 {
		return nil
	}
	if err := graph.Validate(docs); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	stmts, err := prepare(ctx, tx, map[string]string{
		"delMentions": `DELETE FROM mentions WHERE article_id = ?`,
		"article": `INSERT INTO articles (id, url, source, title, published, lang, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET url = excluded.url, source = excluded.source, title = excluded.title,
			published = excluded.published, lang = excluded.lang, hash = excluded.hash`,
		"entity": `INSERT INTO entities (id, type, kind, name, name_ar, aliases, wikidata, parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET type = excluded.type, kind = excluded.kind, name = excluded.name,
			name_ar = excluded.name_ar, aliases = excluded.aliases, wikidata = excluded.wikidata, parent = excluded.parent`,
		"delAliases": `DELETE FROM aliases WHERE entity_id = ?`,
		"alias":      `INSERT OR IGNORE INTO aliases (key, entity_id) VALUES (?, ?)`,
		"mention":    `INSERT INTO mentions (article_id, entity_id, count, surfaces, sentences, spans) VALUES (?, ?, ?, ?, ?, ?)`,
	})
	if err != nil {
		return err
	}
	defer closeAll(stmts)

	// Entities shared by many documents are written once per batch; the
	// last document's version of an entity wins, as it would one at a time.
	entities := make(map[string]graph.Entity)
	for _, d := range docs {
		for _, e := range d.Entities {
			entities[e.ID] = e
		}
	}
	ids := make([]string, 0, len(entities))
	for id := range entities {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := entities[id]
		if err := writeEntity(ctx, stmts, e); err != nil {
			return fmt.Errorf("write entity %s: %w", e.ID, err)
		}
	}
	for _, d := range docs {
		a := d.Article
		if _, err := stmts["delMentions"].ExecContext(ctx, a.ID); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		if _, err := stmts["article"].ExecContext(ctx, a.ID, a.URL, a.Source, a.Title, formatTime(a.Published), a.Lang, a.Hash); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		for _, m := range d.Mentions {
			if _, err := stmts["mention"].ExecContext(ctx, a.ID, m.EntityID, m.Count, mustJSON(m.Surfaces), mustJSON(m.Sentences), spansJSON(m.Spans)); err != nil {
				return fmt.Errorf("write article %s mention %s: %w", a.ID, m.EntityID, err)
			}
		}
	}
	if err := deleteOrphans(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

func writeEntity(ctx context.Context, stmts map[string]*sql.Stmt, e graph.Entity) error {
	if _, err := stmts["entity"].ExecContext(ctx, e.ID, string(e.Type), e.Kind, e.Name, e.NameAr, mustJSON(e.Aliases), e.Wikidata, e.Parent); err != nil {
		return err
	}
	if _, err := stmts["delAliases"].ExecContext(ctx, e.ID); err != nil {
		return err
	}
	for _, k := range e.Keys() {
		if _, err := stmts["alias"].ExecContext(ctx, k, e.ID); err != nil {
			return err
		}
	}
	return nil
}

// deleteOrphans removes entities no article mentions any more.
func deleteOrphans(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)`)
	if err != nil {
		return fmt.Errorf("delete orphan entities: %w", err)
	}
	return nil
}

// Delete implements graph.Store.
func (s *Store) Delete(ctx context.Context, articleIDs []string) error {
	if len(articleIDs) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `DELETE FROM articles WHERE id = ?`) // mentions cascade
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range articleIDs {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("delete article %s: %w", id, err)
		}
	}
	if err := deleteOrphans(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Fingerprints implements graph.Store.
func (s *Store) Fingerprints(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, hash FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	defer rows.Close()
	fps := make(map[string]string)
	for rows.Next() {
		var id, hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return nil, fmt.Errorf("read fingerprints: %w", err)
		}
		fps[id] = hash
	}
	return fps, rows.Err()
}

// articleFilter returns the WHERE clause (over alias a) and its arguments.
// Only fixed SQL fragments and placeholders are concatenated.
func articleFilter(f graph.Filter) (string, []any) {
	conds := []string{"1 = 1"}
	var args []any
	if !f.Since.IsZero() {
		conds = append(conds, "a.published >= ?")
		args = append(args, formatTime(f.Since))
	}
	if !f.Until.IsZero() {
		conds = append(conds, "a.published < ?")
		args = append(args, formatTime(f.Until))
	}
	if len(f.Langs) > 0 {
		conds = append(conds, "a.lang IN ("+placeholders(len(f.Langs))+")")
		for _, l := range f.Langs {
			args = append(args, l)
		}
	}
	if len(f.Sources) > 0 {
		conds = append(conds, "a.source IN ("+placeholders(len(f.Sources))+")")
		for _, src := range f.Sources {
			args = append(args, src)
		}
	}
	return strings.Join(conds, " AND "), args
}

func typeFilter(f graph.Filter) (string, []any) {
	if len(f.Types) == 0 {
		return "1 = 1", nil
	}
	args := make([]any, len(f.Types))
	for i, t := range f.Types {
		args[i] = string(t)
	}
	return "e.type IN (" + placeholders(len(f.Types)) + ")", args
}

// Projection implements graph.Store.
func (s *Store) Projection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	aw, aargs := articleFilter(f)
	tw, targs := typeFilter(f)
	args := append(append([]any{}, aargs...), targs...)
	// fm: the (article, entity) facts that pass the filter.
	with := `WITH fm AS (
		SELECT m.article_id, m.entity_id, m.count, a.published FROM mentions m
		JOIN articles a ON a.id = m.article_id
		JOIN entities e ON e.id = m.entity_id
		WHERE ` + aw + ` AND ` + tw + `)`

	p := &graph.Projection{}
	rows, err := s.db.QueryContext(ctx, with+`
		SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent, count(*), sum(fm.count), min(fm.published), max(fm.published)
		FROM fm JOIN entities e ON e.id = fm.entity_id
		GROUP BY e.id ORDER BY e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}
	for rows.Next() {
		var pe graph.ProjectedEntity
		var typ, aliases string
		var first, last sql.NullString
		if err := rows.Scan(&pe.ID, &typ, &pe.Kind, &pe.Name, &pe.NameAr, &aliases, &pe.Wikidata, &pe.Parent, &pe.Articles, &pe.Mentions, &first, &last); err != nil {
			rows.Close()
			return nil, fmt.Errorf("projection entities: %w", err)
		}
		pe.Type = graph.EntityType(typ)
		if err := json.Unmarshal([]byte(aliases), &pe.Aliases); err != nil {
			rows.Close()
			return nil, fmt.Errorf("projection entities: entity %s aliases: %w", pe.ID, err)
		}
		pe.First, pe.Last = parseTime(first), parseTime(last)
		p.Entities = append(p.Entities, pe)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}

	rows, err = s.db.QueryContext(ctx, with+`
		SELECT m1.entity_id, m2.entity_id, count(*), min(m1.published), max(m1.published)
		FROM fm m1 JOIN fm m2 ON m2.article_id = m1.article_id AND m1.entity_id < m2.entity_id
		GROUP BY m1.entity_id, m2.entity_id ORDER BY m1.entity_id, m2.entity_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("projection edges: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e graph.Edge
		var first, last sql.NullString
		if err := rows.Scan(&e.A, &e.B, &e.Articles, &first, &last); err != nil {
			return nil, fmt.Errorf("projection edges: %w", err)
		}
		e.First, e.Last = parseTime(first), parseTime(last)
		p.Edges = append(p.Edges, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("projection edges: %w", err)
	}
	return p, nil
}

// Evidence implements graph.Store.
func (s *Store) Evidence(ctx context.Context, a, b string, limit int) ([]graph.Evidence, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT ar.id, ar.title, ar.url, ar.source, ar.published FROM articles ar
		JOIN mentions m1 ON m1.article_id = ar.id AND m1.entity_id = ?
		JOIN mentions m2 ON m2.article_id = ar.id AND m2.entity_id = ?
		ORDER BY ar.published IS NULL, ar.published DESC, ar.id
		LIMIT ?`, a, b, limit)
	if err != nil {
		return nil, fmt.Errorf("evidence %s–%s: %w", a, b, err)
	}
	defer rows.Close()
	var ev []graph.Evidence
	for rows.Next() {
		var e graph.Evidence
		var published sql.NullString
		if err := rows.Scan(&e.ArticleID, &e.Title, &e.URL, &e.Source, &published); err != nil {
			return nil, fmt.Errorf("evidence %s–%s: %w", a, b, err)
		}
		e.Published = parseTime(published)
		ev = append(ev, e)
	}
	return ev, rows.Err()
}

// spanJSON is how a graph.Span is kept in mentions.spans.
type spanJSON struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
	Surface  string `json:"surface"`
	Method   string `json:"method"`
}

func spansJSON(spans []graph.Span) string {
	out := make([]spanJSON, len(spans))
	for i, sp := range spans {
		out[i] = spanJSON{Start: sp.Start, End: sp.End, Sentence: sp.Sentence, Surface: sp.Surface, Method: sp.Method}
	}
	return mustJSON(out)
}

// Entity implements graph.Store.
func (s *Store) Entity(ctx context.Context, id string, f graph.Filter) (*graph.EntityProfile, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	defer tx.Rollback() // read only: nothing to commit

	p := &graph.EntityProfile{Methods: map[string]int{}}
	var typ, aliases string
	err = tx.QueryRowContext(ctx, `SELECT id, type, kind, name, name_ar, aliases, wikidata, parent FROM entities WHERE id = ?`, id).
		Scan(&p.ID, &typ, &p.Kind, &p.Name, &p.NameAr, &aliases, &p.Wikidata, &p.Parent)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %s: %w", id, graph.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	p.Type = graph.EntityType(typ)
	if err := json.Unmarshal([]byte(aliases), &p.Aliases); err != nil {
		return nil, fmt.Errorf("entity %s: aliases: %w", id, err)
	}

	aw, aargs := articleFilter(f)
	args := append([]any{id}, aargs...)
	// fm: the entity's mentions in the articles that pass the filter.
	with := `WITH fm AS (
		SELECT m.article_id, m.count, m.spans, a.published FROM mentions m
		JOIN articles a ON a.id = m.article_id
		WHERE m.entity_id = ? AND ` + aw + `)`

	var first, last sql.NullString
	if err := tx.QueryRowContext(ctx, with+`
		SELECT count(*), coalesce(sum(fm.count), 0), min(fm.published), max(fm.published) FROM fm`, args...).
		Scan(&p.Articles, &p.Mentions, &first, &last); err != nil {
		return nil, fmt.Errorf("entity %s: counts: %w", id, err)
	}
	p.First, p.Last = parseTime(first), parseTime(last)

	rows, err := tx.QueryContext(ctx, with+`
		SELECT json_extract(j.value, '$.method'), json_extract(j.value, '$.surface'), count(*)
		FROM fm, json_each(fm.spans) j
		GROUP BY 1, 2`, args...)
	if err != nil {
		return nil, fmt.Errorf("entity %s: spans: %w", id, err)
	}
	surfaces := map[string]int{}
	for rows.Next() {
		var method, surface sql.NullString
		var n int
		if err := rows.Scan(&method, &surface, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entity %s: spans: %w", id, err)
		}
		p.Methods[method.String] += n
		surfaces[surface.String] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity %s: spans: %w", id, err)
	}
	for sf, n := range surfaces {
		p.Surfaces = append(p.Surfaces, graph.SurfaceCount{Surface: sf, Count: n})
	}

	tw, targs := typeFilter(f)
	rows, err = tx.QueryContext(ctx, with+`
		SELECT e.id, e.type, e.name, e.name_ar, count(*) FROM fm
		JOIN mentions m2 ON m2.article_id = fm.article_id AND m2.entity_id <> ?
		JOIN entities e ON e.id = m2.entity_id
		WHERE `+tw+`
		GROUP BY e.id`, append(append(args, id), targs...)...)
	if err != nil {
		return nil, fmt.Errorf("entity %s: neighbours: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var n graph.Neighbor
		var typ string
		if err := rows.Scan(&n.ID, &typ, &n.Name, &n.NameAr, &n.Articles); err != nil {
			return nil, fmt.Errorf("entity %s: neighbours: %w", id, err)
		}
		n.Type = graph.EntityType(typ)
		p.Neighbors = append(p.Neighbors, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity %s: neighbours: %w", id, err)
	}
	graph.SortProfile(p)
	return p, nil
}

// Resolve implements graph.Store.
func (s *Store) Resolve(ctx context.Context, name string) ([]graph.Entity, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, type, kind, name, name_ar, aliases, wikidata, parent FROM entities
		WHERE id = ? OR id IN (SELECT entity_id FROM aliases WHERE key = ?)
		ORDER BY id`, name, norm.Key(name))
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	defer rows.Close()
	ents := []graph.Entity{}
	for rows.Next() {
		var e graph.Entity
		var typ, aliases string
		if err := rows.Scan(&e.ID, &typ, &e.Kind, &e.Name, &e.NameAr, &aliases, &e.Wikidata, &e.Parent); err != nil {
			return nil, fmt.Errorf("resolve %q: %w", name, err)
		}
		e.Type = graph.EntityType(typ)
		if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
			return nil, fmt.Errorf("resolve %q: entity %s aliases: %w", name, e.ID, err)
		}
		ents = append(ents, e)
	}
	return ents, rows.Err()
}

const timeLayout = "2006-01-02T15:04:05Z"

func formatTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only slices of strings and ints reach here
	}
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

func prepare(ctx context.Context, tx *sql.Tx, queries map[string]string) (map[string]*sql.Stmt, error) {
	stmts := make(map[string]*sql.Stmt, len(queries))
	for name, q := range queries {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			closeAll(stmts)
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		stmts[name] = st
	}
	return stmts, nil
}

func closeAll(stmts map[string]*sql.Stmt) {
	for _, st := range stmts {
		st.Close()
	}
}

// Size implements graph.Store. SQLite counts the distinct co-mention pairs
// itself, in its own temporary storage.
func (s *Store) Size(ctx context.Context) (graph.Size, error) {
	var z graph.Size
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM (SELECT 1 FROM mentions m1
			JOIN mentions m2 ON m2.article_id = m1.article_id AND m1.entity_id < m2.entity_id
			GROUP BY m1.entity_id, m2.entity_id))`).Scan(&z.Articles, &z.Entities, &z.Edges)
	if err != nil {
		return z, fmt.Errorf("count the graph: %w", err)
	}
	return z, nil
}

// Relations implements graph.Store.
func (s *Store) Relations(ctx context.Context, id string, f graph.Filter) ([]graph.RelationEvidence, error) {
	return nil, errors.New("relations: not implemented yet")
}
