package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"

	sqlitedriver "modernc.org/sqlite" // registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"
)

// schemaVersion is stored in PRAGMA user_version. Older versions are
// migrated when opened (see migrations); a newer one is refused rather than
// misread.
const schemaVersion = 11

const schema = `
CREATE TABLE IF NOT EXISTS articles (
	id        TEXT PRIMARY KEY,
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	published TEXT,              -- RFC 3339 UTC, NULL when unknown
	lang      TEXT NOT NULL DEFAULT '',
	hash      TEXT NOT NULL,
	input     TEXT NOT NULL DEFAULT '', -- the file path or URL it was read from
	text      TEXT NOT NULL DEFAULT ''  -- graph.Article.Text: the fingerprint of its title and body
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
	entity     TEXT NOT NULL DEFAULT '',   -- the entity as this article gave it (JSON), see deriveEntities
	PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, article_id);
` + schemaV4 + schemaV5 + schemaV7 + schemaV8 + schemaV9 + schemaV10 + schemaV11

// schemaV4 adds typed relations and the sentences of mentions as rows. Every
// statement must also work on a version-3 file (see migrations).
const schemaV4 = `
CREATE TABLE IF NOT EXISTS relations (
	article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,  -- its index in Document.Relations
	type          TEXT NOT NULL,
	subject       TEXT NOT NULL REFERENCES entities(id),
	object        TEXT REFERENCES entities(id), -- NULL for STATEMENT
	directed      INTEGER NOT NULL,
	negated       INTEGER NOT NULL,
	sentence      INTEGER NOT NULL,
	text          TEXT NOT NULL,
	text_start    INTEGER NOT NULL,
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	subject_start INTEGER NOT NULL,
	subject_end   INTEGER NOT NULL,
	object_start  INTEGER NOT NULL,
	object_end    INTEGER NOT NULL,
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relations_subject ON relations(subject);
CREATE INDEX IF NOT EXISTS relations_object ON relations(object);
-- One row per sentence a mention occurs in: mentions.sentences as rows, so
-- that sentence-level edges are an indexed self-join rather than one over
-- JSON (4× faster on ar-news-2022).
CREATE TABLE IF NOT EXISTS mention_sentences (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence   INTEGER NOT NULL,
	entity_id  TEXT NOT NULL,
	PRIMARY KEY (article_id, sentence, entity_id)
) WITHOUT ROWID;
`

// schemaV5 adds the run history and the store's metadata: a generation
// counter that every write bumps, and what Size last counted at which
// generation. (articles.input, also new, is added by the migration.)
const schemaV5 = `
CREATE TABLE IF NOT EXISTS runs (
	id        TEXT PRIMARY KEY,
	started   TEXT NOT NULL,      -- RFC 3339 UTC
	finished  TEXT,               -- NULL while running
	status    TEXT NOT NULL,
	inputs    TEXT NOT NULL DEFAULT '[]', -- JSON array
	version   TEXT NOT NULL DEFAULT '',
	owner     TEXT NOT NULL DEFAULT '',
	read      INTEGER NOT NULL DEFAULT 0,
	new       INTEGER NOT NULL DEFAULT 0,
	changed   INTEGER NOT NULL DEFAULT 0,
	unchanged INTEGER NOT NULL DEFAULT 0,
	removed   INTEGER NOT NULL DEFAULT 0,
	failed    INTEGER NOT NULL DEFAULT 0,
	errors    TEXT NOT NULL DEFAULT '[]'  -- JSON array
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS runs_started ON runs(started);
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
`

// schemaV7 keeps the text of the sentences that name two or more entities
// (graph.Document.Sentences), which evidence quotes.
const schemaV7 = `
CREATE TABLE IF NOT EXISTS sentences (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence   INTEGER NOT NULL, -- its index; the title is 0
	text       TEXT NOT NULL,
	PRIMARY KEY (article_id, sentence)
) WITHOUT ROWID;
`

// schemaV9 keeps, with each relation, the pattern the extractor read it by
// (graph.Relation.Pattern) and its confidence (graph.Relation.Confidence,
// NULL when not measured). Relations stored before have an empty pattern
// and a NULL confidence until their articles are written again.
const schemaV9 = `
ALTER TABLE relations ADD COLUMN pattern TEXT NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN confidence REAL; -- in [0, 1]; NULL: not measured
`

// Store is a graph.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	// readOnly marks a store OpenReadOnly opened: SetDerived writes its
	// cache through a connection of its own, where the file allows it.
	readOnly bool
}

var (
	_ graph.Store          = (*Store)(nil)
	_ graph.Locker         = (*Store)(nil)
	_ graph.RunLog         = (*Store)(nil)
	_ graph.RunProgressor  = (*Store)(nil)
	_ graph.InputLister    = (*Store)(nil)
	_ graph.TextLister     = (*Store)(nil)
	_ graph.ArticleIndexer = (*Store)(nil)
)

// Backend serves plain file paths.
func Backend() graph.Backend {
	return graph.Backend{
		Name: "sqlite",
		Open: func(ctx context.Context, location string) (graph.Store, error) { return Open(ctx, location) },
		OpenReadOnly: func(ctx context.Context, location string) (graph.Store, error) {
			return OpenReadOnly(ctx, location)
		},
	}
}

// Open opens or creates the store file at path. A new store file is created
// by SQLite with mode 0644 (less the umask), as are its -wal and -shm files.
//
// The store, its journal files (-wal, -shm, -journal) and its lock file must
// not be symbolic links or other non-regular files: Open refuses them with an
// error naming the path, so whoever can write the store's folder cannot make a
// newsgraph run write through a planted link.
func Open(ctx context.Context, path string) (*Store, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("open store %s: is a directory, want a file path", path)
	}
	if err := checkFiles(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// An 8 MiB page cache (SQLite's default is 2): the aggregate upserts of
	// an ingest revisit the pages of the indexes they touch. 32 MiB saved
	// little more CPU for 48 MB more peak RSS (docs/query-performance.md,
	// The write stage).
	db, err := sql.Open("sqlite", fileDSN(path,
		"_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-8192)"))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One connection: the store is used by one goroutine, and it keeps
	// transactions and pragmas on a single SQLite handle.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path}
	if err := s.migrateRetry(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// OpenReadOnly opens the store file at path for queries: SQLite's mode=ro,
// no schema change and no journal-mode switch, so a store in a folder or file
// this process cannot write is queried all the same. Where SQLite cannot read
// a WAL store read-only (no -shm file and no right to create one), it opens
// the file as immutable, which is safe because nobody without write access can
// change it either. A store of an older schema is opened by Open, to upgrade
// it; the file must exist.
// readMmapSize is how much of the store file a read-only store maps
// (SQLite's mmap_size): one-entity reads look pages up at random, which the
// map makes cheap. Scans of whole tables turn it off (scanTx).
const readMmapSize = 1 << 30

func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	} else if fi.IsDir() {
		return nil, fmt.Errorf("open store %s: is a directory, want a file path", path)
	}
	if err := checkFiles(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	var firstErr error
	for _, mode := range []string{"mode=ro", "mode=ro&immutable=1"} {
		db, err := sql.Open("sqlite", fileDSN(path, mode+
			"&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=mmap_size("+strconv.Itoa(readMmapSize)+")"))
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		db.SetMaxOpenConns(1)
		version, err := userVersion(ctx, db)
		if err != nil {
			db.Close()
			if firstErr == nil {
				firstErr = err
			}
			if mode == "mode=ro" && writable(path) {
				break // not a question of rights: say what SQLite said
			}
			continue
		}
		if version != schemaVersion {
			db.Close()
			s, err := Open(ctx, path) // upgrade, or refuse, as Open does
			if err != nil && version < schemaVersion && isReadOnly(err) {
				return nil, fmt.Errorf("open store %s: %w", path, &OldSchemaError{Version: version, Err: err})
			}
			return s, err
		}
		return &Store{db: db, path: path, readOnly: true}, nil
	}
	return nil, fmt.Errorf("open store %s: not a readable SQLite file: %w", path, firstErr)
}

// fileDSN is the driver's name for the store file at path, opened with the
// URI query (mode, pragmas).
func fileDSN(path, query string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + query
}

// writable reports whether this process may create files beside path (the
// -shm file of a WAL store).
func writable(path string) bool {
	f, err := os.CreateTemp(filepath.Dir(path), ".newsgraph-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}

// checkFiles refuses a store whose file, journal files or lock file exist as
// anything but regular files (a symbolic link above all).
func checkFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal", path + ".lock"} {
		fi, err := os.Lstat(p)
		if err != nil {
			continue // absent: SQLite or Lock creates it
		}
		if fi.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link; refusing to follow it (give the store's real path, or remove the link if it is not yours)", p)
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file (%v); refusing to use it", p, fi.Mode().Type())
		}
	}
	return nil
}

// openBusyTimeout bounds how long Open waits for other processes that are
// creating, upgrading or switching the same new file to WAL, the same
// bound busy_timeout sets on every statement.
const openBusyTimeout = 10 * time.Second

// migrateRetry runs migrate until it is not refused for a busy file.
// SQLite does not call its busy handler for every lock a new file needs —
// switching a file another connection has just created to WAL returns
// SQLITE_BUSY at once — so Open retries those itself.
func (s *Store) migrateRetry(ctx context.Context) error {
	deadline := time.Now().Add(openBusyTimeout)
	for {
		err := s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// OldSchemaError is a store of an older schema version that this process
// cannot upgrade, because it may not write the file or its folder: the
// upgrade is a one-time write that whoever owns the store must make.
type OldSchemaError struct {
	Version int
	Err     error // what SQLite said when asked to write
}

func (e *OldSchemaError) Error() string {
	return fmt.Sprintf("the store is of schema version %d and this newsgraph reads version %d: it upgrades the file once, "+
		"which needs the right to write it and its folder (run `newsgraph --store FILE check` once as its owner, or copy it somewhere you can write)",
		e.Version, schemaVersion)
}

func (e *OldSchemaError) Unwrap() error { return e.Err }

// isReadOnly reports whether err is SQLite's SQLITE_READONLY, under any of
// its extended codes, or SQLITE_CANTOPEN (a folder this process cannot
// write, where the journal would go).
func isReadOnly(err error) bool {
	var se *sqlitedriver.Error
	return errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_READONLY || se.Code()&0xff == sqlite3.SQLITE_CANTOPEN)
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, under any of its
// extended codes.
func isBusy(err error) bool {
	var se *sqlitedriver.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// migrate creates the schema of a new store or upgrades an older one.
// Both happen in one write transaction that reads the schema version again
// once it holds the lock: two processes opening a new path at once (the
// first ingest and a query beside it) would otherwise both see version 0,
// and the slower one would find the other's tables without a version and
// take the file for a foreign one.
func (s *Store) migrate(ctx context.Context) error {
	version, err := userVersion(ctx, s.db)
	if err != nil {
		return fmt.Errorf("not a readable SQLite file: %w", err)
	}
	if version == schemaVersion {
		return nil
	}
	if version > schemaVersion {
		return fmt.Errorf("store schema version %d, this newsgraph reads versions up to %d", version, schemaVersion)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// BEGIN IMMEDIATE takes the write lock now, waiting out busy_timeout,
	// rather than at the first write, where two readers that both want to
	// write would deadlock.
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("lock the store to create its schema: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	if version, err = userVersion(ctx, conn); err != nil {
		return fmt.Errorf("not a readable SQLite file: %w", err)
	}
	switch {
	case version == schemaVersion:
		// Another process created or upgraded it while this one waited.
	case version > schemaVersion:
		return fmt.Errorf("store schema version %d, this newsgraph reads versions up to %d", version, schemaVersion)
	case version > 0:
		for v := version; v < schemaVersion; v++ {
			for _, q := range migrations[v] {
				if _, err := conn.ExecContext(ctx, q); err != nil {
					return fmt.Errorf("migrate schema version %d to %d: %w", v, v+1, err)
				}
			}
		}
	default:
		var tables int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables); err != nil {
			return err
		}
		if tables > 0 {
			return errors.New("an SQLite file that is not a newsgraph store; choose another --store path")
		}
		if _, err := conn.ExecContext(ctx, schema); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return fmt.Errorf("set schema version %d: %w", schemaVersion, err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("create or upgrade schema: %w", err)
	}
	committed = true
	return nil
}

// userVersion reads the schema version SQLite keeps in the file header
// (0 for a new file).
func userVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrations[v] takes a version-v store to version v+1.
var migrations = map[int][]string{
	// Version 2 keeps every occurrence's span and method. Mentions written
	// before have none until their articles are written again.
	1: {`ALTER TABLE mentions ADD COLUMN spans TEXT NOT NULL DEFAULT '[]'`},
	// Version 3 links an entity to the one it belongs to.
	2: {`ALTER TABLE entities ADD COLUMN parent TEXT NOT NULL DEFAULT ''`},
	// Version 4 keeps typed relations, which older stores have none of until
	// their articles are written again, and the sentences of mentions as
	// rows, filled from the mentions' JSON.
	3: {schemaV4, `INSERT OR IGNORE INTO mention_sentences (article_id, sentence, entity_id)
		SELECT m.article_id, j.value, m.entity_id FROM mentions m, json_each(m.sentences) j`},
	// Version 5 records the input each article was read from ('' for
	// articles stored before, which the next ingest of them fills in),
	// the run history and the metadata.
	// Mentions keep the entity as their article gave it (see
	// deriveEntities); older ones have none until written again.
	4: {`ALTER TABLE articles ADD COLUMN input TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE mentions ADD COLUMN entity TEXT NOT NULL DEFAULT ''`, schemaV5},
	// Version 6 keeps each article's text fingerprint. It cannot be
	// computed from what older stores hold (they keep no bodies): their
	// articles have '' — which never matches a text — until written again.
	5: {`ALTER TABLE articles ADD COLUMN text TEXT NOT NULL DEFAULT ''`},
	// Version 7 keeps the texts of sentences naming two or more entities.
	// Older stores kept no text: their articles have none, and evidence
	// quotes only their relations, until they are written again.
	6: {schemaV7},
	// Version 8 keeps the co-mention aggregates projections read, counted
	// once here from the facts (seconds per thousand articles).
	7: append([]string{schemaV8}, fillAggregatesV8...),
	// Version 9 keeps each relation's pattern and confidence; older
	// relations have none ('' and NULL: shown as not measured) until their
	// articles are written again.
	8: {schemaV9},
	// Version 10 keys the co-mention aggregates by entity numbers
	// (schemaV10): the rows are renumbered, not recounted.
	9: {schemaV10},
	// Version 11 keeps the co-mention aggregates' dates as Unix seconds
	// (schemaV11): the rows are converted, not recounted.
	10: {schemaV11},
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
	g, err := s.group(ctx)
	if err != nil {
		return err
	}
	defer g.Rollback()
	if err := g.write(ctx, docs); err != nil {
		return err
	}
	return g.Commit(ctx)
}

// Group implements graph.Grouper.
func (s *Store) Group(ctx context.Context) (graph.Group, error) {
	return s.group(ctx)
}

// writeGroup is a write transaction over one or more Apply calls (see
// graph.Grouper): the facts are written as each call comes, and the
// aggregates and entities they change once, at Commit.
type writeGroup struct {
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	agg     *graph.AggregateDelta // what the group changes in the aggregates
	touched map[string]bool       // the entities to derive again at Commit
	end     func()                // gives the connection back (beginWrite)
	failed  error                 // the error of an Apply that wrote part of its call
	done    bool
}

var (
	_ graph.Grouper = (*Store)(nil)
	_ graph.Group   = (*writeGroup)(nil)
)

func (s *Store) group(ctx context.Context) (*writeGroup, error) {
	tx, end, err := s.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	stmts, err := prepare(ctx, tx, withEntityQueries(map[string]string{
		"delMentions":  `DELETE FROM mentions WHERE article_id = ?`,
		"delSentences": `DELETE FROM mention_sentences WHERE article_id = ?`,
		"delRelations": `DELETE FROM relations WHERE article_id = ?`,
		"delTexts":     `DELETE FROM sentences WHERE article_id = ?`,
		"article": `INSERT INTO articles (id, url, source, title, published, lang, hash, input, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET url = excluded.url, source = excluded.source, title = excluded.title,
			published = excluded.published, lang = excluded.lang, hash = excluded.hash, input = excluded.input,
			text = excluded.text`,
		// A placeholder row, so that the mentions may refer to it, until
		// deriveEntities writes the version the mentions give.
		"newEntity":    `INSERT INTO entities (id, type) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`,
		"oldEntities":  `SELECT entity_id FROM mentions WHERE article_id = ?`,
		"oldPublished": `SELECT published FROM articles WHERE id = ?`,
		"oldCounts":    `SELECT entity_id, count FROM mentions WHERE article_id = ?`,
		"oldSentences": `SELECT sentence, entity_id FROM mention_sentences WHERE article_id = ? ORDER BY sentence, entity_id`,
	}))
	if err != nil {
		tx.Rollback()
		end()
		return nil, err
	}
	return &writeGroup{tx: tx, stmts: stmts, agg: graph.NewAggregateDelta(), touched: map[string]bool{}, end: end}, nil
}

// Apply implements graph.Group. Documents are validated before anything is
// written, so a rejected batch (graph.ErrRejected) leaves the group as it
// was. Any other error leaves some of the call written: the group has then
// failed, and Commit rolls it back and returns an error, as Rollback does
// without one.
//
// There is no savepoint around a call: for one SQLite keeps the first
// version of every page the call changes, tens of thousands for a call of
// 500 documents at 100,000 articles, and kept in memory with the statement
// journals (temp_store, see beginWrite) that was 412 MB of peak RSS
// against 264.
func (g *writeGroup) Apply(ctx context.Context, docs []graph.Document) error {
	if g.failed != nil {
		return fmt.Errorf("write articles: %w: %w", errGroupFailed, g.failed)
	}
	if len(docs) == 0 {
		return nil
	}
	if err := graph.Validate(docs); err != nil {
		return err
	}
	if err := g.write(ctx, docs); err != nil {
		g.failed = err
		return err
	}
	return nil
}

// errGroupFailed is returned by a group's Apply and Commit after an Apply
// of it failed part-way.
var errGroupFailed = errors.New("an earlier write of this group failed, so it can only be rolled back")

// Commit implements graph.Group.
func (g *writeGroup) Commit(ctx context.Context) (err error) {
	if g.done {
		return errors.New("write articles: the group was already ended")
	}
	defer func() {
		if err != nil && !g.done {
			// An error from Commit loses the group (graph.Group): it is
			// rolled back here, so a second Commit cannot add its deltas
			// twice and the store's one connection is free again.
			g.Rollback()
		}
	}()
	if g.failed != nil {
		return fmt.Errorf("write articles: %w: %w", errGroupFailed, g.failed)
	}
	if err := writeAggregates(ctx, g.tx, g.agg); err != nil {
		return err
	}
	if err := deriveEntities(ctx, g.tx, g.stmts, g.touched); err != nil {
		return err
	}
	if err := deleteOrphans(ctx, g.tx, g.touched); err != nil {
		return err
	}
	if err := bumpGeneration(ctx, g.tx); err != nil {
		return err
	}
	closeAll(g.stmts)
	g.done = true
	defer g.end()
	return g.tx.Commit()
}

// Rollback implements graph.Group.
func (g *writeGroup) Rollback() error {
	if g.done {
		return nil
	}
	g.done = true
	closeAll(g.stmts)
	defer g.end()
	return g.tx.Rollback()
}

// beginWrite begins a write transaction on a connection that keeps its
// temporary files in memory (PRAGMA temp_store = MEMORY) until end is
// called, after the transaction ends. Those files are the statement
// journals of the statements of many rows (rowWriter), which SQLite writes
// to disk past 64 KiB: 2,000 articles into a store of 100,000 made 786,818
// pwrite calls with them on disk and 323,588 with them in memory, and an
// ingest took 35-50% less system CPU for 4 MB more peak RSS (strace -c and
// /usr/bin/time; docs/query-performance.md, "Statement journals in
// memory"). A statement's journal lasts as long as the statement, a few
// hundred rows.
// The default comes back at end because other work on the connection
// (Repair, migrations) sorts more than memory should hold.
func (s *Store) beginWrite(ctx context.Context) (tx *sql.Tx, end func(), err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	end = func() {
		if _, err := conn.ExecContext(context.Background(), `PRAGMA temp_store = DEFAULT`); err != nil {
			// Not back to the pool with its temporary files in memory:
			// the pool drops a connection that reports itself bad.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
		end()
		return nil, nil, err
	}
	if tx, err = conn.BeginTx(ctx, nil); err != nil {
		end()
		return nil, nil, err
	}
	return tx, end, nil
}

// write writes the facts of docs in the group's transaction, adding what
// they change to the group's delta and the entities they touch to its
// touched set.
func (g *writeGroup) write(ctx context.Context, docs []graph.Document) error {
	tx, stmts, agg, touched := g.tx, g.stmts, g.agg, g.touched
	// The rows of the articles' facts, written many to a statement.
	mentions := newRowWriter(tx, 7, insertRows(`INSERT INTO mentions (article_id, entity_id, count, surfaces, sentences, spans, entity)`, 7, ""))
	// OR IGNORE: a sentence listed twice is still one sentence.
	sentences := newRowWriter(tx, 3, insertRows(`INSERT OR IGNORE INTO mention_sentences (article_id, sentence, entity_id)`, 3, ""))
	texts := newRowWriter(tx, 3, insertRows(`INSERT INTO sentences (article_id, sentence, text)`, 3, ""))
	relations := newRowWriter(tx, 18, insertRows(`INSERT INTO relations (article_id, seq, type, subject, object, directed, negated, sentence, text, text_start,
			trigger_start, trigger_end, subject_start, subject_end, object_start, object_end, pattern, confidence)`, 18, ""))
	writers := []*rowWriter{relations, mentions, sentences, texts}
	defer func() {
		for _, w := range writers {
			w.close()
		}
	}()
	flush := func() error {
		// Mentions before relations, whose entities only mentions keep
		// alive (the foreign keys are checked per statement).
		for _, w := range []*rowWriter{mentions, sentences, texts, relations} {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
		return nil
	}

	// Every entity a batch touches — those its documents give, and those
	// the replaced versions mentioned — is derived from the mentions once
	// they are written (deriveEntities). Until then a new one is a
	// placeholder row, which the mentions' foreign key wants.
	entities := make(map[string]graph.Entity)
	for _, d := range docs {
		for _, e := range d.Entities {
			entities[e.ID] = e
			touched[e.ID] = true
		}
		if err := oldEntities(ctx, stmts["oldEntities"], d.Article.ID, touched); err != nil {
			return fmt.Errorf("write article %s: %w", d.Article.ID, err)
		}
	}
	ids := make([]string, 0, len(entities))
	for id := range entities {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, err := stmts["newEntity"].ExecContext(ctx, id, string(entities[id].Type)); err != nil {
			return fmt.Errorf("write entity %s: %w", id, err)
		}
	}
	written := make(map[string]bool, len(docs))
	for _, d := range docs {
		a := d.Article
		if written[a.ID] {
			// The same article twice in a batch: the second replaces
			// the first, whose rows must be in the store to be read.
			if err := flush(); err != nil {
				return fmt.Errorf("write article %s: %w", a.ID, err)
			}
		}
		written[a.ID] = true
		old, hadOld, err := readFacts(ctx, stmts, a.ID)
		if err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		agg.Replace(old, hadOld, docFacts(d), true)
		if hadOld {
			// Relations go first: they refer to entities that only
			// mentions keep alive.
			for _, del := range []string{"delRelations", "delSentences", "delTexts", "delMentions"} {
				if _, err := stmts[del].ExecContext(ctx, a.ID); err != nil {
					return fmt.Errorf("write article %s: %w", a.ID, err)
				}
			}
		}
		if _, err := stmts["article"].ExecContext(ctx, a.ID, a.URL, a.Source, a.Title, formatTime(a.Published), a.Lang, a.Hash, a.Input, a.Text); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		given := make(map[string]graph.Entity, len(d.Entities))
		for _, e := range d.Entities {
			given[e.ID] = e
		}
		for _, m := range d.Mentions {
			if err := mentions.add(ctx, a.ID, m.EntityID, m.Count, mustJSON(m.Surfaces), mustJSON(m.Sentences), spansJSON(m.Spans),
				entityJSON(given[m.EntityID])); err != nil {
				return fmt.Errorf("write article %s mention %s: %w", a.ID, m.EntityID, err)
			}
			for _, n := range m.Sentences {
				if err := sentences.add(ctx, a.ID, n, m.EntityID); err != nil {
					return fmt.Errorf("write article %s mention %s: %w", a.ID, m.EntityID, err)
				}
			}
		}
		for _, st := range d.Sentences {
			if err := texts.add(ctx, a.ID, st.Index, st.Text); err != nil {
				return fmt.Errorf("write article %s sentence %d: %w", a.ID, st.Index, err)
			}
		}
		for i, r := range d.Relations {
			var object, confidence any
			if r.Object != "" {
				object = r.Object
			}
			if r.Confidence > 0 {
				confidence = r.Confidence
			}
			if err := relations.add(ctx, a.ID, i, string(r.Type), r.Subject, object, r.Directed, r.Negated,
				r.Sentence, r.Text, r.TextStart, r.Trigger.Start, r.Trigger.End,
				r.SubjectSpan.Start, r.SubjectSpan.End, r.ObjectSpan.Start, r.ObjectSpan.End, r.Pattern, confidence); err != nil {
				return fmt.Errorf("write article %s relation %d: %w", a.ID, i, err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("write articles: %w", err)
	}
	return nil
}

// oldEntities adds the entities the stored version of an article mentions.
func oldEntities(ctx context.Context, stmt *sql.Stmt, articleID string, touched map[string]bool) error {
	rows, err := stmt.QueryContext(ctx, articleID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		touched[id] = true
	}
	return rows.Err()
}

// entityJSON is an entity as a mention keeps it.
func entityJSON(e graph.Entity) string {
	b, err := json.Marshal(e)
	if err != nil {
		panic(err) // strings only
	}
	return string(b)
}

// deriveEntities sets each touched entity to the version the article with
// the least ID that mentions it gave. Names found by rules are spelt as
// some article wrote them, so different articles give the same entity
// different names; taking the last one written would make the graph depend
// on the order of past writes, and a re-ingested graph differ from a fresh
// one. Entities no article mentions are left to deleteOrphans.
func deriveEntities(ctx context.Context, tx *sql.Tx, stmts map[string]*sql.Stmt, touched map[string]bool) error {
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// Each chunk of IDs is one query: the version of the article with the
	// least ID and the stored row, side by side. Most of a batch's entities
	// are already stored as derived; reading the row is cheaper than
	// writing it and its aliases.
	derive, err := tx.PrepareContext(ctx, `SELECT j.value,
			(SELECT m.entity FROM mentions m WHERE m.entity_id = j.value AND m.entity <> '' ORDER BY m.article_id LIMIT 1),
			e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent
		FROM json_each(?) j LEFT JOIN entities e ON e.id = j.value`)
	if err != nil {
		return err
	}
	defer derive.Close()
	type derived struct {
		id     string
		given  sql.NullString
		stored [7]sql.NullString
	}
	const chunk = 1000
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		rows, err := derive.QueryContext(ctx, mustJSON(part))
		if err != nil {
			return fmt.Errorf("derive entities: %w", err)
		}
		var got []derived
		for rows.Next() {
			var d derived
			st := &d.stored
			if err := rows.Scan(&d.id, &d.given, &st[0], &st[1], &st[2], &st[3], &st[4], &st[5], &st[6]); err != nil {
				rows.Close()
				return fmt.Errorf("derive entities: %w", err)
			}
			got = append(got, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("derive entities: %w", err)
		}
		// Written once the query is done: the query reads entities.
		for _, d := range got {
			if !d.given.Valid {
				continue // no article mentions it: deleteOrphans' to remove
			}
			var e graph.Entity
			if err := json.Unmarshal([]byte(d.given.String), &e); err != nil {
				return fmt.Errorf("entity %s: %w", d.id, err)
			}
			if d.stored[0].Valid {
				var stored [7]string
				for i, v := range d.stored {
					stored[i] = v.String
				}
				if stored == entityRow(e) {
					continue
				}
			}
			if err := writeEntity(ctx, stmts, e); err != nil {
				return fmt.Errorf("write entity %s: %w", d.id, err)
			}
		}
	}
	return nil
}

// bumpGeneration counts a write, in its transaction, so that what Size
// cached before it is not used after it.
func bumpGeneration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('generation', '1')
		ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`)
	if err != nil {
		return fmt.Errorf("count the write: %w", err)
	}
	return nil
}

// withEntityQueries adds to queries those of writeEntity and
// deriveEntities.
func withEntityQueries(queries map[string]string) map[string]string {
	queries["entity"] = `INSERT INTO entities (id, type, kind, name, name_ar, aliases, wikidata, parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET type = excluded.type, kind = excluded.kind, name = excluded.name,
			name_ar = excluded.name_ar, aliases = excluded.aliases, wikidata = excluded.wikidata, parent = excluded.parent`
	queries["delAliases"] = `DELETE FROM aliases WHERE entity_id = ?`
	queries["alias"] = `INSERT OR IGNORE INTO aliases (key, entity_id) VALUES (?, ?)`
	return queries
}

// entityRow is the columns of the entities row of e, after its ID, as
// writeEntity writes them. The aliases table follows from them (Keys).
func entityRow(e graph.Entity) [7]string {
	return [7]string{string(e.Type), e.Kind, e.Name, e.NameAr, mustJSON(e.Aliases), e.Wikidata, e.Parent}
}

func writeEntity(ctx context.Context, stmts map[string]*sql.Stmt, e graph.Entity) error {
	r := entityRow(e)
	if _, err := stmts["entity"].ExecContext(ctx, e.ID, r[0], r[1], r[2], r[3], r[4], r[5], r[6]); err != nil {
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

// deleteOrphans removes the entities of touched that no article mentions
// any more. Only an entity a replaced or deleted version mentioned, or one
// a document carried without mentioning it (a placeholder row), can be
// left with no mention, and touched holds both: looking among all the
// store's entities cost every group a pass over them (0.4 CPU s per 10,000
// articles into a store of 18,000 entities, in a profile; too little to
// show in wall time).
func deleteOrphans(ctx context.Context, tx *sql.Tx, touched map[string]bool) error {
	if len(touched) == 0 {
		return nil
	}
	ids := slices.Sorted(maps.Keys(touched))
	_, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id IN (SELECT value FROM json_each(?))
		AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)`, mustJSON(ids))
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
	tx, end, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer end()
	defer tx.Rollback()
	stmts, err := prepare(ctx, tx, withEntityQueries(map[string]string{
		"article":      `DELETE FROM articles WHERE id = ?`, // mentions, their sentences and relations cascade
		"oldEntities":  `SELECT entity_id FROM mentions WHERE article_id = ?`,
		"oldPublished": `SELECT published FROM articles WHERE id = ?`,
		"oldCounts":    `SELECT entity_id, count FROM mentions WHERE article_id = ?`,
		"oldSentences": `SELECT sentence, entity_id FROM mention_sentences WHERE article_id = ? ORDER BY sentence, entity_id`,
	}))
	if err != nil {
		return err
	}
	defer closeAll(stmts)
	touched := make(map[string]bool)
	agg := graph.NewAggregateDelta()
	for _, id := range articleIDs {
		old, hadOld, err := readFacts(ctx, stmts, id)
		if err != nil {
			return fmt.Errorf("delete article %s: %w", id, err)
		}
		agg.Replace(old, hadOld, graph.ArticleFacts{}, false)
		if err := oldEntities(ctx, stmts["oldEntities"], id, touched); err != nil {
			return fmt.Errorf("delete article %s: %w", id, err)
		}
		if _, err := stmts["article"].ExecContext(ctx, id); err != nil {
			return fmt.Errorf("delete article %s: %w", id, err)
		}
	}
	if err := writeAggregates(ctx, tx, agg); err != nil {
		return err
	}
	if err := deriveEntities(ctx, tx, stmts, touched); err != nil {
		return err
	}
	if err := deleteOrphans(ctx, tx, touched); err != nil {
		return err
	}
	if err := bumpGeneration(ctx, tx); err != nil {
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

// typeFilter returns a condition that entity alias e has one of f.Types,
// and its arguments.
func typeFilter(f graph.Filter, e string) (string, []any) {
	if len(f.Types) == 0 {
		return "1 = 1", nil
	}
	args := make([]any, len(f.Types))
	for i, t := range f.Types {
		args[i] = string(t)
	}
	return e + ".type IN (" + placeholders(len(f.Types)) + ")", args
}

// relationFilter returns a condition that relation alias r has one of
// f.Relations' types, and its arguments.
func relationFilter(f graph.Filter, r string) (string, []any) {
	if len(f.Relations) == 0 {
		return "1 = 1", nil
	}
	args := make([]any, len(f.Relations))
	for i, t := range f.Relations {
		args[i] = string(t)
	}
	return r + ".type IN (" + placeholders(len(f.Relations)) + ")", args
}

// Entities lists the entities the articles that pass f mention, with
// their counts within f, in ID order: a projection without its edges, for
// callers that need no edges (graph/cluster), at the cost of one scan of
// the mentions rather than the self-join edges take.
func (s *Store) Entities(ctx context.Context, f graph.Filter) ([]graph.ProjectedEntity, error) {
	if wholeStore(f) {
		return storedEntities(ctx, s.db, f)
	}
	return entities(ctx, s.db, f)
}

// entities returns the projection's entities under f, counted from the
// mentions of the articles that pass it.
func entities(ctx context.Context, q querier, f graph.Filter) ([]graph.ProjectedEntity, error) {
	aw, aargs := articleFilter(f)
	tw, targs := typeFilter(f, "e")
	// Article by article (CROSS JOIN fixes SQLite's join order): each
	// article's mentions lie together in the table, where the other order
	// reads the mentions_entity index and looks every mention and its
	// article up apart (the entities of a month of 100,000 articles:
	// 0.14 s against 9.1; of all of them, --lang ar: 1.9 against 7.9).
	return scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent,
			count(*), sum(m.count), min(a.published), max(a.published)
		FROM articles a CROSS JOIN mentions m ON m.article_id = a.id JOIN entities e ON e.id = m.entity_id
		WHERE `+aw+` AND `+tw+`
		GROUP BY e.id ORDER BY e.id`, append(aargs, targs...)...))
}

// Projection implements graph.Store.
//
// Over the whole store (no dates, languages or sources in f) the article-
// and sentence-level projections read the stored aggregates (see
// schemaV8); with any of those filters they count the facts.
func (s *Store) Projection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	if wholeStore(f) && f.Level() != graph.TypedEdges {
		return s.storedProjection(ctx, f)
	}
	return s.countedProjection(ctx, f)
}

// countedProjection is Projection counted from the facts, in one read
// transaction: the typed edges from the relations in SQL, the others by
// countProjection.
func (s *Store) countedProjection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	tx, done, err := s.scanTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("projection: %w", err)
	}
	defer done()
	switch level := f.Level(); level {
	case graph.ArticleEdges, graph.SentenceEdges:
		c, err := countProjection(ctx, tx, f)
		if err != nil {
			return nil, err
		}
		return c.Projection(level), nil
	case graph.TypedEdges:
		ents, err := entities(ctx, tx, f)
		if err != nil {
			return nil, err
		}
		p := &graph.Projection{Entities: ents}
		q, qargs := typedEdges(f, "")
		if p.Edges, err = queryEdges(ctx, tx, q, qargs); err != nil {
			return nil, fmt.Errorf("projection edges: %w", err)
		}
		return p, nil
	default:
		return nil, fmt.Errorf("projection: unknown edge level %q", level)
	}
}

// typedEdges returns the query of typed edges and its arguments: pairs a
// relation joins that is neither negated nor a STATEMENT, in an article
// that passes f, of f.Relations' types, and that meets cond over relation
// alias r (a fixed fragment with placeholders for condArgs; "" for all).
func typedEdges(f graph.Filter, cond string, condArgs ...any) (string, []any) {
	aw, args := articleFilter(f)
	rw, rargs := relationFilter(f, "r")
	args = append(args, rargs...)
	if cond != "" {
		rw += " AND " + cond
		args = append(args, condArgs...)
	}
	join := ""
	if len(f.Types) > 0 {
		sw, sargs := typeFilter(f, "es")
		ow, oargs := typeFilter(f, "eo")
		join = "JOIN entities es ON es.id = r.subject AND " + sw + " JOIN entities eo ON eo.id = r.object AND " + ow
		args = append(append(sargs, oargs...), args...)
	}
	return `SELECT min(r.subject, r.object), max(r.subject, r.object), count(DISTINCT r.article_id), count(*),
			min(a.published), max(a.published), sum(CAST(round(coalesce(r.confidence, ` + strconv.FormatFloat(graph.DefaultConfidence, 'g', -1, 64) + `) * ` + confidenceUnits + `) AS INTEGER)) / ` + confidenceUnits + `.0
		FROM relations r JOIN articles a ON a.id = r.article_id ` + join + `
		WHERE r.type <> '` + string(graph.Statement) + `' AND NOT r.negated AND ` + aw + ` AND ` + rw + `
		GROUP BY 1, 2 ORDER BY 1, 2`, args
}

// confidenceUnits is 1 / graph.ConfidenceUnit as SQL: the typed edges sum
// confidences in integer units, exactly, whatever order the rows come in.
var confidenceUnits = strconv.Itoa(int(math.Round(1 / graph.ConfidenceUnit)))

// queryEdges runs a query returning (a, b, articles, sentences, first,
// last), and the summed confidence as a seventh column where it has one
// (typed edges).
func queryEdges(ctx context.Context, q querier, query string, args []any) ([]graph.Edge, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	withConfidence := len(cols) == 7
	var edges []graph.Edge
	date := edgeDates{} // each text parsed once: a fifth of reading the edges
	for rows.Next() {
		var e graph.Edge
		var first, last any
		dest := []any{&e.A, &e.B, &e.Articles, &e.Sentences, &first, &last}
		if withConfidence {
			dest = append(dest, &e.Confidence)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		e.First, e.Last = date.of(first), date.of(last)
		edges = append(edges, e)
	}
	return edges, rows.Err()
}

// Evidence implements graph.Store.
func (s *Store) Evidence(ctx context.Context, a, b string, f graph.Filter, limit int) ([]graph.Evidence, error) {
	aw, args := articleFilter(f)
	// The sentence of the first undenied relation between the two.
	rel := `SELECT r.text FROM relations r WHERE r.article_id = a.id AND r.negated = 0
		AND ((r.subject = ? AND r.object = ?) OR (r.subject = ? AND r.object = ?))`
	relArgs := []any{a, b, b, a}
	if len(f.Relations) > 0 {
		rel += " AND r.type IN (" + placeholders(len(f.Relations)) + ")"
		for _, t := range f.Relations {
			relArgs = append(relArgs, string(t))
		}
	}
	rel += " ORDER BY r.seq LIMIT 1"
	// Else the first kept sentence naming both.
	shared := `SELECT t.text FROM sentences t
		JOIN mention_sentences s1 ON s1.article_id = t.article_id AND s1.sentence = t.sentence AND s1.entity_id = ?
		JOIN mention_sentences s2 ON s2.article_id = t.article_id AND s2.sentence = t.sentence AND s2.entity_id = ?
		WHERE t.article_id = a.id ORDER BY t.sentence LIMIT 1`
	// The articles naming both: the intersection of two runs of the
	// mentions_entity index, read in order, rather than a lookup of the
	// second entity in every article of the first.
	pick := `SELECT a.id FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = ? INTERSECT SELECT article_id FROM mentions WHERE entity_id = ?)
			AND ` + aw
	if s.newestFirst(ctx, a, b, limit) {
		pick = `SELECT a.id FROM articles a INDEXED BY articles_newest
		WHERE EXISTS (SELECT 1 FROM mentions m1 WHERE m1.article_id = a.id AND m1.entity_id = ?)
			AND EXISTS (SELECT 1 FROM mentions m2 WHERE m2.article_id = a.id AND m2.entity_id = ?) AND ` + aw
	}
	pickArgs := append([]any{a, b}, args...)
	switch f.Level() {
	case graph.SentenceEdges:
		pick += ` AND EXISTS (SELECT 1 FROM mention_sentences s1 JOIN mention_sentences s2
			ON s2.article_id = s1.article_id AND s2.sentence = s1.sentence
			WHERE s1.article_id = a.id AND s1.entity_id = ? AND s2.entity_id = ?)`
		pickArgs = append(pickArgs, a, b)
	case graph.TypedEdges:
		pick += ` AND EXISTS (` + rel + `)`
		pickArgs = append(pickArgs, relArgs...)
	}
	// Newest first, undated last (NULL is least, so last in DESC order),
	// ties by ID: the order of the articles_newest index. The articles are
	// chosen first and their sentences looked up after: only the limit
	// chosen, not every article the two share, which a sort would have
	// read them for (a hub's neighbour shares thousands).
	pick += ` ORDER BY a.published DESC, a.id LIMIT ?`
	pickArgs = append(pickArgs, limit)
	q := `SELECT a.id, a.title, a.url, a.source, a.published, (` + rel + `) AS relation, (` + shared + `) AS sentence
		FROM (` + pick + `) x CROSS JOIN articles a ON a.id = x.id
		ORDER BY a.published DESC, a.id`
	all := append(append(append([]any{}, relArgs...), a, b), pickArgs...)
	rows, err := s.db.QueryContext(ctx, q, all...)
	if err != nil {
		return nil, fmt.Errorf("evidence %s–%s: %w", a, b, err)
	}
	defer rows.Close()
	var ev []graph.Evidence
	for rows.Next() {
		var e graph.Evidence
		var published, relation, sentence sql.NullString
		if err := rows.Scan(&e.ArticleID, &e.Title, &e.URL, &e.Source, &published, &relation, &sentence); err != nil {
			return nil, fmt.Errorf("evidence %s–%s: %w", a, b, err)
		}
		e.Published, e.Sentence = parseTime(published), relation.String
		if !relation.Valid {
			e.Sentence = sentence.String
		}
		ev = append(ev, e)
	}
	return ev, rows.Err()
}

// Mentions implements graph.Store.
func (s *Store) Mentions(ctx context.Context, id string, f graph.Filter) ([]graph.ArticleMentions, error) {
	aw, args := articleFilter(f)
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.published, m.count FROM mentions m
		JOIN articles a ON a.id = m.article_id
		WHERE m.entity_id = ? AND `+aw+`
		ORDER BY a.published IS NULL, a.published DESC, a.id`, append([]any{id}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", id, err)
	}
	defer rows.Close()
	out := []graph.ArticleMentions{}
	for rows.Next() {
		var m graph.ArticleMentions
		var published sql.NullString
		if err := rows.Scan(&m.ArticleID, &published, &m.Count); err != nil {
			return nil, fmt.Errorf("mentions of %s: %w", id, err)
		}
		m.Published = parseTime(published)
		out = append(out, m)
	}
	return out, rows.Err()
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
	if wholeStore(f) {
		// The stored counts (entity_counts, exact by the no-drift
		// suite): at a million articles the join below reads one page of
		// articles per article naming a frequent actor, seconds cold.
		err := tx.QueryRowContext(ctx, `SELECT articles, mentions, first, last FROM entity_counts WHERE id = ?`, id).
			Scan(&p.Articles, &p.Mentions, &first, &last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) { // no row: never mentioned
			return nil, fmt.Errorf("entity %s: counts: %w", id, err)
		}
	} else if err := tx.QueryRowContext(ctx, with+`
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

	tw, targs := typeFilter(f, "e")
	if wholeStore(f) {
		// Over the whole store the neighbours and their counts are the
		// entity's co-mention edges: its rows of the aggregates. Either
		// way the profile's neighbours, in its order (graph.SortProfile),
		// are cut here: a hub has thousands.
		rows, err = tx.QueryContext(ctx, `
			SELECT e.id, e.type, e.name, e.name_ar, c.articles FROM co_mentions c JOIN entities e ON e.id = c.b
			WHERE c.a = ? AND `+tw+`
			UNION ALL
			SELECT e.id, e.type, e.name, e.name_ar, c.articles FROM co_mentions c JOIN entities e ON e.id = c.a
			WHERE c.b = ? AND `+tw+`
			ORDER BY 5 DESC, 1 LIMIT ?`, append(append(append(append([]any{id}, targs...), id), targs...), graph.ProfileNeighbors)...)
	} else {
		rows, err = tx.QueryContext(ctx, with+`
		SELECT e.id, e.type, e.name, e.name_ar, count(*) FROM fm
		JOIN mentions m2 ON m2.article_id = fm.article_id AND m2.entity_id <> ?
		JOIN entities e ON e.id = m2.entity_id
		WHERE `+tw+`
		GROUP BY e.id ORDER BY 5 DESC, 1 LIMIT ?`, append(append(append(args, id), targs...), graph.ProfileNeighbors)...)
	}
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

// noFirstText sorts after every date in timeLayout.
const noFirstText = "\uffff"

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

// Size implements graph.Store: the edges are the rows of co_mentions.
//
// Counting them is a scan of that table (tens of milliseconds on
// ar-news-2022, more at scale), which would be much of an unchanged
// re-ingest; so the count is cached with the generation it was made at, and
// used while no write has bumped the generation since.
func (s *Store) Size(ctx context.Context) (graph.Size, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return graph.Size{}, fmt.Errorf("count the graph: %w", err)
	}
	defer tx.Rollback() // read only
	var gen string
	var cached sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM meta WHERE key = 'generation'), '0'),
		(SELECT value FROM meta WHERE key = 'size')`).Scan(&gen, &cached); err != nil {
		return graph.Size{}, fmt.Errorf("count the graph: %w", err)
	}
	var c sizeCache
	if cached.Valid && json.Unmarshal([]byte(cached.String), &c) == nil && c.Generation == gen {
		return c.Size, nil
	}
	z, err := countSize(ctx, tx)
	if err != nil {
		return z, err
	}
	tx.Rollback()
	// A write between the count and here bumped the generation: the entry
	// is then never used. Failing to cache is no error.
	s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('size', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		mustJSON(sizeCache{Generation: gen, Size: z}))
	return z, nil
}

// sizeCache is the meta row 'size'.
type sizeCache struct {
	Generation string
	Size       graph.Size
}

func countSize(ctx context.Context, tx *sql.Tx) (graph.Size, error) {
	var z graph.Size
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM co_mention_counts),
		(SELECT count(*) FROM relations)`).Scan(&z.Articles, &z.Entities, &z.Edges, &z.Relations)
	if err != nil {
		return z, fmt.Errorf("count the graph: %w", err)
	}
	return z, nil
}

// Relations implements graph.Store.
func (s *Store) Relations(ctx context.Context, id string, f graph.Filter) ([]graph.RelationEvidence, error) {
	aw, aargs := articleFilter(f)
	rw, rargs := relationFilter(f, "r")
	tw, targs := typeFilter(f, "o")
	// o is the other party: the object when the entity is the subject, and
	// none for a STATEMENT, which passes any type filter.
	args := append(append(append([]any{id, id, id}, aargs...), rargs...), targs...)
	rows, err := s.db.QueryContext(ctx, `
		SELECT r.type, r.subject, coalesce(r.object, ''), r.directed, r.negated, r.sentence, r.text, r.text_start,
			r.trigger_start, r.trigger_end, r.subject_start, r.subject_end, r.object_start, r.object_end,
			r.pattern, coalesce(r.confidence, 0), a.id, a.title, a.url, a.source, a.published
		FROM relations r JOIN articles a ON a.id = r.article_id
		LEFT JOIN entities o ON o.id = CASE WHEN r.subject = ? THEN r.object ELSE r.subject END
		WHERE (r.subject = ? OR r.object = ?) AND `+aw+` AND `+rw+`
			AND (r.type = '`+string(graph.Statement)+`' OR `+tw+`)
		ORDER BY a.published IS NULL, a.published DESC, a.id, r.trigger_start, r.seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("relations of %s: %w", id, err)
	}
	defer rows.Close()
	out := []graph.RelationEvidence{}
	for rows.Next() {
		var r graph.RelationEvidence
		var typ string
		var published sql.NullString
		if err := rows.Scan(&typ, &r.Subject, &r.Object, &r.Directed, &r.Negated, &r.Sentence, &r.Text, &r.TextStart,
			&r.Trigger.Start, &r.Trigger.End, &r.SubjectSpan.Start, &r.SubjectSpan.End, &r.ObjectSpan.Start, &r.ObjectSpan.End,
			&r.Pattern, &r.Confidence, &r.ArticleID, &r.Title, &r.URL, &r.Source, &published); err != nil {
			return nil, fmt.Errorf("relations of %s: %w", id, err)
		}
		r.Type = graph.RelationType(typ)
		r.Published = parseTime(published)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("relations of %s: %w", id, err)
	}
	return out, nil
}

// Stats implements graph.Store.
func (s *Store) Stats(ctx context.Context, f graph.Filter) (*graph.Stats, error) {
	return s.stats(ctx, f, true)
}

var _ graph.ArticleCounter = (*Store)(nil)

// CountArticles implements graph.ArticleCounter.
func (s *Store) CountArticles(ctx context.Context, f graph.Filter) (*graph.Stats, error) {
	return s.stats(ctx, f, false)
}

// stats is Stats, without the relations unless relations is set.
func (s *Store) stats(ctx context.Context, f graph.Filter, relations bool) (*graph.Stats, error) {
	tx, done, err := s.scanTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	defer done() // read only: nothing to commit

	aw, args := articleFilter(f)
	st := &graph.Stats{Langs: map[string]int{}, Sources: map[string]int{},
		Relations: map[graph.RelationType]int{}, Negated: map[graph.RelationType]int{}}
	// One pass over the articles for the totals, languages and sources.
	first, last := noFirstText, ""
	if err := countRows(ctx, tx, `SELECT a.lang, a.source, count(*), count(a.published), min(a.published), max(a.published)
		FROM articles a WHERE `+aw+` GROUP BY 1, 2`, args, func(rows *sql.Rows) error {
		var lang, source string
		var n, dated int
		var lo, hi sql.NullString
		if err := rows.Scan(&lang, &source, &n, &dated, &lo, &hi); err != nil {
			return err
		}
		st.Articles += n
		st.Undated += n - dated
		st.Langs[lang] += n
		st.Sources[source] += n
		if lo.Valid {
			first, last = min(first, lo.String), max(last, hi.String)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("stats: articles: %w", err)
	}
	if last != "" {
		st.First = parseTime(sql.NullString{String: first, Valid: true})
		st.Last = parseTime(sql.NullString{String: last, Valid: true})
	}
	if !relations {
		clear(st.Langs)
		clear(st.Sources)
		return st, nil
	}
	// The relations of the passing articles, read article by article (CROSS
	// JOIN: a month's articles do not read every relation); over the whole
	// store, the table alone.
	rq := `SELECT r.type, count(*), sum(r.negated) FROM relations r GROUP BY 1`
	if !wholeStore(f) {
		rq = `SELECT r.type, count(*), sum(r.negated) FROM articles a CROSS JOIN relations r ON r.article_id = a.id WHERE ` + aw + ` GROUP BY 1`
	} else {
		args = nil
	}
	if err := countRows(ctx, tx, rq, args, func(rows *sql.Rows) error {
		var t string
		var n, neg int
		if err := rows.Scan(&t, &n, &neg); err != nil {
			return err
		}
		st.Relations[graph.RelationType(t)] = n
		if neg > 0 {
			st.Negated[graph.RelationType(t)] = neg
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("stats: relations: %w", err)
	}
	return st, nil
}

// countRows runs query and hands each row to scan.
func countRows(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
