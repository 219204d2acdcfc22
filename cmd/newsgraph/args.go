package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
)

// completionFlag is the hidden flag urfave/cli's completion scripts append
// to the words typed so far (see completion.go).
const completionFlag = "--generate-bash-completion"

// interspersed moves flags that follow positional arguments in front of them,
// so "query path Kadhimi Raisi --format json" means what it says: urfave/cli
// v2 stops reading flags at the first argument. Global flags given after the
// command ("query centrality --store g.db") move in front of the command,
// where cli reads them, unless the command has a flag of that name. A flag's
// value stays with it; "--" ends flags as usual.
//
// It also checks the command words: where a command has subcommands and no
// action of its own (the app, query, eval), a word that names none of them
// is a usage error suggesting the closest. A completion request is left as
// it is, for cli to answer.
func interspersed(app *cli.App, args []string) ([]string, error) {
	if len(args) == 0 || args[len(args)-1] == completionFlag {
		return args, nil
	}
	var global []string // global flags found after the command
	out := []string{args[0]}
	var flags, positional []string
	commands := app.Commands
	cmdFlags := app.Flags
	atTop := true
	path := app.Name
	needCommand := app.Action == nil
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
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			dst := &flags
			fl := cmdFlags
			switch {
			case findFlag(cmdFlags, name) != nil, builtinFlag(name):
			case !atTop && findFlag(app.Flags, name) != nil:
				dst, fl = &global, app.Flags
			default:
				return nil, unknownFlag(path, name, cmdFlags, app.Flags, atTop)
			}
			*dst = append(*dst, a)
			if !hasValue && takesValue(fl, name) && i+1 < len(args) {
				i++
				*dst = append(*dst, args[i])
			}
		default:
			if len(positional) == 0 && needCommand {
				sub := findCommand(commands, a)
				if sub == nil && a != "help" && a != "h" {
					return nil, unknownCommand(path, a, commands)
				}
				if sub == nil && len(helpPath(commands, args[i+1:])) > 1 {
					// help query path: cli's help command reads one word
					// only, and would show query's help; ask path itself.
					words := helpPath(commands, args[i+1:])
					out = append(append(append(out, flags...), words...), "--help")
					return out, nil
				}
				if sub == nil { // help TOPIC: cli answers, if there is one
					if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && findCommand(commands, args[i+1]) == nil {
						return nil, unknownCommand(path, args[i+1], commands)
					}
					positional = append(positional, args[i:]...)
					i = len(args)
					continue
				}
				flags = append(flags, a)
				flush()
				commands, cmdFlags = sub.Subcommands, sub.Flags
				atTop, path = false, path+" "+sub.Name
				needCommand = len(sub.Subcommands) > 0 && sub.Action == nil
				continue
			}
			positional = append(positional, a)
		}
	}
	flush()
	if len(global) > 0 {
		out = append(append([]string{out[0]}, global...), out[1:]...)
	}
	return out, nil
}

// helpPath is the longest run of words at the start of args that names a
// command and its subcommands, from commands down: [query path] of "query
// path --format".
func helpPath(commands []*cli.Command, args []string) []string {
	var words []string
	for _, a := range args {
		c := findCommand(commands, a)
		if c == nil {
			break
		}
		words = append(words, a)
		commands = c.Subcommands
	}
	return words
}

// unknownCommand is the usage error for a word that names no command of
// path, with the closest names.
func unknownCommand(path, word string, commands []*cli.Command) error {
	var names []string
	for _, c := range commands {
		if !c.Hidden {
			names = append(names, c.Names()...)
		}
	}
	msg := fmt.Sprintf("unknown command %q", word)
	if sug := closest(word, names); len(sug) > 0 {
		msg += "; did you mean " + strings.Join(sug, " or ") + "?"
	}
	return usageErrorf("%s (see %s --help)", msg, path)
}

// unknownFlag is the usage error for a flag that neither the command of
// path nor (below the top) the app has, with the closest names.
func unknownFlag(path, name string, flags, global []cli.Flag, atTop bool) error {
	var names []string
	for _, f := range flags {
		names = append(names, f.Names()...)
	}
	if !atTop {
		for _, f := range global {
			names = append(names, f.Names()...)
		}
	}
	msg := "unknown flag " + dashed(name)
	if sug := closest(name, names); len(sug) > 0 {
		for i := range sug {
			sug[i] = dashed(sug[i])
		}
		msg += "; did you mean " + strings.Join(sug, " or ") + "?"
	}
	return usageErrorf("%s (see %s --help)", msg, path)
}

// builtinFlag reports whether name is a flag cli adds itself.
func builtinFlag(name string) bool {
	switch name {
	case "help", "h", "version", "v":
		return true
	}
	return false
}

func findFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
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
	f := findFlag(flags, name)
	if f == nil {
		return false // unknown flags (--help, typos) are left for cli to judge
	}
	_, isBool := f.(*cli.BoolFlag)
	return !isBool
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
	format, err := parseFormat(c)
	return f, format, err
}
