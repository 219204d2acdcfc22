package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestStoreMustExist checks that only ingest creates a store, and that a
// mistyped path is a usage error (exit 2) naming the close *.db files.
func TestStoreMustExist(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"query", "centrality"}, {"query", "path", "Kadhimi", "Raisi"}, {"query", "entity", "Iraq"},
		{"stats"}, {"runs"}, {"export", "-"},
	} {
		r := newsgraphEnv(t, dir, nil, append([]string{"--store", "grpah.db"}, args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "store grpah.db does not exist (newsgraph ingest creates one)") {
			t.Errorf("%v on no store: exit %d, stderr %q; want exit 2 naming grpah.db", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "grpah.db")); err == nil {
		t.Fatal("a query created the store it was pointed at")
	}

	// A dry run creates nothing either.
	r := newsgraphEnv(t, dir, nil, "ingest", "--dry-run", "--store", "graph.db", seedDir(t))
	expect(t, r, 0, "ingest --dry-run")
	if !strings.Contains(r.stdout, "1 new") || !strings.Contains(r.stderr, "the dry run compares with an empty graph and creates nothing") {
		t.Errorf("dry run into no store:\n%s%s", r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "graph.db")); err == nil {
		t.Fatal("a dry run created the store")
	}

	r = newsgraphEnv(t, dir, nil, "ingest", "--store", "graph.db", seedDir(t))
	expect(t, r, 0, "ingest")
	if strings.Count(r.stderr, "created store graph.db") != 1 {
		t.Errorf("ingest into a new store should say so once on stderr:\n%s", r.stderr)
	}
	r = newsgraphEnv(t, dir, nil, "ingest", "--store", "graph.db", seedDir(t))
	if strings.Contains(r.stderr, "created") {
		t.Errorf("ingest into an existing store says it created it:\n%s", r.stderr)
	}

	r = newsgraphEnv(t, dir, nil, "query", "centrality", "--store", "grpah.db")
	if r.code != exitUsage || !strings.Contains(r.stderr, "store grpah.db does not exist (newsgraph ingest creates one); did you mean graph.db?") {
		t.Errorf("a mistyped store: exit %d, stderr %q", r.code, r.stderr)
	}
	r = newsgraphEnv(t, dir, nil, "stats", "--store", filepath.Join(dir, "nothing-like-it.db"))
	if r.code != exitUsage || strings.Contains(r.stderr, "did you mean") {
		t.Errorf("a store path like no other: exit %d, stderr %q; want exit 2 without suggestions", r.code, r.stderr)
	}
}

// TestStorePrecedence checks --store, then NEWSGRAPH_STORE, then NEO4J_URI,
// then newsgraph.db. The URI points at no server, and no password is set,
// so a command that took it fails before connecting, naming it.
func TestStorePrecedence(t *testing.T) {
	dir := t.TempDir()
	ng(t, dir, 0, "ingest", seedDir(t)) // into dir/graph.db
	const uri = "bolt://127.0.0.1:1"
	for _, tc := range []struct {
		env  []string
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"NEO4J_URI=" + uri}, []string{"stats"}, 1, "store " + uri + ": no neo4j password"},
		{[]string{"NEO4J_URI=" + uri, "NEWSGRAPH_STORE=graph.db"}, []string{"stats"}, 0, ""},
		{[]string{"NEO4J_URI=" + uri}, []string{"stats", "--store", "graph.db"}, 0, ""},
		{[]string{"NEWSGRAPH_STORE=" + uri}, []string{"--store", "graph.db", "stats"}, 0, ""},
		{nil, []string{"stats"}, 2, "store newsgraph.db does not exist"},
	} {
		r := newsgraphEnv(t, dir, tc.env, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v %v: exit %d, stderr %q; want exit %d and %q", tc.env, tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

// TestGlobalFlagsAfterCommand checks that the global flags work wherever
// they are given.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	dir := t.TempDir()
	ng(t, dir, 0, "ingest", seedDir(t))
	store := filepath.Join(dir, "graph.db")
	want := newsgraphEnv(t, dir, nil, "--store", store, "query", "centrality", "--top", "3", "--format", "csv")
	expect(t, want, 0)
	for _, args := range [][]string{
		{"query", "centrality", "--store", store, "--top", "3", "--format", "csv"},
		{"query", "centrality", "--top", "3", "--format", "csv", "-s", store},
		{"query", "--store=" + store, "centrality", "--top", "3", "--format", "csv"},
	} {
		r := newsgraphEnv(t, dir, nil, args...)
		if r.code != 0 || r.stdout != want.stdout {
			t.Errorf("newsgraph %v: exit %d\n%s%s\nwant:\n%s", args, r.code, r.stdout, r.stderr, want.stdout)
		}
	}
	r := newsgraphEnv(t, dir, nil, "query", "centrality", "--store", store, "--format", "table", "--width", "40")
	expect(t, r, 0)
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if w := displayWidth(line); w > 40 {
			t.Errorf("--width 40 after the command: a %d-column line %q", w, line)
		}
	}
}

func TestCompletion(t *testing.T) {
	dir := t.TempDir()
	for shell, want := range map[string]string{
		"bash": "complete -o bashdefault -o default -o nospace -F _cli_bash_autocomplete newsgraph\n",
		"zsh":  "compdef _cli_zsh_autocomplete newsgraph\n",
		"fish": "complete -r -c newsgraph -n '__fish_newsgraph_no_subcommand' -a 'query'",
	} {
		r := ng(t, dir, 0, "completion", shell)
		if !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "$PROG") {
			t.Errorf("completion %s lacks %q:\n%s", shell, want, r.stdout)
		}
		if path, err := exec.LookPath(shell); err == nil && shell != "fish" {
			// The shell itself reads the script without running it.
			cmd := exec.Command(path, "-n")
			cmd.Stdin = strings.NewReader(r.stdout)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s -n on the completion script: %v\n%s", shell, err, out)
			}
		}
	}
	// What the scripts ask: the words typed so far, then the flag.
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--generate-bash-completion"}, []string{"ingest", "query", "stats", "completion"}},
		{[]string{"query", "--generate-bash-completion"}, []string{"centrality", "path", "neighbors", "timeline"}},
		{[]string{"query", "centrality", "--to", "--generate-bash-completion"}, []string{"--top"}},
	} {
		r := ng(t, dir, 0, tc.args...)
		lines := strings.Fields(r.stdout)
		for _, w := range tc.want {
			if !slicesContains(lines, w) {
				t.Errorf("newsgraph %v offers %q, not %s", tc.args, lines, w)
			}
		}
	}
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestVersion checks --version of the test binary (built in a checkout,
// with or without VCS stamping) and of one built with -ldflags.
func TestVersion(t *testing.T) {
	dir := t.TempDir()
	r := ng(t, dir, 0, "--version")
	if !strings.HasPrefix(r.stdout, "newsgraph version dev") {
		t.Errorf("--version of a checkout build: %q", r.stdout)
	}
	bin := filepath.Join(dir, "newsgraph-ldflags")
	if out, err := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.version=v9.8.7-test", ".").CombinedOutput(); err != nil {
		t.Fatalf("build with -ldflags: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil || string(out) != "newsgraph version v9.8.7-test\n" {
		t.Errorf("--version with -ldflags: %q, %v", out, err)
	}
}

// TestTablesFit checks the tables at 80 and 120 columns against goldens,
// Arabic names included, and that no line is wider than the terminal by
// display width (not bytes: an Arabic letter is two bytes, one column).
func TestTablesFit(t *testing.T) {
	dir := t.TempDir()
	ng(t, dir, 0, "ingest", seedDir(t))
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"centrality", []string{"query", "centrality", "--top", "8"}},
		{"centrality-wide", []string{"query", "centrality", "--top", "8", "--wide"}},
		{"path", []string{"query", "path", "Kadhimi", "Raisi"}},
		{"entity", []string{"query", "entity", "Kadhimi"}},
		{"relations", []string{"query", "relations", "Kadhimi"}},
		{"neighbors", []string{"query", "neighbors", "Kadhimi", "--top", "5"}},
		{"path-sentence", []string{"query", "path", "Kadhimi", "Raisi", "--edges", "sentence"}},
	} {
		for _, width := range []string{"80", "120"} {
			r := ng(t, dir, 0, append(tc.args, "--format", "table", "--width", width)...)
			golden(t, tc.name+"-seed-"+width, r.stdout)
			limit := 80
			if width == "120" {
				limit = 120
			}
			for _, line := range strings.Split(r.stdout, "\n") {
				if strings.HasPrefix(line, "┌") || strings.HasPrefix(line, "│") || strings.HasPrefix(line, "└") {
					if w := displayWidth(line); w > limit {
						t.Errorf("%s at %s columns: a %d-column line\n%s", tc.name, width, w, line)
					}
				}
			}
		}
	}
	// COLUMNS fits a forced table as --width does.
	a := ng(t, dir, 0, "query", "centrality", "--format", "table", "--width", "80")
	b := newsgraphEnv(t, dir, []string{"NEWSGRAPH_STORE=" + filepath.Join(dir, "graph.db"), "COLUMNS=80"}, "query", "centrality", "--format", "table")
	if a.stdout != b.stdout {
		t.Errorf("COLUMNS=80 and --width 80 differ:\n%s\n%s", b.stdout, a.stdout)
	}
	// Piped with the default format: tab-separated, a header of csv names.
	r := ng(t, dir, 0, "query", "centrality", "--top", "2")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "rank\tid\tname\tname_ar\ttype\tpagerank\t") ||
		!strings.HasPrefix(lines[1], "1\tunited-states\tUnited States\tالولايات المتحدة\tlocation\t") {
		t.Errorf("piped centrality:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "query", "centrality", "--top", "2", "--columns", "name,name-ar,articles")
	if r.stdout != "name\tname_ar\tarticles\nUnited States\tالولايات المتحدة\t1\nMustafa al-Kadhimi\tمصطفى الكاظمي\t1\n" {
		t.Errorf("piped centrality --columns:\n%s", r.stdout)
	}
	r = ng(t, dir, 0, "query", "neighbors", "Kadhimi", "--top", "2", "--columns", "NAME,articles")
	if r.stdout != "name\tarticles\nBaghdad\t1\nDonald Trump\t1\n" {
		t.Errorf("piped neighbors --columns:\n%s", r.stdout)
	}
	r = ng(t, dir, 2, "query", "neighbors", "Kadhimi", "--columns", "nmae")
	if !strings.Contains(r.stderr, `no column "nmae"`) || !strings.Contains(r.stderr, "did you mean name?") {
		t.Errorf("neighbors --columns nmae: %s", r.stderr)
	}
}
