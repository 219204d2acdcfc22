package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/ingest/extract/brown"
)

type trainClustersOptions struct {
	jsonl, conll, csv, text []string
	csvColumns              []string
	clusters                int
	minCount                int
	out                     string
	stderr                  io.Writer // progress and the summary line
}

func trainClustersCommand() *cli.Command {
	return &cli.Command{
		Name:  "clusters",
		Usage: "learn Brown word clusters from unlabeled text",
		Description: `Learns Brown clusters (Brown et al. 1992, windowed as in Liang 2005) from unlabeled text
and writes them as a paths file: a line per word, "BITS<TAB>WORD<TAB>COUNT", BITS the word's
path in a binary tree of clusters. Words that occur in the same contexts get paths with a long
common prefix, so a tagger can use prefixes of 4, 6, 10 … bits as features that generalise from
the names it was trained on to names it never saw.

Words are those the tagger sees: norm.Tokens of the text, each folded (Arabic letter variants
unified, diacritics dropped, Latin lower-cased). A bigram never spans two sentences.

Inputs, each flag repeatable:
   --jsonl FILE   JSON lines; the title, body, text and content fields of each record
   --conll FILE   CoNLL tokens: first column, blank lines and -DOCSTART- end sentences
   --csv FILE     CSV with a header; the --csv-column columns (Windows-1252 if not UTF-8)
   --text FILE    plain text

   newsgraph train clusters --jsonl ../shared/corpora/ar-news-2022/articles.jsonl \
       --jsonl ../shared/corpora/ar-newspapers-2012/articles.jsonl --out ar.paths
   newsgraph train clusters --conll ../shared/gold/conll2003-en/train.txt \
       --csv ../shared/corpora/en-fakes-syria/fakes.csv --clusters 256 --min-count 3 --out en.paths

Time grows with the vocabulary times the square of --clusters: every word that passes
--min-count costs one step of O(clusters²), less for rare words. On one core 256 clusters over
the 62,844 Arabic words seen 5 times in ../shared/corpora take about six minutes. The output is written to FILE.tmp and renamed, so a reader never sees half a
file. The same inputs and flags give the same file, byte for byte.

Exit status: 0 written; 1 an input could not be read or the output written; 2 the command
line was wrong.`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "jsonl", Usage: "JSON-lines articles `FILE`"},
			&cli.StringSliceFlag{Name: "conll", Usage: "CoNLL token `FILE`"},
			&cli.StringSliceFlag{Name: "csv", Usage: "CSV `FILE` with a header row"},
			&cli.StringSliceFlag{Name: "csv-column", Usage: "CSV column `NAME` to read (default: title, body, text, content, article_title, article_content)"},
			&cli.StringSliceFlag{Name: "text", Usage: "plain UTF-8 text `FILE`"},
			&cli.IntFlag{Name: "clusters", Aliases: []string{"c"}, Value: 256, Usage: "number of clusters `C` (leaves of the tree)"},
			&cli.IntFlag{Name: "min-count", Value: 5, Usage: "cluster only words seen at least `N` times"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "paths `FILE` to write (required)"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("train clusters takes no arguments, got %q (inputs go after --jsonl, --conll, --csv or --text)", c.Args().First())
			}
			opts := trainClustersOptions{
				jsonl:      c.StringSlice("jsonl"),
				conll:      c.StringSlice("conll"),
				csv:        c.StringSlice("csv"),
				text:       c.StringSlice("text"),
				csvColumns: c.StringSlice("csv-column"),
				clusters:   c.Int("clusters"),
				minCount:   c.Int("min-count"),
				out:        c.String("out"),
				stderr:     c.App.ErrWriter,
			}
			switch {
			case opts.out == "":
				return usageErrorf("train clusters needs --out FILE")
			case len(opts.jsonl)+len(opts.conll)+len(opts.csv)+len(opts.text) == 0:
				return usageErrorf("train clusters needs at least one input: --jsonl, --conll, --csv or --text")
			case opts.clusters < 1:
				return usageErrorf("--clusters must be at least 1")
			case opts.minCount < 1:
				return usageErrorf("--min-count must be at least 1")
			}
			return runTrainClusters(c.Context, opts)
		},
	}
}

func runTrainClusters(ctx context.Context, opts trainClustersOptions) error {
	began := time.Now()
	counter := brown.NewCounter()
	read := func(files []string, add func(io.Reader) error) error {
		for _, name := range files {
			f, err := os.Open(name)
			if err != nil {
				return fmt.Errorf("input: %w", err)
			}
			err = add(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	}
	if err := read(opts.jsonl, counter.AddJSONL); err != nil {
		return err
	}
	if err := read(opts.conll, counter.AddCoNLL); err != nil {
		return err
	}
	if err := read(opts.csv, func(r io.Reader) error { return counter.AddCSV(r, opts.csvColumns) }); err != nil {
		return err
	}
	if err := read(opts.text, counter.AddPlain); err != nil {
		return err
	}
	fmt.Fprintf(opts.stderr, "read %d tokens, %d distinct words in %s\n",
		counter.Tokens(), counter.Types(), time.Since(began).Round(time.Millisecond))
	last := time.Now()
	paths, err := brown.Cluster(ctx, counter, brown.Options{
		Clusters: opts.clusters,
		MinCount: opts.minCount,
		Progress: func(done, total int) {
			if time.Since(last) >= 10*time.Second || done == total {
				last = time.Now()
				fmt.Fprintf(opts.stderr, "clustered %d/%d words, %s\n", done, total, time.Since(began).Round(time.Second))
			}
		},
	})
	if err != nil {
		return err
	}
	if err := writePathsFile(opts.out, paths); err != nil {
		return err
	}
	fmt.Fprintf(opts.stderr, "wrote %d words in %d clusters to %s in %s\n",
		len(paths), countClusters(paths), opts.out, time.Since(began).Round(time.Second))
	return nil
}

func countClusters(paths []brown.Path) int {
	n := 0
	for i, p := range paths {
		if i == 0 || p.Bits != paths[i-1].Bits {
			n++
		}
	}
	return n
}

// writePathsFile writes paths to name.tmp and renames it to name.
func writePathsFile(name string, paths []brown.Path) error {
	if dir := filepath.Dir(name); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	tmp := name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := brown.Write(f, paths); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("output %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("output %s: %w", name, err)
	}
	if err := os.Rename(tmp, name); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
