// Package translit scores whether an Arabic name and a Latin-script name
// are spellings of one another (كريم حداد ↔ Karim Haddad, ناصر بوريطة ↔
// Nasser Bourita), so that an unknown person named in both scripts can be
// one node: Score returns a probability in [0, 1], and a pair scoring
// Confident or more is taken for a transliteration. Model.Link, on folded
// keys or entity IDs ("person:كريم-حداد", "person:karim-haddad"), is the
// same score under graph/cluster's Linker interface.
//
// # Method
//
// Words. Both names are folded as graph/norm folds them (so ة is ه, ى is
// ي, أ إ آ are ا), Latin letters lose their accents and apostrophes, and a
// leading article (ال, al-, el-, ash-, ad- …) is kept apart from its word:
// a block may be scored with or without it, as English spellings drop the
// article as often as they keep it (الكاظمي ↔ Kadhimi, al-Kadhimi).
//
// Letters. A memoryless stochastic transducer (E. S. Ristad and P. N.
// Yianilos, "Learning string edit distance", IEEE Trans. PAMI 20(5), 1998)
// writes a pair of words by drawing edit operations independently: an
// Arabic letter written as a Latin string of up to MaxLatin letters (ش ↔
// sh, ch; خ ↔ kh; ج ↔ j, g, dj; ة ↔ a, ah; و ↔ w, ou, o), an Arabic letter
// written as nothing, or a Latin string written from nothing (the short
// vowels Arabic does not write). The operations' probabilities are learnt by
// expectation maximisation (forward–backward over the edit lattice) from
// word pairs of the actor lexicon: an entity's Arabic and Latin names with
// as many words, aligned word by word. Arabic writes no short vowels, so a
// consonant letter may only be written as Latin consonants (kh, dd, tch)
// and a vowel letter (ا و ي ع ء ه ئ ؤ) as vowels with at most one of h w y v
// j; without the restriction EM glues the vowels of its training words to
// their consonants (م ↔ "ma") and does not generalise. Training runs in two
// rounds: the word pairs the first round scores below TrainOptions.MinPMI
// per letter (translations such as King ↔ الملك, VI ↔ السادس) are left out
// of the second, and operations used less than TrainOptions.MinCount times
// are dropped.
//
// Evidence. A word pair's score is its pointwise mutual information under
// the transducer, log P(x, y) − log P(x) − log P(y), the marginals being the
// transducer's own: how much likelier the two are written together than
// apart. A name pair's words are aligned monotonically into blocks of one
// word against one, or two words joined against one (عبد الله ↔ Abdullah,
// Abdul Mahdi ↔ عبدالمهدي), by dynamic programming for the greatest total;
// every word must be aligned. Each consonant gap of an alignment — an
// Arabic consonant written as nothing, a Latin consonant other than h or a
// doubling written from nothing — is weighed by e^-6 when scoring, as names
// one consonant apart are different names (محمد, Ahmed; حداد, Hamdan). The
// evidence is the mean of the alignment's PMI per Arabic letter and of its
// weakest block's, so a name with one word wrong (كريم حداد ↔ Karim Hamdan)
// scores low however good the others; Arabic letters measure length as
// they carry a name's consonants, while Latin vowels vary.
//
// Probability. The evidence is calibrated by isotonic regression
// (pool-adjacent-violators; B. Zadrozny and C. Elkan, "Transforming
// classifier scores into accurate multiclass probability estimates", KDD
// 2002) on every pairing of the calibration entities' names: a name with
// its own entity's name of as many words is a positive, with any other
// entity's a negative (about 160 negatives a positive). Score is therefore
// the chance that a pair is true among candidates as many and as alike as
// a lexicon's names; it is not the chance against a single candidate.
//
// # Data and measurement
//
// The model file (model.tsv, embedded; Default reads it) is written by
// "newsgraph train translit" from the names of people and places in
// newsgraph's built-in actor lexicon; its PROVENANCE line says so and
// carries the attribution of the dictionaries some names were converted
// from. Entities are split by a hash of their ID (SplitOf): fit (70%, the
// transducer), calibration (10%, the curve) and dev (20%, never trained
// on). Evaluate, run by "newsgraph eval translit", scores every Arabic name
// of the dev entities against every Latin name of them and reports
// precision, recall and F1 of the links at a threshold and top-1 accuracy;
// docs/eval.md gives the figures.
//
// Of this module, translit imports graph/norm only.
package translit
