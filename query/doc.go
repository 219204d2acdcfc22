// Package query answers questions over a graph.Projection: who is central,
// how two actors connect, which groups they form, how often they appear
// over time. Its functions are pure: they take a projection loaded from any
// store as compressed rows (flat arrays of neighbours and weights, which is
// what makes 100,000 entities fast) and compute on those, so every backend
// gives the same answers for the same projection. Whole-graph questions
// load with Load, which streams a store's edges into the rows
// (graph.ProjectionStreamer) without a graph.Projection in between: at
// 100,000 articles the projection alone took over a gigabyte.
//
// Edges are article-level co-mentions whose weight is the number of articles
// naming both ends (NewWeighted with ByConfidence weighs typed edges by the
// summed confidences of their relations instead). Results are deterministic: ties are broken by entity
// name and then ID, floating-point sums are made in a fixed order whatever
// the number of cores, and whatever is random (Louvain's visiting order,
// the pivots of sampled metrics) is drawn from a seed the caller gives.
//
// The metrics follow networkx: PageRank, betweenness, eigenvector and
// harmonic centrality and modularity are checked against networkx 3.x on
// the graphs in testdata (see testdata/gen_centrality.py). Shortest-path
// metrics cost O(n·m); past SampleAbove entities CentralityTable estimates
// them from a sample of sources and says so. compare.py times this package
// against networkx and igraph on the benchmark graphs.
package query
