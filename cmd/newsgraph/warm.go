package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
)

// warmed are the commands ingest --warm runs, with their default options:
// those whose answers are computed over the whole graph and cached per
// write generation (cached).
var warmed = [][]string{{"stats"}, {"query", "centrality"}, {"query", "communities"}}

// warmQueries runs the warmed commands on g's store through the command
// line itself, output discarded, so that what they cache is keyed by
// exactly the options the same commands typed by a user parse to. It says
// on stderr how long each took, unless quiet.
func warmQueries(ctx context.Context, g globalOptions, stderr io.Writer, quiet bool) error {
	args := []string{"newsgraph", "--store", g.store, "--neo4j-user", g.neo4jUser, "--neo4j-database", g.neo4jDatabase}
	if g.neo4jPassword != "" {
		args = append(args, "--neo4j-password", g.neo4jPassword) // in-process: no ps shows it
	}
	if g.noCluster {
		args = append(args, "--no-cluster")
	}
	for _, cmd := range warmed {
		start := time.Now()
		if err := newApp(io.Discard, io.Discard).RunContext(ctx, append(append([]string{}, args...), cmd...)); err != nil {
			return fmt.Errorf("%s: %w", strings.Join(cmd, " "), err)
		}
		if !quiet {
			fmt.Fprintf(stderr, "warmed: %s (%.1fs)\n", strings.Join(cmd, " "), time.Since(start).Seconds())
		}
	}
	return nil
}
