// Package extract finds what an Article says: the entities it mentions (the
// names the statistical tagger of ingest/extract/tagger finds, known or not,
// with the actor lexicon of ingest/lexicon giving known actors their IDs and
// roles; names the lexicon lacks keyed by their type and folded name; then
// coreference of a surname to the full name), in which sentences and at
// which offsets, and the typed relations
// its sentences state (graph.RelationType: meets, visits, invites,
// discusses, attacks, supports, criticizes, threatens, statement), each with its trigger, direction and
// negation. Extractor.Extract returns a graph.Document; offsets are byte
// offsets into Text(a), the title, a newline and the body.
//
// An Extractor is safe for concurrent use and deterministic: the same
// article, lexicon and tagger models give the same document.
// Extractor.Hash covers the article's content, the lexicon's digest, the
// models' digests and the extractor's version, so a store can tell which
// documents an older extractor built.
//
// The package imports graph, graph/norm, ingest/lexicon and ingest/read;
// packages below ingest/extract/ (a tagger, word clusters) are parts it may
// use, and may import neither it nor the pipeline.
package extract
