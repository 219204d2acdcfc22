package neo4j

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
)

// Config holds what a connection needs besides the URI. The zero Username
// and Database mean "neo4j", Neo4j's defaults.
type Config struct {
	Username string
	Password string
	Database string
}

// Store is a graph.Store in a Neo4j database.
type Store struct {
	driver   driver.DriverWithContext
	database string
	where    string // the URI without credentials, for messages

	// aggregated caches whether the store's aggregates are complete
	// (see aggregatesKey); it is read once.
	aggregatedOnce sync.Once
	aggregated     bool
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

// Schemes are the URI schemes the store serves.
var Schemes = []string{"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}

// Backend returns the backend for graph.Open, with cfg's credentials.
func Backend(cfg Config) graph.Backend {
	return graph.Backend{
		Name:    "neo4j",
		Schemes: Schemes,
		Open: func(ctx context.Context, location string) (graph.Store, error) {
			return Open(ctx, location, cfg)
		},
	}
}

// Sentinel errors for the ways a connection fails; the messages Open
// returns wrap them and say what to check.
var (
	ErrUnreachable     = errors.New("neo4j server unreachable")
	ErrUnauthorized    = errors.New("neo4j refused the credentials")
	ErrNoSuchDatabase  = errors.New("neo4j database not found")
	ErrMissingPassword = errors.New("no neo4j password")
)

// Open connects to the server at uri, checks that the database answers
// and creates the schema's constraints and indexes if they are missing.
// Credentials in the URI's user-info (neo4j://user:pass@host) override cfg.
func Open(ctx context.Context, uri string, cfg Config) (*Store, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return nil, fmt.Errorf("store %s: not a valid URI", graph.Redact(uri))
	}
	if u.User != nil {
		cfg.Username = u.User.Username()
		if pw, ok := u.User.Password(); ok {
			cfg.Password = pw
		}
		u.User = nil
	}
	if cfg.Username == "" {
		cfg.Username = "neo4j"
	}
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	where := u.String()
	if cfg.Password == "" {
		return nil, fmt.Errorf("store %s: %w: set NEO4J_PASSWORD or --neo4j-password", where, ErrMissingPassword)
	}
	d, err := driver.NewDriverWithContext(where, driver.BasicAuth(cfg.Username, cfg.Password, ""), func(c *driver.Config) {
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.MaxTransactionRetryTime = 30 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: %v", where, err)
	}
	s := &Store{driver: d, database: cfg.Database, where: where}
	if err := s.check(ctx, cfg.Username); err != nil {
		d.Close(ctx)
		return nil, err
	}
	if err := s.ensureSchema(ctx); err != nil {
		d.Close(ctx)
		return nil, fmt.Errorf("store %s: create schema: %w", where, err)
	}
	return s, nil
}

// check turns the driver's connection errors into one-line messages that
// say what to check. None of them can contain the password: the driver
// never echoes it, and we do not either.
func (s *Store) check(ctx context.Context, user string) error {
	err := s.driver.VerifyConnectivity(ctx)
	if err == nil {
		_, err = s.read(ctx, "RETURN 1 AS ok", nil)
	}
	if err == nil {
		return nil
	}
	var authErr *driver.InvalidAuthenticationError
	var nerr *driver.Neo4jError
	switch {
	case errors.As(err, &authErr) || errors.As(err, &nerr) && strings.HasPrefix(nerr.Code, "Neo.ClientError.Security."):
		return fmt.Errorf("store %s: %w for user %q: check NEO4J_USERNAME and NEO4J_PASSWORD", s.where, ErrUnauthorized, user)
	case errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
		return fmt.Errorf("store %s: %w: no database %q; check NEO4J_DATABASE (Community edition has only \"neo4j\")", s.where, ErrNoSuchDatabase, s.database)
	case driver.IsConnectivityError(err) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("store %s: %w: is Neo4j running, and is the host and Bolt port right? (make neo4j-up starts a local one)", s.where, ErrUnreachable)
	}
	return fmt.Errorf("store %s: %w", s.where, err)
}

// Close closes the driver.
func (s *Store) Close() error { return s.driver.Close(context.Background()) }

// schema is created idempotently at every Open.
var schema = append([]string{
	"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
	"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
	"CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)",
	// graph.Article.Text: the fingerprint of an article's title and body.
	"CREATE INDEX article_text IF NOT EXISTS FOR (a:Article) ON (a.text)",
	// The writer lock and the run history (runs.go).
	"CREATE CONSTRAINT ingest_lock_name IF NOT EXISTS FOR (l:IngestLock) REQUIRE l.name IS UNIQUE",
	"CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (r:IngestRun) REQUIRE r.id IS UNIQUE",
	"CREATE INDEX ingest_run_started IF NOT EXISTS FOR (r:IngestRun) ON (r.started)",
	"CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)",
	// Browser and Resolve search over names in both scripts. Lucene's Arabic
	// analyzer normalises alef, ya and ta marbuta and strips diacritics and
	// common affixes; Latin text is lower-cased by it too.
	"CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.nameAr, e.aliasText] " +
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}}",
}, relationIndexes()...)

// relationIndexes index every relation type on its article, by which an
// article's relations are found when it is replaced or deleted. Names and
// types come from graph.RelationTypes, a constant list.
func relationIndexes() []string {
	var qs []string
	for _, t := range graph.RelationTypes {
		qs = append(qs, fmt.Sprintf("CREATE INDEX relation_%s_article IF NOT EXISTS FOR ()-[r:%s]-() ON (r.article)",
			strings.ToLower(string(t)), t))
	}
	return qs
}

func (s *Store) ensureSchema(ctx context.Context) error {
	for _, q := range append(schema, qMarkEmptyAggregated) {
		if _, err := driver.ExecuteQuery(ctx, s.driver, q, map[string]any{"key": aggregatesKey, "version": aggregatesVersion},
			driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(s.database)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) session(ctx context.Context, mode driver.AccessMode) driver.SessionWithContext {
	return s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.database, AccessMode: mode})
}

// read runs one read query and returns its records.
func (s *Store) read(ctx context.Context, query string, params map[string]any) ([]*driver.Record, error) {
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	return driver.ExecuteRead(ctx, sess, func(tx driver.ManagedTransaction) ([]*driver.Record, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	})
}

// write runs fn in one managed write transaction.
func (s *Store) write(ctx context.Context, fn func(tx driver.ManagedTransaction) error) error {
	sess := s.session(ctx, driver.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := driver.ExecuteWrite(ctx, sess, func(tx driver.ManagedTransaction) (struct{}, error) {
		return struct{}{}, fn(tx)
	})
	return err
}

func run(ctx context.Context, tx driver.ManagedTransaction, query string, params map[string]any) ([]*driver.Record, error) {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// qEntities upserts entities, each row the version of it that article
// row.article gave. A stored entity keeps the version of the article with
// the least ID that mentions it, recorded as versionArticle (see
// deriveEntities): a row replaces it when its article's ID is no greater,
// or when row.force is set; one created here takes the row. Labels cannot
// be parameters, so the type label is set by one FOREACH per label over a
// list that is empty unless the row has that type: one constant query, one
// round trip for every type.
//
// Each row returns the node's element ID; created, whether this statement
// created it: a new entity is marked with createdBy, $attempt, a value made
// afresh for each attempt of the transaction, which writeAggregates removes
// before it ends, so no other transaction or attempt can read it, and no
// value a store holds can pass for it; and unversioned, whether it lacks a
// versionArticle (a store written before it).
const qEntities = `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.versionArticle = row.article, e.createdBy = $attempt
WITH e, row
CALL {
  WITH e, row
  WITH e, row WHERE row.force OR row.article <= e.versionArticle
  SET e.versionArticle = row.article, e.type = row.type, e.kind = row.kind, e.name = row.name, e.nameAr = row.nameAr, e.caption = row.caption,
      e.aliases = row.aliases, e.aliasText = row.aliasText, e.keys = row.keys, e.wikidata = row.wikidata,
      e.parent = row.parent
  REMOVE e:Person:Organization:Location
  FOREACH (_ IN CASE WHEN row.type = 'person' THEN [1] ELSE [] END | SET e:Person)
  FOREACH (_ IN CASE WHEN row.type = 'organization' THEN [1] ELSE [] END | SET e:Organization)
  FOREACH (_ IN CASE WHEN row.type = 'location' THEN [1] ELSE [] END | SET e:Location)
}
RETURN row.id AS id, elementId(e) AS element, coalesce(e.createdBy = $attempt, false) AS created, e.versionArticle IS NULL AS unversioned`

// noReplan prefixes the write statements whose every node is found by an
// element-ID seek, chosen by rule: statistics cannot change their plan, and a growing store's statistics otherwise have Neo4j plan them
// again and again in the middle of an ingest (its default for any query
// whose statistics diverge; about a tenth of the server's time in a
// measured ingest of ar-news-2022).
const noReplan = "CYPHER replan=skip "

const (
	// qOldFacts returns, per stored article that mentions any entity, its
	// date and the entity, count and sentences of each of its MENTIONS:
	// what its current version contributes to the aggregates (factsOf).
	// qDropMentions (below) does the same and deletes the mentions, for an
	// article about to be rewritten.
	qOldFacts = `UNWIND $ids AS id
MATCH (art:Article {id: id})-[m:MENTIONS]->(e:Entity)
RETURN id, art.published AS published, collect([e.id, m.count, m.sentences]) AS mentions`
	qStoredArticles = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id`
	qArticles = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.source = row.source, a.title = row.title, a.published = row.published,
    a.lang = row.lang, a.hash = row.hash, a.input = row.input, a.text = row.text,
    a.sentenceIndexes = row.sentenceIndexes, a.sentenceTexts = row.sentenceTexts
RETURN row.id AS id, elementId(a) AS element`
	qMentions = noReplan + `UNWIND $rows AS row
MATCH (a:Article) WHERE elementId(a) = row.articleElement
MATCH (e:Entity) WHERE elementId(e) = row.entityElement
CREATE (a)-[:MENTIONS {count: row.count, surfaces: row.surfaces, sentences: row.sentences,
    starts: row.starts, ends: row.ends, spanSentences: row.spanSentences, spanSurfaces: row.spanSurfaces,
    methods: row.methods, entity: row.entityJSON}]->(e)`
	// qStaleVersions returns the entities of rows whose version may be
	// wrong after a write: those whose versionArticle is among
	// row.articles, which no longer mention them, and those a store
	// written before versionArticle has none on.
	qStaleVersions = `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
WHERE e.versionArticle IS NULL OR e.versionArticle IN row.articles
RETURN e.id AS id`
	// qEntityVersions returns, per entity, the version of it that the
	// article with the least ID mentioning it gave, and that article
	// (see deriveEntities). It reads every mention of the entity.
	qEntityVersions = `UNWIND $ids AS id
MATCH (e:Entity {id: id})<-[m:MENTIONS]-(a:Article)
WHERE m.entity IS NOT NULL
WITH id, m.entity AS version, a.id AS article ORDER BY article
RETURN id, head(collect([version, article])) AS version`
	qDropOrphans = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Article) }
DETACH DELETE e`
)

// Relationship types cannot be parameters, so the relation queries below
// are built from graph.RelationTypes, a constant list; every value in them
// is a parameter.
var (
	// qDropMentions drops the article's relations as well, before its
	// mentions: the same round trip, and relations never outlive them.
	qDropMentions = `UNWIND $ids AS id
MATCH (art:Article {id: id})
` + dropRelations + `WITH id, art
MATCH (art)-[m:MENTIONS]->(e:Entity)
WITH id, art.published AS published, m, [e.id, m.count, m.sentences] AS mention
DELETE m
RETURN id, published, collect(mention) AS mentions`
	// qDeleteArticles deletes articles with their mentions and relations.
	qDeleteArticles = `UNWIND $ids AS id
` + dropRelations + `WITH id
MATCH (a:Article {id: id})
DETACH DELETE a`
	// dropRelations deletes the relations of article id, one subquery per
	// type so that each uses its type's index on article.
	dropRelations = func() string {
		var b strings.Builder
		for _, t := range graph.RelationTypes {
			fmt.Fprintf(&b, "CALL { WITH id MATCH ()-[r:%s {article: id}]->() DELETE r }\n", t)
		}
		return b.String()
	}()
	// qRelations creates relations: between subject and object, or, for
	// STATEMENT, from the speaker to the article. As with labels in
	// qEntities, one FOREACH per type runs for the rows of that type only.
	qRelations = func() string {
		var b strings.Builder
		b.WriteString(noReplan + `UNWIND $rows AS row
MATCH (s:Entity) WHERE elementId(s) = row.subjectElement
MATCH (art:Article) WHERE elementId(art) = row.articleElement
OPTIONAL MATCH (o:Entity) WHERE elementId(o) = row.objectElement
`)
		for _, t := range graph.RelationTypes {
			to := "o"
			if t == graph.Statement {
				to = "art"
			}
			fmt.Fprintf(&b, "FOREACH (_ IN CASE WHEN row.type = '%s' THEN [1] ELSE [] END | CREATE (s)-[r:%s]->(%s) SET r = row.props)\n", t, t, to)
		}
		return b.String()
	}()
	// typedPattern matches the relation types that join two entities,
	// allPattern every relation type.
	typedPattern, allPattern = func() (string, string) {
		var typed, all []string
		for _, t := range graph.RelationTypes {
			all = append(all, string(t))
			if t != graph.Statement {
				typed = append(typed, string(t))
			}
		}
		return strings.Join(typed, "|"), strings.Join(all, "|")
	}()
)

// Apply implements graph.Store.
func (s *Store) Apply(ctx context.Context, docs []graph.Document) error {
	if len(docs) == 0 {
		return nil
	}
	if err := graph.Validate(docs); err != nil {
		return err
	}
	// Later documents with the same article ID win, as in one-by-one writes.
	byID := make(map[string]int, len(docs))
	var order []string
	for i, d := range docs {
		if _, ok := byID[d.Article.ID]; !ok {
			order = append(order, d.Article.ID)
		}
		byID[d.Article.ID] = i
	}
	// Each entity the batch mentions, as the article with the least ID
	// gave it.
	entities := make(map[string]versioned)
	var articles, mentions, relations []map[string]any
	facts := make(map[string]graph.ArticleFacts, len(order))
	for _, id := range order {
		d := docs[byID[id]]
		a := d.Article
		articles = append(articles, map[string]any{
			"id": a.ID, "url": a.URL, "source": a.Source, "title": a.Title,
			"published": timeParam(a.Published), "lang": a.Lang, "hash": a.Hash, "input": a.Input,
			"text": a.Text,
		})
		// Sentence texts as two parallel lists on the article: Neo4j
		// properties hold no maps.
		idx, texts := make([]int64, len(d.Sentences)), make([]string, len(d.Sentences))
		for i, st := range d.Sentences {
			idx[i], texts[i] = int64(st.Index), st.Text
		}
		articles[len(articles)-1]["sentenceIndexes"], articles[len(articles)-1]["sentenceTexts"] = idx, texts
		facts[id] = graph.DocumentFacts(d, dateKey(a.Published))
		for _, m := range d.Mentions {
			row := map[string]any{
				"article": a.ID, "entity": m.EntityID, "count": int64(m.Count),
				"surfaces": nonNil(m.Surfaces), "sentences": sentenceSet(m.Sentences),
			}
			addSpans(row, m.Spans)
			e := carried(d.Entities, m.EntityID)
			row["entityJSON"] = entityJSON(e)
			mentions = append(mentions, row)
			if v, ok := entities[e.ID]; !ok || a.ID < v.article {
				entities[e.ID] = versioned{e, a.ID}
			}
		}
		for i, r := range d.Relations {
			relations = append(relations, relationRow(a, i, r))
		}
	}
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		// Only articles already stored have mentions and relations to drop:
		// most of a growing corpus's batch is new, and the drop is 15
		// subqueries an article.
		recs, err := run(ctx, tx, qStoredArticles, map[string]any{"ids": order})
		if err != nil {
			return err
		}
		var old map[string]graph.ArticleFacts
		if len(recs) > 0 {
			stored := make([]string, len(recs))
			for i, r := range recs {
				stored[i] = str(r, "id")
			}
			if old, err = oldFacts(ctx, tx, qDropMentions, stored); err != nil {
				return err
			}
		}
		agg := graph.NewAggregateDelta()
		left := make(map[string][]string) // entity → the articles that no longer mention it
		for _, id := range order {
			o, had := old[id]
			agg.Replace(o, had, facts[id], true)
			for e := range o.Counts {
				if _, kept := facts[id].Counts[e]; !kept {
					left[e] = append(left[e], id)
				}
			}
		}
		// The element IDs of the batch's nodes, which the statements below
		// seek directly instead of through the id indexes: they are stable
		// within the transaction.
		elements := make(map[string]string, len(entities))
		var unversioned []string         // entities of a store written before versionArticle
		created := make(map[string]bool) // entities this transaction created
		if len(entities) > 0 {
			recs, err := run(ctx, tx, qEntities, map[string]any{"rows": entityRows(entities, false), "attempt": attemptMark()})
			if err != nil {
				return err
			}
			for _, r := range recs {
				id := str(r, "id")
				elements[id] = str(r, "element")
				if flag(r, "created") {
					created[id] = true
				}
				if flag(r, "unversioned") {
					unversioned = append(unversioned, id)
				}
			}
		}
		recs, err = run(ctx, tx, qArticles, map[string]any{"rows": articles})
		if err != nil {
			return err
		}
		articleElements := make(map[string]string, len(articles))
		addElements(articleElements, recs)
		for _, row := range mentions {
			row["articleElement"] = articleElements[row["article"].(string)]
			row["entityElement"] = elements[row["entity"].(string)]
		}
		if _, err := run(ctx, tx, qMentions, map[string]any{"rows": mentions}); err != nil {
			return err
		}
		for _, row := range relations {
			row["articleElement"] = articleElements[row["article"].(string)]
			row["subjectElement"] = elements[row["subject"].(string)]
			if o, ok := row["object"].(string); ok {
				row["objectElement"] = elements[o]
			}
		}
		if len(relations) > 0 {
			if _, err := run(ctx, tx, qRelations, map[string]any{"rows": relations}); err != nil {
				return err
			}
		}
		// Entities the old versions mentioned and the new ones do not may
		// need another version, or none (finish).
		var gone []string
		for e := range left {
			if _, ok := entities[e]; !ok {
				gone = append(gone, e)
			}
		}
		if err := deriveEntities(ctx, tx, append(slices.Collect(maps.Keys(left)), unversioned...), left); err != nil {
			return err
		}
		return finish(ctx, tx, gone, agg, batchNodes{elements, created})
	})
	if rejected(err) {
		return fmt.Errorf("write %d articles: %w: %w", len(order), graph.ErrRejected, err)
	}
	if err != nil {
		return fmt.Errorf("write %d articles: %w", len(order), err)
	}
	return nil
}

// rejected reports whether err is the server refusing a statement for the
// values it was given — a property too large to index, a constraint — rather
// than the server or the connection failing: Neo4j's Statement and Schema
// error categories, whether classed as client or database errors (a value
// too large to index is Neo.DatabaseError.Statement.ExecutionFailed).
func rejected(err error) bool {
	var ne *driver.Neo4jError
	if !errors.As(err, &ne) {
		return false
	}
	switch ne.Classification() {
	case "ClientError", "DatabaseError":
	default:
		return false
	}
	switch ne.Category() {
	case "Statement", "Schema":
		return true
	}
	return false
}

// oldFacts runs query (qOldFacts or qDropMentions) for articles and
// returns what the stored version of each contributes to the aggregates,
// by article ID; an article that mentions nothing contributes nothing and
// is left out.
func oldFacts(ctx context.Context, tx driver.ManagedTransaction, query string, articles []string) (map[string]graph.ArticleFacts, error) {
	recs, err := run(ctx, tx, query, map[string]any{"ids": articles})
	if err != nil {
		return nil, err
	}
	out := make(map[string]graph.ArticleFacts, len(recs))
	for _, r := range recs {
		f := graph.NewArticleFacts(dateKey(timeOf(r, "published")))
		raw, _ := r.Get("mentions")
		for _, v := range raw.([]any) {
			m := v.([]any)
			id, _ := m[0].(string)
			count, _ := m[1].(int64)
			var sentences []int
			if l, ok := m[2].([]any); ok {
				for _, n := range l {
					if n, ok := n.(int64); ok {
						sentences = append(sentences, int(n))
					}
				}
			}
			f.Add(id, int(count), sentences)
		}
		out[str(r, "id")] = f
	}
	return out, nil
}

// versioned is an entity as the article of ID article gave it.
type versioned struct {
	graph.Entity
	article string
}

// carried is the first entity of ID id among ents (graph.Validate has
// checked that a mention's entity is carried).
func carried(ents []graph.Entity, id string) graph.Entity {
	for _, e := range ents {
		if e.ID == id {
			return e
		}
	}
	return graph.Entity{ID: id}
}

// entityJSON is an entity as a MENTIONS relationship keeps it.
func entityJSON(e graph.Entity) string {
	b, err := json.Marshal(e)
	if err != nil {
		panic(err) // strings only
	}
	return string(b)
}

// deriveEntities keeps each entity at the version the article with the
// least ID that mentions it gave. Names found by rules are spelt as some
// article wrote them; taking the last one written would make the graph
// depend on the order of past writes, and a re-ingested graph differ from
// a fresh one. qEntities has already applied the batch's versions where
// their article's ID is no greater than the stored versionArticle; what is
// left, among touched (the entities that articles left, keys of left:
// entity → article IDs, and any without a versionArticle), are those whose
// versionArticle is among the articles that left them, or unknown: those
// are read again from all their mentions (qEntityVersions), so that a
// write reads an entity's mentions only when it took away the one its
// version came from. Entities no article mentions are left to finish.
func deriveEntities(ctx context.Context, tx driver.ManagedTransaction, touched []string, left map[string][]string) error {
	if len(touched) == 0 {
		return nil
	}
	touched = slices.Compact(slices.Sorted(slices.Values(touched)))
	rows := make([]map[string]any, len(touched))
	for i, id := range touched {
		rows[i] = map[string]any{"id": id, "articles": nonNil(left[id])}
	}
	recs, err := run(ctx, tx, qStaleVersions, map[string]any{"rows": rows})
	if err != nil || len(recs) == 0 {
		return err
	}
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = str(r, "id")
	}
	return rederiveEntities(ctx, tx, ids)
}

// rederiveEntities sets each of ids to the version the article with the
// least ID that mentions it gave, read from all its mentions.
func rederiveEntities(ctx context.Context, tx driver.ManagedTransaction, ids []string) error {
	recs, err := run(ctx, tx, qEntityVersions, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	entities := make(map[string]versioned, len(recs))
	for _, r := range recs {
		raw, _ := r.Get("version")
		pair, _ := raw.([]any)
		var v versioned
		if len(pair) == 2 {
			js, _ := pair[0].(string)
			v.article, _ = pair[1].(string)
			if err := json.Unmarshal([]byte(js), &v.Entity); err != nil {
				return fmt.Errorf("entity %s: %w", str(r, "id"), err)
			}
		}
		entities[v.ID] = v
	}
	if len(entities) == 0 {
		return nil
	}
	_, err = run(ctx, tx, qEntities, map[string]any{"rows": entityRows(entities, true), "attempt": nil}) // marks nothing
	return err
}

// finish counts the write, deletes the entities no article mentions any
// more among touched (those that articles of the write left), and adds
// agg, the change the write made, to the aggregates (writeAggregates),
// seeking the nodes the write merged by element ID.
func finish(ctx context.Context, tx driver.ManagedTransaction, touched []string, agg *graph.AggregateDelta, nodes batchNodes) error {
	if err := bumpGeneration(ctx, tx); err != nil {
		return err
	}
	if len(touched) > 0 {
		if _, err := run(ctx, tx, qDropOrphans, map[string]any{"ids": touched}); err != nil {
			return err
		}
	}
	return writeAggregates(ctx, tx, agg, nodes)
}

// addElements adds the id and element columns of recs to m.
func addElements(m map[string]string, recs []*driver.Record) {
	for _, r := range recs {
		m[str(r, "id")] = str(r, "element")
	}
}

// relationRow is the parameter row of qRelations for the i-th relation of
// article a. Offsets are [start, end] lists; published repeats the
// article's date, for the Browser, and is absent when it is unknown.
func relationRow(a graph.Article, i int, r graph.Relation) map[string]any {
	var object, confidence any
	if r.Object != "" {
		object = r.Object
	}
	if r.Confidence > 0 {
		confidence = r.Confidence // absent when not measured
	}
	return map[string]any{
		"type": string(r.Type), "subject": r.Subject, "object": object, "article": a.ID,
		"props": map[string]any{
			"article": a.ID, "seq": int64(i), "sentence": int64(r.Sentence), "text": r.Text, "textStart": int64(r.TextStart),
			"trigger": offsets(r.Trigger), "subjectSpan": offsets(r.SubjectSpan), "objectSpan": offsets(r.ObjectSpan),
			"directed": r.Directed, "negated": r.Negated, "published": timeParam(a.Published),
			"pattern": r.Pattern, "confidence": confidence,
		},
	}
}

func offsets(o graph.Offsets) []int64 { return []int64{int64(o.Start), int64(o.End)} }

// sentenceSet returns the distinct sentence indexes of s, ascending, so
// that intersecting two lists counts each shared sentence once.
func sentenceSet(s []int) []int64 {
	out := make([]int64, 0, len(s))
	for _, v := range s {
		out = append(out, int64(v))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	uniq := out[:0]
	for i, v := range out {
		if i == 0 || v != out[i-1] {
			uniq = append(uniq, v)
		}
	}
	return uniq
}

// addSpans sets a MENTIONS row's span properties: parallel lists, one item
// per occurrence, since a property cannot hold a list of maps.
func addSpans(row map[string]any, spans []graph.Span) {
	starts, ends, sentences := make([]int64, len(spans)), make([]int64, len(spans)), make([]int64, len(spans))
	surfaces, methods := make([]string, len(spans)), make([]string, len(spans))
	for i, sp := range spans {
		starts[i], ends[i], sentences[i] = int64(sp.Start), int64(sp.End), int64(sp.Sentence)
		surfaces[i], methods[i] = sp.Surface, sp.Method
	}
	row["starts"], row["ends"], row["spanSentences"] = starts, ends, sentences
	row["spanSurfaces"], row["methods"] = surfaces, methods
}

// entityRows are the rows of qEntities for m, in ID order; force replaces
// stored versions whatever their article.
func entityRows(m map[string]versioned, force bool) []map[string]any {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rows := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		e := m[id]
		rows = append(rows, map[string]any{
			"id": e.ID, "type": string(e.Type), "kind": e.Kind, "name": e.Name, "nameAr": e.NameAr, "caption": caption(e.Entity),
			"aliases": nonNil(e.Aliases), "aliasText": strings.Join(e.Aliases, " | "),
			"keys": e.Keys(), "wikidata": e.Wikidata, "parent": e.Parent,
			"article": e.article, "force": force,
		})
	}
	return rows
}

// caption is the label the Neo4j Browser draws on an entity's node: its
// English name, else its Arabic name, else its ID, so that no node is a
// blank circle. name and nameAr keep what the extractor gave (an entity known
// only in Arabic has name ""); caption is derived and only for display.
func caption(e graph.Entity) string {
	for _, s := range []string{e.Name, e.NameAr, e.ID} {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return e.ID
}

// Delete implements graph.Store.
func (s *Store) Delete(ctx context.Context, articleIDs []string) error {
	if len(articleIDs) == 0 {
		return nil
	}
	articleIDs = slices.Clone(articleIDs)
	slices.Sort(articleIDs)
	articleIDs = slices.Compact(articleIDs) // each article's facts leave once
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		old, err := oldFacts(ctx, tx, qOldFacts, articleIDs)
		if err != nil {
			return err
		}
		agg := graph.NewAggregateDelta()
		var touched []string
		left := make(map[string][]string)
		for _, id := range articleIDs {
			if o, had := old[id]; had {
				agg.Replace(o, true, graph.ArticleFacts{}, false)
				for e := range o.Counts {
					touched = append(touched, e)
					left[e] = append(left[e], id)
				}
			}
		}
		if _, err := run(ctx, tx, qDeleteArticles, map[string]any{"ids": articleIDs}); err != nil {
			return err
		}
		if err := deriveEntities(ctx, tx, touched, left); err != nil {
			return err
		}
		return finish(ctx, tx, touched, agg, batchNodes{})
	})
	if err != nil {
		return fmt.Errorf("delete %d articles: %w", len(articleIDs), err)
	}
	return nil
}

// Fingerprints implements graph.Store.
func (s *Store) Fingerprints(ctx context.Context) (map[string]string, error) {
	recs, err := s.read(ctx, "MATCH (a:Article) RETURN a.id AS id, a.hash AS hash", nil)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	fps := make(map[string]string, len(recs))
	for _, r := range recs {
		fps[str(r, "id")] = str(r, "hash")
	}
	return fps, nil
}

// filterWhere is the article filter, as a constant clause with parameters.
const filterWhere = `($since IS NULL OR art.published >= $since)
  AND ($until IS NULL OR art.published < $until)
  AND ($langs IS NULL OR art.lang IN $langs)
  AND ($sources IS NULL OR art.source IN $sources)`

func filterParams(f graph.Filter) map[string]any {
	p := map[string]any{"since": timeParam(f.Since), "until": timeParam(f.Until), "langs": nil, "sources": nil, "types": nil}
	if len(f.Langs) > 0 {
		p["langs"] = f.Langs
	}
	if len(f.Sources) > 0 {
		p["sources"] = f.Sources
	}
	if len(f.Types) > 0 {
		types := make([]string, len(f.Types))
		for i, t := range f.Types {
			types[i] = string(t)
		}
		p["types"] = types
	}
	return p
}

// Entities lists the entities the articles that pass f mention, with
// their counts within f, in ID order: a projection without its edges, for
// callers that need no edges (graph/cluster).
func (s *Store) Entities(ctx context.Context, f graph.Filter) ([]graph.ProjectedEntity, error) {
	return s.entities(ctx, f, filterParams(f))
}

func (s *Store) entities(ctx context.Context, f graph.Filter, params map[string]any) ([]graph.ProjectedEntity, error) {
	recs, err := s.read(ctx, `MATCH (art:Article) WHERE `+filterWhere+`
MATCH (art)-[m:MENTIONS]->(e:Entity)
WHERE $types IS NULL OR e.type IN $types
`+qCountsByEntity, params)
	if err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}
	var ents []graph.ProjectedEntity
	for _, r := range recs {
		ents = append(ents, countedEntity(r))
	}
	sortEntities(ents)
	return ents, nil
}

// qCountsByEntity ends a query that binds e, art and m, one row per article
// art's mention m of entity e: each entity with its counts over those
// articles, as countedEntity reads them.
const qCountsByEntity = `WITH e, count(art) AS articles, sum(m.count) AS mentions, min(art.published) AS first, max(art.published) AS last
RETURN e.id AS id, e.type AS type, e.kind AS kind, e.name AS name, e.nameAr AS nameAr, e.aliases AS aliases,
       e.wikidata AS wikidata, e.parent AS parent, articles, mentions, first, last`

// countedEntity reads a record of qCountsByEntity.
func countedEntity(r *driver.Record) graph.ProjectedEntity {
	pe := graph.ProjectedEntity{Entity: entity(r)}
	pe.Articles = int(num(r, "articles"))
	pe.Mentions = int(num(r, "mentions"))
	pe.First, pe.Last = timeOf(r, "first"), timeOf(r, "last")
	return pe
}

// Projection implements graph.Store.
//
// Over the whole store (no dates, languages or sources in f) of a store
// whose aggregates are complete, the article- and sentence-level
// projections read the counts stored on entities and CO_MENTIONED
// relationships; otherwise they count the MENTIONS.
func (s *Store) Projection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	if wholeStore(f) && f.Level() != graph.TypedEdges && s.hasAggregates(ctx) {
		return s.storedProjection(ctx, f)
	}
	switch level := f.Level(); level {
	case graph.ArticleEdges, graph.SentenceEdges:
		c, err := s.countProjection(ctx, f)
		if err != nil {
			return nil, err
		}
		return c.Projection(level), nil
	case graph.TypedEdges:
	default:
		return nil, fmt.Errorf("projection: unknown edge level %q", level)
	}
	params := filterParams(f)
	ents, err := s.entities(ctx, f, params)
	if err != nil {
		return nil, err
	}
	p := &graph.Projection{Entities: ents}
	params["relations"] = relationTypesParam(f)
	recs, err := s.read(ctx, qTypedEdges, params)
	if err != nil {
		return nil, fmt.Errorf("projection edges: %w", err)
	}
	for _, r := range recs {
		p.Edges = append(p.Edges, graph.Edge{
			A: str(r, "a"), B: str(r, "b"), Articles: int(num(r, "articles")), Sentences: int(num(r, "sentences")),
			First: timeOf(r, "first"), Last: timeOf(r, "last"), Confidence: float(r, "confidence"),
		})
	}
	sort.Slice(p.Edges, func(i, j int) bool {
		if p.Edges[i].A != p.Edges[j].A {
			return p.Edges[i].A < p.Edges[j].A
		}
		return p.Edges[i].B < p.Edges[j].B
	})
	return p, nil
}

// qEdgeAggregates ends a query that binds pairs (a, b) of entities, art an
// article naming both and shared the sentences naming both there: one row
// per pair with a, b, articles, sentences, first and last (qLinks).
const qEdgeAggregates = `RETURN a.id AS a, b.id AS b, count(art) AS articles, sum(shared) AS sentences,
       min(art.published) AS first, max(art.published) AS last`

// countProjection counts the projection f gives at the article or
// sentence level from the MENTIONS of the articles that pass f
// (graph.Counter), in one read transaction: every entity of f's types,
// then each passing article with its mentions as one record, streamed.
// Counting in Cypher (every pair two MENTIONS of an article join, then
// count and sum per pair) aggregated one row per article and pair on the
// server: at 100,000 synthetic articles an unfiltered-looking filter
// (--lang ar) ran for more than seven minutes.
func (s *Store) countProjection(ctx context.Context, f graph.Filter) (*graph.Counter, error) {
	params := filterParams(f)
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	return driver.ExecuteRead(ctx, sess, func(tx driver.ManagedTransaction) (*graph.Counter, error) {
		recs, err := run(ctx, tx, qCountedEntityList, params)
		if err != nil {
			return nil, fmt.Errorf("projection entities: %w", err)
		}
		all := make([]graph.ProjectedEntity, 0, len(recs))
		for _, r := range recs {
			e, err := entityOfList(list(r, "entity"))
			if err != nil {
				return nil, fmt.Errorf("projection entities: %w", err)
			}
			all = append(all, e)
		}
		sortEntities(all)
		index := make(map[string]int32, len(all))
		for i, e := range all {
			index[e.ID] = int32(i)
		}
		c := graph.NewCounter(all)
		res, err := tx.Run(ctx, qArticleMentions, params)
		if err != nil {
			return nil, fmt.Errorf("projection edges: %w", err)
		}
		var mentions []graph.CountedMention
		for res.Next(ctx) {
			r := res.Record()
			mentions = mentions[:0]
			for _, v := range list(r, "mentions") {
				// [entity ID, count, sentences]
				l, _ := v.([]any)
				if len(l) != 3 {
					return nil, fmt.Errorf("projection edges: a mention of %d values", len(l))
				}
				id, _ := l[0].(string)
				i, ok := index[id]
				if !ok {
					continue // an entity written since the entities were read
				}
				count, _ := l[1].(int64)
				m := graph.CountedMention{Entity: i, Count: int(count)}
				ss, _ := l[2].([]any)
				for _, s := range ss {
					n, _ := s.(int64)
					m.Sentences = append(m.Sentences, int(n))
				}
				mentions = append(mentions, m)
			}
			c.Add(timeOf(r, "published"), mentions)
		}
		if err := res.Err(); err != nil {
			return nil, fmt.Errorf("projection edges: %w", err)
		}
		return c, nil
	})
}

// qCountedEntityList lists every entity of $types as one list of its
// entityValues; qArticleMentions each article that passes the filter, its
// published date and its mentions of entities of $types, each a list of
// the entity's ID, the mention's count and its sentences. The subquery
// collects one article's at a time, so the records stream.
const (
	qCountedEntityList = `MATCH (e:Entity) WHERE $types IS NULL OR e.type IN $types
RETURN [` + "e.id, e.type, e.kind, e.name, e.nameAr, e.aliases, e.wikidata, e.parent, 0, 0, null, null" + `] AS entity`
	qArticleMentions = `MATCH (art:Article) WHERE ` + filterWhere + `
CALL {
  WITH art
  MATCH (art)-[m:MENTIONS]->(e:Entity) WHERE $types IS NULL OR e.type IN $types
  RETURN collect([e.id, m.count, coalesce(m.sentences, [])]) AS mentions
}
RETURN art.published AS published, mentions`
)

// qTypedEdges joins the subject and object of every relation that is
// neither negated nor a STATEMENT, in an article that passes the filter.
var qTypedEdges = `MATCH (s:Entity)-[r:` + typedPattern + `]->(o:Entity)
` + qTypedTail

// qTypedLinks is qTypedEdges of the relations with an end in $ids (unique),
// each read from one end: the lesser when both are in $ids.
var qTypedLinks = `UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r:` + typedPattern + `]-(y:Entity)
WHERE NOT y.id IN $ids OR x.id < y.id
WITH r, startNode(r) AS s, endNode(r) AS o
` + qTypedTail

// qTypedTail counts the relations r, from s to o, that qTypedEdges keeps.
var qTypedTail = `WHERE NOT r.negated AND ($relations IS NULL OR type(r) IN $relations)
  AND ($types IS NULL OR (s.type IN $types AND o.type IN $types))
MATCH (art:Article {id: r.article}) WHERE ` + filterWhere + `
WITH CASE WHEN s.id < o.id THEN s.id ELSE o.id END AS a, CASE WHEN s.id < o.id THEN o.id ELSE s.id END AS b, art,
     toInteger(round(coalesce(r.confidence, ` + strconv.FormatFloat(graph.DefaultConfidence, 'g', -1, 64) + `) * ` + confidenceUnits + `)) AS conf
RETURN a, b, count(DISTINCT art) AS articles, count(*) AS sentences,
       min(art.published) AS first, max(art.published) AS last, sum(conf) / ` + confidenceUnits + `.0 AS confidence`

// confidenceUnits is 1 / graph.ConfidenceUnit as Cypher: the typed edges
// sum confidences in integer units, exactly, whatever order the
// relationships are matched in.
var confidenceUnits = strconv.Itoa(int(math.Round(1 / graph.ConfidenceUnit)))

// relationTypesParam is f.Relations as a parameter: null for all types.
func relationTypesParam(f graph.Filter) any {
	if len(f.Relations) == 0 {
		return nil
	}
	types := make([]string, len(f.Relations))
	for i, t := range f.Relations {
		types[i] = string(t)
	}
	return types
}

// Evidence implements graph.Store.
func (s *Store) Evidence(ctx context.Context, a, b string, f graph.Filter, limit int) ([]graph.Evidence, error) {
	params := filterParams(f)
	params["a"], params["b"], params["limit"] = a, b, int64(limit)
	params["relations"] = relationTypesParam(f)
	params["level"] = string(f.Level())
	// At the article and sentence levels an article's place among the
	// evidence does not depend on its relations or sentences, so only the
	// first limit articles need them (see qEvidence); at the typed level an
	// article without a relation is not evidence, and every one is looked at.
	params["candidates"] = int64(limit)
	if f.Level() == graph.TypedEdges {
		params["candidates"] = int64(math.MaxInt64)
	}
	walk := f.Level() != graph.TypedEdges && limit > 0 && s.hasAggregates(ctx)
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	// One transaction for the estimate and the queries after it, so that
	// they read one state of the store.
	recs, err := driver.ExecuteRead(ctx, sess, func(tx driver.ManagedTransaction) ([]*driver.Record, error) {
		if walk {
			scan, err := newestFirst(ctx, tx, a, b, limit)
			if err != nil {
				return nil, err
			}
			if scan > 0 {
				params["scan"] = scan
				recs, err := run(ctx, tx, qEvidenceNewest, params)
				// Fewer than limit of the newest scan articles name both
				// (a filter, undated articles or an unlucky estimate):
				// the join finds them all.
				if err != nil || len(recs) == limit {
					return recs, err
				}
			}
		}
		return run(ctx, tx, qEvidence, params)
	})
	if err != nil {
		return nil, fmt.Errorf("evidence %s–%s: %w", a, b, err)
	}
	return evidenceOf(recs), nil
}

func evidenceOf(recs []*driver.Record) []graph.Evidence {
	var ev []graph.Evidence
	for _, r := range recs {
		ev = append(ev, graph.Evidence{
			ArticleID: str(r, "id"), Title: str(r, "title"), URL: str(r, "url"),
			Source: str(r, "source"), Published: timeOf(r, "published"), Sentence: str(r, "sentence"),
		})
	}
	return ev
}

// newestFirst chooses how Evidence finds the newest articles naming both a
// and b, as the SQLite store's newestFirst does, and returns how many
// articles the second way may read, or 0 for the first. qEvidence expands
// the two entities' MENTIONS and joins them: it reads as many
// relationships as the two have articles. qEvidenceNewest walks the dated
// articles newest first through the article_published index until limit of
// them name both: about limit·N/shared articles for N articles of which
// shared name both, each a look at its own MENTIONS. It takes the second
// when that reads a quarter as many or fewer (SQLite's factor), estimated
// from the aggregates, and lets it read twice the estimate: a filter on
// dates, languages or sources, or shared articles that are undated (which
// the index does not hold), can leave fewer than limit among the articles
// it reads, and Evidence then joins after all, at most half as much again
// as joining alone. It is only asked with complete aggregates (the
// estimate reads them).
func newestFirst(ctx context.Context, tx driver.ManagedTransaction, a, b string, limit int) (int64, error) {
	recs, err := run(ctx, tx, qEvidenceEstimate, map[string]any{"a": a, "b": b})
	if err != nil || len(recs) != 1 { // no row: the two are not linked
		return 0, err
	}
	total, shared, both := num(recs[0], "total"), num(recs[0], "shared"), num(recs[0], "both")
	if shared <= 0 || 4*int64(limit)*total/shared >= both {
		return 0, nil
	}
	return max(2*int64(limit)*total/shared, int64(limit)), nil
}

// qEvidenceEstimate gives newestFirst its figures: the store's articles
// (from the count store), the articles naming both entities and the sum of
// the articles naming each.
const qEvidenceEstimate = `CALL { MATCH (art:Article) RETURN count(art) AS total }
MATCH (x:Entity {id: $a})-[r:CO_MENTIONED]-(y:Entity {id: $b})
RETURN total, r.articles AS shared, x.articles + y.articles AS both`

// qEvidence finds the articles linking $a and $b at $level, each with the
// sentence of its first undenied relation between them (by seq), else the
// first kept sentence naming both (articles written before sentences were
// kept have no sentenceIndexes). The articles are ordered and cut to
// $candidates before their relations and sentences are looked up: for two
// entities that share thousands of articles (a hub and its neighbours)
// that look-up was most of the query, and `query neighbors` runs one a
// row.
var qEvidence = `MATCH (x:Entity {id: $a})<-[ma:MENTIONS]-(art:Article)-[mb:MENTIONS]->(y:Entity {id: $b})
WHERE ` + filterWhere + `
  AND ($level <> 'sentence' OR any(i IN ma.sentences WHERE i IN mb.sentences))
WITH x, y, art, ma, mb ORDER BY art.published IS NULL, art.published DESC, art.id
LIMIT $candidates
` + evidenceSentences

// qEvidenceNewest is qEvidence over the newest $scan dated articles, read
// from the article_published index in evidence order (ties by ID; the
// planner gives the index's order to a PartialTop, which stops at $scan
// without reading on), of which it keeps the first $limit that pass the
// filter and name both entities (see newestFirst). When $limit of them do,
// they are the first $limit of all: every article it did not read comes
// after them.
var qEvidenceNewest = `MATCH (art:Article) USING INDEX art:Article(published)
WHERE art.published IS NOT NULL
WITH art ORDER BY art.published DESC, art.id
LIMIT $scan
WITH art WHERE ` + filterWhere + `
  AND EXISTS { MATCH (:Entity {id: $a})<-[ma:MENTIONS]-(art)-[mb:MENTIONS]->(:Entity {id: $b})
    WHERE $level <> 'sentence' OR any(i IN ma.sentences WHERE i IN mb.sentences) }
WITH art ORDER BY art.published DESC, art.id
LIMIT $limit
MATCH (x:Entity {id: $a})<-[ma:MENTIONS]-(art)-[mb:MENTIONS]->(y:Entity {id: $b})
` + evidenceSentences

// evidenceSentences ends the evidence queries: each candidate article with
// the sentence of its first undenied relation between x and y (by seq),
// else the first kept sentence naming both, newest first, $limit of them.
var evidenceSentences = `OPTIONAL MATCH (x)-[r:` + typedPattern + `]-(y)
WHERE r.article = art.id AND NOT r.negated AND ($relations IS NULL OR type(r) IN $relations)
WITH art, ma, mb, r ORDER BY r.seq
WITH art, ma, mb, collect(r.text)[0] AS relation
WHERE $level <> 'typed' OR relation IS NOT NULL
WITH art, coalesce(relation, head([i IN range(0, size(coalesce(art.sentenceIndexes, [])) - 1)
    WHERE art.sentenceIndexes[i] IN ma.sentences AND art.sentenceIndexes[i] IN mb.sentences | art.sentenceTexts[i]])) AS sentence
RETURN art.id AS id, art.title AS title, art.url AS url, art.source AS source, art.published AS published, sentence
ORDER BY art.published IS NULL, art.published DESC, art.id
LIMIT $limit`

// Mentions implements graph.Store.
func (s *Store) Mentions(ctx context.Context, id string, f graph.Filter) ([]graph.ArticleMentions, error) {
	params := filterParams(f)
	params["id"] = id
	recs, err := s.read(ctx, `MATCH (art:Article)-[m:MENTIONS]->(:Entity {id: $id})
WHERE `+filterWhere+`
RETURN art.id AS id, art.published AS published, m.count AS count
ORDER BY art.published IS NULL, art.published DESC, art.id`, params)
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", id, err)
	}
	out := []graph.ArticleMentions{}
	for _, r := range recs {
		out = append(out, graph.ArticleMentions{ArticleID: str(r, "id"), Published: timeOf(r, "published"), Count: int(num(r, "count"))})
	}
	return out, nil
}

// The queries of Entity, all over the articles that pass the filter. Span
// lists are read with coalesce: relationships written before spans were
// kept have none.
const (
	qEntity = `MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.type AS type, e.kind AS kind, e.name AS name, e.nameAr AS nameAr, e.aliases AS aliases,
       e.wikidata AS wikidata, e.parent AS parent`
	qEntityCounts = `MATCH (art:Article)-[m:MENTIONS]->(:Entity {id: $id})
WHERE ` + filterWhere + `
RETURN count(art) AS articles, coalesce(sum(m.count), 0) AS mentions, min(art.published) AS first, max(art.published) AS last`
	qEntitySpans = `MATCH (art:Article)-[m:MENTIONS]->(:Entity {id: $id})
WHERE ` + filterWhere + `
WITH coalesce(m.methods, []) AS methods, coalesce(m.spanSurfaces, []) AS surfaces
UNWIND range(0, size(methods) - 1) AS i
RETURN methods[i] AS method, surfaces[i] AS surface, count(*) AS n`
	qEntityNeighbors = `MATCH (art:Article)-[:MENTIONS]->(:Entity {id: $id})
WHERE ` + filterWhere + `
MATCH (art)-[:MENTIONS]->(n:Entity)
WHERE n.id <> $id AND ($types IS NULL OR n.type IN $types)
RETURN n.id AS id, n.type AS type, n.name AS name, n.nameAr AS nameAr, count(art) AS articles
ORDER BY articles DESC, id LIMIT $neighbors`
	// qEntityStoredCounts and qEntityStoredNeighbors are qEntityCounts and
	// qEntityNeighbors over the whole store, read from the aggregates: the
	// entity's stored counts and its CO_MENTIONED relationships. For an
	// actor named by thousands of articles the MENTIONS join was most of
	// `query entity`.
	qEntityStoredCounts = `MATCH (e:Entity {id: $id}) WHERE e.articles > 0
RETURN e.articles AS articles, e.mentions AS mentions, e.first AS first, e.last AS last`
	qEntityStoredNeighbors = `MATCH (:Entity {id: $id})-[r:CO_MENTIONED]-(n:Entity)
WHERE $types IS NULL OR n.type IN $types
RETURN n.id AS id, n.type AS type, n.name AS name, n.nameAr AS nameAr, r.articles AS articles
ORDER BY articles DESC, id LIMIT $neighbors`
)

// Entity implements graph.Store.
func (s *Store) Entity(ctx context.Context, id string, f graph.Filter) (*graph.EntityProfile, error) {
	params := filterParams(f)
	params["id"] = id
	// The neighbours a profile lists, in its order (graph.SortProfile),
	// cut by the server: a hub has thousands.
	params["neighbors"] = int64(graph.ProfileNeighbors)
	qCounts, qNeighbors := qEntityCounts, qEntityNeighbors
	if wholeStore(f) && s.hasAggregates(ctx) {
		qCounts, qNeighbors = qEntityStoredCounts, qEntityStoredNeighbors
	}
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	p, err := driver.ExecuteRead(ctx, sess, func(tx driver.ManagedTransaction) (*graph.EntityProfile, error) {
		recs, err := run(ctx, tx, qEntity, params)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		p := &graph.EntityProfile{Methods: map[string]int{}}
		p.Entity = entity(recs[0])
		if recs, err = run(ctx, tx, qCounts, params); err != nil {
			return nil, err
		}
		if len(recs) == 1 {
			r := recs[0]
			p.Articles, p.Mentions = int(num(r, "articles")), int(num(r, "mentions"))
			p.First, p.Last = timeOf(r, "first"), timeOf(r, "last")
		}
		if recs, err = run(ctx, tx, qEntitySpans, params); err != nil {
			return nil, err
		}
		surfaces := map[string]int{}
		for _, r := range recs {
			n := int(num(r, "n"))
			p.Methods[str(r, "method")] += n
			surfaces[str(r, "surface")] += n
		}
		for sf, n := range surfaces {
			p.Surfaces = append(p.Surfaces, graph.SurfaceCount{Surface: sf, Count: n})
		}
		if recs, err = run(ctx, tx, qNeighbors, params); err != nil {
			return nil, err
		}
		for _, r := range recs {
			p.Neighbors = append(p.Neighbors, graph.Neighbor{
				ID: str(r, "id"), Type: graph.EntityType(str(r, "type")), Name: str(r, "name"),
				NameAr: str(r, "nameAr"), Articles: int(num(r, "articles")),
			})
		}
		return p, nil
	})
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	if p == nil {
		return nil, fmt.Errorf("entity %s: %w", id, graph.ErrNotFound)
	}
	graph.SortProfile(p)
	return p, nil
}

// Resolve implements graph.Store.
func (s *Store) Resolve(ctx context.Context, name string) ([]graph.Entity, error) {
	recs, err := s.read(ctx, `MATCH (e:Entity) WHERE e.id = $name OR $key IN e.keys
RETURN e.id AS id, e.type AS type, e.kind AS kind, e.name AS name, e.nameAr AS nameAr, e.aliases AS aliases,
       e.wikidata AS wikidata, e.parent AS parent
ORDER BY e.id`, map[string]any{"name": name, "key": norm.Key(name)})
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	ents := []graph.Entity{}
	for _, r := range recs {
		ents = append(ents, entity(r))
	}
	return ents, nil
}

func entity(r *driver.Record) graph.Entity {
	e := graph.Entity{
		ID: str(r, "id"), Type: graph.EntityType(str(r, "type")), Kind: str(r, "kind"),
		Name: str(r, "name"), NameAr: str(r, "nameAr"), Wikidata: str(r, "wikidata"), Parent: str(r, "parent"),
	}
	if v, ok := r.Get("aliases"); ok && v != nil {
		for _, a := range v.([]any) {
			e.Aliases = append(e.Aliases, a.(string))
		}
	}
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	return e
}

func str(r *driver.Record, key string) string {
	v, _ := r.Get(key)
	s, _ := v.(string)
	return s
}

func num(r *driver.Record, key string) int64 {
	v, _ := r.Get(key)
	n, _ := v.(int64)
	return n
}

// float reads a number, integer or float, as a float64; 0 when absent.
func float(r *driver.Record, key string) float64 {
	v, _ := r.Get(key)
	switch n := v.(type) {
	case float64:
		return n
	case int64:
		return float64(n)
	}
	return 0
}

func timeOf(r *driver.Record, key string) time.Time {
	v, _ := r.Get(key)
	return timeValue(v)
}

// timeValue reads a date the driver gives as a time.Time, in UTC; the zero
// time for null or anything else.
func timeValue(v any) time.Time {
	t, _ := v.(time.Time)
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// timeParam maps the zero time to null, which removes the property.
func timeParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Size implements graph.Store. CO_MENTIONED holds one relationship per
// co-mentioned pair, kept equal to what MENTIONS implies on every write.
func (s *Store) Size(ctx context.Context) (graph.Size, error) {
	recs, err := s.read(ctx, qSize, nil)
	if err != nil || len(recs) != 1 {
		return graph.Size{}, fmt.Errorf("count the graph: %v", err)
	}
	r := recs[0]
	return graph.Size{
		Articles: int(num(r, "articles")), Entities: int(num(r, "entities")), Edges: int(num(r, "edges")),
		Relations: int(num(r, "relations")),
	}, nil
}

var qSize = `CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (:Entity)-[r:CO_MENTIONED]->(:Entity) RETURN count(r) AS edges }
CALL { MATCH ()-[r:` + allPattern + `]->() RETURN count(r) AS relations }
RETURN articles, entities, edges, relations`

// qEntityRelations returns the relations of entity $id: those joining it to
// another entity, which $types narrows, and the STATEMENTs it made.
var qEntityRelations = `MATCH (e:Entity {id: $id})
CALL {
  WITH e
  MATCH (e)-[r:` + typedPattern + `]-(other:Entity)
  WHERE $types IS NULL OR other.type IN $types
  RETURN r
  UNION ALL
  WITH e
  MATCH (e)-[r:STATEMENT]->(:Article)
  RETURN r
}
WITH r WHERE $relations IS NULL OR type(r) IN $relations
MATCH (art:Article {id: r.article}) WHERE ` + filterWhere + `
RETURN type(r) AS type, startNode(r).id AS subject,
       CASE WHEN type(r) = 'STATEMENT' THEN '' ELSE endNode(r).id END AS object,
       r.directed AS directed, r.negated AS negated, r.sentence AS sentence, r.text AS text, r.textStart AS textStart,
       r.trigger AS trigger, r.subjectSpan AS subjectSpan, r.objectSpan AS objectSpan,
       coalesce(r.pattern, '') AS pattern, coalesce(r.confidence, 0.0) AS confidence,
       art.id AS articleID, art.title AS title, art.url AS url, art.source AS source, art.published AS published
ORDER BY art.published IS NULL, art.published DESC, art.id, r.trigger[0], r.seq`

// Relations implements graph.Store.
func (s *Store) Relations(ctx context.Context, id string, f graph.Filter) ([]graph.RelationEvidence, error) {
	params := filterParams(f)
	params["id"] = id
	params["relations"] = relationTypesParam(f)
	recs, err := s.read(ctx, qEntityRelations, params)
	if err != nil {
		return nil, fmt.Errorf("relations of %s: %w", id, err)
	}
	out := make([]graph.RelationEvidence, 0, len(recs))
	for _, r := range recs {
		out = append(out, graph.RelationEvidence{
			Relation: graph.Relation{
				Type: graph.RelationType(str(r, "type")), Subject: str(r, "subject"), Object: str(r, "object"),
				Directed: boolean(r, "directed"), Negated: boolean(r, "negated"),
				Sentence: int(num(r, "sentence")), Text: str(r, "text"), TextStart: int(num(r, "textStart")),
				Trigger: offsetsOf(r, "trigger"), SubjectSpan: offsetsOf(r, "subjectSpan"), ObjectSpan: offsetsOf(r, "objectSpan"),
				Pattern: str(r, "pattern"), Confidence: float(r, "confidence"),
			},
			ArticleID: str(r, "articleID"), Title: str(r, "title"), URL: str(r, "url"), Source: str(r, "source"),
			Published: timeOf(r, "published"),
		})
	}
	return out, nil
}

func boolean(r *driver.Record, key string) bool {
	v, _ := r.Get(key)
	b, _ := v.(bool)
	return b
}

// offsetsOf reads a [start, end] list property.
func offsetsOf(r *driver.Record, key string) graph.Offsets {
	v, _ := r.Get(key)
	l, _ := v.([]any)
	if len(l) != 2 {
		return graph.Offsets{}
	}
	start, _ := l[0].(int64)
	end, _ := l[1].(int64)
	return graph.Offsets{Start: int(start), End: int(end)}
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
	params := filterParams(f)
	st := &graph.Stats{Langs: map[string]int{}, Sources: map[string]int{},
		Relations: map[graph.RelationType]int{}, Negated: map[graph.RelationType]int{}}
	// One pass over the articles for the totals, languages and sources.
	recs, err := s.read(ctx, `MATCH (art:Article) WHERE `+filterWhere+`
RETURN coalesce(art.lang, '') AS lang, coalesce(art.source, '') AS source, count(*) AS n,
       count(art.published) AS dated, min(art.published) AS first, max(art.published) AS last`, params)
	if err != nil {
		return nil, fmt.Errorf("stats: articles: %w", err)
	}
	for _, r := range recs {
		n := int(num(r, "n"))
		st.Articles += n
		st.Undated += n - int(num(r, "dated"))
		st.Langs[str(r, "lang")] += n
		st.Sources[str(r, "source")] += n
		if first := timeOf(r, "first"); !first.IsZero() && (st.First.IsZero() || first.Before(st.First)) {
			st.First = first
		}
		if last := timeOf(r, "last"); last.After(st.Last) {
			st.Last = last
		}
	}
	if !relations {
		clear(st.Langs)
		clear(st.Sources)
		return st, nil
	}
	// Over the whole store, the relationships alone (a third of the time
	// of looking each one's article up).
	q := `MATCH ()-[r:` + allPattern + `]->()
RETURN type(r) AS type, count(*) AS n, sum(CASE WHEN r.negated THEN 1 ELSE 0 END) AS negated`
	if !wholeStore(f) {
		q = `MATCH ()-[r:` + allPattern + `]->()
MATCH (art:Article {id: r.article}) WHERE ` + filterWhere + `
RETURN type(r) AS type, count(*) AS n, sum(CASE WHEN r.negated THEN 1 ELSE 0 END) AS negated`
	}
	if recs, err = s.read(ctx, q, params); err != nil {
		return nil, fmt.Errorf("stats: relations: %w", err)
	}
	for _, r := range recs {
		t := graph.RelationType(str(r, "type"))
		st.Relations[t] = int(num(r, "n"))
		if neg := int(num(r, "negated")); neg > 0 {
			st.Negated[t] = neg
		}
	}
	return st, nil
}

// batchNodes are what a write learnt of the entities it merged: their
// element IDs, which later statements of the transaction seek directly
// instead of through the id index, and which of them it created. Element
// IDs are only stable within a transaction; the zero value knows none.
type batchNodes struct {
	elements map[string]string // entity ID → element ID
	created  map[string]bool   // entity ID → created by this transaction
}

// attemptMark is a value for qEntities' $attempt: random, so that no
// other attempt of a write, and nothing stored, has it.
func attemptMark() string { return rand.Text() }

// flag is the boolean column key of r; false when absent or null.
func flag(r *driver.Record, key string) bool {
	v, _ := r.Get(key)
	b, _ := v.(bool)
	return b
}
