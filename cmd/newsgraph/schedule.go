package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/read"
)

type scheduleOptions struct {
	ingestOptions
	every       time.Duration    // run every this long, or
	cron        cron.Schedule    // at the times of this cron expression
	spec        string           // what was asked, for the log
	skipInitial bool             // wait for the first scheduled time
	maxRun      time.Duration    // stop a run still going after this long; 0: never
	now         func() time.Time // the clock; time.Now but in tests
}

func scheduleCommand() *cli.Command {
	return &cli.Command{
		Name:      "schedule",
		Usage:     "ingest the same inputs again and again: --every 1h or --cron '0 * * * *'",
		ArgsUsage: "PATH|URL ...",
		Description: `Runs ingest with the given inputs and flags at once, then every --every or at the times of
a --cron expression (five fields, or @hourly, @daily, @every 30m; a CRON_TZ=Area/City
prefix sets the time zone, else the local one), until SIGINT or SIGTERM. Runs never overlap:
one that overruns skips the slots it ran into (logged: "run overran its slot") and the next
starts at the next free slot. With --max-run a run still going after that long is stopped
— its last batch rolled back — and recorded as failed ("still running after --max-run"),
so that a stuck store or input cannot hold the schedule. Each run takes the store's lock
(waiting up to --lock-timeout; a busy store, such as one another schedule writes to, skips
the run), is recorded in the run history (newsgraph runs) and logged on stderr, one line
per event:

   time=2026-11-28T21:00:00.002Z level=INFO msg="run finished" run=20261128T210000Z-3fa9c1 status=ok read=3972 new=12 changed=1 unchanged=3959 removed=0 failed=0 seconds=1.9 check=passed

check= says how the run quick-checked the store before writing: passed, failed, skipped
(a store over 128 MiB whose last check passed within --check-every, default 24h; then
last_checked= says when), none (a Neo4j store) or "not finished" (the run ended first).

A signal stops the current run — its last batch is rolled back, everything before it is
kept — records it as interrupted, and exits with status 0. A failed run (store down,
broken input) is logged and the schedule goes on.

   newsgraph schedule --every 1h --prune /srv/corpus
   newsgraph --store bolt://neo4j:7687 schedule --cron "0 * * * *" https://example.org/rss.xml`,
		Flags: append([]cli.Flag{
			&cli.DurationFlag{Name: "every", Usage: "run every `DURATION` (e.g. 1h, 15m), starting now"},
			&cli.StringFlag{Name: "cron", Usage: "run at the times of cron `EXPRESSION` (minute hour day-of-month month day-of-week)"},
			&cli.BoolFlag{Name: "skip-initial", Usage: "do not run at start; wait for the first scheduled time"},
			&cli.DurationFlag{Name: "max-run", Usage: "stop a run still going after `DURATION` and record it as failed (default: no limit)"},
		}, ingestFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErrorf("schedule needs at least one PATH or URL to ingest")
			}
			io, err := parseIngestOptions(c)
			if err != nil {
				return err
			}
			opts := scheduleOptions{ingestOptions: io, every: c.Duration("every"), skipInitial: c.Bool("skip-initial"),
				maxRun: c.Duration("max-run"), now: time.Now}
			if opts.maxRun < 0 {
				return usageErrorf("--max-run must not be negative")
			}
			for _, p := range io.paths {
				if p == "-" {
					return usageErrorf("schedule cannot read standard input again and again; give paths or URLs")
				}
			}
			switch spec := c.String("cron"); {
			case opts.every != 0 && spec != "":
				return usageErrorf("--every and --cron exclude each other: give one")
			case spec != "":
				if opts.cron, err = cron.ParseStandard(spec); err != nil {
					return usageErrorf("--cron %q: %v", spec, err)
				}
				opts.spec = "cron " + spec
			case opts.every < time.Second:
				return usageErrorf("schedule needs --every DURATION (1s or more) or --cron EXPRESSION")
			default:
				opts.spec = "every " + opts.every.String()
			}
			if opts.dryRun {
				return usageErrorf("--dry-run previews one run: use it with ingest")
			}
			return runSchedule(c.Context, opts)
		},
	}
}

// next returns the first scheduled time after last (the previous run's
// start) that is not before now: slots missed while a run overran are
// skipped, never made up in a burst.
func (o scheduleOptions) next(last, now time.Time) time.Time {
	if o.cron != nil {
		return o.cron.Next(now)
	}
	t := last.Add(o.every)
	if t.Before(now) {
		t = t.Add(now.Sub(t).Truncate(o.every) + o.every)
	}
	return t
}

// missed returns how many scheduled times lie after last (the previous
// run's slot) and before now: the slots a run that overran ran into, which
// are skipped, not made up. It counts at most 1000.
func (o scheduleOptions) missed(last, now time.Time) int {
	if last.IsZero() {
		return 0
	}
	if o.cron == nil {
		if o.every <= 0 || now.Sub(last) < o.every {
			return 0
		}
		n := int(now.Sub(last) / o.every)
		if last.Add(time.Duration(n) * o.every).Equal(now) {
			n-- // that slot is now: it runs
		}
		return min(n, 1000)
	}
	n := 0
	for t := o.cron.Next(last); t.Before(now) && n < 1000; t = o.cron.Next(t) {
		n++
	}
	return n
}

func runSchedule(ctx context.Context, opts scheduleOptions) error {
	log := slog.New(slog.NewTextHandler(opts.stderr, nil))
	lex, err := loadLexicon(opts.lexicon)
	if err != nil {
		return err
	}
	x := extract.NewExtractor(lex) // once: its matcher is built by the first run that extracts
	opts.quiet = true              // no progress bar: this runs unattended
	opts.logProblem = func(p read.Problem) {
		if p.Warning {
			log.Warn("warning", "problem", graph.Redact(p.Error()))
		} else {
			log.Warn("skipped", "problem", graph.Redact(p.Error()))
		}
	}
	inputs := make([]string, len(opts.paths))
	for i, p := range opts.paths {
		inputs[i] = graph.Redact(p)
	}
	log.Info("schedule started", "schedule", opts.spec, "store", graph.Redact(opts.store), "inputs", strings.Join(inputs, " "),
		"prune", opts.prune, "version", appVersion())

	last := opts.now()
	if opts.skipInitial {
		last = time.Time{}
	}
	for first := !opts.skipInitial; ; first = false {
		if !first {
			now := opts.now()
			if n := opts.missed(last, now); n > 0 {
				log.Warn("run overran its slot", "skipped", n, "slot", last.Format(time.RFC3339))
			}
			at := opts.next(last, now)
			if last.IsZero() && opts.cron == nil {
				at = opts.now().Add(opts.every)
			}
			log.Info("next run", "at", at.Format(time.RFC3339))
			select {
			case <-ctx.Done():
				log.Info("schedule stopped", "reason", "signal")
				return nil
			case <-time.After(time.Until(at)):
			}
			last = at
		}
		scheduledRun(ctx, x, opts.ingestOptions, opts.maxRun, log)
		if ctx.Err() != nil {
			log.Info("schedule stopped", "reason", "signal")
			return nil
		}
	}
}

// errMaxRun is the cause of a run stopped by --max-run.
var errMaxRun = errors.New("still running after --max-run")

// scheduledRun runs one ingest and logs how it went. Nothing stops the
// schedule: a store that is down or busy now may be up or free next time.
// A run still going after maxRun (when positive) is stopped and recorded as
// failed, its cause errMaxRun.
func scheduledRun(ctx context.Context, x *extract.Extractor, opts ingestOptions, maxRun time.Duration, log *slog.Logger) {
	if maxRun > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, maxRun, fmt.Errorf("%w %v", errMaxRun, maxRun))
		defer cancel()
	}
	store, err := createStore(ctx, opts.globalOptions, func(path string) {
		log.Info("created store", "store", path)
	})
	if err != nil {
		log.Error("run failed", "err", err)
		return
	}
	defer store.Close()
	res, err := ingestOnce(ctx, store, x, opts, &progress{})
	st, rec := res.stats, res.run
	attrs := []any{"run", rec.ID, "status", rec.Status, "read", st.Read, "new", st.New, "changed", st.Changed,
		"unchanged", st.Unchanged, "removed", st.Removed, "conflicts", st.Conflicts, "failed", st.Skipped,
		"seconds", fmt.Sprintf("%.1f", st.Elapsed.Seconds()), "check", res.check.String()}
	if res.check.state == checkSkipped {
		attrs = append(attrs, "last_checked", res.check.last.UTC().Format(time.RFC3339Nano))
	}
	switch {
	case errors.Is(err, graph.ErrLocked):
		log.Warn("run skipped", "err", err)
	case errors.Is(err, context.Canceled):
		log.Info("run interrupted", append(attrs, "written", st.Written)...)
	case err != nil:
		log.Error("run failed", append(attrs, "err", err)...)
	default:
		log.Info("run finished", attrs...)
	}
}
