package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph/translit"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// translitTrainTypes are the lexicon entry types the transliteration model
// learns from: people's and places' names are spelt across scripts;
// organisations' are mostly translated ("Ministry of Defence", وزارة الدفاع).
var translitTrainTypes = []string{"person", "location"}

// translitProvenance is the PROVENANCE line of the model file: what it was
// learnt from, with the attribution the converted lexicon files carry.
const translitProvenance = `learnt by "newsgraph train translit" from the names of people and places in newsgraph's
actor lexicon (ingest/lexicon/data: newsgraph's own curation, and names converted from the PETRARCH2/Phoenix
actor dictionaries, MIT License, Copyright (c) 2014 Open Event Data, and the UniversalPetrarch Arabic actor
dictionary, MIT License, Copyright (c) 2016 Open Event Data Alliance); fit and calibration splits only
(translit.SplitOf), never the dev split`

type trainTranslitOptions struct {
	iterations int
	minPMI     float64
	minCount   float64
	prune      float64
	out        string
	stdout     io.Writer
}

func trainTranslitCommand() *cli.Command {
	return &cli.Command{
		Name:  "translit",
		Usage: "train the Arabic–Latin transliteration model from the built-in lexicon",
		Description: `Learns the model of package graph/translit, which scores whether an Arabic name and a
Latin-script name are spellings of each other (كريم حداد ↔ Karim Haddad), from the names of
people and places in the actor lexicon built into newsgraph.

Each entity falls in a split fixed by its ID (translit.SplitOf): fit (70%), calibration (10%)
and dev (20%). The Arabic and Latin names of a fit entity with as many words are paired word
by word; a memoryless stochastic transducer (Ristad and Yianilos 1998) learns by EM the
probability of each edit operation — an Arabic letter or none written as up to three Latin
letters or none — in two rounds, the word pairs the first round finds unrelated (translations
such as King ↔ الملك) left out of the second. A logistic calibration of the transducer's
scores is then fitted on every pairing of the calibration entities' names (own entity:
positive, any other: negative). Dev entities are never read: "eval translit" scores them.

The same lexicon and flags give the same file, byte for byte.

   newsgraph train translit --out graph/translit/model.tsv

Exit status: 0 trained and written; 1 the file could not be written; 2 the command line was
wrong.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "iterations", Value: 25, Usage: "`N` iterations of EM in each of the two rounds"},
			&cli.Float64Flag{Name: "min-pmi", Value: 0.25, Usage: "drop fit word pairs scoring under `NATS` of pointwise mutual information per letter after the first round"},
			&cli.Float64Flag{Name: "min-count", Value: 1, Usage: "in the second round, drop operations of expected count under `N`"},
			&cli.Float64Flag{Name: "prune", Value: 1e-5, Usage: "leave out of the file operations of probability under `P`"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "model `FILE` to write (required)"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "train translit", ""); err != nil {
				return err
			}
			opts := trainTranslitOptions{
				iterations: c.Int("iterations"),
				minPMI:     c.Float64("min-pmi"),
				minCount:   c.Float64("min-count"),
				prune:      c.Float64("prune"),
				out:        c.String("out"),
				stdout:     c.App.Writer,
			}
			switch {
			case opts.out == "":
				return usageErrorf("train translit needs --out FILE, where the model goes")
			case opts.iterations < 1:
				return usageErrorf("--iterations must be at least 1")
			case opts.prune < 0 || opts.prune >= 1:
				return usageErrorf("--prune must be in [0, 1)")
			}
			return runTrainTranslit(c.Context, opts)
		},
	}
}

func runTrainTranslit(ctx context.Context, opts trainTranslitOptions) error {
	began := time.Now()
	names, err := lexiconTranslitNames(translitTrainTypes)
	if err != nil {
		return err
	}
	fit, cal := translit.Fit.Of(names), translit.Calibration.Of(names)
	fmt.Fprintf(opts.stdout, "entities with names in both scripts: %d fit, %d calibration (%d dev, not read)\n",
		len(fit), len(cal), len(translit.Dev.Of(names)))
	m, err := translit.Train(fit, cal, translit.TrainOptions{
		Iterations: opts.iterations,
		MinPMI:     opts.minPMI,
		MinCount:   opts.minCount,
		Logf:       func(f string, a ...any) { fmt.Fprintf(opts.stdout, f+"\n", a...) },
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m.Prune(opts.prune)
	m.SetProvenance(translitProvenance)
	var buf bytes.Buffer
	header := []string{
		"newsgraph Arabic–Latin transliteration model (graph/translit): generated, do not edit.",
		fmt.Sprintf("newsgraph train translit --iterations %d --min-pmi %g --min-count %g --prune %g --out FILE",
			opts.iterations, opts.minPMI, opts.minCount, opts.prune),
	}
	if err := m.Write(&buf, header); err != nil {
		return err
	}
	if err := os.WriteFile(opts.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	fmt.Fprintf(opts.stdout, "model %s: %d bytes; %.1fs\n", opts.out, buf.Len(), time.Since(began).Seconds())
	return nil
}

// lexiconTranslitNames returns the names of the built-in lexicon's entries
// of the given types that have names in both scripts: canonical names,
// aliases and weak aliases (generic names are left out: they name a kind
// of body, not the entity).
func lexiconTranslitNames(types []string) ([]translit.Names, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	var out []translit.Names
	for _, e := range lex.Entries() {
		if !slices.Contains(types, e.Type) {
			continue
		}
		all := append([]string{e.Name, e.NameAr}, e.Aliases...)
		all = append(all, e.Weak...)
		all = slices.DeleteFunc(all, func(n string) bool { return slices.Contains(e.Generic, n) })
		ar, lat := translit.ScriptNames(all...)
		if len(ar) > 0 && len(lat) > 0 {
			out = append(out, translit.Names{ID: e.ID, Arabic: ar, Latin: lat})
		}
	}
	return out, nil
}
