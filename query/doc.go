// Package query answers questions over a graph.Projection: who is central,
// how two actors connect. Its functions are pure: they take a projection
// loaded from any store and compute on gonum graphs, so every backend gives
// the same answers for the same projection.
//
// Edges are article-level co-mentions whose weight is the number of articles
// naming both ends. Results are deterministic: ties are broken by entity
// name and then ID.
package query
