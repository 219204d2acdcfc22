"""Regenerates centrality.json: the expected values query's tests check.

Run from this folder: python3 gen_centrality.py (needs `pip install networkx numpy scipy`).
The graph itself is fixed here; only the expected numbers are computed.
"""
import json

import networkx as nx

NODES = [f"e{i:02d}" for i in range(14)]  # e13 is isolated
EDGES = [("e00", "e01", 3), ("e00", "e02", 1), ("e01", "e02", 2), ("e02", "e03", 5), ("e03", "e04", 1),
         ("e03", "e05", 2), ("e04", "e05", 4), ("e05", "e06", 1), ("e06", "e07", 2), ("e07", "e08", 1),
         ("e01", "e03", 1), ("e00", "e04", 2), ("e09", "e10", 3), ("e10", "e11", 1), ("e09", "e11", 1),
         ("e11", "e12", 2)]

G = nx.Graph()
G.add_nodes_from(NODES)
for a, b, w in EDGES:
    G.add_edge(a, b, weight=w)
out = {
    "_comment": "expected values computed by networkx %s: nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-12), "
                "nx.betweenness_centrality(G) (unweighted, normalized); regenerate with the script in "
                "query/testdata/gen_centrality.py" % nx.__version__,
    "nodes": NODES,
    "edges": [[a, b, w] for a, b, w in EDGES],
    "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000),
    "betweenness": nx.betweenness_centrality(G, normalized=True),
    "degree": dict(G.degree()),
    "weighted_degree": dict(G.degree(weight="weight")),
    "shortest_hops": {f"{a}>{b}": nx.shortest_path_length(G, a, b)
                      for a, b in [("e00", "e08"), ("e08", "e12"), ("e09", "e12"), ("e02", "e06")]
                      if nx.has_path(G, a, b)},
}
with open("centrality.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
