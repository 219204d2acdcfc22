// Package lexicon is newsgraph's actor lexicon: who and what the extractor
// recognises, under which names in which scripts, and the matcher that finds
// those names in tokenised text.
//
// Entries are JSON lines (one entity a line, see data/10-core.jsonl for the
// fields). The default lexicon is embedded in the binary; a user's file is
// merged over it and wins where both define an ID. Names are matched in
// folded form (graph/norm), longest match first, and an Arabic proclitic
// (و ف ب ك ل, the article ال, or لل) is stripped from a word only when what
// remains is a word some name is made of — so بغداد and لبنان survive while
// والكاظمي and للأعرجي are found.
//
// A match has a kind (Kind): a name, a weak alias, a nationality adjective,
// a role phrase or a generic name; the extractor (ingest/extract) decides
// from the article whether it counts. Country walks an entry's Parent chain
// to the country a generic body belongs to. Lint checks entries for the
// kind errors of imports (common words as names, people typed as
// organisations, titles inside names, a given name alone as a person's
// name); TestLexiconLint runs it over the embedded lexicon, and
// TestCorpusTopEntries checks that the entries among the 1,000
// most-mentioned nodes of the shared corpora (testdata/corpus-top-ids.txt)
// keep their IDs and have names in both scripts.
package lexicon
