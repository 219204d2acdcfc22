// Package scalebench is the scale benchmark of issue 16 (`make
// bench-scale`, cmd/benchscale): for each corpus size it makes a synthetic
// corpus with ingest/synth, ingests it into a fresh store with the
// newsgraph binary, ingests it again unchanged, and runs every query
// command twice (cold: the first run after the ingest; warm: the second),
// recording for each run its wall time and the peak resident set of the
// newsgraph process (getrusage's ru_maxrss of the child, KiB on Linux).
//
// Each command is a separate newsgraph process, as a user runs it, so
// times include process start and opening the store. The stores are
// SQLite (a fresh file per size) and, when Options.Neo4jURI is set, Neo4j
// (the database emptied before each size, credentials from NEO4J_USERNAME
// and NEO4J_PASSWORD).
//
// The actors of the one-actor commands (path, neighbors, entity, relations,
// timeline) are Options.ActorA and ActorB, or else the two first persons
// of the cold `query centrality` ranking of that store.
//
// Results go to Options.Dir: corpora (synth-s<seed>-n<N>.jsonl, kept and
// reused), stores, results.md (a machine line, then an ingest table and a
// cold and a warm query table per store; rewritten after every run, so an
// interrupted benchmark leaves what it measured) and results.json (every
// run: command line, wall seconds, CPU seconds, peak RSS, exit status).
package scalebench
