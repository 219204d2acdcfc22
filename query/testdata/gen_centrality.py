"""Regenerates centrality.json and random200.json: the expected values query's tests check.

Run from this folder: python3 gen_centrality.py (needs networkx 3.x; `pip install networkx`).
The hand-made graph is fixed here. random200.txt is the random graph the Go tests build
(randomProjection(200, 10, 7)), written by
    go test ./query -run TestWriteGraph -args -write-graph $PWD/random200.txt -graph-n 200 -graph-seed 7
Only the expected numbers are computed here.
"""
import itertools
import json

import networkx as nx
from networkx.algorithms import community as nxc

# The eigenvector parameters of query.EigenvectorMaxIter and query.EigenvectorTol.
EV_MAX_ITER, EV_TOL = 1000, 1e-9
# The resolutions and seed the modularity checks use.
RESOLUTIONS = [1.0, 0.5, 2.0]
LOUVAIN_SEED = 1

NODES = [f"e{i:02d}" for i in range(14)]  # e13 is isolated
EDGES = [("e00", "e01", 3), ("e00", "e02", 1), ("e01", "e02", 2), ("e02", "e03", 5), ("e03", "e04", 1),
         ("e03", "e05", 2), ("e04", "e05", 4), ("e05", "e06", 1), ("e06", "e07", 2), ("e07", "e08", 1),
         ("e01", "e03", 1), ("e00", "e04", 2), ("e09", "e10", 3), ("e10", "e11", 1), ("e09", "e11", 1),
         ("e11", "e12", 2)]
# Partitions whose modularity the tests check, besides networkx's own Louvain ones.
HAND_PARTITIONS = [
    [["e00", "e01", "e02"], ["e03", "e04", "e05"], ["e06", "e07", "e08"], ["e09", "e10", "e11", "e12"], ["e13"]],
    [NODES],
    [[n] for n in NODES],
]


def partitions(G, extra=()):
    """Partitions with their modularity at every resolution: the given ones, and networkx's Louvain."""
    out = []
    parts = [sorted(sorted(c) for c in p) for p in extra]
    for res in RESOLUTIONS:
        p = nxc.louvain_communities(G, weight="weight", resolution=res, seed=LOUVAIN_SEED)
        parts.append(sorted(sorted(c) for c in p))
    for p in parts:
        out.append({"communities": p,
                    "modularity": {str(r): nxc.modularity(G, p, weight="weight", resolution=r) for r in RESOLUTIONS}})
    return out


def ksp(G, pairs, k):
    """The costs of the k cheapest simple paths when a hop costs 1/articles (query's weighted mode)."""
    H = G.copy()
    for a, b, d in H.edges(data=True):
        d["inv"] = 1 / d["weight"]
    out = {}
    for a, b in pairs:
        costs = []
        for p in itertools.islice(nx.shortest_simple_paths(H, a, b, weight="inv"), k):
            costs.append(sum(H[x][y]["inv"] for x, y in zip(p, p[1:])))
        out[f"{a}>{b}"] = costs
    return out


def metrics(G):
    return {
        "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000),
        "betweenness": nx.betweenness_centrality(G, normalized=True),
        "eigenvector": nx.eigenvector_centrality(G, weight="weight", max_iter=EV_MAX_ITER, tol=EV_TOL),
        "eigenvector_defaults": nx.eigenvector_centrality(G, weight="weight"),
        "harmonic": nx.harmonic_centrality(G),
    }


COMMENT = ("expected values computed by networkx %s: nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-12, "
           "max_iter=1000), nx.betweenness_centrality(G) (unweighted, normalized), "
           "nx.eigenvector_centrality(G, weight='weight', max_iter=%d, tol=%g) and with the defaults "
           "(eigenvector_defaults: max_iter=100, tol=1e-6), nx.harmonic_centrality(G) (hops, not normalized), "
           "community.modularity(G, p, weight='weight', resolution=r) of the listed partitions (the last %d are "
           "community.louvain_communities(G, weight='weight', resolution=r, seed=%d) for r in %s), and the costs of "
           "nx.shortest_simple_paths(G, a, b, weight=1/articles); regenerate with the script in "
           "query/testdata/gen_centrality.py" % (nx.__version__, EV_MAX_ITER, EV_TOL, len(RESOLUTIONS),
                                                 LOUVAIN_SEED, RESOLUTIONS))

# The hand-made graph.
G = nx.Graph()
G.add_nodes_from(NODES)
for a, b, w in EDGES:
    G.add_edge(a, b, weight=w)
out = {
    "_comment": COMMENT,
    "nodes": NODES,
    "edges": [[a, b, w] for a, b, w in EDGES],
    "degree": dict(G.degree()),
    "weighted_degree": dict(G.degree(weight="weight")),
    "shortest_hops": {f"{a}>{b}": nx.shortest_path_length(G, a, b)
                      for a, b in [("e00", "e08"), ("e08", "e12"), ("e09", "e12"), ("e02", "e06")]
                      if nx.has_path(G, a, b)},
    "partitions": partitions(G, HAND_PARTITIONS),
    "weighted_paths": ksp(G, [("e00", "e08"), ("e01", "e05"), ("e09", "e12")], 6),
    **metrics(G),
}
with open("centrality.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)

# The random graph, nodes named by their index as in random200.txt.
R = nx.Graph()
with open("random200.txt") as f:
    n = int(f.readline().split()[1].removeprefix("n="))
    R.add_nodes_from(str(i) for i in range(n))
    for line in f:
        a, b, w = line.split()
        R.add_edge(a, b, weight=float(w))
out = {
    "_comment": COMMENT + "; the graph is random200.txt",
    "partitions": partitions(R),
    "weighted_paths": ksp(R, [("0", "199"), ("5", "77")], 10),
    **metrics(R),
}
with open("random200.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
