package main

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestInterspersed(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	for _, tc := range []struct {
		in, want []string
		err      string // in the error, "" for none
	}{
		{in: []string{"ng", "query", "path", "A", "B", "--format", "json"},
			want: []string{"ng", "query", "path", "--format", "json", "A", "B"}},
		// Global flags move in front of the command, with their values.
		{in: []string{"ng", "query", "centrality", "--store", "g.db", "-n", "2", "--width=80"},
			want: []string{"ng", "--store", "g.db", "--width=80", "query", "centrality", "-n", "2"}},
		{in: []string{"ng", "ingest", "-", "-s", "x.db", "-q"},
			want: []string{"ng", "-s", "x.db", "ingest", "-q", "-"}},
		// "--" ends flags; what follows is an argument.
		{in: []string{"ng", "query", "entity", "--", "--store"},
			want: []string{"ng", "query", "entity", "--", "--store"}},
		// A completion request is cli's to answer, as typed.
		{in: []string{"ng", "query", "centrality", "--to", "--generate-bash-completion"},
			want: []string{"ng", "query", "centrality", "--to", "--generate-bash-completion"}},
		{in: []string{"ng", "help", "query"}, want: []string{"ng", "help", "query"}},
		// cli's help command reads one word: help for a subcommand is
		// asked of the subcommand itself.
		{in: []string{"ng", "help", "query", "path"}, want: []string{"ng", "query", "path", "--help"}},
		{in: []string{"ng", "--store", "g.db", "help", "eval", "ner"}, want: []string{"ng", "--store", "g.db", "eval", "ner", "--help"}},
		{in: []string{"ng", "query", "help", "path"}, want: []string{"ng", "query", "help", "path"}},
		{in: []string{"ng", "qurey"}, err: `unknown command "qurey"; did you mean query?`},
		{in: []string{"ng", "query", "--store", "g.db", "pth", "A", "B"}, err: `unknown command "pth"; did you mean path?`},
		{in: []string{"ng", "eval", "nre"}, err: `unknown command "nre"; did you mean ner?`},
		{in: []string{"ng", "stats", "--sine", "2021"}, err: "unknown flag --sine; did you mean --since?"},
	} {
		got, err := interspersed(app, tc.in)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, errUsage) {
				t.Errorf("interspersed(%q): %v; want a usage error with %q", tc.in, err, tc.err)
			}
		case err != nil || !reflect.DeepEqual(got, tc.want):
			t.Errorf("interspersed(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
