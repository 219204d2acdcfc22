package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

// Exit codes. They are part of the command-line interface: scripts and
// schedulers branch on them, so they never change meaning (see README.md).
const (
	exitOK        = 0 // everything asked for was done
	exitFailure   = 1 // nothing, or not everything, could be done: see the message
	exitUsage     = 2 // the command line was wrong
	exitPartial   = 3 // ingest finished but skipped broken input, reported on stderr
	exitNotFound  = 4 // a name matches no entity
	exitAmbiguous = 5 // a name matches several entities
	exitNoPath    = 6 // the entities are not connected
	exitBusy      = 7 // another ingest held the store's lock past --lock-timeout
)

// errUsage marks command-line mistakes.
var errUsage = errors.New("usage")

// errPartial marks a run that did its work but skipped some input.
var errPartial = errors.New("partial")

func usageErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

func onUsageError(c *cli.Context, err error, _ bool) error {
	return fmt.Errorf("%w: %v (see newsgraph %s --help)", errUsage, err, c.Command.FullName())
}

// exitCode maps an error from a command to the process exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, graph.ErrAmbiguous):
		return exitAmbiguous
	case errors.Is(err, graph.ErrNotFound):
		return exitNotFound
	case errors.Is(err, query.ErrNoPath):
		return exitNoPath
	case errors.Is(err, graph.ErrLocked):
		return exitBusy
	}
	return exitFailure
}
