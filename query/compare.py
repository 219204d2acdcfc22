#!/usr/bin/env python3
"""Times query's PageRank and betweenness against networkx and igraph on the very same graphs.

Run from the repository root:

    python3 query/compare.py                 # 1,000, 10,000 and 100,000 entities
    python3 query/compare.py --sizes 1000,10000

For each size it writes the benchmark graph (randomProjection(n, 10, 1), as the Go benchmarks
build it) as an edge list with `go test -run TestWriteGraph`, runs the Go benchmarks, loads the
edge list into networkx and igraph, times the same computations there, and prints the seconds
and the ratios (networkx/Go, igraph/Go; above 1 means Go is faster).

What is timed, with the same parameters everywhere:
  pagerank      weighted, damping 0.85; Go and networkx iterate to tol 1e-12 (networkx's
                n*tol L1 rule, which query.PageRank follows); igraph's PRPACK solves directly.
  betweenness   exact, unweighted, normalised: Go and igraph up to 10,000 entities, networkx up to
                2,000 (past that it takes many minutes).
  sampled bc    from 128 sources (query.DefaultPivots): Go's BetweennessSampled, networkx's
                betweenness_centrality(k=...) and igraph's betweenness(sources=...). networkx is
                timed on fewer sources where all of them would take minutes and scaled linearly (Brandes
                costs one search per source); such figures are marked "~".
Building the graphs is not timed: in Go that is query.New, which builds the compressed rows once
per graph and shared by every metric (BenchmarkLoad times it). Needs networkx and python-igraph (pip install networkx igraph).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

import igraph
import networkx as nx

PIVOTS = 128  # query.DefaultPivots


def go_bench(sizes):
    """Go timings in seconds by (benchmark, n) from one `go test -bench` run."""
    pattern = "^Benchmark(PageRank|Betweenness|BetweennessSampled)$/^n=(%s)$" % "|".join(map(str, sizes))
    out = subprocess.run(["go", "test", "./query", "-run", "^$", "-bench", pattern, "-benchtime", "2x"],
                         check=True, capture_output=True, text=True).stdout
    t = {}
    for m in re.finditer(r"^Benchmark(\w+)/n=(\d+)-\d+\s+\d+\s+([\d.]+) ns/op", out, re.M):
        if int(m.group(2)) in sizes:
            t[(m.group(1), int(m.group(2)))] = float(m.group(3)) / 1e9
    return t


def write_graph(n, path):
    subprocess.run(["go", "test", "./query", "-run", "^TestWriteGraph$", "-count", "1", "-args",
                    "-write-graph", path, "-graph-n", str(n)], check=True, capture_output=True)


def load(path):
    with open(path) as f:
        n = int(f.readline().split()[1].removeprefix("n="))
        edges = [(int(a), int(b), float(w)) for a, b, w in (line.split() for line in f)]
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    H = igraph.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
    H.es["weight"] = [w for _, _, w in edges]
    return n, G, H


def timed(f, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--nx-budget", type=float, default=60,
                    help="seconds networkx may spend on one sampled betweenness before scaling from fewer sources")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"networkx {nx.__version__}, igraph {igraph.__version__}, {os.cpu_count()} cores; Go figures "
          "from go test -bench (Go uses every core, networkx and igraph one)", flush=True)
    gt = go_bench(sizes)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = os.path.join(tmp, f"g{n}.txt")
            write_graph(n, path)
            n, G, H = load(path)
            rep = 3 if n <= 10000 else 1
            # PageRank.
            t_nx = timed(lambda: nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000), rep)
            t_ig = timed(lambda: H.pagerank(damping=0.85, weights="weight"), rep)
            rows.append(("pagerank", n, gt.get(("PageRank", n)), t_nx, "", t_ig))
            # Exact betweenness.
            if n <= 10000:
                t_ig = timed(lambda: H.betweenness(directed=False))
                t_nx = timed(lambda: nx.betweenness_centrality(G)) if n <= 2000 else None
                rows.append(("betweenness", n, gt.get(("Betweenness", n)), t_nx, "", t_ig))
            # Sampled betweenness from PIVOTS sources (all of them at n ≤ PIVOTS: exact).
            k = min(PIVOTS, n)
            src = random.Random(1).sample(range(n), k)
            t_ig = timed(lambda: H.betweenness(directed=False, sources=src))
            # Time networkx on a few sources first, then on all if the budget allows.
            k0 = min(k, 20)
            t0 = timed(lambda: nx.betweenness_centrality(G, k=k0, seed=1))
            if t0 * k / k0 <= args.nx_budget:
                t_nx, mark = timed(lambda: nx.betweenness_centrality(G, k=k, seed=1)), ""
            else:
                t_nx, mark = t0 * k / k0, "~"
            rows.append((f"sampled bc k={k}", n, gt.get(("BetweennessSampled", n)), t_nx, mark, t_ig))
            print_rows(rows[-3 if n <= 10000 else -2:])
    return 0


def fmt(t, mark=""):
    return "-" if t is None else f"{mark}{t:.3f}"


def ratio(t, go):
    return "-" if t is None or not go else f"{t / go:.1f}x"


def print_rows(rows):
    for name, n, go, t_nx, mark, t_ig in rows:
        print(f"{name:20s} n={n:<7d} go {fmt(go):>9s}s  networkx {fmt(t_nx, mark):>9s}s ({ratio(t_nx, go):>7s})  "
              f"igraph {fmt(t_ig):>8s}s ({ratio(t_ig, go):>6s})", flush=True)


if __name__ == "__main__":
    sys.exit(main())
