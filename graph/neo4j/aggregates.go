package neo4j

import (
	"context"
	"fmt"
	"sort"
	"sync"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// A store's aggregates are the counts that projections read instead of
// counting MENTIONS: on each Entity its articles, mentions, first and last
// (qSetEntityCounts), and on each CO_MENTIONED its sentence-level counts
// beside the article-level ones (qCoMentions). Every write keeps them in
// its transaction. A store that has held articles since before this
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
func wholeStore(f graph.Filter) bool {
	return f.Since.IsZero() && f.Until.IsZero() && len(f.Langs) == 0 && len(f.Sources) == 0
}

const qStoredEntities = `MATCH (e:Entity) WHERE e.articles > 0 AND ($types IS NULL OR e.type IN $types)
  AND ($ids IS NULL OR e.id IN $ids)
RETURN e.id AS id, e.type AS type, e.kind AS kind, e.name AS name, e.nameAr AS nameAr, e.aliases AS aliases,
       e.wikidata AS wikidata, e.parent AS parent, e.articles AS articles, e.mentions AS mentions, e.first AS first, e.last AS last`

// storedEdges returns the edge columns of CO_MENTIONED relationship r at
// f's level, and the condition an edge of that level meets.
func storedEdges(f graph.Filter) (cols, where string) {
	if f.Level() == graph.SentenceEdges {
		return `r.sArticles AS articles, r.sentences AS sentences, r.sFirst AS first, r.sLast AS last`, `r.sArticles > 0`
	}
	return `r.articles AS articles, r.sentences AS sentences, r.first AS first, r.last AS last`, `true`
}

// storedProjection is Projection read from the aggregates.
func (s *Store) storedProjection(ctx context.Context, f graph.Filter) (*graph.Projection, error) {
	params := filterParams(f)
	params["ids"] = nil
	ents, err := s.storedEntities(ctx, params)
	if err != nil {
		return nil, err
	}
	cols, where := storedEdges(f)
	recs, err := s.read(ctx, `MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
WHERE `+where+` AND ($types IS NULL OR (a.type IN $types AND b.type IN $types))
RETURN a.id AS a, b.id AS b, `+cols, params)
	if err != nil {
		return nil, fmt.Errorf("projection edges: %w", err)
	}
	return &graph.Projection{Entities: ents, Edges: edgesOf(recs)}, nil
}

func (s *Store) storedEntities(ctx context.Context, params map[string]any) ([]graph.ProjectedEntity, error) {
	recs, err := s.read(ctx, qStoredEntities, params)
	if err != nil {
		return nil, fmt.Errorf("projection entities: %w", err)
	}
	ents := make([]graph.ProjectedEntity, 0, len(recs))
	for _, r := range recs {
		pe := graph.ProjectedEntity{Entity: entity(r)}
		pe.Articles = int(num(r, "articles"))
		pe.Mentions = int(num(r, "mentions"))
		pe.First, pe.Last = timeOf(r, "first"), timeOf(r, "last")
		ents = append(ents, pe)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	return ents, nil
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
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].A != edges[j].A {
			return edges[i].A < edges[j].A
		}
		return edges[i].B < edges[j].B
	})
	return edges
}

var _ graph.NeighborhoodReader = (*Store)(nil)

// Neighborhood implements graph.NeighborhoodReader: over the whole store
// with complete aggregates it reads the CO_MENTIONED relationships of ids
// through the entity_id constraint's index; otherwise it cuts the part
// around ids from the whole projection.
func (s *Store) Neighborhood(ctx context.Context, ids []string, f graph.Filter) (*graph.Projection, error) {
	if !wholeStore(f) || f.Level() == graph.TypedEdges || !s.hasAggregates(ctx) {
		p, err := s.Projection(ctx, f)
		if err != nil {
			return nil, err
		}
		return graph.Around(p, ids), nil
	}
	params := filterParams(f)
	params["ids"] = ids
	cols, where := storedEdges(f)
	recs, err := s.read(ctx, `UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:CO_MENTIONED]-(:Entity)
WITH DISTINCT r
MATCH (a:Entity)-[r]->(b:Entity)
WHERE `+where+` AND ($types IS NULL OR (a.type IN $types AND b.type IN $types))
RETURN a.id AS a, b.id AS b, `+cols, params)
	if err != nil {
		return nil, fmt.Errorf("neighbourhood edges: %w", err)
	}
	p := &graph.Projection{Edges: edgesOf(recs)}
	all := graph.Ends(ids, p.Edges)
	if p.Entities, err = s.EntitiesOf(ctx, all, f); err != nil {
		return nil, err
	}
	return p, nil
}

// EntitiesOf implements graph.NeighborhoodReader.
func (s *Store) EntitiesOf(ctx context.Context, ids []string, f graph.Filter) ([]graph.ProjectedEntity, error) {
	if !wholeStore(f) || !s.hasAggregates(ctx) {
		ents, err := s.Entities(ctx, f)
		if err != nil {
			return nil, err
		}
		return graph.Around(&graph.Projection{Entities: ents}, ids).Entities, nil
	}
	params := filterParams(f)
	params["ids"] = ids
	return s.storedEntities(ctx, params)
}

var _ graph.Repairer = (*Store)(nil)

// Repair recomputes the aggregates of every entity and entity pair from
// the MENTIONS, in transactions of repairChunk entities or pairs, and then
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
			_, err := run(ctx, tx, qSetEntityCounts, map[string]any{"ids": chunk})
			return err
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
