// Package norm folds Arabic and Latin text into the form names are matched
// in, and splits it into sentences and tokens that keep their offsets into
// the original text.
//
// Folding is lossy on purpose. Each word is first put in NFKC, which
// composes decomposed letters (ا + U+0654 is أ) and turns presentation
// forms (ﺭﺋﻴﺴﻲ, the ligatures ﻻ and ﷲ) and fullwidth Latin into plain
// letters. Then the Persian, Urdu and Kurdish look-alikes of Arabic letters
// become the Arabic ones (ی ې ے → ي, ک ڪ → ك, ە ھ ہ ۀ ۃ → ه), alef forms
// (أ إ آ ٱ) become ا, alef maqsura ى becomes ي, ta marbuta ة becomes ه,
// diacritics, tatweel and invisible format characters (ZWNJ, ZWJ, soft
// hyphen, direction marks, BOM …) disappear, Arabic-Indic digits become
// ASCII digits and letters are lower-cased. Two spellings an Arabic reader
// takes for the same word therefore fold to the same string, and folding a
// fold changes nothing.
//
// Folding never changes offsets: Tokens cuts words on the text as written
// and folds each word whole, so tokens always point back into the text
// they were cut from, however many runes a fold adds or removes.
//
// norm is the leaf of newsgraph's layers: it imports no package of the
// module, so graph, ingest and query all fold names the same way.
package norm
