// Package steps holds the benchmark steps of `make bench-report` that are
// written in Go (cmd/benchreport runs them as `benchreport step NAME`): each
// measures its systems, one untimed warm-up of every system first, and
// prints one JSON line per system (report.Record) to standard output.
//
//   - SQLite: the first ingest of a corpus into a fresh store and an
//     unchanged re-ingest, by the newsgraph binary as a child process; the
//     native bulk insert of the rows that ingest stored (the sqlite3 command
//     line shell loading the store's `.dump --data-only` in one transaction
//     into an empty file with the store's schema); and reading, decoding and
//     hashing the corpus in Go (ingest/read, Article.ContentHash).
//   - Neo4j: the first ingest and an unchanged re-ingest into an emptied
//     database, and the UNWIND anchor: the nodes and relationships that the
//     ingest wrote, read back, written again into the emptied database by
//     plain parameterised UNWIND batches of 500 rows.
//   - Scale: cmd/benchscale's ladder (ingest/synth/scalebench), its
//     results.json turned into records.
//
// Child processes are measured through scalebench's measuring child
// (scalebench.ChildArg), so that their peak RSS (ru_maxrss) is their own and
// not the step's: the program that runs a step must call scalebench.Child
// when its first argument is scalebench.ChildArg. CPU seconds are the child's
// user + system time (getrusage); the Neo4j server's, when its process ID is
// given, from /proc/PID/stat.
package steps
