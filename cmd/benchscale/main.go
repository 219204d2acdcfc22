// Command benchscale is the scale benchmark of issue 16: it makes synthetic
// corpora of the sizes asked for from ../shared/corpora/ar-news-2022
// (ingest/synth), ingests each into a fresh SQLite store (and Neo4j with
// -neo4j), re-ingests it unchanged, runs every query command cold and warm,
// and reports wall time and peak RSS per command and size in DIR/results.md
// (see ingest/synth/scalebench). make bench-scale runs it.
//
//	go run ./cmd/benchscale -sizes 10000,100000 -out /tmp/scale [-neo4j bolt://localhost:7687]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/newsgraph/newsgraph/ingest/synth/scalebench"
)

type options struct {
	scalebench.Options
	generateOnly bool
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == scalebench.ChildArg {
		os.Exit(scalebench.Child(os.Args[2:]))
	}
	var opts options
	var sizes, corpora string
	flag.StringVar(&sizes, "sizes", "10000,100000", "corpus `SIZES` in articles, comma-separated")
	flag.StringVar(&opts.Dir, "out", "", "`DIR` for corpora (kept and reused), stores and results.md (required)")
	flag.Uint64Var(&opts.Seed, "seed", 1, "`SEED` of the synthetic corpora")
	flag.StringVar(&opts.Bin, "bin", "", "newsgraph `BINARY` to measure (default: build ./cmd/newsgraph into DIR)")
	flag.StringVar(&corpora, "corpus", scalebench.DefaultCorpus, "source corpus `INPUTS`, comma-separated, as newsgraph ingest takes them (the default is relative: run from the repository root)")
	flag.StringVar(&opts.Neo4jURI, "neo4j", "", "also measure the Neo4j server at `URI` (credentials from NEO4J_USERNAME, NEO4J_PASSWORD); its database is EMPTIED first")
	flag.StringVar(&opts.ActorA, "a", "", "first actor `NAME` of path, neighbors, entity, relations and timeline (default: the person ranked first by query centrality)")
	flag.StringVar(&opts.ActorB, "b", "", "second actor `NAME`, of path (default: the person ranked second)")
	flag.DurationVar(&opts.Timeout, "timeout", 0, "stop any one newsgraph command after `DURATION` (0: never)")
	flag.BoolVar(&opts.generateOnly, "generate", false, "only make the corpora")
	flag.Parse()
	if flag.NArg() > 0 || opts.Dir == "" {
		fmt.Fprintln(os.Stderr, "usage: benchscale -out DIR [-sizes 10000,100000] [flags]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "benchscale: -sizes: %q is no positive number\n", s)
			os.Exit(2)
		}
		opts.Sizes = append(opts.Sizes, n)
	}
	opts.Corpora = strings.Split(corpora, ",")
	opts.Log = os.Stderr

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runBenchscale(ctx, opts); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		os.Exit(1)
	}
}

func runBenchscale(ctx context.Context, opts options) error {
	if opts.generateOnly {
		paths, err := scalebench.Generate(ctx, opts.Options)
		for _, p := range paths {
			fmt.Println(p)
		}
		return err
	}
	res, err := scalebench.Run(ctx, opts.Options)
	if res != nil {
		scalebench.Markdown(os.Stdout, res)
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted; what was measured is in %s/results.md: %w", opts.Dir, err)
	}
	return err
}
