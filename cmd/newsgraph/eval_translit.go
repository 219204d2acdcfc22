package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph/translit"
)

type evalTranslitOptions struct {
	model     string // model file, "" for the built-in one
	types     []string
	split     translit.Split
	threshold float64
	errors    int
	format    string
	stdout    io.Writer
}

func evalTranslitCommand() *cli.Command {
	return &cli.Command{
		Name:  "translit",
		Usage: "measure the Arabic–Latin transliteration model on the lexicon's dev split",
		Description: `Scores how well the transliteration model (package graph/translit) links an Arabic name
with its Latin-script spelling, on the entities of the built-in lexicon's dev split
(translit.SplitOf: a fifth of the entities, by a hash of their ID), which the model never
learnt from. No store is read.

Every Arabic name of a dev entity is scored against every Latin name of every dev entity
(people by default: --type person,location adds places): the right name competes with all the
others, as an unknown name in a corpus does. A pair scoring --threshold or more
(translit.Confident by default) is linked.

POSITIVES are the transliteration pairs: an Arabic and a Latin name of the same entity with as
many words (كريم حداد ↔ Karim Haddad; not جو بايدن ↔ Biden). LINKED pairs score the threshold or
more; CORRECT of them are names of one entity; FOUND are the positives among them. PRECISION =
CORRECT/LINKED, RECALL = FOUND/POSITIVES, F1 their harmonic mean. TOP-1 is the share of Arabic
names with a positive whose highest-scoring Latin name is their own entity's. Two entities
sharing a name count as a wrong link, so precision is a lower bound.

   newsgraph eval translit
   newsgraph eval translit --type person,location --errors 20
   newsgraph eval translit --model new.tsv --format json

JSON is the whole report: {"entities", "arabic_names", "latin_names", "pairs", "threshold",
"positives", "linked", "correct", "found", "ranked", "top1", "precision", "recall", "f1",
"top1_accuracy", "errors": [{"arabic", "latin", "score"}], "misses": [...]}.

Exit status: 0 measured; 1 the model file could not be read; 2 the command line was wrong.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "model", Usage: "model `FILE` (as train translit writes); default the built-in one"},
			&cli.StringSliceFlag{Name: "type", Value: cli.NewStringSlice("person"), Usage: "lexicon entity `TYPES` scored (person, location)"},
			&cli.StringFlag{Name: "split", Value: "dev", Usage: "score the `PART` of the entities: dev, or fit or calibration (training data: for comparison only)"},
			&cli.Float64Flag{Name: "threshold", Value: translit.Confident, Usage: "link pairs scoring `P` or more"},
			&cli.IntFlag{Name: "errors", Value: 10, Usage: "list the `N` highest wrong links and lowest missed positives"},
			formatFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "eval translit", ""); err != nil {
				return err
			}
			format, err := parseFormat(c)
			if err != nil {
				return err
			}
			opts := evalTranslitOptions{
				model:     c.String("model"),
				types:     c.StringSlice("type"),
				threshold: c.Float64("threshold"),
				errors:    c.Int("errors"),
				format:    format,
				stdout:    c.App.Writer,
			}
			switch c.String("split") {
			case "dev":
				opts.split = translit.Dev
			case "fit":
				opts.split = translit.Fit
			case "calibration":
				opts.split = translit.Calibration
			default:
				return usageErrorf("--split %q: want dev, fit or calibration", c.String("split"))
			}
			for _, t := range opts.types {
				if t != "person" && t != "location" && t != "organization" {
					return usageErrorf("--type %q: want person, location or organization", t)
				}
			}
			switch {
			case opts.threshold < 0 || opts.threshold > 1:
				return usageErrorf("--threshold must be in [0, 1]")
			case opts.errors < 0:
				return usageErrorf("--errors must not be negative")
			}
			return runEvalTranslit(c.Context, opts)
		},
	}
}

// translitReport is the JSON form of a translit.Report, with its ratios.
type translitReport struct {
	Split string `json:"split"`
	*translit.Report
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Top1Acc   float64 `json:"top1_accuracy"`
}

func runEvalTranslit(ctx context.Context, opts evalTranslitOptions) error {
	var m *translit.Model
	if opts.model == "" {
		m = translit.Default()
	} else {
		f, err := os.Open(opts.model)
		if err != nil {
			return fmt.Errorf("model: %w", err)
		}
		m, err = translit.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", opts.model, err)
		}
	}
	names, err := lexiconTranslitNames(opts.types)
	if err != nil {
		return err
	}
	rep := translit.Evaluate(m, opts.split.Of(names), opts.threshold)
	if err := ctx.Err(); err != nil {
		return err
	}
	rep.Errors = rep.Errors[:min(opts.errors, len(rep.Errors))]
	rep.Misses = rep.Misses[:min(opts.errors, len(rep.Misses))]
	if opts.format == formatJSON {
		enc := json.NewEncoder(opts.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(translitReport{opts.split.String(), rep, rep.Precision(), rep.Recall(), rep.F1(), rep.Top1Accuracy()})
	}
	res := &result{columns: []column{
		{name: "split", title: "SPLIT"},
		{name: "entities", title: "ENTITIES", number: true},
		{name: "pairs", title: "PAIRS", number: true},
		{name: "positives", title: "POSITIVES", number: true},
		{name: "linked", title: "LINKED", number: true},
		{name: "correct", title: "CORRECT", number: true},
		{name: "found", title: "FOUND", number: true},
		{name: "precision", title: "PRECISION", number: true, digits: 4},
		{name: "recall", title: "RECALL", number: true, digits: 4},
		{name: "f1", title: "F1", number: true, digits: 4},
		{name: "top1", title: "TOP-1", number: true, digits: 4},
	}}
	res.rows = append(res.rows, []any{opts.split.String(), rep.Entities, rep.Pairs, rep.Positives, rep.Linked, rep.Correct,
		rep.Found, rep.Precision(), rep.Recall(), rep.F1(), rep.Top1Accuracy()})
	if opts.format != formatTable {
		return res.write(opts.stdout, opts.format)
	}
	w := opts.stdout
	if err := res.write(w, formatTable); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nthreshold %.2f; %d Arabic × %d Latin names; top-1 %d of %d Arabic names with a positive\n",
		rep.Threshold, rep.Arabic, rep.Latin, rep.Top1, rep.Ranked)
	fmt.Fprintf(w, "blocking (graph/translit.Blocks, what clustering scores) keeps %d of the %d positives found\n",
		rep.Blocked, rep.Found)
	if len(rep.Errors) > 0 {
		fmt.Fprintf(w, "\nwrong links (highest first):\n")
		for _, l := range rep.Errors {
			fmt.Fprintf(w, "  %.3f  %s ↔ %s\n", l.Score, l.Arabic, l.Latin)
		}
	}
	if len(rep.Misses) > 0 {
		fmt.Fprintf(w, "\nmissed positives (lowest first):\n")
		for _, l := range rep.Misses {
			fmt.Fprintf(w, "  %.3f  %s ↔ %s\n", l.Score, l.Arabic, l.Latin)
		}
	}
	return nil
}
