// Package extract finds what an Article says: the entities it mentions (the
// names the statistical tagger of ingest/extract/tagger finds, known or not,
// with the actor lexicon of ingest/lexicon giving known actors their IDs and
// roles; names the lexicon lacks keyed by their type and folded name; then
// coreference of a surname to the full name), in which sentences and at
// which offsets, and the typed relations
// its sentences state (graph.RelationType: meets, visits, invites,
// discusses, attacks, supports, criticizes, threatens, statement), each with its trigger, direction,
// negation and the pattern that read it (relations.go lists the constructions; roles.go which
// kinds of party each type takes). Extractor.Extract returns a graph.Document; offsets are byte
// offsets into Text(a), the title, a newline and the body.
//
// One actor, one node: a tagged name that is exactly a lexicon name (after
// its clitic) is the lexicon's entity: a weak alias when the tagger gives
// it the entry's type (الجزيرة tagged an organisation), except a person's;
// a strong name of an organisation or a person whatever type the tagger
// gives it (only a place may be the tagger's name of another type: Jordan
// the player). "Syrias President", a possessive without its apostrophe,
// names Syria; a role phrase ("Hezbollah leader") names the body inside
// it as well as its holder. docs/tagger.md gives the rules and figures.
//
// Each relation names the pattern it was read by (graph.Relation.Pattern:
// the construction, "svo", "agent", "vso", …, and the trigger's language,
// "/en" or "/ar") and carries that pattern's confidence
// (graph.Relation.Confidence): the centre of the Wilson score interval of
// the pattern's precision measured on development data (re3d dev, and a
// hand-checked Arabic and English samples when present), from confidence_table.go.
// That file is generated, never edited: TestConfidenceTable recomputes it
// and fails when it is stale (rerun with -update). A pattern never
// measured gets DefaultConfidence, 0.5. See Confidence and WilsonCentre.
//
// An Extractor is safe for concurrent use and deterministic: the same
// article, lexicon and tagger models give the same document.
// Extractor.Hash covers the article's content, the lexicon's digest, the
// models' digests, the confidence table's digest and the extractor's version, so a store can tell which
// documents an older extractor built.
//
// The package imports graph, graph/norm, ingest/lexicon and ingest/read;
// packages below ingest/extract/ (a tagger, word clusters) are parts it may
// use, and may import neither it nor the pipeline.
package extract
