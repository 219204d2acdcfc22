package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
	"github.com/newsgraph/newsgraph/ingest/releval"
)

type evalRelationsOptions struct {
	gold string
	// corpus, verdicts, sample and unchecked are the hand-checked sample's
	// (see runEvalRelationsSample); corpus "" scores against --gold.
	corpus    string
	verdicts  string
	sample    int
	unchecked string
	lang      string
	encoding  string   // the corpus's character encoding, "" for UTF-8 (read.ReadOptions.Encoding)
	seed      string   // the sample's rank seed (releval.RankSeed)
	exclude   []string // verdict files whose relations the sample leaves out
	lexicon   string   // extra lexicon file, "" for the built-in one only
	errors    int
	format    string
	stdout    io.Writer
	stderr    io.Writer // warnings: gold relations repaired or dropped
}

func evalRelationsCommand() *cli.Command {
	return &cli.Command{
		Name:  "relations",
		Usage: "score typed relations against re3d gold annotations, or a hand-checked sample of a corpus",
		Description: fmt.Sprintf(`Reads the re3d gold data (the Dstl "Relationship and Entity Extraction Evaluation Dataset":
English documents on the conflict in Syria and Iraq), runs the extractor over each document
and compares the typed relations it finds with the annotated ones.

What is read: --gold is a re3d source folder (documents.json, relations.json: mongoexport JSON
lines) or a folder of them, such as ../shared/gold/re3d-dev. Each document becomes one article,
its text the body and its title empty. Gold offsets count code points; they are converted to
bytes and checked against the annotated text.

Type mapping: re3d's relation types are not ours. A scored type pairs them:

   ATTACKS                         ← FightingAgainst
   SUPPORTS                        ← AlliesOf, Likes
   CRITICIZES/THREATENS            ← Dislikes         (either of ours counts)
   MEETS/DISCUSSES/INVITES/VISITS  ← CommWith         (any of ours counts)

CoLocated, BelongsTo, InChargeOf, HasAttrOf, IsSynonymOf and Apart have no counterpart: they
are counted as unmapped and not scored. Not scored either: STATEMENT predictions (a speaker
quoted by the article; re3d has no counterpart) and negated ones ("did not meet"); both are
counted apart.

Match rule: in the same document and scored type, a prediction matches a gold relation when
its subject overlaps the gold source and its object the gold target (at least one shared
character: "Abadi" matches "Prime Minister Haider al-Abadi"); an undirected prediction ("talks
between X and Y") may match either way round. The looser trigger match asks only that the
prediction's trigger word overlap the gold trigger span. Each gold relation matches at most one
prediction and each prediction one gold relation, pairing as many as can be.

Reading the numbers: GOLD is how many relations the annotators marked, PREDICTED how many the
extractor found, TP how many of those match, FP = PREDICTED - TP, FN = GOLD - TP.
PRECISION = TP/PREDICTED, RECALL = TP/GOLD, F1 their harmonic mean; MICRO sums the counts over
the types. re3d annotates many arguments that are not named actors ("rockets", "the army"), so
recall is bounded well below 1 for an extractor of relations between known actors.

By pattern: each relation names the construction it was read by and the trigger's language
(PATTERN: "svo/en" subject-verb-object, "agent/en" "attacks by X on Y", "vso/ar" verb first,
…). PREDICTED counts a pattern's scored predictions, RIGHT those matching a gold relation with
both arguments, PRECISION = RIGHT/PREDICTED: what ingest/extract's confidence table is
generated from (see docs/eval.md). STATEMENT and negated predictions are not scored, so
patterns that only read those are absent. The error
list shows false finds (FP) first, then misses (FN), in document order.

   newsgraph eval relations --gold ../shared/gold/re3d-dev
   newsgraph eval relations --gold "../shared/gold/re3d-dev/BBC Online" --errors 50
   newsgraph eval relations --gold ../shared/gold/re3d-dev --format json

Without --format the report is for people, on a terminal or not; --format markdown writes its
tables in Markdown. csv and tsv print the scores only, one row per type and rule (column
match: args or trigger); table, markdown and json add the counts of what was not scored and
the errors. JSON: {"gold": {"documents",
"relations", "scored", "unmapped", "types": {re3d type: count}}, "predicted": {"relations",
"scored", "negated", "statement", "other", "types": {our type: {"predicted", "tp_args",
"tp_trigger"}}}, "args" and "trigger": {"micro": {counts}, "types": {"ATTACKS": {"re3d_types",
counts}, …}}, "patterns": [{"pattern", "predicted", "tp_args", "precision"}, …], "confusion": {TYPE: {RE3D_TYPE: n}}, "errors": [{"kind", "type", "class", "source_name", "document", "source",
"trigger", "target"}, …], "notes": […]}, where counts are "gold", "predicted", "tp", "fp",
"fn", "precision", "recall", "f1".

Gold relations whose offsets do not cut out their annotated text (curly quotes in the text,
straight ones in the annotation; offsets shifted by a few characters) are repaired when the
text, its quotes, dashes and spaces folded to one form, is found at the offsets or within 50
characters of them (the nearest occurrence); otherwise the relation is dropped: not scored.
Each is a warning on stderr (file:line, relation ID, reason), and the gold line counts them
(JSON: gold.repaired, gold.dropped, gold.warnings). They never stop the evaluation.

Hand-checked sample (--corpus): instead of re3d, runs the extractor (no store) over a corpus,
keeps the typed relations of its --lang articles (STATEMENT and negated ones are left out:
STATEMENT names no second actor to check), ranks each by a hash of a fixed seed and its key
(article, sentence, trigger offsets, type, subject ID, object ID) and takes the --sample
lowest: a uniform sample in which a relation keeps its rank when the extractor changes
elsewhere, so that most verdicts stay valid. --verdicts is a JSON lines file of a checker's
verdicts ({"article", "sentence", "trigger": [start, end], "type", "subject", "object",
"pattern", "verdict": "right"|"wrong", "note"}); precision = right/checked over the sampled
relations that have one, overall, per type, per pattern, by who the parties are (both known
to the lexicon, or one an ID the extractor made for an unknown name) and by whether query
relations shows them by default (confidence of at least %.2f, or unmeasured) or hides them.
Sampled relations without a verdict are listed, and written with their sentence for a
checker by --write-unchecked. A corpus may also be named-entity gold in the CoNLL format (a
token and its tag a line, as ANERcorp): it is read as text, a document of 50 sentences an
article (ID FILE#doc-N), its tags ignored. The corpus is read as ingest reads it, as UTF-8
unless --encoding names another encoding (a record that does not decode is reported and left
out). --format markdown writes the report's tables in
Markdown; tsv and csv one table of the figures, a row per group (columns by: type, pattern,
parties, default or all; group, checked, right, precision, empty when nothing is checked);
json one object: corpus, articles, problems, lang, relations, sample, seed, exclude, verdicts,
stale_verdicts (verdicts naming a relation of this corpus the extractor no longer reads under
their key: an error since put right, or a party now named otherwise), checked, right, precision, and by_type, by_pattern, by_parties, by_default ([{group, checked,
right, precision}]) and unchecked.

   newsgraph eval relations --corpus ../shared/corpora/ar-news-2022 \
       --verdicts ingest/releval/testdata/verdicts/ar-news-2022-verdicts.jsonl --sample 100
   newsgraph eval relations --corpus ../shared/gold/anercorp-dev/anercorp-dev.txt \
       --verdicts ingest/releval/testdata/verdicts/anercorp-heldout-verdicts.jsonl
   newsgraph eval relations --lang en --corpus ../shared/corpora/en-fakes-syria/fakes.csv --encoding windows-1252 \
       --verdicts ingest/releval/testdata/verdicts/en-fakes-syria-verdicts.jsonl

Exit status: 0 scored; 1 the gold, the corpus, a verdict file or the lexicon could not be read (the message gives the file and
line); 2 the command line was wrong.`, graph.MinConfidence),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Aliases: []string{"g"}, Usage: "re3d source `DIR`, or a folder of them (required)"},
			&cli.StringFlag{Name: "corpus", Usage: "score a hand-checked sample of the relations found in the corpus `PATH` (a file or folder; a folder holding articles.jsonl is read as that file; a CoNLL gold file is read as its text) instead of re3d"},
			&cli.StringFlag{Name: "verdicts", Usage: "with --corpus: the checker's verdicts, JSON lines `FILE` (required with --corpus)"},
			&cli.IntFlag{Name: "sample", Value: 100, Usage: "with --corpus: the sample's size `N`"},
			&cli.StringFlag{Name: "write-unchecked", Usage: "with --corpus: write the sampled relations lacking a verdict to `FILE`, JSON lines with their sentence"},
			&cli.StringFlag{Name: "seed", Value: releval.SampleSeed, Usage: "with --corpus: rank relations for the sample by hashing with `STRING`; another seed draws an independent sample"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "with --corpus: leave the relations of the verdict `FILE` (or of a file --write-unchecked wrote) out of the sample (repeatable): a held-out sample skips what the development sample checked, or what was sent to a checker already"},
			&cli.StringFlag{Name: "lang", Value: "ar", Usage: "with --corpus: sample the relations of articles in language `CODE`"},
			&cli.StringFlag{Name: "encoding", Usage: "with --corpus: the corpus's character `ENCODING`, as ingest --encoding (e.g. windows-1252 for ../shared/corpora/en-fakes-syria/fakes.csv); default utf-8"},
			&cli.StringFlag{Name: "lexicon", Usage: "extra actor lexicon `FILE` (JSON lines); its entries win over the built-in ones with the same id"},
			&cli.IntFlag{Name: "errors", Value: 10, Usage: "list `N` errors (false finds first, then misses); 0 lists none"},
			formatFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "eval relations", " (the gold folder goes after --gold)"); err != nil {
				return err
			}
			format, err := parseFormat(c)
			if err != nil {
				return err
			}
			if !c.IsSet("format") {
				// The report is for people whether or not it goes to a
				// terminal; rows for programs are asked for by name.
				format = formatTable
			}
			opts := evalRelationsOptions{
				gold:    c.String("gold"),
				lexicon: c.String("lexicon"),
				errors:  c.Int("errors"),
				format:  format,
				stdout:  c.App.Writer,
				stderr:  c.App.ErrWriter,

				corpus:    c.String("corpus"),
				verdicts:  c.String("verdicts"),
				sample:    c.Int("sample"),
				unchecked: c.String("write-unchecked"),
				seed:      c.String("seed"),
				exclude:   c.StringSlice("exclude"),
				lang:      c.String("lang"),
				encoding:  c.String("encoding"),
			}
			if opts.corpus != "" {
				switch {
				case opts.gold != "":
					return usageErrorf("eval relations takes --gold or --corpus, not both")
				case opts.verdicts == "":
					return usageErrorf("eval relations --corpus needs --verdicts FILE (it may be empty)")
				case opts.sample <= 0:
					return usageErrorf("--sample must be positive")
				case opts.unchecked != "" && sameFile(opts.unchecked, append([]string{opts.verdicts, opts.corpus}, opts.exclude...)...):
					return usageErrorf("--write-unchecked %s would overwrite an input of this run (--verdicts, --exclude or --corpus); write the unchecked relations to another file", opts.unchecked)
				case slices.Contains(opts.exclude, ""):
					return usageErrorf("--exclude needs a FILE, a verdict file or one --write-unchecked wrote")
				case c.IsSet("seed") && strings.TrimSpace(opts.seed) == "":
					return usageErrorf("--seed must not be empty; leave it out for the default seed %q", releval.SampleSeed)
				}
				if _, err := read.ParseEncoding(opts.encoding); err != nil {
					return usageErrorf("--encoding: %v", err)
				}
				return runEvalRelationsSample(c.Context, opts)
			}
			for _, f := range []string{"verdicts", "seed", "exclude", "write-unchecked", "sample", "encoding", "lang"} {
				if c.IsSet(f) {
					return usageErrorf("--%s goes with --corpus (a hand-checked sample of a corpus), not with --gold", f)
				}
			}
			switch {
			case opts.gold == "":
				return usageErrorf("eval relations needs --gold DIR, a re3d source folder or a folder of them")
			case opts.errors < 0:
				return usageErrorf("--errors must not be negative")
			}
			return runEvalRelations(c.Context, opts)
		},
	}
}

func runEvalRelations(ctx context.Context, opts evalRelationsOptions) error {
	began := time.Now()
	lex, err := loadLexicon(opts.lexicon)
	if err != nil {
		return err
	}
	docs, err := releval.Read(opts.gold)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("gold %s: no documents", opts.gold)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, w := range releval.Warnings(docs) {
		fmt.Fprintf(opts.stderr, "warning: %s\n", w)
	}
	rep := releval.Run(extract.NewExtractor(lex), docs)

	switch opts.format {
	case formatJSON:
		enc := json.NewEncoder(opts.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(releval.Summarize(rep, docs, opts.errors))
	case formatCSV, formatTSV:
		res := relScores(rep.Args, "args")
		res.rows = append(res.rows, relScores(rep.Trigger, "trigger").rows...)
		return res.write(opts.stdout, opts.format)
	}
	tables := opts.format // table or markdown

	w := opts.stdout
	var unmapped []string
	for _, t := range rep.GoldTypes {
		if _, ok := releval.ClassOf(t); !ok {
			unmapped = append(unmapped, fmt.Sprintf("%s %d", t, rep.Gold[t]))
		}
	}
	// In Markdown every line of text is a paragraph of its own, set apart
	// from the tables by a blank line.
	gap := ""
	if tables == formatMD {
		gap = "\n"
	}
	fmt.Fprintf(w, "gold: %s — %d documents, %d relations: %d scored, %d of unmapped types not scored (%s); offsets not cutting out their text: %d repaired, %d dropped (%.2fs)\n",
		opts.gold, rep.Documents, rep.GoldTotal, rep.Args.Micro.Gold, rep.Unmapped, strings.Join(unmapped, ", "), rep.Repaired, rep.Dropped, time.Since(began).Seconds())
	fmt.Fprint(w, gap)
	fmt.Fprintf(w, "predicted: %d relations: %d scored, %d STATEMENT not scored (re3d has no counterpart), %d negated not scored",
		rep.Predicted, rep.Args.Micro.Predicted, rep.Statements, rep.Negated)
	if rep.Other > 0 {
		fmt.Fprintf(w, ", %d of other types not scored", rep.Other)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "\nargument match (subject overlaps the gold source, object the gold target; undirected either way):\n")
	fmt.Fprint(w, gap)
	if err := relScores(rep.Args, "").write(w, tables); err != nil {
		return err
	}
	fmt.Fprintf(w, "\ntrigger match (the trigger overlaps the gold trigger, same type; arguments not checked):\n")
	fmt.Fprint(w, gap)
	if err := relScores(rep.Trigger, "").write(w, tables); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nscored predictions by type:\n")
	fmt.Fprint(w, gap)
	byType := &result{columns: []column{
		{name: "type", title: "TYPE"},
		{name: "predicted", title: "PREDICTED", number: true},
		{name: "tp_args", title: "TP ARGS", number: true},
		{name: "precision_args", title: "PRECISION ARGS", number: true, digits: 4},
		{name: "tp_trigger", title: "TP TRIGGER", number: true},
		{name: "precision_trigger", title: "PRECISION TRIGGER", number: true, digits: 4},
	}}
	for _, c := range releval.Classes {
		for _, t := range c.Types {
			n := rep.ByType[t]
			byType.rows = append(byType.rows, []any{string(t), n.Predicted, n.ArgsTP, ratio(n.ArgsTP, n.Predicted), n.TriggerTP, ratio(n.TriggerTP, n.Predicted)})
		}
	}
	if err := byType.write(w, tables); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nscored predictions by pattern (the construction a relation was read by; STATEMENT and negated predictions are not scored by re3d, so their patterns are absent):\n")
	fmt.Fprint(w, gap)
	byPattern := &result{columns: []column{
		{name: "pattern", title: "PATTERN"},
		{name: "predicted", title: "PREDICTED", number: true},
		{name: "tp_args", title: "RIGHT (ARGS)", number: true},
		{name: "precision_args", title: "PRECISION", number: true, digits: 4},
	}}
	for _, p := range releval.Patterns(rep) {
		byPattern.rows = append(byPattern.rows, []any{p.Pattern, p.Checked, p.Right, p.Precision()})
	}
	if err := byPattern.write(w, tables); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nconfusion of types (rows: our type; columns: the re3d type of the gold relation joining the same two arguments, any type; %s: none does):\n", releval.NoGold)
	fmt.Fprint(w, gap)
	if err := confusionTable(rep).write(w, tables); err != nil {
		return err
	}
	errs := releval.FirstErrors(rep, docs, opts.errors)
	if len(errs) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nerrors, first %d of %d (FP: found, matching no gold relation; FN: in the gold, not found):\n", len(errs), len(rep.Errors))
	fmt.Fprint(w, gap)
	list := &result{columns: []column{
		{name: "kind", title: "KIND"},
		{name: "type", title: "TYPE"},
		{name: "document", title: "DOCUMENT"},
		{name: "source", title: "SOURCE / SUBJECT"},
		{name: "trigger", title: "TRIGGER"},
		{name: "target", title: "TARGET / OBJECT"},
	}}
	for _, e := range errs {
		list.rows = append(list.rows, []any{e.Kind, e.Type, e.SourceName + " " + shortID(e.Document), e.Source, e.Trigger, e.Target})
	}
	return list.write(w, tables)
}

// confusionTable is Report.Confusion as a table: a row per type of ours
// that was predicted, a column per gold type that occurs, most frequent
// first, NoGold last.
func confusionTable(rep releval.Report) *result {
	totals := make(map[string]int)
	for _, row := range rep.Confusion {
		for g, n := range row {
			totals[g] += n
		}
	}
	var cols []string
	for g := range totals {
		if g != releval.NoGold {
			cols = append(cols, g)
		}
	}
	sort.Slice(cols, func(i, j int) bool {
		if totals[cols[i]] != totals[cols[j]] {
			return totals[cols[i]] > totals[cols[j]]
		}
		return cols[i] < cols[j]
	})
	if totals[releval.NoGold] > 0 {
		cols = append(cols, releval.NoGold)
	}
	res := &result{columns: []column{{name: "type", title: "OURS"}}}
	for _, g := range cols {
		res.columns = append(res.columns, column{name: g, title: strings.ToUpper(g), number: true})
	}
	for _, c := range releval.Classes {
		for _, t := range c.Types {
			row, ok := rep.Confusion[t]
			if !ok {
				continue
			}
			cells := []any{string(t)}
			for _, g := range cols {
				cells = append(cells, row[g])
			}
			res.rows = append(res.rows, cells)
		}
	}
	return res
}

// relScores is the per-type table of one match rule, with the micro
// average last; match, when not "", is a first column (csv).
func relScores(s releval.Scores, match string) *result {
	res := &result{columns: []column{
		{name: "type", title: "TYPE"},
		{name: "re3d_types", title: "RE3D TYPES"},
		{name: "gold", title: "GOLD", number: true},
		{name: "predicted", title: "PREDICTED", number: true},
		{name: "tp", title: "TP", number: true},
		{name: "fp", title: "FP", number: true},
		{name: "fn", title: "FN", number: true},
		{name: "precision", title: "PRECISION", number: true, digits: 4},
		{name: "recall", title: "RECALL", number: true, digits: 4},
		{name: "f1", title: "F1", number: true, digits: 4},
	}}
	if match != "" {
		res.columns = append([]column{{name: "match", title: "MATCH"}}, res.columns...)
	}
	row := func(name, gold string, c releval.Counts) {
		r := []any{name, gold, c.Gold, c.Predicted, c.TP, c.FP(), c.FN(), c.Precision(), c.Recall(), c.F1()}
		if match != "" {
			r = append([]any{match}, r...)
		}
		res.rows = append(res.rows, r)
	}
	for _, c := range releval.Classes {
		row(c.Name, strings.Join(c.Gold, " "), s.PerClass[c.Name])
	}
	row("MICRO", "", s.Micro)
	return res
}

// shortID shortens re3d's 32-digit document IDs for tables.
func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

func ratio(a, b int) any {
	if b == 0 {
		return "—" // nothing predicted has no precision, as in the --corpus tables
	}
	return float64(a) / float64(b)
}

// runEvalRelationsSample scores the hand-checked sample of the relations
// found in opts.corpus (see releval.FindRelations, Sample, ScoreVerdicts).
func runEvalRelationsSample(ctx context.Context, opts evalRelationsOptions) error {
	began := time.Now()
	lex, err := loadLexicon(opts.lexicon)
	if err != nil {
		return err
	}
	verdicts, err := releval.ReadVerdictFiles(opts.verdicts)
	if err != nil {
		return err
	}
	articles, problems, err := releval.ReadCorpusWith(ctx, opts.corpus, read.ReadOptions{Encoding: opts.encoding})
	if err != nil {
		return err
	}
	found := releval.FindRelations(extract.NewExtractor(lex), articles, opts.lang)
	if opts.seed != "" && opts.seed != releval.SampleSeed {
		found = releval.Reseed(found, opts.seed)
	}
	all := found
	// Verdicts of this corpus's relations that the extractor no longer
	// reads under their key: said beside the count, not an error (a
	// verdict file keeps them as the history of what was fixed).
	stale := len(releval.Stale(verdicts, articles, opts.lang, all))
	if n := langCount(articles, opts.lang); n == 0 && len(articles) > 0 {
		fmt.Fprintf(opts.stderr, "warning: no article of %s is in language %q (--lang); it has %s\n", opts.corpus, opts.lang, languagesOf(articles))
	}
	if len(opts.exclude) > 0 {
		ex, err := releval.ReadExcludeFiles(opts.exclude...)
		if err != nil {
			return fmt.Errorf("exclude: %w", err)
		}
		found = releval.Exclude(found, ex)
	}
	sample := releval.Sample(found, opts.sample)
	byPattern, unchecked := releval.ScoreVerdicts(sample, verdicts)
	byType, _ := releval.ScoreVerdictsBy(sample, verdicts, func(s releval.Sampled) string { return s.Key.Type })
	byParties, _ := releval.ScoreVerdictsBy(sample, verdicts, partiesGroup)
	byShown, _ := releval.ScoreVerdictsBy(sample, verdicts, shownGroup)
	total := releval.Total(byPattern)
	if len(verdicts) > 0 && total.Checked == 0 && len(sample) > 0 {
		if excluded := len(all) - len(found); excluded > 0 && len(releval.Exclude(all, verdicts)) < len(all) {
			fmt.Fprintf(opts.stderr, "warning: none of the %d verdicts names a relation of this sample: those they name are among the %d --exclude left out\n",
				len(verdicts), excluded)
		} else {
			// Keys name a corpus file by its folder and name: a copy
			// under other names draws another sample that no verdict
			// names.
			fmt.Fprintf(opts.stderr, "warning: none of the %d verdicts names a relation of this sample; articles are keyed by the corpus file's folder and name, or the source and ID a JSON line gives (here %q), so a moved or renamed copy matches no verdict\n",
				len(verdicts), sample[0].Key.Article)
		}
	}

	w := opts.stdout
	switch opts.format {
	case formatJSON:
		if err := writeSampleJSON(w, opts, len(articles), problems, len(found), stale, sample, byType, byPattern, byParties, byShown, total, unchecked); err != nil {
			return err
		}
		return writeUnchecked(opts.unchecked, unchecked)
	case formatTSV, formatCSV:
		if err := sampleRows(byType, byPattern, byParties, byShown, total).write(w, opts.format); err != nil {
			return err
		}
		return writeUnchecked(opts.unchecked, unchecked)
	}
	gap := "" // as in the --gold report
	if opts.format == formatMD {
		gap = "\n"
	}
	staleNote := ""
	if stale > 0 {
		staleNote = fmt.Sprintf(", %d of them naming a relation of this corpus no longer found", stale)
	}
	fmt.Fprintf(w, "corpus: %s — %d articles (%d problems reading), %d typed relations (not STATEMENT, not negated) in %q articles; sample: the %d lowest-ranked (seed %q, %d verdict files excluded); verdicts: %s, %d%s (%.2fs)\n",
		opts.corpus, len(articles), problems, len(found), opts.lang, len(sample), opts.seed, len(opts.exclude), opts.verdicts, len(verdicts), staleNote, time.Since(began).Seconds())
	prec := "— (nothing checked)"
	if total.Checked > 0 {
		prec = fmt.Sprintf("%.4f", total.Precision())
	}
	fmt.Fprint(w, gap)
	fmt.Fprintf(w, "precision: %d right of %d checked = %s; %d of the sample unchecked\n",
		total.Right, total.Checked, prec, len(unchecked))
	table := func(title string, scores []releval.PatternScore) error {
		res := &result{columns: []column{
			{name: "group", title: title},
			{name: "checked", title: "CHECKED", number: true},
			{name: "right", title: "RIGHT", number: true},
			{name: "precision", title: "PRECISION", number: true, digits: 4},
		}}
		// A group with nothing checked has no precision, not 0.
		precision := func(s releval.PatternScore) any {
			if p := nullPrecision(s); p != nil {
				return p
			}
			return "—"
		}
		for _, s := range scores {
			res.rows = append(res.rows, []any{s.Pattern, s.Checked, s.Right, precision(s)})
		}
		res.rows = append(res.rows, []any{"ALL", total.Checked, total.Right, precision(total)})
		fmt.Fprintln(w)
		return res.write(w, opts.format) // table or markdown
	}
	if err := table("TYPE", byType); err != nil {
		return err
	}
	if err := table("PATTERN", byPattern); err != nil {
		return err
	}
	if err := table("PARTIES", byParties); err != nil {
		return err
	}
	if err := table(fmt.Sprintf("BY DEFAULT (MIN CONFIDENCE %.2f)", graph.MinConfidence), byShown); err != nil {
		return err
	}
	if len(unchecked) > 0 {
		fmt.Fprintf(w, "\nunchecked (%d):\n%s", len(unchecked), gap)
		item := "  "
		if opts.format == formatMD {
			item = "- " // a list, not one paragraph
		}
		for _, s := range unchecked {
			t := releval.ForChecking(s)
			fmt.Fprintf(w, "%s%s s%d %s %s: %s | %s | %s\n", item, t.Article, t.Sentence, t.Type, t.Pattern, t.SubjectText, t.TriggerText, t.ObjectText)
		}
	}
	return writeUnchecked(opts.unchecked, unchecked)
}

// sampleRows are the --corpus report's figures as one table for
// programs (--format tsv or csv): a row per group of each grouping (by:
// type, pattern, parties, default), then the sample's, by "all"; a
// group with nothing checked has an empty precision.
func sampleRows(byType, byPattern, byParties, byShown []releval.PatternScore, total releval.PatternScore) *result {
	res := &result{columns: []column{
		{name: "by", title: "BY"},
		{name: "group", title: "GROUP"},
		{name: "checked", title: "CHECKED", number: true},
		{name: "right", title: "RIGHT", number: true},
		{name: "precision", title: "PRECISION", number: true, digits: 4},
	}}
	add := func(by string, s releval.PatternScore) {
		var p any = ""
		if v := nullPrecision(s); v != nil {
			p = v
		}
		res.rows = append(res.rows, []any{by, s.Pattern, s.Checked, s.Right, p})
	}
	for _, g := range []struct {
		by     string
		scores []releval.PatternScore
	}{{"type", byType}, {"pattern", byPattern}, {"parties", byParties}, {"default", byShown}} {
		for _, s := range g.scores {
			add(g.by, s)
		}
	}
	total.Pattern = "ALL"
	add("all", total)
	return res
}

// langCount counts the articles in language lang.
func langCount(articles []read.Article, lang string) int {
	n := 0
	for _, a := range articles {
		if a.Lang == lang {
			n++
		}
	}
	return n
}

// languagesOf lists the languages of articles with their counts, most
// articles first: "ar 3,972, en 12"; "no language" for articles without.
func languagesOf(articles []read.Article) string {
	counts := map[string]int{}
	for _, a := range articles {
		counts[a.Lang]++
	}
	langs := slices.Collect(maps.Keys(counts))
	slices.SortFunc(langs, func(a, b string) int { return cmp.Or(counts[b]-counts[a], strings.Compare(a, b)) })
	parts := make([]string, len(langs))
	for i, l := range langs {
		if l == "" {
			l = "no language"
		}
		parts[i] = l + " " + thousands(counts[langs[i]])
	}
	return strings.Join(parts, ", ")
}

// partiesGroup names who the parties of s are: "both known" when the
// lexicon knows both (their IDs are its own), "a made party" when either
// is an ID the extractor made for a name the lexicon lacks
// (graph.MadeID). The two differ in precision, and the confidence carries
// it (extract.Confidence).
func partiesGroup(s releval.Sampled) string {
	if graph.MadeID(s.Key.Subject) || graph.MadeID(s.Key.Object) {
		return "a made party"
	}
	return "both known"
}

// shownGroup says whether query relations shows s by default: "shown"
// when its confidence is graph.MinConfidence or more, or unmeasured (0),
// "hidden" otherwise (query.MinConfidence's rule). The precision of the
// shown ones is what a user reads without --min-confidence.
func shownGroup(s releval.Sampled) string {
	if c := s.Relation.Confidence; c > 0 && c < graph.MinConfidence {
		return "hidden"
	}
	return "shown"
}

// sampleScore is a row of eval relations --corpus --format json.
type sampleScore struct {
	Group     string  `json:"group"`
	Checked   int     `json:"checked"`
	Right     int     `json:"right"`
	Precision float64 `json:"precision"`
}

func sampleScores(scores []releval.PatternScore) []sampleScore {
	out := make([]sampleScore, 0, len(scores))
	for _, s := range scores {
		out = append(out, sampleScore{s.Pattern, s.Checked, s.Right, s.Precision()})
	}
	return out
}

// writeSampleJSON writes the hand-checked sample's figures as one JSON
// object: what was read and sampled, the precision overall, per type, per
// pattern, by who the parties are (by_parties) and by whether query
// relations shows the relation by default (by_default), and the sampled
// relations without a verdict.
func writeSampleJSON(w io.Writer, opts evalRelationsOptions, articles, problems, found, stale int, sample []releval.Sampled,
	byType, byPattern, byParties, byShown []releval.PatternScore, total releval.PatternScore, unchecked []releval.Sampled) error {
	todo := make([]releval.ToCheck, 0, len(unchecked))
	for _, s := range unchecked {
		todo = append(todo, releval.ForChecking(s))
	}
	exclude := opts.exclude
	if exclude == nil {
		exclude = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{
		"corpus": opts.corpus, "articles": articles, "problems": problems, "lang": opts.lang,
		"relations": found, "sample": len(sample), "seed": opts.seed, "exclude": exclude,
		"verdicts": opts.verdicts, "stale_verdicts": stale, "checked": total.Checked, "right": total.Right, "precision": nullPrecision(total),
		"by_type": sampleScores(byType), "by_pattern": sampleScores(byPattern),
		"by_parties": sampleScores(byParties), "by_default": sampleScores(byShown), "unchecked": todo,
	})
}

// writeUnchecked writes the sampled relations without a verdict to name
// as JSON lines with their sentence, for a checker; nothing when name is
// empty.
func writeUnchecked(name string, unchecked []releval.Sampled) error {
	if name == "" {
		return nil
	}
	out, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("write unchecked: %w", err)
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, s := range unchecked {
		if err := enc.Encode(releval.ForChecking(s)); err != nil {
			out.Close()
			return fmt.Errorf("write unchecked: %w", err)
		}
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("write unchecked: %w", err)
	}
	return nil
}

// nullPrecision is s's precision, or nil (JSON null) when nothing was
// checked: 0 would read as all wrong.
func nullPrecision(s releval.PatternScore) any {
	if s.Checked == 0 {
		return nil
	}
	return s.Precision()
}

// sameFile reports whether path names one of others: the same file where
// both exist, else the same absolute path.
func sameFile(path string, others ...string) bool {
	st, err := os.Stat(path)
	abs, _ := filepath.Abs(path)
	for _, o := range others {
		if o == "" {
			continue
		}
		if err == nil {
			if ost, oerr := os.Stat(o); oerr == nil && os.SameFile(st, ost) {
				return true
			}
		}
		if oabs, _ := filepath.Abs(o); oabs == abs {
			return true
		}
	}
	return false
}
