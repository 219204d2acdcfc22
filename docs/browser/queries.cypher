// newsgraph: saved queries for the Neo4j Browser.
// Paste one into the editor (or add it to Favorites with the star). Parameters are set with
// :param, e.g.  :param name => 'Kadhimi'   — names match any alias, either script.

// 1. Top actors: entities mentioned in the most articles, with their strongest links.
MATCH (e:Entity)<-[m:MENTIONS]-(:Article)
WITH e, count(m) AS articles
ORDER BY articles DESC LIMIT 25
MATCH (e)-[r:CO_MENTIONED]-(other:Entity)
RETURN e, r, other;

// 2. Kadhimi's neighbourhood: everyone co-mentioned with him, strongest links first.
:param name => 'Kadhimi';
MATCH (k:Entity) WHERE k.id = $name OR toLower($name) IN k.keys
MATCH (k)-[r:CO_MENTIONED]-(n:Entity)
RETURN k, r, n ORDER BY r.articles DESC LIMIT 30;

// 3. A co-mention path between two actors (fewest hops).
:param from => 'Kadhimi';
:param to => 'Raisi';
MATCH (a:Entity) WHERE a.id = $from OR toLower($from) IN a.keys
MATCH (b:Entity) WHERE b.id = $to OR toLower($to) IN b.keys
MATCH p = shortestPath((a)-[:CO_MENTIONED*..6]-(b))
RETURN p;

// 4. The articles mentioning two actors, newest first.
:param a => 'Kadhimi';
:param b => 'Biden';
MATCH (x:Entity) WHERE x.id = $a OR toLower($a) IN x.keys
MATCH (y:Entity) WHERE y.id = $b OR toLower($b) IN y.keys
MATCH (x)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(y)
RETURN art.published AS date, art.title AS title, art.source AS source, art.url AS url
ORDER BY art.published DESC LIMIT 50;

// 5. Search names in either script (full-text index with Lucene's Arabic analyzer).
CALL db.index.fulltext.queryNodes('entity_names', 'الكاظمي OR Kadhimi') YIELD node, score
RETURN node.name AS name, node.nameAr AS arabic, labels(node) AS labels, score LIMIT 10;

// 6. Typed relations of an actor: whom Kadhimi meets, visits, supports, attacks … as the sentences
//    say it (denied ones left out). Each relationship carries its sentence (text), article and date.
:param name => 'Kadhimi';
MATCH (k:Entity) WHERE k.id = $name OR toLower($name) IN k.keys
MATCH (k)-[r:MEETS|VISITS|INVITES|DISCUSSES|ATTACKS|SUPPORTS|CRITICIZES|THREATENS]-(other:Entity)
WHERE NOT r.negated
RETURN k, r, other;
