// Package sqlite is the embedded graph.Store: one SQLite file, written with
// the pure-Go modernc.org/sqlite driver, so newsgraph works on a machine with
// nothing but Go.
//
// The file holds per-article facts only — articles, entities, the aliases
// they are found by, and mentions. Co-mention edges are derived from
// mentions by a self-join at projection time, so they cannot drift from the
// articles that support them.
package sqlite
