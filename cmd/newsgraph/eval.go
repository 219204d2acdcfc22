package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/nereval"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "measure extraction against gold-annotated text, and resolution in a store",
		Description: `ner and relations score what newsgraph extracts against human annotations; no store is read
or written. resolution reads a store (after an ingest) and measures how many nodes each actor
of a hand-checked list is split into; nothing is written.

   newsgraph eval ner --gold ../shared/gold/anercorp-dev/anercorp-dev.txt
   newsgraph eval relations --gold ../shared/gold/re3d-dev
   newsgraph --store ar.db eval resolution --actors ingest/reseval/testdata/ar-news-2022-actors.jsonl`,
		Subcommands:  []*cli.Command{evalNERCommand(), evalRelationsCommand(), evalResolutionCommand()},
		OnUsageError: onUsageError,
	}
}

type evalNEROptions struct {
	gold         string
	lexicon      string // extra lexicon file, "" for the built-in one only
	types        []string
	docSentences int
	errors       int
	format       string
	stdout       io.Writer
}

func evalNERCommand() *cli.Command {
	return &cli.Command{
		Name:  "ner",
		Usage: "score named-entity recognition against a CoNLL gold file",
		Description: `Reads a gold file in the CoNLL format — a token a line, its tag last (ANERcorp: "TOKEN TAG",
CoNLL-2003: "TOKEN POS CHUNK TAG"), BIO tags over PER (or PERS), LOC, ORG and MISC — runs the
extractor over it and compares the entities it finds with the gold ones.

What is read: each gold document becomes one article, its tokens joined by spaces and its
sentences by line breaks, so a surname can refer back to a full name earlier in the
document. Files with -DOCSTART- lines (CoNLL-2003) keep their documents; files without
(ANERcorp) are cut every --doc-sentences sentences. A file without blank lines (ANERcorp)
ends a sentence at each "." token.

What is scored: names of people (PER), organisations (ORG) and places (LOC) — every mention
the extractor finds, however it found it (lexicon name, surname coreference, rule, …), except
nationality adjectives (العراقي, Iraqi) and role phrases (رئيس الوزراء), which gold files do not
mark as names. A mention covers every token it touches: الكاظمي inside والكاظمي marks the whole
token. MISC (nationalities, events, works) is left out of both sides unless --misc is given;
the extractor never predicts it, so --misc only lowers recall.

Exact-span semantics (as conlleval, the CoNLL shared-task scorer): a predicted entity is
correct only if the gold has an entity of the same type with the same first and last token.
"مصطفى الكاظمي" predicted where the gold marks "رئيس الوزراء مصطفى الكاظمي" is both a false
positive and a false negative; so is the right span with the wrong type.

Reading the numbers: GOLD is how many entities the annotators marked, PREDICTED how many the
extractor found, CORRECT how many of those match exactly. PRECISION = CORRECT/PREDICTED (how
much of what is found is right), RECALL = CORRECT/GOLD (how much of what is there is found),
F1 their harmonic mean. MICRO sums the counts over the types. The lexicon knows the actors of
Middle-East politics, not every name in the news, so expect precision well above recall on
general newswire. The error list shows the most frequent misses (FN) and
false finds (FP) by surface text: an FN is a name the lexicon could learn, an FP a lexicon
entry that fires where annotators saw no name, or a boundary or type mismatch.

   newsgraph eval ner --gold ../shared/gold/anercorp-dev/anercorp-dev.txt
   newsgraph eval ner --gold ../shared/gold/conll2003-en/valid.txt --errors 25
   newsgraph eval ner --gold gold.txt --lexicon extra.jsonl --format json

csv prints the scores only; table and json add the errors. JSON:
{"micro": {"precision", "recall", "f1"}, "types": {"PER": {"precision", "recall", "f1", "gold",
"predicted", "correct"}, …}, "errors": [{"kind", "type", "surface", "count"}, …]}.

Exit status: 0 scored; 1 the gold or lexicon file could not be read (the message gives the
file and line); 2 the command line was wrong.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Aliases: []string{"g"}, Usage: "gold-annotated `FILE` in the CoNLL format (required)"},
			&cli.BoolFlag{Name: "misc", Usage: "also score MISC entities (the extractor finds none)"},
			&cli.IntFlag{Name: "doc-sentences", Value: nereval.DefaultDocSentences, Usage: "in a file without -DOCSTART- lines, read every `N` sentences as one article; 0 reads the whole file as one"},
			&cli.StringFlag{Name: "lexicon", Usage: "extra actor lexicon `FILE` (JSON lines); its entries win over the built-in ones with the same id"},
			&cli.IntFlag{Name: "errors", Value: 10, Usage: "list the `N` most frequent errors; 0 lists none"},
			formatFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "eval ner", " (the gold file goes after --gold)"); err != nil {
				return err
			}
			format, err := parseFormat(c)
			if err != nil {
				return err
			}
			opts := evalNEROptions{
				gold:         c.String("gold"),
				lexicon:      c.String("lexicon"),
				types:        nereval.DefaultTypes,
				docSentences: c.Int("doc-sentences"),
				errors:       c.Int("errors"),
				format:       format,
				stdout:       c.App.Writer,
			}
			switch {
			case opts.gold == "":
				return usageErrorf("eval ner needs --gold FILE, a CoNLL-format gold file")
			case opts.docSentences < 0:
				return usageErrorf("--doc-sentences must not be negative")
			case opts.errors < 0:
				return usageErrorf("--errors must not be negative")
			}
			if c.Bool("misc") {
				opts.types = append(append([]string(nil), nereval.DefaultTypes...), nereval.MISC)
			}
			return runEvalNER(c.Context, opts)
		},
	}
}

// nerScoresJSON is the JSON of eval ner.
type nerScoresJSON struct {
	Micro  nerMicroJSON           `json:"micro"`
	Types  map[string]nerTypeJSON `json:"types"`
	Errors []nerErrorJSON         `json:"errors"`
}

type nerMicroJSON struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

type nerTypeJSON struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

type nerErrorJSON struct {
	Kind    string `json:"kind"`
	Type    string `json:"type"`
	Surface string `json:"surface"`
	Count   int    `json:"count"`
}

func runEvalNER(ctx context.Context, opts evalNEROptions) error {
	began := time.Now()
	lex, err := loadLexicon(opts.lexicon)
	if err != nil {
		return err
	}
	f, err := os.Open(opts.gold)
	if err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	docs, err := nereval.ReadCoNLLWith(f, opts.gold, nereval.Options{DocSentences: opts.docSentences})
	f.Close()
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("gold %s: no tokens", opts.gold)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	corpus := nereval.Run(extract.NewExtractor(lex), docs)
	rep := corpus.Evaluate(opts.types, opts.errors)

	switch opts.format {
	case formatJSON:
		out := nerScoresJSON{
			Micro:  nerMicroJSON{rep.Micro.Precision(), rep.Micro.Recall(), rep.Micro.F1()},
			Types:  make(map[string]nerTypeJSON, len(rep.Types)),
			Errors: make([]nerErrorJSON, 0, len(rep.Errors)),
		}
		for _, t := range rep.Types {
			c := rep.PerType[t]
			out.Types[t] = nerTypeJSON{c.Precision(), c.Recall(), c.F1(), c.Gold, c.Predicted, c.Correct}
		}
		for _, e := range rep.Errors {
			out.Errors = append(out.Errors, nerErrorJSON(e))
		}
		enc := json.NewEncoder(opts.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case formatCSV:
		return nerScores(rep).write(opts.stdout, formatCSV)
	}
	fmt.Fprintf(opts.stdout, "gold: %s — %d tokens, %d sentences, %d documents; exact-span match (%.2fs)\n",
		opts.gold, corpus.Tokens, corpus.Sentences, corpus.Documents, time.Since(began).Seconds())
	if err := nerScores(rep).write(opts.stdout, formatTable); err != nil {
		return err
	}
	if len(rep.Errors) == 0 {
		return nil
	}
	fmt.Fprintf(opts.stdout, "\nmost frequent errors (FP: found, not in the gold; FN: in the gold, not found):\n")
	errs := &result{columns: []column{
		{name: "kind", title: "KIND"},
		{name: "type", title: "TYPE"},
		{name: "surface", title: "SURFACE"},
		{name: "count", title: "COUNT", number: true},
	}}
	for _, e := range rep.Errors {
		errs.rows = append(errs.rows, []any{e.Kind, e.Type, e.Surface, e.Count})
	}
	return errs.write(opts.stdout, formatTable)
}

// nerScores is the per-type table of a report, with the micro average last.
func nerScores(rep nereval.Report) *result {
	res := &result{columns: []column{
		{name: "type", title: "TYPE"},
		{name: "gold", title: "GOLD", number: true},
		{name: "predicted", title: "PREDICTED", number: true},
		{name: "correct", title: "CORRECT", number: true},
		{name: "precision", title: "PRECISION", number: true, digits: 4},
		{name: "recall", title: "RECALL", number: true, digits: 4},
		{name: "f1", title: "F1", number: true, digits: 4},
	}}
	row := func(name string, c nereval.Counts) {
		res.rows = append(res.rows, []any{name, c.Gold, c.Predicted, c.Correct, c.Precision(), c.Recall(), c.F1()})
	}
	for _, t := range rep.Types {
		row(t, rep.PerType[t])
	}
	row("MICRO", rep.Micro)
	return res
}
