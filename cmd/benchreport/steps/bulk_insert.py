#!/usr/bin/env python3
"""The native bulk insert anchor of `make bench-report` (cmd/benchreport/steps).

    python3 bulk_insert.py SOURCE.db TARGET.db

Reads every row of every table of the SQLite store SOURCE (untimed), then
inserts them, table by table in SOURCE's order of creation, with one prepared
statement per table (executemany) in one transaction into TARGET, an empty
store with SOURCE's schema, under the pragmas newsgraph opens its store with.
Prints one JSON object: the rows, and the wall and CPU (user + system)
seconds of the insert and commit alone.
"""
import json
import resource
import sqlite3
import sys
import time


def main():
    src, dst = sys.argv[1], sys.argv[2]
    s = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    tables = [r[0] for r in s.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    data = {t: s.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    s.close()
    d = sqlite3.connect(dst, isolation_level=None)
    for p in ("busy_timeout=10000", "journal_mode=WAL", "foreign_keys=1", "synchronous=NORMAL", "cache_size=-8192"):
        d.execute("PRAGMA " + p)
    r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    d.execute("BEGIN")
    n = 0
    for t in tables:
        rows = data[t]
        if rows:
            d.executemany(f'INSERT INTO "{t}" VALUES ({",".join("?" * len(rows[0]))})', rows)
            n += len(rows)
    d.execute("COMMIT")
    t1, r1 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    d.close()
    cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    json.dump({"rows": n, "wall_s": t1 - t0, "cpu_s": cpu, "sqlite": sqlite3.sqlite_version}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
