//go:build !unix

package sqlite

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
)

// Lock implements graph.Locker where there is no flock: it fails with
// errors.ErrUnsupported, and callers go on without a lock.
func (s *Store) Lock(ctx context.Context, opts graph.LockOptions) (context.Context, func() error, error) {
	return nil, nil, fmt.Errorf("lock store %s: %w", s.path, errors.ErrUnsupported)
}
