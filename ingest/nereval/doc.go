// Package nereval measures how well the extractor finds named entities,
// against gold-annotated text in the CoNLL format: ANERcorp (Arabic) and
// CoNLL-2003 (English).
//
// Gold chunks are read as conlleval reads them (see Spans). The extractor
// reads each gold document as one article, its tokens joined by spaces and
// its sentences by line breaks (see Predict), and the entity mentions it
// returns are mapped back onto the tokens they cover. A prediction is
// correct only when its type and both of its boundaries equal a gold
// chunk's — exact-span matching, as in the CoNLL shared tasks — and
// precision, recall and F1 are reported per type and micro-averaged (see
// Score).
package nereval
