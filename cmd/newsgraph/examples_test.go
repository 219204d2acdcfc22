package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// examples returns the command lines the help texts of app and its
// commands show — lines of their Description or UsageText that begin, once
// indented, with "newsgraph " — continued lines joined, by the text they
// came from.
func examples(app *cli.App) map[string][]string {
	out := map[string][]string{}
	add := func(where, text string) {
		lines := strings.Split(text, "\n")
		for i := 0; i < len(lines); i++ {
			line := strings.TrimSpace(lines[i])
			if !strings.HasPrefix(line, "newsgraph ") || lines[i] == line { // examples are indented
				continue
			}
			for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
				i++
				line = strings.TrimSuffix(line, `\`) + " " + strings.TrimSpace(lines[i])
			}
			out[where] = append(out[where], strings.TrimSuffix(line, "`,"))
		}
	}
	add("newsgraph", app.Description)
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := path + " " + c.Name
			add(p, c.Description)
			add(p, c.UsageText)
			walk(p, c.Subcommands)
		}
	}
	walk("newsgraph", app.Commands)
	return out
}

// shellWords splits a command line as a POSIX shell would for these
// examples: words, single and double quotes, and an end at a comment, a
// pipe, a redirection or "&&". ok is false for an unclosed quote.
func shellWords(line string) (words []string, ok bool) {
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case (r == '#' || r == '|' || r == '>' || r == '&') && !inWord:
			return words, true
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, false
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, true
}

func TestShellWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`newsgraph query path Kadhimi Raisi`, "newsgraph|query|path|Kadhimi|Raisi"},
		{`newsgraph query timeline "الحشد الشعبي" --per week`, "newsgraph|query|timeline|الحشد الشعبي|--per|week"},
		{`newsgraph export --kind country,"armed faction" x.graphml`, "newsgraph|export|--kind|country,armed faction|x.graphml"},
		{`newsgraph ingest --delimiter ';' export.csv`, "newsgraph|ingest|--delimiter|;|export.csv"},
		{`newsgraph runs --format json | jq '.[]'`, "newsgraph|runs|--format|json"},
		{`newsgraph query entity Iraq --type person        # people only`, "newsgraph|query|entity|Iraq|--type|person"},
	} {
		got, ok := shellWords(tc.in)
		if !ok || strings.Join(got, "|") != tc.want {
			t.Errorf("shellWords(%q) = %q, %v; want %s", tc.in, got, ok, tc.want)
		}
	}
}

// stubActions replaces every command's action with one that checks the
// positional arguments against its ArgsUsage — "NAME" one, "FROM TO" two,
// "NAME..." at least one, "[X]" optional — and does nothing else, so that
// the examples go through the real flag parsing without touching a store.
func stubActions(cmds []*cli.Command) {
	for _, c := range cmds {
		stubActions(c.Subcommands)
		if c.Action == nil {
			continue
		}
		name, usage := c.Name, c.ArgsUsage
		c.Action = func(ctx *cli.Context) error {
			required, variadic := 0, false
			for _, w := range strings.Fields(usage) {
				switch {
				case w == "...":
					variadic = true
				case strings.HasPrefix(w, "["):
					variadic = true
				case strings.HasSuffix(w, "..."):
					required++
					variadic = true
				default:
					required++
				}
			}
			if ctx.NArg() < required || !variadic && ctx.NArg() != required {
				return usageErrorf("%s wants %q, got %d argument(s): %q", name, usage, ctx.NArg(), ctx.Args().Slice())
			}
			return nil
		}
	}
}

// TestHelpExamples runs every example of every help text through the
// argument parsing: as the shell splits it, then interspersed, cli's flag
// parsing and the command's argument count. An example that fails as
// written (an unquoted name of two words) fails here.
func TestHelpExamples(t *testing.T) {
	all := examples(newApp(io.Discard, io.Discard))
	n := 0
	for where, lines := range all {
		for _, line := range lines {
			n++
			args, ok := shellWords(line)
			if !ok {
				t.Errorf("%s: example %q does not split as a shell would (an unclosed quote)", where, line)
				continue
			}
			app := newApp(io.Discard, io.Discard) // cli keeps state from one run to the next
			stubActions(app.Commands)
			args, err := interspersed(app, args)
			if err == nil {
				err = app.RunContext(context.Background(), args)
			}
			if err != nil {
				t.Errorf("%s: example %q fails as written: %v", where, line, err)
			}
		}
	}
	// Every command documents examples; fewer than this means the
	// extraction broke (counted on this branch: 60 examples).
	if n < 50 {
		t.Errorf("found %d examples, want 50 or more:\n%q", n, all)
	}
}
