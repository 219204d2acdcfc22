package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
)

// interspersed moves flags that follow positional arguments in front of them,
// so "query path Kadhimi Raisi --format json" means what it says: urfave/cli
// v2 stops reading flags at the first argument. A flag's value stays with
// it; "--" ends flags as usual.
func interspersed(app *cli.App, args []string) []string {
	if len(args) == 0 {
		return args
	}
	out := []string{args[0]}
	var flags, positional []string
	commands := app.Commands
	cmdFlags := app.Flags
	flush := func() {
		out = append(out, flags...)
		out = append(out, positional...)
		flags, positional = nil, nil
	}
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			flags = append(flags, args[i:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmdFlags, strings.TrimLeft(a, "-")) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			if sub := findCommand(commands, a); sub != nil && len(positional) == 0 {
				flags = append(flags, a)
				flush()
				commands, cmdFlags = sub.Subcommands, sub.Flags
				continue
			}
			positional = append(positional, a)
		}
	}
	flush()
	return out
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// takesValue reports whether the flag called name expects a value: every flag
// of ours does but the boolean ones (and --help, --version).
func takesValue(flags []cli.Flag, name string) bool {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false // unknown flags (--help, typos) are left for cli to judge
}

// noArgs refuses the arguments of a command that takes none; what says what
// the command takes instead, "" for nothing.
func noArgs(c *cli.Context, command, what string) error {
	if c.NArg() > 0 {
		return usageErrorf("%s takes no arguments, got %q%s", command, c.Args().First(), what)
	}
	return nil
}

// nameArg returns the one NAME argument of a command about one entity.
func nameArg(c *cli.Context, command string) (string, error) {
	if c.NArg() != 1 {
		return "", usageErrorf("%s needs one NAME; got %d argument(s) (quote a name with spaces)", command, c.NArg())
	}
	return c.Args().First(), nil
}

// parseRankedQuery reads the flags of a query that lists the top entities
// or groups of a projection: filterFlags, --format and --top.
func parseRankedQuery(c *cli.Context) (queryOptions, int, error) {
	q, err := parseQueryOptions(c)
	if err != nil {
		return q, 0, err
	}
	top, err := parseTop(c)
	return q, top, err
}

// parseArticleQuery reads articleFlags and --format, for the commands that
// count articles rather than walk a projection.
func parseArticleQuery(c *cli.Context) (graph.Filter, string, error) {
	f, err := parseArticleFilter(c)
	if err != nil {
		return f, "", err
	}
	format, err := parseFormat(c.String("format"))
	return f, format, err
}
