package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
)

type runsOptions struct {
	globalOptions
	top    int
	format string
	view   view
	stdout io.Writer
}

func runsCommand() *cli.Command {
	return &cli.Command{
		Name:  "runs",
		Usage: "list the ingest runs the store recorded, newest first",
		Description: `Every ingest that writes to the store (by hand or under schedule) records a run: when it
started and finished, its status, its inputs, what it found — new, changed, unchanged,
removed (pruned) and failed (inputs or records that could not be read) — its first errors
and the newsgraph version. Statuses: ok, partial (some input skipped), failed, interrupted
(stopped by a signal after rolling back its last batch), running (SECONDS says for how
long so far: one far longer than the others is stuck; schedule --max-run stops such runs,
which are then failed, "still running after --max-run"), and abandoned (its process died:
a later run found it still running).

   newsgraph runs --top 5
   newsgraph runs --format json | jq '.[] | select(.status != "ok")'`,
		Flags:        append([]cli.Flag{topFlag("runs"), formatFlag()}, viewFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "runs", ""); err != nil {
				return err
			}
			top, err := parseTop(c)
			if err != nil {
				return err
			}
			format, err := parseFormat(c)
			if err != nil {
				return err
			}
			return runRuns(c.Context, runsOptions{globalOptions: globals(c), top: top, format: format, view: parseView(c), stdout: c.App.Writer})
		},
	}
}

func runRuns(ctx context.Context, opts runsOptions) error {
	store, err := openStore(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	rl, ok := store.(graph.RunLog)
	if !ok {
		return fmt.Errorf("store %s keeps no run history", graph.Redact(opts.store))
	}
	runs, err := rl.Runs(ctx, opts.top)
	if err != nil {
		return err
	}
	res := &result{columns: []column{
		{name: "id", title: "RUN", wide: true},
		{name: "started", title: "STARTED (UTC)"},
		{name: "finished", title: "FINISHED", wide: true},
		{name: "seconds", title: "SECONDS", number: true, digits: 1},
		{name: "status", title: "STATUS"},
		{name: "read", title: "READ", number: true},
		{name: "new", title: "NEW", number: true},
		{name: "changed", title: "CHANGED", number: true},
		{name: "unchanged", title: "UNCHANGED", number: true},
		{name: "removed", title: "REMOVED", number: true},
		{name: "failed", title: "FAILED", number: true},
		{name: "inputs", title: "INPUTS"},
		{name: "version", title: "VERSION"},
		{name: "owner", title: "BY", wide: true},
		{name: "errors", title: "ERRORS", wide: true},
	}}
	for _, r := range runs {
		finished, seconds := "", 0.0
		switch {
		case !r.Finished.IsZero():
			finished = r.Finished.UTC().Format(time.RFC3339)
			seconds = r.Finished.Sub(r.Started).Seconds()
		case r.Status == graph.RunRunning:
			// So far: a run going on far longer than the others is stuck.
			seconds = time.Since(r.Started).Seconds()
		}
		res.rows = append(res.rows, []any{r.ID, r.Started.UTC().Format(time.RFC3339), finished, seconds, r.Status,
			r.Read, r.New, r.Changed, r.Unchanged, r.Removed, r.Failed, list(r.Inputs), r.Version, r.Owner, list(r.Errors)})
	}
	res.view = opts.view
	return res.write(opts.stdout, opts.format)
}

// list is never nil, so that JSON says [] rather than null.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
