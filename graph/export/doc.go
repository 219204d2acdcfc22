// Package export writes a graph for other graph tools:
//
//   - GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd, networkx
//     and Cytoscape;
//   - GEXF 1.3 (https://gexf.net/) for Gephi;
//   - the CSV header format of neo4j-admin database import (nodes.csv and
//     relationships.csv in a directory).
//
// Every format is undirected: nodes are entities (their ID is the entity
// ID) with name, name_ar, type, kind, wikidata, articles and mentions;
// edges carry weight (articles), sentences, first and last (dates as
// YYYY-MM-DD, left out when unknown). Output is deterministic: entities and
// edges are written in the projection's order. Errors are the writer's or
// the file system's, wrapped with "export:" where a file is involved.
//
// Writers write a Graph — nodes, then edges in order — element by element
// rather than building the document in memory, and tell an optional
// Progress (func(done, total int)) after each node and edge; the package
// draws nothing itself. Of makes a Graph of a graph.Projection; Collect
// streams a store's projection into a compact Graph (24 bytes an edge)
// that writes the same bytes, for graphs of millions of edges.
//
// The package imports graph only; the export command of cmd/newsgraph
// parses flags, collects the graph (or cuts an ego network from the
// projection) and calls it.
package export
