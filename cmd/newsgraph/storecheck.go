package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// defaultCheckEvery is --check-every's default: a store too large to
// quick-check cheaply is checked in full by the first writing run of a day.
const defaultCheckEvery = 24 * time.Hour

// checkReport says how a writing run checked its store before writing.
// The check's function (writerCheck) fills it in; ingest.Run waits for that
// function before it returns, so it is read once the run is over.
type checkReport struct {
	state checkState
	last  time.Time     // when the check last passed, if skipped
	every time.Duration // --check-every
}

type checkState int

const (
	checkNone    checkState = iota // the store has no quick check
	checkPending                   // due, and the run ended before it did
	checkPassed
	checkFailed
	checkSkipped // it passed at last, within every
)

// String is the summary's and the schedule log's word for it.
func (r checkReport) String() string {
	return [...]string{"none", "not finished", "passed", "failed", "skipped"}[r.state]
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
func writerCheck(ctx context.Context, store graph.Store, location string, every time.Duration, record bool) (func(context.Context) error, *checkReport) {
	rep := &checkReport{every: every}
	if _, ok := store.(graph.QuickChecker); !ok {
		return func(context.Context) error { return nil }, rep
	}
	rep.state = checkPending
	check := func(ctx context.Context) error {
		if err := checkStore(ctx, store); err != nil {
			if errors.Is(err, graph.ErrCorrupt) {
				rep.state = checkFailed
			}
			return err
		}
		rep.state = checkPassed
		return nil
	}
	cr, ok := store.(graph.CheckRecorder)
	if !ok {
		return check, rep
	}
	// A record that cannot be read (a damaged page) is no record: the
	// check runs and says what is wrong.
	last, err := cr.LastChecked(ctx)
	if err != nil {
		last = time.Time{}
	}
	size := int64(-1)
	if fi, err := os.Stat(location); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	now := time.Now()
	if !checkDue(size, last, now, every) {
		rep.state, rep.last = checkSkipped, last
		return func(context.Context) error { return nil }, rep
	}
	return func(ctx context.Context) error {
		if err := check(ctx); err != nil {
			if errors.Is(err, graph.ErrCorrupt) && record && !last.IsZero() && size > quickCheckQueryBytes {
				// An earlier pass on record (--check-every 0 ran this
				// one) would let the next run skip the check of a store
				// now known to be damaged: the one write to it.
				fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
				defer cancel()
				_ = cr.RecordChecked(fctx, time.Time{})
			}
			return err
		}
		if record {
			return cr.RecordChecked(ctx, now)
		}
		return nil
	}, rep
}

// forgetCheck makes the next writing run check store, after a run that
// failed with err: the failure may be damage the check would find, or
// damage the check passed and a write then met. Failures that say nothing
// of the store — an interrupt, a lock lost, --max-run, the index's
// temporary files — keep the record, and so does a store that failed its
// check, which is left as it was (writerCheck sees to its record). Best
// effort: a store that cannot be written keeps it.
func forgetCheck(ctx context.Context, store graph.Store, err error) {
	if err == nil || errors.Is(err, graph.ErrCorrupt) || errors.Is(err, context.Canceled) || errors.Is(err, graph.ErrLockLost) ||
		errors.Is(err, errMaxRun) || errors.Is(err, ingest.ErrIndexFile) || errors.Is(err, graph.ErrLocked) {
		return
	}
	if cr, ok := store.(graph.CheckRecorder); ok {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = cr.RecordChecked(fctx, time.Time{})
	}
}

// describe is the summary's line for a skipped check, "" otherwise.
func (r checkReport) describe(now time.Time) string {
	if r.state != checkSkipped {
		return ""
	}
	return fmt.Sprintf("skipped: the store passed its quick check %v ago, and a store over %d MiB is checked once every --check-every %v (newsgraph check checks it now)",
		now.Sub(r.last).Round(time.Second), quickCheckQueryBytes>>20, r.every)
}
