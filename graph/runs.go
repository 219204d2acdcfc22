package graph

import (
	"context"
	"errors"
	"time"
)

// The interfaces below are what scheduled re-ingests need of a store beyond
// Store: one writer at a time, a history of runs, and the input each article
// was read from. Both backends implement all three.

// Errors of the writer lock.
var (
	// ErrLocked: another writer held the store's lock for longer than the
	// caller was willing to wait.
	ErrLocked = errors.New("store busy: another ingest is writing to it")
	// ErrLockLost: the lock's lease ran out and another writer took it over,
	// so this one must stop writing.
	ErrLockLost = errors.New("store lock lost to another writer")
)

// DefaultLease is how long a lock that expires lasts unless renewed.
const DefaultLease = time.Minute

// LockOptions says who takes a store's writer lock and how long to wait.
type LockOptions struct {
	// Owner describes the holder for messages ("pid 42 on host, newsgraph
	// v1.2"); it is shown to whoever waits.
	Owner string
	// Timeout is how long to wait while another writer holds the lock;
	// zero fails at once.
	Timeout time.Duration
	// Lease is how long the lock outlives a holder that stops renewing it
	// (a crashed process), for stores whose lock is not released by the
	// operating system; zero means DefaultLease. The holder renews it
	// every Lease/3.
	Lease time.Duration
}

// Locker is a store with a writer lock: while one process holds it, no other
// locking process writes to the store, so two ingests never interleave.
type Locker interface {
	// Lock takes the lock, waiting up to opts.Timeout; when another writer
	// keeps it, the error wraps ErrLocked and names the holder. held is
	// derived from ctx and is cancelled, with cause ErrLockLost, should the
	// lock be lost; write under it. unlock releases the lock (and cancels
	// held); it is safe to call more than once.
	Lock(ctx context.Context, opts LockOptions) (held context.Context, unlock func() error, err error)
}

// Run statuses.
const (
	RunRunning     = "running"     // started, not finished (or crashed: see RunAbandoned)
	RunOK          = "ok"          // every input read, everything written
	RunPartial     = "partial"     // finished, but some input could not be read
	RunFailed      = "failed"      // stopped by an error
	RunInterrupted = "interrupted" // stopped by a signal after a clean rollback
	RunAbandoned   = "abandoned"   // still "running" when a later run started: its process died
)

// Run is one ingest, as the run history records it.
type Run struct {
	ID       string // unique, chosen by the caller; sorts by start time
	Started  time.Time
	Finished time.Time // zero while running
	Status   string    // one of the Run* statuses
	Inputs   []string  // the inputs as given on the command line
	Version  string    // of the newsgraph that ran it
	Owner    string    // who ran it: "pid 42 on host"
	// Counts, as in the ingest summary.
	Read, New, Changed, Unchanged, Removed, Failed int
	Errors                                         []string // the first problems and the error that stopped it, if any
}

// MaxRunErrors bounds the errors a run record keeps.
const MaxRunErrors = 20

// RunLog is a store that keeps a history of ingest runs.
type RunLog interface {
	// StartRun records r as running. Callers hold the writer lock, so any
	// run still recorded as running belongs to a process that died: it is
	// marked RunAbandoned.
	StartRun(ctx context.Context, r Run) error
	// FinishRun records r's end: Finished, Status, counts and errors.
	FinishRun(ctx context.Context, r Run) error
	// Runs returns the newest limit runs (all when limit <= 0), newest
	// first.
	Runs(ctx context.Context, limit int) ([]Run, error)
}

// RunProgressor is a RunLog that records a running run's counts as it goes,
// so that a run that dies (killed, its machine lost) still shows what it
// wrote once the next run marks it RunAbandoned.
type RunProgressor interface {
	// ProgressRun records r's counts so far (Read, New, Changed,
	// Unchanged, Failed); the status stays RunRunning. Callers call it
	// between write transactions, never inside one.
	ProgressRun(ctx context.Context, r Run) error
}

// InputLister is a store that records the input each article was read from
// (Article.Input).
type InputLister interface {
	// Inputs maps every stored article ID to its Input.
	Inputs(ctx context.Context) (map[string]string, error)
}

// ArticleIndexer is a store that lists in one read what an ingest compares
// the articles it reads with: for every stored article its ID, its Hash
// (Fingerprints), its Input (InputLister) and its text fingerprint
// (TextLister; "" when it has none). An ingest holds these for every stored
// article while it runs; read at once, the ID string is shared among them.
type ArticleIndexer interface {
	// ArticleIndex calls visit once for every stored article, in no
	// particular order; it stops at the first error of the read.
	ArticleIndex(ctx context.Context, visit func(id, hash, input, text string)) error
}

// TextLister is a store that records each article's text fingerprint
// (Article.Text), so that an ingest can tell that an article it reads under
// a new ID says what a stored one already says.
type TextLister interface {
	// Texts maps every stored article ID that has a text fingerprint to it;
	// articles stored without one are left out.
	Texts(ctx context.Context) (map[string]string, error)
}
