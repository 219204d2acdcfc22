package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// schemaV8 keeps the co-mention aggregates that a projection reads, so
// that a projection of the whole store is a read of one row per entity and
// per edge rather than a self-join of every mention (8 s on ar-news-2022
// and growing with the corpus). Both tables are derived from mentions,
// mention_sentences and articles.published, and Apply and Delete keep them
// exact in the transaction that changes those (see graph.AggregateDelta); Check
// verifies them against a recount.
const schemaV8 = `
CREATE TABLE IF NOT EXISTS entity_counts (
	id       TEXT PRIMARY KEY,  -- entities.id
	articles INTEGER NOT NULL,  -- articles mentioning it
	mentions INTEGER NOT NULL,  -- sum of mentions.count
	first    TEXT,              -- least articles.published of them; NULL when all are undated
	last     TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS co_mentions (
	a          TEXT NOT NULL,     -- a < b, entity IDs
	b          TEXT NOT NULL,
	articles   INTEGER NOT NULL,  -- articles naming both
	sentences  INTEGER NOT NULL,  -- (article, sentence) pairs naming both
	s_articles INTEGER NOT NULL,  -- articles naming both in one sentence
	first      TEXT,              -- least published of the articles naming both; NULL when all are undated
	last       TEXT,
	s_first    TEXT,              -- the same over the s_articles
	s_last     TEXT,
	PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS co_mentions_b ON co_mentions(b, a);
-- Articles newest first, undated last, ties by ID: Evidence's order, read
-- in order until it has what it wants (see newestFirst).
CREATE INDEX IF NOT EXISTS articles_newest ON articles(published DESC, id);
`

// fillAggregatesV8 computes the aggregates of a version-7 store being
// upgraded to version 8, whose co_mentions was a table keyed by entity IDs
// (schemaV10 moves it to co_mention_counts).
var fillAggregatesV8 = []string{
	`DELETE FROM entity_counts`,
	`DELETE FROM co_mentions`,
	`INSERT INTO entity_counts (id, articles, mentions, first, last)
		SELECT m.entity_id, count(*), sum(m.count), min(a.published), max(a.published)
		FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.entity_id`,
	`INSERT INTO co_mentions (a, b, articles, sentences, s_articles, first, last)
		SELECT m1.entity_id, m2.entity_id, count(*), 0, 0, min(a.published), max(a.published)
		FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m1.entity_id < m2.entity_id
		JOIN articles a ON a.id = m1.article_id
		GROUP BY m1.entity_id, m2.entity_id`,
	`UPDATE co_mentions SET sentences = s.n, s_articles = s.na, s_first = s.f, s_last = s.l
		FROM (` + recountSentenceEdges + `) AS s
		WHERE co_mentions.a = s.a AND co_mentions.b = s.b`,
}

// schemaV10 keys the co-mention aggregates by integers: entity_keys numbers
// every entity ID an aggregate row has named, and co_mention_counts holds
// the rows of version 8's co_mentions with the two IDs replaced by their
// numbers. Rows a third the size make a page hold three times as many, so
// an ingest's upserts touch fewer pages (ar-news-2022: the table and its
// index 37 MB against 9, upserted 1.8 times as fast). The pair is still
// ordered by ID — x names the lesser (a), y the greater (b) — so that
// the view co_mentions reads exactly as the table it replaces did.
const schemaV10 = `
CREATE TABLE IF NOT EXISTS entity_keys (
	n  INTEGER PRIMARY KEY,  -- the number co_mention_counts names the entity by
	id TEXT NOT NULL UNIQUE  -- entities.id; kept when the entity goes, for its number
);
CREATE TABLE IF NOT EXISTS co_mention_counts (
	x          INTEGER NOT NULL,  -- entity_keys.n of a, the lesser ID of the pair
	y          INTEGER NOT NULL,  -- entity_keys.n of b, the greater
	articles   INTEGER NOT NULL,  -- articles naming both
	sentences  INTEGER NOT NULL,  -- (article, sentence) pairs naming both
	s_articles INTEGER NOT NULL,  -- articles naming both in one sentence
	first      TEXT,              -- least published of the articles naming both; NULL when all are undated
	last       TEXT,
	s_first    TEXT,              -- the same over the s_articles
	s_last     TEXT,
	PRIMARY KEY (x, y)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS co_mention_counts_y ON co_mention_counts(y, x);
INSERT OR IGNORE INTO entity_keys (id) SELECT a FROM co_mentions UNION SELECT b FROM co_mentions ORDER BY 1;
INSERT INTO co_mention_counts (x, y, articles, sentences, s_articles, first, last, s_first, s_last)
	SELECT ka.n, kb.n, c.articles, c.sentences, c.s_articles, c.first, c.last, c.s_first, c.s_last
	FROM co_mentions c JOIN entity_keys ka ON ka.id = c.a JOIN entity_keys kb ON kb.id = c.b;
DROP TABLE co_mentions;
CREATE VIEW co_mentions AS
	SELECT ka.id AS a, kb.id AS b, c.articles AS articles, c.sentences AS sentences, c.s_articles AS s_articles,
		c.first AS first, c.last AS last, c.s_first AS s_first, c.s_last AS s_last
	FROM co_mention_counts c JOIN entity_keys ka ON ka.n = c.x JOIN entity_keys kb ON kb.n = c.y;
`

// schemaV11 keeps co_mention_counts' four dates as integers, the Unix time
// in seconds of the article's published date, where version 10 kept the
// text (20 bytes each): the table at 100,000 synthetic articles takes 111
// MB instead of 255 (about 30 bytes a row of its pages instead of 70), and
// an ingest that upserts a page per pair per group writes and reads that
// much less (docs/query-performance.md, "Dates as integers"). The view
// co_mentions gives them as text again, exactly as version 10's columns
// held them (formatTime's layout, which SQLite's strftime writes for the
// years 0000–9999 that graph.Document.Validate allows), so that every
// reader of the view and check's recount read what they read before. The
// integer columns have new names (first_unix …): a newsgraph of version 10
// still running when another converts the file would otherwise write its
// text dates into them without a word, and min() ranks every integer
// before any text; with the names gone its next write fails instead.
const schemaV11 = `
DROP VIEW co_mentions;
CREATE TABLE co_mention_counts_v11 (
	x          INTEGER NOT NULL,  -- entity_keys.n of a, the lesser ID of the pair
	y          INTEGER NOT NULL,  -- entity_keys.n of b, the greater
	articles   INTEGER NOT NULL,  -- articles naming both
	sentences  INTEGER NOT NULL,  -- (article, sentence) pairs naming both
	s_articles INTEGER NOT NULL,  -- articles naming both in one sentence
	first_unix   INTEGER,         -- least published of the articles naming both, Unix seconds; NULL when all are undated
	last_unix    INTEGER,
	s_first_unix INTEGER,         -- the same over the s_articles
	s_last_unix  INTEGER,
	PRIMARY KEY (x, y)
) WITHOUT ROWID;
INSERT INTO co_mention_counts_v11 (x, y, articles, sentences, s_articles, first_unix, last_unix, s_first_unix, s_last_unix)
	SELECT x, y, articles, sentences, s_articles, unixepoch(first), unixepoch(last), unixepoch(s_first), unixepoch(s_last)
	FROM co_mention_counts ORDER BY x, y;
DROP TABLE co_mention_counts;
ALTER TABLE co_mention_counts_v11 RENAME TO co_mention_counts;
CREATE INDEX co_mention_counts_y ON co_mention_counts(y, x);
CREATE VIEW co_mentions AS
	SELECT ka.id AS a, kb.id AS b, c.articles AS articles, c.sentences AS sentences, c.s_articles AS s_articles,
		strftime('%Y-%m-%dT%H:%M:%SZ', c.first_unix, 'unixepoch') AS first, strftime('%Y-%m-%dT%H:%M:%SZ', c.last_unix, 'unixepoch') AS last,
		strftime('%Y-%m-%dT%H:%M:%SZ', c.s_first_unix, 'unixepoch') AS s_first, strftime('%Y-%m-%dT%H:%M:%SZ', c.s_last_unix, 'unixepoch') AS s_last
	FROM co_mention_counts c JOIN entity_keys ka ON ka.n = c.x JOIN entity_keys kb ON kb.n = c.y;
`

// fillAggregates computes the aggregates from the facts: what Repair runs
// (`check --repair`). Check recounts with the same queries.
var fillAggregates = []string{
	`DELETE FROM entity_counts`,
	`DELETE FROM co_mention_counts`,
	`INSERT INTO entity_counts (id, articles, mentions, first, last)
		SELECT m.entity_id, count(*), sum(m.count), min(a.published), max(a.published)
		FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.entity_id`,
	`INSERT OR IGNORE INTO entity_keys (id) SELECT DISTINCT entity_id FROM mentions ORDER BY 1`,
	`INSERT INTO co_mention_counts (x, y, articles, sentences, s_articles, first_unix, last_unix)
		SELECT ka.n, kb.n, count(*), 0, 0, unixepoch(min(a.published)), unixepoch(max(a.published))
		FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m1.entity_id < m2.entity_id
		JOIN articles a ON a.id = m1.article_id
		JOIN entity_keys ka ON ka.id = m1.entity_id JOIN entity_keys kb ON kb.id = m2.entity_id
		GROUP BY m1.entity_id, m2.entity_id`,
	`UPDATE co_mention_counts SET sentences = s.n, s_articles = s.na, s_first_unix = unixepoch(s.f), s_last_unix = unixepoch(s.l)
		FROM (SELECT ka.n AS x, kb.n AS y, r.n, r.na, r.f, r.l FROM (` + recountSentenceEdges + `) AS r
			JOIN entity_keys ka ON ka.id = r.a JOIN entity_keys kb ON kb.id = r.b) AS s
		WHERE co_mention_counts.x = s.x AND co_mention_counts.y = s.y`,
}

// recountSentenceEdges counts the sentence-level aggregates from the facts.
const recountSentenceEdges = `SELECT s1.entity_id AS a, s2.entity_id AS b, count(*) AS n, count(DISTINCT s1.article_id) AS na,
			min(ar.published) AS f, max(ar.published) AS l
		FROM mention_sentences s1
		JOIN mention_sentences s2 ON s2.article_id = s1.article_id AND s2.sentence = s1.sentence AND s1.entity_id < s2.entity_id
		JOIN articles ar ON ar.id = s1.article_id
		GROUP BY s1.entity_id, s2.entity_id`

// aggregateChecks compare the stored aggregates with a recount from the
// facts, each counting the rows that differ either way.
var aggregateChecks = []struct{ query, says string }{
	{`WITH want AS (SELECT m.entity_id AS id, count(*), sum(m.count), min(a.published), max(a.published)
			FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.entity_id),
		got AS (SELECT id, articles, mentions, first, last FROM entity_counts)
	SELECT count(*) FROM (SELECT id FROM (SELECT * FROM got EXCEPT SELECT * FROM want)
		UNION SELECT id FROM (SELECT * FROM want EXCEPT SELECT * FROM got))`,
		"entities whose stored counts differ from a recount of their mentions (run `newsgraph check --repair`)"},
	{`WITH re AS (
		SELECT m1.entity_id AS a, m2.entity_id AS b, count(*) AS n, min(a.published) AS f, max(a.published) AS l
		FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m1.entity_id < m2.entity_id
		JOIN articles a ON a.id = m1.article_id GROUP BY 1, 2),
	rs AS (` + recountSentenceEdges + `),
	want AS (SELECT re.a AS a, re.b AS b, re.n, coalesce(rs.n, 0), coalesce(rs.na, 0), re.f, re.l, rs.f, rs.l
		FROM re LEFT JOIN rs ON rs.a = re.a AND rs.b = re.b),
	got AS (SELECT a, b, articles, sentences, s_articles, first, last, s_first, s_last FROM co_mentions)
	SELECT count(*) FROM (SELECT a, b FROM (SELECT * FROM got EXCEPT SELECT * FROM want)
		UNION SELECT a, b FROM (SELECT * FROM want EXCEPT SELECT * FROM got))`,
		"entity pairs whose stored co-mention counts differ from a recount of the mentions (run `newsgraph check --repair`)"},
}

// Repair recomputes the stored aggregates from the facts, in one
// transaction, and bumps the generation. It is what `check --repair` runs
// when Check finds them wrong, and it takes as long as the self-join the
// aggregates save (seconds per thousand articles).
func (s *Store) Repair(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("repair aggregates: %w", err)
	}
	defer tx.Rollback()
	for _, q := range fillAggregates {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("repair aggregates: %w", err)
		}
	}
	if err := bumpGeneration(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// readFacts reads the stored version of an article; ok is false when the
// store does not hold it.
func readFacts(ctx context.Context, stmts map[string]*sql.Stmt, id string) (f graph.ArticleFacts, ok bool, err error) {
	var published sql.NullString
	switch err := stmts["oldPublished"].QueryRowContext(ctx, id).Scan(&published); {
	case err == sql.ErrNoRows:
		return f, false, nil
	case err != nil:
		return f, false, err
	}
	f = graph.NewArticleFacts(published.String)
	rows, err := stmts["oldCounts"].QueryContext(ctx, id)
	if err != nil {
		return f, false, err
	}
	for rows.Next() {
		var e string
		var n int
		if err := rows.Scan(&e, &n); err != nil {
			rows.Close()
			return f, false, err
		}
		f.Counts[e] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return f, false, err
	}
	// ORDER BY sentence, entity_id: each sentence's IDs come sorted.
	rows, err = stmts["oldSentences"].QueryContext(ctx, id)
	if err != nil {
		return f, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var e string
		if err := rows.Scan(&n, &e); err != nil {
			return f, false, err
		}
		f.Sentences[n] = append(f.Sentences[n], e)
	}
	return f, true, rows.Err()
}

// docFacts is what a document will contribute once written.
func docFacts(d graph.Document) graph.ArticleFacts {
	p, _ := formatTime(d.Article.Published).(string)
	return graph.DocumentFacts(d, p)
}

// entityUpsert adds n rows of deltas (id, articles, mentions, first,
// last) to entity_counts: counts summed, dates widened.
func entityUpsert(n int) string {
	return `INSERT INTO entity_counts (id, articles, mentions, first, last) VALUES ` + valueRows(n, 5) + `
			ON CONFLICT (id) DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions,
			first = coalesce(min(first, excluded.first), first, excluded.first),
			last = coalesce(max(last, excluded.last), last, excluded.last)`
}

// pairUpsert adds n rows of deltas (x, y, articles, sentences, s_articles,
// first_unix, last_unix, s_first_unix, s_last_unix) to co_mention_counts:
// counts summed, dates (Unix seconds) widened; x and y are the entity_keys
// numbers of the pair's lesser and greater ID.
func pairUpsert(n int) string {
	return `INSERT INTO co_mention_counts (x, y, articles, sentences, s_articles, first_unix, last_unix, s_first_unix, s_last_unix) VALUES ` + valueRows(n, 9) + `
			ON CONFLICT (x, y) DO UPDATE SET articles = articles + excluded.articles, sentences = sentences + excluded.sentences,
			s_articles = s_articles + excluded.s_articles,
			first_unix = coalesce(min(first_unix, excluded.first_unix), first_unix, excluded.first_unix),
			last_unix = coalesce(max(last_unix, excluded.last_unix), last_unix, excluded.last_unix),
			s_first_unix = coalesce(min(s_first_unix, excluded.s_first_unix), s_first_unix, excluded.s_first_unix),
			s_last_unix = coalesce(max(s_last_unix, excluded.s_last_unix), s_last_unix, excluded.s_last_unix)`
}

// nullable is "" as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// writeAggregates applies delta d in tx, after the facts have been written: rows
// reaching zero articles go, and aggregates whose first or last date a
// removal may have taken are recounted from the facts, which by then are
// the new ones.
func writeAggregates(ctx context.Context, tx *sql.Tx, d *graph.AggregateDelta) error {
	stmts, err := prepare(ctx, tx, map[string]string{
		"entity":    entityUpsert(1) + ` RETURNING articles, first, last`,
		"delEntity": `DELETE FROM entity_counts WHERE id = ?`,
		"entityDates": `UPDATE entity_counts SET (first, last) = (SELECT min(a.published), max(a.published)
			FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?) WHERE id = ?`,
		"pair":    pairUpsert(1) + ` RETURNING articles, s_articles, first_unix, last_unix, s_first_unix, s_last_unix`,
		"delPair": `DELETE FROM co_mention_counts WHERE x = ? AND y = ?`,
		"pairDates": `UPDATE co_mention_counts SET (first_unix, last_unix) = (SELECT unixepoch(min(ar.published)), unixepoch(max(ar.published))
			FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id = ?
			JOIN articles ar ON ar.id = m1.article_id WHERE m1.entity_id = ?) WHERE x = ? AND y = ?`,
		"pairNoSentenceDates": `UPDATE co_mention_counts SET s_first_unix = NULL, s_last_unix = NULL WHERE x = ? AND y = ?`,
		// The articles where the two share a sentence: each article's few
		// sentence rows through the primary key, not an index on entities.
		"pairSentenceDates": `UPDATE co_mention_counts SET (s_first_unix, s_last_unix) = (SELECT unixepoch(min(ar.published)), unixepoch(max(ar.published))
			FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id = ?
			JOIN articles ar ON ar.id = m1.article_id
			WHERE m1.entity_id = ? AND EXISTS (SELECT 1 FROM mention_sentences s1 JOIN mention_sentences s2
				ON s2.article_id = s1.article_id AND s2.sentence = s1.sentence AND s2.entity_id = m2.entity_id
				WHERE s1.article_id = m1.article_id AND s1.entity_id = m1.entity_id)) WHERE x = ? AND y = ?`,
	})
	if err != nil {
		return fmt.Errorf("write aggregates: %w", err)
	}
	defer closeAll(stmts)

	// The rows of pure deltas go through row writers as they come, 256 a
	// statement: a group's pairs held as one slice of boxed values were a
	// tenth of an ingest's live heap at 100,000 articles, which the
	// collector then ran to keep under ingest's soft limit.
	entities := newRowWriter(tx, 5, entityUpsert)
	defer entities.close()
	for _, id := range d.EntityIDs() {
		e := d.Entities[id]
		if e.Pure() {
			// Nothing removed: no row can reach zero or lose a date.
			if err := entities.add(ctx, id, e.Articles, e.Mentions, nullable(e.Dates.AddMin), nullable(e.Dates.AddMax)); err != nil {
				return fmt.Errorf("write aggregates: entities: %w", err)
			}
			continue
		}
		var articles int
		var first, last sql.NullString
		if err := stmts["entity"].QueryRowContext(ctx, id, e.Articles, e.Mentions, nullable(e.Dates.AddMin), nullable(e.Dates.AddMax)).
			Scan(&articles, &first, &last); err != nil {
			return fmt.Errorf("write aggregates: entity %s: %w", id, err)
		}
		switch {
		case articles <= 0:
			if _, err := stmts["delEntity"].ExecContext(ctx, id); err != nil {
				return fmt.Errorf("write aggregates: entity %s: %w", id, err)
			}
		case e.Dates.Stale(first.String, last.String):
			if _, err := stmts["entityDates"].ExecContext(ctx, id, id); err != nil {
				return fmt.Errorf("write aggregates: entity %s: %w", id, err)
			}
		}
	}

	if err := entities.flush(ctx); err != nil {
		return fmt.Errorf("write aggregates: entities: %w", err)
	}

	keys := make([][2]string, 0, len(d.Pairs))
	for k, p := range d.Pairs {
		if *p != (graph.PairDelta{}) {
			keys = append(keys, k)
		}
	}
	num, err := entityNumbers(ctx, tx, keys)
	if err != nil {
		return fmt.Errorf("write aggregates: %w", err)
	}
	// The pairs in the order of their numbers, which is the table's:
	// consecutive upserts then land on the same pages of
	// co_mention_counts.
	type numbered struct {
		x, y int64
		k    [2]string
		p    *graph.PairDelta
	}
	pairs := make([]numbered, len(keys))
	for i, k := range keys {
		pairs[i] = numbered{num[k[0]], num[k[1]], k, d.Pairs[k]}
	}
	slices.SortFunc(pairs, func(a, b numbered) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		return cmp.Compare(a.y, b.y)
	})
	unix := unixDates{seconds: map[string]int64{}}
	upserts := newRowWriter(tx, 9, pairUpsert)
	defer upserts.close()
	for _, n := range pairs {
		k, p, x, y := n.k, n.p, n.x, n.y
		first, last, sFirst, sLast := unix.of(p.Dates.AddMin), unix.of(p.Dates.AddMax), unix.of(p.SDates.AddMin), unix.of(p.SDates.AddMax)
		if unix.err != nil {
			return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], unix.err)
		}
		if p.Pure() {
			if err := upserts.add(ctx, x, y, p.Articles, p.Sentences, p.SArticles, first, last, sFirst, sLast); err != nil {
				return fmt.Errorf("write aggregates: edges: %w", err)
			}
			continue
		}
		var articles, sArticles int
		var stored [4]sql.NullInt64 // first_unix, last_unix, s_first_unix, s_last_unix
		if err := stmts["pair"].QueryRowContext(ctx, x, y, p.Articles, p.Sentences, p.SArticles, first, last, sFirst, sLast).
			Scan(&articles, &sArticles, &stored[0], &stored[1], &stored[2], &stored[3]); err != nil {
			return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
		}
		if articles <= 0 {
			if _, err := stmts["delPair"].ExecContext(ctx, x, y); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
			continue
		}
		if p.Dates.Stale(dateText(stored[0]), dateText(stored[1])) {
			if _, err := stmts["pairDates"].ExecContext(ctx, k[1], k[0], x, y); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
		}
		if p.SDates.Stale(dateText(stored[2]), dateText(stored[3])) && sArticles > 0 {
			if _, err := stmts["pairSentenceDates"].ExecContext(ctx, k[1], k[0], x, y); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
		}
		if sArticles <= 0 && (stored[2].Valid || stored[3].Valid) {
			if _, err := stmts["pairNoSentenceDates"].ExecContext(ctx, x, y); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
		}
	}
	if err := upserts.flush(ctx); err != nil {
		return fmt.Errorf("write aggregates: edges: %w", err)
	}
	return nil
}

// unixDates converts the dates formatTime writes to the Unix seconds that
// co_mention_counts keeps (schemaV11), each distinct date parsed once: a
// group's hundred thousand pairs carry about as many dates as it has
// articles. The first date that does not parse is kept in err, and of
// gives nil from then on.
type unixDates struct {
	seconds map[string]int64
	err     error
}

// of is date s in Unix seconds, nil for "" (undated).
func (u *unixDates) of(s string) any {
	if s == "" || u.err != nil {
		return nil
	}
	if n, ok := u.seconds[s]; ok {
		return n
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		u.err = fmt.Errorf("date %q: %w", s, err)
		return nil
	}
	u.seconds[s] = t.Unix()
	return t.Unix()
}

// dateText is a date of co_mention_counts as formatTime writes it, "" for
// NULL: what graph.DateDelta compares.
func dateText(n sql.NullInt64) string {
	if !n.Valid {
		return ""
	}
	return time.Unix(n.Int64, 0).UTC().Format(timeLayout)
}

// edgeDates turns the dates an edge query reads into times: Unix seconds
// (int64) from co_mention_counts and pairRows, text (a string, as the
// driver scans TEXT into an any) from the view co_mentions or from
// articles.published, NULL as the zero time. A corpus has a few thousand
// distinct dates and a projection millions of edges: each text is parsed
// once.
type edgeDates map[string]time.Time

func (d edgeDates) of(v any) time.Time {
	var s string
	switch v := v.(type) {
	case int64:
		return time.Unix(v, 0).UTC()
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return time.Time{}
	}
	t, ok := d[s]
	if !ok {
		t = parseTime(sql.NullString{String: s, Valid: true})
		d[s] = t
	}
	return t
}

// pairRows is the view co_mentions with its dates as co_mention_counts
// keeps them, Unix seconds: what the edge readers select from, so that a
// row costs no strftime and no parse (edgeDates). check and people reading
// the file read the view.
const pairRows = `(SELECT ka.id AS a, kb.id AS b, c.articles AS articles, c.sentences AS sentences,
		c.s_articles AS s_articles, c.first_unix AS first, c.last_unix AS last,
		c.s_first_unix AS s_first, c.s_last_unix AS s_last
	FROM co_mention_counts c JOIN entity_keys ka ON ka.n = c.x JOIN entity_keys kb ON kb.n = c.y)`

// entityNumbers returns the entity_keys number of every ID of keys,
// numbering those that have none: two statements over a JSON list of the
// IDs, whatever their count.
func entityNumbers(ctx context.Context, tx *sql.Tx, keys [][2]string) (map[string]int64, error) {
	num := make(map[string]int64)
	ids := make([]string, 0, len(keys))
	for _, k := range keys {
		for _, id := range k {
			if _, ok := num[id]; !ok {
				num[id] = 0
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return num, nil
	}
	sort.Strings(ids)
	list := mustJSON(ids)
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entity_keys (id) SELECT value FROM json_each(?)`, list); err != nil {
		return nil, fmt.Errorf("number entities: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT k.n, k.id FROM entity_keys k WHERE k.id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, fmt.Errorf("number entities: %w", err)
	}
	defer rows.Close()
	found := 0
	for rows.Next() {
		var n int64
		var id string
		if err := rows.Scan(&n, &id); err != nil {
			return nil, fmt.Errorf("number entities: %w", err)
		}
		num[id] = n
		found++
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("number entities: %w", err)
	}
	if found != len(ids) {
		return nil, fmt.Errorf("number entities: %d of %d IDs numbered", found, len(ids))
	}
	return num, nil
}

// querier is a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// wholeStore reports whether f keeps every article, so that the stored
// aggregates answer it; f.Types, which narrows entities and not articles,
// is applied to them.
func wholeStore(f graph.Filter) bool { return f.AllArticles() }

// storedEntities is Entities read from entity_counts.
func storedEntities(ctx context.Context, q querier, f graph.Filter) ([]graph.ProjectedEntity, error) {
	tw, targs := typeFilter(f, "e")
	return scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent,
			c.articles, c.mentions, c.first, c.last
		FROM entity_counts c JOIN entities e ON e.id = c.id
		WHERE `+tw+` ORDER BY e.id`, targs...))
}

// scanEntities reads the rows of an entity_counts query.
func scanEntities(rows *sql.Rows, err error) ([]graph.ProjectedEntity, error) {
	if err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}
	defer rows.Close()
	var ents []graph.ProjectedEntity
	for rows.Next() {
		var pe graph.ProjectedEntity
		var typ, aliases string
		var first, last sql.NullString
		if err := rows.Scan(&pe.ID, &typ, &pe.Kind, &pe.Name, &pe.NameAr, &aliases, &pe.Wikidata, &pe.Parent, &pe.Articles, &pe.Mentions, &first, &last); err != nil {
			return nil, fmt.Errorf("projection entities: %w", err)
		}
		pe.Type = graph.EntityType(typ)
		if err := json.Unmarshal([]byte(aliases), &pe.Aliases); err != nil {
			return nil, fmt.Errorf("projection entities: entity %s aliases: %w", pe.ID, err)
		}
		pe.First, pe.Last = parseTime(first), parseTime(last)
		ents = append(ents, pe)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}
	return ents, nil
}

// storedProjection is Projection at the article or sentence level read
// from the aggregates, in one read transaction so that entities and edges
// are of one store state.
func (s *Store) storedProjection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("projection: %w", err)
	}
	defer tx.Rollback() // read only
	ents, err := storedEntities(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	p := &graph.Projection{Entities: ents}
	q, args := storedEdges(f, true)
	if p.Edges, err = queryEdges(ctx, tx, q, args); err != nil {
		return nil, fmt.Errorf("projection edges: %w", err)
	}
	return p, nil
}

var _ graph.ProjectionStreamer = (*Store)(nil)

// scanTx begins a read transaction for a scan of whole tables (the
// aggregates streamed, the counts of stats), on a connection whose memory
// map (readMmapSize) is off until done is called, which ends the
// transaction. A scan gains nothing from the map, and every page it maps,
// with the neighbours the kernel maps around each fault, counts in the
// process's resident memory: stats at 100,000 articles peaked at 0.9 GB,
// most of it mapped pages of tables it read once.
func (s *Store) scanTx(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if s.readOnly {
		if _, err := conn.ExecContext(ctx, `PRAGMA mmap_size = 0`); err != nil {
			conn.Close()
			return nil, nil, err
		}
	}
	restore := func() {
		if s.readOnly {
			// The map comes back for the next read; a connection that
			// cannot take it reads without.
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA mmap_size = %d`, readMmapSize))
		}
		conn.Close()
	}
	if tx, err = conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}); err != nil {
		restore()
		return nil, nil, err
	}
	return tx, func() {
		_ = tx.Rollback() // read only
		restore()
	}, nil
}

// StreamProjection implements graph.ProjectionStreamer. Over the whole
// store at the article or sentence level it reads the aggregates as
// storedProjection does, but hands each row to v as it comes, its ends
// interned to entity indexes and its dates not read: no Edge value and no
// ID string outlives its row. Otherwise it gives v the counted projection.
func (s *Store) StreamProjection(ctx context.Context, f graph.Filter, v graph.ProjectionVisitor) error {
	if f.Level() == graph.TypedEdges {
		p, err := s.countedProjection(ctx, f)
		if err != nil {
			return err
		}
		return graph.Visit(p, v)
	}
	tx, done, err := s.scanTx(ctx)
	if err != nil {
		return fmt.Errorf("projection: %w", err)
	}
	defer done()
	if !wholeStore(f) {
		// Counted (countProjection), and handed over from the pair
		// table.
		c, err := countProjection(ctx, tx, f)
		if err != nil {
			return err
		}
		return c.Visit(f.Level(), v)
	}
	ents, err := storedEntities(ctx, tx, f)
	if err != nil {
		return err
	}
	index, err := graph.VisitEntities(v, ents)
	if err != nil {
		return err
	}
	if len(f.Types) > 0 {
		return streamEdgesByID(ctx, tx, f, index, v)
	}
	// Every entity is among ents: the rows' numbers are mapped to their
	// indexes through entity_keys, read once, and the rows are read in
	// the table's order, which the visitor does not depend on (see
	// graph.ProjectionVisitor).
	at, err := numberIndexes(ctx, tx, index)
	if err != nil {
		return err
	}
	_, dated := v.(graph.DatedVisitor)
	q := `SELECT x, y, articles, sentences`
	if dated {
		q += `, first_unix, last_unix`
	}
	q += ` FROM co_mention_counts`
	if f.Level() == graph.SentenceEdges {
		q = `SELECT x, y, s_articles, sentences`
		if dated {
			q += `, s_first_unix, s_last_unix`
		}
		q += ` FROM co_mention_counts WHERE s_articles > 0`
	}
	end := func(n int64) int32 {
		if n >= 0 && n < int64(len(at)) {
			return at[n]
		}
		return -1
	}
	var x, y int64
	return visitEdges(ctx, tx, q, nil, v, []any{&x, &y}, func() (int32, int32) { return end(x), end(y) })
}

// numberIndexes maps each entity_keys number to the index its ID has in
// index, -1 for an ID not in it: a slice as long as the greatest number.
func numberIndexes(ctx context.Context, tx *sql.Tx, index map[string]int32) ([]int32, error) {
	var most sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT max(n) FROM entity_keys`).Scan(&most); err != nil {
		return nil, fmt.Errorf("projection entity numbers: %w", err)
	}
	if most.Int64 > 1<<31 {
		return nil, fmt.Errorf("projection entity numbers: %d, more than a projection holds", most.Int64)
	}
	at := make([]int32, most.Int64+1)
	for i := range at {
		at[i] = -1
	}
	rows, err := tx.QueryContext(ctx, `SELECT n, id FROM entity_keys`)
	if err != nil {
		return nil, fmt.Errorf("projection entity numbers: %w", err)
	}
	defer rows.Close()
	var id sql.RawBytes // reused: looking an ID up copies nothing
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n, &id); err != nil {
			return nil, fmt.Errorf("projection entity numbers: %w", err)
		}
		if i, ok := index[string(id)]; ok && n >= 0 && n < int64(len(at)) {
			at[n] = i
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("projection entity numbers: %w", err)
	}
	return at, nil
}

// streamEdgesByID streams the edges f keeps when it narrows the entities
// by type: through the co_mentions view, joined with entities by ID.
func streamEdgesByID(ctx context.Context, tx *sql.Tx, f graph.Filter, index map[string]int32, v graph.ProjectionVisitor) error {
	_, dated := v.(graph.DatedVisitor)
	q, args := storedEdges(f, dated)
	var a, b sql.RawBytes // reused: looking an ID up copies nothing
	at := func(id []byte) int32 {
		if i, ok := index[string(id)]; ok {
			return i
		}
		return -1
	}
	return visitEdges(ctx, tx, q, args, v, []any{&a, &b}, func() (int32, int32) { return at(a), at(b) })
}

// visitEdges runs q, whose rows are two ends and an edge's article and
// sentence counts (and its first and last dates when v is a
// graph.DatedVisitor), scanning the ends into ends and handing v each edge
// with the entity indexes index gives for the scanned ends.
func visitEdges(ctx context.Context, tx *sql.Tx, q string, args []any, v graph.ProjectionVisitor, ends []any, index func() (int32, int32)) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("projection edges: %w", err)
	}
	defer rows.Close()
	var e graph.Edge
	var first, last any
	dest := append(ends, &e.Articles, &e.Sentences)
	dv, dated := v.(graph.DatedVisitor)
	date := edgeDates{}
	if dated {
		dest = append(dest, &first, &last)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("projection edges: %w", err)
		}
		a, b := index()
		if dated {
			e.First, e.Last = date.of(first), date.of(last)
			err = dv.DatedEdge(a, b, e)
		} else {
			err = v.Edge(a, b, e.Articles, e.Sentences)
		}
		if err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("projection edges: %w", err)
	}
	return nil
}

var _ graph.NeighborhoodReader = (*Store)(nil)

// Neighborhood implements graph.NeighborhoodReader. Over the whole store
// at the article or sentence level it reads the edges of ids through the
// aggregates' two indexes (co_mentions' key and co_mentions_b); otherwise
// it counts them from the articles of ids that pass f (countedLinks), and
// each entity's counts from its own articles (countedEntities).
func (s *Store) Neighborhood(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	return s.around(ctx, ids, f, true)
}

// Links implements graph.NeighborhoodReader: Neighborhood, counting only
// the entities of ids when it counts.
func (s *Store) Links(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	return s.around(ctx, ids, f, false)
}

// around is Neighborhood, or Links when counts is false, in one read
// transaction.
func (s *Store) around(ctx context.Context, ids []string, f graph.Filter, counts bool) (*graph.Projection, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("neighbourhood: %w", err)
	}
	defer tx.Rollback() // read only
	p := &graph.Projection{}
	if !wholeStore(f) || f.Level() == graph.TypedEdges {
		if p.Edges, err = countedLinks(ctx, tx, ids, f); err != nil {
			return nil, fmt.Errorf("neighbourhood edges: %w", err)
		}
		counted := ids
		if counts {
			counted = graph.Ends(ids, p.Edges)
		}
		if p.Entities, err = countedEntities(ctx, tx, counted, f); err != nil {
			return nil, err
		}
		if !counts {
			var others []string
			in := make(map[string]bool, len(ids))
			for _, id := range ids {
				in[id] = true
			}
			for _, id := range graph.Ends(nil, p.Edges) {
				if !in[id] {
					others = append(others, id)
				}
			}
			more, err := uncountedEntities(ctx, tx, others, f)
			if err != nil {
				return nil, err
			}
			p.Entities = append(p.Entities, more...)
			sortEntities(p.Entities)
		}
		return p, nil
	}
	list := mustJSON(ids)
	cols := `c.a, c.b, c.articles, c.sentences, c.first, c.last`
	where := ``
	if f.Level() == graph.SentenceEdges {
		cols = `c.a, c.b, c.s_articles, c.sentences, c.s_first, c.s_last`
		where = ` AND c.s_articles > 0`
	}
	join, jargs := pairTypeJoin(f, "c.a", "c.b")
	// Each half reads one index; UNION drops an edge between two of ids
	// found from both ends.
	q := `SELECT ` + cols + ` FROM ` + pairRows + ` c` + join + ` WHERE c.a IN (SELECT value FROM json_each(?))` + where + `
		UNION SELECT ` + cols + ` FROM ` + pairRows + ` c` + join + ` WHERE c.b IN (SELECT value FROM json_each(?))` + where + `
		ORDER BY 1, 2`
	args := append(append(append(append([]any{}, jargs...), list), jargs...), list)
	if p.Edges, err = queryEdges(ctx, tx, q, args); err != nil {
		return nil, fmt.Errorf("neighbourhood edges: %w", err)
	}
	all := graph.Ends(ids, p.Edges)
	if p.Entities, err = entitiesOf(ctx, tx, all, f); err != nil {
		return nil, err
	}
	if !counts {
		// The stored counts cost one lookup an entity, read with the
		// entity either way.
		p = graph.Uncounted(p, ids)
	}
	return p, nil
}

// sortEntities puts entities in a projection's order, by ID.
func sortEntities(ents []graph.ProjectedEntity) {
	sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
}

// EntitiesOf implements graph.NeighborhoodReader.
func (s *Store) EntitiesOf(ctx context.Context, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	if !wholeStore(f) {
		return countedEntities(ctx, s.db, ids, f)
	}
	return entitiesOf(ctx, s.db, ids, f)
}

// entitiesOf reads the entity_counts of ids.
func entitiesOf(ctx context.Context, q querier, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	tw, targs := typeFilter(f, "e")
	return scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent,
			c.articles, c.mentions, c.first, c.last
		FROM entity_counts c JOIN entities e ON e.id = c.id
		WHERE c.id IN (SELECT value FROM json_each(?)) AND `+tw+` ORDER BY e.id`, append([]any{mustJSON(ids)}, targs...)...))
}

// countedEntities counts the entities of ids within f from their mentions
// (the mentions_entity index, then each article's row for f): it reads
// their articles, not the corpus. An entity no article of f mentions, or
// of a type f leaves out, is left out.
func countedEntities(ctx context.Context, q querier, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	aw, aargs := articleFilter(f)
	tw, targs := typeFilter(f, "e")
	return scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent,
			count(*), sum(m.count), min(a.published), max(a.published)
		FROM mentions m JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id
		WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND `+aw+` AND `+tw+`
		GROUP BY e.id ORDER BY e.id`, append(append([]any{mustJSON(ids)}, aargs...), targs...)...))
}

// uncountedEntities reads the entities of ids that f's types keep, with
// zero counts (Links' neighbours).
func uncountedEntities(ctx context.Context, q querier, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	tw, targs := typeFilter(f, "e")
	return scanEntities(q.QueryContext(ctx, `SELECT e.id, e.type, e.kind, e.name, e.name_ar, e.aliases, e.wikidata, e.parent, 0, 0, NULL, NULL
		FROM entities e WHERE e.id IN (SELECT value FROM json_each(?)) AND `+tw+` ORDER BY e.id`, append([]any{mustJSON(ids)}, targs...)...))
}

// countedLinks counts the edges of the projection f gives that have an
// end in ids, by (A, B), from the articles of ids that pass f (typed edges:
// from the relations of ids, through relations_subject and
// relations_object), as countedProjection counts all of them.
func countedLinks(ctx context.Context, q querier, ids []string, f graph.Filter) ([]graph.Edge, error) {
	list := mustJSON(ids)
	if f.Level() == graph.TypedEdges {
		qt, args := typedEdges(f, `(r.subject IN (SELECT value FROM json_each(?)) OR r.object IN (SELECT value FROM json_each(?)))`, list, list)
		return queryEdges(ctx, q, qt, args)
	}
	aw, aargs := articleFilter(f)
	// fa: the articles of ids that pass f, each once.
	with := `WITH fa AS MATERIALIZED (
		SELECT m.article_id AS id, a.published FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND ` + aw + ` GROUP BY m.article_id)`
	// Pairs with an end in ids: x of ids, y any other; once when both are.
	pairs := func() (string, []any) {
		join, args := pairTypeJoin(f, "x.entity_id", "y.entity_id")
		return join + ` WHERE x.entity_id IN (SELECT value FROM json_each(?)) AND y.entity_id <> x.entity_id
			AND (y.entity_id NOT IN (SELECT value FROM json_each(?)) OR x.entity_id < y.entity_id)
			GROUP BY 1, 2 ORDER BY 1, 2`, append(args, list, list)
	}
	head := append([]any{list}, aargs...)
	sjoin, sargs := pairs()
	// Sentence-level counts: (article, sentence) pairs naming both.
	shared, err := queryEdges(ctx, q, with+`
		SELECT min(x.entity_id, y.entity_id), max(x.entity_id, y.entity_id), count(DISTINCT x.article_id), count(*), min(fa.published), max(fa.published)
		FROM fa JOIN mention_sentences x ON x.article_id = fa.id
		JOIN mention_sentences y ON y.article_id = fa.id AND y.sentence = x.sentence`+sjoin, append(append([]any{}, head...), sargs...))
	if err != nil || f.Level() == graph.SentenceEdges {
		return shared, err
	}
	ajoin, aargs2 := pairs()
	edges, err := queryEdges(ctx, q, with+`
		SELECT min(x.entity_id, y.entity_id), max(x.entity_id, y.entity_id), count(*), 0, min(fa.published), max(fa.published)
		FROM fa JOIN mentions x ON x.article_id = fa.id JOIN mentions y ON y.article_id = fa.id`+ajoin, append(append([]any{}, head...), aargs2...))
	if err != nil {
		return nil, err
	}
	sentences := make(map[[2]string]int, len(shared))
	for _, e := range shared {
		sentences[[2]string{e.A, e.B}] = e.Sentences
	}
	for i := range edges {
		edges[i].Sentences = sentences[[2]string{edges[i].A, edges[i].B}]
	}
	return edges, nil
}

// newestFirst chooses how Evidence finds the newest articles naming both a
// and b. One way intersects the two entities' runs of the mentions_entity
// index, in order, and sorts the articles in both by date: it reads as many
// index entries as the two have articles together. The other reads all
// articles newest first (articles_newest) and stops at the limit-th naming
// both: about limit·N/shared articles, each with two lookups, for N
// articles of which shared name both: far fewer for two entities that
// often go together (Mohammed VI and Morocco at 100,000 synthetic articles:
// 11 ms against 155 ms). It takes the second when it reads a quarter as
// many rows or fewer (the factor measured on that corpus), estimated from
// the aggregates; a filter on dates, languages or sources only makes the
// estimate optimistic.
func (s *Store) newestFirst(ctx context.Context, a, b string, limit int) bool {
	var total, shared, both sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT articles FROM co_mentions WHERE a = min(?1, ?2) AND b = max(?1, ?2)),
		(SELECT sum(articles) FROM entity_counts WHERE id IN (?1, ?2))`, a, b).Scan(&total, &shared, &both)
	if err != nil || !shared.Valid || shared.Int64 == 0 || !both.Valid || limit <= 0 {
		return false
	}
	return 4*int64(limit)*total.Int64/shared.Int64 < both.Int64
}

// pairTypeJoin joins entities ea and eb to the two ends of a pair, the
// columns a and b, keeping the pairs whose ends are both of f's types;
// "" and no arguments when f names no types.
func pairTypeJoin(f graph.Filter, a, b string) (string, []any) {
	if len(f.Types) == 0 {
		return "", nil
	}
	aw, aargs := typeFilter(f, "ea")
	bw, bargs := typeFilter(f, "eb")
	return ` JOIN entities ea ON ea.id = ` + a + ` AND ` + aw + ` JOIN entities eb ON eb.id = ` + b + ` AND ` + bw, append(aargs, bargs...)
}

// storedEdges is the query of the stored edges f keeps, by (a, b): a, b,
// the edge's article count at f's level and its sentence count, then,
// with dates, its first and last dates at that level.
func storedEdges(f graph.Filter, dates bool) (string, []any) {
	cols := `c.a, c.b, c.articles, c.sentences`
	if dates {
		cols += `, c.first, c.last`
	}
	if f.Level() == graph.SentenceEdges {
		cols = `c.a, c.b, c.s_articles, c.sentences`
		if dates {
			cols += `, c.s_first, c.s_last`
		}
	}
	join, args := pairTypeJoin(f, "c.a", "c.b")
	q := `SELECT ` + cols + ` FROM ` + pairRows + ` c` + join
	if f.Level() == graph.SentenceEdges {
		q += ` WHERE c.s_articles > 0`
	}
	return q + ` ORDER BY c.a, c.b`, args
}
