package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// A store's aggregates are the counts that projections read instead of
// counting MENTIONS: on each Entity its articles, mentions, first and last
// (qSetEntityCounts), and on each CO_MENTIONED its sentence-level counts
// beside the article-level ones (qCoMentions). Every write adds the change
// it makes to them in its transaction (writeAggregates). A store that has held articles since before this
// version lacks them until Repair computes them, so a (:NewsgraphMeta)
// node under aggregatesKey records that they are complete: set when the
// store is opened empty, and by Repair.
const (
	aggregatesKey     = "aggregates"
	aggregatesVersion = 1
)

// qMarkEmptyAggregated marks an empty store's aggregates complete: every
// write from now on keeps them.
const qMarkEmptyAggregated = `OPTIONAL MATCH (a:Article) WITH count(a) = 0 AS empty
WHERE empty
MERGE (m:NewsgraphMeta {key: $key}) SET m.version = $version`

// qSetEntityCounts sets the counts of each entity from its MENTIONS; ids
// may repeat.
const qSetEntityCounts = `UNWIND $ids AS id
WITH DISTINCT id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (art:Article)-[m:MENTIONS]->(e)
WITH e, count(art) AS n, sum(m.count) AS mentions, min(art.published) AS first, max(art.published) AS last
SET e.articles = n, e.mentions = mentions, e.first = first, e.last = last`

// hasAggregates reports whether the store's aggregates are complete; an
// error reading it reads as no.
func (s *Store) hasAggregates(ctx context.Context) bool {
	s.aggregatedOnce.Do(func() {
		recs, err := s.read(ctx, `MATCH (m:NewsgraphMeta {key: $key}) RETURN m.version AS version`, map[string]any{"key": aggregatesKey})
		s.aggregated = err == nil && len(recs) == 1 && num(recs[0], "version") >= aggregatesVersion
	})
	return s.aggregated
}

// wholeStore reports whether f keeps every article, so that the stored
// aggregates answer it; f.Types, which narrows entities and not articles,
// is applied to them.
func wholeStore(f graph.Filter) bool { return f.AllArticles() }

// qStoredEntities reads the stored entities $types keeps (all when null)
// that articles mention; qStoredEntitiesByID those of them in $ids,
// through the entity_id index: one query with "$ids IS NULL OR e.id IN
// $ids" is planned as a scan of every entity. Each entity comes as one
// list of its entityValues.
var (
	qStoredEntities = `MATCH (e:Entity) WHERE e.articles > 0 AND ($types IS NULL OR e.type IN $types)
RETURN [` + entityValues("e") + `] AS entity`
	qStoredEntitiesByID = `UNWIND $ids AS id
MATCH (e:Entity {id: id}) WHERE e.articles > 0 AND ($types IS NULL OR e.type IN $types)
RETURN [` + entityValues("e") + `] AS entity`
)

// levelProperties names the properties of CO_MENTIONED relationship r
// that hold its article count and first and last dates at f's level, and
// the condition an edge of that level meets.
func levelProperties(f graph.Filter) (articles, first, last, where string) {
	if f.Level() == graph.SentenceEdges {
		return "r.sArticles", "r.sFirst", "r.sLast", "r.sArticles > 0"
	}
	return "r.articles", "r.first", "r.last", "true"
}

// storedEdges returns the edge columns of CO_MENTIONED relationship r at
// f's level, and the condition an edge of that level meets.
func storedEdges(f graph.Filter) (cols, where string) {
	articles, first, last, where := levelProperties(f)
	return articles + ` AS articles, r.sentences AS sentences, ` + first + ` AS first, ` + last + ` AS last`, where
}

// storedProjection is Projection read from the aggregates.
func (s *Store) storedProjection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	params := filterParams(f)
	ents, err := s.storedEntities(ctx, qStoredEntities, params)
	if err != nil {
		return nil, err
	}
	cols, where := storedEdges(f)
	recs, err := s.read(ctx, qStoredEdges(where, cols), params)
	if err != nil {
		return nil, fmt.Errorf("projection edges: %w", err)
	}
	return &graph.Projection{Entities: ents, Edges: edgesOf(recs)}, nil
}

// storedEntities runs q, qStoredEntities or qStoredEntitiesByID, and
// returns the entities by ID; an ID that repeats in $ids is read once.
func (s *Store) storedEntities(ctx context.Context, q string, params map[string]any) ([]graph.ProjectedEntity, error) {
	if ids, ok := params["ids"].([]string); ok {
		params["ids"] = slices.Compact(slices.Sorted(slices.Values(ids)))
	}
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}
	ents := make([]graph.ProjectedEntity, 0, len(recs))
	for _, r := range recs {
		e, err := entityOfList(list(r, "entity"))
		if err != nil {
			return nil, fmt.Errorf("projection entities: %w", err)
		}
		ents = append(ents, e)
	}
	sortEntities(ents)
	return ents, nil
}

// sortEntities sorts entities by ID, projection order.
func sortEntities(ents []graph.ProjectedEntity) {
	slices.SortFunc(ents, func(x, y graph.ProjectedEntity) int { return strings.Compare(x.ID, y.ID) })
}

// sortEdges sorts edges by (A, B), projection order.
func sortEdges(edges []graph.Edge) {
	slices.SortFunc(edges, func(x, y graph.Edge) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
}

// edgesOf reads edge records (a, b, articles, sentences, first, last),
// sorted by (A, B).
func edgesOf(recs []*driver.Record) []graph.Edge {
	edges := make([]graph.Edge, 0, len(recs))
	for _, r := range recs {
		edges = append(edges, graph.Edge{
			A: str(r, "a"), B: str(r, "b"), Articles: int(num(r, "articles")), Sentences: int(num(r, "sentences")),
			First: timeOf(r, "first"), Last: timeOf(r, "last"),
		})
	}
	sortEdges(edges)
	return edges
}

var _ graph.ProjectionStreamer = (*Store)(nil)

// StreamProjection implements graph.ProjectionStreamer. Where Projection
// reads the stored aggregates (the whole store at the article or sentence
// level, the aggregates complete), it reads the same entities, then the
// same CO_MENTIONED relationships, but hands each to v as it comes: one
// record per entity they run from, its relationships in one list
// (qStoredEdgesByEnd), each record let go once v has had its edges.
// Projection collects every record and builds an Edge with two ID strings
// from each: at 100,000 synthetic articles (3.6 million relationships) a
// cold `query centrality` on Neo4j took 109 s and 1.6 GB that way, most
// of its CPU in the collector, against 12–15 s and 250 MB streamed
// (docs/query-performance.md, "Neo4j at 10,000 and 100,000 articles").
// Each edge's ends are given as indexes into the entities, which are
// sorted by ID; a relationship runs from the lesser ID, so a < b. Under
// any other filter v is given the counted projection (graph.Visit).
//
// The relationships are read in an auto-commit transaction, never retried
// as a managed one would be: v has taken edges by the time a retry would
// start. The entities are read before it, in a transaction of their own,
// as Projection reads them.
func (s *Store) StreamProjection(ctx context.Context, f graph.Filter, v graph.ProjectionVisitor) error {
	if f.Level() == graph.TypedEdges {
		p, err := s.Projection(ctx, f)
		if err != nil {
			return err
		}
		return graph.Visit(p, v)
	}
	if !wholeStore(f) || !s.hasAggregates(ctx) {
		c, err := s.countProjection(ctx, f)
		if err != nil {
			return err
		}
		return c.Visit(f.Level(), v)
	}
	params := filterParams(f)
	ents, err := s.storedEntities(ctx, qStoredEntities, params)
	if err != nil {
		return err
	}
	index, err := graph.VisitEntities(v, ents)
	if err != nil {
		return err
	}
	dv, dated := v.(graph.DatedVisitor)
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, qStoredEdgesByEnd(f, dated), params)
	if err != nil {
		return fmt.Errorf("projection edges: %w", err)
	}
	for res.Next(ctx) {
		r := res.Record()
		a := index.At(str(r, "a"))
		for _, row := range list(r, "edges") {
			// [b, articles, sentences] or [b, articles, sentences, first, last].
			e, _ := row.([]any)
			if len(e) < 3 || dated && len(e) < 5 {
				return fmt.Errorf("projection edges of %s: a relationship of %d values", str(r, "a"), len(e))
			}
			id, _ := e[0].(string)
			b := index.At(id)
			articles, _ := e[1].(int64)
			sentences, _ := e[2].(int64)
			if dated {
				err = dv.DatedEdge(a, b, graph.Edge{Articles: int(articles), Sentences: int(sentences), First: timeValue(e[3]), Last: timeValue(e[4])})
			} else {
				err = v.Edge(a, b, int(articles), int(sentences))
			}
			if err != nil {
				return err
			}
		}
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("projection edges: %w", err)
	}
	return nil
}

// list reads a list the driver gives as []any; nil when absent.
func list(r *driver.Record, key string) []any {
	v, _ := r.Get(key)
	l, _ := v.([]any)
	return l
}

// qStoredEdgesByEnd is the query of the CO_MENTIONED relationships f keeps
// (the whole store, f's edge level and entity types), one record per
// entity they run from: a, its ID, and edges, a list with one list per
// relationship: the other end's ID, the article and sentence counts at f's
// level and, with dates, the first and last dates (null for an edge no
// dated article backs: one list per relationship, because collect drops
// nulls and parallel lists of dates would come out short). A record per
// entity rather than per relationship: the driver reads each record with
// a goroutine and a context of its own, which cost 6 µs a relationship.
func qStoredEdgesByEnd(f graph.Filter, dates bool) string {
	articles, first, last, where := levelProperties(f)
	row := "b.id, " + articles + ", r.sentences"
	if dates {
		row += ", " + first + ", " + last
	}
	// The subquery runs once per entity, so the server collects one
	// entity's relationships at a time, never all of them.
	return `MATCH (a:Entity) WHERE $types IS NULL OR a.type IN $types
CALL {
  WITH a
  MATCH (a)-[r:CO_MENTIONED]->(b:Entity)
  WHERE ` + where + ` AND ($types IS NULL OR b.type IN $types)
  RETURN collect([` + row + `]) AS edges
}
WITH a, edges WHERE size(edges) > 0
RETURN a.id AS a, edges`
}

// qStoredEdges is the query of the CO_MENTIONED relationships that meet
// where, each returned as a (the lesser ID), b and cols (storedEdges).
func qStoredEdges(where, cols string) string {
	return `MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
WHERE ` + where + ` AND ($types IS NULL OR (a.type IN $types AND b.type IN $types))
RETURN a.id AS a, b.id AS b, ` + cols
}

var _ graph.NeighborhoodReader = (*Store)(nil)

// Neighborhood implements graph.NeighborhoodReader: over the whole store
// with complete aggregates it reads, for each of ids, the entity and its
// CO_MENTIONED relationships with the entities at their other ends, in one
// traversal (qNeighborhood); otherwise it counts them from the articles
// of ids (countedAround). Reading the relationships and then seeking each
// other end through the entity_id index took twice as long for a hub
// (Mohammed VI at 100,000 synthetic articles, 13,406 neighbours: 236 +
// 275 ms against about 300).
func (s *Store) Neighborhood(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	if !wholeStore(f) || f.Level() == graph.TypedEdges || !s.hasAggregates(ctx) {
		return s.countedAround(ctx, ids, f, true)
	}
	return s.storedAround(ctx, ids, f)
}

// Links implements graph.NeighborhoodReader: Neighborhood, counting only
// the entities of ids when it counts.
func (s *Store) Links(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	if !wholeStore(f) || f.Level() == graph.TypedEdges || !s.hasAggregates(ctx) {
		return s.countedAround(ctx, ids, f, false)
	}
	p, err := s.storedAround(ctx, ids, f)
	if err != nil {
		return nil, err
	}
	return graph.Uncounted(p, ids), nil
}

// countedAround is Neighborhood, or Links when counts is false, counted
// from the MENTIONS (typed edges: the relations) of the articles of ids
// that pass f (qLinks, qTypedLinks), and each counted entity from its own
// articles (qCountedEntities), in one read transaction: it reads the
// articles of ids, and with counts those of their neighbours, never the
// rest of the corpus.
func (s *Store) countedAround(ctx context.Context, ids []string, f graph.Filter, counts bool) (*graph.Projection, error) {
	params := filterParams(f)
	params["ids"] = slices.Compact(slices.Sorted(slices.Values(ids)))
	q := qLinks(f)
	if f.Level() == graph.TypedEdges {
		q = qTypedLinks
		params["relations"] = relationTypesParam(f)
	}
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	p, err := driver.ExecuteRead(ctx, sess, func(tx driver.ManagedTransaction) (*graph.Projection, error) {
		recs, err := run(ctx, tx, q, params)
		if err != nil {
			return nil, fmt.Errorf("neighbourhood edges: %w", err)
		}
		p := &graph.Projection{}
		for _, r := range recs {
			e := graph.Edge{
				A: str(r, "a"), B: str(r, "b"), Articles: int(num(r, "articles")), Sentences: int(num(r, "sentences")),
				First: timeOf(r, "first"), Last: timeOf(r, "last"), Confidence: float(r, "confidence"),
			}
			if e.B < e.A {
				e.A, e.B = e.B, e.A
			}
			p.Edges = append(p.Edges, e)
		}
		counted := ids
		if counts {
			counted = graph.Ends(ids, p.Edges)
		}
		cp := filterParams(f)
		cp["ids"] = slices.Compact(slices.Sorted(slices.Values(counted)))
		recs, err = run(ctx, tx, qCountedEntities, cp)
		if err != nil {
			return nil, fmt.Errorf("neighbourhood entities: %w", err)
		}
		for _, r := range recs {
			p.Entities = append(p.Entities, countedEntity(r))
		}
		if !counts {
			in := make(map[string]bool, len(ids))
			for _, id := range ids {
				in[id] = true
			}
			var others []string
			for _, id := range graph.Ends(nil, p.Edges) {
				if !in[id] {
					others = append(others, id)
				}
			}
			cp["ids"] = slices.Sorted(slices.Values(others))
			recs, err = run(ctx, tx, qEntitiesByID, cp)
			if err != nil {
				return nil, fmt.Errorf("neighbourhood entities: %w", err)
			}
			for _, r := range recs {
				e, err := entityOfList(list(r, "entity"))
				if err != nil {
					return nil, fmt.Errorf("neighbourhood entities: %w", err)
				}
				p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: e.Entity})
			}
		}
		return p, nil
	})
	if err != nil {
		return nil, err
	}
	sortEntities(p.Entities)
	sortEdges(p.Edges)
	return p, nil
}

// qLinks is the query of the article- or sentence-level edges (f's level)
// with an end in $ids (unique) that $types keeps, counted from the
// MENTIONS of the articles of $ids that pass the filter: a, b (unordered),
// articles, sentences, first and last, as qArticleEdges. An edge between
// two of $ids is counted from the lesser.
func qLinks(f graph.Filter) string {
	shared := ""
	if f.Level() == graph.SentenceEdges {
		shared = "WHERE shared > 0\n"
	}
	return `UNWIND $ids AS id
MATCH (a:Entity {id: id})<-[ma:MENTIONS]-(art:Article)
WHERE ` + filterWhere + ` AND ($types IS NULL OR a.type IN $types)
MATCH (art)-[mb:MENTIONS]->(b:Entity)
WHERE b <> a AND ($types IS NULL OR b.type IN $types) AND (NOT b.id IN $ids OR a.id < b.id)
WITH a, b, art, size([x IN ma.sentences WHERE x IN mb.sentences]) AS shared
` + shared + qEdgeAggregates
}

// qEntitiesByID reads the entities of $ids (unique) that $types keeps,
// each as one list of its entityValues, whatever their stored counts: a
// store written before the aggregates has none (qStoredEntitiesByID keeps
// only entities some article mentions by those counts).
var qEntitiesByID = `UNWIND $ids AS id
MATCH (e:Entity {id: id}) WHERE $types IS NULL OR e.type IN $types
RETURN [` + entityValues("e") + `] AS entity`

// qCountedEntities counts the entities of $ids (unique) that $types keeps
// within the filter, from their own MENTIONS, as Entities counts them
// all; an entity no article of the filter mentions is left out.
var qCountedEntities = `UNWIND $ids AS id
MATCH (e:Entity {id: id})<-[m:MENTIONS]-(art:Article)
WHERE ` + filterWhere + ` AND ($types IS NULL OR e.type IN $types)
` + qCountsByEntity

// storedAround is Neighborhood over the whole store, read from the
// aggregates.
func (s *Store) storedAround(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	params := filterParams(f)
	params["ids"] = slices.Compact(slices.Sorted(slices.Values(ids)))
	recs, err := s.read(ctx, qNeighborhood(f), params)
	if err != nil {
		return nil, fmt.Errorf("neighbourhood: %w", err)
	}
	p := &graph.Projection{}
	ents := map[string]graph.ProjectedEntity{}
	edges := map[[2]string]graph.Edge{}
	for _, r := range recs {
		x := str(r, "id")
		if v, _ := r.Get("entity"); v != nil {
			l, _ := v.([]any)
			e, err := entityOfList(l)
			if err != nil {
				return nil, fmt.Errorf("neighbourhood of %s: %w", x, err)
			}
			ents[e.ID] = e
		}
		for _, row := range list(r, "edges") {
			// [outgoing, articles, sentences, first, last, the other end's entity...]
			l, _ := row.([]any)
			if len(l) != 5+len(entityProperties) {
				return nil, fmt.Errorf("neighbourhood of %s: a relationship of %d values", x, len(l))
			}
			n, err := entityOfList(l[5:])
			if err != nil {
				return nil, fmt.Errorf("neighbourhood of %s: %w", x, err)
			}
			ents[n.ID] = n
			a, b := x, n.ID
			if out, _ := l[0].(bool); !out {
				a, b = b, a
			}
			articles, _ := l[1].(int64)
			sentences, _ := l[2].(int64)
			edges[[2]string{a, b}] = graph.Edge{A: a, B: b, Articles: int(articles), Sentences: int(sentences),
				First: timeValue(l[3]), Last: timeValue(l[4])}
		}
	}
	for _, e := range ents {
		p.Entities = append(p.Entities, e)
	}
	for _, e := range edges {
		p.Edges = append(p.Edges, e)
	}
	sortEntities(p.Entities)
	sortEdges(p.Edges)
	return p, nil
}

// entityProperties are the properties of an Entity node that entityOfList
// reads, in its order: a stored entity with its counts.
var entityProperties = []string{"id", "type", "kind", "name", "nameAr", "aliases", "wikidata", "parent", "articles", "mentions", "first", "last"}

// entityValues lists entityProperties of node variable v, for a list.
func entityValues(v string) string {
	vals := make([]string, len(entityProperties))
	for i, p := range entityProperties {
		vals[i] = v + "." + p
	}
	return strings.Join(vals, ", ")
}

// entityOfList reads a list of entityValues.
func entityOfList(l []any) (graph.ProjectedEntity, error) {
	if len(l) != len(entityProperties) {
		return graph.ProjectedEntity{}, fmt.Errorf("an entity of %d values", len(l))
	}
	s := func(i int) string { v, _ := l[i].(string); return v }
	n := func(i int) int { v, _ := l[i].(int64); return int(v) }
	e := graph.ProjectedEntity{Entity: graph.Entity{ID: s(0), Type: graph.EntityType(s(1)), Kind: s(2), Name: s(3), NameAr: s(4),
		Aliases: []string{}, Wikidata: s(6), Parent: s(7)}}
	if as, ok := l[5].([]any); ok {
		for _, a := range as {
			e.Aliases = append(e.Aliases, a.(string))
		}
	}
	e.Articles, e.Mentions = n(8), n(9)
	e.First, e.Last = timeValue(l[10]), timeValue(l[11])
	return e, nil
}

// qNeighborhood is the query of Neighborhood: for each entity of $ids
// (unique), its ID; entity, its entityValues when articles mention it and
// $types keeps it (else null); and edges, one list per CO_MENTIONED
// relationship f keeps (f's level; both ends of $types): whether it runs
// from the entity, its article and sentence counts, first and last dates
// at f's level, and the entityValues of its other end. A relationship
// between two entities of $ids comes twice.
func qNeighborhood(f graph.Filter) string {
	articles, first, last, where := levelProperties(f)
	return `UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL {
  WITH x
  MATCH (x)-[r:CO_MENTIONED]-(n:Entity)
  WHERE ` + where + ` AND ($types IS NULL OR (x.type IN $types AND n.type IN $types))
  RETURN collect([startNode(r) = x, ` + articles + `, r.sentences, ` + first + `, ` + last + `, ` + entityValues("n") + `]) AS edges
}
RETURN x.id AS id, CASE WHEN x.articles > 0 AND ($types IS NULL OR x.type IN $types) THEN [` + entityValues("x") + `] END AS entity, edges`
}

// EntitiesOf implements graph.NeighborhoodReader.
func (s *Store) EntitiesOf(ctx context.Context, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	if !wholeStore(f) || !s.hasAggregates(ctx) {
		params := filterParams(f)
		params["ids"] = slices.Compact(slices.Sorted(slices.Values(ids)))
		recs, err := s.read(ctx, qCountedEntities, params)
		if err != nil {
			return nil, fmt.Errorf("projection entities: %w", err)
		}
		ents := make([]graph.ProjectedEntity, 0, len(recs))
		for _, r := range recs {
			ents = append(ents, countedEntity(r))
		}
		sortEntities(ents)
		return ents, nil
	}
	params := filterParams(f)
	params["ids"] = ids
	return s.storedEntities(ctx, qStoredEntitiesByID, params)
}

var _ graph.Repairer = (*Store)(nil)

// Repair recomputes the aggregates of every entity and entity pair, and
// each entity's version (deriveEntities), from the MENTIONS, in transactions of repairChunk entities or pairs, and then
// marks them complete. It is how a store written before the aggregates
// gets them (`newsgraph check --repair`), and it takes about as long as
// writing the corpus's co-mentions did.
func (s *Store) Repair(ctx context.Context) error {
	recs, err := s.read(ctx, `MATCH (e:Entity) RETURN e.id AS id ORDER BY id`, nil)
	if err != nil {
		return fmt.Errorf("repair aggregates: %w", err)
	}
	var ids []string
	for _, r := range recs {
		ids = append(ids, str(r, "id"))
	}
	for start := 0; start < len(ids); start += repairChunk {
		chunk := ids[start:min(start+repairChunk, len(ids))]
		if err := s.write(ctx, func(tx driver.ManagedTransaction) error {
			if _, err := run(ctx, tx, qSetEntityCounts, map[string]any{"ids": chunk}); err != nil {
				return err
			}
			return rederiveEntities(ctx, tx, chunk)
		}); err != nil {
			return fmt.Errorf("repair aggregates: entities: %w", err)
		}
	}
	recs, err = s.read(ctx, `MATCH (a:Entity)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(b:Entity) WHERE a.id < b.id
RETURN DISTINCT a.id AS a, b.id AS b`, nil)
	if err != nil {
		return fmt.Errorf("repair aggregates: %w", err)
	}
	pairs := make(map[[2]string]bool, len(recs))
	for _, r := range recs {
		pairs[[2]string{str(r, "a"), str(r, "b")}] = true
	}
	// Pairs no article joins any more have a CO_MENTIONED to drop as well.
	recs, err = s.read(ctx, `MATCH (a:Entity)-[:CO_MENTIONED]->(b:Entity) RETURN a.id AS a, b.id AS b`, nil)
	if err != nil {
		return fmt.Errorf("repair aggregates: %w", err)
	}
	for _, r := range recs {
		a, b := str(r, "a"), str(r, "b")
		if a > b {
			a, b = b, a
		}
		pairs[[2]string{a, b}] = true
	}
	list := make([][2]string, 0, len(pairs))
	for p := range pairs {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i][0] != list[j][0] {
			return list[i][0] < list[j][0]
		}
		return list[i][1] < list[j][1]
	})
	for start := 0; start < len(list); start += repairChunk {
		chunk := list[start:min(start+repairChunk, len(list))]
		rows := make([]any, len(chunk))
		for i, p := range chunk {
			rows[i] = []any{p[0], p[1]}
		}
		if err := s.write(ctx, func(tx driver.ManagedTransaction) error {
			if _, err := run(ctx, tx, `UNWIND $pairs AS p
MATCH (a:Entity {id: p[0]})-[r:CO_MENTIONED]-(b:Entity {id: p[1]}) DELETE r`, map[string]any{"pairs": rows}); err != nil {
				return err
			}
			_, err := run(ctx, tx, qCoMentions, map[string]any{"pairs": rows})
			return err
		}); err != nil {
			return fmt.Errorf("repair aggregates: co-mentions: %w", err)
		}
	}
	if err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		if _, err := run(ctx, tx, `MERGE (m:NewsgraphMeta {key: $key}) SET m.version = $version`,
			map[string]any{"key": aggregatesKey, "version": aggregatesVersion}); err != nil {
			return err
		}
		return bumpGeneration(ctx, tx)
	}); err != nil {
		return fmt.Errorf("repair aggregates: %w", err)
	}
	s.aggregatedOnce = sync.Once{}
	return nil
}

// repairChunk is how many entities or pairs one Repair transaction takes.
const repairChunk = 5000

// qCoMentions recomputes the CO_MENTIONED relationship of each pair [a, b]
// (a < b) from the articles that mention both: articles, sentences naming
// both, first and last dates, and the same over the articles that name
// both in one sentence (sArticles, sFirst, sLast), which the
// sentence-level projection reads. Repair runs it; writes add deltas
// instead (writeAggregates).
const qCoMentions = `UNWIND $pairs AS p
MATCH (a:Entity {id: p[0]}), (b:Entity {id: p[1]})
OPTIONAL MATCH (a)-[old:CO_MENTIONED]-(b)
DELETE old
WITH DISTINCT a, b
MATCH (a)<-[ma:MENTIONS]-(art:Article)-[mb:MENTIONS]->(b)
WITH a, b, art, size([x IN ma.sentences WHERE x IN mb.sentences]) AS shared
WITH a, b, count(art) AS n, sum(shared) AS sentences, min(art.published) AS first, max(art.published) AS last,
     sum(CASE WHEN shared > 0 THEN 1 ELSE 0 END) AS sn,
     min(CASE WHEN shared > 0 THEN art.published END) AS sFirst, max(CASE WHEN shared > 0 THEN art.published END) AS sLast
CREATE (a)-[:CO_MENTIONED {articles: n, sentences: sentences, first: first, last: last,
    sArticles: sn, sFirst: sFirst, sLast: sLast}]->(b)`

// The statements of writeAggregates. Each takes rows of deltas: counts
// are added, a date widens the stored one, and a null date changes
// nothing. Entities exist when they run (the write has just merged them);
// a missing one was an orphan, dropped with its relationships.
const (
	qAddEntityCounts = `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.articles = coalesce(e.articles, 0) + row.articles, e.mentions = coalesce(e.mentions, 0) + row.mentions,
    e.first = CASE WHEN e.first IS NULL OR row.first < e.first THEN coalesce(row.first, e.first) ELSE e.first END,
    e.last = CASE WHEN e.last IS NULL OR row.last > e.last THEN coalesce(row.last, e.last) ELSE e.last END`
	// qAddEntityCountsByElement is qAddEntityCounts for rows that name
	// the node by its element ID (row.element), found in this transaction;
	// it removes the mark qEntities leaves on the entities it creates.
	qAddEntityCountsByElement = noReplan + `UNWIND $rows AS row
MATCH (e:Entity) WHERE elementId(e) = row.element
REMOVE e.createdBy
SET e.articles = coalesce(e.articles, 0) + row.articles, e.mentions = coalesce(e.mentions, 0) + row.mentions,
    e.first = CASE WHEN e.first IS NULL OR row.first < e.first THEN coalesce(row.first, e.first) ELSE e.first END,
    e.last = CASE WHEN e.last IS NULL OR row.last > e.last THEN coalesce(row.last, e.last) ELSE e.last END`
	// qAddCoMentionsByElement is qAddCoMentions for rows that only add
	// (graph.PairDelta.Pure) and name the ends by element ID (row.ea,
	// row.eb): a new relationship takes the row's properties as they are,
	// the values of a pair no article joined before.
	qAddCoMentionsByElement = noReplan + `UNWIND $rows AS row
MATCH (a:Entity) WHERE elementId(a) = row.ea
MATCH (b:Entity) WHERE elementId(b) = row.eb
WITH a, b, row.props AS p
MERGE (a)-[r:CO_MENTIONED]->(b)
ON CREATE SET r = p
ON MATCH SET r.articles = coalesce(r.articles, 0) + p.articles, r.sentences = coalesce(r.sentences, 0) + p.sentences,
    r.sArticles = coalesce(r.sArticles, 0) + p.sArticles,
    r.first = CASE WHEN r.first IS NULL OR p.first < r.first THEN coalesce(p.first, r.first) ELSE r.first END,
    r.last = CASE WHEN r.last IS NULL OR p.last > r.last THEN coalesce(p.last, r.last) ELSE r.last END,
    r.sFirst = CASE WHEN r.sFirst IS NULL OR p.sFirst < r.sFirst THEN coalesce(p.sFirst, r.sFirst) ELSE r.sFirst END,
    r.sLast = CASE WHEN r.sLast IS NULL OR p.sLast > r.sLast THEN coalesce(p.sLast, r.sLast) ELSE r.sLast END`
	// qCreateCoMentions creates the relationship of pairs that cannot have
	// one: an end was created in this transaction (batchNodes.created).
	qCreateCoMentions = noReplan + `UNWIND $rows AS row
MATCH (a:Entity) WHERE elementId(a) = row.ea
MATCH (b:Entity) WHERE elementId(b) = row.eb
CREATE (a)-[r:CO_MENTIONED]->(b)
SET r = row.props`
	// qAddCoMentions creates the relationship from the entity of the
	// lesser ID when the pair has none.
	qAddCoMentions = `UNWIND $rows AS row
MATCH (a:Entity {id: row.a}), (b:Entity {id: row.b})
MERGE (a)-[r:CO_MENTIONED]->(b)
SET r.articles = coalesce(r.articles, 0) + row.articles, r.sentences = coalesce(r.sentences, 0) + row.sentences,
    r.sArticles = coalesce(r.sArticles, 0) + row.sArticles,
    r.first = CASE WHEN r.first IS NULL OR row.first < r.first THEN coalesce(row.first, r.first) ELSE r.first END,
    r.last = CASE WHEN r.last IS NULL OR row.last > r.last THEN coalesce(row.last, r.last) ELSE r.last END,
    r.sFirst = CASE WHEN r.sFirst IS NULL OR row.sFirst < r.sFirst THEN coalesce(row.sFirst, r.sFirst) ELSE r.sFirst END,
    r.sLast = CASE WHEN r.sLast IS NULL OR row.sLast > r.sLast THEN coalesce(row.sLast, r.sLast) ELSE r.sLast END`
	// The rows that remove return what the stored aggregate became, for
	// writeAggregates to tell which reached zero or may have lost a date.
	returnEntityCounts = `
RETURN e.id AS id, e.articles AS articles, e.first AS first, e.last AS last`
	returnCoMentions = `
RETURN a.id AS a, b.id AS b, r.articles AS articles, r.sArticles AS sArticles,
       r.first AS first, r.last AS last, r.sFirst AS sFirst, r.sLast AS sLast`
	// qEntityDates recounts the first and last dates of entities.
	qEntityDates = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (art:Article)-[:MENTIONS]->(e)
WITH e, min(art.published) AS first, max(art.published) AS last
SET e.first = first, e.last = last`
	qDropCoMentions = `UNWIND $pairs AS p
MATCH (:Entity {id: p[0]})-[r:CO_MENTIONED]->(:Entity {id: p[1]})
DELETE r`
	// qCoMentionDates and qCoMentionSentenceDates recount the dates of
	// pairs, over the articles naming both and those naming both in one
	// sentence; null where there are none.
	qCoMentionDates = `UNWIND $pairs AS p
MATCH (a:Entity {id: p[0]})-[r:CO_MENTIONED]->(b:Entity {id: p[1]})
CALL {
  WITH a, b
  OPTIONAL MATCH (a)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(b)
  RETURN min(art.published) AS first, max(art.published) AS last
}
SET r.first = first, r.last = last`
	qCoMentionSentenceDates = `UNWIND $pairs AS p
MATCH (a:Entity {id: p[0]})-[r:CO_MENTIONED]->(b:Entity {id: p[1]})
CALL {
  WITH a, b
  OPTIONAL MATCH (a)<-[ma:MENTIONS]-(art:Article)-[mb:MENTIONS]->(b)
  WHERE any(x IN ma.sentences WHERE x IN mb.sentences)
  RETURN min(art.published) AS first, max(art.published) AS last
}
SET r.sFirst = first, r.sLast = last`
)

// writeAggregates adds d, the change a write made, to the aggregates, in
// the write's transaction and after its facts: graph/sqlite's method, in
// Cypher. Rows that only add (graph.EntityDelta.Pure) go in one statement
// each for entities and pairs; the others return what they became, and a
// pair reaching zero articles is deleted, and an aggregate whose first or
// last date a removal may have taken is recounted from the MENTIONS, which
// by then are the new ones. An entity reaching zero is an orphan, which
// finish has already dropped. So a write costs what it changes, not what
// the store holds about the entities it touches.
//
// Rows whose nodes the write merged (nodes) find them by element ID rather
// than through the id index, and a pair with an end the write created
// cannot have a relationship yet: it is created without MERGE's search and
// locks. Measured on an ingest of ar-news-2022 into the test server, these
// took the CO_MENTIONED statements from 22.5 to 11.7 s of 452,000 rows
// (docs/neo4j.md).
func writeAggregates(ctx context.Context, tx driver.ManagedTransaction, d *graph.AggregateDelta, nodes batchNodes) error {
	var seek, pure, impure []any
	for _, id := range d.EntityIDs() {
		e := d.Entities[id]
		row := map[string]any{"id": id, "articles": int64(e.Articles), "mentions": int64(e.Mentions),
			"first": keyParam(e.Dates.AddMin), "last": keyParam(e.Dates.AddMax)}
		switch el, ok := nodes.elements[id]; {
		case !e.Pure():
			impure = append(impure, row)
		case ok:
			row["element"] = el
			seek = append(seek, row)
		default:
			pure = append(pure, row)
		}
	}
	for _, step := range []struct {
		query string
		rows  []any
	}{{qAddEntityCountsByElement, seek}, {qAddEntityCounts, pure}} {
		if len(step.rows) == 0 {
			continue
		}
		if _, err := run(ctx, tx, step.query, map[string]any{"rows": step.rows}); err != nil {
			return fmt.Errorf("write aggregates: entities: %w", err)
		}
	}
	if len(impure) > 0 {
		recs, err := run(ctx, tx, qAddEntityCounts+returnEntityCounts, map[string]any{"rows": impure})
		if err != nil {
			return fmt.Errorf("write aggregates: entities: %w", err)
		}
		var stale []string
		for _, r := range recs {
			id := str(r, "id")
			if num(r, "articles") > 0 && d.Entities[id].Dates.Stale(dateKey(timeOf(r, "first")), dateKey(timeOf(r, "last"))) {
				stale = append(stale, id)
			}
		}
		if len(stale) > 0 {
			if _, err := run(ctx, tx, qEntityDates, map[string]any{"ids": stale}); err != nil {
				return fmt.Errorf("write aggregates: entity dates: %w", err)
			}
		}
	}

	seek, pure, impure = seek[:0], pure[:0], impure[:0]
	var fresh []any
	for _, k := range d.PairKeys() {
		p := d.Pairs[k]
		props := map[string]any{
			"articles": int64(p.Articles), "sentences": int64(p.Sentences), "sArticles": int64(p.SArticles),
			"first": keyParam(p.Dates.AddMin), "last": keyParam(p.Dates.AddMax),
			"sFirst": keyParam(p.SDates.AddMin), "sLast": keyParam(p.SDates.AddMax)}
		ea, okA := nodes.elements[k[0]]
		eb, okB := nodes.elements[k[1]]
		if p.Pure() && okA && okB {
			row := map[string]any{"ea": ea, "eb": eb, "props": props}
			if nodes.created[k[0]] || nodes.created[k[1]] {
				fresh = append(fresh, row) // no other transaction sees the new end yet
			} else {
				seek = append(seek, row)
			}
			continue
		}
		row := maps.Clone(props)
		row["a"], row["b"] = k[0], k[1]
		if p.Pure() {
			pure = append(pure, row)
		} else {
			impure = append(impure, row)
		}
	}
	for _, step := range []struct {
		query string
		rows  []any
	}{{qCreateCoMentions, fresh}, {qAddCoMentionsByElement, seek}, {qAddCoMentions, pure}} {
		for start := 0; start < len(step.rows); start += pairChunk {
			rows := step.rows[start:min(start+pairChunk, len(step.rows))]
			if _, err := run(ctx, tx, step.query, map[string]any{"rows": rows}); err != nil {
				return fmt.Errorf("write aggregates: co-mentions: %w", err)
			}
		}
	}
	var drop, dates, sDates []any
	for start := 0; start < len(impure); start += pairChunk {
		rows := impure[start:min(start+pairChunk, len(impure))]
		recs, err := run(ctx, tx, qAddCoMentions+returnCoMentions, map[string]any{"rows": rows})
		if err != nil {
			return fmt.Errorf("write aggregates: co-mentions: %w", err)
		}
		for _, r := range recs {
			k := [2]string{str(r, "a"), str(r, "b")}
			p, pair := d.Pairs[k], []any{k[0], k[1]}
			if num(r, "articles") <= 0 {
				drop = append(drop, pair)
				continue
			}
			if p.Dates.Stale(dateKey(timeOf(r, "first")), dateKey(timeOf(r, "last"))) {
				dates = append(dates, pair)
			}
			sFirst, sLast := dateKey(timeOf(r, "sFirst")), dateKey(timeOf(r, "sLast"))
			if num(r, "sArticles") > 0 && p.SDates.Stale(sFirst, sLast) || num(r, "sArticles") <= 0 && (sFirst != "" || sLast != "") {
				sDates = append(sDates, pair) // no articles left: the recount clears them
			}
		}
	}
	for _, step := range []struct {
		query string
		pairs []any
	}{{qDropCoMentions, drop}, {qCoMentionDates, dates}, {qCoMentionSentenceDates, sDates}} {
		if len(step.pairs) == 0 {
			continue
		}
		if _, err := run(ctx, tx, step.query, map[string]any{"pairs": step.pairs}); err != nil {
			return fmt.Errorf("write aggregates: co-mentions: %w", err)
		}
	}
	return nil
}

// pairChunk is how many pairs one statement of writeAggregates takes.
const pairChunk = 5000

// dateLayout renders a date as a string that sorts as the dates do, the
// form graph.AggregateDelta compares: UTC, fixed width, to the nanosecond
// that Neo4j keeps.
const dateLayout = "2006-01-02T15:04:05.000000000Z"

// dateKey is t in dateLayout; "" for the zero time.
func dateKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(dateLayout)
}

// keyParam is a dateKey as a parameter: null for "".
func keyParam(k string) any {
	if k == "" {
		return nil
	}
	t, err := time.Parse(dateLayout, k)
	if err != nil {
		panic(fmt.Sprintf("date key %q: %v", k, err)) // dateKey made it
	}
	return t
}
