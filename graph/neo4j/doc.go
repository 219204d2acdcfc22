// Package neo4j is the graph.Store backed by a Neo4j 5 server, written with
// the official Go driver over Bolt.
//
// The schema (see docs/neo4j.md) mirrors the SQLite store's per-article
// facts — (:Article)-[:MENTIONS]->(:Entity), and typed relations as
// relationships of their type between the entities — so projections are
// derived from them exactly as there, and both backends answer every query
// the same. The store also keeps aggregates of those facts, which
// whole-store projections read and the Neo4j Browser shows: counts and
// first/last dates on each Entity, and one (:Entity)-[:CO_MENTIONED]->(:Entity)
// relationship per co-mentioned pair, from the lesser ID, with the pair's
// counts and dates. Every write adds the change it makes to them in its own
// transaction (graph.AggregateDelta, as graph/sqlite does), deletes pairs
// that reach zero and recounts a first or last date only where a removal
// may have taken it, so that its cost follows what it changes, not the
// store's size; Check recounts them all, and Repair recomputes them for a
// store written before they were kept.
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
