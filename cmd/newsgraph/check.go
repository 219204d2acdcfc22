package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
)

type checkOptions struct {
	globalOptions
	repair bool // recompute what the store derives from its facts when that is what is wrong
	stdout io.Writer
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "check the store's integrity: SQLite's integrity check or Neo4j's constraints, and newsgraph's own invariants",
		Description: `Reads the whole store and says whether it is sound: for SQLite, PRAGMA
integrity_check (pages, indexes, free lists), then newsgraph's own rules (every
mention, alias and relation names a stored entity and article, ...); for Neo4j, the
uniqueness constraints of the schema, then the same kind of rules (every entity is
mentioned, every CO_MENTIONED count agrees with the MENTIONS behind it, ...). Every
other command refuses an SQLite store that fails its quick check. Prints "ok" and
exits 0 for a sound store; lists the problems and exits 1 otherwise. A corrupted store
can give wrong answers without an error: check it after a disk fault, a copy or a
crash you doubt, and restore it from a backup or ingest again if it fails.

Both stores also keep co-mention aggregates (per-entity and per-pair counts and dates)
that every write updates and queries read; check recounts them from the mentions.
--repair recomputes them when they are wrong, and checks again (it cannot repair the
facts themselves). A Neo4j store written by a newsgraph older than the aggregates
answers from its mentions, as before, until check --repair computes them.

   newsgraph --store graph.db check
   newsgraph --store graph.db check --repair`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "repair", Usage: "when the check fails, recompute the store's derived aggregates from its facts and check again"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "check", ""); err != nil {
				return err
			}
			return runCheck(c.Context, checkOptions{globalOptions: globals(c), repair: c.Bool("repair"), stdout: c.App.Writer})
		},
	}
}

// errCheckFailed is returned by runCheck for a store with problems.
var errCheckFailed = errors.New("store failed its integrity check")

func runCheck(ctx context.Context, opts checkOptions) error {
	open := openStoreUnchecked
	if opts.repair {
		open = openStoreForRepair // a repair writes
	}
	store, err := open(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	c, ok := store.(graph.Checker)
	if !ok {
		return fmt.Errorf("store %s: this backend has no integrity check", graph.Redact(opts.store))
	}
	started := time.Now()
	problems, err := c.Check(ctx)
	if err != nil {
		return fmt.Errorf("check store %s: %w", graph.Redact(opts.store), err)
	}
	if r, ok := store.(graph.Repairer); ok && opts.repair && len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(opts.stdout, "%s\n", printable(p))
		}
		fmt.Fprintf(opts.stdout, "repairing: recomputing the aggregates from the facts\n")
		if err := r.Repair(ctx); err != nil {
			return fmt.Errorf("repair store %s: %w", graph.Redact(opts.store), err)
		}
		if problems, err = c.Check(ctx); err != nil {
			return fmt.Errorf("check store %s: %w", graph.Redact(opts.store), err)
		}
	}
	if len(problems) == 0 {
		// integrity_check includes the quick check: the next writer need
		// not run it again within --check-every. Kept where the file can be
		// written, as queries keep their caches.
		if cr, ok := store.(graph.CheckRecorder); ok {
			_ = cr.RecordChecked(ctx, started)
		}
		fmt.Fprintf(opts.stdout, "store %s: ok\n", printable(graph.Redact(opts.store)))
		return nil
	}
	// The next writer checks again, whenever the last check passed.
	if cr, ok := store.(graph.CheckRecorder); ok {
		_ = cr.RecordChecked(ctx, time.Time{})
	}
	for _, p := range problems {
		fmt.Fprintf(opts.stdout, "%s\n", printable(p))
	}
	return fmt.Errorf("store %s: %w: %d problems (listed above); restore it from a backup or ingest again", graph.Redact(opts.store), errCheckFailed, len(problems))
}
