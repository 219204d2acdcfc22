#!/usr/bin/env python3
"""Times query's PageRank, betweenness and Louvain against networkx and igraph on the very same graphs.

Run from anywhere (paths are taken from the repository this file lies in):

    python3 query/compare.py                           # random graphs of 1,000, 10,000 and 100,000 entities
    python3 query/compare.py --sizes 1000,10000
    python3 query/compare.py --graph ar-news-2022      # also the co-mention graph of that corpus
    python3 query/compare.py --json                    # JSON lines for make bench-report; by default
                                                       # ar-news-2022 and 1,000 and 10,000 entities

The graphs:
  random-N      randomProjection(N, 10, 1), as query's Go benchmarks build it, written as an edge
                list by `go test ./query -run TestWriteGraph`; Go times it with BenchmarkPageRank,
                BenchmarkBetweenness, BetweennessSampled and Louvain (the n=N ladder step).
  ar-news-2022  ../shared/corpora/ar-news-2022 ingested into a temporary SQLite store by a newsgraph
                binary built from this checkout (or --bin), then `newsgraph export --format csv`
                (nodes.csv, relationships.csv; weight = articles); Go reads that directory in
                BenchmarkExported (-graph-csv), networkx and igraph read the same two files.
Edges are undirected; a repeated pair keeps its last weight and self-loops are dropped, as query.New
builds its rows, so all three hold the same entities and links (their counts are in each note).

What is timed, with the same parameters everywhere:
  pagerank      weighted, damping 0.85; Go and networkx iterate to tol 1e-12 (networkx's n*tol L1
                rule, which query.PageRank follows); igraph's PRPACK solves directly.
  betweenness   exact, unweighted, normalised: Go and igraph up to --exact-max entities (default
                10,000), networkx up to --nx-exact-max (2,000; past that it takes many minutes); a
                skip line says so. ar-news-2022 (16,011 entities, 324,772 links) is past it: exact
                took Go 60 s and igraph 206 s (2-core machine at load 4-5); newsgraph's own
                centrality table samples there too (query.SampleAbove is 5,000). --exact-max 20000
                runs it.
  betweenness-sampled
                from 128 sources (query.DefaultPivots), each system drawing its own: Go's
                BetweennessSampled, networkx's betweenness_centrality(k=...), igraph's
                betweenness(sources=...). Where all 128 would take networkx more than --nx-budget
                seconds it is timed on 20 and scaled linearly (Brandes costs one search per source);
                such figures are marked "~" and say "estimated" in the note.
  louvain       weighted, resolution 1: Go's Louvain(g, 1, 1), networkx's louvain_communities(seed=1),
                igraph's community_multilevel (Python's random seeded 1); the modularity and number of communities each found
                are in the note (computed after the timer).
Not timed: reading the files and building each system's graph (query.New in Go: BenchmarkLoad times
it), and one warm-up call per system and metric before the timed call -- the same call for pagerank
and louvain, betweenness from 2 sources for the betweenness metrics in networkx and igraph (the same
function; Go's warm-up is a full call). Go runs its benchmarks with -benchtime 1x (one timed call
after the warm-up) on every core (GOMAXPROCS; --gomaxprocs to change it), networkx and igraph on one.

Seconds are wall time; cpu_s is the CPU time of the process (time.process_time for networkx and
igraph, the Go benchmark's own cpu-ns/op, every thread and GC included): on a shared machine the
steadier figure. With --json each measurement is one line:
  {"bench": "pagerank/random-1000", "system": "newsgraph", "wall_s": ..., "cpu_s": ..., "n": 1000,
   "unit": "entities", "baseline": true, "note": "..."}
and a system that cannot be had gives {"bench": ..., "system": ..., "skip": "<why, how to install>"}.

Needs Go (the go command) and, for the peers, networkx (with scipy, which its pagerank uses) and
python-igraph: pip install networkx scipy igraph. Without them their lines are skips.
"""
import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

PIVOTS = 128  # query.DefaultPivots
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.normpath(os.path.join(REPO, "..", "shared", "corpora"))
GRAPHS = {"ar-news-2022": "ar-news-2022/articles.jsonl"}
METRICS = ["pagerank", "betweenness", "betweenness-sampled", "louvain"]
GO_NAMES = {"pagerank": "PageRank", "betweenness": "Betweenness", "betweenness-sampled": "BetweennessSampled",
            "louvain": "Louvain"}


class Out:
    """Prints results as JSON lines or as a table."""

    def __init__(self, as_json):
        self.json = as_json

    def result(self, bench, system, wall, cpu, n, note, baseline=False, estimated=False):
        if self.json:
            d = {"bench": bench, "system": system, "wall_s": round(wall, 6), "cpu_s": round(cpu, 6), "n": n,
                 "unit": "entities", "note": note}
            if baseline:
                d["baseline"] = True
            if estimated:
                d["estimated"] = True
            print(json.dumps(d), flush=True)
        else:
            print(f"{bench:34s} {system:10s} {'~' if estimated else ' '}{wall:9.3f} s wall {cpu:9.3f} s CPU  {note}",
                  flush=True)

    def skip(self, bench, system, why):
        if self.json:
            print(json.dumps({"bench": bench, "system": system, "skip": why}), flush=True)
        else:
            print(f"{bench:34s} {system:10s} skipped: {why}", flush=True)

    def info(self, msg):
        print(msg, file=sys.stderr if self.json else sys.stdout, flush=True)


def peers():
    """The peer modules that import, and why the others do not."""
    have, why = {}, {}
    try:
        import networkx
        have["networkx"] = networkx
    except ImportError as e:
        why["networkx"] = f"networkx not installed ({e}): pip install networkx scipy"
    try:
        import igraph
        have["igraph"] = igraph
    except ImportError as e:
        why["igraph"] = f"igraph not installed ({e}): pip install igraph"
    return have, why


# ---- Go side

BENCH_LINE = re.compile(r"^Benchmark(\w+)/(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(.*)$", re.M)


def go_bench(pattern, args=(), gomaxprocs=None):
    """Go results of one `go test ./query -bench` run: {(benchmark, sub): (wall s, cpu s, metrics)}."""
    env = dict(os.environ)
    if gomaxprocs:
        env["GOMAXPROCS"] = str(gomaxprocs)
    cmd = ["go", "test", "./query", "-run", "^$", "-bench", pattern, "-benchtime", "1x", "-timeout", "60m"]
    if args:
        cmd += ["-args", *args]
    out = subprocess.run(cmd, cwd=REPO, check=True, capture_output=True, text=True, env=env).stdout
    res = {}
    for m in BENCH_LINE.finditer(out):
        metrics = {unit: float(v) for v, unit in re.findall(r"([\d.e+-]+) (\S+)", m.group(4))}
        wall = float(m.group(3)) / 1e9
        cpu = metrics.get("cpu-ns/op", 0) / 1e9
        res[(m.group(1), m.group(2))] = (wall, cpu, metrics)
    return res


def write_random(n, path):
    subprocess.run(["go", "test", "./query", "-run", "^TestWriteGraph$", "-count", "1", "-args",
                    "-write-graph", path, "-graph-n", str(n)], cwd=REPO, check=True, capture_output=True)


def export_corpus(corpus, tmp, binary, out):
    """Ingests corpus into a new SQLite store in tmp and exports it as CSV: the export's directory."""
    if not binary:
        binary = os.path.join(tmp, "newsgraph")
        out.info(f"building {binary}")
        subprocess.run(["go", "build", "-o", binary, "./cmd/newsgraph"], cwd=REPO, check=True)
    store, csvdir = os.path.join(tmp, "graph.db"), os.path.join(tmp, "export")
    out.info(f"ingesting {corpus} (not timed)")
    r = subprocess.run([binary, "-s", store, "ingest", "-q", corpus], capture_output=True, text=True)
    if r.returncode not in (0, 3):  # 3: finished, some input skipped
        raise RuntimeError(f"newsgraph ingest exited {r.returncode}: {r.stderr.strip()}")
    subprocess.run([binary, "-s", store, "export", "-q", "--format", "csv", csvdir], check=True, capture_output=True)
    return csvdir


# ---- Reading the graphs (not timed)

def read_random(path):
    """Entities 0..n-1 and {(a, b): weight} of a TestWriteGraph edge list."""
    with open(path) as f:
        n = int(f.readline().split()[1].removeprefix("n="))
        edges = {}
        for line in f:
            a, b, w = line.split()
            add_edge(edges, int(a), int(b), float(w))
    return n, edges


def read_export(csvdir):
    """Entities and {(a, b): weight} of a `newsgraph export --format csv` directory, by entity index."""
    with open(os.path.join(csvdir, "nodes.csv"), newline="", encoding="utf-8") as f:
        ids = [row["id:ID"] for row in csv.DictReader(f)]
    index = {e: i for i, e in enumerate(ids)}
    edges = {}
    with open(os.path.join(csvdir, "relationships.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = index.get(row[":START_ID"]), index.get(row[":END_ID"])
            if a is not None and b is not None:
                add_edge(edges, a, b, float(row["articles:int"]))
    return len(ids), edges


def add_edge(edges, a, b, w):
    """As query.New: no self-loops, no weight ≤ 0, a repeated pair keeps its last weight."""
    if a == b or not w > 0:
        return
    edges[(min(a, b), max(a, b))] = w


def build(have, n, edges):
    gs = {}
    if "networkx" in have:
        G = have["networkx"].Graph()
        G.add_nodes_from(range(n))
        G.add_weighted_edges_from((a, b, w) for (a, b), w in edges.items())
        gs["networkx"] = G
    if "igraph" in have:
        H = have["igraph"].Graph(n=n, edges=list(edges))
        H.es["weight"] = list(edges.values())
        gs["igraph"] = H
    return gs


# ---- Timing the peers

def timed(f, warm=None):
    """Wall and CPU seconds of one call of f, after one untimed call of warm (f itself when None)."""
    (warm or f)()
    w0, c0 = time.perf_counter(), time.process_time()
    r = f()
    return time.perf_counter() - w0, time.process_time() - c0, r


def run_graph(name, n, edges, gores, have, why, out, args):
    """Times every metric on one graph in the peers and prints them beside Go's results."""
    gs = build(have, n, edges)
    shape = f"{n} entities, {len(edges)} links"
    exact_go = n <= args.exact_max
    for metric in METRICS:
        bench = f"{metric}/{name}"
        go_key = gores.get(GO_NAMES[metric])
        if metric == "betweenness" and not exact_go:
            out.skip(bench, "newsgraph", f"exact betweenness skipped past --exact-max {args.exact_max} entities")
        elif go_key is None:
            out.skip(bench, "newsgraph", gores.get("_why", "no Go result"))
        else:
            wall, cpu, metrics = go_key
            note = f"{shape}; Go, GOMAXPROCS={args.gomaxprocs or os.cpu_count()}"
            if "links" in metrics and int(metrics["links"]) != len(edges):
                note += f" (Go read {int(metrics['links'])} links)"
            if metric == "louvain":
                note += f"; Q={metrics.get('Q', float('nan')):.4f}, {int(metrics.get('communities', 0))} communities"
            if metric == "betweenness-sampled":
                note += f"; {PIVOTS} sources"
            out.result(bench, "newsgraph", wall, cpu, n, note, baseline=True)
        for system in ("networkx", "igraph"):
            if system not in gs:
                out.skip(bench, system, why[system])
                continue
            try:
                peer_metric(system, have[system], gs[system], metric, bench, n, shape, out, args)
            except ImportError as e:  # networkx's pagerank imports scipy
                out.skip(bench, system, f"{getattr(e, 'name', None) or e} not installed ({system} needs it for "
                                        f"{metric}): pip install {getattr(e, 'name', None) or 'scipy'}")


def peer_metric(system, mod, g, metric, bench, n, shape, out, args):
    note = f"{shape}; {system} {mod.__version__}, one core"
    if metric == "pagerank":
        if system == "networkx":
            f = lambda: mod.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
        else:
            f = lambda: g.pagerank(damping=0.85, weights="weight")
        wall, cpu, _ = timed(f)
        out.result(bench, system, wall, cpu, n, note)
    elif metric == "louvain":
        if system == "networkx":
            f = lambda: mod.community.louvain_communities(g, weight="weight", resolution=1, seed=1)
            wall, cpu, parts = timed(f)
            q, k = mod.community.modularity(g, parts, weight="weight", resolution=1), len(parts)
        else:
            # igraph draws from Python's random module: seeded, its partition is the same each run.
            wall, cpu, parts = timed(lambda: (random.seed(1), g.community_multilevel(weights="weight", resolution=1))[1])
            q, k = parts.modularity, len(parts)
        out.result(bench, system, wall, cpu, n, f"{note}; Q={q:.4f}, {k} communities")
    elif metric == "betweenness":
        limit = args.nx_exact_max if system == "networkx" else args.exact_max
        if n > limit:
            out.skip(bench, system, f"exact betweenness on {n} entities would take too long in {system} "
                                    f"(limit {limit} entities: --{'nx-' if system == 'networkx' else ''}exact-max)")
            return
        warm_src = random.Random(2).sample(range(n), min(2, n))
        if system == "networkx":
            wall, cpu, _ = timed(lambda: mod.betweenness_centrality(g),
                                 lambda: mod.betweenness_centrality(g, k=len(warm_src), seed=2))
        else:
            wall, cpu, _ = timed(lambda: g.betweenness(directed=False),
                                 lambda: g.betweenness(directed=False, sources=warm_src))
        out.result(bench, system, wall, cpu, n, f"{note}; exact, unweighted")
    else:  # betweenness-sampled
        k = min(PIVOTS, n)
        if system == "igraph":
            src = random.Random(1).sample(range(n), k)
            wall, cpu, _ = timed(lambda: g.betweenness(directed=False, sources=src),
                                 lambda: g.betweenness(directed=False, sources=src[:2]))
            out.result(bench, system, wall, cpu, n, f"{note}; {k} sources")
            return
        k0 = min(k, 20)
        w0, c0, _ = timed(lambda: mod.betweenness_centrality(g, k=k0, seed=1),
                          lambda: mod.betweenness_centrality(g, k=2, seed=2))
        if w0 * k / k0 <= args.nx_budget:
            wall, cpu, _ = timed(lambda: mod.betweenness_centrality(g, k=k, seed=1), lambda: None)
            out.result(bench, system, wall, cpu, n, f"{note}; {k} sources")
        else:
            out.result(bench, system, w0 * k / k0, c0 * k / k0, n,
                       f"{note}; estimated: {k0} of {k} sources timed, scaled ×{k / k0:.1f}", estimated=True)


def go_results(out, pattern, args, extra=()):
    """Go's results, or {"_why": reason} when the benchmarks cannot run."""
    try:
        return go_bench(pattern, extra, args.gomaxprocs)
    except (OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", "") or getattr(e, "stdout", "") or str(e)
        out.info(f"go test failed: {detail}")
        return {"_why": f"go test failed: {str(detail).strip().splitlines()[-1] if str(detail).strip() else e}"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="See the top of this file for what is timed.")
    ap.add_argument("--json", action="store_true", help="print one JSON line per measurement (for make bench-report)")
    ap.add_argument("--sizes", help="random graphs of these entity counts, comma-separated, or 'none' "
                                    "(default: 1000,10000,100000; with --json 1000,10000)")
    ap.add_argument("--graph", action="append", choices=sorted(GRAPHS) + ["none"],
                    help="a corpus graph, as newsgraph exports it (repeatable; default: none; with --json ar-news-2022)")
    ap.add_argument("--corpora", default=CORPORA, help="where the shared corpora lie (default: %(default)s)")
    ap.add_argument("--bin", help="a newsgraph binary to ingest and export with (default: built from this checkout)")
    ap.add_argument("--exact-max", type=int, default=10000,
                    help="largest graph (entities) on which Go and igraph compute exact betweenness (default: %(default)s)")
    ap.add_argument("--nx-exact-max", type=int, default=2000,
                    help="largest graph (entities) on which networkx computes exact betweenness (default: %(default)s)")
    ap.add_argument("--nx-budget", type=float, default=60,
                    help="seconds networkx may spend on one sampled betweenness before scaling from fewer sources")
    ap.add_argument("--gomaxprocs", type=int, help="GOMAXPROCS for the Go benchmarks (default: every core)")
    args = ap.parse_args()
    out = Out(args.json)
    sizes = args.sizes or ("1000,10000" if args.json else "1000,10000,100000")
    sizes = [] if sizes == "none" else [int(s) for s in sizes.split(",")]
    graphs = [g for g in (args.graph or (["ar-news-2022"] if args.json else [])) if g != "none"]
    have, why = peers()
    out.info((", ".join(f"{k} {v.__version__}" for k, v in have.items()) or "no peers") + f"; {os.cpu_count()} cores; "
             f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        for name in graphs:
            corpus = os.path.join(args.corpora, GRAPHS[name])
            if not os.path.exists(corpus):
                for m in METRICS:
                    for s in ("newsgraph", "networkx", "igraph"):
                        out.skip(f"{m}/{name}", s, f"corpus not found: {corpus} (--corpora)")
                continue
            csvdir = export_corpus(corpus, tmp, args.bin, out)
            n, edges = read_export(csvdir)
            pattern = "^BenchmarkExported$/^(PageRank|BetweennessSampled|Louvain%s)$" % (
                "|Betweenness" if n <= args.exact_max else "")
            res = go_results(out, pattern, args, ["-graph-csv", csvdir])
            gores = {sub: v for (_, sub), v in res.items()} if "_why" not in res else res
            run_graph(name, n, edges, gores, have, why, out, args)
        if sizes:
            exact = [s for s in sizes if s <= args.exact_max]
            pattern = "^Benchmark(PageRank|BetweennessSampled|Louvain%s)$/^n=(%s)$" % (
                "|Betweenness" if exact else "", "|".join(map(str, sizes)))
            res = go_results(out, pattern, args)
            for n in sizes:
                path = os.path.join(tmp, f"random{n}.txt")
                write_random(n, path)
                n, edges = read_random(path)
                gores = res if "_why" in res else {b: v for (b, sub), v in res.items() if sub == f"n={n}"}
                run_graph(f"random-{n}", n, edges, gores, have, why, out, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
