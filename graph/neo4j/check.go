package neo4j

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

var _ graph.Checker = (*Store)(nil)

// requiredConstraints are the uniqueness constraints of schema: without
// them a MERGE can store one article or entity twice.
var requiredConstraints = []string{"article_id", "entity_id", "ingest_lock_name", "ingest_run_id"}

// invariants are newsgraph's own rules on a sound Neo4j store, each a
// query counting what breaks it (as n), and the sentence saying so.
// CO_MENTIONED is derived from MENTIONS, kept by every write
// (writeAggregates): one relationship per pair of entities an article
// mentions together, from the entity of the lesser ID, counting those
// articles.
var invariants = []struct{ query, says string }{
	{`MATCH (a:Article) WHERE a.id IS NULL OR a.id = '' OR a.hash IS NULL OR a.hash = '' RETURN count(a) AS n`,
		"articles without an ID or a content hash"},
	{`MATCH (e:Entity) WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Article) } RETURN count(e) AS n`,
		"entities no stored article mentions"},
	{`MATCH (a:Article)-[m:MENTIONS]->(e:Entity) WITH a, e, count(m) AS k WHERE k > 1 RETURN count(*) AS n`,
		"article–entity pairs with more than one MENTIONS relationship"},
	{`MATCH (a:Entity)-[r:CO_MENTIONED]-(b:Entity) WHERE a.id < b.id WITH a, b, count(r) AS k WHERE k > 1 RETURN count(*) AS n`,
		"entity pairs with more than one CO_MENTIONED relationship"},
	{`MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
WHERE r.articles <> COUNT { (a)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(b) }
RETURN count(r) AS n`,
		"CO_MENTIONED relationships whose article count differs from the articles mentioning both entities"},
	{`MATCH (a:Entity)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(b:Entity)
WHERE a.id < b.id AND NOT EXISTS { (a)-[:CO_MENTIONED]-(b) }
RETURN count(DISTINCT [a.id, b.id]) AS n`,
		"entity pairs mentioned together without a CO_MENTIONED relationship"},
	// deriveEntities: an entity holds the version of the article with the
	// least ID that mentions it (one written before versionArticle has none).
	{`MATCH (e:Entity) WHERE e.versionArticle IS NOT NULL
  AND (NOT EXISTS { (:Article {id: e.versionArticle})-[m:MENTIONS]->(e) WHERE m.entity IS NOT NULL }
       OR EXISTS { (a:Article)-[m:MENTIONS]->(e) WHERE a.id < e.versionArticle AND m.entity IS NOT NULL })
RETURN count(e) AS n`,
		"entities whose versionArticle is not the article with the least ID mentioning them (newsgraph check --repair derives them again)"},
}

// aggregateInvariants hold on a store whose aggregates are complete
// (hasAggregates): the counts stored on entities and CO_MENTIONED equal a
// recount of the MENTIONS.
var aggregateInvariants = []struct{ query, says string }{
	{`MATCH (e:Entity)
OPTIONAL MATCH (art:Article)-[m:MENTIONS]->(e)
WITH e, count(art) AS n, sum(m.count) AS k, min(art.published) AS f, max(art.published) AS l
WHERE coalesce(e.articles, -1) <> n OR coalesce(e.mentions, -1) <> k
   OR NOT (e.first IS NULL AND f IS NULL OR e.first = f) OR NOT (e.last IS NULL AND l IS NULL OR e.last = l)
RETURN count(e) AS n`,
		"entities whose stored counts differ from a recount of their MENTIONS (newsgraph check --repair recomputes them)"},
	{`MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
MATCH (a)<-[ma:MENTIONS]-(art:Article)-[mb:MENTIONS]->(b)
WITH r, art, size([x IN ma.sentences WHERE x IN mb.sentences]) AS shared
WITH r, sum(shared) AS sentences, min(art.published) AS f, max(art.published) AS l,
     sum(CASE WHEN shared > 0 THEN 1 ELSE 0 END) AS sn,
     min(CASE WHEN shared > 0 THEN art.published END) AS sf, max(CASE WHEN shared > 0 THEN art.published END) AS sl
WHERE r.sentences <> sentences OR coalesce(r.sArticles, -1) <> sn
   OR NOT (r.first IS NULL AND f IS NULL OR r.first = f) OR NOT (r.last IS NULL AND l IS NULL OR r.last = l)
   OR NOT (r.sFirst IS NULL AND sf IS NULL OR r.sFirst = sf) OR NOT (r.sLast IS NULL AND sl IS NULL OR r.sLast = sl)
RETURN count(r) AS n`,
		"CO_MENTIONED relationships whose sentence counts or dates differ from a recount of the MENTIONS (newsgraph check --repair recomputes them)"},
}

// Check implements graph.Checker: the uniqueness constraints of the schema
// are present, then the invariants hold. Neo4j checks its own store files
// itself (neo4j-admin database check, offline), which this does not run.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	recs, err := s.read(ctx, "SHOW CONSTRAINTS YIELD name RETURN name", nil)
	if err != nil {
		return nil, fmt.Errorf("list constraints: %w", err)
	}
	var have []string
	for _, r := range recs {
		have = append(have, str(r, "name"))
	}
	var problems []string
	for _, c := range requiredConstraints {
		if !slices.Contains(have, c) {
			problems = append(problems, fmt.Sprintf("constraint %s is missing (opening the store for an ingest creates it again)", c))
		}
	}
	checks := invariants
	if s.hasAggregates(ctx) {
		checks = append(checks[:len(checks):len(checks)], aggregateInvariants...)
	}
	for _, inv := range checks {
		recs, err := s.read(ctx, inv.query, nil)
		if err != nil {
			return nil, fmt.Errorf("check %s: %w", inv.says, err)
		}
		if len(recs) == 1 {
			if n := num(recs[0], "n"); n > 0 {
				problems = append(problems, fmt.Sprintf("%d %s", n, inv.says))
			}
		}
	}
	return problems, nil
}
