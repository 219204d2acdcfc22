// Package tagger finds names in a sentence: a statistical sequence tagger
// that assigns each word an IOB2 tag over PER, ORG, LOC and MISC ("O",
// "B-PER", "I-PER", …), in pure Go, with its models for Arabic and English
// embedded in the binary (see Default).
//
// The model is an averaged structured perceptron (Collins 2002, "Discriminative
// training methods for hidden Markov models") over first-order tag
// transitions, decoded with Viterbi under the IOB2 constraint that I-X only
// follows B-X or I-X, so Tag always returns a valid BIO sequence. Each word
// is described by sparse binary features (see features.go): its spelling as
// written, folded (norm.Fold) and without Arabic proclitics, prefixes and
// suffixes, its shape, the words two either side, membership in gazetteers
// (ANERcorp's and the actor lexicon's names, matched as token sequences) and
// Brown word-cluster bit-string prefixes (Brown et al. 1992; as features,
// Miller et al. 2004, Ratinov & Roth 2009). Feature strings are never built:
// each feature is a 64-bit hash of its template and value (FNV-1a, then a
// mix), looked up in an open-addressing table of weight rows.
//
// A Model is read-only once trained or loaded and safe for concurrent use.
// Train builds one from gold sentences, deterministically for a seed; Save
// and Load write and read the compact binary form (gzip of sorted feature
// hashes and their non-zero float32 weights, the gazetteers as hashed token
// sequences and the cluster map as hashed words — no training text).
// docs/tagger.md says why this method, and how the shipped models were
// trained and scored.
package tagger
