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
//
// Where the server has Neo4j Graph Data Science, GDSPageRank and GDSLouvain
// compute those metrics inside the database over CO_MENTIONED (weighted by
// articles), projecting it into GDS's catalog under a fresh name and
// dropping it after; HasGDS tells whether they can run. GDSPageRank agrees
// with query.PageRank to 1e-9 (gds_test.go); see docs/neo4j.md.
package neo4j
