// Package releval measures how well the extractor finds typed relations
// between actors, against the relation annotations of re3d (the Dstl
// "Relationship and Entity Extraction Evaluation Dataset": English
// documents on the conflict in Syria and Iraq), and on hand-checked
// samples of the relations found in a corpus (see Hand-checked samples).
//
// # Gold data
//
// A re3d source folder holds documents.json, entities.json and
// relations.json: mongoexport JSON lines, possibly behind a UTF-8 byte
// order mark. Read takes one such folder, or a folder whose subfolders are
// such folders. Gold offsets (begin/end of the trigger, sourceBegin/End,
// targetBegin/End) count Unicode code points of the document's text, not
// bytes: Read converts them to byte offsets and checks that each argument's
// offsets cut out the argument's annotated text.
//
// Real gold has annotations whose offsets do not: curly quotes in the text
// where the annotation has straight ones, or offsets shifted by a few code
// points. Read repairs what it can: a span whose text equals the annotated
// one once quotes, apostrophes, dashes and white space are folded to one
// form is kept; otherwise the annotated text, folded the same way, is looked
// for at a start within Window (50) code points of the given begin offset,
// and the nearest occurrence is taken. A relation it cannot repair (or whose
// offsets are missing or outside the text) is left out of scoring. Each
// repaired or dropped relation is a Warning of its document, naming the
// file, line, relation and reason; reports count both. None of this makes
// Read fail. A gold trigger span is the
// gap between the arguments and may carry the spaces around the words;
// Read trims them.
//
// # What the extractor reads
//
// Each gold document becomes one article (see Article) whose body is the
// gold text and whose title is empty, so that the text extraction reads
// (ingest.Text: title, line break, body) is the gold text shifted by one
// byte, the line break: gold byte offset b is offset b+Base in the
// extractor's spans. The gold title is not read: it is not part of the text
// the gold offsets count in.
//
// # Type mapping
//
// re3d's relation types are not newsgraph's; each scored class pairs the
// gold types with the types of ours that say the same thing (see Classes):
//
//	FightingAgainst        → ATTACKS
//	AlliesOf, Likes        → SUPPORTS
//	Dislikes               → CRITICIZES or THREATENS
//	CommWith               → MEETS, DISCUSSES, INVITES or VISITS
//
// The other gold types (CoLocated, BelongsTo, InChargeOf, HasAttrOf,
// IsSynonymOf, Apart) have no counterpart and are not scored; the report
// counts them as unmapped. STATEMENT predictions (a speaker and the article
// quoting them) have no gold counterpart and are not scored either, nor are
// negated predictions ("did not meet"): both are counted apart.
//
// # Match rule
//
// Within one document, a prediction of a class matches a gold relation of
// the same class when its arguments overlap the gold ones: its subject span
// overlaps the gold source span and its object span the gold target span.
// An undirected prediction (Directed false: "talks between X and Y") may
// match either way round. Spans overlap when they share at least one byte;
// an argument need not have the same boundaries as the gold one ("Prime
// Minister Haider al-Abadi" against "Abadi" matches).
//
// A looser trigger match asks only that the prediction's trigger overlap the
// gold trigger span, in the same class, whatever its arguments.
//
// Each gold relation matches at most one prediction and each prediction at
// most one gold relation; among the possible pairings the scorer takes one
// with the most pairs (a maximum bipartite matching), so the counts do not
// depend on the order of relations. A matched prediction is a true positive
// (TP), an unmatched one a false positive (FP), an unmatched gold relation a
// false negative (FN). Precision is TP/(TP+FP), recall TP/(TP+FN), F1 their
// harmonic mean, per class and micro-averaged over the classes (the counts
// summed).
//
// # Hand-checked samples
//
// Where there is no gold (Arabic), precision is measured on a sample a
// checker judged. FindRelations runs the extractor over a corpus and keeps
// the typed relations (not STATEMENT, not negated) of one language; each
// has a Key (article, sentence, trigger byte offsets, type, subject and
// object entity IDs) and a Rank, FNV-1a 64 of SampleSeed and the key.
// Sample takes the k lowest ranks (bottom-k sampling): a uniform sample in
// which a relation keeps its rank whatever else the extractor finds, so
// that verdicts on it stay valid when the extractor changes. ReadVerdicts
// reads a checker's verdicts (JSON lines, keys and verdicts only, no
// corpus text); ScoreVerdicts counts the checked and right relations of
// the sample per pattern, and lists those without a verdict.
package releval
