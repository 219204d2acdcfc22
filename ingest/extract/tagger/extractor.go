package tagger

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
)

// What ingest/extract needs of a model beyond Tag.

// Known reports whether fold, a folded word (norm.Fold), has a word cluster
// in m: whether it was frequent in the unlabeled text the model's clusters
// were built from. A model without clusters knows no word. Extraction uses
// it to tell a clitic from a name's first letter: بكريم is not a word of
// the corpus, كريم is; بغداد is, غداد is not.
func (m *Model) Known(fold string) bool {
	return m.clusters != nil && m.clusters.get(hashStr(fold)) >= 0
}

// DefaultDigest returns the SHA-256 of the compact form of the model Default
// returns for lang, in hex: a store keeps it, through the extractor's hash,
// to tell documents tagged by another model.
func DefaultDigest(lang string) (string, error) {
	if _, ok := defaults[lang]; !ok {
		return "", fmt.Errorf("tagger: no model for language %q (have ar, en)", lang)
	}
	f, err := embedded.Open("model/" + lang + ".model.gz")
	if err != nil {
		return "", fmt.Errorf("tagger: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("tagger %s: %w", lang, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
