// Package sqlite is the embedded graph.Store: one SQLite file, written with
// the pure-Go modernc.org/sqlite driver, so newsgraph works on a machine with
// nothing but Go.
//
// The file holds per-article facts only — articles, entities, the aliases
// they are found by, mentions (and the sentences they occur in, also as
// rows for sentence-level joins) and typed relations. Edges are derived
// from them by a self-join at projection time, so they cannot drift from the
// articles that support them.
//
// Files: the store, its -wal, -shm and -journal files and STORE.lock are
// created with mode 0644 (less the umask) and refused when they are symbolic
// links or other non-regular files (Open, Lock). OpenReadOnly serves queries
// on a store this process cannot write; Check runs SQLite's integrity check
// and the store's own invariants.
package sqlite
