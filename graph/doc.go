// Package graph holds newsgraph's data model and the contract every storage
// backend keeps.
//
// The unit of writing is a Document: one article with the entities it
// mentions and how often. Everything aggregate — co-mention edges and their
// weights, entity mention counts, first and last dates — is derived from
// the documents a store holds at query time, never maintained by hand, so
// any sequence of Apply and Delete calls leaves a store answering exactly
// as one fresh Apply of the surviving documents would.
//
// Backends live in sub-packages (graph/sqlite, later graph/neo4j) and are
// opened by name through a Registry the command line assembles explicitly;
// graph/storetest is the conformance suite every backend passes.
package graph
