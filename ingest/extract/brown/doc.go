// Package brown learns Brown word clusters from unlabeled text, for the
// named-entity tagger to use as features that generalise from the names
// it was trained on to names it never saw.
//
// The algorithm is Brown et al. (1992), "Class-based n-gram models of
// natural language", Computational Linguistics 18(4), in the windowed
// form of Liang (2005), "Semi-supervised learning for natural language",
// MIT MEng thesis, §3.2, whose wcluster program this package's output
// matches in format. Words are sorted by frequency; the C most frequent
// start as C clusters and each further word enters as a cluster of its
// own, after which the two clusters whose merge loses the least average
// mutual information between adjacent clusters are merged. Once every
// word is in, the C clusters are merged down to one; that hierarchy is
// a binary tree whose C leaves are the clusters, and a word's bit
// string is the path from the root to its cluster ('0' left, '1' right).
// Words with a long common prefix occur in similar contexts; a tagger
// uses prefixes of a few lengths (4, 6, 10, 20 bits: Turian, Ratinov &
// Bengio 2010) as features.
//
// Cost: O(V·C²) time for V words and C clusters, O(C²) memory (three
// (C+1)×(C+1) float64 matrices) plus the corpus as int32 ids. Merge
// losses are kept in a table and updated incrementally as in Liang's
// implementation; only the pairs next to a changed cluster are touched,
// and only a cluster's neighbours cost a logarithm, so late, rare words
// are cheap. On one core of the project's machine, 256 clusters over the
// 62,844 Arabic words seen 5 or more times in the 4.3 M tokens of
// ../shared/corpora take under six minutes of CPU (data/PROVENANCE.md).
//
// Words are what the tagger looks up: the Fold of each norm.Tokens token
// (Tokens) — NFKC, Arabic letter variants unified, diacritics and
// tatweel dropped, digits made ASCII, Latin lower-cased. Text is cut into
// sentences with norm.Sentences, CoNLL files at blank lines; no bigram
// spans a sentence break, and a word under the vocabulary cut breaks the
// chain as a sentence end does.
//
// Results are deterministic: the vocabulary order breaks count ties by
// the words' bytes, and equally good merges go to the pair with the
// lowest window slots, so the same corpus and Options give the same
// paths file byte for byte (on one architecture: floating point).
//
// The paths format (Write, Read) is Liang's: "bits<TAB>word<TAB>count",
// one line a word, sorted by bit string.
package brown
