// Package neo4j is the graph.Store backed by a Neo4j 5 server, written with
// the official Go driver over Bolt.
//
// The schema (see docs/neo4j.md) mirrors the SQLite store's per-article
// facts — (:Article)-[:MENTIONS]->(:Entity), and typed relations as
// relationships of their type between the entities — so projections are
// derived from them exactly as there, and both backends answer every query
// the same. For exploring in the Neo4j Browser the store also keeps
// (:Entity)-[:CO_MENTIONED]->(:Entity) relationships; they are derived too:
// after every write, the pairs whose articles changed are recomputed from
// MENTIONS in the same transaction, never incremented.
//
// Every query is a constant string with parameters; labels and relationship
// types, which Cypher cannot take as parameters, come from fixed tables. Writes run in managed
// transactions (ExecuteWrite), which the driver retries on transient
// errors; each is idempotent, reading the state it replaces inside itself.
package neo4j
