package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// defaultCheckEvery is --check-every's default: a store too large to
// quick-check cheaply is checked in full by the first writing run of a day.
const defaultCheckEvery = 24 * time.Hour

// checkReport says how a writing run checked its store before writing.
type checkReport struct {
	checker bool          // the store has a quick check (graph.QuickChecker)
	skipped bool          // it was not run: it passed at last, within every
	last    time.Time     // when it last passed, if skipped
	every   time.Duration // --check-every
}

// String is the summary's word for it: passed, skipped or none.
func (r checkReport) String() string {
	switch {
	case r.skipped:
		return "skipped"
	case r.checker:
		return "passed"
	}
	return "none"
}

// checkDue tells whether a writing run quick-checks a store whose file
// holds size bytes (negative when unknown) and whose check last passed at
// last (zero when never recorded), at now, given --check-every. A store up
// to quickCheckQueryBytes costs a few tenths of a second to check and is
// checked every run; a larger one when its last check is every or more
// ago, or is dated after now (a clock set back, a store copied from a
// machine ahead). every ≤ 0 checks every run.
func checkDue(size int64, last, now time.Time, every time.Duration) bool {
	switch {
	case every <= 0, size < 0, size <= quickCheckQueryBytes, last.IsZero(), last.After(now):
		return true
	}
	return now.Sub(last) >= every
}

// writerCheck is the check of a writing run (ingest, schedule), made before
// its first write: it returns the function that ingest.Options.Check runs
// and the report it fills in. The quick check runs unless checkDue says the
// store passed it recently enough; a check that passes is recorded in the
// store (graph.CheckRecorder) when record is true (not for a dry run, which
// writes nothing). The time of the last check is read here, before the run
// reads the store's articles through its one connection.
func writerCheck(ctx context.Context, store graph.Store, location string, every time.Duration, record bool) (func(context.Context) error, *checkReport, error) {
	rep := &checkReport{every: every}
	_, rep.checker = store.(graph.QuickChecker)
	cr, ok := store.(graph.CheckRecorder)
	if !ok {
		return func(ctx context.Context) error { return checkStore(ctx, store) }, rep, nil
	}
	last, err := cr.LastChecked(ctx)
	if err != nil {
		if errors.Is(err, graph.ErrCorrupt) {
			return nil, rep, fmt.Errorf("%w; newsgraph check lists its problems: restore the store from a backup or ingest again into a new one", err)
		}
		return nil, rep, err
	}
	size := int64(-1)
	if fi, err := os.Stat(location); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	now := time.Now()
	if !checkDue(size, last, now, every) {
		rep.skipped, rep.last = true, last
		return func(context.Context) error { return nil }, rep, nil
	}
	return func(ctx context.Context) error {
		if err := checkStore(ctx, store); err != nil {
			return err
		}
		if record {
			return cr.RecordChecked(ctx, now)
		}
		return nil
	}, rep, nil
}

// forgetCheck makes the next writing run check store: called when a run
// that skipped the check failed, as the failure may be damage the check
// would have found. Best effort: a store that cannot be written is checked
// anyway once its record can be read no more.
func forgetCheck(ctx context.Context, store graph.Store) {
	if cr, ok := store.(graph.CheckRecorder); ok {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = cr.RecordChecked(fctx, time.Time{})
	}
}

// describe is the summary's line for a skipped check, "" otherwise.
func (r checkReport) describe(now time.Time) string {
	if !r.skipped {
		return ""
	}
	return fmt.Sprintf("skipped: the store passed its quick check %v ago, and a store over %d MiB is checked once every --check-every %v (newsgraph check checks it now)",
		now.Sub(r.last).Round(time.Second), quickCheckQueryBytes>>20, r.every)
}
