//go:build unix

package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// lockPoll is how often a waiting Lock tries again.
const lockPoll = 100 * time.Millisecond

// Lock implements graph.Locker with an advisory lock (flock) on the file
// <store>.lock beside the store, held until unlock. The kernel releases it
// when the holder's process dies, however it dies, so a crash never leaves
// the store locked; opts.Lease does not apply. The file holds the owner's
// description while locked, for the message of whoever waits.
//
// The lock file is opened with O_NOFOLLOW and created with mode 0644: a lock
// path that is a symbolic link, or anything but a regular file, is refused
// with an error naming it, so whoever can write the store's folder cannot make
// an ingest (often run by a scheduler as another user) truncate the link's
// target.
func (s *Store) Lock(ctx context.Context, opts graph.LockOptions) (context.Context, func() error, error) {
	path := s.path + ".lock"
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, nil, fmt.Errorf("lock store: %s is a symbolic link; refusing to follow it (remove it if it is not yours)", path)
		}
		return nil, nil, fmt.Errorf("lock store: %w", err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("lock store: %w", err)
		}
		return nil, nil, fmt.Errorf("lock store: %s is not a regular file (%v); refusing to use it", path, fi.Mode().Type())
	}
	deadline := time.Now().Add(opts.Timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, nil, fmt.Errorf("lock store: %s: %w", path, err)
		}
		if !time.Now().Before(deadline) {
			holder, _ := io.ReadAll(io.LimitReader(f, 512))
			f.Close()
			return nil, nil, fmt.Errorf("store %s: %w (%s holds %s); waited %v", s.path, graph.ErrLocked,
				describe(string(holder)), path, opts.Timeout)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, nil, ctx.Err()
		case <-time.After(min(lockPoll, time.Until(deadline))):
		}
	}
	// Who holds it, for those who wait; the lock does not depend on it.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(opts.Owner+"\n"), 0)
	}
	held, cancel := context.WithCancelCause(ctx)
	unlock := sync.OnceValue(func() error {
		cancel(nil)
		f.Truncate(0)
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("unlock store: %w", err)
		}
		return nil
	})
	return held, unlock, nil
}

func describe(holder string) string {
	if h := strings.TrimSpace(holder); h != "" {
		return h
	}
	return "another process"
}
