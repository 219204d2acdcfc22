package main

import (
	"errors"
	"fmt"
	"strings"

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

// errNoStore marks a --store path where no store exists, for every command
// but ingest, which creates it.
var errNoStore = errors.New("no store")

// onUsageError turns cli's complaint about the flags into a usage error
// naming the command, with the flags an unknown one most likely meant.
func onUsageError(c *cli.Context, err error, _ bool) error {
	path := c.App.Name
	flags := c.App.Flags
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		path = c.Command.HelpName
		flags = append(append([]cli.Flag{}, c.Command.Flags...), c.App.Flags...)
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		// interspersed catches these first; this is the fallback
		return unknownFlag(path, strings.TrimLeft(name, "-"), flags, nil, true)
	}
	return fmt.Errorf("%w: %s (see %s --help)", errUsage, msg, path)
}

// dashed writes a flag name as it is typed: -n, --top.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// exitCode maps an error from a command to the process exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	case errors.Is(err, errUsage), errors.Is(err, errNoStore):
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
