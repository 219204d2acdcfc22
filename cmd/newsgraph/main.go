// Command newsgraph builds a knowledge graph of the actors in a news corpus
// and answers questions about it. See README.md, or run newsgraph --help.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	app := newApp(os.Stdout, os.Stderr)
	args, err := interspersed(app, os.Args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	stop()
	code := exitCode(err)
	if err != nil && code != exitPartial {
		fmt.Fprintln(os.Stderr, "newsgraph:", printableError(err))
	}
	os.Exit(code)
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	store         string
	neo4jUser     string
	neo4jPassword string // never printed
	neo4jDatabase string
	// noCluster reads the store's nodes as stored, without merging the
	// clusters of graph/cluster.
	noCluster bool
}

func globals(c *cli.Context) globalOptions {
	store := c.String("store")
	if uri := os.Getenv("NEO4J_URI"); uri != "" && !c.IsSet("store") {
		store = uri // as make neo4j-up exports it, and Neo4j's own tools read it
	}
	return globalOptions{
		store:         store,
		neo4jUser:     c.String("neo4j-user"),
		neo4jPassword: c.String("neo4j-password"),
		neo4jDatabase: c.String("neo4j-database"),
		noCluster:     c.Bool("no-cluster"),
	}
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "newsgraph",
		Usage:   "build a knowledge graph of the actors in news articles, and query it",
		Version: appVersion(),
		Description: `newsgraph reads news articles (Arabic and English), finds the people, organisations
and places they mention, and stores who is mentioned with whom in a graph: an embedded
SQLite file by default, or a Neo4j server (--store neo4j://host:7687). Query commands rank actors by centrality and trace co-mention
paths between them, with the articles behind each link.

   newsgraph ingest testdata/
   newsgraph query centrality --top 10
   newsgraph query path Kadhimi Raisi
   newsgraph stats
   newsgraph export --format gexf actors.gexf`,
		Writer:    stdout,
		ErrWriter: stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "store",
				Aliases: []string{"s"},
				Usage: "where the graph lives: the `PATH|URI` of an embedded SQLite file (ingest creates it; other commands want it to exist) or of a Neo4j server (neo4j://, neo4j+s://, bolt://). " +
					"Taken from --store, else $NEWSGRAPH_STORE, else $NEO4J_URI (as Neo4j's tools read it), else newsgraph.db",
				EnvVars: []string{"NEWSGRAPH_STORE"},
				Value:   "newsgraph.db",
			},
			&cli.IntFlag{Name: "width", EnvVars: []string{"COLUMNS"}, DefaultText: "the terminal's",
				Usage: "fit tables to `N` columns (a terminal's width is found by itself; a pipe has no limit)"},
			&cli.StringFlag{Name: "neo4j-user", Usage: "Neo4j user `NAME`", EnvVars: []string{"NEO4J_USERNAME"}, Value: "neo4j"},
			&cli.StringFlag{Name: "neo4j-password", Usage: "Neo4j password (prefer the environment variable: flags show in ps)", EnvVars: []string{"NEO4J_PASSWORD"}, DefaultText: "unset"},
			&cli.BoolFlag{Name: "no-cluster", EnvVars: []string{"NEWSGRAPH_NO_CLUSTER"},
				Usage: "read the nodes as stored: do not merge the made IDs of one actor across articles (graph/cluster; docs/eval.md, Clustering across articles)"},
			&cli.StringFlag{Name: "neo4j-database", Usage: "Neo4j database `NAME`", EnvVars: []string{"NEO4J_DATABASE"}, Value: "neo4j"},
			// For developers measuring a command (docs/query-performance.md):
			// go tool pprof bin/newsgraph FILE.
			&cli.StringFlag{Name: "cpu-profile", Hidden: true, EnvVars: []string{"NEWSGRAPH_CPU_PROFILE"},
				Usage: "write a CPU profile of the command to `FILE`"},
		},
		Commands: []*cli.Command{
			ingestCommand(),
			scheduleCommand(),
			runsCommand(),
			queryCommand(),
			statsCommand(),
			checkCommand(),
			exportCommand(),
			evalCommand(),
			trainCommand(),
			completionCommand(),
		},
		EnableBashCompletion: true,
		Before: func(c *cli.Context) error {
			if c.Int("width") < 0 {
				return usageErrorf("--width must not be negative")
			}
			c.App.Writer = newTerminal(stdout, c.Int("width"))
			return startProfile(c.String("cpu-profile"))
		},
		After: func(*cli.Context) error {
			stopProfile()
			return nil
		},
		OnUsageError:   onUsageError,
		ExitErrHandler: func(*cli.Context, error) {}, // main maps errors to exit codes
	}
}
