// Package graph holds newsgraph's data model and the contract every storage
// backend keeps.
//
// The unit of writing is a Document: one article with the entities it
// mentions, how often and in which sentences, and the typed relations its
// sentences state (who meets, visits, attacks … whom; who is quoted). A
// relation is one unit of evidence, kept with its sentence and offsets; its
// parties are always entities the article mentions. Everything aggregate —
// edges and their weights, entity mention counts, relation counts per pair,
// first and last dates — is derived from the documents a store holds at
// query time, never maintained by hand, so any sequence of Apply and Delete
// calls leaves a store answering exactly as one fresh Apply of the
// surviving documents would.
//
// A Projection's edges join entities at one of three levels (EdgeLevel):
// named in the same article, named in the same sentence, or joined by a
// typed relation that is not negated. The entities are the same at every
// level. A typed edge also sums its relations' confidences
// (Edge.Confidence; a relation stored without one counts
// DefaultConfidence), a weight query centrality can use instead of
// articles. Stores keep each relation's Pattern and Confidence and give
// them back from Relations; a confidence of 0 means not measured.
//
// Backends live in sub-packages (graph/sqlite, graph/neo4j) and are opened
// by name through a Registry the command line assembles explicitly;
// graph/storetest is the conformance suite every backend passes.
package graph
