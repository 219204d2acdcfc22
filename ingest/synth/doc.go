// Package synth builds synthetic news corpora of any size from a real one,
// for scale benchmarks (issue 16; cmd/benchscale and ingest/synth/scalebench).
//
// Load reads a source corpus with ingest/read (any format newsgraph
// ingest reads) and cuts each article's body into sentences with
// norm.Sentences, the splitter extraction uses. Write then streams N new
// articles as JSON lines, one object a line with the keys id, url, source,
// title, date and body, which `newsgraph ingest` reads as they are.
//
// Article i is made from its own random stream, a PCG seeded by (seed, i):
//
//   - its length, in sentences, is that of a source article drawn at
//     random, so lengths follow the source corpus's distribution;
//   - its sentences come from 2–4 (Options.MinParts, MaxParts) distinct
//     source articles drawn at random, a contiguous run of each, in that
//     order, so that it names the actors of several real articles together
//     and its co-mention density is that of real news, not of a bag of
//     random sentences;
//   - its source and title are those of the first source article drawn, so
//     sources keep their share of the corpus (its language is left to
//     ingest to detect, as for the source);
//   - its date is uniform over Options.Days days from Options.Start, to the
//     second, written in RFC 3339 (UTC);
//   - its id and url are unique in the corpus and name the seed and i.
//
// The contract: the same source corpus, seed and N give byte-identical
// output, and the first N articles of a larger corpus with the same seed
// are the corpus of N. Every sentence of every body is a sentence of a
// source article, byte for byte, and bodies join them with single spaces.
//
// Memory is the source corpus (its bodies and sentence offsets), not N:
// Write holds one article at a time, so a million articles take no more
// than a thousand.
package synth
