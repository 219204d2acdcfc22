package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// schemaV8 keeps the co-mention aggregates that a projection reads, so
// that a projection of the whole store is a read of one row per entity and
// per edge rather than a self-join of every mention (8 s on ar-news-2022
// and growing with the corpus). Both tables are derived from mentions,
// mention_sentences and articles.published, and Apply and Delete keep them
// exact in the transaction that changes those (see aggDelta); Check
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

// fillAggregates computes the aggregates of a store that has facts but no
// aggregates (a version-7 store being upgraded). The same queries recount
// them for Check.
var fillAggregates = []string{
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

// articleFacts is what one stored version of an article contributes to
// the aggregates.
type articleFacts struct {
	published string           // as stored; "" when undated
	counts    map[string]int   // entity ID → mentions.count
	sentences map[int][]string // sentence → the entity IDs named in it, sorted, distinct
}

// facts reads the stored version of an article; ok is false when the store
// does not hold it.
func readFacts(ctx context.Context, stmts map[string]*sql.Stmt, id string) (f articleFacts, ok bool, err error) {
	var published sql.NullString
	switch err := stmts["oldPublished"].QueryRowContext(ctx, id).Scan(&published); {
	case err == sql.ErrNoRows:
		return f, false, nil
	case err != nil:
		return f, false, err
	}
	f = articleFacts{published: published.String, counts: map[string]int{}, sentences: map[int][]string{}}
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
		f.counts[e] = n
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
		f.sentences[n] = append(f.sentences[n], e)
	}
	return f, true, rows.Err()
}

// docFacts is what a document will contribute once written.
func docFacts(d graph.Document) articleFacts {
	f := articleFacts{counts: map[string]int{}, sentences: map[int][]string{}}
	if p, ok := formatTime(d.Article.Published).(string); ok {
		f.published = p
	}
	seen := map[[2]any]bool{}
	for _, m := range d.Mentions {
		f.counts[m.EntityID] = m.Count
		for _, n := range m.Sentences {
			if k := [2]any{n, m.EntityID}; !seen[k] {
				seen[k] = true
				f.sentences[n] = append(f.sentences[n], m.EntityID)
			}
		}
	}
	for _, ids := range f.sentences {
		sort.Strings(ids)
	}
	return f
}

// pairFacts is what one article contributes to one co-mention edge.
type pairFacts struct {
	sentences int // sentences of the article naming both
}

// pairs lists the co-mention pairs of an article version.
func (f articleFacts) pairs() map[[2]string]pairFacts {
	ids := make([]string, 0, len(f.counts))
	for id := range f.counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make(map[[2]string]pairFacts, len(ids)*(len(ids)-1)/2)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			out[[2]string{a, b}] = pairFacts{}
		}
	}
	for _, ids := range f.sentences {
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				k := [2]string{a, b}
				p := out[k]
				p.sentences++
				out[k] = p
			}
		}
	}
	return out
}

// dates tracks the dates a batch adds to and removes from one aggregate:
// the least and greatest of each, "" for none. Adding is exact with min
// and max; removing a date that may have been the aggregate's first or
// last forces a recount of that aggregate's dates.
type dates struct{ addMin, addMax, rmMin, rmMax string }

func (d *dates) add(t string) {
	if t == "" {
		return
	}
	if d.addMin == "" || t < d.addMin {
		d.addMin = t
	}
	if t > d.addMax {
		d.addMax = t
	}
}

func (d *dates) remove(t string) {
	if t == "" {
		return
	}
	if d.rmMin == "" || t < d.rmMin {
		d.rmMin = t
	}
	if t > d.rmMax {
		d.rmMax = t
	}
}

// merge widens d by the dates o adds and removes.
func (d *dates) merge(o dates) {
	d.add(o.addMin)
	d.add(o.addMax)
	d.remove(o.rmMin)
	d.remove(o.rmMax)
}

// stale reports whether the removed dates may have been first or last.
func (d dates) stale(first, last sql.NullString) bool {
	return d.rmMin != "" && (!first.Valid || d.rmMin <= first.String || d.rmMax >= last.String)
}

type entityDelta struct {
	articles, mentions int
	dates              dates
}

type pairDelta struct {
	articles, sentences, sArticles int
	dates, sDates                  dates
}

// aggDelta is the change a batch of writes makes to the aggregates,
// summed in memory and written once at the end of the transaction.
type aggDelta struct {
	entities map[string]*entityDelta
	pairs    map[[2]string]*pairDelta
}

func newAggDelta() *aggDelta {
	return &aggDelta{entities: map[string]*entityDelta{}, pairs: map[[2]string]*pairDelta{}}
}

func (d *aggDelta) entity(id string) *entityDelta {
	e := d.entities[id]
	if e == nil {
		e = &entityDelta{}
		d.entities[id] = e
	}
	return e
}

func (d *aggDelta) pair(k [2]string) *pairDelta {
	p := d.pairs[k]
	if p == nil {
		p = &pairDelta{}
		d.pairs[k] = p
	}
	return p
}

// merge adds the deltas of o to d.
func (d *aggDelta) merge(o *aggDelta) {
	for id, oe := range o.entities {
		e := d.entity(id)
		e.articles += oe.articles
		e.mentions += oe.mentions
		e.dates.merge(oe.dates)
	}
	for k, op := range o.pairs {
		p := d.pair(k)
		p.articles += op.articles
		p.sentences += op.sentences
		p.sArticles += op.sArticles
		p.dates.merge(op.dates)
		p.sDates.merge(op.sDates)
	}
}

// replace records an article going from version old (absent when !hadOld)
// to version next (absent when !hasNew). Where both versions have the same
// date, what they share changes no date, so the common case — an article
// written again with a few entities more or less — forces no recount.
func (d *aggDelta) replace(old articleFacts, hadOld bool, next articleFacts, hasNew bool) {
	sameDate := hadOld && hasNew && old.published == next.published
	for id, n := range old.counts {
		if !hadOld {
			break
		}
		e := d.entity(id)
		e.mentions -= n
		if _, kept := next.counts[id]; kept && sameDate {
			continue
		}
		e.articles--
		e.dates.remove(old.published)
	}
	for id, n := range next.counts {
		if !hasNew {
			break
		}
		e := d.entity(id)
		e.mentions += n
		if _, kept := old.counts[id]; kept && sameDate {
			continue
		}
		e.articles++
		e.dates.add(next.published)
	}
	var oldPairs, newPairs map[[2]string]pairFacts
	if hadOld {
		oldPairs = old.pairs()
	}
	if hasNew {
		newPairs = next.pairs()
	}
	for k, o := range oldPairs {
		p := d.pair(k)
		p.sentences -= o.sentences
		n, kept := newPairs[k]
		if !(kept && sameDate) {
			p.articles--
			p.dates.remove(old.published)
		}
		if o.sentences > 0 && !(kept && sameDate && n.sentences > 0) {
			p.sArticles--
			p.sDates.remove(old.published)
		}
	}
	for k, n := range newPairs {
		p := d.pair(k)
		p.sentences += n.sentences
		o, kept := oldPairs[k]
		if !(kept && sameDate) {
			p.articles++
			p.dates.add(next.published)
		}
		if n.sentences > 0 && !(kept && sameDate && o.sentences > 0) {
			p.sArticles++
			p.sDates.add(next.published)
		}
	}
}

// entityUpsert adds n rows of deltas (id, articles, mentions, first,
// last) to entity_counts: counts summed, dates widened.
func entityUpsert(n int) string {
	return `INSERT INTO entity_counts (id, articles, mentions, first, last) VALUES ` + valueRows(n, 5) + `
			ON CONFLICT (id) DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions,
			first = coalesce(min(first, excluded.first), first, excluded.first),
			last = coalesce(max(last, excluded.last), last, excluded.last)`
}

// pairUpsert adds n rows of deltas (a, b, articles, sentences, s_articles,
// first, last, s_first, s_last) to co_mentions.
func pairUpsert(n int) string {
	return `INSERT INTO co_mentions (a, b, articles, sentences, s_articles, first, last, s_first, s_last) VALUES ` + valueRows(n, 9) + `
			ON CONFLICT (a, b) DO UPDATE SET articles = articles + excluded.articles, sentences = sentences + excluded.sentences,
			s_articles = s_articles + excluded.s_articles,
			first = coalesce(min(first, excluded.first), first, excluded.first),
			last = coalesce(max(last, excluded.last), last, excluded.last),
			s_first = coalesce(min(s_first, excluded.s_first), s_first, excluded.s_first),
			s_last = coalesce(max(s_last, excluded.s_last), s_last, excluded.s_last)`
}

// upsertRows runs upsert (entityUpsert or pairUpsert) over args, k values
// a row, through a rowWriter.
func upsertRows(ctx context.Context, tx *sql.Tx, upsert func(n int) string, k int, args []any) error {
	w := newRowWriter(tx, k, upsert)
	defer w.close()
	w.args = args
	return w.flush(ctx)
}

// nullable is "" as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// write applies the delta in tx, after the facts have been written: rows
// reaching zero articles go, and aggregates whose first or last date a
// removal may have taken are recounted from the facts, which by then are
// the new ones.
func (d *aggDelta) write(ctx context.Context, tx *sql.Tx) error {
	stmts, err := prepare(ctx, tx, map[string]string{
		"entity":    entityUpsert(1) + ` RETURNING articles, first, last`,
		"delEntity": `DELETE FROM entity_counts WHERE id = ?`,
		"entityDates": `UPDATE entity_counts SET (first, last) = (SELECT min(a.published), max(a.published)
			FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?) WHERE id = ?`,
		"pair":    pairUpsert(1) + ` RETURNING articles, s_articles, first, last, s_first, s_last`,
		"delPair": `DELETE FROM co_mentions WHERE a = ? AND b = ?`,
		"pairDates": `UPDATE co_mentions SET (first, last) = (SELECT min(ar.published), max(ar.published)
			FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id = ?
			JOIN articles ar ON ar.id = m1.article_id WHERE m1.entity_id = ?) WHERE a = ? AND b = ?`,
		// The articles where the two share a sentence: each article's few
		// sentence rows through the primary key, not an index on entities.
		"pairSentenceDates": `UPDATE co_mentions SET (s_first, s_last) = (SELECT min(ar.published), max(ar.published)
			FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id = ?
			JOIN articles ar ON ar.id = m1.article_id
			WHERE m1.entity_id = ? AND EXISTS (SELECT 1 FROM mention_sentences s1 JOIN mention_sentences s2
				ON s2.article_id = s1.article_id AND s2.sentence = s1.sentence AND s2.entity_id = m2.entity_id
				WHERE s1.article_id = m1.article_id AND s1.entity_id = m1.entity_id)) WHERE a = ? AND b = ?`,
	})
	if err != nil {
		return fmt.Errorf("write aggregates: %w", err)
	}
	defer closeAll(stmts)

	ids := make([]string, 0, len(d.entities))
	for id := range d.entities {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same writes in the same order, whatever the map's
	pure := make([]any, 0, 5*len(d.entities))
	for _, id := range ids {
		e := d.entities[id]
		if e.articles == 0 && e.mentions == 0 && e.dates == (dates{}) {
			continue
		}
		if e.articles >= 0 && e.dates.rmMin == "" {
			// Nothing removed: no row can reach zero or lose a date.
			pure = append(pure, id, e.articles, e.mentions, nullable(e.dates.addMin), nullable(e.dates.addMax))
			continue
		}
		var articles int
		var first, last sql.NullString
		if err := stmts["entity"].QueryRowContext(ctx, id, e.articles, e.mentions, nullable(e.dates.addMin), nullable(e.dates.addMax)).
			Scan(&articles, &first, &last); err != nil {
			return fmt.Errorf("write aggregates: entity %s: %w", id, err)
		}
		switch {
		case articles <= 0:
			if _, err := stmts["delEntity"].ExecContext(ctx, id); err != nil {
				return fmt.Errorf("write aggregates: entity %s: %w", id, err)
			}
		case e.dates.stale(first, last):
			if _, err := stmts["entityDates"].ExecContext(ctx, id, id); err != nil {
				return fmt.Errorf("write aggregates: entity %s: %w", id, err)
			}
		}
	}

	if err := upsertRows(ctx, tx, entityUpsert, 5, pure); err != nil {
		return fmt.Errorf("write aggregates: entities: %w", err)
	}

	keys := make([][2]string, 0, len(d.pairs))
	for k := range d.pairs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	pure = make([]any, 0, 9*len(d.pairs))
	for _, k := range keys {
		p := d.pairs[k]
		if *p == (pairDelta{}) {
			continue
		}
		if p.articles >= 0 && p.sArticles >= 0 && p.dates.rmMin == "" && p.sDates.rmMin == "" {
			pure = append(pure, k[0], k[1], p.articles, p.sentences, p.sArticles,
				nullable(p.dates.addMin), nullable(p.dates.addMax), nullable(p.sDates.addMin), nullable(p.sDates.addMax))
			continue
		}
		var articles, sArticles int
		var first, last, sFirst, sLast sql.NullString
		if err := stmts["pair"].QueryRowContext(ctx, k[0], k[1], p.articles, p.sentences, p.sArticles,
			nullable(p.dates.addMin), nullable(p.dates.addMax), nullable(p.sDates.addMin), nullable(p.sDates.addMax)).
			Scan(&articles, &sArticles, &first, &last, &sFirst, &sLast); err != nil {
			return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
		}
		if articles <= 0 {
			if _, err := stmts["delPair"].ExecContext(ctx, k[0], k[1]); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
			continue
		}
		if p.dates.stale(first, last) {
			if _, err := stmts["pairDates"].ExecContext(ctx, k[1], k[0], k[0], k[1]); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
		}
		if p.sDates.stale(sFirst, sLast) && sArticles > 0 {
			if _, err := stmts["pairSentenceDates"].ExecContext(ctx, k[1], k[0], k[0], k[1]); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
		}
		if sArticles <= 0 && (sFirst.Valid || sLast.Valid) {
			if _, err := tx.ExecContext(ctx, `UPDATE co_mentions SET s_first = NULL, s_last = NULL WHERE a = ? AND b = ?`, k[0], k[1]); err != nil {
				return fmt.Errorf("write aggregates: edge %s–%s: %w", k[0], k[1], err)
			}
		}
	}
	if err := upsertRows(ctx, tx, pairUpsert, 9, pure); err != nil {
		return fmt.Errorf("write aggregates: edges: %w", err)
	}
	return nil
}

// querier is a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// wholeStore reports whether f keeps every article, so that the stored
// aggregates answer it; f.Types, which narrows entities and not articles,
// is applied to them.
func wholeStore(f graph.Filter) bool {
	return f.Since.IsZero() && f.Until.IsZero() && len(f.Langs) == 0 && len(f.Sources) == 0
}

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
	q := `SELECT c.a, c.b, c.articles, c.sentences, c.first, c.last FROM co_mentions c`
	if f.Level() == graph.SentenceEdges {
		q = `SELECT c.a, c.b, c.s_articles, c.sentences, c.s_first, c.s_last FROM co_mentions c`
	}
	var args []any
	if len(f.Types) > 0 {
		aw, aargs := typeFilter(f, "ea")
		bw, bargs := typeFilter(f, "eb")
		q += ` JOIN entities ea ON ea.id = c.a AND ` + aw + ` JOIN entities eb ON eb.id = c.b AND ` + bw
		args = append(aargs, bargs...)
	}
	if f.Level() == graph.SentenceEdges {
		q += ` WHERE c.s_articles > 0`
	}
	q += ` ORDER BY c.a, c.b`
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
	if !wholeStore(f) || f.Level() == graph.TypedEdges {
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
	ents, err := storedEntities(ctx, tx, f)
	if err != nil {
		return err
	}
	index := make(map[string]int32, len(ents))
	for i, e := range ents {
		index[e.ID] = int32(i)
	}
	if err := v.Entities(ents); err != nil {
		return err
	}
	q := `SELECT c.a, c.b, c.articles, c.sentences FROM co_mentions c`
	if f.Level() == graph.SentenceEdges {
		q = `SELECT c.a, c.b, c.s_articles, c.sentences FROM co_mentions c`
	}
	var args []any
	if len(f.Types) > 0 {
		aw, aargs := typeFilter(f, "ea")
		bw, bargs := typeFilter(f, "eb")
		q += ` JOIN entities ea ON ea.id = c.a AND ` + aw + ` JOIN entities eb ON eb.id = c.b AND ` + bw
		args = append(aargs, bargs...)
	}
	if f.Level() == graph.SentenceEdges {
		q += ` WHERE c.s_articles > 0`
	}
	q += ` ORDER BY c.a, c.b`
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("projection edges: %w", err)
	}
	defer rows.Close()
	var a, b sql.RawBytes // reused: looking an ID up copies nothing
	at := func(id []byte) int32 {
		if i, ok := index[string(id)]; ok {
			return i
		}
		return -1
	}
	for rows.Next() {
		var articles, sentences int
		if err := rows.Scan(&a, &b, &articles, &sentences); err != nil {
			return fmt.Errorf("projection edges: %w", err)
		}
		if err := v.Edge(at(a), at(b), articles, sentences); err != nil {
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
// it counts the whole projection and keeps the part around ids.
func (s *Store) Neighborhood(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	if !wholeStore(f) || f.Level() == graph.TypedEdges {
		p, err := s.countedProjection(ctx, f)
		if err != nil {
			return nil, err
		}
		return graph.Around(p, ids), nil
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("neighbourhood: %w", err)
	}
	defer tx.Rollback() // read only
	list := mustJSON(ids)
	cols := `c.a, c.b, c.articles, c.sentences, c.first, c.last`
	where := ``
	if f.Level() == graph.SentenceEdges {
		cols = `c.a, c.b, c.s_articles, c.sentences, c.s_first, c.s_last`
		where = ` AND c.s_articles > 0`
	}
	join, jargs := "", []any(nil)
	if len(f.Types) > 0 {
		aw, aargs := typeFilter(f, "ea")
		bw, bargs := typeFilter(f, "eb")
		join = ` JOIN entities ea ON ea.id = c.a AND ` + aw + ` JOIN entities eb ON eb.id = c.b AND ` + bw
		jargs = append(aargs, bargs...)
	}
	// Each half reads one index; UNION drops an edge between two of ids
	// found from both ends.
	q := `SELECT ` + cols + ` FROM co_mentions c` + join + ` WHERE c.a IN (SELECT value FROM json_each(?))` + where + `
		UNION SELECT ` + cols + ` FROM co_mentions c` + join + ` WHERE c.b IN (SELECT value FROM json_each(?))` + where + `
		ORDER BY 1, 2`
	args := append(append(append(append([]any{}, jargs...), list), jargs...), list)
	p := &graph.Projection{}
	if p.Edges, err = queryEdges(ctx, tx, q, args); err != nil {
		return nil, fmt.Errorf("neighbourhood edges: %w", err)
	}
	all := graph.Ends(ids, p.Edges)
	if p.Entities, err = entitiesOf(ctx, tx, all, f); err != nil {
		return nil, err
	}
	return p, nil
}

// EntitiesOf implements graph.NeighborhoodReader.
func (s *Store) EntitiesOf(ctx context.Context, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	if !wholeStore(f) {
		ents, _, _, err := s.entities(ctx, f)
		if err != nil {
			return nil, err
		}
		return graph.Around(&graph.Projection{Entities: ents}, ids).Entities, nil
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
