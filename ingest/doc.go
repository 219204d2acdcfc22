// Package ingest turns news files into graph documents: it reads corpora
// (text files in the seed format, JSON lines), parses dates, and extracts
// the entities each article mentions with the actor lexicon.
//
// Readers stream: a corpus is never held in memory whole. A broken record
// never stops a read — it is reported as a *Problem (file, line, reason) to
// the caller's callback and skipped, and reading goes on with the next one.
package ingest
