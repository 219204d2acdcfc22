package neo4j

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// Inputs implements graph.InputLister.
func (s *Store) Inputs(ctx context.Context) (map[string]string, error) {
	recs, err := s.read(ctx, "MATCH (a:Article) RETURN a.id AS id, coalesce(a.input, '') AS input", nil)
	if err != nil {
		return nil, fmt.Errorf("read article inputs: %w", err)
	}
	inputs := make(map[string]string, len(recs))
	for _, r := range recs {
		inputs[str(r, "id")] = str(r, "input")
	}
	return inputs, nil
}

// ArticleIndex implements graph.ArticleIndexer: one query whose records are
// visited as the server streams them, never collected, so that an ingest
// into a store of millions of articles does not hold them all at once (as
// Fingerprints, Inputs and Texts do). It runs in an auto-commit
// transaction, which the driver does not retry: a retry would visit some
// articles twice.
func (s *Store) ArticleIndex(ctx context.Context, visit func(id, hash, input, text string)) error {
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `MATCH (a:Article)
RETURN a.id AS id, coalesce(a.hash, '') AS hash, coalesce(a.input, '') AS input, coalesce(a.text, '') AS text`, nil)
	if err != nil {
		return fmt.Errorf("read stored articles: %w", err)
	}
	for res.Next(ctx) {
		r := res.Record()
		visit(str(r, "id"), str(r, "hash"), str(r, "input"), str(r, "text"))
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("read stored articles: %w", err)
	}
	return nil
}

// Texts implements graph.TextLister.
func (s *Store) Texts(ctx context.Context) (map[string]string, error) {
	recs, err := s.read(ctx, "MATCH (a:Article) WHERE a.text <> '' RETURN a.id AS id, a.text AS text", nil)
	if err != nil {
		return nil, fmt.Errorf("read article texts: %w", err)
	}
	texts := make(map[string]string, len(recs))
	for _, r := range recs {
		texts[str(r, "id")] = str(r, "text")
	}
	return texts, nil
}

// lockName names the one writer lock of a database.
const lockName = "ingest"

const (
	// qAcquire takes the lock when it is free, ours, or its lease has run
	// out. Writing a property first takes the node's write lock, so the
	// test below reads what the last holder committed and two writers can
	// never both see the lock free (a lost update otherwise: read
	// committed). Lease times are the server's clock, shared by all.
	qAcquire = `MERGE (l:IngestLock {name: $name})
SET l.claim = $token
REMOVE l.claim
WITH l, (l.token IS NULL OR l.token = $token OR l.expires < datetime()) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET l.token = $token, l.owner = $owner, l.acquired = datetime(),
      l.expires = datetime() + duration({milliseconds: $lease}))
RETURN free, l.owner AS owner, toString(l.expires) AS expires`
	qRenew = `MATCH (l:IngestLock {name: $name}) WHERE l.token = $token
SET l.expires = datetime() + duration({milliseconds: $lease})
RETURN count(l) AS held`
	qRelease = `MATCH (l:IngestLock {name: $name}) WHERE l.token = $token DELETE l`
)

// lockPoll is how often a waiting Lock tries again.
const lockPoll = 250 * time.Millisecond

// Lock implements graph.Locker with a (:IngestLock {name: "ingest"}) node
// holding the owner's random token and a lease that a goroutine renews
// every third of opts.Lease. A holder that dies stops renewing, and the
// next writer takes the lock over once the lease has run out. Should a
// renewal find the lock taken over (the holder was cut off for longer than
// the lease), held is cancelled with graph.ErrLockLost.
func (s *Store) Lock(ctx context.Context, opts graph.LockOptions) (context.Context, func() error, error) {
	lease := opts.Lease
	if lease <= 0 {
		lease = graph.DefaultLease
	}
	var b [16]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	params := map[string]any{"name": lockName, "token": token, "owner": opts.Owner, "lease": lease.Milliseconds()}
	deadline := time.Now().Add(opts.Timeout)
	for {
		var free bool
		var owner, expires string
		err := s.write(ctx, func(tx driver.ManagedTransaction) error {
			recs, err := run(ctx, tx, qAcquire, params)
			if err != nil || len(recs) != 1 {
				return err
			}
			v, _ := recs[0].Get("free")
			free, _ = v.(bool)
			owner, expires = str(recs[0], "owner"), str(recs[0], "expires")
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("store %s: lock: %w", s.where, err)
		}
		if free {
			break
		}
		if !time.Now().Before(deadline) {
			if owner == "" {
				owner = "another process"
			}
			return nil, nil, fmt.Errorf("store %s: %w (%s holds the IngestLock, its lease runs to %s unless renewed); waited %v",
				s.where, graph.ErrLocked, owner, expires, opts.Timeout)
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(min(lockPoll, time.Until(deadline))):
		}
	}

	held, cancel := context.WithCancelCause(ctx)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(lease / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			// Renew even when held is cancelled (by a signal): the run
			// is still rolling back or recording itself until unlock.
			rctx, rcancel := context.WithTimeout(context.Background(), lease/3)
			n, err := s.renew(rctx, params)
			rcancel()
			if err == nil && n == 0 {
				cancel(graph.ErrLockLost)
				return
			}
			// A failed renewal is tried again at the next tick; the
			// lease outlasts two of them.
		}
	}()
	unlock := sync.OnceValue(func() error {
		close(stop)
		wg.Wait()
		cancel(nil)
		ctx, c := context.WithTimeout(context.Background(), 30*time.Second)
		defer c()
		err := s.write(ctx, func(tx driver.ManagedTransaction) error {
			_, err := run(ctx, tx, qRelease, params)
			return err
		})
		if err != nil {
			return fmt.Errorf("store %s: unlock: %w", s.where, err)
		}
		return nil
	})
	return held, unlock, nil
}

func (s *Store) renew(ctx context.Context, params map[string]any) (int64, error) {
	var n int64
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, qRenew, params)
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return errors.New("renew lock: no result")
		}
		n = num(recs[0], "held")
		return nil
	})
	return n, err
}

// StartRun implements graph.RunLog with an (:IngestRun) node.
func (s *Store) StartRun(ctx context.Context, r graph.Run) error {
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		if _, err := run(ctx, tx, `MATCH (r:IngestRun {status: $running}) SET r.status = $abandoned`,
			map[string]any{"running": graph.RunRunning, "abandoned": graph.RunAbandoned}); err != nil {
			return err
		}
		_, err := run(ctx, tx, `CREATE (r:IngestRun {id: $id, started: $started, status: $status, inputs: $inputs,
  version: $version, owner: $owner, read: 0, new: 0, changed: 0, unchanged: 0, removed: 0, failed: 0, errors: []})`,
			map[string]any{"id": r.ID, "started": timeParam(r.Started), "status": graph.RunRunning, "inputs": nonNil(r.Inputs),
				"version": r.Version, "owner": r.Owner})
		return err
	})
	if err != nil {
		return fmt.Errorf("record run %s: %w", r.ID, err)
	}
	return nil
}

// FinishRun implements graph.RunLog.
func (s *Store) FinishRun(ctx context.Context, r graph.Run) error {
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		_, err := run(ctx, tx, `MATCH (r:IngestRun {id: $id})
SET r.finished = $finished, r.status = $status, r.read = $read, r.new = $new, r.changed = $changed,
    r.unchanged = $unchanged, r.removed = $removed, r.failed = $failed, r.errors = $errors`,
			map[string]any{"id": r.ID, "finished": timeParam(r.Finished), "status": r.Status,
				"read": int64(r.Read), "new": int64(r.New), "changed": int64(r.Changed), "unchanged": int64(r.Unchanged),
				"removed": int64(r.Removed), "failed": int64(r.Failed), "errors": nonNil(r.Errors)})
		return err
	})
	if err != nil {
		return fmt.Errorf("record the end of run %s: %w", r.ID, err)
	}
	return nil
}

// ProgressRun implements graph.RunProgressor.
func (s *Store) ProgressRun(ctx context.Context, r graph.Run) error {
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		_, err := run(ctx, tx, `MATCH (r:IngestRun {id: $id}) WHERE r.status = $running
SET r.read = $read, r.new = $new, r.changed = $changed, r.unchanged = $unchanged, r.failed = $failed`,
			map[string]any{"id": r.ID, "running": graph.RunRunning,
				"read": int64(r.Read), "new": int64(r.New), "changed": int64(r.Changed), "unchanged": int64(r.Unchanged),
				"failed": int64(r.Failed)})
		return err
	})
	if err != nil {
		return fmt.Errorf("record the progress of run %s: %w", r.ID, err)
	}
	return nil
}

// Runs implements graph.RunLog.
func (s *Store) Runs(ctx context.Context, limit int) ([]graph.Run, error) {
	var lim any
	if limit > 0 {
		lim = int64(limit)
	}
	recs, err := s.read(ctx, `MATCH (r:IngestRun)
RETURN r.id AS id, r.started AS started, r.finished AS finished, r.status AS status, r.inputs AS inputs,
       r.version AS version, r.owner AS owner, r.read AS read, r.new AS new, r.changed AS changed,
       r.unchanged AS unchanged, r.removed AS removed, r.failed AS failed, r.errors AS errors
ORDER BY r.started DESC, r.id DESC
LIMIT coalesce($limit, 9223372036854775807)`, map[string]any{"limit": lim})
	if err != nil {
		return nil, fmt.Errorf("read runs: %w", err)
	}
	runs := make([]graph.Run, 0, len(recs))
	for _, rec := range recs {
		runs = append(runs, graph.Run{
			ID: str(rec, "id"), Started: timeOf(rec, "started"), Finished: timeOf(rec, "finished"),
			Status: str(rec, "status"), Inputs: stringList(rec, "inputs"), Version: str(rec, "version"), Owner: str(rec, "owner"),
			Read: int(num(rec, "read")), New: int(num(rec, "new")), Changed: int(num(rec, "changed")),
			Unchanged: int(num(rec, "unchanged")), Removed: int(num(rec, "removed")), Failed: int(num(rec, "failed")),
			Errors: stringList(rec, "errors"),
		})
	}
	return runs, nil
}

// stringList returns a list-of-strings property, never nil.
func stringList(r *driver.Record, key string) []string {
	v, _ := r.Get(key)
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
