package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

type ingestOptions struct {
	globalOptions
	paths           []string
	lexicon         string // extra lexicon file, "" for the built-in one only
	batch           int
	maxArticleBytes int
	stdout, stderr  io.Writer
}

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "read articles into the graph",
		ArgsUsage: "PATH...",
		Description: `Reads news articles from files and folders (walked recursively), finds the actors
they mention and writes them to the store. Formats, by extension:

   .txt          one article: the title on line 1, the date on line 2 (e.g. 11-يوليو-2021;
                 optional), then the body
   .jsonl        one article a line: {"id", "source", "title", "date", "body", "url", "lang"}

Articles already in the store with the same content are skipped, so running ingest
again on a grown corpus only reads what changed. An article whose content changed
replaces its earlier version.

Broken input — an unreadable file, invalid UTF-8, a malformed JSON line — is reported
on stderr as FILE:LINE: REASON and skipped; everything else is ingested and the exit
status is 3 (partial). Exit status 0 means every article was read.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lexicon", Usage: "extra actor lexicon `FILE` (JSON lines); its entries win over the built-in ones with the same id"},
			&cli.IntFlag{Name: "batch", Value: 500, Usage: "articles written per transaction (500: measured best, see docs/neo4j.md)"},
			&cli.IntFlag{Name: "max-article-bytes", Value: ingest.DefaultMaxArticleBytes, Usage: "skip (and report) articles larger than this"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErrorf("ingest needs at least one PATH (a file or folder of articles)")
			}
			opts := ingestOptions{
				globalOptions:   globals(c),
				paths:           c.Args().Slice(),
				lexicon:         c.String("lexicon"),
				batch:           c.Int("batch"),
				maxArticleBytes: c.Int("max-article-bytes"),
				stdout:          c.App.Writer,
				stderr:          c.App.ErrWriter,
			}
			if opts.batch < 1 {
				return usageErrorf("--batch must be at least 1")
			}
			if opts.maxArticleBytes < 1 {
				return usageErrorf("--max-article-bytes must be at least 1")
			}
			return runIngest(c.Context, opts)
		},
	}
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	read, fresh, changed, unchanged int
	failed, warnings                int
}

func loadLexicon(path string) (*lexicon.Lexicon, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	if path == "" {
		return lex, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	extra, err := lexicon.Read(f, path)
	if err != nil {
		return nil, err
	}
	return lex.WithOverrides(extra)
}

func runIngest(ctx context.Context, opts ingestOptions) error {
	start := time.Now()
	lex, err := loadLexicon(opts.lexicon)
	if err != nil {
		return err
	}
	x := ingest.NewExtractor(lex)

	store, err := openStore(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	known, err := store.Fingerprints(ctx)
	if err != nil {
		return err
	}

	var st ingestStats
	var batch []graph.Document
	inBatch := make(map[string]int) // article ID → index in batch
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := store.Apply(ctx, batch); err != nil {
			return fmt.Errorf("write %d articles: %w", len(batch), err)
		}
		for _, d := range batch {
			known[d.Article.ID] = d.Article.Hash
		}
		batch = batch[:0]
		clear(inBatch)
		return nil
	}
	readOpts := ingest.ReadOptions{
		MaxArticleBytes: opts.maxArticleBytes,
		Problem: func(p ingest.Problem) {
			if p.Warning {
				st.warnings++
				fmt.Fprintln(opts.stderr, "warning:", p.Error())
				return
			}
			st.failed++
			fmt.Fprintln(opts.stderr, "skipped:", p.Error())
		},
	}
	err = ingest.Read(ctx, opts.paths, readOpts, func(a ingest.Article) error {
		st.read++
		hash := x.Hash(&a)
		if i, ok := inBatch[a.ID]; ok {
			// The same ID twice in one run: the later article wins, as it
			// would had they been ingested one run after the other.
			fmt.Fprintf(opts.stderr, "warning: %s: article ID %q seen again; the later version is kept\n", a.Origin, a.ID)
			st.warnings++
			batch[i] = x.Extract(&a)
			return nil
		}
		prev, exists := known[a.ID]
		switch {
		case exists && prev == hash:
			st.unchanged++
			return nil
		case exists:
			st.changed++
		default:
			st.fresh++
		}
		inBatch[a.ID] = len(batch)
		batch = append(batch, x.Extract(&a))
		if len(batch) >= opts.batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted after %d articles; what was written before is kept: %w", st.read, err)
		}
		return err
	}

	p, err := store.Projection(ctx, graph.Filter{})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.stdout, "articles: %d read — %d new, %d changed, %d unchanged; %d skipped\n",
		st.read, st.fresh, st.changed, st.unchanged, st.failed)
	fmt.Fprintf(opts.stdout, "graph:    %d entities, %d co-mention edges\n", len(p.Entities), len(p.Edges))
	fmt.Fprintf(opts.stdout, "time:     %.2fs\n", time.Since(start).Seconds())

	switch {
	case st.failed > 0 && st.read == 0:
		return fmt.Errorf("no article could be read (%d problems, reported above)", st.failed)
	case st.failed > 0:
		fmt.Fprintf(opts.stderr, "newsgraph: %d input(s) skipped, reported above; everything else was ingested\n", st.failed)
		return errPartial
	}
	return nil
}
