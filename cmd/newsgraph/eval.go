package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
		Subcommands:  []*cli.Command{evalNERCommand(), evalRelationsCommand(), evalResolutionCommand(), evalTranslitCommand()},
		OnUsageError: onUsageError,
	}
}

type evalNEROptions struct {
	gold         string
	lexicon      string // extra lexicon file, "" for the built-in one only
	types        []string
	docSentences int
	split        string // "auto", "all", "train" or "dev": the documents of nereval.DevSplit scored
	errors       int
	byMethod     bool // also score each extraction method on its own
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

Development data only. The extractor's tagger learnt from ANERcorp's training part and from
CoNLL-2003's train.txt; scores on those say nothing about new text. So by default (--split
auto) a file without -DOCSTART- lines, which comes whole (ANERcorp), is scored on its fixed
development split only: every tenth document (the 10th, 20th, …) of the file cut every 50
sentences, which the tagger never trains on. A file with -DOCSTART- lines comes split into its
own parts and is scored whole: score CoNLL-2003's valid.txt, not train.txt (its figures are
marked "training data" if you do). --split all and --split train score documents the tagger
learnt from, and the report says so on its first line (JSON: "split"); --doc-sentences
cannot be changed for a split of a file that comes whole, as the split would no longer be
the one the tagger kept out.

What is scored: names of people (PER), organisations (ORG) and places (LOC) — every mention
the full extractor finds, however it found it (tagger, lexicon name, surname coreference, …), except
nationality adjectives (العراقي, Iraqi) and role phrases (رئيس الوزراء), which gold files do not
mark as names. A mention covers every token it touches: الكاظمي inside والكاظمي marks the whole
token. MISC (nationalities, events, works) is left out of both sides unless --misc is given;
the extractor makes no mention of it (the tagger finds MISC names, but they are not actors),
so --misc only lowers recall.

Exact-span semantics (as conlleval, the CoNLL shared-task scorer): a predicted entity is
correct only if the gold has an entity of the same type with the same first and last token.
"مصطفى الكاظمي" predicted where the gold marks "رئيس الوزراء مصطفى الكاظمي" is both a false
positive and a false negative; so is the right span with the wrong type.

Reading the numbers: GOLD is how many entities the annotators marked, PREDICTED how many the
extractor found, CORRECT how many of those match exactly. PRECISION = CORRECT/PREDICTED (how
much of what is found is right), RECALL = CORRECT/GOLD (how much of what is there is found),
F1 their harmonic mean. MICRO sums the counts over the types. The error list shows the most
frequent misses (FN) and false finds (FP) by surface text: a boundary or type mismatch is
both, a lexicon entry that fires where annotators saw no name an FP.

   newsgraph eval ner --gold ../shared/gold/anercorp-dev/anercorp-dev.txt     # its dev split
   newsgraph eval ner --gold ../shared/gold/conll2003-en/valid.txt --errors 25
   newsgraph eval ner --gold gold.txt --lexicon extra.jsonl --format json

--by-method adds each extraction method's precision on its own (tagger, lexicon,
coreference, …; every mention it made, before overlapping ones are resolved): a hand rule is
kept only while its precision on development data is at least 0.8. With --format csv it
prints that table instead of the scores.

csv prints the scores only; table and json add the errors. JSON:
{"split": "dev", "micro": {"precision", "recall", "f1"}, "types": {"PER": {"precision", "recall", "f1", "gold",
"predicted", "correct"}, …}, "errors": [{"kind", "type", "surface", "count"}, …], and with
--by-method "methods": [{"method", "type", "predicted", "correct", "precision"}, …]}.

Exit status: 0 scored; 1 the gold or lexicon file could not be read (the message gives the
file and line); 2 the command line was wrong.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Aliases: []string{"g"}, Usage: "gold-annotated `FILE` in the CoNLL format (required)"},
			&cli.BoolFlag{Name: "misc", Usage: "also score MISC entities (the extractor finds none)"},
			&cli.IntFlag{Name: "doc-sentences", Value: nereval.DefaultDocSentences, Usage: "in a file without -DOCSTART- lines, read every `N` sentences as one article; 0 reads the whole file as one"},
			&cli.StringFlag{Name: "lexicon", Usage: "extra actor lexicon `FILE` (JSON lines); its entries win over the built-in ones with the same id"},
			&cli.StringFlag{Name: "split", Value: "auto", Usage: "score `PART` of the documents: auto (dev for a file without -DOCSTART- lines, else all), dev or train (of the fixed split of a file that comes whole: every tenth document is dev), or all; only dev and auto give development figures"},
			&cli.IntFlag{Name: "errors", Value: 10, Usage: "list the `N` most frequent errors; 0 lists none"},
			&cli.BoolFlag{Name: "by-method", Usage: "also give each extraction method's precision on its own (tagger, lexicon, coreference, …): how a hand rule is judged"},
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
				split:        c.String("split"),
				errors:       c.Int("errors"),
				byMethod:     c.Bool("by-method"),
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
			case opts.split != "auto" && opts.split != "all" && opts.split != "train" && opts.split != "dev":
				return usageErrorf("--split %q: want auto, dev, train or all", opts.split)
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
	Split   string                 `json:"split"` // dev, all or train, and whether it is training data
	Micro   nerMicroJSON           `json:"micro"`
	Types   map[string]nerTypeJSON `json:"types"`
	Errors  []nerErrorJSON         `json:"errors"`
	Methods []nerMethodJSON        `json:"methods,omitempty"` // with --by-method
}

type nerMethodJSON struct {
	Method    string  `json:"method"`
	Type      string  `json:"type"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
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
	split, training := opts.split, ""
	whole := !docs[0].Marked
	if split == "auto" {
		split = "all"
		if whole {
			split = "dev"
		}
	}
	if whole && split != "all" && opts.docSentences != nereval.DefaultDocSentences {
		return usageErrorf("--doc-sentences %d: the %s split of a file that comes whole is that of its documents of %d sentences, which the tagger was trained by",
			opts.docSentences, split, nereval.DefaultDocSentences)
	}
	switch train, dev := nereval.DevSplit(docs); {
	case !whole && split != "all":
		return usageErrorf("--split %s: %s marks its own documents (-DOCSTART-) and comes split; score its development file whole", split, opts.gold)
	case split == "train":
		docs, training = train, "training data: the tagger learnt from these documents"
	case split == "dev":
		docs = dev
	case whole:
		training = "includes training data: nine in ten documents are the tagger's"
	case strings.HasPrefix(strings.ToLower(filepath.Base(opts.gold)), "train"):
		training = "training data, by its name: the English tagger learnt from CoNLL-2003 train.txt"
	}
	if len(docs) == 0 {
		return fmt.Errorf("gold %s: no documents in the %s split", opts.gold, split)
	}
	splitNote := split
	if training != "" {
		splitNote += " (" + training + ")"
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	x := extract.NewExtractor(lex)
	corpus := nereval.Run(x, docs)
	rep := corpus.Evaluate(opts.types, opts.errors)
	var methods []nereval.MethodCount
	if opts.byMethod {
		methods = nereval.ByMethod(x, docs)
	}
	methodTable := func() *result {
		res := &result{columns: []column{
			{name: "method", title: "METHOD"},
			{name: "type", title: "TYPE"},
			{name: "predicted", title: "PREDICTED", number: true},
			{name: "correct", title: "CORRECT", number: true},
			{name: "precision", title: "PRECISION", number: true, digits: 4},
		}}
		for _, m := range methods {
			res.rows = append(res.rows, []any{m.Method, m.Type, m.Predicted, m.Correct, m.Precision()})
		}
		return res
	}

	switch opts.format {
	case formatJSON:
		out := nerScoresJSON{
			Split:  splitNote,
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
		for _, m := range methods {
			out.Methods = append(out.Methods, nerMethodJSON{m.Method, m.Type, m.Predicted, m.Correct, m.Precision()})
		}
		enc := json.NewEncoder(opts.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case formatCSV:
		if opts.byMethod {
			return methodTable().write(opts.stdout, formatCSV)
		}
		return nerScores(rep).write(opts.stdout, formatCSV)
	}
	fmt.Fprintf(opts.stdout, "gold: %s, split %s — %d tokens, %d sentences, %d documents; exact-span match (%.2fs)\n",
		opts.gold, splitNote, corpus.Tokens, corpus.Sentences, corpus.Documents, time.Since(began).Seconds())
	if err := nerScores(rep).write(opts.stdout, formatTable); err != nil {
		return err
	}
	if opts.byMethod {
		fmt.Fprintf(opts.stdout, "\nprecision of each extraction method on its own (every mention, before overlaps are resolved):\n")
		if err := methodTable().write(opts.stdout, formatTable); err != nil {
			return err
		}
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
