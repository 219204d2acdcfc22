// newsgraph: saved queries for the Neo4j Browser (docs/neo4j.md, "Exploring in the Browser").
//
// Run them one at a time. Where an entry starts with `:param` lines, run each :param line on
// its own first (it sets a parameter for the session), then the query. Change the value to ask
// about someone else: any of an entity's names or aliases works, in Arabic or Latin script
// ('مصطفى الكاظمي', 'الكاظمي', 'Mustafa al-Kadhimi', 'Kadhimi' all find the same person),
// through the full-text index entity_names and its Arabic analyzer. An entity one of whose names
// is exactly the one given (compared lower-cased with its `keys`) comes first, then the best
// full-text score: 'Daesh' is the Islamic State, not the coalition "against Daesh".
//
// Once per Browser: run  :config autoComplete: false  (Settings, "Connect result nodes" off).
// Otherwise the Browser fetches every relationship between the nodes a query returns and the
// top actors become a hairball again. Apply the style (docs/browser/newsgraph.grass): nodes are
// captioned by `caption` (the English name, else the Arabic one).
//
// TestSavedBrowserQueries runs every entry as written here against the seed article.

// 1. Top actors: the 25 entities in the most articles, each with its 3 strongest co-mention
//    links to other top actors (and nothing else, with "Connect result nodes" off).
MATCH (e:Entity)<-[m:MENTIONS]-(:Article)
WITH e, count(m) AS articles ORDER BY articles DESC, e.id LIMIT 25
WITH collect(e) AS top
UNWIND top AS e
MATCH (e)-[r:CO_MENTIONED]-(other:Entity) WHERE other IN top
WITH e, r, other ORDER BY r.articles DESC, r.sentences DESC, other.id
WITH e, collect([r, other])[..3] AS strongest
UNWIND strongest AS s
RETURN e, s[0] AS r, s[1] AS other;

// 2. Who is it? Every entity one name finds, in either script, best match first.
:param name => 'مصطفى الكاظمي'
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '') + '"') YIELD node, score
RETURN node.caption AS caption, node.name AS name, node.nameAr AS arabic, node.type AS type,
       node.id AS id, COUNT { (node)<-[:MENTIONS]-(:Article) } AS articles, node.aliases AS aliases,
       toLower($name) IN node.keys AS exact, score
ORDER BY exact DESC, score DESC LIMIT 10;

// 3. An actor's neighbourhood: the 20 entities most often co-mentioned with them.
:param name => 'Mustafa al-Kadhimi'
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '') + '"') YIELD node, score
WITH node AS k ORDER BY toLower($name) IN node.keys DESC, score DESC LIMIT 1
MATCH (k)-[r:CO_MENTIONED]-(n:Entity)
RETURN k, r, n ORDER BY r.articles DESC, r.sentences DESC, n.id LIMIT 20;

// 4. A co-mention path between two actors (fewest hops).
:param from => 'الكاظمي'
:param to => 'Raisi'
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($from, '"', '') + '"') YIELD node, score
WITH node AS a ORDER BY toLower($from) IN node.keys DESC, score DESC LIMIT 1
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($to, '"', '') + '"') YIELD node, score
WITH a, node AS b ORDER BY toLower($to) IN node.keys DESC, score DESC LIMIT 1
MATCH p = shortestPath((a)-[:CO_MENTIONED*..6]-(b))
RETURN p;

// 5. The articles mentioning two actors, newest first, with where to read them.
:param a => 'Kadhimi'
:param b => 'بايدن'
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($a, '"', '') + '"') YIELD node, score
WITH node AS x ORDER BY toLower($a) IN node.keys DESC, score DESC LIMIT 1
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($b, '"', '') + '"') YIELD node, score
WITH x, node AS y ORDER BY toLower($b) IN node.keys DESC, score DESC LIMIT 1
MATCH (x)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(y)
RETURN art.published AS date, art.title AS title, art.source AS source, art.url AS url, art.id AS id
ORDER BY art.published DESC LIMIT 50;

// 6. What the sentences say an actor does: typed relations (meets, visits, supports, attacks …),
//    denied ones left out, each with its sentence, date and article.
:param name => 'مصطفى الكاظمي'
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '') + '"') YIELD node, score
WITH node AS k ORDER BY toLower($name) IN node.keys DESC, score DESC LIMIT 1
MATCH (k)-[r:MEETS|VISITS|INVITES|DISCUSSES|ATTACKS|SUPPORTS|CRITICIZES|THREATENS]-(other:Entity)
WHERE NOT r.negated
RETURN k, r, other;

// 7. The same relations as a table, to read the sentences.
:param name => 'مصطفى الكاظمي'
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '') + '"') YIELD node, score
WITH node AS k ORDER BY toLower($name) IN node.keys DESC, score DESC LIMIT 1
MATCH (k)-[r:MEETS|VISITS|INVITES|DISCUSSES|ATTACKS|SUPPORTS|CRITICIZES|THREATENS]-(other:Entity)
WHERE NOT r.negated
RETURN r.published AS date, startNode(r).caption AS subject, type(r) AS relation,
       endNode(r).caption AS object, r.confidence AS confidence, r.pattern AS pattern,
       r.text AS sentence, r.article AS article
ORDER BY date DESC, article, r.seq;

// 8. Only the relations you can trust: those whose confidence (the measured precision of the
//    pattern they were read by; see README, "Confidence") is at least $minConfidence, as
//    `newsgraph query relations` shows by default. A relation stored before confidences were
//    kept has no `confidence` property: coalesce(…, 1.0) keeps it, as query relations does.
:param name => 'مصطفى الكاظمي'
:param minConfidence => 0.5
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '') + '"') YIELD node, score
WITH node AS k ORDER BY toLower($name) IN node.keys DESC, score DESC LIMIT 1
MATCH (k)-[r:MEETS|VISITS|INVITES|DISCUSSES|ATTACKS|SUPPORTS|CRITICIZES|THREATENS]-(other:Entity)
WHERE NOT r.negated AND coalesce(r.confidence, 1.0) >= $minConfidence
RETURN k, r, other;
