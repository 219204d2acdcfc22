package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/ingest/extract/tagger"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/nereval"
)

func trainCommand() *cli.Command {
	return &cli.Command{
		Name:  "train",
		Usage: "build the statistical models newsgraph ships",
		Description: `Trains the models embedded in newsgraph from gold-annotated text. Nothing is stored but
the model file written.

   newsgraph train ner --lang ar --gold ../shared/gold/anercorp-dev/anercorp-dev.txt \
       --gazetteers ../shared/gold/anercorp-dev/gazetteers --out ingest/extract/tagger/model/ar.model.gz
   newsgraph train ner --lang en --gold ../shared/gold/conll2003-en/train.txt \
       --dev ../shared/gold/conll2003-en/valid.txt --out ingest/extract/tagger/model/en.model.gz
   newsgraph train clusters --jsonl ../shared/corpora/ar-news-2022/articles.jsonl \
       --jsonl ../shared/corpora/ar-newspapers-2012/articles.jsonl --clusters 256 --min-count 5 --out ar.paths

   newsgraph train translit --out graph/translit/model.tsv

The word clusters (train clusters) are features of the tagger (train ner --clusters). The
transliteration model (train translit) learns from the built-in lexicon alone.`,
		Subcommands:  []*cli.Command{trainNERCommand(), trainClustersCommand(), trainTranslitCommand()},
		OnUsageError: onUsageError,
	}
}

type trainNEROptions struct {
	lang       string
	gold       string
	dev        string // "" for the fixed split of gold (nereval.DevSplit)
	gazetteers string // directory of ANERcorp gazetteers, "" for none
	clusters   string // Brown clusters file, "" for none
	minCluster int    // words seen fewer times in the clusters' corpus are left out
	epochs     int
	seed       uint64
	minCount   int
	ensemble   int
	errors     int
	out        string
	stdout     io.Writer
}

func trainNERCommand() *cli.Command {
	return &cli.Command{
		Name:  "ner",
		Usage: "train the named-entity tagger for one language",
		Description: `Trains the statistical named-entity tagger (package ingest/extract/tagger): an averaged
structured perceptron over IOB2 tags of PER, ORG, LOC and MISC, decoded with Viterbi. The
gold file is in the CoNLL format, as eval ner reads it.

Development data: with --dev, that file (CoNLL-2003: valid.txt); without, the fixed
development split of the gold file — every tenth document, cut as eval ner cuts it
(nereval.DevSplit; "eval ner --split dev" scores the same documents). The tagger never
trains on development data. After each pass (--epochs of them) the averaged model is
scored on it (F1 over PER, ORG, LOC and MISC, and F1-3 over the first three); the pass with the best micro F1 over the four types is the model written,
so --epochs is the most passes tried. Scores are exact-span (conlleval) at the tagger level:
the tags of each gold sentence as the model assigns them.

Features come from the words themselves and from what the model carries: the actor
lexicon built into newsgraph (always), the ANERcorp gazetteers (--gazetteers DIR, which
holds AlignedPersGazetteer.txt, AlignedOrgGazetteer.txt, AlignedLocGazetteer.txt) and
Brown word clusters (--clusters FILE, lines "BITS<TAB>WORD<TAB>COUNT", words folded). All
of it is baked into the model file; nothing outside it is read when tagging.

The same data, flags and --seed give the same model file, byte for byte.

   newsgraph train ner --lang ar --gold ../shared/gold/anercorp-dev/anercorp-dev.txt \
       --gazetteers ../shared/gold/anercorp-dev/gazetteers --clusters ar.paths \
       --out ingest/extract/tagger/model/ar.model.gz
   newsgraph train ner --lang en --gold ../shared/gold/conll2003-en/train.txt \
       --dev ../shared/gold/conll2003-en/valid.txt --clusters en.paths --epochs 20 \
       --out ingest/extract/tagger/model/en.model.gz

Exit status: 0 trained and written; 1 a file could not be read or written; 2 the command
line was wrong.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Usage: "language `CODE` of the model: ar or en (required)"},
			&cli.StringFlag{Name: "gold", Aliases: []string{"g"}, Usage: "gold-annotated training `FILE` in the CoNLL format (required)"},
			&cli.StringFlag{Name: "dev", Usage: "development `FILE`; without it, the fixed development split of --gold"},
			&cli.StringFlag{Name: "gazetteers", Usage: "`DIR` of ANERcorp gazetteers (Aligned{Pers,Org,Loc}Gazetteer.txt)"},
			&cli.StringFlag{Name: "clusters", Usage: "Brown clusters `FILE`: BITS<TAB>WORD<TAB>COUNT lines"},
			&cli.IntFlag{Name: "min-cluster-count", Value: 1, Usage: "leave out clustered words seen fewer than `N` times"},
			&cli.IntFlag{Name: "epochs", Value: 15, Usage: "at most `N` passes over the training data"},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "`SEED` of the order of sentences in each pass"},
			&cli.IntFlag{Name: "ensemble", Value: 1, Usage: "train `N` perceptrons, each visiting the sentences in its own order, and average them"},
			&cli.IntFlag{Name: "min-count", Value: 1, Usage: "drop features seen in fewer than `N` training words"},
			&cli.IntFlag{Name: "errors", Value: 0, Usage: "list the `N` most frequent errors of the model written on development data"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "model `FILE` to write (required)"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("train ner takes no arguments, got %q", c.Args().First())
			}
			opts := trainNEROptions{
				lang:       c.String("lang"),
				gold:       c.String("gold"),
				dev:        c.String("dev"),
				gazetteers: c.String("gazetteers"),
				clusters:   c.String("clusters"),
				minCluster: c.Int("min-cluster-count"),
				epochs:     c.Int("epochs"),
				seed:       c.Uint64("seed"),
				minCount:   c.Int("min-count"),
				errors:     c.Int("errors"),
				ensemble:   c.Int("ensemble"),
				out:        c.String("out"),
				stdout:     c.App.Writer,
			}
			switch {
			case opts.lang != "ar" && opts.lang != "en":
				return usageErrorf("train ner needs --lang ar or --lang en")
			case opts.gold == "":
				return usageErrorf("train ner needs --gold FILE, a CoNLL-format gold file")
			case opts.out == "":
				return usageErrorf("train ner needs --out FILE, where the model goes")
			case opts.epochs < 1:
				return usageErrorf("--epochs must be at least 1")
			case opts.ensemble < 1:
				return usageErrorf("--ensemble must be at least 1")
			}
			return runTrainNER(c.Context, opts)
		},
	}
}

func runTrainNER(ctx context.Context, opts trainNEROptions) error {
	began := time.Now()
	docs, err := readGold(opts.gold)
	if err != nil {
		return err
	}
	train, dev := nereval.DevSplit(docs)
	if opts.dev != "" {
		train = docs
		if dev, err = readGold(opts.dev); err != nil {
			return err
		}
	}
	lex, err := lexicon.Default()
	if err != nil {
		return fmt.Errorf("built-in lexicon: %w", err)
	}
	names := tagger.LexiconNames(lex)
	if opts.gazetteers != "" {
		g, err := readGazetteers(opts.gazetteers)
		if err != nil {
			return err
		}
		names = append(names, g...)
	}
	var clusters map[string]string
	if opts.clusters != "" {
		if clusters, err = readClusters(opts.clusters, opts.minCluster); err != nil {
			return err
		}
	}
	sents := sentences(train)
	devSents := sentences(dev)
	fmt.Fprintf(opts.stdout, "train: %d sentences, %d tokens; dev: %d sentences, %d tokens; %d gazetteer names; %d clustered words\n",
		len(sents), tokens(sents), len(devSents), tokens(devSents), len(names), len(clusters))

	four := []string{nereval.PER, nereval.ORG, nereval.LOC, nereval.MISC}
	var best *tagger.Model
	var bestRep nereval.Report
	bestEpoch := 0
	fmt.Fprintf(opts.stdout, "%5s  %9s  %6s  %6s  %6s  %7s\n", "EPOCH", "PRECISION", "RECALL", "F1", "F1-3", "SECONDS")
	_, err = tagger.Train(sents, tagger.TrainOptions{
		Lang: opts.lang, Epochs: opts.epochs, Seed: opts.seed, MinCount: opts.minCount, Ensemble: opts.ensemble,
		Gazetteers: names, Clusters: clusters,
		OnEpoch: func(epoch int, m *tagger.Model) {
			rep := scoreTagger(m, devSents, four)
			three := scoreTagger(m, devSents, nil)
			fmt.Fprintf(opts.stdout, "%5d  %9.4f  %6.4f  %6.4f  %6.4f  %7.1f\n", epoch, rep.Micro.Precision(), rep.Micro.Recall(),
				rep.Micro.F1(), three.Micro.F1(), time.Since(began).Seconds())
			if best == nil || rep.Micro.F1() > bestRep.Micro.F1() {
				best, bestRep, bestEpoch = m, rep, epoch
			}
		},
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := best.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(opts.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	fmt.Fprintf(opts.stdout, "\nbest pass %d of %d; model %s: %d bytes; %.1fs on %d CPUs\n",
		bestEpoch, opts.epochs, opts.out, buf.Len(), time.Since(began).Seconds(), runtime.NumCPU())
	tw := tabwriter.NewWriter(opts.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "TYPE\tGOLD\tPREDICTED\tCORRECT\tPRECISION\tRECALL\tF1\t")
	row := func(name string, c nereval.Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t\n", name, c.Gold, c.Predicted, c.Correct, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range four {
		row(t, bestRep.PerType[t])
	}
	row("MICRO", bestRep.Micro)
	row("MICRO-3", scoreTagger(best, devSents, nil).Micro)
	if err := tw.Flush(); err != nil || opts.errors == 0 {
		return err
	}
	text := make([][]string, len(devSents))
	gold := make([][]nereval.Span, len(devSents))
	pred := make([][]nereval.Span, len(devSents))
	for i, s := range devSents {
		text[i], gold[i], pred[i] = s.Words, nereval.Spans(s.Tags), nereval.Spans(best.Tag(s.Words))
	}
	fmt.Fprintf(opts.stdout, "\nmost frequent errors on development data (FP: found, not in the gold; FN: in the gold, not found):\n")
	for _, e := range nereval.Errors(text, gold, pred, four, opts.errors) {
		fmt.Fprintf(opts.stdout, "%s %-4s %3d  %s\n", e.Kind, e.Type, e.Count, e.Surface)
	}
	return nil
}

// scoreTagger scores m's tags of gold sentences on types (nil:
// nereval.DefaultTypes).
func scoreTagger(m *tagger.Model, sents []tagger.Sentence, types []string) nereval.Report {
	gold := make([][]nereval.Span, len(sents))
	pred := make([][]nereval.Span, len(sents))
	for i, s := range sents {
		gold[i] = nereval.Spans(s.Tags)
		pred[i] = nereval.Spans(m.Tag(s.Words))
	}
	return nereval.Score(gold, pred, types)
}

func readGold(path string) ([]nereval.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	docs, err := nereval.ReadCoNLLWith(f, path, nereval.Options{DocSentences: nereval.DefaultDocSentences})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("gold %s: no tokens", path)
	}
	return docs, nil
}

func sentences(docs []nereval.Document) []tagger.Sentence {
	var out []tagger.Sentence
	for _, d := range docs {
		for _, s := range d.Sentences {
			out = append(out, tagger.Sentence{Words: s.Tokens, Tags: s.Tags})
		}
	}
	return out
}

func tokens(sents []tagger.Sentence) int {
	n := 0
	for _, s := range sents {
		n += len(s.Words)
	}
	return n
}

// readGazetteers reads the ANERcorp gazetteers of dir: a name a line.
func readGazetteers(dir string) ([]tagger.GazetteerName, error) {
	var out []tagger.GazetteerName
	for file, class := range map[string]tagger.Class{
		"AlignedPersGazetteer.txt": tagger.AnerPER,
		"AlignedOrgGazetteer.txt":  tagger.AnerORG,
		"AlignedLocGazetteer.txt":  tagger.AnerLOC,
	} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
			if line == "" || strings.Trim(line, "=") == "" {
				continue
			}
			out = append(out, tagger.GazetteerName{Class: class, Name: line})
		}
	}
	return out, nil
}

// readClusters reads Brown clusters: "BITS<TAB>WORD<TAB>COUNT" lines, as
// wcluster (Liang 2005) writes them.
func readClusters(path string, minCount int) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer f.Close()
	out := make(map[string]string)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			return nil, fmt.Errorf("clusters %s line %d: want BITS<TAB>WORD<TAB>COUNT", path, n)
		}
		if len(fields) >= 3 {
			var c int
			if _, err := fmt.Sscan(fields[2], &c); err == nil && c < minCount {
				continue
			}
		}
		out[fields[1]] = fields[0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters %s: %w", path, err)
	}
	return out, nil
}
