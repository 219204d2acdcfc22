// Package ingest is the pipeline that joins reading and extraction: Run
// reads inputs with ingest/read, drops duplicates and articles the store
// already holds unchanged, extracts the rest with an ingest/extract
// Extractor on every core, and writes the documents to a graph.Store in
// batches, in input order, so that any --workers or --batch setting builds
// the same graph. With Options.Prune it removes stored articles whose input
// no longer holds them. An article keeps at most Options.MaxMentions
// entity occurrences (DefaultMaxMentions; the sentences past them are
// dropped) and at most Options.MaxEntities
// distinct entities (DefaultMaxEntities), the most mentioned, so that its
// co-mention pairs, quadratic in them, stay bounded; one over is reported
// with a warning.
//
// An article whose ID is a link its input does not vouch for
// (read.Article.ClaimsID: a file's canonical link or url column) does not
// replace an article stored from a URL of that link's site: it is stored
// under read.ScopedID, with a warning. Any article replaced by one read
// from another input is reported with a warning naming that input. Stats
// count what was committed: a batch the store refuses is not new.
//
// What a run compares the articles it reads with — every stored article's
// hash, input and text fingerprint, and every article read so far — is an
// index of about 280 bytes an article, held in memory up to
// Options.IndexMemory (DefaultIndexMemory, 64 MiB: some 230,000 articles)
// and in temporary files in Options.TempDir past it, read back as articles
// are compared: a store of millions costs disk reads, not memory. A run
// whose index cannot be written there stops with ErrIndexFile and prunes
// nothing.
//
// A broken record never stops a run: it is reported as a read.Problem to
// the caller's callback (Options.Read.Problem) and skipped, and counted in
// Stats. Run returns an error when the store or the context does, or when
// Options.Prune asks of a store what it cannot do (ErrCannotPrune).
package ingest
